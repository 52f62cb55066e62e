"""An entry's title inside its block: the heading-like element, never the block's whole text.

A link can wrap a whole card (kicker, counter, headline, teaser, author, date, "3 minute
read"); a heading can share its container with a teaser; a link can say only "Read more"
or "Download (PDF)". The title is, in this order: the text of a heading (h1-h6) or an
element named or classed title/headline, the entry link's own text when it names the
entry, the date line for lists of meetings or documents named by their date, else the
most prominent text run.
"""

from __future__ import annotations

import re

from ..parsers.datelines import bare_years, date_in_line, yearless_date
from ..parsers.dates import MONTHS
from ..parsers.text import LETTERS
from ..parsers.weekdays import weekday_named
from .date_links import dated_apart
from .file_rows import file_row_name
from .html import INLINE, is_ancestor, named_column, tag, text_of
from .link_lines import identifier_line, posting_line
from .pointer_words import is_generic_text
from .set_apart import line_over_teaser, set_apart
from .title_names import title_named

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _heading_like(root):
    """The first heading, else the first element named as a title, under `root` (itself included)."""
    named = None
    for el in root.iter():
        t = tag(el)
        if t in HEADINGS and text_of(el):
            return el
        if named is None and t and title_named(el) and text_of(el) and not _holds_blocks(el, 2):
            named = el
    return named


def _holds_blocks(el, at_least: int) -> bool:
    """True when `el` holds at least that many child lines with text (kicker, headline, teaser)."""
    count = 0
    for child in el:
        if tag(child) and tag(child) not in INLINE and text_of(child):
            count += 1
            if count >= at_least:
                return True
    return False


def _prominent_run(el, avoid=None):
    """The most prominent text run inside `el`: a heading, a title-named element, bold
    text, else the first line of a few words that is no date, counter or pointer (nor
    holds or sits in `avoid`, the pointer link)."""
    found = _heading_like(el)
    if found is not None:
        return _narrow(found)
    runs = [
        x
        for x in el.iter()
        if tag(x) and text_of(x) and not _holds_blocks(x, 1) and not _touches(x, avoid) and not _opens_with_pointer(x)
    ]
    for x in runs:
        if set_apart(x) and len((text_of(x) or "").split()) >= _MIN_TITLE_WORDS and not _in_sentence(x):
            return x
    for x in runs:
        text = text_of(x) or ""
        if (
            _MIN_TITLE_WORDS <= len(text.split()) <= _MAX_TITLE_WORDS
            and not date_in_line(text)
            and not is_generic_text(text)
        ):
            return x
    return None


def _in_sentence(el) -> bool:
    """<p>… we start on <strong>Saturday 7 May</strong> with …</p>: bold words with words before and after them
    on their line are emphasis, not a heading."""
    line = el.getparent()
    whole = (text_of(line) or "") if line is not None else ""
    return bool(LETTERS.search(el.tail or "")) and not whole.startswith(text_of(el) or "")


def label_led(heading, link_text: str | None) -> bool:
    """<h2>Web: <a>Consejos de la OMS</a></h2>: a short label closing on a colon before the link is part of
    the heading as shown, and so of the title."""
    whole = text_of(heading) or ""
    if not link_text or whole == link_text or not whole.endswith(link_text):
        return False
    lead = whole[: -len(link_text)].strip()
    short = lead.endswith(":") and len(lead.split()) <= _MAX_HEADING_LABEL_WORDS
    return short and not date_in_line(lead.rstrip(":"))  # "12 May 2020: <a>Title</a>": a date, no label


# "Web:", "Video:", "Web (en inglés):": a label before a heading's link is this short.
_MAX_HEADING_LABEL_WORDS = 3


def _opens_with_pointer(el) -> bool:
    """ "<td><a>Agenda</a> (AGENDA 3 MAY 8, 2020)</td>": a line led by a pointer link is an attachment's, not a name."""
    if (el.text or "").strip():
        return False
    first = next((c for c in el if tag(c)), None)
    return first is not None and tag(first) == "a" and is_generic_text(text_of(first))


def _heading_beside(el, link):
    """A heading, title-named element or bold line of a few words in `el`, apart from `link` and its heading."""
    for x in el.iter():
        if not tag(x) or _touches(x, link) or not (tag(x) in HEADINGS or tag(x) in ("strong", "b") or title_named(x)):
            continue
        if _MIN_TITLE_WORDS <= len((text_of(x) or "").split()) <= _MAX_TITLE_WORDS and not date_in_line(text_of(x)):
            return x
    return None


