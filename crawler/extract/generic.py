"""The generic extractor: the repeated entry blocks of a page's main listing, found by
structure and content (class names only as hints, never as the finder), with their
group headings.

1. entry links: links with text outside site chrome that are no facet (tag, category);
2. candidate records: every element above an entry link, grouped by shape (records.py),
   and flat runs of siblings cut by their repeating pattern (flat.py);
3. the best group wins; a first, featured entry in other markup joins it;
4. each record's title is its heading-like element (titles.py), its fields are read by
   content (fields.py).
"""

from __future__ import annotations

import re

from ..parsers.datelines import bare_years, date_in_line
from ..parsers.groups import looks_like_group_heading
from .address_dates import date_from_address
from .articles import articles_win, heading_record_address, without_shared_addresses
from .bare_names import bare_name
from .companions import companions, extras, same_family
from .date_boxes import date_beside, marked_date, year_from_title
from .date_led_links import description_links, event_date_part, name_after_date_link
from .date_links import closes_dated_record, dated_apart
from .edge_dates import edge_date, finer_date, labelled_date, vaguer_than_a_day, without_byline
from .fields import fill_entry, find_title
from .flat import flat_groups, is_break, wrap
from .flat_posts import headed_runs, post_bodies, without_post_links
from .hour_ranges import hour_range
from .html import tag, text_of
from .lead_text import date_among, lead_split
from .line_dates import line_closing_date
from .line_files import without_line_files
from .link_lines import posting_date
from .link_places import split_by_link_place
from .list_titles import named_by_the_list
from .lists import a_list_wins, lca, no_entries, pointer_twins
from .lone_buttons import lone_buttons
from .nowhere_links import leads_nowhere
from .opening_dates import few_titles_dated
from .pointer_words import is_generic_text
from .raw import RawEntry
from .records import (
    Chrome,
    Shapes,
    align,
    button_row,
    candidate_groups,
    entry_links,
    heading_anchors,
    repeated_labels,
    score_group,
    title_quality,
)
from .row_runs import links_name_kinds, row_runs, wording_line
from .rows import head_date, list_dates, once, stacked_links, tail_date
from .side_boxes import without_side_boxes
from .slug_tails import slug_cut, without_slug_tails
from .table_lists import (
    above_a_lone_row,
    comma_closing_cell,
    date_column_cell,
    inner_rows,
    source_labels,
    split_by_table_head,
    title_cells,
    without_profile_columns,
)
from .titles import HEADINGS, is_heading_like, title_of
from .winners import winning_list
from .wordings import pointing_wording, record_name, shared_lines, shared_pointer

_LISTS = {"ol", "ul", "dl", "table", "tbody"}
# The most one record can score: a full title in a heading (2.5) and text beside it (2).
_MAX_RECORD_SCORE = 4.5
# Fewer records than this outside the sidebars, and the sidebars are looked at too.
_MIN_CONFIDENT_RECORDS = 3


class _Page:
    """Per-page caches: the text of each element, the entry links under each element."""

    def __init__(self, links):
        self.text: dict = {}
        self.under: dict = {}
        for a in links:
            node = a
            while node is not None:
                self.under.setdefault(node, []).append(a)
                node = node.getparent()

    def texts(self, el) -> str:
        if el not in self.text:
            self.text[el] = text_of(el) or ""
        return self.text[el]

    def links_in(self, el) -> list:
        return self.under.get(el, [])


def _outermost(els: list) -> list:
    """Leave out elements inside another element of the same list."""
    chosen = set(els)
    return [el for el in els if not any(anc in chosen for anc in el.iterancestors())]


def _best_group(root):
    found, page = _best_group_within(root, Chrome(root))
    if found is None or len(found) < _MIN_CONFIDENT_RECORDS:
        # No list outside the sidebars: a related-posts or author list in an <aside> may be it,
        # or a list whose entries have no link of their own (headings with a date and a text).
        for chrome, anchors in ((Chrome(root, strict=False), entry_links), (Chrome(root), heading_anchors)):
            other, other_page = _best_group_within(root, chrome, anchors)
            if other is not None and len(other) > max(len(found or ()), _MIN_CONFIDENT_RECORDS - 1):
                return other, other_page
    elif found is not None:
        other, other_page = _best_group_within(root, Chrome(root), heading_anchors)
        if other is not None and articles_win(found, other):  # news shown in full, links in their text
            return other, other_page
    return found, page


