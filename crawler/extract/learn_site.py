"""From a page and example titles to a site profile (TOML text), checked by reading the page with it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from ..parsers.dates import looks_like_date_line
from ..parsers.ids import host_of
from . import extract_page, page_language
from .css_names import valid
from .edge_dates import without_edge_date
from .html import is_ancestor, parse_html, select
from .learn import (
    Block,
    LearnError,
    cut_short,
    follow,
    normal,
    same_title,
    title_elements,
)
from .learn_badges import learn_badge
from .learn_choice import TRIES, blocks_of, without_markup
from .learn_date_lines import learn_line_after_date
from .learn_dates import (
    carried_date_selector,
    carries_down,
    date_selector,
    marks_a_date,
    titles_open_or_close_on_dates,
)
from .learn_entry import entry_selector
from .learn_fields import description_selector, first_in, image_selector, next_selector, title_selector
from .learn_flat import make_flat
from .learn_headings import date_heading_selector
from .learn_labels import label_lines, learn_label
from .learn_link import link_selector
from .learn_missing import quoted_elements
from .learn_more import continuation_selector, lead_selector
from .learn_parts import cut_lines, keeps_dates, learn_cut, whole_titles
from .learn_titles import DATES_NAME_ENTRIES, ONE_WORD_EXAMPLE
from .pagination import find_page_links
from .pointer_words import is_generic_text
from .profiles import Profile, profile_from_text
from .quotes import quoted_title

# The first line of every profile `learn` writes: how `-o` knows a file it may replace.
MARK = "# Site profile written by `listing-archive learn`"


@dataclass
class Learned:
    text: str  # the profile, as TOML
    profile: Profile
    selectors: dict[str, str]


def learn_selectors(root, url: str, examples: list[str]) -> dict[str, str]:
    """Selectors for a profile: entry and, where the page supports one, each field, and next."""
    return selectors_of(root, url, blocks_of(root, examples)[0])


def selectors_of(root, url: str, block: Block) -> dict[str, str]:
    """A profile's selectors for one list holding the examples."""
    make_flat(block)
    selectors = {"entry": entry_selector(root, block)}
    if block.flat:
        selectors["flat"] = "true"
    # The profile reads every selected element, not just the learnt members: learn the fields on those.
    chosen = select(root, selectors["entry"]) if valid(selectors["entry"]) else []
    if block.node in chosen and not block.flat:
        chosen = [el for el in chosen if el is block.node or follow(el, block.path) is not None]
        block.members = chosen
        block.runs = {m: [m] for m in chosen}
    language = page_language(root, url, None)
    languages = [language] if language else None
    title = title_selector(block)
    if title:
        selectors["title"] = title
    link = link_selector(block, title)
    if link:
        selectors["link"] = link  # the title's element links nowhere: the entry's pointer is its address
    date = date_selector(block, languages) or carried_date_selector(block, languages)
    run = block.runs[block.node]
    in_title = date and title and is_ancestor(first_in(run, title), first_in(run, date))  # "<h4><a>… – 5/12</a>"
    marked = date and marks_a_date(first_in(run, date))  # <time>: the markup's date wins, as the generic reads it
    if date and not in_title and not marked and titles_open_or_close_on_dates(block, title, languages):
        date = None  # a title's edge date is its entry's date: another date selector would hide it
    if date:
        selectors["date"] = date
        if "," not in selectors["entry"] and carries_down(block, date, languages):
            selectors["group"] = f"{selectors['entry']} {date}"  # shown on a day's first row only: its heading
    elif heading := date_heading_selector(root, block, languages):
        selectors["group"] = heading  # <dt>12-23-2016</dt> over several <dd> reports: the day of each
    taken = [block.title] + [first_in(block.runs[block.node], date)] if date else [block.title]
    description = description_selector(block, [t for t in taken if t is not None])
    if description:
        selectors["description"] = description
    image = image_selector(block)
    if image:
        selectors["image"] = image
    lead = lead_selector(root, block.lead) if block.lead is not None and not block.flat else None
    if lead:
        selectors["entry"] = f"{lead}, {selectors['entry']}"  # the lead entry set apart, then the list
    more = continuation_selector(root, block.members) if not block.flat else None
    if more:
        selectors["entry"] += f", {more}"  # the list carries on as bare links
    links = find_page_links(root, url)
    after = next_selector(root, links[0] if links else None)
    if after:
        selectors["next"] = after
    return selectors


