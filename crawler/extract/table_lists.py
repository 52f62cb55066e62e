"""Tables as lists (issue 21): the rows of two tables headed differently are two lists, not one ("Name, Term
Ends" over a board's members and "Date, Title, Files" over its meetings), however alike their rows' markup."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from ..parsers.datelines import bare_years, date_at_edge, date_in_line
from ..parsers.dates import looks_like_date_line
from .fields import date_from_element
from .html import is_ancestor, tag, text_of


def split_by_table_head(groups: dict) -> dict:
    """`groups` (shape key: elements) with each group of table rows cut by the header its table shows; rows of
    tables with no header row, or of one header, stay together."""
    out: dict = {}
    heads: dict = {}
    for key, els in groups.items():
        if not els or tag(els[0]) != "tr":
            out[key] = els
            continue
        for el in els:
            out.setdefault((*key, _head_of(el, heads)), []).append(el)
    return out


def above_a_lone_row(records: list) -> bool:
    """A lone record holding a table's one row of data under its header row ("Date | Event | Venue" over one
    meeting): the row is the record, as it was while the table held two, not the table or the page around it,
    whose heading and header row would read into its description (stranger28: a calendar down to one row)."""
    if len(records) != 1:
        return False
    holder = records[0][0]
    rows = [r for r in holder.iter("tr") if r is not holder]
    data = [r for r in rows if any(tag(c) == "td" for c in r)]
    heads = [r for r in rows if r not in data and any(tag(c) == "th" and text_of(c) for c in r)]
    return len(data) == 1 and bool(heads)


def inner_rows(rows: list) -> list:
    """The rows of a group that hold no other row of it, when some do: a layout table's rows around the tables of
    records (nested under fiscal-year heading rows) share the records' shape; [] when no row nests another."""
    if not rows or tag(rows[0]) != "tr":
        return []
    holders = {anc for row in rows for anc in row.iterancestors() if tag(anc) == "tr"}
    inner = [row for row in rows if row not in holders]
    return inner if len(inner) < len(rows) else []


def same_table_head(rows, others) -> bool:
    """Whether two lists' first records show one table head (or stand in no table, or none with a head)."""
    heads: dict = {}
    return _head_of(rows[0], heads) == _head_of(others[0], heads)


def _head_of(row, heads: dict) -> tuple:
    table = next((a for a in row.iterancestors() if tag(a) == "table"), None)
    if table is None:
        return ()
    if table not in heads:
        cells = [th for th in table.iter("th") if not any(tag(a) == "tbody" for a in th.iterancestors())]
        heads[table] = tuple((text_of(th) or "").lower() for th in cells[:_HEAD_CELLS])
    return heads[table]


# A table's head is read from this many header cells at most.
_HEAD_CELLS = 8


def documents_table(scored, min_records: int):
    """Of two tables, the one whose rows each link to a file (an agenda's PDF) and mostly show a date of their own
    is the listing, over a winning table whose rows link to no file (a board's members beside its meetings); so is
    one whose rows each show a date, over a winning table showing none.
    `scored` holds (rank, records, title links, flat, title quality), best first. None when the winner stands."""
    _, records, _, flat, _ = scored[0]
    if flat or tag(records[0][0]) != "tr" or any(_links_a_file(members) for members in records):
        return None
    rows = {members[0] for members in records}
    undated = not any(date_from_element(m) for members in records for m in members)
    for candidate in scored[1:]:
        theirs = candidate[1]
        if candidate[3] or len(theirs) < min_records or tag(theirs[0][0]) != "tr" or rows & {m[0] for m in theirs}:
            continue
        if all(_links_a_file(members) for members in theirs) and _dated(theirs) * 2 > len(theirs):
            return candidate
        if undated and _dated(theirs) == len(theirs):
            return candidate  # members showing no date at all beside meetings each dated, linking pages, not files
    return None


def _dated(records) -> int:
    """How many records show a date of their own."""
    return sum(1 for members in records if any(date_from_element(m) for m in members))


def _links_a_file(members) -> bool:
    return any(_FILE.search(a.get("href") or "") for m in members for a in m.iter("a"))


# A link to a document file rather than a page: its path ends in a document's extension.
_FILE = re.compile(r"\.(?:pdf|docx?|odt|rtf|xlsx?|ods|pptx?|odp)(?:$|[?#])", re.IGNORECASE)