def _best_group_within(root, chrome, anchors=entry_links):
    links = anchors(root, chrome)
    # "<h2>Title <a>22.3.2026</a></h2><p>… <a>the letter</a> …</p>": links in a post's paragraphs are its text
    posts = post_bodies(links)
    links = without_profile_columns(without_post_links(links, posts))  # a talk's row: not its speaker's profile
    if not links:
        return None, None
    page = _Page(links)
    shapes = Shapes(root)
    groups = split_by_table_head(candidate_groups(links, shapes))  # a members table and a meetings table: two lists
    groups = split_by_link_place(groups)  # "<li><a>NIME 2001</a>: Seattle" and "<li>2018: <a>Name</a>": two lists
    candidates = [(key, [[el] for el in _outermost(els)], False) for key, els in groups.items()]
    # A layout table's rows around tables of records: the inner rows are a list of their own too
    candidates += [(key, [[el] for el in inner], False) for key, els in groups.items() if (inner := inner_rows(els))]
    flat_runs = flat_groups(groups, shapes, page.links_in, _is_pointer).items()
    candidates += [(key, headed_runs(runs, posts) if posts else runs, True) for key, runs in flat_runs]
    # Two linked cells of one row (a speaker's homepage, the talk) make one record: the title column's
    candidates = [(key, title_cells(recs) or recs, flat) for key, recs, flat in candidates]
    candidates = [c for c in candidates if not above_a_lone_row(c[1])]  # a table down to one row: that row
    # Lists of two or more first: a shape seen once (a wrapper above a lone link) scores at most
    # _MAX_RECORD_SCORE, and is looked at only when no list scores more, nor is a list of titled links
    # (a lone promotion card must not beat a list of documents that are bare links).
    candidates.sort(key=lambda c: len(c[1]) < 2)
    scored = []
    for _key, records, flat in candidates:
        if len(records) < 2 and scored and a_list_wins(scored, _MAX_RECORD_SCORE, _MIN_CONFIDENT_RECORDS):
            break
        aligned = align(records, page.links_in, shapes)
        if aligned is None:
            continue
        title_links = lone_buttons(records, aligned[0], page.links_in, shapes)  # a card's button in another wrapper
        twins = pointer_twins(title_links)  # "more…" beside the link around its card: that record's, no entry
        if None in title_links or twins:  # a header row, a record with no link of its own: no entry
            records = [r for r, a in zip(records, title_links, strict=False) if a is not None and a not in twins]
            title_links = [a for a in title_links if a is not None and a not in twins]
        titles = [_record_title(r, a, page) for r, a in zip(records, title_links, strict=False)]
        score = score_group(records, titles, page.texts)
        # Ties go to the larger record (it holds the date and the teaser), then to real elements.
        rank = (round(score, 6), sum(len(page.texts(m)) for r in records for m in r), not flat)
        scored.append((rank, records, title_links, flat, sum(q for _, q in titles) / len(titles)))
    if not scored:
        return None, None
    scored.sort(key=lambda c: c[0], reverse=True)
    _, records, title_links, flat, quality = winning_list(scored, _MIN_CONFIDENT_RECORDS)
    blocks = wrap(records) if flat else [r[0] for r in records]
    lone = set() if flat else no_entries(blocks, title_links) | description_links(blocks)
    found = {b: a for b, a in zip(blocks, title_links, strict=False) if b not in lone}
    shown = {(a.get("href"), text_of(a)) for a in found.values()}  # a list beside showing these again is a copy
    for more_blocks, more_links in companions(blocks, quality, scored[1:], title_links, shapes):
        found.update(
            (b, a) for b, a in zip(more_blocks, more_links, strict=False) if (a.get("href"), text_of(a)) not in shown
        )
    for extra, link in extras(found, page, chrome):
        if same_family(list(found.values()), [link]):  # a featured post, not a promotion of another section
            found[extra] = link
    found = without_line_files(found)  # "<a>May 12, 2025</a> / <a>Minutes</a>": the line's files, no entries
    return without_side_boxes(found), page  # "<p><a><strong>Flyer</strong></a></p>" in a box beside dated events


