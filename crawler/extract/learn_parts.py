"""Where `learn` finds an example that is a part of its element's text, in a shape the element's siblings share:
a date and a mark before the title, a short word and a venue (or a part in brackets) after it
(`<li>7/10/2025: Panel talk op <a>Campus Noord</a></li>` from the example "Panel talk"). The profile then cuts
each entry's title out of its line (`title_after_date`, `title_before`: title_cuts.py)."""

from __future__ import annotations

import json
import re

from .html import text_of
from .learn import LearnError, follow, normal
from .learn_fields import first_in
from .title_cuts import BRACKETS, CLOSING_BRACKETS, DATE_MARKS, cut_before, leading_date
from .venue_links import holds_lines

# A short word that leads a venue or a place after the title ("op", "at", "à", "au", "in", "im", "bei").
_VENUE_WORD = re.compile(r"([a-zà-ÿ]{1,4}|@)\s", re.IGNORECASE)
_AFTER_MARKS = ("–", "—", "|", "·", "-")
# A file's kind and size in brackets closing a link to it ("(pdf, 128 KB)", "(PDF 1,2 MB)", "(docx)"): no title's.
_KINDS = r"(?:pdf|docx?|xlsx?|od[tsp]|pptx?|rtf|zip|csv|txt|epub)"
_SIZE = r"\d[\d.,]*\s*(?:[kmg]i?b|ko|mo|bytes?)"
_FILE_NOTE = re.compile(rf"\s*\(\s*(?:{_KINDS}\b\s*[,;:|-]?\s*(?:{_SIZE})?|{_SIZE})\s*\)\s*$", re.IGNORECASE)


def _found_in(text: str, example: str) -> re.Match | None:
    """Where the example's words stand in the text, whole words, case and spacing aside."""
    words = example.split()
    if not words:
        return None
    pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)"
    return re.search(pattern, text, re.IGNORECASE)


def line_cut(text: str, example: str) -> tuple[str, tuple[str, ...]] | None:
    """(the mark after the date the text opens on, or "", the words the title ends before) that cut the example out
    of the text; None where what stands around it is no date nor a venue."""
    found = _found_in(text, example)
    if found is None:
        return None
    before, after = text[: found.start()].strip(), text[found.end() :].strip()
    mark = ""
    if before:
        mark = before[-1]
        opening = leading_date(f"{before} {found.group(0)}", mark) if mark in DATE_MARKS else None
        if opening is None or opening[1] != found.group(0):
            return None
    ends: tuple[str, ...] = ()
    if after:
        word = _VENUE_WORD.match(after)
        if after[0] == "(" and CLOSING_BRACKETS.fullmatch(f" {after}"):
            ends = (BRACKETS,)
        elif after[0] in _AFTER_MARKS:
            ends = (f" {after[0]} ",)
        elif word and (word.group(1).islower() or word.group(1) == "@"):
            ends = (f" {word.group(1)} ",)
        else:
            return None
    # a date before it, always: words after a title alone ("Annual report" in "Annual report on forests") are the
    # rest of a longer title as often as a venue
    return (mark, ends) if mark else None


def parted_elements(root, example: str) -> list:
    """The innermost elements whose text holds the example after a date and a mark (a venue after it or not)."""
    body = root.find("body") if root.tag == "html" else root
    if body is None or not example.split():
        return []
    found = []
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        text = text_of(el) or ""
        if _found_in(text, example) is None:
            continue
        if not any(isinstance(c.tag, str) and _found_in(text_of(c) or "", example) for c in el):
            found.append(el)
    return [el for el in found if line_cut(" ".join((text_of(el) or "").split()), example)]


def learn_cut(block, example: str, selectors: dict, read_back: bool) -> bool:
    """Where the example is a part of its title element's text (the profile does not read it back): the cut that
    reads it and its siblings' titles, written into `selectors` (its keys above [selectors]); LearnError where the
    siblings do not share that shape. Where it is read back, a cut only where its siblings' links are venues.
    Whether it cut."""
    if file_note_cut(block, example, selectors):
        return True
    extra = _venue_words(block, example) if block.path and normal(_line(block.title)) == normal(example) else None
    if read_back and not extra and block.path:  # no title element named: the entry's words are read, not the line
        return False
    if extra:
        block.path = []  # `<li>7/10: <a>Title</a></li>` beside `<li>7/10: Title op <a>Venue</a></li>`: the line
        selectors.pop("title", None)
    own = _line(follow(block.node, block.path))
    cut = line_cut(own, example) if normal(own) != normal(example) else None
    if cut is None:
        return False
    mark, ends = cut[0], (*cut[1], *(extra or ()))
    lines = [_line(follow(m, block.path)) for m in block.members]
    others = [line for line in lines if line != own]
    undated = mark and 2 * sum(1 for line in others if leading_date(line, mark)) < len(others)
    shared = [w for w in ends if w == BRACKETS or any(w in line for line in others)]
    if undated or ends and not shared:
        shape = f'a date and "{mark}" before it' if undated else f'"{ends[0].strip()}" after it'
        raise LearnError(
            f'example "{example}" is part of a longer text ("{own[:60]}"), and its siblings do not share its shape '
            f"({shape}): give an entry's whole text as the example, or read the page without --profile"
        )
    rests = [cut_before(_after_date(line, mark), shared) for line in lines]
    if BRACKETS not in shared and sum(1 for r in rests if CLOSING_BRACKETS.search(r)) >= _BRACKETED:
        shared.append(BRACKETS)  # "(slides)", "(in Brugge, with Howest)" closing other lines: no part of a title
    # in one order, whichever entry was the example: the words, then the brackets
    shared = sorted({w for w in shared if w != BRACKETS}) + ([BRACKETS] if BRACKETS in shared else [])
    if mark:
        selectors["title_after_date"] = mark
    if shared:
        selectors["title_before"] = shared
    if not block.path:
        selectors.pop("title", None)  # the entry's own text is the line cut
        if any(m.find(".//a[@href]") is not None for m in block.members):
            selectors.setdefault("link", "a")  # its first link is its address, not the line's words
    return True