def date_column_cell(row) -> str | None:
    """The date in a row's cell under a header naming a date ("Datum", "Date", "Fecha", "Meeting Date"), even as a
    link beside a short label ("KDV 19.10.2024": the conference and its day). The header says the cell is a date,
    so a label of a few words beside it is no sentence. A run of rows (a row and the unlinked rows below it, in the
    wrapper a flat run gets) is dated by its first row."""
    if tag(row) != "tr" and len(row) and tag(row[0]) == "tr":
        row = row[0]
    if tag(row) != "tr":
        return None
    table = next((a for a in row.iterancestors() if tag(a) == "table"), None)
    head = next((r for r in table.iter("tr") if r.find("th") is not None), None) if table is not None else None
    if head is None or head is row:
        return None
    column = next((i for i, cell in enumerate(_columns(head)) if _DATE_HEADER.search(text_of(cell) or "")), None)
    cells = _columns(row)
    shown = text_of(cells[column]) if column is not None and column < len(cells) else None
    if not shown:
        return None
    found = date_at_edge(shown)
    if found:
        return found
    words = shown.split()
    for k in range(len(words) - 1, 0, -1):  # the longest date closing or opening the cell after a short label
        if len(words) - k <= _CELL_LABEL_WORDS:
            for part in (" ".join(words[-k:]), " ".join(words[:k])):
                if not part.isdigit() and looks_like_date_line(part):  # "Report 2020": a name's year, no date
                    return part
    return None


def comma_closing_cell(row, title_el) -> str | None:
    """A table row's cell, not the title's, closing on a date after a comma ("IEEE Transactions on …, December
    2025", a paper's venue): the row's date however long the cell runs, a cell being one field, not prose. Never a
    bare year (an edition: "Symposium 2024"), nor a cell ending a sentence."""
    if tag(row) != "tr":
        return None
    for cell in (c for c in row if tag(c) in ("td", "th")):
        shown = text_of(cell) or ""
        tail = _COMMA_TAIL.search(shown)
        if tail is None or shown.endswith((".", "!", "?")) or (title_el is not None and is_ancestor(cell, title_el)):
            continue
        if date_in_line(tail[1]) == tail[1] and not bare_years(tail[1]):
            return tail[1]
    return None


# What follows a cell's last comma, a date's length at most: ", December 2025", ", 12 May 2020".
_COMMA_TAIL = re.compile(r",\s*([^,]{3,30})$")


def _columns(row) -> list:
    """The cell in each column of a row: a cell spanning columns (`colspan`) stands in each of them."""
    out = []
    for cell in row:
        if tag(cell) in ("td", "th"):
            span = cell.get("colspan", "")
            out += [cell] * (int(span) if span.isdigit() and 0 < int(span) < _MAX_SPAN else 1)
    return out


# Header cells naming a date column, in the languages the dates parser reads.
_DATE_HEADER = re.compile(r"^(?:[\w ]{0,30}\b(?:dates?|datum|fecha|data)\b[\w ]{0,30}|\w+datum)$", re.IGNORECASE)
# A colspan above this is junk markup, read as one column.
_MAX_SPAN = 50
# The most words of a label beside a date in a date column's cell ("KDV", "Sitzung vom").
_CELL_LABEL_WORDS = 3


def title_cells(records: list) -> list:
    """Of `records` (each one element in a table cell), those in the row's title column, when several rows hold
    two linked cells or more: a speaker's homepage beside the talk's title makes one record of each row, not two.
    The title column is the one whose links say most, on average (a title outruns a name, "Agenda", "PDF"); []
    when no row holds two."""
    rows: dict = {}
    for record in records:
        cell = next((x for x in record[0].iter() if tag(x) in ("td", "th")), None)
        cell = (
            cell if cell is not None else next((x for x in record[0].iterancestors() if tag(x) in ("td", "th")), None)
        )
        if len(record) != 1 or cell is None or cell.getparent() is None or tag(cell.getparent()) != "tr":
            return []
        rows.setdefault(cell.getparent(), []).append((cell, record))
    if sum(len(held) >= 2 for held in rows.values()) < max(_MIN_SHARED_ROWS, len(rows) / 2):
        return []
    if any(len({id(cell) for cell, _ in held}) < len(held) for held in rows.values()):
        return []  # a cell holding two records is a calendar's day (two events), not one row's linked cells
    words: dict = {}
    hosts: dict = {}
    for row, held in rows.items():
        cells = [c for c in row if tag(c) in ("td", "th")]
        for cell, record in held:
            said = sum(len((text_of(a) or "").split()) for a in record[0].iter("a"))
            words.setdefault(cells.index(cell), []).append(said)
            hosts.setdefault(cells.index(cell), []).append(_link_host(record[0]))
    # A column leading to another site in each row is people's homepages, however wordy: never the titles
    column = max(words, key=lambda k: (not _own_sites(hosts[k]), sum(words[k]) / len(words[k])))
    if len(words[column]) < _TITLE_COLUMN_SHARE * len(rows):  # a calendar's days: events in any column
        return []
    out = []
    for row, held in rows.items():
        cells = [c for c in row if tag(c) in ("td", "th")]
        out += [record for cell, record in held if cells.index(cell) == column]
    return out


