"""A note on a file closing a title (batch Z, a court's decisions table: "<a href=….pdf>Prozesskostenhilfe (pdf,
128 KB)</a>"): document lists, gazettes, agendas and download pages put the linked file's size, often with its type,
in brackets after its name ("Annual report [PDF, 2.3 MB]", "Arrêté n° 12 (Mo 1,2)", "Acta (234 kB)"). A size says
how heavy the file is, not what it is called, so the title is the words before the note. A bracket naming only the
type ("Agenda (PDF)") has no size and stays, as do brackets holding any other figure ("Volume (2)")."""

from __future__ import annotations

import re

from .raw import RawEntry

# A file's size: a figure and a unit of bytes, in English, French or German writing ("128 KB", "75.7 kB",
# "1,2 Mo", "3 MiB", "512 Bytes").
_SIZE = r"\d+(?:[.,]\d+)?\s?(?:[KMGT]i?B|kB|[kKMGT]o|[Bb]ytes?|Byte|octets?)"
# Up to three words around the size ("pdf,", "Dateigröße:", "PDF -"), the whole in round or square brackets closing
# the title.
_NOTE_WORD = r"[^\W\d_][\w.-]*"
_FILE_NOTE = re.compile(
    rf"\s*[(\[]\s*(?:{_NOTE_WORD}[\s,;:|/–-]+){{0,3}}{_SIZE}(?:[\s,;:|/–-]+{_NOTE_WORD}){{0,2}}\s*[)\]]\s*$"
)
_LETTER = re.compile(r"[^\W\d_]")
_MIN_NAME_LETTERS = 2  # what the note leaves must still name something ("Q3", not "3")


def without_file_note(title: str | None) -> str | None:
    """`title` without a bracketed note of its file's size closing it, where words are left before the note."""
    found = _FILE_NOTE.search(title) if title else None
    if found is None:
        return title
    left = title[: found.start()].rstrip()  # "… VI ZR 258/24 –": a dash closing the name is the name's
    return left if len(_LETTER.findall(left)) >= _MIN_NAME_LETTERS else title


def without_file_notes(entries: list[RawEntry]) -> None:
    """Each entry's title without a file's size note closing it."""
    for entry in entries:
        entry.title = without_file_note(entry.title)
