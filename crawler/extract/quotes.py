"""Parts of a text in quote marks: a talk's title after its speaker (`Ada Lovelace (UCL) on "Engines"`), read by the
generic extractor (quoted_titles.py) and by a profile with `title_quoted` alike."""

from __future__ import annotations

import re

# Quote marks as pages pair them (a closing mark may be the opening one again: “…“); no plain single mark, which
# is an apostrophe as often ("l'été").
QUOTE_PAIRS = ('"', '"'), ("“", "”“"), ("„", "“”"), ("«", "»"), ("»", "«"), ("‹", "›"), ("‘", "’"), ("‚", "‘’")
QUOTED = [re.compile(f"{re.escape(o)}([^{re.escape(c)}]+)[{re.escape(c)}]") for o, c in QUOTE_PAIRS]


def quoted_parts(text: str) -> list[str]:
    """The parts of a text in quote marks, white space inside the marks taken off."""
    return [part.strip() for quoted in QUOTED for part in quoted.findall(text or "") if part.strip()]


def quoted_title(text: str | None) -> str | None:
    """The title of a `title_quoted` profile's entry: the first quoted part of its title's text, else the text after
    an opening mark left unclosed (`on "A title` at the end of the line), else None (the text as shown stands)."""
    parts = sorted(((text.index(p), p) for p in quoted_parts(text)), key=lambda found: found[0]) if text else []
    if parts:
        return parts[0][1]
    opening = re.search(r'["“„«]\s*(\w.*)$', text or "")
    return opening.group(1).strip() if opening else None
