"""A record named by its own plain text, whose only link is an affordance (issue 21):
<li>Annual Action Plan 2020-2021 <img> <a>... Read</a></li>. The link says nothing of the record;
the text it closes is the record's name."""

from __future__ import annotations

import copy
import re

from ..parsers.datelines import date_in_line
from .date_links import dated_apart
from .html import drop_tree, tag, text_of
from .pointer_words import is_affordance, is_generic_text

# An ellipsis leading into the affordance ("Weekly Calender ...<a>Read</a>") belongs to the link, not the name.
_ELLIPSIS = re.compile(r"\s*(?:\.{2,}|…)\s*$")
# A note in brackets right after the affordance describes its file ("<a>Download</a> (PDF, 2 MB)"), not the record.
_LINK_NOTE = re.compile(r"^\s*[(\[][^()\[\]]{1,40}[)\]]")
_WORD = re.compile(r"[^\W\d_]{2,}")
# A name beside a date link has this many words at least ("Regular Meeting"; "Cancelled" is a status).
_MIN_NAME_WORDS = 2
# Text this long around a "Read more" is a teaser or prose, not a record's name.
_MAX_BARE_NAME_WORDS = 60


def bare_name(elements, link, pointing: bool = False):
    """A detached copy of the record (one element) without its pointer links and images, whose text is the
    record's name; its lines stay, so a date line before a <br> ("Upload Date: 14/10/2020") is read apart.
    None when the record holds a link that names something, or no name of a few words of its own.
    `pointing`: the link's wording points at each record of the list ("Ver comunicado" on every one)."""
    if len(elements) != 1 or link is None or tag(elements[0]) == "a":
        return None  # a record that is its link has no text beside it
    record = elements[0]
    links = [a for a in record.iter("a") if a.get("href")]
    dated = date_in_line(text_of(link)) == text_of(link)  # "<li><a>October 10, 2020</a> - Council Meeting</li>"
    dated = dated and not dated_apart(elements, link)  # "<a>Domingo 01.02.2026</a><div>11-07-2026</div>": its name
    others = [a for a in links if a is not link]
    if not (dated or pointing or is_affordance(text_of(link))) or any(not is_generic_text(text_of(a)) for a in others):
        return None
    bare = copy.deepcopy(record)
    bare.tail = None
    for el in list(bare.iter("a", "img")):
        if tag(el) == "a":
            _trim_before(el)
            el.tail = _LINK_NOTE.sub(" ", el.tail or "", count=1)
        drop_tree(el)  # its tail stays
    shown = text_of(bare) or ""
    if not 0 < len(shown.split()) <= _MAX_BARE_NAME_WORDS or date_in_line(shown) == shown:
        return None
    found = date_in_line(shown)
    # a name has words: "06/29/2020 15" (a date and a number) is a row named by its date; beside a date link, two
    words = _WORD.findall(shown.replace(found, " ") if found else shown)
    return bare if len(words) >= (_MIN_NAME_WORDS if dated else 1) else None


def _trim_before(el) -> None:
    """Leave out the ellipsis that leads into `el` from the text just before it."""
    prev = el.getprevious()
    if prev is not None:
        prev.tail = _ELLIPSIS.sub(" ", prev.tail or "")
    elif el.getparent() is not None:
        parent = el.getparent()
        parent.text = _ELLIPSIS.sub(" ", parent.text or "")
