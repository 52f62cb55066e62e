"""The JSON report: the diff as data (keys from, to, new, changed, removed, restored, counts, activity)."""

from __future__ import annotations

import json

from . import ReportFormat, register


def render_json(report: dict, **_) -> str:
    data = {k: v for k, v in report.items() if k not in ("more", "more_hint")}
    if any((report.get("more") or {}).values()):
        data["more"] = report["more"]
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


FORMAT = register(ReportFormat("json", render_json, "application/json", ".json", order=40))
