"""Counts in words for people: "1 page", "2 pages", "1 entry", "3 entries"."""

from __future__ import annotations


def plural(noun: str) -> str:
    """English plural of the nouns our messages count (entry, page, match, day...)."""
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def counted(n: int | float, noun: str) -> str:
    """`n` and `noun`, singular only for exactly one: "1 entry", "0 entries", "2 pages"."""
    return f"{n} {noun if n == 1 else plural(noun)}"
