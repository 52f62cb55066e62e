"""Pointers 'to the <kind>' ("Zum Dossier", "Go to the report"): link text saying which kind of page it opens."""

from __future__ import annotations

import re

from ..parsers.text import words


def to_the_pointer(text: str) -> bool:
    """Whether `text` is "to the" and a kind of page ("Zur Veranstaltung", "Vers l'article", "Go to the event
    page"), not a title opening alike ("Zum Abschied", "Go to the Moon")."""
    to_the = _TO_THE_NOUN.match(text.strip())
    return bool(to_the) and _names_a_kind(to_the[1])


def _names_a_kind(noun: str) -> bool:
    last = noun.lower().replace("-", " ").split()[-1]
    return last in _POINTER_KINDS or (len(last) > 8 and last.endswith(_COMPOUND_KINDS))


# "Zum Dossier", "Zur Veranstaltung", "Vers l'article", "Ir al evento", "Go to the report": "to the" and a noun
# or two (no figures) points at what it names in kind; one word after a bare "to the" ("To the Lighthouse") or
# a longer run ("Zum Tod von …") names something, so only these contracted or "go to" forms count.
_TO_THE_NOUN = re.compile(
    r"^(?:(?:zum|zur|go to(?: the| this)?|vers (?:la|le|les)|ir (?:al|a la|a los|a las)|aller (?:à la|au|aux)"
    r"|ir para (?:o|a)|vai (?:al|alla|ai)|naar (?:de|het))\s+|vers l['’]\s*|vai all['’]\s*)"
    r"([^\W\d_]+(?:[ -][^\W\d_]+)?)\s*[»›→.…]*$",
    re.IGNORECASE,
)
# What a "to the" pointer opens is a kind of page ("Zum Dossier", "Go to the event page"); "Zum Abschied",
# "Go to the Moon" name a column, a book. German compounds end in the kind ("Zum Forschungsbericht").
_POINTER_KINDS = words(
    """
    article articles report reports event events page post story news publication document file paper study
    website site details detail project programme program video podcast interview webinar course offer product
    dossier artikel beitrag bericht studie veranstaltung publikation dokument meldung mitteilung nachricht seite
    webseite termin programm projekt angebot blatt kurs evento noticia noticias artículo articulo publicación
    documento informe estudio página sitio curso vídeo artigo notícia publicação relatório estudo articolo
    notizia pubblicazione pagina sito événement évènement étude vidéo rapport publicatie evenement nieuws
    agenda
    """
)
_COMPOUND_KINDS = ("bericht", "artikel", "beitrag", "dossier", "studie", "veranstaltung", "publikation", "dokument")
_COMPOUND_KINDS += ("meldung", "mitteilung", "seite", "blatt", "programm", "projekt", "paper")
