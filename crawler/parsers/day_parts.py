"""A part of the day after a weekday ("Vrijdag avond 7 Augustus", "Friday evening, 7 August", "samedi soir 8 août"),
or run into it as Dutch, German and the Scandinavian languages write it ("Zaterdagmiddag 8 Augustus",
"Samstagabend", "lördagskväll") (issue 21, nl-carrousel-schilde-activiteiten): an events list tells when in the day
a thing happens; the weekday is still the weekday, and the part of the day says nothing about the date."""

from __future__ import annotations

import re

from .text import words

# Parts of the day (accents folded), in the languages the dates parser reads; asked only right after a weekday.
DAY_PARTS = words(
    """
    morning afternoon evening night ochtend voormiddag middag namiddag avond nacht morgen vormittag mittag
    nachmittag abend matin soir soiree nuit manana tarde noche mattina mattino pomeriggio sera serata notte manha
    noite mati vespre nit morgon formiddag eftermiddag kvall natt aften nat
    """
)

# One of them, as a regular expression's alternative: "Vrijdag avond 7 Augustus".
DAY_PART = "(?:" + "|".join(sorted(DAY_PARTS)) + ")"

# The fewest letters of a weekday's whole name that a compound runs on from ("mandag", "montag", "fredag").
_WHOLE_NAME = 6


def compound_weekdays(weekdays) -> re.Pattern:
    """A word that is one of `weekdays` run into a part of the day ("zaterdagmiddag"; Swedish and Danish join the two
    with an "s": "lordagskvall"), the weekday its first group: one pattern, matched in C, as most words asked about
    are no weekday at all. Only whole names run into another word ("monat" is German for month, not "mon" + "nat")."""
    names = "|".join(sorted((name for name in weekdays if len(name) >= _WHOLE_NAME), key=len, reverse=True))
    return re.compile(rf"({names})s?{DAY_PART}")