def _is_pointer(a) -> bool:
    """A link that names no entry: "Read more", "12 comments", a linked date ("3 hours ago")."""
    text = text_of(a)
    return is_generic_text(text) or date_in_line(text) == text


def _record_title(members, link, page) -> tuple[str, float]:
    el = title_of(members, link) if link is not None else None
    title = page.texts(el) if el is not None else ""
    pointer = link is None or is_generic_text(page.texts(link))
    return title, title_quality(title, el is not None and is_heading_like(el), pointer)


def find_entries(root, page_title_el=None) -> list[tuple[list, str | None, int]]:
    """Return (block elements, group heading, position) for every entry, in page order."""
    found, _ = _best_group(root)
    if not found:
        return []
    blocks = list(found)
    return assign_groups(blocks, [[b] for b in blocks], page_title_el)


def assign_groups(blocks, members, page_title_el=None):
    container = lca(blocks) if len(blocks) > 1 else blocks[0].getparent()
    if container is None:  # a fragment whose root is the entry itself
        container = blocks[0].getroottree().getroot()
    # Widen to take in the group heading written just before the list.
    while (
        container is not None
        and container.getparent() is not None
        and (tag(container) in _LISTS | {"li", "tr"} or _heading_before(container))
    ):
        container = container.getparent()
    block_index = {b: i for i, b in enumerate(blocks)}
    member_els = {el for group in members for m in group for el in m.iter()}
    group, position, last_parent = None, 0, None
    out = []
    for el in container.iter():
        if el in block_index:
            parent = el.getparent()
            if last_parent is not None and parent is not last_parent and tag(parent) in _LISTS:
                position = 0  # a new list: numbering restarts
            last_parent = parent
            position += 1
            out.append((members[block_index[el]], group, position))
            continue
        if el in member_els or el is page_title_el or tag(el) == "h1":
            continue
        if _is_group_heading(el):
            group = text_of(el)
            position, last_parent = 0, None
    return out


def _heading_before(el) -> bool:
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    return prev is not None and tag(prev) != "h1" and _is_group_heading(prev)


def _is_group_heading(el) -> bool:
    if is_break(el) and tag(el) != "hr":
        return True
    if tag(el) in HEADINGS:
        return not any(a.get("href") for a in el.iter("a"))
    if tag(el) == "th":  # a header row's cell beside others ("Name | Date") heads a column, not a group
        return not any(a.get("href") for a in el.iter("a")) and not _beside_cells(el)
    if tag(el) in ("p", "div", "span", "strong", "li", "dt", "caption", "td"):
        text = text_of(el)
        linked = any(text_of(a) == text for a in el.iter("a") if a.get("href"))  # a menu's "2017": another page
        return (
            bool(text)
            and not linked
            and not any(tag(c) in ("p", "div") for c in el.iterdescendants())
            and looks_like_group_heading(text)
        )
    return False


def _beside_cells(cell) -> bool:
    """Other cells of the same row show text and all are header cells: the row is a table's header row ("Name |
    Date"), not a one-cell section row, nor a row whose header cell (`<th scope="row">May 12, 2023</th>`) heads
    the data cells beside it."""
    row = cell.getparent()
    others = [c for c in row if c is not cell and tag(c) in ("th", "td") and text_of(c)] if row is not None else []
    return bool(others) and cell.get("scope") != "row" and all(tag(c) == "th" for c in others)


