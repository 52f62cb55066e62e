"""Repeated records: the elements of a page that share one shape and each hold one entry.

Every element above an entry link is a candidate record; candidates of the same shape
(tag and classes, and their parent's) form a group. In each group the links are lined
up by their tag path below the record; the best path (headings, title names, real words,
one distinct link per record) is the group's title path. A group whose records hold that
path twice holds more than one entry each and is left out. The group whose records read
most like entries wins.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..parsers.datelines import date_in_line
from ..parsers.groups import looks_like_group_heading
from .articles import links_away, names_alone, part_of_article
from .column_files import column_labels, several_entries
from .event_days import days_of_one_event
from .html import PAGE_CACHES, document_base, tag, text_of
from .labelled_facets import without_labelled_facets
from .linkcues import cookie_notices, in_cookie_notice, names_record, no_entry_link, points_out, same_place, title_box
from .linkcues import facet_address as to_a_facet
from .linkcues import records_shown_in as records_with
from .linkcues import same_column_links as column_links
from .linkcues import without_more_twins as one_per_twin
from .pointer_words import is_affordance, is_generic_text
from .shapes import Shapes  # noqa: F401  (generic.py and the tests take it from here)
from .titles import HEADINGS

_CHROME_TAGS = {"nav", "aside", "menu"}  # not <form>: ASP.NET and Joomla pages wrap their content in one
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search"}
_CONTENT_TAGS = {"article", "section", "main"}
# Ids and classes that name site chrome are a weaker hint than tags, used only to leave
# blocks out (never to find entries), and only outside the page's content.
_CHROME_NAMES = re.compile(
    r"(?:^|[\s_-])(?:sub|top|upper|lower|util|utility|quick|user|main|primary|secondary|mega|site|global|side)?"
    r"(?:nav|navbar|navigation|menus?|megamenu|footer|header|breadcrumbs?|sidebar|cookie|share|social|skip)\d*(?:$|[\s_-])",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"(?:^|[\s_-])breadcrumbs?(?:$|[\s_-])", re.IGNORECASE)
# The same short link text to the same place this often, of at most this many words, is a facet ("Media Release").
_FACET_REPEATS, _FACET_WORDS = 3, 4
# A link in (or holding) a heading or an element named title reads as a title by this much more,
_HEADING_BONUS = 1.0
# a pointer ("Read more") by this much less (it scores below any real title of a few words),
_POINTER_PENALTY = 1.5
# and a linked date by this much less (a date names a meeting only when nothing else does).
_DATE_TITLE_PENALTY = 1.0
# Above this share of records holding the title path twice, to different places, the records
# each hold several entries (the group is a level too high).
_MAX_MULTI_SHARE = 0.2
# A title path must be held by this share of a group's records.
_MIN_PATH_COVERAGE = 0.5
# Title links (and their text) above this length count as a full title when scoring,
_FULL_TITLE_CHARS = 40
# and length counts up to this many full titles (a teaser-long link is no better title).
_MAX_LENGTH_QUALITY = 1.5
# Text beside the title (a date, a teaser) above these lengths makes a record read as an entry.
_RICH_EXTRA_CHARS, _SOME_EXTRA_CHARS = 40, 8
# Below this share of records with text beside their title, a group is a menu or a tag cloud.
_MIN_RICH_SHARE = 0.3
# A group of bare links counts for this much of its score.
_BARE_LINKS_FACTOR = 0.4


class Chrome:
    """Whether an element sits in site chrome, cached per element for one page.

    Strict: navigation, sidebars (<aside>), menus anywhere; headers, footers and elements
    named as chrome only outside <article>, <section>, <main>, and never a wrapper that
    holds most of the page's links. Loose (a second look when the strict one finds no
    list): only navigation and menus, since related-post lists sit in <aside> too.
    """

    def __init__(self, root, strict: bool = True):
        self._cache: dict = {}  # element -> (is chrome, inside content)
        self._strict = strict
        self._holders = _content_holders(root) if strict else set()

    def _own(self, node, in_content: bool) -> bool:
        t = tag(node)
        if t in ("nav", "menu") or (node.get("role") or "") in ("navigation", "search"):
            return True
        if not self._strict:
            return False
        if t in _CHROME_TAGS or (node.get("role") or "") in _CHROME_ROLES:
            return True
        # A breadcrumb trail is navigation wherever it sits, even inside a <section> or <main>.
        if _BREADCRUMB.search(f"{node.get('id') or ''} {node.get('class') or ''} {node.get('aria-label') or ''}"):
            return node not in self._holders
        if in_content or t in ("html", "body"):
            return False
        named = t in ("header", "footer") or bool(
            _CHROME_NAMES.search(f"{node.get('id') or ''} {node.get('class') or ''}")
        )
        return named and node not in self._holders  # "header_default" around the whole page is no header

    def __call__(self, el) -> bool:
        if el is None:
            return False
        chain, node = [], el
        state = (False, False)
        while node is not None:
            if node in self._cache:
                state = self._cache[node]
                break
            chain.append(node)
            node = node.getparent()
        verdict, in_content = state
        for node in reversed(chain):  # walk back down: chrome when an ancestor is, or itself
            in_content = in_content or tag(node) in _CONTENT_TAGS
            verdict = verdict or self._own(node, in_content)
            self._cache[node] = (verdict, in_content)
        return self._cache[el][0]


# Ids and classes that name a page's content: a chrome-named element holding one wraps the page.
_CONTENT_NAME = re.compile(r"(?:^|[\s_-])(?:content|main|entry|entries|fullcontent)(?:$|[\s_-])", re.IGNORECASE)


def _content_holders(root) -> set:
    """Every element that holds the page's content (a <main>, an <article>, an element
    named content or main), found once per page. A menu's tab panel named "content" (all links,
    a small part of the page) holds no content: it must not make its menu a page wrapper."""
    holders: set = set()
    page_chars = len(text_of(root) or "")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        named = el.tag in ("main", "article") or el.get("role") == "main"
        if not named and (el.get("class") or el.get("id")):
            named = bool(_CONTENT_NAME.search(f"{el.get('id') or ''} {el.get('class') or ''}"))
            named = named and not _menu_panel(el, page_chars)
        if named:
            for anc in el.iterancestors():
                if anc in holders:
                    break
                holders.add(anc)
    return holders


def _menu_panel(el, page_chars: int) -> bool:
    """An element inside a menu that is nothing but links and a small part of the page's text."""
    shown = len(text_of(el) or "")
    if not shown or shown >= _MENU_PANEL_PAGE_SHARE * page_chars:
        return False
    if not any(_MENU_NAME.search(f"{anc.get('id') or ''} {anc.get('class') or ''}") for anc in el.iterancestors()):
        return False
    linked = sum(len(text_of(a) or "") for a in el.iter("a"))
    return linked >= _MENU_PANEL_LINK_SHARE * shown


