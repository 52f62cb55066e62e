"""The date element of a learnt profile's entries: the element that shows a date in (nearly) every block, the
finest shown; a date carried down from a day's first row; titles that carry their entry's date at their edge."""

from __future__ import annotations

from ..parsers.datelines import date_at_edge, date_in_line, yearless_date
from ..parsers.dates import looks_like_date_line, parse_date
from ..parsers.text import clean_text
from .edge_dates import edge_date
from .fields import date_from_element
from .html import is_ancestor, text_of
from .learn import Block, follow
from .learn_fields import _link_of, candidates, first_in
from .learn_machine import one_machine_date, shown_around


def titles_open_or_close_on_dates(block: Block, selector: str | None, languages=None) -> bool:
    """Titles that open or close on a day after a dash or bar, in half the blocks or more
    ("26/09/2020 – First national day"): that date is the entry's date (the profile reader takes
    it when no date selector is given), and a title without one falls back to the block's date.
    A year ("2019 – Annual report") is no finer than a posting date beside it: not counted."""
    if not selector:
        return False
    runs = list(block.runs.values())
    dated = 0
    for run in runs:
        split = edge_date(_link_of(first_in(run, selector)))
        when = parse_date(split[1], languages) if split else None
        dated += when is not None and when.precision == "day"
    return dated >= max(2, len(runs) / 2)


def _is_date(el, languages) -> bool:
    return _precision(el, languages) > 0


def shows_a_day(el, languages=None) -> bool:
    """A short line that is or holds a whole day ("12-23-2016", "Mon 3 March 2025 | News")."""
    return len(text_of(el) or "") <= _MAX_DATE_LINE and _precision(el, languages) == _PRECISION["day"]


_PRECISION = {"day": 3, "month": 2, "year": 1}
# A day and month without a year ("12 Mar"): a date when the page gives the year (a month's heading).
_YEARLESS_PRECISION = 2.5


def _precision(el, languages) -> float:
    """3 for a day (shown, or in a datetime), 2.5 a day and month whose year the page gives
    elsewhere, 2 a month, 1 a year, 0 no date: "Oct 14 2020" beats its "2020" alone."""
    if el is None:
        return 0
    # "13.12.2023 dans News": a meta line opening (or closing) on its date, a few words beside it
    shown = date_from_element(el) or date_at_edge(text_of(el), languages)
    when = parse_date(shown, languages) if shown else None
    if when is not None:
        return _PRECISION.get(when.precision, 1)
    machine = clean_text(el.get("datetime"))
    if machine and parse_date(machine) is not None:
        return _PRECISION["day"]  # <time datetime="2023-03-12">Mar 12</time>
    text = clean_text(text_of(el))
    return _YEARLESS_PRECISION if text and yearless_date(text) == text else 0


def _date_elements(block: Block, run: list, languages) -> list:
    """The elements of a run that show its date, the finest shown (a day beats a month or a
    year), innermost: a short line that is or holds a date, a longer meta line opening on its
    date ("14.10.2020 | By Jane | News, Events, ..."), or the title itself when it is a date."""
    title = _title_in(block, run)
    shown = []
    for el in (e for part in run for e in part.iter()):
        if not isinstance(el.tag, str) or (title is not None and is_ancestor(el, title) and el is not title):
            continue
        if el is title and not looks_like_date_line(text_of(el)) and not edge_date(el) and not _on_day(el, languages):
            continue  # the title is the date only when it is one, or opens or ends on one ("Meeting – 4/8/2026")
        short = len(text_of(el) or "") <= _MAX_DATE_LINE
        if (short or date_in_line(el.text)) and _is_date(el, languages):
            shown.append(el)
    finest = max((_precision(el, languages) for el in shown), default=0)
    shown = [el for el in shown if _precision(el, languages) == finest]
    if len(shown) > 1 and title in shown and (_on_day(title, languages) or any(map(marks_a_date, shown))):
        # "Webinar: 1 June 2023" beside its post's date box, "Meeting 12 - 13/12/2019" beside the <time> the markup
        # marks as the post's: that is the post's date
        shown.remove(title)
    return [el for el in shown if not any(is_ancestor(el, o) for o in shown if o is not el)]


def marks_a_date(el) -> bool:
    """<time>, or an element with a datetime attribute: the markup says it is the entry's date."""
    return el is not None and (el.tag == "time" or bool(el.get("datetime")))


