"""Organisers named in an entry's description, in English, French and Spanish.

Shapes: a label ("Organisers: ILO, UNDP"); passive ("Jointly organized by A and B", "organisé par A",
"organizado por A"); "co-organised with A"; active ("A, in collaboration with B, will host ...",
"UNICEF and the ILO convene ...", "ILO to host ..."); "A through the B" names both. A name may hold
"and", "&", a comma, brackets or quotes ("Ministry of Labour, Invalids and Social Affairs (MOLISA)",
"the ILO (Dakar and SECTOR)"): a list is only cut where the next part starts a new name. A programme
in brackets after a name frames the event and is dropped; "social partners" is no name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import orgwords as ow
from .organisers_clauses import (
    ARTICLE,
    CONJ,
    PREPOSITION,
    dedupe,
    sentences,
    strip_article,
    trim_after_by,
)
from .orgnames import ACRONYM as _ACRONYM
from .orgnames import generic as _generic
from .orgnames import lone_kind as _lone_kind
from .orgnames import named_by_place as _named_by_place
from .orgnames import only_name_words as _only_name_words
from .orgnames import org_like as _org_like
from .orgshapes import (
    ACTIVE,
    ACTIVE_PRESENT,
    ASIDE_PARTNER,
    CLAUSE_AFTER_COMMA,
    CO_VERB,
    CO_VERB_WITH,
    CO_WITH,
    CO_WITH_OPENING,
    DATELINE,
    INTRO,
    INVITE,
    JOINED,
    LABEL,
    LABEL_END,
    LABEL_ITEM,
    NAME_END,
    NAMED_AFTER,
    PARTNER,
    PARTNER_WORD,
    PARTNER_WORDS,
    PASSIVE,
    PASSIVE_WORD,
    PASSIVE_WORDS,
    PURPOSE_THEN_PARTNER,
    REPEATED_OF,
    SUPPORT_THEN_PARTNER,
    TRIGGER,
    TRIGGER_WORDS,
    VERB_ASIDE_PARTNER,
    VERB_OBJECT,
    active_verb,
    rare_passive,
)
from .text import clean_text, guess_language, has_any

# A subject longer than this (two long names and a partner fit) is a clause, not a list of names.
MAX_SUBJECT_WORDS = 24
# A part of a list starts a new name when an organisation word or acronym is among its first words.
NEW_NAME_WINDOW = 8
# A bracket naming a programme with at least this many words is a frame ("(Joint Programme on X)"), not an alias.
FRAME_MIN_WORDS = 2
_BRACKET = re.compile(r"\s*\(([^()]*)\)")
_QUOTED = re.compile(r"(?:(?<=\s)|^)(?:'[^']+'(?=[\s,.;:)]|$)|“[^”]*”|«[^»]*»|\"[^\"]*\"|‘[^’]*’)|\([^()]*\)")
_TOKEN = re.compile("\ue000(\\d+)\ue001")
# ", and": a serial comma; ", por la OIM y por la OIT": the list repeats its "by".
_LIST_SEPARATOR = re.compile(r",\s*(?:(?:and|et|y)\s+)?(?:(?:by|par|por)\s+)?|" + CONJ.pattern)
_FRONTED = re.compile(  # "Through its ENHANCE project, the ILO will ..."
    r"(?i)^(?:through|à\s+travers|a\s+través\s+del?|par\s+l['’]intermédiaire\s+d[eu])\s+([^,]+),\s+(.+)$"
)
_CLAUSE_AFTER_COMMA = re.compile(CLAUSE_AFTER_COMMA)  # ", based in ..." ends the subject, ", du Travail" not
_ENGLISH_THE = re.compile(r"\s*the\s")
_LETTER = re.compile(r"[A-Za-zÀ-ÿ]")
_AND_BEFORE = re.compile(r"\s(?:and|et|y)\s+$")
_REPEATED_DE = re.compile(r"\s*(?:de\s+(?=la\s|l['’])|du\s+|del\s+|d['’](?=[A-ZÀ-Ý]))(?=\S)")
# "the ILO, the UN agency for the world of work, and B": what a name is, between commas before "and", is no name.
_DESCRIPTION = re.compile(r",\s+(?:the|la|el|le|l['’])\s*(?:[A-Z]{2,}\s+)?[a-zà-ÿ][^,.;:()]*,(?=\s+(?:and|et|y|e)\s)")
# "et métiers", "et social européen", "et solidaire (CRESS) d'Occitanie": one or two lower-case words, then a place.
_LOWER_TOPIC = re.compile(r"^[a-zà-ÿ][\w’'-]*(?:\s+[a-zà-ÿ][\w’'-]*)?(?:\s+d['’][A-ZÀ-Ý][\w’'-]*)?$")
_ELIDED_DE = re.compile(r"\bd['’][a-zà-ÿ]")  # "d'industrie": a topic after "Chambre de commerce,"


@dataclass(frozen=True)
class Organisers:
    names: list[str] = field(default_factory=list)
    text: str | None = None


def parse_organisers(description: str | None, language: str | None = None) -> Organisers:
    """Find the organisers named in a description; empty when it names none.

    >>> parse_organisers("Jointly organized by the ILO and the Ministry of Labour and Social Welfare").names
    ['ILO', 'Ministry of Labour and Social Welfare']
    """
    text = clean_text(description)
    if not text:
        return Organisers()
    text = text.replace("\ue000", " ").replace("\ue001", " ")  # the marks _protect uses
    romance = (language or guess_language(text)) in ("fr", "es")
    for sentence in sentences(text):
        names = _from_sentence(sentence, romance)
        if names:
            return Organisers(names, sentence)
    return Organisers()


def _from_sentence(sentence: str, romance: bool) -> list[str]:
    if not has_any(sentence, TRIGGER_WORDS, TRIGGER):
        return []  # no word that names an organiser: skip the patterns below
    m = LABEL.search(sentence) if ":" in sentence else None  # a label ends with a colon
    if m:
        # "Lead organiser: A; co-organisers: B and C": a second label on the line adds its names.
        second = LABEL.search(sentence, m.end()) if sentence.count(":") > 1 else None
        return dedupe(
            _label_names(sentence[m.end() :], romance)
            + (_label_names(sentence[second.end() :], romance) if second else [])
        )
    m = PASSIVE.search(sentence) or rare_passive(sentence)
    if m:
        names = _names_after(sentence[m.end() :], romance) + _second_passive(sentence, m.end(), romance)
        # "A hosts the conference, co-organised by B": the co- organiser's partner is the sentence's subject.
        verb = ACTIVE.search(sentence, 0, m.start()) if names and CO_VERB.search(m.group(0)) else None
        return dedupe(_active_subject(sentence[: verb.start()], romance) + names) if verb else names
    m = CO_WITH.search(sentence) or CO_WITH_OPENING.match(sentence)
    if m:
        names = _names_after(sentence[m.end() :], romance)
        # "A is organizing the dialogue, co-organised with B", "A invites you to a panel, co-organised with B"
        verb = ACTIVE.search(sentence, 0, m.start()) or INVITE.search(sentence, 0, m.start())
        subject = _active_subject(sentence[: verb.start() if verb else m.start()], romance, strict=not verb)
        return dedupe(subject + names) if names else []
    m = JOINED.search(sentence)
    if m:  # "A has teamed up with B to organise": A, then B
        names = _active_subject(sentence[: m.start()], romance)
        return dedupe(names + _names_after(m.group("partner"), romance)) if names else []
    m = active_verb(sentence)
    if m:
        names = _active_subject(sentence[: m.start()], romance)
        partner = PARTNER.search(sentence, m.end())  # "will host a forum in partnership with B", "organisera, avec B,"
        if names and partner:
            partners = _names_after(sentence[partner.end() :], romance)
            # "A organiza, de la mano de B, la Feria de Empleo": the verb's object after an aside names no body.
            while partner.start() == m.end() and partners and _object_after_aside(partners[-1], sentence):
                partners.pop()
            names = dedupe(names + partners)
        aside = VERB_ASIDE_PARTNER.match(sentence, m.end()) if names and not partner else None
        if aside and _only_name_words(strip_article(aside.group("partner"))):  # "A organise, avec B, un atelier"
            names = dedupe(names + _names_after(aside.group("partner"), romance))
        return _with_co_partner(names, sentence, m, romance)
    m = ACTIVE_PRESENT.search(sentence)
    names = _active_subject(sentence[: m.start()], romance, strict=True) if m and not romance else []
    # "The host is the ILO": "host" read as a verb names none, the noun names the ILO.
    return _with_co_partner(names, sentence, m, romance) if names else _lead_in_names(sentence, romance)


def _second_passive(sentence: str, start: int, romance: bool) -> list[str]:
    """ "hosted by A at its offices, and co-organised by B": a second passive joined by "and" names B too."""
    tail = sentence[start:]  # the words first: the pattern is slow
    second = PASSIVE.search(sentence, start) if has_any(tail, PASSIVE_WORDS, PASSIVE_WORD) else None
    joined = second and _AND_BEFORE.search(sentence, 0, second.start())
    return _names_after(sentence[second.end() :], romance) if joined else []


def _lead_in_names(sentence: str, romance: bool) -> list[str]:
    """ "The organisers are A and B", "a joint initiative of A and B": the names after, and a partner later in the
    sentence ("À l'initiative de A, la journée est organisée en partenariat avec B"); "A and B invite you to": A, B."""
    m = NAMED_AFTER.search(sentence)
    if m:
        names = _names_after(REPEATED_OF.sub(r" \1 ", sentence[m.end() :]), romance)
        partner = PARTNER.search(sentence, m.end()) if names else None
        return dedupe(names + _names_after(sentence[partner.end() :], romance)) if partner else names
    lowered = sentence.lower()  # the words first: the pattern is slow
    m = INVITE.search(sentence) if "invit" in lowered or "convi" in lowered else None
    return _active_subject(sentence[: m.start()], romance) if m else []


def _object_after_aside(name: str, sentence: str) -> bool:
    """ "A organiza, de la mano de B, la Feria de Empleo": after the aside's comma, an article and no body's name."""
    return not _org_like(name) and bool(
        re.search(r",\s+(?:the|la|le|el|les|los|las|l['’])\s*" + re.escape(name), sentence)
    )


def _with_co_partner(names: list[str], sentence: str, verb: re.Match[str], romance: bool) -> list[str]:
    """ "A is co-hosting the dialogue with B", "A co-organise avec B une conférence": a co- verb's "with" names B."""
    partner = CO_VERB_WITH.match(sentence, verb.end()) if names and CO_VERB.search(verb.group(0)) else None
    if not partner:
        return names
    return dedupe(names + _names_after(VERB_OBJECT.split(sentence[partner.end() :], maxsplit=1)[0], romance))


