"""Items as JSON for the trip from a worker to the coordinator: no pickle; bodies base64."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

from ..items import EntryItem, PageItem


def _stamp() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def page_to_dict(item: PageItem) -> dict:
    out = dict(item)
    out["body"] = base64.b64encode(item.get("body") or b"").decode("ascii")
    out.setdefault("fetched_at", _stamp())  # when the worker had it, not when the writer got to it
    return out


def page_from_dict(data: dict) -> PageItem:
    data = dict(data)
    data["body"] = base64.b64decode(data.get("body") or "")
    return PageItem(**{k: v for k, v in data.items() if k in PageItem.fields})


def entry_from_dict(data: dict) -> EntryItem:
    return EntryItem(**{k: v for k, v in data.items() if k in EntryItem.fields})


def encode_result(pages: list[PageItem], entries: list[EntryItem]) -> str:
    """One page's outcome: its capture(s) and the entries read from it."""
    return json.dumps({"pages": [page_to_dict(p) for p in pages], "entries": [dict(e) for e in entries]})


def decode_result(text: str | bytes) -> tuple[list[PageItem], list[EntryItem]]:
    data = json.loads(text)
    return [page_from_dict(p) for p in data.get("pages", [])], [entry_from_dict(e) for e in data.get("entries", [])]
