"""From a listing page to raw entry blocks: a site profile first, the generic extractor
when no profile applies or the profile finds nothing."""

from __future__ import annotations

import re
from datetime import datetime

from ..origins import host
from ..parsers.datelines import date_at_edge
from ..parsers.dates import parse_date
from ..parsers.ids import join_url
from ..parsers.page_years import page_years
from ..parsers.text import clean_text, guess_language, language_scores
from .address_dates import date_from_address
from .bare_names import bare_name
from .closing_days import titles_closing_on_days
from .date_boxes import without_shared_machine_dates
from .edge_dates import edge_date, without_byline
from .fields import date_from_element, fill_entry, find_title
from .generic import assign_groups, extract_generic
from .html import (
    decode_html,
    document_base,
    first,
    is_ancestor,
    machine_date,
    parse_html,
    select,
    tag,
    text_of,
    text_without,
)
from .lead_text import date_among, lead_split
from .pagination import find_page_links, find_script_page_links, page_number
from .profile_dates import date_elsewhere, list_container, with_year_beside
from .profiles import Profile, ProfileError, get_profile, profile_for_url  # noqa: F401
from .quotes import quoted_title
from .raw import RawEntry, RawPage
from .rows import bracketed_title_dates, once
from .scoped import PerEntry, PerRun, entry_runs
from .slug_tails import address_cut, without_slug_tails
from .structured import reconcile as reconcile_structured
from .structured import structured_items
from .title_cuts import WholeEntry, cut_titles, title_as_profile_says
from .titles import label_led
from .wordings import is_more_link, pointing_wording

_LANG_IN_URL = re.compile(r"lang--([a-z]{2})\b")