def titled_heading(link):
    """The heading a linked date stands in, when it says more than a date line: a title ("IGO <a>11.10.2023</a>"),
    not a label ("Posted <a>May 3, 2020</a>")."""
    heading = next((a for a in link.iterancestors() if tag(a) in HEADINGS), None)
    return heading if heading is not None and date_in_line(text_of(heading)) is None else None


def _name_beside(el, link, longest: bool = False):
    """The first (or longest) line of a few words in `el`, apart from `link`: no date, counter or pointer."""
    found = []
    for x in el.iter():
        if not tag(x) or _holds_blocks(x, 1) or _touches(x, link) or _opens_with_pointer(x):
            continue  # "<td><a>Agenda</a> (AGENDA 3 MAY 8, 2020)</td>" is a file's line, not a name
        text = text_of(x) or ""
        words = len(text.split())
        if words < _MIN_TITLE_WORDS or is_generic_text(text):
            continue
        if longest and date_in_line(text) != text:
            found.append(x)  # a row's name cell, however long ("Submission of ... at February 26, 2019 election ...")
        elif not longest and words <= _MAX_TITLE_WORDS and not date_in_line(text):
            return x
    return max(found, key=lambda x: len(text_of(x) or ""), default=None)


# A title has at least two words ("Board Meeting"); one word is a kicker or a label ("Opinion").
_MIN_TITLE_WORDS = 2
# A run longer than this is a teaser, not a headline.
_MAX_TITLE_WORDS = 30


def _touches(x, avoid) -> bool:
    if avoid is None:
        return False
    return x is avoid or any(a is avoid for a in x.iterdescendants()) or any(a is avoid for a in x.iterancestors())


def _heading_above(elements, link):
    """A heading with no link of its own, before `link`, where the link stands alone on its own line
    after the record's text, or after a short label ("Full story: <a>…</a>"): the heading names the
    record, the link names where it leads."""
    line = link.getparent()
    if line is None or tag(line) not in ("p", "div", "li"):
        return None
    if text_of(line) != text_of(link) and not label_led(line, text_of(link)) and not _links_line(line, link):
        return None
    for el in elements:
        for x in el.iter():
            if x is line:
                return None  # no heading before the link's line
            shown = text_of(x)  # a heading of a year or a date ("<h5>2018</h5><h4>05 juillet</h4>") names no record
            dated = shown and (bare_years(shown) or shown in (date_in_line(shown), yearless_date(shown)))
            if tag(x) in HEADINGS and shown and not dated and not any(a.get("href") for a in x.iter("a")):
                between = [y for y in x.itersiblings() if text_of(y)]
                return x if len(between) >= 2 and any(is_ancestor(y, line) for y in between) else None
    return None


def _links_line(line, link) -> bool:
    """ "<p><a>Open motion 21-0117</a> · <a>My report</a> · <a>Minutes</a></p>": a line of links, `link` the first,
    with nothing but separators between them, is the record's links line, as a link alone on its line is."""
    links = [a for a in line.iter("a") if a.get("href")]
    if len(links) < 2 or links[0] is not link:
        return False
    rest = text_of(line) or ""
    for a in links:
        rest = rest.replace(text_of(a) or "", " ", 1)
    return not LETTERS.search(rest) and not any(ch.isdigit() for ch in rest)


def _narrow(el):
    """A title element that holds a heading and a teaser (<header><h2/><p/></header>) gives the heading."""
    if tag(el) not in HEADINGS and _holds_blocks(el, 2):
        inner = next((x for x in el.iterdescendants() if tag(x) in HEADINGS and text_of(x)), None)
        if inner is None:
            inner = _prominent_run(el) if el is not None else None
        return inner if inner is not None else el
    return el


def is_heading_like(el) -> bool:
    """A heading, an element named as a title, or something inside one."""
    node = el
    for _ in range(_HEADING_DEPTH):
        if node is None:
            return False
        if tag(node) in HEADINGS or title_named(node):
            return True
        node = node.getparent()
    return False


# How far up a title element may sit inside its heading (<h3><a><span>Title</span></a></h3>).
_HEADING_DEPTH = 3


def _lead_run(link):
    """<a><strong>Open Air Basel 2014</strong> <span>Bonobo, Fink, ...</span></a>: the bold
    run that opens a link and leaves much text after it is the title, the rest a line below."""
    box = link
    while len(box) == 1 and tag(box[0]) in ("span", "div") and not (box.text or "").strip():
        box = box[0]  # <a><span><strong>Title</strong> more</span></a>
    if (box.text or "").strip():
        return None
    first = next((c for c in box if tag(c) and text_of(c)), None)
    if first is None or not (tag(first) in ("strong", "b") or title_named(first)):
        return None
    shown, whole = text_of(first) or "", text_of(link) or ""
    return first if len(shown) <= _LEAD_SHARE * len(whole) else None