_MENU_NAME = re.compile(r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|megamenu)\d*(?:$|[\s_-])", re.IGNORECASE)
# A menu panel's text is this much link text, and under this share of the page's text.
_MENU_PANEL_LINK_SHARE, _MENU_PANEL_PAGE_SHARE = 0.9, 0.5


def entry_links(root, chrome: Chrome) -> list:
    """Links that can name an entry: with text, to a page, outside site chrome, no facet."""
    links = []
    seen: dict[tuple, list] = defaultdict(list)
    notices = cookie_notices(root)
    here = document_base(root, root.getroottree().docinfo.URL or "")  # what its links resolve against
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if no_entry_link(a, here):  # "<a href=''>A paper's title</a>" stays: an entry without a page of its own
            continue
        if to_a_facet(href, here) or (a.get("rel") or "") in ("tag", "category", "author") or chrome(a):
            continue
        if notices and in_cookie_notice(a, notices):
            continue
        seen[(href, text_of(a))].append(a)
        links.append(a)
    # A short link to one place in several records is a facet ("Media Release"); not an affordance ("... Read"),
    # nor one event's rows, a row a day (weighed once for each address and words)
    facets = {
        key
        for key, copies in seen.items()
        if records_with(copies, _FACET_REPEATS) >= _FACET_REPEATS
        and len((key[1] or "").split()) <= _FACET_WORDS
        and not is_generic_text(key[1])
        and not days_of_one_event(copies)
    }
    return without_labelled_facets([a for a in links if (a.get("href").strip(), text_of(a)) not in facets])


_QUALITY: dict = {}
PAGE_CACHES.append(_QUALITY)  # one page's links at a time


def target(a) -> str | None:
    """What an entry's anchor points at: a link's address; for a heading (an entry with no link) its text."""
    return a.get("href") if tag(a) == "a" else f"heading:{text_of(a)}"


