"""Health checks: does a crawl of a listing look like the crawls before it?

A sharp drop (a redesign, a block page, an empty page served with 200) makes the
crawl suspect: its entries are stored, but nothing is marked removed and no field is
blanked on the strength of it.
"""

from __future__ import annotations

# Fields whose fill rate is watched, and how entries count as having them.
from crawler.items import WATCHED_FIELDS as WATCHED


def empty(value) -> bool:
    return value is None or value == "" or value == [] or value == "[]"


def fill_counts(entries) -> dict[str, int]:
    counts = {f: 0 for f in WATCHED}
    for e in entries:
        for f in WATCHED:
            counts[f] += not empty(e.get(f))
    return counts


def assess(listing: str, pages: int, entries: int, fill: dict[str, int], baseline: list[dict], complete: bool) -> list[str]:
    """Reasons this listing's crawl looks wrong against `baseline` (earlier healthy crawls)."""
    reasons = []
    if pages and not entries:
        reasons.append(f"{listing}: {pages} page(s) fetched but no entries found")
    if not baseline or not entries:
        return reasons
    past_pages = sum(b["pages_fetched"] for b in baseline) / len(baseline)
    past_entries = sum(b["entries"] for b in baseline) / len(baseline)
    past_per_page = past_entries / past_pages if past_pages else 0
    if pages and past_per_page >= 4 and entries / pages < 0.5 * past_per_page:
        reasons.append(f"{listing}: {entries / pages:.1f} entries per page, was {past_per_page:.1f}")
    if complete and past_pages >= 3 and pages < 0.5 * past_pages:
        reasons.append(f"{listing}: {pages} page(s), was {past_pages:.0f}")
    if entries >= 5:
        for field in WATCHED:
            rates = [b["fill"].get(field, 0) / b["entries"] for b in baseline if b["entries"] and b.get("fill")]
            if not rates:
                continue
            past = sum(rates) / len(rates)
            now = fill.get(field, 0) / entries
            if past >= 0.5 and now < 0.1:
                reasons.append(f"{listing}: field {field} filled in {now:.0%} of entries, was {past:.0%}")
    return reasons
