"""Records each under a heading of its own whose only link says where the story appeared, not what it is
(issue 21): "<h1>Name</h1><p><em><a>Virginia Tech Daily, May 9, 2019</a></em></p>", a project's press mentions.
The heading names the record; the link is its address, and its date the record's. So does a bold line opening
each record ("<li><strong>Title</strong><br>Online article <a>Outlet</a>, 17.11.2020</li>", a press review), and a
plain line over links each led by a dash ("Title<br>–<a>WAVE3 coverage</a><br>–<a>WLKY coverage</a>")."""

from __future__ import annotations

import re

from ..parsers.datelines import date_at_edge, date_in_line
from ..parsers.groups import looks_like_group_heading
from .edge_dates import br_lines
from .html import INLINE, tag, text_of
from .titles import HEADINGS

# Records this many at least, each under its own heading, make the pattern; fewer are no list.
_MIN_RECORDS = 3
# A source named beside its date in this many words at most ("Virginia Tech Daily"); more is a title.
_MAX_SOURCE_WORDS = 5
# "By: Abby Lewis": who made it, in a few words.
_BYLINE = re.compile(r"^(?:by|par|por|von|di|door)\b:?\s*\S", re.IGNORECASE)
_MAX_BYLINE_WORDS = 6


def titles_over_credits(entries, records, links) -> None:
    """Records whose link (in `links`, each record's first element in `records`) says where the story ran, not what
    it is: a heading over each, a bold line opening each, or a plain line over links led by a dash names it."""
    headings_over_source_lines(entries, records, links)
    bold_lines_over_outlet_links(entries, records, links)
    plain_lines_over_dashed_links(entries, records, links)
    citations_over_source_links(entries, records, links)


def headings_over_source_lines(entries, records, links) -> None:
    """Each record (its first element in `records`, its link in `links`) right after a heading of its own with no
    link, two words or more, no date or month line, the headings all different; every link a source line
    ("Water World, October 18, 2017") or a byline ("By: Abby Lewis"), half of them at least dated: the
    headings are the titles."""
    if len(entries) < _MIN_RECORDS or len(records) != len(entries):
        return
    headings = [_heading_before(r) for r in records]
    names = [text_of(h) if h is not None else None for h in headings]
    if not all(names) or len(set(names)) < len(names) or any(not _names_record(n) for n in names):
        return
    kinds = [_link_line(text_of(a) if a is not None else None) for a in links]
    if not all(kinds) or kinds.count("source") * 2 < len(kinds):
        return
    for entry, name in zip(entries, names, strict=True):
        entry.title = name
        entry.group = None if entry.group == name else entry.group  # a heading over one record heads no group


def bold_lines_over_outlet_links(entries, records, links) -> None:
    """Each record opening on a bold or heading line of its own (a <br> or a block after it), no link in it, two
    words or more and more than its link says, no date, all different; every link a few words (an outlet's name,
    "fh-aachen.de") after that line, every title so far the link's words: the bold lines are the titles. A kicker
    repeats, or is shorter than the headline it tops; a bold name on the link's line ("<b>Jane Doe</b>: <a>…</a>")
    is a byline; links that mostly open their own line are titles (talks under bold speakers), not outlets."""
    if len(entries) < _MIN_RECORDS or len(records) != len(entries) or None in links:
        return
    names = [_bold_line(r, a) for r, a in zip(records, links, strict=True)]
    if not all(names) or len(set(names)) < len(names):
        return
    if any(entry.title != text_of(a) for entry, a in zip(entries, links, strict=True)):
        return  # the bold line named them already (less its date: "Soirée - 21 octobre 2023")
    in_words = [_link_in_words(r, a, n) for r, a, n in zip(records, links, names, strict=True)]
    if 2 * sum(in_words) <= len(in_words):
        return  # most links open their own line: short titles under speakers or categories, not outlets
    for entry, record, link, name in zip(entries, records, links, names, strict=True):
        entry.title = name
        entry.date_text = _dated_line_before(record, link) or entry.date_text