def _label_names(listed: str, romance: bool) -> list[str]:
    """The names after a label: "ILO; UNDP", "ILO / UNICEF" and bullets list one name an item."""
    protected, spans = _protect(_drop_frames(listed))
    items = LABEL_ITEM.split(LABEL_END.split(protected, maxsplit=1)[0])
    names = _split_names(items[0], romance)
    for item in items[1:]:
        # "Organizers: ILO; the event is free": the list ended; "; France Travail ;" a name in capitals goes on.
        if not (_starts_new_name(item) or (item[:1].isupper() and " " in item.strip() and _only_name_words(item))):
            break
        names += _split_names(item, romance)
    return _finish(names, spans, romance, label=True)


def _names_after(phrase: str, romance: bool) -> list[str]:
    """The names written after "by": up to the end of the clause, with the partners it adds."""
    close = phrase.find(")")  # "Meeting (organised by A and B), 4 May": the bracket the names stand in closes them
    phrase = phrase[:close] if close != -1 and "(" not in phrase[:close] else phrase
    phrase = _DESCRIPTION.sub("", phrase) if ", the " in phrase or ", l" in phrase or ", e" in phrase else phrase
    protected, spans = _protect(_drop_frames(phrase))
    names: list[str] = []
    pieces = _partner_split(protected)
    # What joins each piece to the next: ", in cooperation with" or " in cooperation with".
    joins = [m.group(0) for m in PARTNER.finditer(protected)] if len(pieces) > 1 else []
    for piece, join in zip(pieces, [*joins, ""], strict=True):
        kept = trim_after_by(piece, romance)
        found = _split_names(kept, romance)
        if not found:
            break
        names += found
        if kept.strip(" ,") != piece.strip(" ,") and not _support_then_partner(piece, kept, join):
            break  # the clause that lists the names ended inside this piece
    return _finish(names, spans, romance)


