"""A field's label opening a record's name when the record's link says nothing (issue 21, batch Y: a council's
register of applications, each row an icon's link, the number, the day and "Description: Boundary Adjustment").

The same shape: a table or a card whose only link is a picture or an icon, named by the record's own text, which
writes its field's name before the value ("Description: …", "Titre : …", "Título: …", "Beschreibung: …"). The name
is the value: the label is the same on every record and names none of them. Only the words that name or describe a
record are taken for labels: "Podcast: Episode 5" or "Review: The Book" keep their first words."""

from __future__ import annotations

import re

from .html import text_of
from .label_pairs import NAME_LABEL_WORDS

# The label of a record's name (label_pairs' words) or of its description, in the languages dateparser reads most,
# closing on a colon (a space before it, as French writes, is allowed): "Description:", "Titre :", "Opis:".
_FIELD_LABEL = re.compile(
    rf"^\s*(?:{NAME_LABEL_WORDS}|description|details|summary|proposal|descriptif|d[ée]tails|r[ée]sum[ée]|"
    r"descripci[óo]n|detalles|resumen|descripci[óo]|descri[çc][ãa]o|descrizione|dettagli|beschreibung|"
    r"kurzbeschreibung|beschrijving|omschrijving|opis|popis|beskrivning|beskrivelse|kuvaus)\s?[:：]\s*",
    re.IGNORECASE,
)
# A label leaves a name of this many letters at least ("Description:" alone names nothing).
_MIN_LETTERS = 2
_LETTER = re.compile(r"[^\W\d_]")


def without_field_labels(entries, links) -> None:
    """Entries named by their record's text, not by their link's words: the field label opening the name is no part
    of it. `links`: each entry's link, in the same order."""
    for entry, link in zip(entries, links, strict=True):
        title = entry.title or ""
        shown = (text_of(link) or "") if link is not None else ""
        found = _FIELD_LABEL.match(title)
        if found is None or (shown and title in shown):
            continue  # <a>Subject: the link's own words</a> stay as the link says
        rest = title[found.end() :]
        if len(_LETTER.findall(rest)) >= _MIN_LETTERS:
            entry.title = rest
