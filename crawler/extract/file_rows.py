"""Rows of a grid whose first cell names a meeting or case in plain text and whose other cells list its files
(issue 21: "01/09/2025 BOC Regular Meeting | agenda.pdf, item A1.pdf … | minutes.pdf | audio.mp3", a Drupal
views grid of board files): each row is one entry named by that cell, its first file its address; the files
are not entries of their own, however many there are and however well their names read."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..parsers.datelines import date_in_line
from .html import tag, text_of
from .label_pairs import pair_name

# A link's words that are a file's name: "2025.01.09 AGENDA - BOC Regular Meeting.pdf".
_FILE_NAME = re.compile(r"[^/\s]\s*\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|txt|zip|mp3|mp4|m4a|wav)$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{2,}")
# A name has this many words at least ("BOC Regular Meeting"); a grid row has its name cell and this many more.
_NAME_WORDS, _MORE_CELLS = 2, 2
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")


def is_file_link(a) -> bool:
    """Whether a link opens a file: its address or its words end in a document's, sound's or archive's extension
    ("…/2025.01.09 AGENDA.pdf", "Minutes 2024-05-12.pdf")."""
    try:
        address = urlsplit((a.get("href") or "").strip()).path
    except ValueError:  # "http://[broken/": no address to read a file's name from
        address = ""
    return any(_FILE_NAME.search(s or "") is not None for s in (address, text_of(a)))


def name_cell(row):
    """The row's first cell when it names the row in plain text: no link, some words, not a date alone, not a
    heading (a heading over a list of documents heads those documents, each an entry), and at least two more cells
    after it (a grid's row, not a block). None otherwise."""
    cells = [c for c in row if tag(c)]
    if len(cells) <= _MORE_CELLS or tag(cells[0]) in _HEADINGS or cells[0].find(".//a[@href]") is not None:
        return None
    shown = text_of(cells[0]) or ""
    if len(_WORD.findall(shown)) < _NAME_WORDS or date_in_line(shown) == shown:
        return None
    return cells[0]


def _row_of(el, stop):
    """The nearest element above `el` (below `stop`) that is a named grid row holding `el` after its name cell."""
    for row in el.iterancestors():
        if row is stop or tag(row) in _TABLE_PARTS:
            return None  # a table's rows and cells have rules of their own
        cell = name_cell(row)
        if cell is not None and not any(a is cell for a in el.iterancestors()):
            return row
    return None


def named_file_rows(scored, min_records: int):
    """The winning list (`scored` best first: rank, records, title links, flat, quality) when its records are the
    files of named grid rows, every one a file by its name: the rows instead, each titled by its first file's link
    (its name cell titles the entry, `file_row_name`). None when the winner stands."""
    rank, records, links, flat, quality = scored[0]
    if flat or len(records) < min_records or not all(is_file_link(a) for a in links if a is not None):
        return None
    stop = records[0][0].getparent()
    while stop is not None and not all(any(x is stop for x in m[0].iterancestors()) for m in records):
        stop = stop.getparent()  # the records' common container: rows lie inside it
    rows = []
    for members in records:
        row = _row_of(members[0], stop)
        if row is None or len({(tag(r), r.get("class")) for r in (*rows[-1:], row)}) > 1:
            return None  # a file outside a named row, or rows of another shape: a list of files
        if not rows or rows[-1] is not row:
            rows.append(row)
    if len(rows) < min_records or len(rows) == len(records):
        return None  # a row per file: the files are the entries
    firsts = [next(a for a in row.iter("a") if a.get("href")) for row in rows]
    return rank, [[row] for row in rows], firsts, False, quality


def file_row_name(elements, link):
    """A record of label/value pairs: the value naming it (label_pairs.py). A record that is a named grid row (no
    table's: a table's cells have rules of their own) titled by one of the files it lists, or by its only file's
    name: its name cell, which names it."""
    if link is not None and elements and (named := pair_name(elements[0], link)) is not None:
        return named  # "Titulo: …" over "Archivos: <a>bases.pdf</a>": the named value
    if link is None or not elements or tag(elements[0]) in _TABLE_PARTS or not is_file_link(link):
        return None
    files = [a for a in elements[0].iter("a") if a.get("href") and is_file_link(a)]
    # the link names one file of several, or only its file ("AGENDA.pdf"); a lone link of words names the row
    cell = name_cell(elements[0]) if len(files) > 1 or _FILE_NAME.search(text_of(link) or "") else None
    return cell if cell is not None and not any(a is cell for a in link.iterancestors()) else None
