"""Which of a page's lists is its listing, past the scores: the generic extractor's tie-breaks between
candidate lists (a lone card against a list, a carousel against the dated list it repeats, a twin column)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..parsers.datelines import date_in_line
from ..parsers.ids import host_of, join_url
from .carousels import in_carousel
from .fields import date_from_element
from .html import document_base, tag, text_of
from .pointer_words import is_generic_text
from .records import target

# A list whose links are mostly (this share) the winning list's repeats it.
_REPEAT_SHARE = 0.6
# A list whose titles read this well on average (a title of some 30 characters) outweighs any lone record.
_TITLED_LIST_QUALITY = 0.75


def a_list_wins(scored, max_record_score: float, min_records: int) -> bool:
    """A list scored above any one record can, or one of some records whose links read as titles.
    `scored` holds (rank, records, title links, flat, title quality) per candidate list."""
    return any(
        rank[0] > max_record_score
        or (len(records) >= min_records and (quality >= _TITLED_LIST_QUALITY or _named_by_dates(links)))
        for rank, records, links, _, quality in scored
    )


def _named_by_dates(links) -> bool:
    """Links each named by a date of its own and nothing else ("Mayo 2025", "Abril 2025", "January 5, 2021"): a
    series of dated documents (monthly reports, issues, minutes by meeting date), its dates their names."""
    shown = [text_of(a) for a in links]
    return all(tag(a) == "a" and t and date_in_line(t) == t for a, t in zip(links, shown, strict=True)) and len(
        set(shown)
    ) == len(shown)


def dated_repeat(scored, min_records: int):
    """An undated carousel of featured stories that wins over the dated list it repeats gives way to
    that list (`scored` best first); None when the winner stands."""
    _, records, links, _, _ = scored[0]
    targets = {target(a) for a in links}
    if _dated(records):
        return None
    for candidate in scored[1:]:
        theirs = {target(a) for a in candidate[2]}
        size = len(candidate[1])
        if size < max(min_records, _REPEAT_SHARE * len(records)) or len(theirs & targets) < _REPEAT_SHARE * size:
            continue  # not a "recent posts" box of a few of the winner's entries either
        if _dated(candidate[1]) and not _within(candidate[1], records):
            return candidate
    return None


def slider_repeat(scored, min_records: int):
    """A slider whose slides show a list's entries again (and a few older ones: the front page's slideshow over
    its posts) gives way to that list when it wins, dated or not: the list outside the slider is the listing.
    `scored` best first; None when the winner stands."""
    _, records, links, _, _ = scored[0]
    if not all(in_carousel(members[0]) for members in records):
        return None
    targets = {target(a) for a in links}
    for candidate in scored[1:]:
        theirs, size = {target(a) for a in candidate[2]}, len(candidate[1])
        if size < max(min_records, _REPEAT_SHARE * len(records)) or any(in_carousel(m[0]) for m in candidate[1]):
            continue
        if len(theirs & targets) >= _REPEAT_SHARE * size and not _within(candidate[1], records):
            return candidate
    return None


def _within(parts, records) -> bool:
    """Whether every record of `parts` lies inside one of `records`: each record's own picture and date box
    (<figure><a><img></a><div>25<span>fév 24</span></div></figure>) is a part of it, not a list it repeats."""
    heads = {members[0] for members in records}
    return all(any(anc in heads for anc in members[0].iterancestors()) for members in parts)


def finer_records(scored):
    """Records that each hold several of a finer list's records, every one a document of its own (a date
    heading over a <ul> of that meeting's notice, agenda and minutes): the finer list is the entries, its
    records' headings their groups. None when the winner (`scored` best first) stands."""
    _, records, links, flat, quality = scored[0]
    heads = {members[0] for members in records}
    if flat or tag(records[0][0]) == "tr":
        return None  # a table row is one record, whatever its cells link to
    for candidate in scored[1:]:
        _, theirs, their_links, their_flat, their_quality = candidate
        if their_flat or tag(theirs[0][0]) == "a" or len(theirs) <= len(records):
            continue
        if their_quality < _FINER_QUALITY * quality:
            continue
        owners = [next((a for a in members[0].iterancestors() if a in heads), None) for members in theirs]
        if None in owners or len(set(owners)) < len(heads) or set(links) - set(their_links):
            continue  # not every record, or not every record's own link, among the finer list's
        if len({target(a) for a in their_links}) == len(their_links):
            return candidate
    return None


