"""One crawl's state while it runs: counts, what each listing showed, held-back changes.

The store (archive.store) is stateless: it is handed a CrawlSession. A batch is first
planned against the session (archive.entries.plan_batch), then written in one
transaction, and only then absorbed into the session, so a write that fails and is
retried never leaves the session counting what the archive does not hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .health import filled


@dataclass
class Sighting:
    """Where an entry was listed in a crawl (placement is a sighting, never a version)."""

    listing_url: str
    page_url: str | None = None
    page: int | None = None
    group: str | None = None
    position: int | None = None
    capture_id: int | None = None


@dataclass
class SessionDelta:
    """What one batch adds to the session once it is committed."""

    # Sets, not lists: a batch asks of each of its (hundreds of) entries whether it is in them.
    seen: set = field(default_factory=set)  # entry ids seen for the first time in this crawl
    parsed: set = field(default_factory=set)  # entry ids first read from a fetched page (not a 304's stored copy)
    listing_entries: list = field(default_factory=list)  # (listing_url, entry_id, entry)
    deferred: list = field(default_factory=list)  # (entry, sighting): changes that would empty a field
    held: list = field(default_factory=list)  # (entry, crawl read): a reparse of older pages left it as it stands
    held_differ: list = field(default_factory=list)  # entry ids of those read differently from what their crawl kept
    new: int = 0
    changed: int = 0
    restored: int = 0


@dataclass
class CrawlSession:
    crawl_id: int
    source: str = "site"  # site, or reparse
    ignore_fields: tuple = ()
    entries: int = 0
    new: int = 0
    changed: int = 0
    restored: int = 0
    seen: set = field(default_factory=set)
    # Entries read from a fetched page: a 304 page's stored copy counts as seen, but what a fetched page says wins.
    parsed: set = field(default_factory=set)
    # Per listing: {entry_id: the watched fields it fills (health.filled)} seen on it, for the health checks.
    listing_entries: dict = field(default_factory=dict)
    # Changes that would empty a field wait for the crawl to prove healthy.
    deferred: list = field(default_factory=list)
    # A reparse of older pages: entries a later crawl saw, left as they stand, and those read differently.
    held: set = field(default_factory=set)
    held_differ: set = field(default_factory=set)
    # The links the archive holds an entry told apart on (archive/told_apart.py): read at the crawl's first batch.
    told_apart: set | None = None
    # Per listing: its entries under a link's id, by title and date (archive/lost_links.py): read when first needed.
    linked: dict = field(default_factory=dict)

    def __int__(self) -> int:
        return self.crawl_id

    def absorb(self, delta: SessionDelta) -> None:
        self.seen.update(delta.seen)
        self.parsed.update(delta.parsed)
        self.entries += len(delta.seen)
        for listing_url, entry_id, entry in delta.listing_entries:
            self.listing_entries.setdefault(listing_url, {})[entry_id] = filled(entry)
        self.deferred.extend(delta.deferred)
        self.held.update(e["entry_id"] for e, _ in delta.held)
        self.held_differ.update(delta.held_differ)
        self.new += delta.new
        self.changed += delta.changed
        self.restored += delta.restored
