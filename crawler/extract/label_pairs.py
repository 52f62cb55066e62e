"""Records laid out as label/value pairs, named in plain text (issue 21, held-out batch V: a school's calls for
staff, each a definition list "Titulo: … / Fecha: 2017-07-25 / Descripcion: … / Archivos: <a>bases.pdf</a> <a>…</a>").
The same shape: a <dl> of <dt>/<dd> pairs, a table of two-cell rows ("<th>Subject</th><td>…</td>"), in any
language. The name is the value a naming label heads ("Title", "Titulo", "Objet", "Betreff", "Tytuł"), else the
first value when it is plain words; the links in the other values (the call's files) are the record's, no entries of
their own, and its first link is its address."""

from __future__ import annotations

import re

from ..parsers.datelines import date_in_line
from .html import PAGE_CACHES, tag, text_of

# Labels that head a record's name; a description or a type heads no name.
_NAME_LABEL = re.compile(
    r"^(?:title|name|subject|titre|nom|intitul[ée]|objet|t[íi]tulo|nombre|asunto|denominaci[óo]n|t[íi]tol|assumpte|"
    r"titel|bezeichnung|betreff|thema|t[íi]tulo|nome|assunto|titolo|oggetto|naam|onderwerp|tytu[łl]|nazwa|temat|"
    r"namn|rubrik|[äa]mne|benämning)$",
    re.IGNORECASE,
)
# A label is a few words ("Fecha de publicación:"); a record shows this many pairs at least.
_LABEL_WORDS, _MIN_PAIRS = 4, 2
# A name in plain words has this many words of letters at least.
_NAME_WORDS = 2
_WORD = re.compile(r"[^\W\d_]{2,}")
# A record wraps its pairs in this many single-child levels at most (<div class="call"><dl>…).
_MAX_WRAPS = 3


def pairs_of(el) -> list[tuple]:
    """(label, value) elements of `el` when it is a <dl> of <dt>/<dd> pairs or a table of two-cell rows, each label
    a few words; [] otherwise. Read once a page: every row of a long table asks of the table."""
    if tag(el) not in ("dl", "table", "tbody"):
        return []
    if el not in _PAIRS:
        _PAIRS[el] = _pairs_of(el)
    return _PAIRS[el]


_PAIRS: dict = {}
PAGE_CACHES.append(_PAIRS)


def _pairs_of(el) -> list[tuple]:
    if tag(el) == "dl":
        kids = [k for k in el if tag(k) in ("dt", "dd")]
        found = [(k, v) for k, v in zip(kids, kids[1:], strict=False) if tag(k) == "dt" and tag(v) == "dd"]
    else:
        rows = [r for r in el.iter("tr") if any(tag(c) in ("td", "th") for c in r)]
        cells = [[c for c in r if tag(c) in ("td", "th")] for r in rows]
        found = [(c[0], c[1]) for c in cells] if all(len(c) == 2 for c in cells) else []
    return found if len(found) >= _MIN_PAIRS and all(map(_is_label, (k for k, _ in found))) else []


def _is_label(el) -> bool:
    shown = (text_of(el) or "").strip()
    return bool(shown) and len(shown.split()) <= _LABEL_WORDS and el.find(".//a[@href]") is None


def record_pairs(record) -> list[tuple]:
    """The pairs of a record: its own, or those of the one element it wraps (<div class="call"><dl>…</dl></div>)."""
    el = record
    for _ in range(_MAX_WRAPS + 1):
        found = pairs_of(el)
        if found:
            return found
        kids = [k for k in el if isinstance(k.tag, str)]
        if len(kids) != 1 or (el.text or "").strip():
            return []
        el = kids[0]
    return []


def pair_name(record, link=None):
    """The value that names a record of label/value pairs: under a naming label, else the first value when it is
    plain words (no link, not a date) and the record's link (`link`) sits in another value. None otherwise."""
    found = record_pairs(record)
    if not found:
        return None
    key = id(found[0][0])  # one record's pairs, however deep it is asked from
    if key not in _NAMES:
        _NAMES[key] = _name_value(found)
    value = _NAMES[key]
    return None if value is None or (link is not None and any(a is value for a in link.iterancestors())) else value


_NAMES: dict = {}
PAGE_CACHES.append(_NAMES)


def _name_value(found: list[tuple]):
    named = next((v for k, v in found if _NAME_LABEL.match(_label_words(k))), None)
    value = named if named is not None else found[0][1]
    if value.find(".//a[@href]") is not None:
        return None
    shown = text_of(value) or ""
    if len(_WORD.findall(shown)) < (1 if named is not None else _NAME_WORDS) or date_in_line(shown) == shown:
        return None
    return value


def _label_words(label) -> str:
    return (text_of(label) or "").strip().rstrip(":：").strip()


def pair_records(scored, min_records: int):
    """The winning list (`scored` best first: rank, records, title links, flat, quality) when most of its records
    (its links, the files under "Archivos") lie in records of label/value pairs named in plain text, three or more
    of one shape: those records instead, each addressed by its first link; records outside them (a pager) are none.
    None when the winner stands."""
    rank, records, _links, _flat, quality = scored[0]
    owners = [_pair_owner(members[0]) for members in records]
    held = [o for o in owners if o is not None]
    distinct = list(dict.fromkeys(held))
    if len(distinct) < min_records or len(held) < _HELD_SHARE * len(records):
        return None
    if len({(tag(o), o.get("class")) for o in distinct}) > 1:
        return None  # pairs of several shapes: no list of records
    firsts = [next((a for a in o.iter("a") if a.get("href")), None) for o in distinct]
    return rank, [[o] for o in distinct], firsts, False, quality


# Most of the winner's records (this share) lie in pair records when those are the list.
_HELD_SHARE = 0.6


def _pair_owner(el):
    """The record of label/value pairs above `el` whose name is in another value than `el`'s."""
    for anc in el.iterancestors():
        if tag(anc) in ("body", "html"):
            return None
        name = pair_name(anc) if tag(anc) in ("dl", "table", "tbody") else None
        if name is not None:
            return anc if not any(a is name for a in el.iterancestors()) else None
    return None
