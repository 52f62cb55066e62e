"""A record's author shown beside their avatar (issue 21): <img class="is-rounded" alt="Gravatar de Níckolas
Silva"> over <p class="title">Níckolas Silva</p>. The line naming the person an avatar pictures is its byline,
never the record's title, whatever its class says."""

from __future__ import annotations

import re

from .html import text_of

# An image marked as a person's picture by its class, source or alt ("avatar", "gravatar.com", "author-photo").
_AVATAR = re.compile(r"avatar|author", re.IGNORECASE)
# The avatar sits this many levels at most above the name (inside the same card).
_CARD_LEVELS = 4
# A person's name is this short; a longer line is no name.
_MAX_NAME_WORDS = 5


def names_pictured_person(el) -> bool:
    """True when `el`'s whole text is the name an avatar in the same card gives in its alt text."""
    shown = text_of(el)
    if not shown or len(shown.split()) > _MAX_NAME_WORDS:
        return False
    card = el
    for _ in range(_CARD_LEVELS):
        if card.getparent() is None:
            break
        card = card.getparent()
    for img in card.iter("img"):
        alt = img.get("alt") or ""
        if shown not in alt or not _AVATAR.search(f"{img.get('class') or ''} {img.get('src') or ''} {alt}"):
            continue
        if re.search(rf"(?<!\w){re.escape(shown)}(?!\w)", alt):  # "Ana" is not "Anabel"
            return True
    return False
