"""A document's own date named inside its title: official acts, decisions and minutes are titled by their number
and the day they were made ("Arrêté N°24:239 du 18/07/2024 portant …", "Decree No. 5 of 3 March 2024 on …",
"Beschluss Nr. 7 vom 3. März 2024", "Decreto n. 12 del 03/04/2020"). The day follows a word that says "of" or "dated";
a date anywhere else in a title (an event a headline names) is no date of the entry."""

from __future__ import annotations

import re

from .dates import DAY, DateValue, parse_date

# The title opens with the act's kind (a word or two: "Arrêté", "Decreto legislativo"), its number ("N°24:239",
# "No. 5", "n. 12": a numbered act is the document itself; "Loi du 5 mars 2007 sur …" may be news about it), then
# "of" or "dated" or their kin in the languages the dates parser reads, then a whole date: in figures ("18/07/2024",
# "3.3.2024", in the page's order) or with the month in words ("18 de julho de 2024"). A date further on names
# something else ("Corrigendum against Tender Notice No. 7 dated …", "… suite à son discours du 22 janvier 2009");
# a year is required, never guessed.
_DATED = re.compile(
    r"^\W*[^\W\d_]+(?:\s+[^\W\d_]+)?\s+(?:n[°º.o]?|no\.?|nr\.?|n\.º|num\.?|number)\s*\S*\d\S*\s+"
    r"(?:of|dated|du|en date du|vom|del|dell[a']|in data|de|do|da|con fecha|van|z dnia)\s+"
    r"(\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{1,2}(?:er|º|\.)?\s+(?:de\s+)?[^\W\d_]{3,12}\.?,?\s+(?:de\s+)?\d{4})(?![\d./-])",
    re.IGNORECASE,
)


def date_named_in_title(title: str | None, languages=None, now=None, month_first=False) -> DateValue | None:
    """The day an act's title names after its kind and number ("Arrêté N°24:239 du 18/07/2024 portant …")."""
    found = _DATED.match(title or "")
    when = parse_date(found[1], languages, now, month_first) if found else None
    return when if when is not None and when.precision == DAY and when.start == when.end else None
