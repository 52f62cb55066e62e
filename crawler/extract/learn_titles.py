"""What `learn` counts as a title: the elements like the example's that a block holds (a row's title cell, not
its "Agenda" link or its status), so that a block holding several is a list, not an entry."""

from __future__ import annotations

import re
from contextvars import ContextVar

from ..parsers.dates import looks_like_date_line
from .css_names import valid
from .fields import HEADINGS
from .html import first, text_of
from .wordings import is_more_link

# Set while learning from an example that is itself a date ("Enero 2025": monthly reports named by their month):
# the user says that on this page a date is what names an entry.
DATES_NAME_ENTRIES: ContextVar[bool] = ContextVar("dates_name_entries", default=False)
# Set to the example while it is one word ("2020_02.pdf": minutes named by their file): words of its kind are titles.
ONE_WORD_EXAMPLE: ContextVar[str] = ContextVar("one_word_example", default="")


def could_be_title(el) -> bool:
    """Text that can be an entry's title: some text, not "Read more", not a date (unless dates name entries)."""
    text = text_of(el) if el is not None else None
    return bool(text) and not is_more_link(text) and (DATES_NAME_ENTRIES.get() or not looks_like_date_line(text))


def title_like(el) -> bool:
    """A title for counting the titles a block holds: more than one word besides, so that a
    row's "Agenda" or "PDF" link beside its title is not a second title; one word of the example's kind where the
    example is one word ("2019_08_exec.pdf" beside "2020_02.pdf": files named by their day)."""
    if not could_be_title(el):
        return False
    words = text_of(el).split()
    return len(words) > 1 or _word_kind(words[0]) == _word_kind(ONE_WORD_EXAMPLE.get()) != (False, "")


def _word_kind(word: str) -> tuple[bool, str]:
    """Whether a word holds a figure, and the file extension it ends on ("2020_02.pdf": (True, ".pdf"))."""
    extension = _EXTENSION.search(word)
    return any(c.isdigit() for c in word), extension.group().casefold() if extension else ""


_EXTENSION = re.compile(r"\.[A-Za-z0-9]{2,4}$")


def _signature(el) -> tuple:
    return el.tag, frozenset((el.get("class") or "").split())


def _titles_inside(node, title) -> int:
    """How many elements like the title (same tag and classes, parent alike, a link or none as it
    has) the node holds: a row's title cell and its cells of file buttons are not two titles."""
    parent = title.getparent()
    want, want_parent = _signature(title), _signature(parent) if parent is not None else None
    linked = _has_link(title)

    def lines(box) -> list[str]:
        found = []
        for el in box.iter(title.tag):
            up = el.getparent()
            alike = _signature(el) == want and (up is None or _signature(up) == want_parent)
            if alike and _has_link(el) == linked and title_like(el):
                found.append(" ".join(text_of(el).split()))
        return found

    own = lines(node)
    if len(own) < 2:
        return len(own)
    # A line the boxes beside repeat word for word ("Download the full report.") where the example's differs:
    # the box's boilerplate, no second title.
    # Not where the example's own line repeats beside (a recurring meeting), nor where no line is the box's own.
    beside = {line for box in _like_neighbours(node) for line in lines(box)}
    kept = sum(1 for line in own if line not in beside)
    example = " ".join((text_of(title) or "").split())
    return len(own) if not kept or (example in own and example in beside) else kept


def several_headed(node, tag: str) -> bool:
    """Several children of `tag` each headed by a title, a heading the boxes beside repeat word for word (a box's
    "Download the full report." under its name) being none."""
    headed = [_heading_lines(c) for c in node if c.tag == tag]
    headed = [lines for lines in headed if lines]
    if len(headed) < 2:
        return False
    beside = {line for box in _like_neighbours(node) for c in box for line in _heading_lines(c)}
    kept = sum(1 for lines in headed if lines - beside)
    return (kept or len(headed)) > 1


def _heading_lines(el) -> set[str]:
    return {" ".join(text_of(h).split()) for h in el.iter(*HEADINGS) if title_like(h)}


def _like_neighbours(node) -> list:
    """The nearest siblings of the node's tag, before and after it (a few: the boxes beside, never a whole list)."""
    near = [next((s for s in node.itersiblings(preceding=True) if s.tag == node.tag), None)]
    near.append(next((s for s in node.itersiblings() if s.tag == node.tag), None))
    return [s for s in near if s is not None]


def _one_row(node, title) -> bool:
    """A table row whose cells each hold at most one title-like line (a status "Agenda Ready" beside the title):
    its columns, one entry."""
    return node.tag == "tr" and all(_titles_inside(cell, title) <= 1 for cell in node if cell.tag in ("td", "th"))


def _has_link(el) -> bool:
    return next(el.iter("a"), None) is not None


def by_class_alone(options: list[str]) -> list[str]:
    """Each "tag.class" followed by ".class": a title named by its class on a link in some entries and on a
    <span> in those with no page of their own (their link beside it says "Link")."""
    out = []
    for option in options:
        out.append(option)
        head, _, cls = option.partition(".")
        if cls and head.isalnum() and " " not in option and ":" not in option:
            out.append(f".{cls}")
    return out


def skipping_empty(runs: list, options: list[str]):
    """Each option, after it its ":not(:empty)" first where it reads an empty element in some entry: a row whose
    cell holds an empty link before the title's (<a href="old.pdf"></a><a href="new.pdf">Title</a>)."""
    for option in dict.fromkeys(options):
        found = [next((f for f in (first(el, option) for el in run) if f is not None), None) for run in runs]
        if any(el is not None and not len(el) and not el.text for el in found) and valid(f"{option}:not(:empty)"):
            yield f"{option}:not(:empty)"
        yield option


def empty_link_first(el) -> bool:
    """The element's first link shows no words: an anchor (`<h2><a class="anchor" href="#x"></a>Title</h2>`)."""
    link = next((a for a in el.iter("a") if a.get("href")), None)
    return link is not None and not text_of(link)


def date_link_only(el) -> bool:
    """The element's only link shows a date (`<h2>Title <a href="/post">22.3.2026</a></h2>`): the entry's
    permalink, put on its date, not a title of its own; the element's words are the title."""
    links = [a for a in el.iter("a") if a.get("href")]
    return len(links) == 1 and looks_like_date_line(text_of(links[0])) and text_of(el) != text_of(links[0])


def has_href(el) -> bool:
    return any(a.get("href") for a in el.iter("a"))


def sibling_rank(el) -> list[str]:
    """An unnamed element by what sets it apart from its siblings of its tag, last resort for a title beside a
    date in the same markup: an attribute of its own (`font[size="4"]`), its rank among them with its parent
    (`td > font:nth-of-type(2)`) and alone (an entry without the inner table of another). Not for a link: the 13th
    of a post's tag links is no title's place."""
    parent = el.getparent()
    alike = [s for s in parent if s.tag == el.tag] if parent is not None else []
    if len(alike) < 2 or el.get("class") or _has_link(el):
        return []
    others = [s for s in alike if s is not el]
    own = [
        f'{el.tag}[{name}="{value}"]'
        for name, value in el.attrib.items()
        if name in _PRESENTATIONAL and '"' not in value and all(s.get(name) != value for s in others)
    ]
    rank = f"{el.tag}:nth-of-type({alike.index(el) + 1})"
    return [s for s in (*own, f"{parent.tag} > {rank}", rank) if valid(s)]


# Attributes that set an element's look, the same from entry to entry (not an id, an address, a style string).
_PRESENTATIONAL = frozenset({"size", "face", "color", "align", "width", "role", "itemprop"})