def _support_then_partner(piece: str, kept: str, join: str) -> bool:
    """ "A, with the support of B and in cooperation with C": what was cut after A is a support phrase that the
    partner phrase goes on from, so C is A's partner too."""
    tail = piece[len(kept) :] if join and piece.startswith(kept) else ""
    tail += "," if join.startswith(",") else ""
    return bool(tail) and bool(SUPPORT_THEN_PARTNER.match(tail) or PURPOSE_THEN_PARTNER.match(tail))


def _partner_split(text: str) -> list[str]:
    return PARTNER.split(text) if has_any(text, PARTNER_WORDS, PARTNER_WORD) else [text]


def _active_subject(before: str, romance: bool, strict: bool = False) -> list[str]:
    """The organisers written before an active verb: "A, in collaboration with B, will host"."""
    protected, spans = _protect(_drop_frames(before))
    fronted = _FRONTED.match(protected)  # "Through its ENHANCE project, the ILO will organize"
    pieces = _partner_split(fronted.group(2)) + [fronted.group(1)] if fronted else _fronted_partner(protected)
    subject = _subject(pieces[0])
    if not (subject[:1].isupper() or ARTICLE.match(subject)) or len(subject.split()) > MAX_SUBJECT_WORDS:
        return []  # no name, or a whole clause
    if strict and not _only_name_words(subject):
        return []  # "The Government of Fiji agreed to host": a clause, not a list of names
    names = _split_names(subject, romance)
    for piece in pieces[1:]:
        names += _split_names(NAME_END.sub("", piece).strip(" ,"), romance)
    names = _finish(names, spans, romance, subject=True)
    # "Experts convene ..." and "This webinar, co-organised with ..." name none; "Brazil and the ILO will host" two.
    return names if any(_org_like(n) for n in names) else []