def file_note_cut(block, example: str, selectors: dict) -> bool:
    """Where the example's title element is the example, or it and a file's kind and size in brackets ("(pdf, 128
    KB)"), and half the entries' title elements or more close on such a note: each title ends before its closing
    brackets (`title_before = ["("]`, de-lag-bremen-entscheidungen, batch Z). Whether it cut."""
    own = _line(follow(block.node, block.path)) if block.path else ""
    found = _found_in(own, example)
    rest = own[found.end() :] if found is not None and found.start() == 0 else None
    if rest is None or rest.strip() and not _FILE_NOTE.fullmatch(rest):
        return False
    lines = [_line(follow(m, block.path)) for m in block.members]
    if 2 * sum(1 for line in lines if _FILE_NOTE.search(line)) < len(lines):
        return False
    selectors["title_before"] = [BRACKETS]
    return True


def whole_titles(block, example: str, selectors: dict) -> bool:
    """Where the profile does not read the example back and the example is its title element's whole text, lines in
    blocks of their own included (`<a>1 - Case: Appeal<br><div>1.0000.24.506095-9/001</div></a>`: no card's byline
    or date line, as nothing else names the entry): each title is read whole (`title_whole`). Whether it was set."""
    title = selectors.get("title")
    shown = first_in(block.runs[block.node], title) if title else None
    if shown is None or normal(_line(shown)) != normal(example):
        return False
    selectors["title_whole"] = "true"
    return True


def _line(el) -> str:
    return " ".join((text_of(el) or "").split()) if el is not None else ""


def _after_date(line: str, mark: str) -> str:
    opening = leading_date(line, mark) if mark else None
    return opening[1] if opening else line


def _venue_words(block, example: str) -> tuple[str, ...] | None:
    """Where the example's title element is a part of its entry's line (`<li>7/10: <a>Title</a></li>`, one line of
    text of a cut's shape) and the siblings' title elements are at times a venue after the title and the word
    leading it (`<li>7/10: Title op <a>Venue</a></li>`): that word (most siblings' before such a link), else ()
    where the cut is the date alone; None where the title elements are the titles."""
    if any(holds_lines(m) for m in block.members):
        return None
    cut = line_cut(_line(block.node), example)
    if cut is None:
        return None
    mark, ends = cut
    leading: dict[str, int] = {}
    for member in block.members:
        rest, shown = _after_date(_line(member), mark), _line(follow(member, block.path))
        if not shown or rest.startswith(shown):
            continue
        word = _VENUE_WORD.match(rest[: rest.find(shown)].split(" ")[-2] + " ") if f" {shown}" in rest else None
        if word and word.group(1).islower():
            leading[word.group(1)] = leading.get(word.group(1), 0) + 1
    words = ends + tuple(f" {w} " for w, n in leading.items() if n >= _LEADING and n == max(leading.values()))
    for member in block.members:
        title = normal(cut_before(_after_date(_line(member), mark), words))
        shown = normal(_line(follow(member, block.path)))
        if title != shown and shown and title in shown:
            return None  # the cut takes words off a title element: it would cut titles short
    return words if words != ends else None


_LEADING = 2  # siblings whose title link is a venue after the word leading it
_BRACKETED = 2  # lines closing on a part in brackets that make it no part of the titles


def cut_lines(selectors: dict) -> list[str]:
    """The profile's lines saying how each title is read from its element's text (whole, its date kept; or cut out of
    a longer line), with a comment saying how."""
    kept = ["# Each title is its element's whole text, the date it opens or closes on kept.", "title_with_date = true"]
    if selectors.get("title_line_after_date"):
        kept = ["# Each title is the words after the entry's date element to their line's end, else the next line."]
        kept.append("title_line_after_date = true")
    mark, ends = selectors.get("title_after_date"), selectors.get("title_before")
    if not (mark or ends):
        return kept if selectors.get("title_with_date") or selectors.get("title_line_after_date") else []
    said = [f"after the date it opens on and {json.dumps(mark, ensure_ascii=False)} (the entry's date)"] if mark else []
    said += [f"before the first of {', '.join(json.dumps(e, ensure_ascii=False) for e in ends)}"] if ends else []
    lines = [f"# Each title is a part of its element's text: {' and '.join(said)}."]
    lines += [f"title_after_date = {json.dumps(mark, ensure_ascii=False)}"] if mark else []
    return lines + ([f"title_before = {json.dumps(ends, ensure_ascii=False)}"] if ends else [])


def keeps_dates(example: str, titles: list[str], cut: str) -> bool:
    """The example given opening on its date (`May 5, 2026 at 4:30 PM - Committee`), no title read as it but one as
    its words after the date, and those words repeating from entry to entry (a meeting's kind, half as many kinds as
    entries at most): the date names each entry, the title keeps it. A date closing a name ("Council Meeting -
    April 3, 2026") is no part of it."""
    if normal(cut) == normal(example) or not normal(example).endswith(normal(cut)):
        return False
    if any(normal(t) == normal(example) for t in titles):
        return False
    if not any(normal(t) == normal(cut) for t in titles):
        return False
    return len(titles) >= _KINDS_MIN and 2 * len({normal(t) for t in titles}) <= len(titles)


_KINDS_MIN = 4  # titles read, for their repeating to say they are kinds, not names