def heading_anchors(root, chrome: Chrome) -> list:
    """Headings that can name entries which have no link of their own (an event list
    without detail pages): some words, outside chrome, no link, no month or year alone."""
    out = []
    for h in root.iter("h2", "h3", "h4", "h5", "h6"):
        text = text_of(h)
        if not text or chrome(h) or any(map(links_away, h.iter("a"))) or part_of_article(h):
            continue
        if len(text.split()) < _MIN_HEADING_WORDS and not names_alone(h):  # "Treinmuseum" with its own anchor
            continue
        if not looks_like_group_heading(text):
            out.append(h)
    return out


# A heading of one word ("Events", "Agenda") names a section, not an entry.
_MIN_HEADING_WORDS = 2


def link_quality(a, record=None) -> float:
    """How much a link reads like an entry title (higher is better)."""
    if record is None:
        if a not in _QUALITY:
            if len(_QUALITY) > _MAX_QUALITIES:
                _QUALITY.clear()
            _QUALITY[a] = _link_quality(a, None)
        return _QUALITY[a]
    return _link_quality(a, record)


# Cached link qualities kept before the cache starts again (one page holds far fewer links).
_MAX_QUALITIES = 50_000


def _link_quality(a, record) -> float:
    text = text_of(a) or ""
    pointer = is_generic_text(text)  # "Read More", a bare address: however long, it names nothing
    q = 0.0 if pointer else min(len(text) / _FULL_TITLE_CHARS, _MAX_LENGTH_QUALITY)
    node, headed = a, False
    while node is not None and node is not record:
        if tag(node) in HEADINGS or title_box(node):
            q += _HEADING_BONUS
            headed = text_of(node) == text  # <h2><a>July 16, 2024</a></h2>: a post titled by its day
            break
        node = node.getparent()
    if any(tag(x) in HEADINGS for x in a.iterdescendants()):
        q += _HEADING_BONUS
    if pointer:
        q -= _POINTER_PENALTY
    elif date_in_line(text) == text and not headed:
        q -= _DATE_TITLE_PENALTY
    return q


@dataclass
class Group:
    records: list  # each a list of member elements (one element, or a flat run of siblings)
    links: list  # each record's title link
    score: float = 0.0
    flat: bool = False
    key: tuple = field(default_factory=tuple)


def _path(record, a, shapes) -> tuple:
    out, node = [], a
    while node is not None and node is not record:
        out.append(shapes(node))
        node = node.getparent()
    return tuple(out)


def align(records, links_in, shapes) -> tuple[list, float] | None:
    """The title link of every record, by the best shared tag path; None when records
    hold that path twice with different targets (each holds more than one entry)."""
    by_path: dict[tuple, list] = defaultdict(list)  # path -> [(record index, link)]
    for i, members in enumerate(records):
        for m in members:
            for a in links_in(m):
                by_path[(*_path(m, a, shapes), shapes(m))].append((i, a))
    best, best_score = None, None
    for path, (hits, twinned) in ((p, one_per_twin(h)) for p, h in by_path.items()):  # "Leer más": one entry
        per_record: dict[int, set] = defaultdict(set)
        for i, a in hits:
            per_record[i].add(target(a))
        if len(per_record) < max(1, _MIN_PATH_COVERAGE * len(records)):
            continue
        distinct = len({target(a) for _, a in hits})
        q = sum(link_quality(a) for _, a in hits) / len(hits)
        score = q + len(per_record) / len(records) + distinct / len(hits) + twinned / len(records)
        if best_score is None or score > best_score:
            best, best_score = (path, hits, per_record), score
    if best is None:
        return None
    path, hits = best[0], by_path[best[0]]  # the pointers count again: the first named link is the title
    # A row's title link beside its "Agenda" and "Minutes" links in like cells is still one entry: only
    # links that name something count as a second entry, and the first of them is the title link.
    labels = repeated_labels([a for _, a in hits], len(records)) | column_labels(a for _, a in hits)
    named = [(i, a) for i, a in hits if not (text_of(a) and (is_generic_text(text_of(a)) or text_of(a) in labels))]
    if several_entries(named, target, _MAX_MULTI_SHARE * len(records)):  # not a row's files under their columns
        return None
    first: dict[int, object] = column_links(records, named or hits, path, by_path)  # <a class=popup> in one row
    buttons = button_row(hits, records)
    for i, a in hits if buttons else named + hits:  # a row of buttons: its first is its URL
        first.setdefault(i, a)
    for other, more in by_path.items():  # "<li><strong><a>" closing a list of "<li><a>": the same place
        if other != path and same_place(other, path):
            for i, a in more:
                if i not in first and names_record(a, records[i]):
                    first[i] = a
        elif buttons and [step[0] for step in other] == [step[0] for step in path]:
            for i, a in more:  # the same buttons in cells classed otherwise (a day's first row)
                first.setdefault(i, a)
    for i in {i for i, r in enumerate(records) if tag(r[0]) == "tr"} - set(first):  # a table row whose only links
        pointers = [a for m in records[i] for a in links_in(m)]  # are pointers ("Link"): the first is its URL
        first.update({i: pointers[0]} if pointers and all(map(points_out, pointers)) else {})
    return [first.get(i) for i in range(len(records))], best_score