def _closes_on_day(title) -> bool:
    """ "Séminaire virtuel: vendredi 3 avril 2026": a title closing on its date after a colon stays whole (the
    reader cuts a date after a dash or bar only), and that date is its entry's date."""
    text, shown = clean_text(text_of(title)) or "", date_from_element(title)
    head = text.removesuffix(shown or "\0").rstrip()
    return bool(shown) and head != text and head.endswith(":") and len(head) > 1


def _on_day(title, languages) -> bool:
    """A title closing on its day after a colon, or opening on it, a space alone after it ("01/09/2025 BOC Regular
    Meeting", the title as the page shows it): that day is its entry's date where nothing else in it shows one."""
    text = clean_text(text_of(title)) or ""
    shown = date_at_edge(text, languages)
    when = parse_date(shown, languages) if shown and text.startswith(shown) and shown != text else None
    return _closes_on_day(title) or (when is not None and when.precision == "day")


def _title_in(block: Block, run: list):
    """The run's title: the example's own, else its element at the example's place."""
    if run is block.runs[block.node]:
        return block.title
    return next((t for t in (follow(part, block.path) for part in run[:1]) if t is not None), None)


def date_selector(block: Block, languages=None) -> str | None:
    """The selector of a block's date element that reads a date in the most blocks, and a date
    in at least nine blocks of ten where it selects anything. The example's block shows which
    element; where it shows none that the other blocks share (a first entry set apart), the next
    blocks do."""
    runs = list(block.runs.values())
    example_run = block.runs[block.node]
    ordered = [example_run] + [run for run in runs if run is not example_run][:_DATE_RUNS_TRIED]
    best, best_count, enough = None, 0, max(2, len(runs) // 2)
    for run in ordered:
        for shown in _date_elements(block, run, languages):
            part = next((p for p in run if is_ancestor(p, shown)), run[0])
            # <time datetime> the same on every entry (the site's build time): the element around it, as shown
            for el, selector in (
                (e, s) for e in (shown, shown_around(shown, part)) if e is not None for s in candidates(e, part)
            ):
                if first_in(run, selector) is not el:
                    continue
                hits = [p for p in (first_in(r, selector) for r in runs) if p is not None]
                if one_machine_date(hits):
                    continue
                dated = sum(1 for p in hits if _is_date(p, languages))
                if dated > best_count and dated >= 0.9 * len(hits):
                    best, best_count = selector, dated
        if best_count >= enough:
            break  # the example's block (else the next that is like the rest) says where the date is
    return best if best_count >= enough else None


def carried_date_selector(block: Block, languages=None) -> str | None:
    """A date shown on the first row of each day only, the rows after it leaving that cell blank
    (the day's date carries down): the selector of that date (see carries_down)."""
    if block.flat:
        return None
    runs = list(block.runs.values())
    for run in runs[: _DATE_RUNS_TRIED + 1]:
        for el in _date_elements(block, run, languages):
            for selector in candidates(el, run[0]):
                if first_in(run, selector) is el and carries_down(block, selector, languages):
                    return selector
    return None


def carries_down(block: Block, selector: str, languages=None) -> bool:
    """The selector reads a date in the first row and in some rows after it, and every row without
    one has a blank cell where the date stands in the others, or lies under a date cell spanning
    rows (`<td rowspan="3">`): the date above is its date."""
    runs = list(block.runs.values())
    hits = [first_in(r, selector) for r in runs]
    shown = [h for h in hits if h is not None]
    if block.flat or hits[0] is None or not 2 <= len(shown) < len(runs):
        return False
    if not all(_is_date(h, languages) for h in shown):
        return False
    cell, spanned = _cell_of(runs[0][0], hits[0]), 0
    for run, hit in zip(runs, hits, strict=True):
        if hit is not None:
            span = _cell_of(run[0], hit)
            spanned = int(span.get("rowspan") or 1) - 1 if span is not None and span.get("rowspan", "").isdigit() else 0
        elif spanned > 0:
            spanned -= 1
        elif not _blank_cell(run[0], cell):
            return False
    return True


def _cell_of(node, el):
    """The child of `node` that holds `el` (its column in a row)."""
    while el is not None and el.getparent() is not node:
        el = el.getparent()
    return el


def _blank_cell(node, cell) -> bool:
    """The row's child at the cell's place, of its tag, shows no text."""
    if cell is None:
        return False
    place = [c for c in cell.getparent() if isinstance(c.tag, str)].index(cell)
    kids = [c for c in node if isinstance(c.tag, str)]
    return place < len(kids) and kids[place].tag == cell.tag and not (text_of(kids[place]) or "").strip()


_DATE_RUNS_TRIED = 3  # blocks looked at for the date element when the example's shows none
_MAX_DATE_LINE = 80  # a date line, not a paragraph that mentions a date