def extract_generic(root) -> list[RawEntry]:
    found, _ = _best_group(root)
    if not found:
        return []
    blocks = list(found)
    entries, records, cuts, titled = [], [], [], []
    labels = repeated_labels([a for b in blocks for a in b.iter("a") if a.get("href")], len(found))
    labels |= source_labels(found)  # "arXiv", "IEEExplore" in a table's source column: where, not what
    buttons = button_row(list(enumerate(found.values())), [[b] for b in blocks])  # "Agenda", "Public Comment": no names
    pointer = shared_pointer(blocks, [found.get(b) for b in blocks])  # "Ver comunicado" under each record's heading
    pointing = pointing_wording(blocks, [found.get(b) for b in blocks])  # "Ver comunicado" after each record's name
    container = lca(blocks) if len(blocks) > 1 else None
    shared = shared_lines(blocks)  # lines most records repeat: a section label in each card names none
    kinds = links_name_kinds(found.values())  # "PUBLIC WORKS DEPARTMENT" over many bids: a kind, not a name
    for elements, group, position in assign_groups(blocks, row_runs(blocks)):
        link = found.get(elements[0])
        # Words repeated on every record ("Sem assinatura digital") label its file; in a heading ("The week
        # ahead...") they still name each post.
        label = (buttons or text_of(link) in labels or text_of(link) == pointer) and not is_heading_like(link)
        title_el = title_of(elements, link, label) if link is not None else find_title(elements)
        title_el = record_name(elements[0], title_el, shared)  # not "Wat gaan we doen?" in every card, nor its author
        used = [title_el]
        # "<li>Annual Action Plan <a>... Read</a></li>": the record's own text names it, not the link nor its date
        named_by, bare = text_of(title_el), None
        if (title_el is link or date_in_line(named_by) == named_by) and not year_heading(title_el, named_by):
            # the list's pointing wording, outside a heading (a heading's words name its post)
            points = pointing is not None and text_of(link) == pointing and not is_heading_like(link)
            bare = bare_name(elements, link, pointing=points)
        if bare is not None:
            title_el, used = bare, [bare, *elements]
        elif (after := name_after_date_link(elements, link, title_el)) is not None:
            title_el, used = after, [after]  # <a><b>Samstag, 9. April um 16 Uhr</b></a> „Heiter bis wolkig“<br>
        anchor = link if link is not None else title_el
        href = _address(anchor)
        if link is not None and tag(link) != "a":  # named by an unlinked heading: its "Read more", else its anchor
            href = heading_record_address(
                elements, link, container if container is not None else elements[0].getparent()
            )
        named = wording_line(link) if title_el is link and kinds else None
        shown = named[0] if named else text_of(title_el)
        used += [named[1]] if named else []  # the line is the title's, no description
        if bare is not None and shown:
            shown = shown.strip(" |·•–—-:")  # "<a>October 10, 2020</a> - Council Meeting": no dash left over
        entry = RawEntry(title=without_byline(title_el, shown), href=href, group=group, position=position)
        vague = _title_and_date(entry, elements, title_el, link, bare is None, label)
        entries.append(fill_entry(elements, entry, used))
        _date_elsewhere(entries[-1], elements, container, title_el, vague)
        entries[-1].date_iso = entries[-1].date_iso or date_from_address(entries[-1].date_text, href)  # "20.7."
        cuts.append(slug_cut(title_el, entries[-1].title))  # "Talk - Speaker": the address names the talk
        records.append(elements[0])
        titled.append((elements, title_el))
    few_titles_dated(entries, titled)  # "7/9/19 – Forum" among undated titles: the record's date line dates it
    named_by_the_list(entries, records, [found.get(r) for r in records], pointing)
    list_dates(records, entries)  # a blank cell under a dated row; "Workshop (09-11 May 2022)" on every record
    without_slug_tails(entries, cuts)
    return once(without_shared_addresses(stacked_links(records, entries)))


def _address(anchor) -> str | None:
    """The anchor's address; none for a heading, nor for a link to no address ("#", "javascript:": the record has no
    page of its own)."""
    href = anchor.get("href") if anchor is not None else None
    return None if leads_nowhere(href) else href


