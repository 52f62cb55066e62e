"""What every report format shares: values shown, word diffs, groups, the compared line, clipping."""

from __future__ import annotations

import difflib
import re
import textwrap

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from crawler.wording import counted

from .safety import for_html, md_link, md_text, web_link

KINDS = ("new", "changed", "removed", "restored")
LONG_TEXT = 80
EXCERPT = 200


def show(value) -> str:
    if value is None or value == [] or value == "":
        return "∅"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def excerpt(text, width: int = EXCERPT) -> str:
    """A description shortened at a word, for terminals and notifications."""
    return textwrap.shorten(" ".join(str(text or "").split()), width, placeholder=" …") if text else ""


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
        key = (
            e.get("listing_title") or e.get("listing_url") or "",
            e.get("group") or e.get("group_month") or "no group heading",
        )
        if out and out[-1][:2] == key:
            out[-1][2].append(e)
        else:
            out.append((key[0], key[1], [e]))
    return out


def compared(r: dict) -> str:
    """Which crawls (and how many captured pages) a report compares."""
    caps = r.get("captures") or {}

    def one(crawl):
        return f"crawl {crawl['id']} ({crawl['status']}, {counted(caps.get(str(crawl['id']), 0), 'page')} captured)"

    start = one(r["from"]) if r["from"] else "an empty archive"
    between = len(r["crawls"]) - 1
    return (
        f"Compares {start} with {one(r['to'])}"
        + (f", folding {counted(between, 'crawl')} in between" if between > 0 else "")
        + "."
    )


def partial_note(r: dict) -> str:
    ids = ", ".join(map(str, r["partial_crawls"]))
    return f"Crawl(s) {ids} did not complete or looked suspect: nothing was marked removed on their strength."


def held_note(r: dict) -> str:
    """The entries a crawl missed exactly between two pages: not counted as removed yet (items shifting while it
    read the pages would hide them); the next complete crawl that misses them marks them removed."""
    held = r.get("held_back") or {}
    said = "; ".join(f"crawl {cid}: {n} {'entry' if n == 1 else 'entries'}" for cid, n in held.items())
    where = ", in any of its listings" if r.get("listing") else ""  # a crawl's note counts them all
    return (
        f"Missing exactly between two pages ({said}{where}): not counted as removed yet; the next complete crawl "
        "that misses such an entry marks it removed."
    )


def clip(report: dict, limit: int | None) -> dict:
    """The report with each list cut to `limit` entries; `more` says how many were left out."""
    out = dict(report)
    out["more"] = dict.fromkeys(KINDS, 0)
    if limit is not None:
        for kind in KINDS:
            out["more"][kind] = max(0, len(report[kind]) - limit)
            out[kind] = report[kind][:limit]
    return out


def title_line(r: dict) -> str:
    """The counts, as a notification's title or a report's first line says them."""
    c = r["counts"]
    return f"{c['new']} new, {c['changed']} changed, {c['removed']} removed, {c['restored']} restored"


class MarkdownSafe(str):
    """Markdown made here from escaped parts: printed as it is."""


def _md_finalize(value):
    if isinstance(value, (MarkdownSafe, int)) or value is None:
        return "" if value is None else value
    return md_text(value)


def _html_finalize(value):
    return value if isinstance(value, Markup) or not isinstance(value, str) else for_html(value)


HELPERS = {
    "show": show,
    "word_diff": word_diff,
    "is_long": is_long,
    "groups": groups,
    "compared": compared,
    "excerpt": excerpt,
    "web_link": web_link,
    "partial_note": partial_note,
    "held_note": held_note,
    "title_line": title_line,
    "kinds": KINDS,
}


def environment(kind: str) -> Environment:
    """The Jinja environment of one kind of template: every printed value goes through
    its escaper (HTML escaping, Markdown backslashes), unless made safe here. Atom is built
    with feedgen (archive/reports/atom.py), not a template."""
    if kind == "markdown":
        env = Environment(
            loader=PackageLoader("archive.reports", "templates"),
            autoescape=False,
            finalize=_md_finalize,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        env.globals.update(link=lambda title, url: MarkdownSafe(md_link(title, url)), raw=MarkdownSafe)
    else:
        env = Environment(
            loader=PackageLoader("archive.reports", "templates"),
            autoescape=select_autoescape(["html", "svg"]),
            finalize=_html_finalize,
            trim_blocks=True,
            lstrip_blocks=True,
        )
    env.globals.update(HELPERS)
    return env
