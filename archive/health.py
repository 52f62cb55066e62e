"""Health checks: does a crawl of a listing look like the crawls before it?

A sharp drop (a redesign, a block page, an empty page served with 200) makes the
crawl suspect: its entries are stored, but nothing is marked removed and no field is
blanked on the strength of it.
"""

from __future__ import annotations

import dataclasses
import json

# Fields whose fill rate is watched (the field table marks them).
from crawler.field_table import WATCHED_FIELDS as WATCHED
from crawler.wording import counted

# How many earlier healthy, complete crawls of a listing it is compared with.
BASELINE_CRAWLS = 3
# Entries per page are compared only where pages held a few: on a page of 1-3 entries
# one more or fewer is noise, not a redesign.
MIN_ENTRIES_PER_PAGE = 4
# A drop to under half the usual entries per page, or half the usual pages, is no
# ordinary week: listings grow or shrink by a few entries, not by half.
DROP_SHARE = 0.5
# The share of pages is compared only for listings of a few pages (1-2 pages vary freely); fewer pages
# than the last healthy crawl is suspect at any size when the pagination left is script links, or when
# every page read is full (a listing's last page is rarely exactly full; a listing cut short always is).
MIN_PAGES = 3
# Fewer pages is taken as a listing's new, shorter length once this many crawls
# in a row before it read the same pages whole: a site cut short stays cut short while the
# alerts go out, but a listing that really shrank to whole pages is not suspect for ever. A watched
# field that stayed empty that many crawls in a row, every page read, is settled alike: a site that
# stopped showing images, or a new profile that does not read organisers, is not suspect for ever.
SETTLED_CRAWLS = 2
# A start page read by the generic extractor that yields fewer entries than this is no listing
# (an About page's one Contact link): a listing lists things. A profile's read is trusted.
MIN_LISTING_ENTRIES = 2
# A watched field is compared only over enough entries for its rate to mean something.
MIN_ENTRIES_FOR_FILL = 5
# A field filled in at least half the entries before and in under a tenth now was lost
# by the extractor (a renamed class), not by the site's editors.
FILLED_BEFORE, FILLED_NOW = 0.5, 0.1


_EMPTY_VALUES = (None, "", [], "[]")  # what empty() calls empty


def empty(value) -> bool:
    return value is None or value == "" or value == [] or value == "[]"


def filled(entry) -> tuple[bool, ...]:
    """Which watched fields the entry fills, in WATCHED's order: what the fill counts need of it (a session keeps
    this of each entry, not the entry: a crawl's entries are freed as they are written)."""
    # `not in` a tuple compares by identity, then ==: empty()'s tests, without a call a field (every entry written).
    return tuple([value not in _EMPTY_VALUES for value in map(entry.get, WATCHED)])


def fill_counts(rows) -> dict[str, int]:
    """How many of the entries (each as `filled` gives it) fill each watched field."""
    counts = {f: 0 for f in WATCHED}
    for row in rows:
        for f, full in zip(WATCHED, row, strict=True):
            counts[f] += full
    return counts


