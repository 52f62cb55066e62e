"""Organisers named in an entry's description, in English, French and Spanish.

Two sentence shapes name them:
- passive: "Jointly organized by A and B", "hosted by A", "organisé par A", "organizado por A";
- active: "A will host ...", "A, in collaboration with B and C, will organize ...",
  "A has organised a tripartite study tour".
A name may hold "and" or a comma ("Ministry of Labour and Social Welfare, Lao People
Democratic Republic"); a list is only cut where the next part starts a new name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .orgwords import ORG_HEAD
from .text import clean_text, guess_language

# "Organisers: ILO, UNDP" — a label and a list.
_LABEL = re.compile(
    r"(?:^|(?<=[.;]\s))(?:co-?)?(?:organi[sz]ers?|organi[sz]ed by|hosts?|hosted by|organisateurs?|organis[ée] par|organizadores?|organizado por)\s*:\s*",
    re.IGNORECASE,
)
_PASSIVE = re.compile(
    r"\b(?:(?:jointly|co-?)\s*)?(?:organi[sz]ed|hosted|convened|co-?hosted|co-?organi[sz]ed)\s+(?:jointly\s+)?by\s*:?\s+"
    r"|\b(?:co-?)?organis[ée]e?s?\s+(?:conjointement\s+)?par\s+|\baccueillie?s?\s+par\s+"
    r"|\b(?:co-?)?organizad[oa]s?\s+(?:conjuntamente\s+)?por\s+|\bconvocad[oa]s?\s+por\s+",
    re.IGNORECASE,
)
_ACTIVE = re.compile(
    r"\s+(?:will|shall|is going to)\s+(?:co-?)?(?:host|organi[sz]e|convene|hold)\b"
    r"|\s+(?:has|have|had)\s+(?:co-?)?(?:organi[sz]ed|hosted|convened)\b"
    r"|\s+(?:is|are)\s+(?:co-?)?(?:organi[sz]ing|hosting|convening)\b"
    r"|\s+(?:co-?)?(?:organi[sz]ed|hosted|convened)\s+(?=(?:a|an|the|two|three|its|their)\b)"
    r"|\s+(?:organisera|organisent|accueillera|organizará|organizarán|organiza|organizan)\b",
)
_PARTNER = re.compile(
    r",?\s+\b(?:in\s+(?:close\s+)?(?:collaboration|coordination|cooperation|partnership)\s+with|together\s+with|jointly\s+with"
    r"|en\s+(?:collaboration|coopération|partenariat)\s+avec|en\s+(?:colaboración|cooperación|coordinación)\s+con)\s+",
    re.IGNORECASE,
)
# Where a name written after "by" stops: a trailing clause, not part of the name.
_NAME_END = re.compile(
    r"\s*,?\s+(?:led|chaired|attended|with\s+(?:the\s+)?(?:support|funding|financial)"
    r"|under\s+the|as\s+part\s+of|on\s+(?:behalf|the\s+occasion)|from\s+\d|on\s+\d|in\s+\d|at\s+the\s+request)\b.*$"
    r"|,\s+(?=[a-z]).*$|\s+\((?:see|voir|ver)\b.*$",
)
_ARTICLE = re.compile(r"^(?:[Tt]he|[Ll]es?|[Ll]a|[Ll]['’]|[Ee]l|[Ll]os|[Ll]as)\s*(?<=\s|'|’)")
_ABBREVIATIONS = ("Dept.", "Inc.", "Ltd.", "Co.", "Corp.", "Govt.", "Univ.", "Assn.", "St.")
_PREPOSITION = re.compile(r"\b(?:of|for|on|in|de|du|des|del|pour|para|sur|sobre)\b")
_ORG_HEAD = ORG_HEAD
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9\-/&]{1,}\b")
_INTRO = re.compile(
    r"^(?:on|in|at|during|to|for|after|before|last|this|next|as|from|with|following|under|"
    r"le|en|lors|du|pour|el|durante|con)\b[^,]*,\s*",
    re.IGNORECASE,
)
_CONJ = re.compile(r"\s+(?:and|&|et|y|e)\s+")
_GENERIC_LOWER = re.compile(
    r"^(?:project|programme|program|office|team|department|ministry|secretariat|unit|government|partners?|"
    r"organi[sz]ations?|programmes|projects|agencies|institutions?|ministère|bureau|gouvernement|ministerio|"
    r"oficina|gobierno|secrétariat|secretaría)$"
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘(])")


@dataclass(frozen=True)
class Organisers:
    names: list[str] = field(default_factory=list)
    text: str | None = None


def _sentences(text: str) -> list[str]:
    # Do not cut after an abbreviation such as "Dept." or "St.".
    pieces, buf = [], ""
    for piece in _SENTENCE.split(text):
        buf = f"{buf} {piece}".strip() if buf else piece
        if re.search(r"\b(?:[A-Z][a-z]{0,3}|[A-Z])\.$", buf) and not buf.endswith(("ILO.", "UN.")):
            continue
        pieces.append(buf)
        buf = ""
    if buf:
        pieces.append(buf)
    return pieces


def _strip_article(name: str) -> str:
    name = name.strip(" ,;:–—-\"“”‘’")
    if not name.endswith(_ABBREVIATIONS):
        name = name.rstrip(".")
    while True:
        stripped = _ARTICLE.sub("", name, count=1)
        if stripped == name:
            return name
        name = stripped


def _starts_new_name(part: str) -> bool:
    words = _strip_article(part).split()
    head = " ".join(words[:8])
    return bool(_ORG_HEAD.search(head) or _ACRONYM.search(head))


def _split_names(phrase: str) -> list[str]:
    """Cut "A, B and C" into names without cutting "Ministry of Labour and Social Welfare"."""
    conjuncts: list[str] = []
    pos, joiner = 0, ""
    for m in list(_CONJ.finditer(phrase)) + [None]:
        piece = phrase[pos : m.start() if m else len(phrase)]
        if conjuncts and _PREPOSITION.search(conjuncts[-1].split(",")[-1]) and not _starts_new_name(piece):
            conjuncts[-1] += joiner + piece  # "Ministry of Labour" + "and Social Welfare"
        else:
            conjuncts.append(piece)
        if m:
            joiner, pos = m.group(0), m.end()
    names: list[str] = []
    for i, conj in enumerate(conjuncts):
        # Commas make a list only before its last "and": "ILO, UNDP and ESCWA".
        if i < len(conjuncts) - 1 and "," in conj:
            names.extend(conj.split(","))
        else:
            names.append(conj)
    return [n for n in (_strip_article(n) for n in names) if n and re.search(r"[A-Za-zÀ-ÿ]", n)]


_SOFT_END = re.compile(r"\s*,?\s+(?:funded|supported|financed|sponsored)\s+by\b.*$")


_ROMANCE_CLAUSE = re.compile(r"\s+(?:afin|avec|qui|que|lors|con|quien|quienes|durante|en\s+el\s+marco|dans\s+le\s+cadre|à|a\s+fin)\b.*$")
# "pour"/"para" open a clause only before a lower-case word ("pour les jeunes"), and
# never inside a name that starts with an institution ("Agence nationale pour l'emploi").
_ROMANCE_PURPOSE = re.compile(r"\s+(?:pour|para|sur|sobre|dans)\s+(?!(?:le|la|les|l['’]|el|los|las|des|del|du)\s*[A-ZÀ-Ý])(?![A-ZÀ-Ý]).*$")


def _trim_after_by(phrase: str, romance: bool = False) -> str:
    """The names written after "by": up to the end of the clause that lists them."""
    phrase = re.split(r"[;:]|(?<!Dept)(?<!Inc)(?<!Ltd)(?<!\b[A-Z])\.(?=\s|$)", phrase, maxsplit=1)[0]
    if "—" in phrase or " – " in phrase:
        # "two regional ILO programmes—the Skills for Prosperity ..." : the names follow the dash.
        phrase = re.split(r"—| – ", phrase, maxsplit=1)[1]
    phrase = _NAME_END.sub("", phrase)
    kept, pos = [], 0
    for m in list(_CONJ.finditer(phrase)) + [None]:
        end = m.start() if m else len(phrase)
        piece = _SOFT_END.sub("", phrase[pos:end])  # "X funded by the UK government"
        # French and Spanish names hold lower-case words ("Confédération syndicale
        # internationale"): there a clause ends at its opening word instead.
        cut = _romance_cut(piece) if romance else _cut_at_clause(piece)
        kept.append(cut)
        if cut != piece or m is None:
            break  # the clause that lists the names ends here
        kept.append(m.group(0))
        pos = m.end()
    return "".join(kept)


def _romance_cut(piece: str) -> str:
    piece = _ROMANCE_CLAUSE.sub("", piece)
    first_words = " ".join(_strip_article(piece).split()[:1])
    if _ORG_HEAD.match(first_words):
        return piece
    return _ROMANCE_PURPOSE.sub("", piece)


def _cut_at_clause(piece: str) -> str:
    """"the ENHANCE Project for Vietnamese delegates to learn" -> "the ENHANCE Project"."""
    words = piece.split()
    for i, word in enumerate(words):
        bare = word.strip("(),.")
        if i and bare and bare[0].islower() and not _is_name_word(bare):
            head = words[:i]
            while head and _PREPOSITION.fullmatch(head[-1]) is None and head[-1][:1].isupper() and len(head) > 1:
                # back off to the preposition that opened the clause ("for Vietnamese delegates")
                if any(_PREPOSITION.fullmatch(w) for w in head[1:]):
                    head = head[:-1]
                    continue
                break
            while head and _PREPOSITION.fullmatch(head[-1]):
                head = head[:-1]
            return " ".join(head)
    return piece


def _is_name_word(word: str) -> bool:
    if re.match(r"^[ldLD]['’][A-ZÀ-Ý]", word):
        return True  # "l'OIT", "d'Ivoire"
    return bool(_PREPOSITION.fullmatch(word) or _GENERIC_LOWER.match(word) or word in {"the", "and", "la", "le", "el", "y", "et", "l’", "l'"})


def _subject(before: str) -> str:
    before = _INTRO.sub("", before.strip())
    before = re.sub(r",\s+(?=[a-z]).*$", "", before)  # ", based in ..."
    return before


def parse_organisers(description: str | None, language: str | None = None) -> Organisers:
    """Find the organisers named in a description; empty when it names none.

    >>> parse_organisers("Jointly organized by the ILO and the Ministry of Labour and Social Welfare").names
    ['ILO', 'Ministry of Labour and Social Welfare']
    """
    text = clean_text(description)
    if not text:
        return Organisers()
    romance = (language or guess_language(text)) in ("fr", "es")
    for sentence in _sentences(text):
        names = _from_sentence(sentence, romance)
        if names:
            return Organisers(names, sentence)
    return Organisers()


def _from_sentence(sentence: str, romance: bool = False) -> list[str]:
    m = _LABEL.search(sentence)
    if m:
        listed = re.split(r"[.;]\s", sentence[m.end():], maxsplit=1)[0]
        return _dedupe(_split_names(listed))
    m = _PASSIVE.search(sentence)
    if m:
        phrase = sentence[m.end():]
        partner = _PARTNER.search(phrase)  # "organised by the ILO in partnership with the Government of Fiji"
        names = _split_names(_trim_after_by(phrase[: partner.start()] if partner else phrase, romance))
        if partner and names:
            names += _split_names(_trim_after_by(phrase[partner.end():], romance))
        return _dedupe(names)
    m = _ACTIVE.search(sentence)
    if m:
        before = sentence[: m.start()]
        partners = ""
        p = _PARTNER.search(before)
        if p:
            before, partners = before[: p.start()], before[p.end():]
        subject = _subject(before)
        if not subject or not (subject[:1].isupper() or subject.lower().startswith(("the ", "l"))):
            return []
        if len(subject.split()) > 14:
            return []  # a whole clause, not a name
        names = _split_names(subject)
        if partners:
            names += _split_names(partners.strip(" ,"))
        return _dedupe(names)
    return []


def _dedupe(names: list[str]) -> list[str]:
    seen, out = set(), []
    for n in names:
        if n.lower() not in seen:
            seen.add(n.lower())
            out.append(n)
    return out