def profile_text(selectors: dict[str, str], url: str, examples: list[str], page: str, when: datetime) -> str:
    """The profile as TOML, with a comment saying where and from what it was learnt."""
    host = host_of(url) or "site"
    site = host.removeprefix("www.")
    shown = ", ".join(json.dumps(" ".join(e.split()), ensure_ascii=False) for e in examples)
    lines = [
        MARK,
        f"# on {when:%Y-%m-%d %H:%M} UTC from {' '.join(page.split())}",
        f"# (page address {url}), example titles: {shown}.",
        "# Each selector is CSS read inside one entry (entry and next: on the whole page); edit freely.",
        "# A field whose selector finds nothing in an entry is looked for by content instead.",
        f"name = {json.dumps(site)}",
        f"description = {json.dumps(f'Listing pages of {site}, learnt from an example', ensure_ascii=False)}",
        f"domains = [{json.dumps(site)}]",
    ]
    if selectors.get("flat"):
        lines += [
            "# An entry has no element of its own: it is its `entry` element and the siblings after it.",
            "flat = true",
        ]
    if selectors.get("title_whole"):
        lines += [
            "# Each title is its element's whole text, its lines in blocks of their own kept.",
            "title_whole = true",
        ]
    if selectors.get("title_quoted"):
        lines += ["# Each title is the part of the title element's text in quote marks.", "title_quoted = true"]
    lines += cut_lines(selectors)
    if selectors.get("title_without"):
        lines += [
            "# Each title is its element's text without this part (a state badge, a subtitle).",
            f"title_without = {json.dumps(selectors['title_without'], ensure_ascii=False)}",
        ]
    lines += label_lines(selectors)
    lines += ["", "[selectors]"]
    lines += [
        f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in selectors.items() if key not in _KEYS
    ]
    return "\n".join(lines) + "\n"


def _reads_back(title: str, example: str) -> bool:
    """The example read back: as given, without its date at the edge, or without its markup; or cut short."""
    given = (example, without_edge_date(example), without_markup(example))
    return any(same_title(title, e) for e in given) or cut_short(normal(title), normal(example))


def learn_profile(body: bytes | str, url: str, examples: list[str], page: str, when: datetime | None = None) -> Learned:
    """A site profile for the listing the example titles are in; LearnError says why there is none."""
    if not examples:
        raise LearnError("give at least one example title (--example)")
    dated = DATES_NAME_ENTRIES.set(any(looks_like_date_line(e) for e in examples))  # "Enero 2025": a monthly report
    word = ONE_WORD_EXAMPLE.set(examples[0].strip() if len(examples[0].split()) == 1 else "")  # "2020_02.pdf"
    try:
        return _first_learned(body, url, examples, page, when or datetime.now(UTC))
    finally:
        ONE_WORD_EXAMPLE.reset(word)
        DATES_NAME_ENTRIES.reset(dated)


def _first_learned(body, url: str, examples: list[str], page: str, when: datetime) -> Learned:
    """The profile of the likeliest list holding the examples whose profile reads them back."""
    failure = None
    for choice in range(TRIES):
        root = parse_html(body, base_url=url)  # afresh for each list: learning one marks up its tree
        blocks = blocks_of(root, examples)
        if choice >= len(blocks):
            break
        try:
            return _learned(root, body, url, examples, page, when, blocks[choice])
        except LearnError as refused:  # the likeliest list's profile does not read them back: the next list
            failure = failure or refused
    raise failure