def _dated_line_before(record, link) -> str | None:
    """ "<strong>Title</strong><br>Daily News (page 1) vom 02.06.2020<br>Online article <a>outlet</a>, 01.06.2020":
    a line between the bold line and the link's that closes or opens on a date (the print run) dates the record
    before the link's line does: an entry's date is the first it shows."""
    said = text_of(link) or ""
    for line in br_lines(record)[1:]:
        if said in line:
            return None
        found = date_at_edge(line)
        if found:
            return found
    return None


def _bold_line(record, link) -> str | None:
    shown, said = text_of(record) or "", text_of(link) or ""
    if not said or len(said.split()) > _MAX_SOURCE_WORDS:
        return None
    bold = next((el for el in record.iter() if el is link or (tag(el) in _BOLD and text_of(el))), None)
    if bold is None or bold is link or bold.xpath(".//a[@href]"):
        return None  # the link comes first, or the bold line holds a link of its own
    name, after = text_of(bold), bold.getnext()
    own_line = tag(bold) in HEADINGS or (after is not None and tag(after) == "br" and not (bold.tail or "").strip())
    if not own_line or not shown.startswith(name) or len(name) <= len(said) or not _names_record(name):
        return None
    return name


def _link_in_words(record, link, name: str) -> bool:
    """Whether words stand between the bold line and the link ("Online-Artikel <a>outlet</a>")."""
    shown, said = text_of(record) or "", text_of(link) or ""
    return bool(_LEAD_WORD.search(shown[len(name) : shown.find(said, len(name))]))


# Outlets' links mostly sit in a line saying what ran there ("Online-Artikel <a>…</a>", "Artikel in der <a>…</a>").
_LEAD_WORD = re.compile(r"[^\W\d_]")
# What sets a record's name apart at its start: bold, or a heading.
_BOLD = ("strong", "b", *HEADINGS)


def _heading_before(record):
    """The heading just before the record (comments and white space between), when it holds no link; a record
    that is all its parent holds (a bare link in its paragraph, "<p><a>Reuters, June 1, 2024</a></p>") looks
    before that parent."""
    prev = _previous_element(record)
    parent = record.getparent()
    while prev is None and parent is not None and tag(parent) not in HEADINGS and text_of(parent) == text_of(record):
        record, parent = parent, parent.getparent()
        prev = _previous_element(record)
    if prev is None or tag(prev) not in HEADINGS or any(a.get("href") for a in prev.iter("a")):
        return None
    return prev


def _previous_element(el):
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    return prev


def _names_record(name: str) -> bool:
    return len(name.split()) >= 2 and not looks_like_group_heading(name) and date_in_line(name) != name


def _link_line(text: str | None) -> str | None:
    """ "source" for a short source name beside a date, "byline" for who made it; else None (a name)."""
    if not text:
        return None
    found = date_at_edge(text)
    if found and found != text:
        source = text.replace(found, " ").strip(" ,;|·•–—-:")
        return "source" if 0 < len(source.split()) <= _MAX_SOURCE_WORDS else None
    return "byline" if _BYLINE.match(text) and len(text.split()) <= _MAX_BYLINE_WORDS else None


def plain_lines_over_dashed_links(entries, records, links) -> None:
    """A record of lines ("12.10.20<br>Good Truck rolls into town<br>–<a>WAVE3 coverage</a><br>–<a>WLKY coverage</a>")
    whose every link stands on a line of its own led by a dash, in a few words, as "– NBC News" credits the outlet
    under other records: the links say where the story ran; its one line of plain words (no date) names it."""
    for entry, record, link in zip(entries, records, links, strict=True):
        if link is None or entry.title != text_of(link):
            continue
        lines = _lines(record)
        if lines is None or not any(found for _, found in lines):
            continue
        dashed = all(
            _DASH.fullmatch(shown[: shown.find(text_of(found[0]) or "")]) and shown.endswith(text_of(found[0]) or "")
            for shown, found in lines
            if found
        )
        names = [shown for shown, found in lines if not found and shown and date_in_line(shown) != shown]
        small = all(len((text_of(a) or "").split()) <= _MAX_SOURCE_WORDS for _, found in lines for a in found)
        if dashed and small and len(names) == 1 and len(names[0].split()) >= _MIN_PLAIN_NAME_WORDS:
            entry.title = names[0]