def _fronted_partner(before: str) -> list[str]:
    """ "In collaboration with B, A will host": the subject A first, then its partners, as when B comes after A."""
    lead = PARTNER.match(" " + before) if has_any(before[:40], PARTNER_WORDS, PARTNER_WORD) else None
    if lead and ", " in before[lead.end() - 1 :]:
        partner, subject = before[lead.end() - 1 :].rsplit(", ", 1)  # the subject follows the partner's last comma
        return [*_partner_split(subject), partner]
    aside = ASIDE_PARTNER.search(before) if "," in before else None
    if aside and _only_name_words(aside.group("partner")):  # "A, with B, organised": "with EU funding" names none
        return [*_partner_split(before[: aside.start()]), aside.group("partner")]
    return _partner_split(before)


def _subject(before: str) -> str:
    before = INTRO.sub("", DATELINE.sub("", before.strip()))
    return _CLAUSE_AFTER_COMMA.sub("", before).strip(" ,")


def _protect(text: str) -> tuple[str, list[str]]:
    """Hide text in brackets and quotes, a city its acronym closes, and where a mission is accredited, behind a mark:
    nothing cuts inside it."""
    spans: list[str] = []

    def hide(m: re.Match[str]) -> str:
        spans.append(m.group(0))
        return f"\ue000{len(spans) - 1}\ue001"

    text = ow.CITY_BEFORE_ACRONYM.sub(hide, text) if "à" in text else text
    text = _QUOTED.sub(hide, text) if any(c in text for c in "'\"“«‘(") else text
    return (ow.ACCREDITED_TO.sub(hide, text) if ow.ACCREDITED_WORD.search(text) else text), spans


def _drop_frames(text: str) -> str:
    """Drop brackets that frame the event: "(under the X Programme)", "(Joint Programme on Y)"."""

    def frame(m: re.Match[str]) -> str:
        inside = m.group(1).strip()
        clause = inside[:1].islower() and not _ACRONYM.match(inside)
        programme = ow.PROGRAMME_WORD.search(inside) and len(inside.split()) >= FRAME_MIN_WORDS
        return "" if clause or programme else m.group(0)

    return _BRACKET.sub(frame, text) if "(" in text else text


def _finish(names: list[str], spans: list[str], romance: bool, subject: bool = False, label: bool = False) -> list:
    """Put back what _protect hid, tidy each name and drop the ones that are no name ("social partners"). A label
    lists names, not where the event met: a place after a name stays ("Fundación Friedrich Ebert en Argentina")."""
    out = []
    for name in names:
        name = strip_article(name)
        if "\ue000" in name:  # a mark _protect left: most names hold none
            name = _TOKEN.sub(lambda m: spans[int(m.group(1))], name)
        placeless = name if label or ow.ACCREDITED_TO.search(name) else ow.TRAILING_PLACE.sub("", name)
        # "Centre of the ILO in Turin", but "ILO Office in Beirut" is a name, and "at Leiden University" no place.
        if placeless != name and _org_like(placeless) and not _named_by_place(placeless, subject):
            name = name if ow.ORG_HEAD.search(name, len(placeless)) else placeless
        if name and _LETTER.search(name) and not _generic(name, romance) and not ow.PERSON_MARK.search(name):
            out.append(name)
    return dedupe(out)


def _starts_new_name(part: str) -> bool:
    head = " ".join(strip_article(part).split()[:NEW_NAME_WINDOW])
    return bool(ow.ORG_HEAD.search(head) or _ACRONYM.search(head) or ow.COMMUNITY.match(part.strip()))


