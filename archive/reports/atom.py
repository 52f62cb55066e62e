"""The Atom feed of new and changed entries, with stable ids: a feed reader announces each once.
Characters XML forbids are dropped, so a hostile title cannot make the feed unreadable."""

from __future__ import annotations

from . import ReportFormat, register
from .common import environment

_env = environment("xml")


def render_atom(report: dict, feed_url: str | None = None, **_) -> str:
    return _env.get_template("feed.xml").render(r=report, feed_url=feed_url or "urn:listing-archive:diff")


FORMAT = register(ReportFormat("atom", render_atom, "application/atom+xml", ".xml", order=50))