# The finer list's titles are about as good as the winner's (the same links, mostly).
_FINER_QUALITY = 0.9


def _dated(records) -> bool:
    """Whether most records show a date line of their own."""
    dated = sum(1 for members in records if any(date_from_element(m) for m in members))
    return dated * 2 > len(records)


def in_twin_column(heads, column, shapes) -> bool:
    """Records in a container of the winning one's shape, whose column stands beside the winning column.
    `column` is the winning container's shape key and the element holding the columns."""
    other = lca(heads)
    parent = other.getparent() if other is not None else None
    key, row = column
    return parent is not None and row is not None and parent.getparent() is row and shapes.key(other) == key


def strays(blocks) -> set:
    """Records of the list's shape that stand alone in their container far from its lists of several: a menu's
    "<ul><li><a>Home</a></li></ul>", one item of another section. A lone record within the box around the
    lists (one month's only entry under its heading) stays. Records that are links inside items (<li><a>)
    are counted at the level where they stand side by side."""
    by_parent = side_by_side(blocks)
    if not by_parent:  # a card's inner box: its item stands one level further up, shown by a list of three there
        deeper = side_by_side(blocks, _ITEM_LEVELS + 1)  # (two events on one day of a calendar show none)
        by_parent = deeper if max(map(len, deeper.values()), default=0) >= _MIN_LIST_RECORDS else {}
    lists = [p for p, members in by_parent.items() if len(members) > 1 and p is not None]
    if not lists:
        return set()
    holders = [p.getparent() for p in lists if p.getparent() is not None]
    box = lca(holders).getparent() if holders and lca(holders) is not None else None
    if box is None:
        return set()
    return {m[0] for m in by_parent.values() if len(m) == 1 and not any(a is box for a in m[0].iterancestors())}


# The fewest records side by side one level further up that show a list the lone ones stray from.
_MIN_LIST_RECORDS = 3


# A record sits this many levels at most below the item that stands beside the others (<li><p><a>); a lone
# record is looked for one level further (a card's inner box: <li><article><div><div>).
_ITEM_LEVELS = 3


def side_by_side(blocks, levels: int = _ITEM_LEVELS) -> dict:
    """The list's records by the container they stand side by side in ({container: [records]}), counted at the
    lowest level where two of them share one (a record may sit a few levels below its item); {} when none do."""
    items = list(blocks)
    for _ in range(levels):
        by_parent: dict = {}
        for block, item in zip(blocks, items, strict=True):
            by_parent.setdefault(item.getparent(), []).append(block)
        if any(len(members) > 1 and p is not None for p, members in by_parent.items()):
            return by_parent
        items = [item.getparent() if item.getparent() is not None else item for item in items]
    return {}


def lca(elements):
    """The deepest element holding all of `elements`."""
    paths = []
    for el in elements:
        path = []
        while el is not None:
            path.append(el)
            el = el.getparent()
        paths.append(path[::-1])
    common = None
    for nodes in zip(*paths, strict=False):
        if all(n is nodes[0] for n in nodes):
            common = nodes[0]
        else:
            break
    return common


def directory(a) -> tuple | None:
    """Where a link's page sits: its host and the path above its last segment ("/vacancies/")."""
    href = (a.get("href") or "").strip()
    try:
        path = urlsplit(href).path.rstrip("/")
    except ValueError:
        return None
    above, _, last = path.rpartition("/")
    return (host_of(href), above) if above and last else None