def assess(
    listing: str,
    pages: int,
    entries: int,
    fill: dict[str, int],
    baseline: list[dict],
    complete: bool,
    read: dict | None = None,
    settled_empty: frozenset[str] = frozenset(),
) -> list[str]:
    """Reasons this listing's crawl looks wrong against `baseline` (earlier healthy crawls, newest first).

    `read` says how its pages read (crawler.parse_pool.note_read): the start page's entries
    from the generic extractor, script page links, and `pages_full` (every page read as full
    as the last healthy crawl's pages were, which only a listing that goes on shows). `settled_empty`:
    watched fields the crawls just before left empty (`settled_fields`), not lost again by this one."""
    reasons, read = [], read or {}
    if pages and not entries:
        reasons.append(f"{listing}: {counted(pages, 'page')} fetched but no entries found")
    start, prose = read.get("start_page_generic_entries"), read.get("start_page_prose_links") or 0
    if start is not None and start - prose < MIN_LISTING_ENTRIES:
        # Links in a page's sentences are no entries: an About page with two inline links is no listing.
        yielded = f"{start} {'entry' if start == 1 else 'entries'}" + (
            f" ({prose} of them links in running text)" if start >= MIN_LISTING_ENTRIES else ""
        )
        reasons.append(
            f"{listing}: its start page, read without a profile, yielded {yielded}: "
            "this does not look like a listing page"
        )
    if not baseline or not entries:
        return reasons
    past_pages = sum(b["pages_fetched"] for b in baseline) / len(baseline)
    past_entries = sum(b["entries"] for b in baseline) / len(baseline)
    past_per_page = past_entries / past_pages if past_pages else 0
    if pages and past_per_page >= MIN_ENTRIES_PER_PAGE and entries / pages < DROP_SHARE * past_per_page:
        reasons.append(f"{listing}: {entries / pages:.1f} entries per page, was {past_per_page:.1f}")
    if complete and pages:
        reasons += _fewer_pages(listing, pages, past_pages, baseline[0]["pages_fetched"], read)
    if entries >= MIN_ENTRIES_FOR_FILL:
        reasons += _lost_fields(listing, entries, fill, baseline, settled_empty)
    return reasons


def _fewer_pages(listing: str, pages: int, past_pages: float, last_pages: int, read: dict) -> list[str]:
    """Fewer pages than before: pagination turned into script links, or stopped while pages were still full.
    A shorter length the crawls before read alike (`settled_length`) is the listing's own, script links aside."""
    if pages < last_pages and read.get("script_links"):
        return [
            f"{listing}: {counted(pages, 'page')}, was {last_pages}: its page links are now script links "
            f"({read['script_links'][0]})"
        ]
    if read.get("settled_length"):
        return []
    if past_pages >= MIN_PAGES and pages < DROP_SHARE * past_pages:
        return [f"{listing}: {counted(pages, 'page')}, was {past_pages:.0f}"]
    if pages < last_pages and read.get("pages_full"):
        return [
            f"{listing}: {counted(pages, 'page')}, was {last_pages}: the pages read are as full as before, "
            "as if more followed, but none is linked"
        ]
    return []


def browser_built(listing: str, info: dict) -> list[str]:
    """The spider saw a page a browser builds (crawler/extract/scripted.py): its list was not read whole."""
    return [f"{listing}: {info['browser_hint']}"] if info.get("browser_hint") else []  # info: ListingState.as_dict()


def _lost_fields(listing: str, entries: int, fill: dict[str, int], baseline: list[dict], settled_empty) -> list[str]:
    """Watched fields filled before and (nearly) empty now: filled on average over the baseline, or in its newest
    crawl alone. A field settled empty that came back for a crawl averages under FILLED_BEFORE with the empty
    crawls before it, yet losing it again is as much a lost field as the first time."""
    reasons, counted_crawls = [], [b for b in baseline if b["entries"] and b.get("fill")]
    for field in (f for f in WATCHED if f not in settled_empty):
        rates = [b["fill"].get(field, 0) / b["entries"] for b in counted_crawls]
        now = fill.get(field, 0) / entries
        if not rates or now >= FILLED_NOW:
            continue
        past = sum(rates) / len(rates)
        if past >= FILLED_BEFORE:
            reasons.append(f"{listing}: field {field} filled in {now:.0%} of entries, was {past:.0%}")
        elif rates[0] >= FILLED_BEFORE and counted_crawls[0]["entries"] >= MIN_ENTRIES_FOR_FILL:
            reasons.append(
                f"{listing}: field {field} filled in {now:.0%} of entries, was {rates[0]:.0%} in the last healthy crawl"
            )
    return reasons


