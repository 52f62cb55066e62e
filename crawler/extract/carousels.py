"""Sliders (carousels) by the names their scripts give them: their slides repeat a few entries of the page's list, so
where a slider and a list show the same entries, the list is the listing (issue 21)."""

from __future__ import annotations

import re
from itertools import islice

# The class names of slider scripts (Swiper, Slick, Owl, Glide, Splide, jQuery Cycle's "cycle-slideshow"…).
_CAROUSEL = re.compile(r"swiper|slick|carousel|slider|slideshow|owl-|glide|splide", re.IGNORECASE)
# How far above a record its slider's box is looked for.
_CAROUSEL_LEVELS = 4


def in_carousel(node) -> bool:
    """Whether `node` or one of its few nearest ancestors is classed as a slider."""
    nearest = (node, *islice(node.iterancestors(), _CAROUSEL_LEVELS))
    return any(_CAROUSEL.search(el.get("class") or "") for el in nearest)