def one_directory(links, others) -> bool:
    """True when both lists lead to pages side by side in one directory ("/vacancies/<slug>/": the
    open and the closed positions), none of them the same page (a sidebar repeating the list)."""
    dirs = {directory(a) for a in [*links, *others]}
    repeated = {target(a) for a in links} & {target(a) for a in others}
    return len(dirs) == 1 and None not in dirs and not repeated


def copies(blocks, links) -> set:
    """Records of the list in a container of their own that mostly repeat records of a larger container (the
    same link and the same text): a filtered copy of the list beside it ("Filter: Articles"), whose records are
    the list's again, not entries of their own. Months of meetings linking to one committee's page are none."""
    targets = {block: (target(a), text_of(block)) for block, a in zip(blocks, links, strict=True)}
    kept, out = set(), set()
    for members in sorted(side_by_side(blocks).values(), key=len, reverse=True):
        theirs = [targets[block] for block in members]
        if len(members) >= _MIN_COPY_RECORDS and sum(t in kept for t in theirs) >= _REPEAT_SHARE * len(theirs):
            out.update(members)
        else:
            kept.update(theirs)
    return out


# A copy of the list holds at least this many records (one record again is a featured one, or a notice's twin).
_MIN_COPY_RECORDS = 3


def pointer_twins(links) -> set:
    """Records' links that only point ("more…", "Read more") to a place another record's link names: the "more"
    link beside the link around each card, read as a record of the list's shape, is that card's, no entry."""
    shown = [text_of(a) if a is not None else None for a in links]
    named = {target(a) for a, text in zip(links, shown, strict=True) if a is not None and not is_generic_text(text)}
    return {
        a
        for a, text in zip(links, shown, strict=True)
        if a is not None and is_generic_text(text) and target(a) in named
    }


def numbered(links) -> bool:
    """Links most of which say only a number ("2023", "2022", ... or "1 2 3"): the years or pages of the listing
    itself, not entries."""
    return sum(bool(_NUMBER.fullmatch(text_of(a) or "")) for a in links) * 2 > len(links)


_NUMBER = re.compile(r"\d{1,4}")


def no_entries(blocks, links) -> set:
    """The winning list's records that are no entries: strays, copies of the list's records, and short lists of
    other sites beside it. `links`: each block's title link."""
    return strays(blocks) | copies(blocks, links) | foreign_lists(blocks, links)


def foreign_lists(blocks, links) -> set:
    """Records in a short list beside the listing, in its markup, whose every link leads to a site none of the
    listing's links lead to, while the listing's lead to one site: "If you do not have a PDF reader: <ul><li><a>foxit
    reader</a>…" under a newsletter's issues is the page's aside, no entries (issue 21). `links`: each block's."""
    by_list = {box: members for box, members in side_by_side(blocks).items() if box is not None}
    if len(by_list) < 2:
        return set()
    root = blocks[0].getroottree()
    base = document_base(root.getroot(), root.docinfo.URL or "")
    where = {b: host_of(join_url(base, a.get("href")) or "") for b, a in zip(blocks, links, strict=True)}
    listing = max(by_list, key=lambda box: len(by_list[box]))
    hosts = [where[b] for b in by_list[listing]]
    if max(map(hosts.count, hosts)) < _ONE_SITE_SHARE * len(hosts):
        return set()  # a press review leads everywhere: a short list of other sites is more of it
    out: set = set()
    for box, members in by_list.items():
        short = len(members) <= _ASIDE_SHARE * len(hosts) and box.getparent() is listing.getparent()
        if box is not listing and short and not {where[b] for b in members} & set(hosts):
            out.update(members)
    return out


# The listing's links lead to one site in this share at least; a short list has this share of its records at most.
_ONE_SITE_SHARE, _ASIDE_SHARE = 0.8, 1 / 3