# A bold opening run is the title when it is at most this share of the link's text.
_LEAD_SHARE = 0.7


def title_of(elements, link, label: bool = False):
    """The element whose text is the entry's title, given the entry's main link (or None). `label`: the
    link's words are the same on every record ("Sem assinatura digital"), so they name none of them."""
    row_name = _row_title(elements, link)  # "01/09/2025 BOC Regular Meeting" beside its files' links
    if row_name is not None:
        return row_name
    link_text = text_of(link) if link is not None else None  # an icon's link has no words, so no date line either
    dated = bool(link_text) and date_in_line(link_text) == link_text  # "<a>10/12/2020</a> Regular Meeting"
    dated = dated and not dated_apart(elements, link)  # a date line of its own beside: the link's date names it
    named = link is not None and bare_years(text_of(link)) and is_heading_like(link)  # <h2><a>1978/1979</a></h2>
    if link is not None and not named and (dated or posting_line(text_of(link)) or identifier_line(text_of(link))):
        name = _name_beside_label(elements, link, dated)
        if name is not None and not (dated and is_heading_like(link) and _other_links_line(name, link)):
            return name
    if link is not None and not label:
        heading = next((a for a in link.iterancestors() if tag(a) in HEADINGS), None)
        if heading is not None and not is_generic_text(link_text):
            return heading if label_led(heading, link_text) else link  # <h3><a>Title</a></h3>
        inner = _inner_title(link)
        if inner is not None:
            return _narrow(inner)  # a link wrapping the whole card
        if not is_generic_text(link_text):
            named = _heading_above(elements, link)
            if named is not None:
                return named  # <h3>Event</h3><p>teaser</p><p><a>Organiser's page</a></p>: the heading names it
            run = _prominent_run(link) if _holds_blocks(link, 2) else _lead_run(link)
            return run if run is not None else link  # <a>1 - Proc. X<div>1.0000.24</div></a>: no line alone names it
    cell = _row_name(elements) if label else None
    if cell is not None:
        return _first_line(cell)
    for el in elements:  # a pointer link ("Read more", "view minutes"): the entry's heading
        found = _heading_like(el)
        if found is not None:
            line = line_over_teaser(el, found, _MIN_TITLE_WORDS, _MAX_TITLE_WORDS)
            if line is not None and not _in_sentence(line) and not is_generic_text(text_of(line)):
                return line  # <font size="4">Title</font><font><h1>a heading in the pasted teaser</h1></font>
            return _narrow(found)
    return _line_or_date_line(elements, link)


def _line_or_date_line(elements, link):
    """A line that names the entry ("Regular meeting of the board" beside "Download (PDF)"), when short enough to
    be no teaser, else a table row's cell of one word ("Council"); else the date line of a meeting or document
    named by its date."""
    run = next((f for f in (_prominent_run(el, link) for el in elements) if f is not None), None)
    if run is not None and len((text_of(run) or "").split()) <= _MAX_NAME_WORDS:
        return run
    cell = _word_cell(elements) if run is None else None
    if cell is not None:
        return cell  # "08/12/2020 | Council | <a>232.0KB</a>": the meeting's name, however short, not its day
    for el in elements:
        for x in el.iter():
            shown = text_of(x)  # an empty cell is no date line
            if shown and tag(x) and not _holds_blocks(x, 1) and date_in_line(shown) == shown and x is not link:
                return link if _numbered_in_other_cell(x, link) else x
    return run if run is not None else link


def _numbered_in_other_cell(date_line, link) -> bool:
    """ "<td>4 May 2026</td><td><a>News item 3</a></td>": a link of pointing words and a number ("Article 12") in
    another cell of the date's row names the row by its number; the date cell is the row's date, not its name."""
    cell = next((a for a in date_line.iterancestors() if tag(a) in ("td", "th")), date_line)
    row = cell.getparent()
    if link is None or tag(cell) not in ("td", "th") or row is None or is_ancestor(cell, link):
        return False
    return is_ancestor(row, link) and bool(_NUMBERED_NAME.fullmatch(text_of(link) or ""))


# Words, then a number closing them ("News item 3", "Noticia nº 4"); a size ("PDF, 2 MB") or a count first is not one.
_NUMBERED_NAME = re.compile(r"[^\W\d_]{2,}(?:\s+[^\W\d_]+)*\s+(?:n[o°º]\.?\s*|#\s*)?\d+")


