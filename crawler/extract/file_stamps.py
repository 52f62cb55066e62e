"""A file's name that opens on a date stamp, year first ("2020_02.pdf", "2021-03-15 Minutes.pdf", "2019_08_exec.pdf")
(issue 21, en-china-falls-hoa-minutes): minutes, agendas and newsletters are filed under the day or month they are of,
and a list of such files shows each one's name as its link. The stamp is the date the entry shows; the name stays its
title. Figures year first leave no order to guess; a stamp further into the name ("Budget 2020_02.pdf") or a year
alone ("2020 Budget.pdf") names no date, and words are no file's name."""

from __future__ import annotations

import re

from ..parsers.dates import parse_date

# The stamp: a year, then its month and maybe its day in two figures, joined by one mark ("2020_02", "2021-03-15");
# then the end of the name or a mark and more of it, then a document's or recording's extension.
_STAMPED_FILE = re.compile(
    r"((?:19|20)\d\d([-_.])(?:0[1-9]|1[0-2])(?:\2(?:0[1-9]|[12]\d|3[01]))?)"
    r"(?:[-_ .][^/\\<>]{0,80}?)?\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|txt|mp3|mp4|m4a|wav)",
    re.IGNORECASE,
)


def file_stamp(title: str | None) -> str | None:
    """The date stamp opening a title that is a file's name ("2020_02" of "2020_02.pdf"); None for any other title
    or a stamp that is no date ("2020_02_30.pdf")."""
    found = _STAMPED_FILE.fullmatch((title or "").strip())
    return found[1] if found and parse_date(found[1]) is not None else None