def without_profile_columns(links) -> list:
    """`links` less those in a table column whose every link leads to another site's front page or a profile
    (instagram.com/ada, /~ada/) beside another linked cell of its row, not of that kind: the talk's speaker, the
    event's venue, the paper's author, each row's detail and no entry of its own (issue 21)."""
    columns: dict = {}  # (row group, column) -> links
    for a in links:
        cell = next((x for x in a.iterancestors() if tag(x) in ("td", "th")), None)
        row = cell.getparent() if cell is not None else None
        if row is not None and tag(row) == "tr":
            cells = [c for c in row if tag(c) in ("td", "th")]
            columns.setdefault((row.getparent(), cells.index(cell)), []).append((row, a))
    linked_cells = Counter(row for held in columns.values() for row, _ in held)
    profiles = {
        key
        for key, held in columns.items()
        if all(linked_cells[row] > 1 for row, _ in held) and _own_sites([_link_host(a) for _, a in held])
    }
    # a row keeps its own link elsewhere: conferences each at their own site beside their venue's stay entries
    named = Counter(row for key, held in columns.items() if key not in profiles for row, _ in held)
    out = {a for key in profiles for row, a in columns[key] if named[row]}
    return [a for a in links if a not in out] if out else links


def _link_host(element) -> str:
    """The host and folder of another site's front or one-folder page ("/", "/~ada/", instagram.com/ada) that
    `element`'s first link leads to: a homepage's or a profile's; "" for a link within the page's site or deeper
    into another (a paper at arxiv.org/abs/…)."""
    link = element if tag(element) == "a" else next(element.iter("a"), None)
    try:
        parts = urlsplit((link.get("href") or "").strip()) if link is not None else urlsplit("")
    except ValueError:  # "http://[x/": an unclosed IPv6 host names no site
        return ""
    path = parts.path.strip("/")
    home = parts.netloc and "/" not in path and not _FILE_NAME.search(path)
    return f"{parts.netloc.lower()}/{path.lower()}" if home else ""


def _own_sites(hosts: list) -> bool:
    """Whether links to `hosts` lead to another site's homepage or a person's profile in each row, two rows at
    least, not all to one page (a speaker may come back; every row's "youtube.com/watch" is no one's)."""
    return len(hosts) >= _MIN_SHARED_ROWS and all(hosts) and len(set(hosts)) > 1


# A file's name rather than a folder's ("paper.pdf"); a front page's "index.html" or "home.php" is the homepage.
_FILE_NAME = re.compile(r"\.(?!html?$|php$)\w{1,5}$", re.IGNORECASE)


# Rows each holding two of a list's records, at least (and half the rows), before one column is taken as the
# records; the title column holds a record in this share of the rows.
_MIN_SHARED_ROWS = 2
_TITLE_COLUMN_SHARE = 0.8


def source_labels(found: dict) -> set:
    """The wordings of a table's source column ("arXiv", "IEEExplore", "University": where each paper is, not
    what it is), when each row's link is one of few wordings (at most a third of the rows, three words at most,
    two thirds of the rows sharing theirs with another row) and every row names itself in a plain cell of four
    words or more, no date, in one column, each row's different (a meeting's room repeats: "Regular Meeting"
    links still name their rows)."""
    rows = [(row, a) for row, a in found.items() if a is not None and tag(row) == "tr"]
    if len(rows) < _MIN_SOURCE_ROWS or len(rows) < len(found):
        return set()
    counts = Counter(text_of(a) or "" for _, a in rows)
    shared = sum(n for n in counts.values() if n >= 2)
    if len(counts) * 3 > len(rows) or shared * 3 < 2 * len(rows) or any(len(t.split()) > 3 for t in counts):
        return set()
    names = [_name_cell(row) for row, _ in rows]
    if None in names or len({i for i, _ in names}) > 1 or len({t for _, t in names}) < len(names):
        return set()
    return {t for t in counts if t}


def _name_cell(row) -> tuple[int, str] | None:
    """The column and text of a row's first cell with no link that says four words or more, no date."""
    for i, cell in enumerate(c for c in row if tag(c) in ("td", "th")):
        shown = text_of(cell) or ""
        if next(cell.iter("a"), None) is None and len(shown.split()) >= _NAME_WORDS and not looks_like_date_line(shown):
            return i, shown
    return None


# A source column is read in this many rows at least; a row's name says this many words at least.
_MIN_SOURCE_ROWS, _NAME_WORDS = 6, 4
