"""The terminal report: colour on a terminal, plain text when piped; no scraped control character reaches it."""

from __future__ import annotations

from . import ReportFormat, register
from .common import (
    KINDS,
    compared,
    excerpt,
    groups,
    held_note,
    is_long,
    partial_note,
    show,
    title_line,
    word_diff,
)
from .safety import terminal_clean

_C = {"new": "32", "changed": "33", "removed": "31", "restored": "36", "-": "31", "+": "32", "dim": "2", "bold": "1"}


def render_text(report: dict, colour: bool = False, brief: bool = False, **_) -> str:
    r = terminal_clean(report)  # every scraped string, before any colour is added

    def c(kind, text):
        return f"\033[{_C[kind]}m{text}\033[0m" if colour else text

    frm = f"crawl {r['from']['id']} ({r['from']['started_at']})" if r["from"] else "an empty archive"
    head = f"Changes from {frm} to crawl {r['to']['id']} ({r['to']['started_at']})"
    if not any(r["counts"].values()):
        if r["from"] and r["from"]["id"] == r["to"]["id"]:
            return c("bold", f"Nothing new since crawl {r['to']['id']} ({r['to']['started_at']}).") + "\n"
        note = f" ({partial_note(r).rstrip('.')})" if r["partial_crawls"] else ""
        held = "\n" + c("dim", f"Note: {held_note(r)}") if r.get("held_back") else ""
        return c("bold", f"{head}: nothing new, changed or removed{note}.") + held + "\n"
    lines = [c("bold", head), title_line(r), c("dim", compared(r))]
    if r["partial_crawls"]:
        lines.append(c("dim", f"Note: {partial_note(r)}"))
    if r.get("held_back"):
        lines.append(c("dim", f"Note: {held_note(r)}"))
    for kind in KINDS:
        if r[kind]:
            lines += ["", c(kind, f"{kind.upper()} ({r['counts'][kind]})")]
            lines += _entries(r, kind, c, brief)
    if r.get("more_hint") and any((r.get("more") or {}).values()):
        lines += ["", f"Full report: {r['more_hint']}"]
    return "\n".join(lines) + "\n"


def _entries(r: dict, kind: str, c, brief: bool) -> list[str]:
    lines = []
    for listing, group, entries in groups(r[kind]):
        lines.append(c("dim", f"  {listing} — {group}"))
        for e in entries:
            lines.append(f"  {c(kind, '*')} {e['title']}")
            lines.append(f"      {e['url'] or ''}")
            details = [
                x for x in (e.get("date_text"), "; ".join(e.get("organisers") or []) or None, e.get("credit")) if x
            ]
            if details and kind != "changed":
                lines.append(f"      {' | '.join(details)}")
            if kind == "new" and e.get("description"):
                lines.append(f"      {excerpt(e['description'])}")
            lines += _changes(e, c)
    more = (r.get("more") or {}).get(kind)
    if more:
        lines.append(f"  … and {more} more")
    return lines


def _changes(e: dict, c) -> list[str]:
    lines = []
    for field, (old, new) in (e.get("changes") or {}).items():
        if is_long(old, new):
            parts = "".join(
                c(op, f"[{'-' if op == '-' else '+'}{t}]") if op != "=" else t for op, t in word_diff(old, new)
            )
            lines.append(f"      {field}: {parts}")
        else:
            lines.append(f"      {field}: {c('-', show(old))} -> {c('+', show(new))}")
    return lines


FORMAT = register(ReportFormat("text", render_text, "text/plain; charset=utf-8", ".txt", notify_as="text", order=10))
