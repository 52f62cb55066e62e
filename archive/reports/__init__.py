"""Diff reports, one renderer per format; each reads the dict archive.diff.diff() returns."""

from __future__ import annotations

import difflib
import json
import re

from jinja2 import Environment, PackageLoader, select_autoescape

FORMATS = ("text", "markdown", "html", "json", "atom")
LONG_TEXT = 80

_env = Environment(
    loader=PackageLoader("archive.reports", "templates"),
    autoescape=select_autoescape(["html", "xml"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def show(value) -> str:
    if value is None or value == [] or value == "":
        return "∅"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def word_diff(old, new) -> list[tuple[str, str]]:
    """[(op, text)] with op in "=", "-", "+": a word-level diff for long text."""
    a, b = re.findall(r"\S+|\s+", show(old)), re.findall(r"\S+|\s+", show(new))
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", "".join(a[i1:i2])))
        else:
            if i2 > i1:
                out.append(("-", "".join(a[i1:i2])))
            if j2 > j1:
                out.append(("+", "".join(b[j1:j2])))
    return out


def is_long(old, new) -> bool:
    return len(show(old)) > LONG_TEXT or len(show(new)) > LONG_TEXT


def groups(entries: list[dict]) -> list[tuple[str, str, list[dict]]]:
    """Entries grouped by (listing, month), in the order diff() sorted them."""
    out: list[tuple[str, str, list[dict]]] = []
    for e in entries:
        key = (e.get("listing_title") or e.get("listing_url") or "", e.get("group") or e.get("group_month") or "no group heading")
        if out and out[-1][:2] == key:
            out[-1][2].append(e)
        else:
            out.append((key[0], key[1], [e]))
    return out


def compared(r: dict) -> str:
    """Which crawls (and how many captured pages) a report compares."""
    caps = r.get("captures") or {}
    def one(crawl):
        return f"crawl {crawl['id']} ({crawl['status']}, {caps.get(str(crawl['id']), 0)} pages captured)"
    start = one(r["from"]) if r["from"] else "an empty archive"
    between = len(r["crawls"]) - 1
    return f"Compares {start} with {one(r['to'])}" + (f", folding {between} crawl(s) in between" if between > 0 else "") + "."


_env.globals.update(show=show, word_diff=word_diff, is_long=is_long, groups=groups, compared=compared)


def render(report: dict, fmt: str, colour: bool = False, feed_url: str | None = None) -> str:
    if fmt == "json":
        return json.dumps(report, ensure_ascii=False, indent=2, default=str) + "\n"
    if fmt == "text":
        from .text import render_text

        return render_text(report, colour=colour)
    if fmt in ("markdown", "html", "atom"):
        name = {"markdown": "report.md.j2", "html": "report.html", "atom": "feed.xml"}[fmt]
        from ..diff import is_empty

        return _env.get_template(name).render(r=report, empty=is_empty(report), feed_url=feed_url or "urn:listing-archive:diff")
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
