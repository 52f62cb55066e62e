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

# The words of labels that head a record's name, one list for every reader of field labels (field_labels.py adds
# those of a description); a description or a type heads no name.
NAME_LABEL_WORDS = (
    r"title|name|subject|titre|nom|intitul[ée]|objet|t[íi]tulo|nombre|asunto|denominaci[óo]n|t[íi]tol|assumpte|"
    r"titel|bezeichnung|betreff|thema|nome|assunto|titolo|oggetto|naam|onderwerp|tytu[łl]|nazwa|temat|n[áa]zev|"
    r"p[řr]edm[ěe]t|namn|rubrik|[äa]mne|benämning|emne|tittel|otsikko"
)
_NAME_LABEL = re.compile(rf"^(?:{NAME_LABEL_WORDS})$", re.IGNORECASE)
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
    if tag(el) not in _PAIR_TAGS:
        return []
    if el not in _PAIRS:
        _PAIRS[el] = _pairs_of(el)
    return _PAIRS[el]


_PAIRS: dict = {}
PAGE_CACHES.append(_PAIRS)
# Elements that lay out pairs: lists of terms, tables, and blocks of label lines.
_LINE_BLOCKS = ("div", "li", "article", "section", "td", "p")
_PAIR_TAGS = frozenset({"dl", "table", "tbody", *_LINE_BLOCKS})
# Elements that hold a line's label ("<p><strong>Título:</strong> …</p>").
_LABEL_TAGS = frozenset({"strong", "b", "em", "i", "span", "label"})


def _pairs_of(el) -> list[tuple]:
    if tag(el) == "dl":
        kids = [k for k in el if tag(k) in ("dt", "dd")]
        found = [(k, v) for k, v in zip(kids, kids[1:], strict=False) if tag(k) == "dt" and tag(v) == "dd"]
    elif tag(el) in ("table", "tbody"):
        rows = [r for r in el.iter("tr") if any(tag(c) in ("td", "th") for c in r)]
        cells = [[c for c in r if tag(c) in ("td", "th")] for r in rows]
        found = [(c[0], c[1]) for c in cells] if all(len(c) == 2 for c in cells) else []
    else:
        found = _label_lines(el) or _br_labels(el)
    return found if len(found) >= _MIN_PAIRS and all(map(_is_label, (k for k, _ in found))) else []


def _label_lines(el) -> list[tuple]:
    """(label, line) for a block whose every line (child element) opens on a label of its own closing on a colon
    ("<p><strong>Título:</strong> Concurso …</p><p><strong>Fecha:</strong> …</p>")."""
    lines = [k for k in el if isinstance(k.tag, str)]
    if (el.text or "").strip():
        return []
    found = []
    for line in lines:
        first = next((k for k in line if isinstance(k.tag, str)), None)
        if first is None or tag(first) not in _LABEL_TAGS or (line.text or "").strip():
            return []
        if not (text_of(first) or "").endswith(":"):
            return []
        found.append((first, line))
    return found


def _br_labels(el) -> list[tuple]:
    """(label, label) for a block of lines cut by <br>, each opening on a label closing on a colon ("<strong>Título:
    </strong> Concurso …<br><strong>Fecha:</strong> …"): the label stands for its line, whose words after it are the
    value (_line_after)."""
    kids = [k for k in el if isinstance(k.tag, str)]
    if (el.text or "").strip() or not any(tag(k) == "br" for k in kids):
        return []
    found, opening = [], True
    for k in kids:
        if tag(k) == "br":
            opening = True
            if (k.tail or "").strip():
                return []  # a line opening on words, not on a label
        elif opening:
            if tag(k) not in _LABEL_TAGS or not (text_of(k) or "").endswith(":"):
                return []
            found.append((k, k))
            opening = False
    return found


def _line_after(label) -> tuple[str, list]:
    """The words after a label up to its line's end (a <br>), and the elements among them."""
    words, elements = [label.tail or ""], []
    for sib in label.itersiblings():
        if tag(sib) == "br":
            break
        if isinstance(sib.tag, str):
            elements.append(sib)
            words.append(text_of(sib) or "")
        words.append(sib.tail or "")
    return " ".join(" ".join(words).split()), elements


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
    lines = found[0][0] is found[0][1] or found[0][0].getparent() is found[0][1]  # label lines: only a naming label
    value = named if named is not None or lines else found[0][1]  # names the record
    after = _line_after(value)[1] if value is not None and any(k is value for k, _ in found) else []
    if value is None or any(x.find(".//a[@href]") is not None or tag(x) == "a" for x in (value, *after)):
        return None
    shown = _value_text(value, found)
    if len(_WORD.findall(shown)) < (1 if named is not None else _NAME_WORDS) or date_in_line(shown) == shown:
        return None
    return value


def _value_text(value, found: list[tuple]) -> str:
    """The value's words, without its label where the label is a part of its line."""
    if any(k is value for k, _ in found):
        return _line_after(value)[0]
    shown = text_of(value) or ""
    label = next((k for k, v in found if v is value and k.getparent() is value), None)
    said = text_of(label) or "" if label is not None else ""
    return shown[len(said) :].strip() if said and shown.startswith(said) else shown


def without_pair_labels(entries, records) -> None:
    """A record named by a label line ("Título: Concurso …") is titled by the line's words after its label.
    `records`: each entry's block, in the same order."""
    for entry, record in zip(entries, records, strict=True):
        found = record_pairs(record) if entry.title else []
        value = pair_name(record) if found else None
        if value is not None and any(k is value or k.getparent() is value for k, _ in found):
            entry.title = _value_text(value, found) or entry.title


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
        name = pair_name(anc) if tag(anc) in _PAIR_TAGS else None
        if name is not None:
            return anc if not any(a is name for a in el.iterancestors()) else None
        if tag(anc) in _PAIR_TAGS and _name_left_empty(anc):
            return anc  # its files are still the record's: named by its link's words (stranger28)
    return None


def _name_left_empty(el) -> bool:
    """<dt>Titulo :</dt><dd></dd>: a record of pairs whose naming label heads an empty value."""
    found = record_pairs(el)
    return any(_NAME_LABEL.match(_label_words(k)) and not text_of(v) for k, v in found)