def button_row(hits, records) -> bool:
    """Links in one place of records, all of a few words and in most of the records a pointer ("Agenda",
    "Public Comment", "Summary"), each record named in plain text beside them: a row of buttons, not names.
    `hits`: (record index, link); `records`: each record's member elements."""
    texts = [text_of(a) or "" for _, a in hits]
    covered = {i for i, _ in hits}
    pointers = {i for (i, _), t in zip(hits, texts, strict=True) if is_affordance(t)}
    if len(pointers) * 2 <= len(covered) or any(len(t.split()) > _BUTTON_WORDS for t in texts):
        return False
    return all(_named_in_text(records[i]) for i in covered)


def _named_in_text(members) -> bool:
    """Whether a record holds a name of some words in an element of plain text (no link in it, no date)."""
    for el in (x for m in members for x in m.iter()):
        shown = text_of(el) if tag(el) and tag(el) != "a" and el.find(".//a") is None else None
        if shown and len(_LETTERS.findall(shown)) >= _NAME_WORDS and date_in_line(shown) != shown:
            return True
    return False


# A button says this many words at most ("View Public Comment"); a name in plain text has this many at least.
_BUTTON_WORDS, _NAME_WORDS = 3, 2
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def repeated_labels(links, records: int) -> set:
    """Link words the same in at least half of a list's records (three or more), when two or more such
    wordings label each record's files ("Sem assinatura digital", "Com assinatura digital"): labels, not
    names. One repeated wording ("Regular Meeting" beside "Agenda") still names its records."""
    counts: dict = defaultdict(int)
    for a in links:
        counts[text_of(a)] += 1
    least = max(_MIN_LABEL_REPEATS, _LABEL_SHARE * records)
    found = {t for t, n in counts.items() if t and n >= least and not is_generic_text(t)}
    return found if len(found) >= _MIN_LABEL_KINDS else set()


_MIN_LABEL_REPEATS, _LABEL_SHARE, _MIN_LABEL_KINDS = 3, 0.5, 2


def title_quality(title: str, heading_like: bool, pointer: bool) -> float:
    """How much a record's title reads like one: some words, from a heading-like element.
    Behind a pointer link ("Read more") only a heading-like element is a title, not prose."""
    if (pointer and not heading_like) or date_in_line(title) == title:
        return _MIN_QUALITY  # "Read more" with prose around it, or a linked date
    q = min(len(title) / _FULL_TITLE_CHARS, _MAX_LENGTH_QUALITY) + (_HEADING_BONUS if heading_like else 0.0)
    return max(q - (_POINTER_PENALTY if is_generic_text(title) else 0.0), _MIN_QUALITY)


# The least a record with a link counts for: a bare link is still a link.
_MIN_QUALITY = 0.2


def score_group(records, titles, texts) -> float:
    """Entries with a title of some words and text beside it beat bare links.
    `titles` holds each record's (title text, title quality)."""
    total, rich = 0.0, 0
    for members, (title, q) in zip(records, titles, strict=False):
        extra = sum(len(texts(m)) for m in members) - len(title)
        rich += extra > _SOME_EXTRA_CHARS
        total += q + (2.0 if extra > _RICH_EXTRA_CHARS else 1.0 if extra > _SOME_EXTRA_CHARS else 0.0)
    factor = 1.0 if rich >= _MIN_RICH_SHARE * len(records) else _BARE_LINKS_FACTOR
    return factor * total


def candidate_groups(links, shapes) -> dict[tuple, list]:
    """Every element above an entry link, grouped by its shape and its parent's."""
    groups: dict[tuple, list] = defaultdict(list)
    seen = set()
    for a in links:
        node = a
        while node is not None and tag(node) not in ("body", "html"):
            if node in seen:
                break  # its ancestors are already in
            seen.add(node)
            groups[shapes.key(node)].append(node)
            node = node.getparent()
    return groups