def _learned(root, body, url: str, examples: list[str], page: str, when: datetime, block: Block) -> Learned:
    """The profile learnt from one list holding the examples, checked by reading the page with it."""
    selectors = selectors_of(root, url, block)
    titles = _read_titles(body, url, selectors, examples, page, when)
    # `7/10/2025: Title op Venue`: the title cut out of its line
    read_back = any(_reads_back(t, examples[0]) for t in titles)
    if learn_cut(block, examples[0], selectors, read_back) or learn_line_after_date(
        block,
        examples[0],
        selectors,
        titles,
        read_back,  # "<a><b>24. April</b></a> Title<br>"
    ):
        titles = _read_titles(body, url, selectors, examples, page, when)
    # `Speaker (Lab) on "Title"` read whole where the example is exactly its quoted part and no title is the example
    # (not a title that quotes another entry's: "Recibe foro “Tejiendo Voces”" beside "Tejiendo Voces"): that part
    read = {normal(t) for t in titles}
    quoted = {normal(quoted_title(t)) for t in titles}
    if any(normal(e) in quoted and normal(e) not in read for e in examples):
        selectors["title_quoted"] = "true"
        titles = _read_titles(body, url, selectors, examples, page, when)
    if keeps_dates(examples[0], titles, without_edge_date(examples[0])):  # `May 5, 2026 at 4:30 PM - Committee`
        selectors["title_with_date"] = "true"
        titles = _read_titles(body, url, selectors, examples, page, when)
    if not any(_reads_back(t, examples[0]) for t in titles) and whole_titles(block, examples[0], selectors):
        titles = _read_titles(body, url, selectors, examples, page, when)  # `<a>1 - Case<br><div>1.0000…</div></a>`
    if learn_badge(block, examples[0], selectors):  # `<dd>Name <span class="text-success">cerrado</span></dd>`
        titles = _read_titles(body, url, selectors, examples, page, when)
    if learn_label(block, examples[0], selectors):  # `<td>Description: Boundary Adjustment</td>`
        titles = _read_titles(body, url, selectors, examples, page, when)
    text = profile_text(selectors, url, examples, page, when)
    profile = profile_from_text(text, "learnt profile")
    # An example given as shown, its date at the edge included, is read back without that date (titles.py).
    lost = [e for e in examples if not any(_reads_back(t, e) for t in titles)]
    # A pointer by its words ("Read more"), or by saying the same in every entry ("Link a Seminario").
    pointing = all(is_generic_text(t) for t in titles) or (len(titles) >= _SAME_LINK and len(set(titles)) == 1)
    if lost and titles and pointing:
        raise LearnError(
            f'example "{lost[0]}" is the plain text of its entry, whose only link is a pointer ("{titles[0]}"): '
            "a profile cannot name such a title; read the page without --profile (the generic extractor)"
        )
    if lost and not title_elements(root, lost[0]) and quoted_elements(root, lost[0]):
        raise LearnError(
            f'example "{lost[0]}" is only a part in quote marks of a longer text, and the learnt profile does not '
            "read it back: give an entry's whole text as the example, or read the page without --profile"
        )
    if lost:
        raise LearnError(f'the learnt profile does not read example "{lost[0]}" back: give another example title')
    return Learned(text=text, profile=profile, selectors={k: v for k, v in selectors.items() if k not in _KEYS})


def _read_titles(body, url: str, selectors: dict, examples: list[str], page: str, when: datetime) -> list[str]:
    """The titles the profile of these selectors reads on the page."""
    profile = profile_from_text(profile_text(selectors, url, examples, page, when), "learnt profile")
    check = extract_page(body, url, profile)
    return [e.title for e in check.entries if e.title] if check.extractor == profile.name else []


_KEYS = (
    "flat",
    "title_quoted",
    "title_after_date",
    "title_before",
    "title_with_date",
    "title_whole",
    "title_without",
    "title_after_label",
    "title_line_after_date",
)  # profile keys learnt beside the selectors, written above [selectors]
_SAME_LINK = 3  # entries whose only link says the same: a pointer, however it is worded
