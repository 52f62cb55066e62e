"""A field label opening the title's element in every entry (`<td>Description: Boundary Adjustment</td>`, a row whose
only link is an image), the example given without it: the profile reads each title after that label
(`title_after_label`, read by title_cuts.after_label) (en-bellingen-council-applications, batch Y)."""

from __future__ import annotations

import json
import re

from ..parsers.text import clean_text
from .html import text_of
from .learn import Block, normal
from .learn_fields import first_in
from .title_cuts import after_label

# "Description:", "Project title:": a few words, no figure, then a colon and the rest
_LABELLED = re.compile(r"([^\W\d_][^\d:]{0,40}):\s*(\S.*)", re.DOTALL)


def learn_label(block: Block, example: str, selectors: dict) -> bool:
    """Set `title_after_label` where the title element's text is a field label, a colon and the example, and the
    titles of most entries open on that label. True where it was set."""
    title = selectors.get("title")
    shown = first_in(block.runs[block.node], title) if title else None
    if shown is None or "title_after_label" in selectors:
        return False
    found = _LABELLED.fullmatch(clean_text(text_of(shown)) or "")
    if found is None or normal(found.group(2)) != normal(example) or len(found.group(1).split()) > _LABEL_WORDS:
        return False
    label = f"{found.group(1)}:"
    texts = [clean_text(text_of(t)) or "" for run in block.runs.values() if (t := first_in(run, title)) is not None]
    labelled = [t for t in texts if after_label(t, label) != t]  # what the profile's reader cuts, and only that
    if len(labelled) < _MIN_LABELLED or len(labelled) < _LABELLED_SHARE * len(texts):
        return False
    selectors["title_after_label"] = label
    return True


def label_lines(selectors: dict) -> list[str]:
    """The profile's lines naming the label its titles follow, with a comment saying so."""
    label = selectors.get("title_after_label")
    if not label:
        return []
    return [
        "# Each title is its element's text after this field label.",
        f"title_after_label = {json.dumps(label, ensure_ascii=False)}",
    ]


_LABEL_WORDS = 3  # "Description", "Project title": a field's name, not a sentence
_MIN_LABELLED = 2  # titles opening on the label, for it to be the field's name
_LABELLED_SHARE = 0.8  # of the titles, the share that open on it
