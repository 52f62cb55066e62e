"""What an organiser's name is made of: an acronym, an institution word, words a name may hold, a kind of body
("Trade unions") that names none. Read by crawler.parsers.organisers."""

from __future__ import annotations

import re

from . import orgwords as ow
from .organisers_clauses import is_name_word

# "ILO", "UN": two capitals make an acronym, which marks an organisation's name.
ACRONYM_MIN_CAPITALS = 2
# ACRONYM (and organisers_clauses._SENTENCE and CONJ) start with a character their match
# starts with (a capital, a space), and check what comes before it after it: the regex engine scans for that
# character instead of trying every position (2-4x faster). r"\b[A-Z]...", r"\s+(?:and..." and r"(?<=[.!?])\s+..."
# so written (test_organisers: the same matches).
ACRONYM = re.compile(rf"[A-Z](?<!\w[A-Z])[A-Z0-9\-/&]{{{ACRONYM_MIN_CAPITALS - 1},}}\b")


def only_name_words(subject: str) -> bool:
    words = subject.split()
    named = all(w[:1].isupper() or w[:1] == "\ue000" or is_name_word(w) for w in words)
    return named and words[-1].lower() not in ow.LIST_ENDS


def org_like(name: str) -> bool:
    return bool(ACRONYM.search(name) or ow.ORG_HEAD.search(name) or ow.REGION_BODY.match(name))


def named_by_place(placeless: str, subject: bool) -> bool:
    """ "ILO Office in Beirut"; "La Oficina de la OIT en Costa Rica organizó": before its verb, not where it met."""
    return bool(ow.ORG_HEAD.fullmatch(placeless.split()[-1]) or (subject and ow.OFFICE_FIRST.match(placeless)))


def generic(name: str, romance: bool) -> bool:
    """ "les partenaires sociaux", "Trade unions": a kind of body, not a body's name."""
    words = name.split()
    if words[0][:1].islower():
        # "ministère du Travail" is a name; "programme" alone, "employers' organizations" are not.
        return len(words) == 1 or not ow.ORG_HEAD.fullmatch(words[0]) or words[0].endswith(("s", "s'", "s’"))
    if len(words) == 1:
        return bool(ow.ORG_HEAD.fullmatch(name.rstrip("'’"))) and name.rstrip("'’").endswith("s")  # "Employers"
    # English names are written in capitals: "Trade unions", "Informal workers in Ghana" are not names.
    second = words[1]
    return not (romance or ACRONYM.search(name) or second[:1].isupper() or is_name_word(second) or second == "to")


def lone_kind(name: str) -> bool:
    return " " not in name and name[:1].isupper() and generic(name, romance=False)
