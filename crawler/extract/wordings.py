"""Link wordings that recur on a list's records: words that point at each record rather than name it."""

from __future__ import annotations

import re
from collections import Counter

from ..parsers.datelines import date_in_line
from ..parsers.groups import looks_like_group_heading
from .html import INLINE, tag, text_of
from .pointer_words import is_generic_text
from .title_names import title_named
from .titles import HEADINGS


def pointing_wording(blocks, links) -> str | None:
    """The one link wording most records of a list share that opens on a pointing word and says little more
    ("Ver comunicado", "View bulletin", "Download brochure"): it points at each record, whose own text names it.
    A shared wording of other words ("Regular Meeting" on every row) still names its records."""
    wording = _most_shared(blocks, links)
    shown = [w for w in (wording or "").split() if _LETTER.search(w)]  # "📄 Acessar Artigo": an icon is no word
    if not shown or not is_generic_text(shown[0]) or date_in_line(wording):
        return None
    if len(shown) > _MAX_POINTING_WORDS and not is_generic_text(wording):  # "Hier geht es zum Artikel!" points
        return None
    return wording


def _most_shared(blocks, links) -> str | None:
    """The link wording at least _MIN_REPEATS records, and _SHARE of them, show; None when none is."""
    wordings = Counter(text_of(a) for a in links if a is not None)
    if not wordings:
        return None
    wording, count = wordings.most_common(1)[0]
    return wording if wording and count >= max(_MIN_REPEATS, _SHARE * len(blocks)) else None


def shared_pointer(blocks, links) -> str | None:
    """The one link wording most records of a list share ("Ver comunicado", "View release") where each of those
    records has a heading of its own, without a link, that is no date, and those headings differ: the wording
    points at each record, its heading names it. `links`: each block's entry link (or None). A wording beside no
    such headings ("Regular Meeting" beside "Agenda", rows without headings) still names its records."""
    wording = _most_shared(blocks, links)
    if wording is None:
        return None
    named = [own_heading(b) for b, a in zip(blocks, links, strict=True) if a is not None and text_of(a) == wording]
    if any(n is None or n == wording for n in named):
        return None
    return wording if len(set(named)) * 2 > len(named) else None


def own_heading(block) -> str | None:
    """The text of the first heading (or element named as a title) in `block` that holds no link and is no date."""
    found = own_heading_element(block)
    return text_of(found) if found is not None else None


def own_heading_element(block):
    """The first heading (or element named as a title) in `block` that holds no link and is no date; None if none."""
    for el in block.iter():
        if not (tag(el) in HEADINGS or (tag(el) and title_named(el))):
            continue
        shown = text_of(el)
        if shown and not any(a.get("href") for a in el.iter("a")) and date_in_line(shown) != shown:
            return el
    return None


_LETTER = re.compile(r"[^\W\d_]")

# A wording is shared when at least this many records, and at least this share of them, show it.
_MIN_REPEATS, _SHARE = 3, 0.5


def shared_lines(blocks) -> set:
    """The lines of text (elements holding no line of their own) at least _MIN_REPEATS records, and _SHARE of
    them, show: a section label each card repeats ("Wat gaan we doen?"), a kicker, a pointer."""
    counts: Counter = Counter()
    for block in blocks:
        counts.update({text_of(el) for el in block.iter() if _a_line(el)})
    return {shown for shown, n in counts.items() if n >= max(_MIN_REPEATS, _SHARE * len(blocks))}


def record_name(record, title_el, shared: set):
    """The element naming a record in place of `title_el` when that is a section label every card repeats, or the
    author an avatar pictures; `title_el` otherwise."""
    if title_el is None:
        return None
    own = line_before_label(record, title_el, shared) if shared else None
    title_el = own if own is not None else title_el
    after = line_after_author(record, title_el)
    return after if after is not None else title_el


def line_before_label(record, heading, shared: set):
    """<a><div>#131: Capture the Flag - …</div><p>…</p><h2>Wat gaan we doen?</h2><p>…</p></a>: a heading without
    a link that most records repeat, after a line of the record's own, is a section label inside each card; that
    line (the first of a few words that no record shares and holds no date) names the record. None otherwise: a
    heading opening its record, or one with a link, names it however many records share it."""
    if tag(heading) not in HEADINGS or text_of(heading) not in shared or heading.find(".//a[@href]") is not None:
        return None
    for el in record.iter():
        if el is heading:
            return None
        shown = text_of(el) if _a_line(el) else None
        if shown and shown not in shared and not date_in_line(shown) and not is_generic_text(shown):
            return el if _MIN_LINE_WORDS <= len(shown.split()) <= _MAX_LINE_WORDS else None
        if shown and date_in_line(shown) and date_in_line(shown) != shown:
            return None  # "12 May 2020, 6 pm – City Hall" over "Board Meeting": a meta line, the heading names it
    return None


