"""What a crawl knows of one listing while it runs and when it closes (no Scrapy, no SQLite here).

The spider keeps one per start URL; the archive's store reads them to close the crawl
(archive.store.finish_crawl); a distributed crawl rebuilds them from the frontier's counts
(crawler/distributed/frontier.py) and its workers send their part of one through Redis
(crawler/distributed/codec.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields

# Why a listing is incomplete when the crawl was told to stop (Ctrl-C, SIGTERM; crawler.stop_waits).
STOPPED = "stopped by SIGINT/SIGTERM before every page was read"


@dataclass
class ListingState:
    pages_requested: int = 0
    pages_fetched: int = 0
    pages_failed: int = 0
    problems: list[str] = field(default_factory=list)  # why the listing is incomplete
    notes: list[str] = field(default_factory=list)  # what the summary should say, incomplete or not
    feed: dict | None = None  # the feed its first page advertised ({"url": None} when none), once looked for
    resumed: bool = False  # its earlier pages belong to a stopped crawl (a resumed --jobdir)
    # How its pages read, for the health checks (archive.health; crawler.parse_pool.note_read):
    start_page_generic_entries: int | None = None  # what its start page yielded to the generic extractor
    start_page_prose_links: int = 0  # how many of those are links in running text (an About page's)
    script_links: list[str] = field(default_factory=list)  # pagination a crawl cannot follow (javascript:, #)
    browser_hint: str | None = None  # its list is built in the browser: crawl it with --render
    complete: bool = False  # set by settle(), when the crawl closes

    def problem(self, text: str) -> bool:
        """Record why the listing is incomplete, once; True if it is new."""
        if text in self.problems:
            return False
        self.problems.append(text)
        return True

    def note(self, text: str) -> bool:
        """Record something to say about the listing, once; True if it is new."""
        if text in self.notes:
            return False
        self.notes.append(text)
        return True

    READ_FACTS = ("start_page_generic_entries", "start_page_prose_links", "script_links", "browser_hint")

    def read_facts(self) -> dict:
        """How its pages read (the health checks' part), as a distributed worker sends it."""
        return {name: getattr(self, name) for name in self.READ_FACTS if getattr(self, name)}

    def add_read_facts(self, facts: dict) -> None:
        """A worker's read facts added to the listing's (crawler/distributed/codec.py carries them)."""
        if facts.get("start_page_generic_entries") is not None:
            self.start_page_generic_entries = facts["start_page_generic_entries"]
            self.start_page_prose_links = facts.get("start_page_prose_links") or 0
        self.script_links += [link for link in facts.get("script_links") or [] if link not in self.script_links]
        self.browser_hint = self.browser_hint or facts.get("browser_hint")

    @property
    def stopped(self) -> bool:
        """Was it cut short because the crawl was told to stop (not because the site failed)?"""
        return any(problem.endswith(STOPPED) for problem in self.problems)  # "URL: stopped by …" too

    def settle(self) -> ListingState:
        """Complete only when every page it found was fetched, none failed, and nothing went wrong."""
        self.complete = (
            self.pages_failed == 0
            and 0 < self.pages_fetched == self.pages_requested
            and not self.resumed
            and not self.problems
        )
        return self

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def of(cls, value: ListingState | Mapping) -> ListingState:
        """A ListingState from itself or from a mapping of its fields (other keys ignored)."""
        if isinstance(value, cls):
            return value
        known = {f.name for f in fields(cls)}
        data = {k: v for k, v in value.items() if k in known}
        for name in ("problems", "notes", "script_links"):
            data[name] = list(data.get(name) or [])
        return cls(**data)
