"""Where `learn` finds an example that is the line after its entry's date element, in no element of its own
(`<p><a><strong>Sonntag, 28. Februar um 17 Uhr</strong></a><br>“A title”<br>description…</p>`, an event programme):
the profile names that date element (`date`), keeps the entries to those showing it, and reads each title as the
words after it to the end of their line, else the next line (`title_line_after_date`: title_cuts.line_after_date)."""

from __future__ import annotations

from ..parsers.text import clean_text
from .css_names import compounds, valid
from .html import first, select, text_of
from .learn import Block, normal
from .learn_fields import candidates
from .title_cuts import line_after_date, opening_date

_MAX_DATE_LINE = 80  # a date element, not a paragraph that mentions a date


def learn_line_after_date(block: Block, example: str, selectors: dict, titles: list, read_back: bool) -> bool:
    """Where the example is the line after a date element of its block (the block its whole text, no title element
    naming it), and half the blocks or more show a date at that place with a line after it: the selectors say so
    (`date`, the entry kept to blocks showing it, `title_line_after_date`). Whether they do. Where the profile reads
    the example back already, only if most titles it reads open on a date (its date link, the title after the date
    inside it: "Samstag, 10. September um 18 Uhr Solo-Recital" read back, "Samstag, 9. April um 16 Uhr" beside it)."""
    if block.path or block.flat or "," in selectors["entry"]:
        return False
    if read_back and 2 * sum(1 for t in titles if opening_date(clean_text(t) or "")) < len(titles):
        return False
    date_el = _opening_date(block.node)
    if date_el is None or normal(line_after_date(block.node, date_el)) != normal(example):
        return False
    options = candidates(date_el, block.node)
    for selector in sorted(options, key=lambda s: ">" not in s):  # its place ("a > strong") before its tag alone
        if first(block.node, selector) is not date_el or not valid(f"{selectors['entry']}:has({selector})"):
            continue
        shown = [m for m in block.members if _date_with_line(m, first(m, selector))]
        if len(shown) >= max(2, len(block.members) / 2):
            selectors["entry"] = _dated_entries(block, shown, selectors["entry"], selector)
            selectors["date"] = selector
            selectors.pop("title", None)
            selectors["title_line_after_date"] = "true"
            link = next((a for a in date_el.iterancestors("a") if a.get("href")), None)
            if link is not None and first(block.node, "a") is link:
                selectors["link"] = "a"  # the date's link is the entry's, not a performer's link in its title
            return True
    return False


def _dated_entries(block: Block, shown: list, entry: str, date: str) -> str:
    """The entries kept to those showing the date element: by the list's own box where that selects them in it alone
    (a box alike beside it, "Recent" links in bold, is no part of the list), else by the element."""
    parent = block.node.getparent()
    root = block.node.getroottree().getroot()
    for name in (n for n in compounds(parent) if n != parent.tag):
        option = f"{name} > {block.node.tag}:has({date})"
        chosen = select(root, option) if valid(option) else []
        if set(shown) <= set(chosen) and all(el.getparent() is parent for el in chosen):
            return option
    return f"{entry}:has({date})"


def _opening_date(node):
    """The innermost element inside `node` whose short text opens on a date ("Sonntag, 28. Februar um 17 Uhr"): a
    link's <strong> rather than the link, whose words may run on after it."""
    found = next((el for el in node.iterdescendants() if _opens_on_date(el)), None)
    while found is not None:
        inner = next((c for c in found if _opens_on_date(c)), None)
        if inner is None:
            return found
        found = inner
    return None


def _opens_on_date(el) -> bool:
    text = clean_text(text_of(el)) or "" if isinstance(el.tag, str) else ""
    return len(text) <= _MAX_DATE_LINE and opening_date(text) is not None


def _date_with_line(member, date_el) -> bool:
    return date_el is not None and _opens_on_date(date_el) and bool(line_after_date(member, date_el))


def dated_line_elements(root, example: str) -> list:
    """The elements whose line after the date element they open on is the example, innermost."""
    body = root.find("body") if root.tag == "html" else root
    wanted = normal(example)
    if body is None or not wanted:
        return []
    found = [
        el
        for el in body.iter("p", "div", "li", "td", "dd")
        if wanted in normal(text_of(el)) and normal(line_after_date(el, _opening_date(el))) == wanted
    ]
    return [el for el in found if not any(o is not el and el in o.iterancestors() for o in found)]
