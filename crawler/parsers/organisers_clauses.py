"""Where the clause that lists organisers' names ends, and the words a name is made of.

Read by crawler.parsers.organisers: articles stripped from a name ("the ILO", "l'OIT"), the words that join
names ("and", "et par", "así como"), and where the names written after "by" stop ("organized by the ILO to
train inspectors" keeps "the ILO").
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import orgwords as ow
from .orgshapes import NAME_END, ROMANCE_CLAUSE, ROMANCE_PURPOSE, SENTENCE_END, SOFT_END

ARTICLE = re.compile(
    r"^(?:[Tt]he|[Ii]ts|[Tt]heir|[Ll]es?|[Ll]a|[Ll]['’]|[Ss]on|[Ss]a|[Ee]l|[Ll]os|[Ll]as|[Ss]us?)"
    r"\s*(?<=\s|'|’)"
)
_ARTICLE_INITIALS = frozenset("TtIiLlSsEe")
PREPOSITION = re.compile(r"\b(?:of|for|on|in|de|du|des|del|pour|para|sur|sobre)\b")
# "&" separates two names only before an article ("X & the ILO"), not in "Chambers of Commerce & Industry".
# "as well as", "ainsi que (par)", "así como (por)", "and by", "et par", "y por" join names as "and" does.
# Written to start with a space, as organisers._ACRONYM is written to start with a capital (test_organisers).
CONJ = re.compile(
    r"\s\s*(?:(?:and|et|y|e)(?:\s+(?:by|par|por))?|&(?=\s+(?:the|le|la|l['’]|el)\b)|as\s+well\s+as"
    r"|ainsi\s+que(?:\s+par)?|así\s+como(?:\s+por)?)\s+"
)
# "Dept.", "St.": a capital and at most this many lower-case letters before a full stop is an abbreviation.
ABBREVIATION_LOWER_LETTERS = 3
# As r"(?<=[.!?])\s+(?=...)", written to start with a space, as CONJ is (test_organisers: the same matches).
_SENTENCE = re.compile(r"\s(?<=[.!?]\s)\s*(?=[A-Z“\"‘(])")
_ABBREVIATION_END = re.compile(rf"\b(?:[A-Z][a-z]{{0,{ABBREVIATION_LOWER_LETTERS}}}|[A-Z])\.$")
_DASH = re.compile(r"—| – ")
_ELIDED = re.compile(r"^[ldLD]['’][A-ZÀ-Ý]")  # "l'OIT", "d'Ivoire"


def sentences(text: str) -> list[str]:
    """The text's sentences, not cut after an abbreviation such as "Dept." or "St."."""
    pieces = [""]
    for piece in _SENTENCE.split(text):
        pieces[-1] = f"{pieces[-1]} {piece}".strip()
        # The pattern ends the text and spans 5 characters at most: its last 7 (with "\b"'s and "$"'s context) suffice.
        if not _ABBREVIATION_END.search(pieces[-1][-7:]) or pieces[-1].endswith(("ILO.", "UN.")):
            pieces.append("")
    return [p for p in pieces if p]


@lru_cache(maxsize=4096)  # a part of a list is stripped again by each step that reads it
def strip_article(name: str) -> str:
    name = name.strip(' ,;:–—-"“”‘’')
    if not name.endswith(ow.ABBREVIATIONS):
        name = name.rstrip(".")
    while name[:1] in _ARTICLE_INITIALS:  # the only letters an article starts with: most names skip the regex
        stripped = ARTICLE.sub("", name, count=1)
        if stripped == name:
            return name
        name = stripped
    return name


def trim_after_by(phrase: str, romance: bool = False) -> str:
    """The names written after "by": up to the end of the clause that lists them."""
    phrase = SENTENCE_END.split(phrase, maxsplit=1)[0]
    if "—" in phrase or " – " in phrase:
        # "two regional ILO programmes—the Skills for Prosperity ..." : the names follow the dash.
        phrase = _DASH.split(phrase, maxsplit=1)[1]
    phrase = NAME_END.sub("", phrase)
    kept, pos = [], 0
    for m in [*CONJ.finditer(phrase), None]:
        end = m.start() if m else len(phrase)
        piece = phrase[pos:end]
        piece = SOFT_END.sub("", piece) if "by" in piece else piece  # "X funded by the UK government"
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
    piece = ROMANCE_CLAUSE.sub("", piece)
    purpose = ROMANCE_PURPOSE.search(piece)
    if not purpose:
        return piece
    # "Agence nationale pour l'emploi", "l'OIT, l'Organisation des Nations Unies pour l'alimentation": the name that
    # "pour" goes on starts with an institution; "la OIT (OIT) para los mandantes": its acronym closed it.
    before = piece[: purpose.start()]
    heads = (strip_article(before), strip_article(before.rsplit(",", 1)[-1]))
    named = any(ow.ORG_HEAD.match(head) for head in heads) and not before.endswith("\ue001")
    return piece if named else before


def _cut_at_clause(piece: str) -> str:
    """ "the ENHANCE Project for Vietnamese delegates to learn" -> "the ENHANCE Project"."""
    words, first = piece.split(), strip_article(piece).split()[:1]
    if first and first[0][:1].islower() and not is_name_word(first[0]) and not ow.ORG_HEAD.match(first[0]):
        return ""  # "funded by the Government of Japan": a clause from its first word
    for i, word in enumerate(words):
        bare = word.strip("(),.")
        # "for the Benelux countries": countries named by a capital word before go on the name.
        if i and bare and bare[0].islower() and not is_name_word(bare) and not _named_countries(bare, words[i - 1]):
            head = words[:i]
            if bare in ow.CLAUSE_OPENERS:
                return " ".join(head)  # "with the Ministry of Manpower a national dialogue", "... of Labour during"
            while len(head) > 1 and head[-1][:1].isupper() and any(PREPOSITION.fullmatch(w) for w in head[1:]):
                head = head[:-1]  # back off to the preposition that opened the clause ("for Vietnamese delegates")
            while head and (PREPOSITION.fullmatch(head[-1]) or head[-1] == "the"):
                head = head[:-1]  # "the ILO for the countries of the region": back to "the ILO"
            return " ".join(head)
    return piece


def _named_countries(word: str, before: str) -> bool:
    return word == "countries" and before[:1].isupper()


@lru_cache(maxsize=4096)  # words recur: three patterns once a word
def is_name_word(word: str) -> bool:
    return bool(
        _ELIDED.match(word)
        or PREPOSITION.fullmatch(word)
        or ow.GENERIC_HEAD.fullmatch(word)
        or word in ow.NAME_JOINERS
        or word in ow.FOREIGN_NAME_WORDS
    )


def dedupe(names: list[str]) -> list[str]:
    """The names in order, each once (whatever its case)."""
    first: dict[str, str] = {}
    for n in names:
        first.setdefault(n.lower(), n)
    return list(first.values())