def _word_cell(elements):
    """A table row's first cell of plain text that holds a word of letters and is no date, time, weekday, month
    nor pointer ("Tuesday | 08/12/2020 | <a>Agenda</a>" is named by its day)."""
    cell = _row_name(elements, numbers=False)
    shown = text_of(cell) if cell is not None else None
    if not shown or not _WORD.search(shown) or weekday_named(shown) or shown.casefold().strip(".") in MONTHS:
        return None
    return cell if not is_generic_text(shown) else None


_WORD = re.compile(r"[^\W\d_]{2,}")  # a word: two letters or more ("Council"; not "A", "3b")


def _name_beside_label(elements, link, dated: bool):
    """ "Nov 19, 2020 — Posted Nov 16, 2020 11:47 AM" or "Drucksache Nr. 19/3866" as the link: the document's name
    beside it (a heading or bold line first, else the first line of words). A reference number that is a heading's
    link ("<h2><a>8 1/2</a></h2>", a film's title) gives way to another heading only: the lines beside it (a byline,
    a category) name nothing."""
    name = titled_heading(link) if dated else None  # "<h2>Title <a>22.3.2026</a></h2>": the heading's words
    if name is None:
        name = next((n for n in (_heading_beside(el, link) for el in elements) if n is not None), None)
    if name is None and (dated or posting_line(text_of(link)) or not is_heading_like(link)):
        # a row's cells: the column headed "Description", else its longest line (not "En comisión")
        longest = identifier_line(text_of(link)) and any(tag(el) == "tr" for el in elements)
        beside = (_name_beside(el, link, longest) for el in elements)
        cell = _row_name(elements, numbers=False) if dated else None  # "<a>May 20, 2023</a> | 9 a.m. | Retreat"
        name = next((n for n in (named_column(elements), cell, *beside) if n is not None), None)
    return name


def _row_title(elements, link):
    """A row's name beside its files' links (file_rows.py), else beside its details icon."""
    found = file_row_name(elements, link)
    return found if found is not None else _icon_row_name(elements, link)


def _icon_row_name(elements, link):
    """A table row whose link has no words (a details icon): the cell under a header naming rows ("Subject",
    "Oggetto"), else the row's longest cell of words."""
    if link is None or text_of(link) or not any(tag(el) == "tr" for el in elements):
        return None
    names = (named_column(elements), *(_name_beside(el, link, True) for el in elements))
    return next((n for n in names if n is not None), None)


def _other_links_line(line, link) -> bool:
    """A line that is wholly another link ("<p><a href='…pdf'>Agenda 7-16-2024</a></p>" under a post headed
    "<h1><a>July 16, 2024</a></h1>"): the name of a file the record holds, not of the record its heading names."""
    links = [a for a in line.iter("a") if a.get("href")]
    return len(links) == 1 and links[0] is not link and text_of(links[0]) == text_of(line)


def _inner_title(link):
    """The heading of some words inside a link around a whole card, else its first element named as a title: a
    heading outranks a class ("<div class='banner-title'>" in the card's picture, then "<h2>Headline</h2>"), a
    one-word heading (a kicker, "<h5>Opinion</h5>") does not."""
    named = [x for x in link.iterdescendants() if (tag(x) in HEADINGS or title_named(x)) and text_of(x)]
    kickers = {x for x in named if tag(x) in HEADINGS and len(text_of(x).split()) < _MIN_TITLE_WORDS}
    headings = [x for x in named if tag(x) in HEADINGS and x not in kickers]
    return (headings or [x for x in named if x not in kickers] or named or [None])[0]


def _row_name(elements, numbers: bool = True):
    """A table row whose links are labels: its first cell of plain text that is no date nor time of day (an
    edition number, "2019", is a name here, not a year, unless not `numbers`: a row's count beside its linked
    date); an <a> without href is plain text, no link."""
    for row in elements:
        for cell in row if tag(row) == "tr" else ():
            shown = text_of(cell)
            plain = shown and tag(cell) in ("td", "th") and cell.find(".//a[@href]") is None
            if plain and (
                (numbers and shown.isdigit()) or (date_in_line(shown) != shown and not _CLOCK.fullmatch(shown))
            ):
                return cell
    return None


def _first_line(cell):
    """<td><div>May 5, 2026 - Committee</div><div><b>Meeting Type:</b> Regular</div></td>: a name cell of lines is
    named by its first line that is more than a date; the lines under it are the record's details."""
    if not _holds_blocks(cell, 2):
        return cell
    lines = (c for c in cell if tag(c) and tag(c) not in INLINE and text_of(c))
    return next((c for c in lines if date_in_line(text_of(c)) != text_of(c)), cell)


_CLOCK = re.compile(r"\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)  # "6:30 PM", "18h00"


# A line of this many words or fewer can name an entry; a longer one is its teaser.
_MAX_NAME_WORDS = 15
