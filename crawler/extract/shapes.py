"""A record's shape for the generic extractor: its tag and the class tokens its kind shares (records.py groups
the elements above entry links by it)."""

from __future__ import annotations

import re
from collections import defaultdict

from .html import tag

# Class tokens that tell records apart without changing their shape ("odd", "is-active").
# A list's own prefix does not change that ("views-row-first", "item_last").
_STATE_CLASS = re.compile(
    r"^(?:[\w-]*[-_])?(?:odd|even|first|last)$|^(?:active|current|selected|is-[\w-]+|has-[\w-]+|featured|sticky|new)$"
)
# Rows striped by class ("rgRow" and "rgAltRow", "item" and "alt-item", "AlternatingRowStyle"): one kind.
_ALTERNATE = re.compile(r"(?:[Aa]lt|[Aa]lternat(?:e|ing))(?=[A-Z]|[-_]|row|item|$)")
# Figures in a class token: "views-row-3", and a record's id inside one ("calendar.11537.field_date.0.0").
_NUMBERED = re.compile(r"\d+")
# A record's own taxonomy ("category-opinion", "tag-covid", "format-video": WordPress's post classes) tells
# records apart even where each sits alone in its wrapper: never part of a shape ("post_format-post-format-audio"
# is the format's term class).
_TAXONOMY_CLASS = re.compile(r"^(?:category|tag|format|author|status|post_format|post_tag)-", re.IGNORECASE)
# An element alone in its wrapper is compared with the like elements of this many like wrappers at least.
_MIN_COUSINS = 3
# Class tokens nearly all same-tag siblings carry ("post", "hentry") are their kind; the rest
# ("category-news", "tag-health") vary from record to record.
_CORE_SHARE = 0.8


class Shapes:
    """An element's shape: its tag and the class tokens its kind shares, for one page.

    Numbered variants ("views-row-3", "cat-list-row1", "calendar.11537.field_date.0.0") read as their kind; a token that
    fewer than half of an element's same-tag siblings carry ("post-852", "category-opinion",
    "featured") tells records apart and is left out, unless the element shares no token
    with them (then its tokens name its role).
    """

    def __init__(self, root):
        stems: dict[str, set] = defaultdict(set)
        for el in root.iter():
            for c in (el.get("class") or "").split() if isinstance(el.tag, str) else ():
                if _NUMBERED.search(c):
                    stems[_NUMBERED.sub("#", c)].add(c)
        self._stem = {c: stem for stem, variants in stems.items() if len(variants) >= 2 for c in variants}
        self._cache: dict = {}
        self._parents: set = set()
        self._cousin_counts: dict = {}

    def _tokens(self, el) -> set:
        # BEM modifiers ("eventlist-event--past") are variants of their block, not another kind.
        return {
            _ALTERNATE.sub("", self._stem.get(c, c)).strip("-_") or c  # "alt" alone names its own role
            for c in (el.get("class") or "").split()
            if not _STATE_CLASS.match(c.lower()) and "--" not in c and not _TAXONOMY_CLASS.match(c)
        }

    def _fill(self, parent) -> None:
        """Shapes of all the children of `parent` at once: the tokens their tag shares."""
        by_tag: dict[str, list] = defaultdict(list)
        for child in parent:
            if isinstance(child.tag, str):
                by_tag[child.tag].append(child)
        for t, children in by_tag.items():
            tokens = [self._tokens(c) for c in children]
            counts, n = self._cousins(parent, t) if len(children) == 1 and tokens[0] else (None, 0)
            if n < _MIN_COUSINS:  # what the siblings share, or (one child alone) its cousins in like wrappers
                counts, n = defaultdict(int), len(children)
                for ts in tokens:
                    for c in ts:
                        counts[c] += 1
            for c, ts in zip(children, tokens, strict=False):
                core = [x for x in ts if counts[x] >= _CORE_SHARE * n]
                shared = core or [x for x in ts if counts[x] * 2 >= n]
                # Siblings in different roles (header, body, links) share nothing: they keep their names.
                self._cache[c] = (t, " ".join(sorted(shared if shared else ts)))
        self._parents.add(parent)

    def _cousins(self, parent, t: str) -> tuple[dict, int]:
        """Token counts of the `t` children of `parent`'s like siblings (posts each alone in a wrapper)."""
        grand = parent.getparent()
        key = (grand, parent.tag, t)
        if grand is None:
            return {}, 0
        if key not in self._cousin_counts:
            counts: dict[str, int] = defaultdict(int)
            n = 0
            for wrapper in grand:
                if wrapper.tag == parent.tag:
                    for child in wrapper:
                        if child.tag == t:
                            n += 1
                            for c in self._tokens(child):
                                counts[c] += 1
            self._cousin_counts[key] = (counts, n)
        return self._cousin_counts[key]

    def __call__(self, el) -> tuple[str, str]:
        found = self._cache.get(el)
        if found is None:
            parent = el.getparent()
            if parent is None or parent in self._parents or not isinstance(el.tag, str):
                found = (tag(el), " ".join(sorted(self._tokens(el)))) if isinstance(el.tag, str) else ("", "")
                self._cache[el] = found
                return found
            self._fill(parent)
            found = self._cache[el]
        return found

    def key(self, el) -> tuple:
        parent = el.getparent()
        return self(el), self(parent) if parent is not None else ("", "")