def line_after_author(record, named):
    """<a><img src="…gravatar…" alt="Gravatar of Ana Souza"><p class="title">Ana Souza</p><p>on <time>20/06/2022
    </time></p><p>PHP conference 2022</p></a>: a line that an avatar's alt names, over a line holding a date, is
    the author pictured and when they posted; the next line of a few words holding no date names the record.
    None otherwise: a person under their avatar, with no date line (a list of people), is the entry's name."""
    shown = text_of(named)
    if not shown or not any(
        _AVATAR.search(_about(img)) and shown in (img.get("alt") or "") for img in record.iter("img")
    ):
        return None
    after, dated = False, False
    for el in record.iter():
        after = after or el is named
        line = text_of(el) if after and _a_line(el) and el is not named and named not in el.iterancestors() else None
        if not line:
            continue
        if date_in_line(line):
            dated = True
        elif dated and not is_generic_text(line) and _MIN_LINE_WORDS <= len(line.split()) <= _MAX_LINE_WORDS:
            return el
    return None


def _about(img) -> str:
    return " ".join(img.get(k) or "" for k in ("class", "src", "alt"))


# An author's picture: "avatar", "gravatar.com", "user-avatar" in its class, address or alt.
_AVATAR = re.compile(r"avatar", re.IGNORECASE)


def _a_line(el) -> bool:
    """An element with text holding no block with text (<a> around a card's lines is none): a line."""
    if not (tag(el) and text_of(el)):
        return False
    return not any(tag(c) and tag(c) not in INLINE and text_of(c) for c in el.iterdescendants())


# A line naming a record has this many words: "Board Meeting", not "Opinion"; a longer one is a teaser.
_MIN_LINE_WORDS, _MAX_LINE_WORDS = 2, 30

# A pointing wording says this many words at most: "Ver comunicado", "View the bulletin".
_MAX_POINTING_WORDS = 3


_MORE = re.compile(
    r"\s*(?:(?:read more|learn more|see more|continue reading|lire la suite|en savoir plus|leer m[áa]s|ver m[áa]s"
    r"|seguir leyendo)\s*[»›→]*|[»›→]+)\s*$",
    re.IGNORECASE,
)


_MORE_LINK = re.compile(
    r"^(?:read more|more|learn more|see more|find out more|(?:view |more |see )?details|continue reading|lire la suite|"
    r"en savoir plus|leer m[áa]s|ver m[áa]s|seguir leyendo|m[áa]s informaci[óo]n|plus|mehr lesen|weiterlesen|weiter|"
    r"mehr|saiba mais|leia mais|ler mais|ver mais|lees meer|leggi tutto|[»›→]|"
    # the same in other languages dateparser reads ("Citeşte mai mult", "Czytaj więcej", "Lue lisää")
    r"cite[șşs]te mai mult|czytaj wi[ęe]cej|lue lis[äa][äa]|l[äa]s mer|l[æe]s mere|les mer|pro[čc]itaj vi[šs]e|"
    r"preberi ve[čc]|devam[ıi]n[ıi] oku|tov[áa]bb|b[őo]vebben|[čc][íi]st v[íi]ce|[čc][íi]ta[ťt] viac|читать далее|"
    r"подробнее|читати далі|детальніше|прочети повече|llegeix m[ée]s|llegir m[ée]s|ler m[áa]is|baca selengkapnya|"
    r"leggi di pi[ùu]|scopri di pi[ùu]|lees verder)\s*[»›→.…]*$",
    re.IGNORECASE,
)


def is_more_link(text: str | None) -> bool:
    """ "Read more »", "Lire la suite", "Leer más": a link that points at an entry without naming it."""
    return bool(text and _MORE_LINK.match(text.strip()))


def without_more(text: str | None) -> str | None:
    """A paragraph without its trailing "Read more »" link text; None when nothing else is left."""
    if not text:
        return None
    return _MORE.sub("", text) or None


def headings_name_pointers(entries, links, wording: str | None) -> None:
    """Records of one list, each under a heading of its own with no wrapper (<h3>Name</h3><p>…<a>Ver
    publicación</a></p>), all linked by the list's pointing wording: each heading names its record, so it is the
    title, not a group. Headings shared by several records, dates and month or year lines stay groups.
    `links`: each entry's link (or None)."""
    if wording is None or len(entries) < _MIN_REPEATS or any(a is None or text_of(a) != wording for a in links):
        return
    headings = [e.group for e in entries]
    if len(set(headings)) < len(headings) or not all(headings) or any(looks_like_group_heading(h) for h in headings):
        return
    if any(date_in_line(h) == h for h in headings):
        return
    for entry in entries:
        entry.title, entry.group = entry.group, None