@dataclasses.dataclass
class ListingHistory:
    """A listing's earlier crawls as closing a crawl reads them (listing_histories), newest first."""

    # Its last BASELINE_CRAWLS healthy, complete crawls, and its last SETTLED_CRAWLS whole site crawls as
    # (pages_fetched, pages_failed, entries, fill).
    baseline: list[dict] = dataclasses.field(default_factory=list)
    recent: list[tuple] = dataclasses.field(default_factory=list)

    def has_all(self, recent_wanted: int) -> bool:
        return len(self.baseline) == BASELINE_CRAWLS and len(self.recent) == recent_wanted


def listing_histories(conn, listing_urls, crawl_id: int, settling: bool) -> dict[str, ListingHistory]:
    """Each listing's baseline (its last healthy, complete crawls: what this one is compared with) and, when
    `settling`, its last SETTLED_CRAWLS site crawls before `crawl_id` that read every listing whole (a suspect one
    included: a suspect listing is recorded incomplete, its crawl complete). One pass for both, stopped once every
    listing has all it needs: listing_crawls has no index by listing, and a query a listing made closing a crawl of
    many listings cost in their square."""
    found = {url: ListingHistory() for url in listing_urls}
    recent_wanted, wanting = (SETTLED_CRAWLS if settling else 0), len(found)
    rows = conn.execute(
        "SELECT lc.listing_url, lc.crawl_id, lc.complete, lc.pages_fetched, lc.pages_failed, lc.entries, lc.fill, "
        "c.source = 'site' AND c.status = 'complete' "
        "FROM listing_crawls lc LEFT JOIN crawls c ON c.id = lc.crawl_id ORDER BY lc.crawl_id DESC"
    )
    for url, crawl, healthy, pages, failed, entries, fill, whole_site_read in rows:
        history = found.get(url)
        if history is None or history.has_all(recent_wanted):
            continue
        if healthy and len(history.baseline) < BASELINE_CRAWLS:
            parsed = json.loads(fill or "{}")
            history.baseline.append({"pages_fetched": pages, "entries": entries, "fill": parsed, "crawl_id": crawl})
        if whole_site_read and crawl < crawl_id and len(history.recent) < recent_wanted:
            history.recent.append((pages, failed, entries, fill))
        wanting -= history.has_all(recent_wanted)
        if not wanting:
            break
    rows.close()
    return found


def settled(recent: list[tuple], pages: int) -> bool:
    """Did the listing's `recent` site crawls (listing_histories) all read it in these same pages, none failing?
    Then a shorter listing is its new length, not a crawl cut short. Its entries may differ: a shortened news
    listing still takes new items in at the top."""
    return len(recent) == SETTLED_CRAWLS and all((read[0], read[1]) == (pages, 0) for read in recent)


def pages_full(conn, listing_url: str, crawl_id: int, baseline_crawl: int) -> bool:
    """Is every page this crawl read of the listing as full as the baseline crawl's pages (its last aside)?"""
    query = "SELECT count(*) FROM sightings WHERE crawl_id = ? AND listing_url = ? GROUP BY page_url"
    before = sorted((r[0] for r in conn.execute(query, (baseline_crawl, listing_url))), reverse=True)[:-1]
    now = [r[0] for r in conn.execute(query, (crawl_id, listing_url))]
    return bool(before and now) and min(now) >= min(before)


def settled_fields(recent: list[tuple]) -> frozenset[str]:
    """The watched fields the listing's `recent` site crawls (listing_histories) all left (nearly) empty, each
    reading it whole and enough entries to tell: the listing's new normal."""
    if len(recent) < SETTLED_CRAWLS or any(
        failed or entries < MIN_ENTRIES_FOR_FILL for _, failed, entries, _ in recent
    ):
        return frozenset()
    fills = [(json.loads(fill or "{}"), entries) for _, _, entries, fill in recent]
    return frozenset(
        field for field in WATCHED if all(fill.get(field, 0) / entries < FILLED_NOW for fill, entries in fills)
    )
