"""Where `learn` finds an example title that is only a part of an element's text. In quotes after a speaker's
name, it is found (quoted_elements) and the profile reads each entry's quoted part (`title_quoted`); a line between
<br>s, or words inside a free-text line with no date and mark before them (learn_parts.py), no profile
can name: the refusal says so in one line (missing_example) instead of "not on the page"."""

from __future__ import annotations

from .html import text_of
from .learn import normal
from .quotes import quoted_parts

# A quoted part of a text: opening and closing marks of any kind, as pages pair them ("…", “…”, „…“, «…», ‘…’).
_SHOWN = 60  # characters of the holding text quoted in the message


def missing_example(root, example: str) -> str:
    """The one-line refusal for an example no element shows as its text: where the page has it, if anywhere."""
    wanted = normal(example)
    holder = _innermost_holder(root, wanted)
    if holder is None:
        return f'example "{example}" is not on the page (compared ignoring case and spacing)'
    text = " ".join((text_of(holder) or "").split())
    shown = text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
    if any(normal(line) == wanted for line in _lines(holder)):
        where, why = "a line of a longer element (between <br>s)", "a profile reads whole elements, not a part of one"
    else:  # a profile cuts a title out of a line only after a date and a mark, or before a venue (learn_parts.py)
        where, why = "part of a longer text", "no date and mark before it (7/10/2025: Title) sets it apart"
    return (
        f'example "{example}" is {where} ("{shown}"): {why}; '
        "give an entry's whole text as the example, or read the page without --profile"
    )


def quoted_elements(root, example: str) -> list:
    """The innermost elements whose text holds the example as a whole quoted part (`Speaker on "Title"`), for a
    profile reading titles so (`title_quoted`); the example's own quote marks, if typed, do not count."""
    wanted = normal(example)
    body = root.find("body") if root.tag == "html" else root
    if not wanted or body is None or not _holds(body, wanted):
        return []
    found, holders = [], [body]
    while holders:  # down through the elements holding the example's words only
        el = holders.pop()
        inner = [c for c in el if isinstance(c.tag, str) and _holds(c, wanted)]
        holders += inner
        if not inner and any(normal(p) == wanted for p in quoted_parts(text_of(el) or "")):
            found.append(el)
    return sorted(found, key=lambda el: el.sourceline or 0)


def _innermost_holder(root, wanted: str):
    """The deepest element of the body whose text holds the example's words (whole words), or None."""
    if not wanted:
        return None
    body = root.find("body") if root.tag == "html" else root
    node = body if body is not None else root
    if not _holds(node, wanted):
        return None
    while True:
        inner = next((c for c in node if isinstance(c.tag, str) and _holds(c, wanted)), None)
        if inner is None:
            return node
        node = inner


def _holds(el, wanted: str) -> bool:
    text = normal(text_of(el))
    at = text.find(wanted)
    while at >= 0:
        end = at + len(wanted)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(wanted, at + 1)
    return False


def _lines(el) -> list[str]:
    """The element's text cut at its <br>s."""
    lines = [[]]

    def walk(node):
        lines[-1].append(node.text or "")
        for child in node:
            if child.tag == "br":
                lines.append([])
            elif isinstance(child.tag, str):
                walk(child)
            lines[-1].append(child.tail or "")

    walk(el)
    return [text for text in map("".join, lines) if text.strip()]
