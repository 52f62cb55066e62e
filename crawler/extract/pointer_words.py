"""Words that point at an entry without naming it ("Read more", "view minutes", "Download (PDF)", "Lire la suite"):
link text that says where to go, so the entry's name is elsewhere (its heading, its line)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..parsers.text import LETTERS, words
from .html import text_of
from .language_notes import without_language_note
from .pointer_kinds import to_the_pointer

# Words that point at an entry without naming it ("Read more", "view minutes", "Download (PDF)").
_GENERIC_WORDS = words(
    """
    read more view see learn find out continue continued reading full story article post report here
    click go to this the details detail download open watch listen link info information page event
    minutes agenda agendas packet pdf doc docx xls xlsx ppt mb kb video audio attachment attachments
    comment comments file files photo photos reply replies response responses now register registration
    rsvp item no leave a one share tweet print email commentaire commentaires aucun laisser un une
    partager comentario comentarios sin deja un una compartir lire la suite en savoir plus voir
    télécharger telecharger détails details lien ici article consulter leer más mas ver seguir leyendo
    descargar información informacion detalles aquí aqui enlace noticia ko mo go octets bytes gb
    saber d l infos info accéder acceder le les du des de el los las del about text texte texto completo
    complet document documento documents documentos fiche ficha mehr lesen weiterlesen weiter zum artikel
    saiba mais leia ler ver continuar notícia noticia lees meer verder leggi tutto continua
    herunterladen anzeigen ansehen öffnen baixar descarregar visualizar abrir acessar scarica scaricare
    visualizza apri dettagli bekijk downloaden openen news hier geht es klicken klik
    """
)
# Words naming only the form a document takes ("Slides", "Transcript" beside a talk, as "PDF", "Video" are): a
# link of these alone points at the record it sits by; with a word of its own ("Opening speech") it names one.
_GENERIC_WORDS |= words("slides transcript transcription presentation speech recording handout diapositives folien")
# The same pointers in other languages dateparser reads ("Citeşte mai mult", "Czytaj więcej", "Lue lisää").
_GENERIC_WORDS |= words(
    """
    citește citeşte citeste mai mult detalii vezi czytaj więcej dalej zobacz szczegóły pobierz číst více dále
    podrobnosti čítať viac ďalej tovább bővebben részletek olvass pročitaj opširnije više detaljnije preberi več
    naprej lue lisää lisätietoja läs mer læs les mere videre devamı devamını oku daha fazla detaylar
    περισσότερα διαβάστε читать далее подробнее читати далі детальніше прочети повече skaityti daugiau plačiau
    lasīt vairāk loe edasi llegir llegeix més máis baca selengkapnya scopri di più
    """
)
# "Go to the article" buttons in Portuguese and Spanish ("Ir para artigo", "Ir al artículo"), as "Go to article".
_GENERIC_WORDS |= words("ir para al artigo artigos artículo articulo artículos articulos")
# Of those, words that point only beside another ("mai" in "Citește mai mult"): alone they may name a record, a
# monthly bulletin "Mai", a place "Baca".
_POINTING_IN_COMPANY = words(
    """
    citește citeşte citeste mai mult vezi czytaj zobacz pobierz číst čítať olvass pročitaj preberi lue läs mer læs
    mere videre devamını oku daha fazla διαβάστε читать читати прочети skaityti lasīt loe llegir llegeix baca scopri
    di più ir para al
    """
)
_NUMBERISH = re.compile(r"^[\d\s.,()\[\]|/:+-]*$")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# A day written in figures with its year, however short ("11-19-19", "3.5.21"): a kind on that day names one.
_FIGURE_DATE = re.compile(r"(?<![\d./-])\d{1,2}([./-])\d{1,2}\1\d{2}(?:\d{2})?(?![\d./-])")
_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


@lru_cache(maxsize=65536)
def is_generic_text(text: str | None) -> bool:
    """ "Read more »", "Lire la suite", "Leer más", "view minutes", "Download (PDF, 2 MB)",
    "3 Attachments": link text made only of pointing words, sizes and numbers."""
    if not text:
        return True
    text = without_language_note(text)  # "Read (in French)" points as "Read" does
    if _BARE_URL.match(text.strip()):
        return True  # "https://example.org/event/" as a link's text points at a page, it names no entry
    words = LETTERS.findall(text.lower())
    if not words:
        return bool(_NUMBERISH.match(text)) or len(text) <= _MAX_SIGN_CHARS  # "»", "→", "12"
    if len(words) == 1 and words[0] in _POINTING_IN_COMPANY:
        return False
    if to_the_pointer(text):
        return True
    if _YEAR.search(text) or _FIGURE_DATE.search(text):
        return False  # "Report 2019 - 2020", "Event 2024", "11-19-19 Minutes": a kind and its year or day name one
    return len(words) <= _MAX_POINTER_WORDS and all(w in _GENERIC_WORDS for w in words)


def is_affordance(text: str | None) -> bool:
    """ "... Read", "Agenda", "»": a pointer of words or signs; a date or a number ("07/06/2020", "15") as a
    link names its record instead."""
    return bool(text) and is_generic_text(text) and not any(ch.isdigit() for ch in text)


# A link of signs alone this short ("»", "→→") points; longer runs of signs are art, not pointers.
_MAX_SIGN_CHARS = 3
# A pointer says little: "Download the full report here" (6 words) still is one, a sentence is not.
_MAX_POINTER_WORDS = 6


def text_before_pointer(el) -> str:
    """The element's text before its only link when that link only points ("... Read", "Details"):
    the name it closes, without the ellipsis leading into the link; "" otherwise."""
    links = list(el.iter("a"))
    shown, pointer = text_of(el) or "", text_of(links[0]) if len(links) == 1 else None
    if not pointer or not is_generic_text(pointer) or not shown.endswith(pointer):
        return ""
    return shown[: -len(pointer)].rstrip(" .…")
