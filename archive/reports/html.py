"""The HTML report: one self-contained page (no script, no outside resource) for phone and
paper, with a chart of the last crawls above the lists."""

from __future__ import annotations

from . import ReportFormat, register
from .chart import activity_chart
from .common import environment

_env = environment("html")


def render_html(report: dict, brief: bool = False, **_) -> str:
    from ..diff import is_empty  # here: --help loads the formats, and diff loads the store

    chart = activity_chart(report.get("activity") or {})
    return _env.get_template("report.html").render(r=report, empty=is_empty(report), chart=chart, brief=brief)


FORMAT = register(ReportFormat("html", render_html, "text/html; charset=utf-8", ".html", notify_as="html", order=30))
