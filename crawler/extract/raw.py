"""What an extractor hands on: entry blocks as strings, before any field is parsed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class RawEntry:
    title: str | None
    href: str | None
    date_text: str | None = None
    date_iso: str | None = None  # a machine-readable date (<time datetime>), used when the text alone has no full date
    credit_text: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    image_src: str | None = None
    group: str | None = None
    position: int = 1
    organisers: list[str] | None = None  # named by structured data (schema.org organizer)


@dataclass
class RawPage:
    title: str | None
    language: str | None
    entries: list[RawEntry]
    page_links: list[str]  # every pagination link, the next page first
    # With no page link: pagination controls that lead nowhere a crawl can follow (javascript:, #, a button)
    script_page_links: list[str] = field(default_factory=list)
    page_number: int | None = None
    extractor: str = "generic"
    now: datetime | None = None  # the capture time, for relative dates ("3 hours ago")
    locale: str | None = None  # as the markup declares it ("en-us", "pt-br"): which way figures run
    years: tuple[int, ...] = ()  # the years the page's address and title name ("2019.festival.org")