def _split_names(phrase: str, romance: bool) -> list[str]:
    """Cut "A, B and C" into names without cutting "Ministry of Labour, Invalids and Social Affairs"."""
    names: list[str] = []
    pos, joiner = 0, ""
    for m in [*_LIST_SEPARATOR.finditer(phrase), None]:
        part = phrase[pos : m.start() if m else len(phrase)]
        if names and _continues(names[-1], part, joiner, romance):
            names[-1] += joiner + part
        elif part.strip():
            # "a cargo de la Universidad y de la Oficina": the list repeats its "de"; no name starts with one.
            names.append(_REPEATED_DE.sub("", part, count=1) if joiner and _REPEATED_DE.match(part) else part)
        if m:
            joiner, pos = m.group(0), m.end()
    return [n for n in (strip_article(n) for n in names) if n]


def _continues(current: str, part: str, joiner: str, romance: bool) -> bool:
    """Whether a part written after a comma or "and" goes on the name before it."""
    current, bare = strip_article(current), strip_article(part)
    if current.endswith("\ue001"):
        # "School of Law (SOL), University of Ghana": a school or faculty is its university's, though its acronym
        # closes it; "Consejo ... (COHEP) y la Central ...", "Instituto ... (IELIS), Universidad ...": two names.
        return joiner.startswith(",") and bool(ow.FACULTY.match(current) and ow.PARENT_OF_UNIT.match(bare))
    if joiner.startswith(",") and ow.UNIT_OF.match(current) and ow.PARENT_OF_UNIT.match(bare) and bare == part.strip():
        return True  # "Faculty of Law, University of Geneva": the university the faculty belongs to
    if joiner.strip() in ("and", "et", "y") and _lone_kind(current) and bare[:1].isupper() and bare == part.strip():
        return True  # "Employers and Business Members Group": "Employers" alone names no body
    if ow.SHARED_HEAD[0].search(current) and ow.SHARED_HEAD[1].match(bare):
        return True  # "Technical Support Team and Country Office for ..."
    if joiner.startswith(",") and ow.PARENT_BODY.match(current) and ow.SUB_UNIT.match(_TOKEN.sub("", bare).strip()):
        return True  # "Department of Trade, Law Development Programme (LDP)"
    if joiner.startswith(",") and ow.MINISTRY.match(current) and ow.OF_GOVERNMENT.match(bare) and bare == part.strip():
        return True  # "Ministry of Labour and Employment, Government of Nepal": the ministry's government
    if joiner.strip() == "," and ow.MINISTRY.match(current) and ow.COUNTRY_ABBREVIATION.match(part.strip()):
        return True  # "Ministry of Human Resources and Emiratisation, UAE": the ministry's country
    if joiner.startswith(",") and ow.OWNER_OF_UNIT.match(current) and ow.UNIT_OF_OWNER.match(part.strip()):
        return True  # "City of Barcelona, Department of Employment": the city's department
    if not (romance or _org_like(current) or ARTICLE.match(part.strip()) or _org_like(" ".join(bare.split()[:1]))):
        return True  # "Bangladesh Garment Manufacturers and Exporters Association": the name is not complete yet
    if joiner.strip() in ("and", "et", "y") and ow.MORE_COUNTRIES.match(part.strip()) and ow.OFFICE_FOR.search(current):
        return True  # "Office for the European Union and the Benelux countries"
    if _starts_new_name(part) and not (bare == part.strip() and ow.TOPIC_OF_OWNER.match(bare)):
        return False  # "y Recursos Humanos de la Universidad Complutense": a second topic, then whose it is
    bare = _TOKEN.sub("", bare).strip()  # "économiques et sociales (IRES)": the acronym closes the adjectives
    if romance and ow.ADJECTIVE_WORD.fullmatch(bare) and ow.ADJECTIVE_WORD.fullmatch(current.split()[-1]):
        return True  # "Conseil économique, social et environnemental"
    if not romance and _ENGLISH_THE.match(part) and not ow.PLACE_WITH_THE.match(part.strip()):
        return False  # "Government of Norway and the Financial Times"
    if romance and joiner.strip() in ("et", "y", "e") and ow.TOPIC_END.search(current) and ow.NEXT_TOPIC.match(part):
        return True  # "Réseau de recherche sur le travail et la protection sociale": a second topic
    lower_topic = current[-1:].islower() and _LOWER_TOPIC.match(bare) and not ARTICLE.match(part.strip())
    if romance and joiner.strip() in ("et", "y", "e") and lower_topic:
        return True  # "Centre de recherche en économie et statistique (CREST)", "arts et métiers": one more topic
    if bare[:1].islower() and not (PREPOSITION.match(bare) or _ELIDED_DE.match(bare)):
        return False  # "gouvernement du Burkina Faso et les partenaires sociaux"
    return bool(PREPOSITION.search(current) or _ELIDED_DE.search(current))  # "Chambre d'agriculture, d'élevage"