def page_locale(root, url: str | None = None) -> str | None:
    """The language and region the page's markup declares ("en-US", "pt_BR", "de"): <html lang>,
    else og:locale, else a Content-Language meta; None when it declares none. A language declared
    without its region takes the region another declaration of it gives ("en" and og:locale "en_US"),
    else the one its site's domain names (.gov: the United States; .uk, .au, .in: theirs)."""
    lang = _locale_of(root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang"))
    if lang and "-" in lang:
        return lang
    head = root.find("head")
    for meta in (head if head is not None else root).iter("meta"):
        name = (meta.get("property") or meta.get("http-equiv") or meta.get("name") or "").lower()
        declared = _locale_of(meta.get("content")) if name in ("og:locale", "content-language") else None
        if declared and (lang is None or declared.split("-")[0] == lang):
            if "-" in declared:
                return declared
            lang = declared
    region = _DOMAIN_REGIONS.get(host(url).rsplit(".", 1)[-1]) if lang else None
    return f"{lang}-{region}" if region else lang


def _locale_of(value: str | None) -> str | None:
    lang = (value or "").strip().split(",")[0].strip().replace("_", "-").lower()
    return lang if re.fullmatch(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*", lang) else None


# Domains that name the region a page writes its dates for, where its markup names only a language.
_DOMAIN_REGIONS = {"gov": "us", "mil": "us", "us": "us", "uk": "gb", "au": "au", "nz": "nz", "ie": "ie", "in": "in"}


def _written_locale(locale: str | None, root) -> str | None:
    """The declared locale, unless the page's own words are plainly of another language (a Portuguese
    page left at a template's lang="en"): then that language, without a region."""
    declared = (locale or "").split("-")[0]
    if declared not in _CHECKED_LANGUAGES:
        return locale
    body = root.find("body")
    scores = language_scores((text_of(body if body is not None else root) or "")[:_LANGUAGE_SAMPLE_CHARS])
    best = max(scores, key=scores.get)
    plain = scores[best] >= _MIN_LANGUAGE_WORDS and scores[best] >= _LANGUAGE_MARGIN * scores[declared]
    return best if best != declared and plain else locale


# Languages whose text can be checked against a declaration, how much of the page is read, how many
# function words the other language needs, and how many times the declared one's count.
_CHECKED_LANGUAGES = ("en", "fr", "es", "de", "pt")
_LANGUAGE_SAMPLE_CHARS, _MIN_LANGUAGE_WORDS, _LANGUAGE_MARGIN = 20_000, 10, 3


def page_language(root, url: str, sample: str | None, locale: str | None = None) -> str | None:
    """The page's language: the URL's lang--xx, else what the markup declares, else a guess from its text."""
    m = _LANG_IN_URL.search(url)
    if m:
        return m.group(1)
    if locale:
        return locale.split("-")[0][:2]
    return guess_language(sample)


def _page_title(root, profile: Profile | None) -> str | None:
    el = first(root, profile.selectors.get("page_title")) if profile else None
    if el is None:
        main = first(root, "main, #content, [role=main]")
        el = first(main if main is not None else root, "h1")
    if el is not None and text_of(el):
        return text_of(el)
    title = first(root, "title")
    return text_of(title)


def _profile_entries(root, profile: Profile) -> list[RawEntry]:
    sel = profile.selectors
    scope = first(root, sel["container"]) if sel.get("container") else root
    if scope is None:
        scope = root
    group_nodes = set(select(scope, sel["group"])) if sel.get("group") else set()
    if group_nodes:
        wanted = sel["entry"] + ", " + sel["group"]
        placed = None
    else:
        # The profile's group headings are not on this page (markup drift): find them
        # by structure, as the generic extractor does.
        wanted = sel["entry"]
        nodes = select(scope, wanted)
        placed = (
            {members[0]: (group, position) for members, group, position in assign_groups(nodes, [[n] for n in nodes])}
            if nodes
            else {}
        )
    entries: list[RawEntry] = []
    group, position = None, 0
    nodes = select(scope, wanted)
    container = list_container([n for n in nodes if n not in group_nodes])
    names = ("title", "link", "date", "credit", "image", "description")
    runs = entry_runs([n for n in nodes if n not in group_nodes], group_nodes) if profile.flat else {}
    part = {name: PerRun(runs, sel.get(name)) if runs else PerEntry(scope, nodes, sel.get(name)) for name in names}
    if not sel.get("title") and not runs and (profile.title_after_date or profile.title_before):
        part["title"] = WholeEntry()  # `7/10/2025: Title op Venue` as the entry's whole text: that line is cut
    if continued := _continued_rows(nodes, group_nodes, part["title"], runs):
        runs = continued
        part = {name: PerRun(runs, sel.get(name)) for name in names}
    # no title named: the link wording most entries share that points at each ("Link a Seminario") names none
    listed = [n for n in nodes if n not in group_nodes and (not runs or n in runs)]
    pointing = (
        None if part["title"].selector else pointing_wording(listed, [find_title(runs.get(n, [n])) for n in listed])
    )
    for node in nodes:  # document order: headings and entries interleaved
        if runs and node not in runs and node not in group_nodes:
            continue  # a line of the entry above
        if node in group_nodes:
            group, position = text_of(node), 0  # an empty heading starts a group with no heading
            continue
        if part["title"].selector and part["title"].first(node) is None and not _links_anywhere(runs.get(node, [node])):
            continue  # a block of the list's kind left without its title and any link (a paper not online): no entry
        position += 1
        if placed is not None:
            group, position = placed[node]
        entry = _read_entry(node, part, group, position, runs.get(node), pointing)
        entry.title = title_as_profile_says(profile, part, node) or entry.title  # with its date, after its date
        if not (group_nodes and _a_day(group)):  # under the profile's day heading, that day is its date
            date_elsewhere(entry, node, runs.get(node) or [node], part["title"].first(node), container)
        entries.append(entry)
    # "Talk - Speaker" on most entries, the address spelling the talk alone: the name is no part of the title
    without_slug_tails(entries, [address_cut(e.href, e.title) for e in entries])
    for entry in entries if profile.title_quoted else []:
        entry.title = quoted_title(entry.title) or entry.title  # `Speaker on "Title"`: the quoted part
    cut_titles(entries, profile)
    bracketed_title_dates(entries)  # "Workshop (09-11 May 2022)" closing most titles of a list showing no date
    titles_closing_on_days(entries)  # "Verbale Riunione del 31 Maggio 2022" closing most titles of such a list
    return entries


def _a_day(heading: str | None) -> bool:
    """A group heading showing a whole day ("12-23-2016"): no date box or date in a title stands before it."""
    when = parse_date(heading) if heading else None
    return when is not None and when.precision == "day"


def _continued_rows(nodes, group_nodes, title, runs: dict) -> dict:
    """Table rows of the list's kind with neither its title nor any link (a row of number, type and date under
    each document's row): lines of the entry above, read with it (with the siblings a flat entry's run already
    holds). {} when there are none."""
    joined: dict = {}
    current = None
    entries = [n for n in nodes if n not in group_nodes]

    def a_line(node) -> bool:
        return tag(node) == "tr" and title.first(node) is None and not _links_anywhere(runs.get(node, [node]))

    if entries and a_line(entries[0]) and not a_line(entries[-1]):
        return {}  # a line opens the list and a title closes it: each line leads the row below, not the one above
    for node in nodes:
        own = runs.get(node, [node])
        if node in group_nodes:
            current = None
        elif current is not None and a_line(node):
            joined[current] += own
        else:
            current, joined[node] = node, list(own)
    return joined if len(joined) < len(entries) else {}


def _links_anywhere(elements: list) -> bool:
    return any(a.get("href") for el in elements for a in el.iter("a"))


def _pointer_link(a) -> bool:
    """A link classed as the "more" link, or one showing a web address as its text: where the entry leads."""
    classes = (a.get("class") or "").lower().split()
    return bool(_BARE_ADDRESS.match(text_of(a) or "")) or any(c in _MORE_CLASSES for c in classes)


_BARE_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_MORE_CLASSES = frozenset({"more", "read-more", "readmore", "more-link", "read_more"})


def _entry_link(title_el, node, elements: list) -> str | None:
    """The title's link; else a link around the title (a card that is one link); else, when the
    heading itself links nowhere, the entry's "Read more" link or its only address."""
    if title_el is None:
        return None
    if title_el.get("href"):
        return title_el.get("href")
    for around in title_el.iterancestors():
        if around.tag == "a" and around.get("href"):
            return around.get("href")
        if around is node:
            break
    links = [a for el in elements for a in el.iter("a") if a.get("href")]
    more = [a.get("href") for a in links if is_more_link(text_of(a)) or _pointer_link(a)]
    if more:
        return more[0]
    # A report card: the link is around the cover image, the name in a caption beside it.
    hrefs = {a.get("href") for a in links}
    return hrefs.pop() if len(hrefs) == 1 else None


def _named_link(el) -> str | None:
    """The address of the profile's `link` element (a title in an unlinked element, its entry's "Read more" link):
    its href, or its first link's."""
    link = el if el is None or el.get("href") else next((a for a in el.iter("a") if a.get("href")), None)
    return link.get("href") if link is not None else None


def _title_parts(node, part: dict, elements: list, pointing: str | None) -> tuple:
    """The entry's title element, its link, and the bare copy of the entry naming it (or None)."""
    title_el = part["title"].first(node)
    named = title_el is not None  # the profile names the title: its text is the title, whatever it says
    if title_el is None:
        title_el = find_title(elements)
    link_el = title_el
    if title_el is not None and title_el.tag != "a":
        link_el = next(iter(title_el.iter("a")), title_el)
        # the title's link; "<h2>Web: <a>…</a></h2>" keeps its label, as shown, and so does a title the profile
        # names apart from its link (`link`: "<td><a>DEPARTMENT</a> - what is bought</td>")
        if link_el is title_el or not (label_led(title_el, text_of(link_el)) or (named and part["link"].selector)):
            title_el = link_el
    if named or title_el is None or title_el.tag != "a":
        return title_el, link_el, None
    # "<li>Annual Plan 2021 <a>... Read</a></li>", "Name<br><a>Link a Seminario</a>" (the list's pointing wording):
    # the item's own text names it, not its pointer link
    bare = bare_name(elements, title_el, pointing=pointing is not None and text_of(title_el) == pointing)
    return (title_el if bare is None else bare), link_el, bare


def _read_entry(node, part: dict, group, position: int, elements: list | None = None, pointing=None) -> RawEntry:
    """One entry's parts by the profile's selectors, then what they miss by content.
    `elements`: a flat entry's run of siblings (default: the entry node alone); `pointing`: the link wording
    most entries share that points at each ("Link a Seminario"), where the profile names no title."""
    elements = elements or [node]
    title_el, link_el, bare = _title_parts(node, part, elements, pointing)
    shown = text_of(title_el)
    entry = RawEntry(
        title=shown.strip(" |·•–—-:") if bare is not None and shown else without_byline(title_el, shown),
        href=_named_link(part["link"].first(node)) or _entry_link(link_el, node, elements),
        group=group,
        position=position,
    )
    used = [title_el] if bare is None else [link_el, bare, *elements]
    date_el = part["date"].first(node)
    if date_el is not None:
        # The date itself when the line holds more ("Event | 16 December 2022", "13.12.2023 dans News");
        # else the line as shown ("Ongoing"), which then has no dates.
        shown = date_from_element(date_el) or date_at_edge(text_of(date_el)) or text_of(date_el)
        entry.date_text = with_year_beside(date_el, shown)  # <h5>2018</h5><h4>05 juillet</h4>: the year beside it
        # <time datetime>, else the entry's address (/2019/05/03/ under "3.5."): the year a shown "3 May" lacks
        entry.date_iso = machine_date(date_el) or date_from_address(entry.date_text, entry.href)
        if title_el is not None and date_el is not title_el and is_ancestor(title_el, date_el):
            # <h3><small>06 Dec 2023</small><br>Title</h3>: the date in the heading is no part of the title
            entry.title = clean_text(text_without(title_el, {date_el})) or entry.title
        used.append(date_el)
    split = edge_date(title_el)  # "Committee Meeting – 4/8/2026": the date at the title's edge is its date
    if split is not None and (date_el is None or date_el is title_el or not is_ancestor(title_el, date_el)):
        # beside a date line of its own ("Hackathon – March 2017" over "March 24, 2017"), the line's date stands
        # the title as its own date line, too long to read as one ("03.04.2020 | Title - subtitle"): its edge's date
        whole_title = date_el is title_el and not date_from_element(date_el)
        entry.title, entry.date_text = split[0], split[1] if whole_title else entry.date_text or split[1]
    elif split is not None and split[1] == entry.date_text:
        entry.title = split[0]  # "Name - <span>4 juli 2026</span> <span>@ place</span>": the words before the dash
    lead = lead_split(title_el) if bare is None else None
    if lead is not None:  # <a>Title text<div>authors</div><div>Venue · 01 Apr 2023</div></a>
        entry.title, entry.date_text = lead[0], entry.date_text or date_among(lead[1])
    credit_el = part["credit"].first(node)
    if credit_el is not None:
        entry.credit_text = text_of(credit_el)
        used.append(credit_el)
    image_el = part["image"].first(node)
    if image_el is not None:
        entry.image_src = image_el.get("src") or image_el.get("data-src")
    if part["description"].selector:
        paras = [p for p in part["description"].all(node) if not any(is_ancestor(u, p) for u in used if u is not None)]
        entry.paragraphs = [t for t in (text_of(p) for p in paras) if t]
    return fill_entry(elements, entry, used)


def _resolve_against_base(root, url: str, entries: list[RawEntry]) -> None:
    """Relative links resolve against the page's first <base href> (itself read against the page's address), as a
    browser resolves them: "comunicados/x" under <base href="/"> is "/comunicados/x", not beside the page."""
    base = document_base(root, url)
    if base == url:
        return
    for entry in entries:
        entry.href = join_url(base, entry.href) or entry.href
        entry.image_src = join_url(base, entry.image_src) or entry.image_src


def extract_page(
    body: bytes | str, url: str, profile: Profile | str | None = None, now: datetime | None = None
) -> RawPage:
    """Raw entries and pagination links of one listing page.

    `profile` is a Profile, a bundled profile's name, a .toml path, "auto" (generic
    only), or None (the bundled profile whose domains match the URL, else generic).
    `now` is the capture time (default: now, UTC), for relative dates ("3 hours ago").
    """
    if isinstance(profile, str):
        profile = get_profile(profile)
        forced_generic = profile is None
    else:
        forced_generic = False
        if profile is None:
            profile = profile_for_url(url)
    text = decode_html(body) if isinstance(body, bytes) else body
    root = parse_html(text, base_url=url)
    entries: list[RawEntry] = []
    extractor = "generic"
    if profile is not None and not forced_generic:
        entries = once(_profile_entries(root, profile))  # a row listed twice in one group is one entry
        extractor = profile.name
    if not entries:
        entries = extract_generic(root)
        extractor = "generic"
    entries = reconcile_structured(entries, structured_items(text, url), url)
    without_shared_machine_dates(entries)
    _resolve_against_base(root, url, entries)
    sel = profile.selectors if profile else {}
    site = profile or profile_for_url(url)  # paging is the site's, whichever extractor read the page
    sample = " ".join(filter(None, [e.title for e in entries[:5]] + [p for e in entries[:5] for p in e.paragraphs]))
    page_links = find_page_links(root, url, sel.get("next"), sel.get("pages"), site.page_offset if site else None)
    locale = _written_locale(page_locale(root, url), root)
    title = _page_title(root, profile)
    return RawPage(
        title=title,
        language=page_language(root, url, sample, locale),
        locale=locale,
        entries=entries,
        page_links=page_links,
        script_page_links=[] if page_links else find_script_page_links(root),
        page_number=page_number(root, url, site.rows_per_page if site else None, site.page_offset if site else None),
        extractor=extractor,
        now=now,
        years=page_years(url, root.findtext(".//title"), title),
    )