def _date_elsewhere(entry: RawEntry, elements, container, title_el, vague: str | None) -> None:
    """An entry whose own lines gave no date finds it beside its record, at its title line's end, after a label in
    its title or in a date column; then a finer date for a vague one, and the title's year for a yearless one."""
    entry.date_text = entry.date_text or date_beside(elements[0], container)  # "27 lug" beside it
    entry.date_text = entry.date_text or line_closing_date(title_el)  # "<a>Kind</a> <span>1 May"
    entry.date_text = entry.date_text or labelled_date(entry.title)  # "Séminaire: 3 mai 2026"
    entry.date_text = entry.date_text or date_column_cell(elements[0])  # "Datum": "KDV 19.10.2024"
    entry.date_text = entry.date_text or hour_range(elements, entry.title)  # "Validità: 24/11 ore 00 - 25/11 ore 24"
    entry.date_text = entry.date_text or comma_closing_cell(elements[0], title_el)  # "Journal …, December 2025"
    finer_date(entry, vague)
    entry.date_text = year_from_title(entry.date_text, entry.title)  # "May 12", "– 5/12/2026 –"


def year_heading(el, shown: str | None) -> bool:
    """<h2><a>1981</a></h2>, "1978/1979": a heading that is only a year (or two) names its post; a year is no date."""
    return bare_years(shown) and is_heading_like(el)


# A title names something with two letters or more ("u.ä", "utan ämne"; not "A", "3", "#2").
_LETTER, _MIN_NAME_LETTERS = re.compile(r"[^\W\d_]"), 2


def _title_and_date(entry: RawEntry, elements, title_el, link, unnamed: bool, label: bool) -> str | None:
    """The entry's date, and its title where a date shares the title's element; returns a date vaguer than a day
    the title gave (a month), for the entry's own date line to refine."""
    whole = bool(entry.title) and date_in_line(entry.title) == entry.title  # "June - October 2024": one range
    split, vague, lead = None if whole else edge_date(title_el), None, lead_split(title_el) if unnamed else None
    if lead is not None:  # <a>Title text<div>authors</div><div>Venue · 01 Apr 2023</div></a>
        entry.title, entry.date_text = lead[0], date_among(lead[1])
        entry.paragraphs = [p for p in map(text_of, lead[1]) if p and p != entry.date_text]
    elif split is not None and len(_LETTER.findall(split[0])) < _MIN_NAME_LETTERS:
        # "Domingo 30.11.2025 - A" (cycle A's leaflet for that Sunday): the date leaves no name, so it is part of the
        # title, and dates the entry only when the record shows no date line of its own
        entry.date_text = None if dated_apart(elements, title_el) else split[1]
    elif split is not None:
        entry.title, entry.date_text = split  # "<small>06 Dec 2023</small><br>Conference": the date apart
        if vaguer_than_a_day(entry.date_text):  # a month in the title: the entry's own date line may say more
            vague, entry.date_text = entry.date_text, None
        elif marked_date(elements, title_el) is not None or closes_dated_record(elements, title_el, split[1]):
            entry.date_text = None  # "Soirée - 21 octobre 2023" beside <time>: the markup's date is the entry's
    # a row named by a bare number ("2019", an edition) beside label links: a name, not a year
    elif whole and not (label and entry.title.isdigit()) and not year_heading(title_el, entry.title):
        # a meeting or a document named by its date: that is its date too, unless a date line of its own dates it
        entry.date_text = None if dated_apart(elements, title_el) else entry.title
    if entry.date_text is None and tag(elements[0]) == "a":
        entry.date_text = tail_date(elements[0]) or head_date(elements[0])  # "23/10/2015 - <a>"
    if entry.date_text is None and link is not None and title_el is not link:
        entry.date_text = posting_date(text_of(link))  # the link says only when: its name is beside it
        entry.date_text = entry.date_text or event_date_part(link)  # "Samstag, 19. März um 18 Uhr, vor Palmsonntag"
    return vague
