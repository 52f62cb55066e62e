"""What travels through Redis: items as JSON from a worker to the coordinator (no pickle; bodies
base64), and a listing's state as the frontier keeps it (counts and problems)."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

from ..items import EntryItem, PageItem
from ..listing_state import ListingState


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


def encode_result(pages: list[PageItem], entries: list[EntryItem], listing_url: str, tally: ListingState) -> str:
    """One page's outcome: its capture(s), the entries read from it, what the summary should say
    about its listing (notes, such as a feed that lists far more) and how its page read (the
    health checks' facts: ListingState.read_facts)."""
    out = {"pages": [page_to_dict(p) for p in pages], "entries": [dict(e) for e in entries]}
    if tally.notes:
        out["notes"] = {listing_url: list(tally.notes)}
    if tally.read_facts():
        out["read"] = {listing_url: tally.read_facts()}
    return json.dumps(out)


def decode_result(text: str | bytes) -> tuple[list[PageItem], list[EntryItem], dict, dict]:
    """(pages, entries, {listing url: notes}, {listing url: read facts})."""
    data = json.loads(text)
    pages = [page_from_dict(p) for p in data.get("pages", [])]
    entries = [entry_from_dict(e) for e in data.get("entries", [])]
    return pages, entries, data.get("notes") or {}, data.get("read") or {}


def encode_tally(tally: ListingState) -> tuple[int, int, list[str]]:
    """A worker's part of a listing's state, as the frontier adds it up: (fetched, failed, problems)."""
    return tally.pages_fetched, tally.pages_failed, list(tally.problems)


def decode_listing(counts: dict[bytes, bytes], problems) -> ListingState:
    """A listing's state from the frontier's hash of counts and its set of problems."""
    state = ListingState(
        **{k: int(counts.get(k.encode(), 0)) for k in ("pages_fetched", "pages_failed", "pages_requested")}
    )
    state.problems = sorted(p.decode() for p in problems)
    return state.settle()