# A dash alone before a link on its line credits where the story ran ("–<a>WAVE3 coverage</a>").
_DASH = re.compile(r"\s*[–—-]\s*")
# A plain line names the record in this many words at least ("Good Truck rolls into town").
_MIN_PLAIN_NAME_WORDS = 3


def _lines(record) -> list[tuple[str, list]] | None:
    """The record's lines cut at each <br>: (text, the links on it); None for a record holding more than lines of
    inline text (a paragraph, a list)."""
    lines, shown, found = [], [record.text or ""], []
    for child in record:
        if not isinstance(child.tag, str):
            shown.append(child.tail or "")
            continue
        if tag(child) == "br":
            lines.append((" ".join("".join(shown).split()), found))
            shown, found = [child.tail or ""], []
            continue
        if tag(child) not in INLINE:
            return None
        found += [a for a in child.iter("a") if a.get("href")]
        shown += [text_of(child) or "", child.tail or ""]
    return [*lines, (" ".join("".join(shown).split()), found)]


def citations_over_source_links(entries, records, links) -> None:
    """Records written as citations ("<b>Title</b><br><em>Authors</em><br><a>Journal, 29:836-840</a>", or one
    block a line): a first line of plain words (no link, no date), the record's one link alone on its last line
    in a few words, fewer than the first line's: where the paper ran, not what it is. When every record (three
    at least) has that shape, no heading first, the first lines all different, they are the titles."""
    if len(entries) < _MIN_RECORDS or len(records) != len(entries) or None in links:
        return
    names = [_citation_name(record, link) for record, link in zip(records, links, strict=True)]
    if None in names or len(set(names)) < len(names):
        return  # a first line alike on every record is a kind ("Session of the conference"), no name
    for entry, link, name in zip(entries, links, names, strict=True):
        if entry.title == text_of(link):
            entry.title = name


def _citation_name(record, link) -> str | None:
    lines = _block_lines(record)
    if len(lines) < _MIN_CITATION_LINES or lines[0][1] or lines[-1][1] != [link]:
        return None
    name, said = lines[0][0], text_of(link) or ""
    if lines[-1][0] != said or len(said.split()) > _MAX_SOURCE_WORDS or len(name.split()) < _MIN_PLAIN_NAME_WORDS:
        return None
    if _opens_on_heading(record):
        return None  # "<h4>Bulletin 3</h4> <a>Regular Meeting</a>": a heading over a link, read elsewhere
    return name if len(name) > len(said) and date_in_line(name) is None else None


def _opens_on_heading(record) -> bool:
    node = next((x for x in record.iter() if tag(x) and (x.text or "").strip()), None)
    while node is not None and node is not record:
        if tag(node) in HEADINGS:
            return True
        node = node.getparent()
    return False


def _block_lines(record) -> list[tuple[str, list]]:
    """The record's lines, cut at each <br> and around each block: (text, the links on it), empty lines left out."""
    lines: list = [["", []]]

    def read(node) -> None:
        if tag(node) == "a" and node.get("href"):
            lines[-1][1].append(node)
        lines[-1][0] += node.text or ""
        for child in node:
            block = tag(child) and tag(child) not in INLINE
            if tag(child) == "br" or block:
                lines.append(["", []])
            if tag(child) and tag(child) != "br":
                read(child)
            if block:
                lines.append(["", []])
            lines[-1][0] += child.tail or ""

    read(record)
    return [(" ".join(shown.split()), found) for shown, found in lines if shown.strip() or found]


# A citation's lines: its title, who wrote it, where it ran.
_MIN_CITATION_LINES = 3
