"""CSS selection without XPath for the plain selectors profiles use: tags, classes, ids and
attributes present or equal to a value ("a[rel=next]"), joined by descendant (" ") and child (">")
combinators, in comma-separated groups.

libxml2's XPath walks every element of the page for each selection and builds strings for
each class test; a page is selected from some 20 times. Here one pass over the page (made
anyway by parse_html) files its elements by tag, class and id, and a selection reads the few
candidates of its last part and checks their ancestors. Same answers as lxml's CSSSelector
(html translator): the same elements, in page order, each once. Any other selector
(attributes, pseudo-classes, namespaces) is answered by None: the caller uses XPath.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from functools import lru_cache

import cssselect

# normalize-space() in the XPath cssselect writes splits class names at these only.
_XML_SPACE = re.compile(r"[ \t\r\n]+")
_NONE: frozenset = frozenset()


class _Compound:
    """One compound selector: a tag (None for any), class names, ids, attributes (all must hold)."""

    __slots__ = ("tag", "classes", "first_class", "ids", "attributes", "all_candidates_match")

    def __init__(self, tag: str | None, classes: tuple[str, ...], ids: tuple[str, ...], attributes: tuple = ()):
        self.tag, self.classes, self.ids = tag, frozenset(classes), ids
        self.first_class = classes[0] if classes else None
        self.attributes = attributes  # (name, value): the value None for [name] (present)
        # Whether PageIndex._candidates' list (by the first id, else the first class, else the tag) holds only
        # matches: "a", ".item-title", "#content" test nothing more of each element.
        if ids:
            rest = len(ids) > 1 or self.classes or tag is not None or attributes
        else:
            rest = len(self.classes) > 1 or (tag is not None and self.classes) or attributes
        self.all_candidates_match = not rest

    def matches(self, el, names: dict) -> bool:
        """`names`: each element's class names (PageIndex.names)."""
        if self.tag is not None and el.tag != self.tag:
            return False
        # Loops, not any()/all() over generators: some 200 elements a page are asked.
        for ident in self.ids:
            if el.get("id") != ident:
                return False
        for name, value in self.attributes:
            found = el.get(name)
            if found is None if value is None else found != value:
                return False
        return not self.classes or self.classes <= names.get(el, _NONE)


def _compound(tree) -> _Compound | None:
    classes, ids, attributes = [], [], []
    while True:
        kind = type(tree).__name__
        if kind == "Class":
            classes.append(tree.class_name)
            tree = tree.selector
        elif kind == "Hash":
            ids.append(tree.id)
            tree = tree.selector
        elif kind == "Attrib":
            attribute = _attribute(tree)
            if attribute is None:
                return None
            attributes.append(attribute)
            tree = tree.selector
        elif kind == "Element":
            break
        else:
            return None
    if tree.namespace is not None or any(_XML_SPACE.search(c) or not c for c in classes):
        return None  # namespaces, and class names XPath never matches, are left to XPath
    tag = tree.element.lower() if tree.element is not None else None
    return _Compound(tag, tuple(classes), tuple(ids), tuple(attributes))


def _attribute(tree) -> tuple[str, str | None] | None:
    """[name] or [name=value] as (name, value or None); None for any other test (~=, |=, a namespace, the i flag).
    The html translator lower-cases the name and compares the value as written."""
    if tree.namespace is not None or getattr(tree, "flag", None) or tree.operator not in ("exists", "="):
        return None
    return tree.attrib.lower(), None if tree.operator == "exists" else tree.value.value


def _chain(tree) -> list | None:
    """[compound, combinator, compound, ...] left to right, or None when not plain."""
    if type(tree).__name__ == "CombinedSelector":
        left = _chain(tree.selector)
        right = _compound(tree.subselector)
        if left is None or right is None or tree.combinator not in (" ", ">"):
            return None
        return [*left, tree.combinator, right]
    compound = _compound(tree)
    return [compound] if compound is not None else None


@lru_cache(maxsize=512)
def plan(selector: str) -> tuple | None:
    """The selector as chains of compounds, or None when it is not plain."""
    try:
        parsed = cssselect.parse(selector)
    except cssselect.SelectorError:
        return None
    chains = []
    for sel in parsed:
        chain = _chain(sel.parsed_tree) if sel.pseudo_element is None else None
        if chain is None:
            return None
        chains.append(chain)
    return tuple(chains)


class PageIndex:
    """A page's elements in page order, filed by tag, class name and id."""

    def __init__(self, elements: list):
        self.elements = [el for el in elements if isinstance(el.tag, str)]
        self.position = {el: i for i, el in enumerate(self.elements)}
        self.names: dict = {}  # element -> its class names
        self.by_tag: dict[str, list] = {}
        self.by_class: dict[str, list] = {}
        self.by_id: dict[str, list] = {}
        for el in self.elements:
            self.by_tag.setdefault(el.tag, []).append(el)
            cls = el.get("class")
            if cls:
                names = self.names[el] = frozenset(_XML_SPACE.split(cls))
                for name in names:
                    self.by_class.setdefault(name, []).append(el)
            ident = el.get("id")
            if ident is not None:
                self.by_id.setdefault(ident, []).append(el)
        self._matching: dict[_Compound, tuple[list, set]] = {}

    def _matches(self, compound: _Compound) -> tuple[list, set]:
        """The page's elements that match `compound` (in page order, and as a set), found once a page:
        a selection from each entry, and each ancestor a combinator climbs to, then costs a lookup."""
        found = self._matching.get(compound)
        if found is None:
            candidates = self._candidates(compound)
            if compound.all_candidates_match:
                in_order = list(candidates)  # a copy: the index's own lists stay its own
            else:
                in_order = [el for el in candidates if compound.matches(el, self.names)]
            found = self._matching[compound] = (in_order, set(in_order))
        return found

    def _candidates(self, last: _Compound) -> list:
        if last.ids:
            return self.by_id.get(last.ids[0], [])
        if last.first_class is not None:
            return self.by_class.get(last.first_class, [])
        if last.tag is not None:
            return self.by_tag.get(last.tag, [])
        return self.elements

    def _end(self, context) -> int:
        """The position after the context's last descendant: its next sibling's, or an ancestor's."""
        for el in itertools.chain((context,), context.iterancestors()):  # lazily: the context itself mostly answers
            if self.position[el] == 0:
                break  # the indexed root: nothing after it
            after = el.getnext()
            while after is not None and not isinstance(after.tag, str):
                after = after.getnext()  # no comment is left by parse_html; this is for safety
            if after is not None:
                return self.position[after]
        return len(self.elements)

    def select(self, context, chains: tuple) -> list | None:
        """Elements under `context` (itself included) that match, in page order; None when
        the context is not on the indexed page."""
        start = self.position.get(context)
        if start is None:
            return None
        end = self._end(context)
        position = self.position.__getitem__
        found = []
        for chain in chains:
            inside = self._in_range(chain[-1], start, end)
            if len(chain) > 1 and inside and ">" not in chain:
                inside = self._within_descendants(chain, inside, start, end)
            elif len(chain) > 1 and inside:
                inside = [el for el in inside if self._holds(chain, len(chain) - 1, el, context)]
            found.append(inside)
        if len(found) == 1:
            return found[0]  # one chain: in page order, each once
        return sorted({el for part in found for el in part}, key=position)

    def _in_range(self, compound: _Compound, start: int, end: int) -> list:
        """The elements matching `compound` at positions start to end - 1, in page order."""
        matched, position = self._matches(compound)[0], self.position.__getitem__
        lo = bisect_left(matched, start, key=position)
        return matched[lo : bisect_left(matched, end, lo, key=position)]

    def _within_descendants(self, chain: list, candidates: list, start: int, end: int) -> list:
        """`candidates` (matching chain[-1], in the range) that match the whole chain, its combinators all " ":
        each compound's matches in the range kept when inside one kept for the compound before. Spans of
        positions instead of _holds' climb from each candidate through its ancestors (every <a> of a page to
        its root for "aside.pagination a")."""
        kept = self._in_range(chain[0], start, end)
        for compound in chain[2:-1:2]:
            kept = self._inside(kept, self._in_range(compound, start, end)) if kept else []
        return self._inside(kept, candidates) if kept else []

    def _inside(self, outers: list, inners: list) -> list:
        """The elements of `inners` that are descendants of one of `outers` (both in page order)."""
        position, spans = self.position.__getitem__, []
        for el in outers:
            at = position(el)
            if not spans or at >= spans[-1][1]:  # an element inside the span before adds nothing to it
                spans.append((at, self._end(el)))
        found, i = [], 0
        for el in inners:
            at = position(el)
            while i < len(spans) and spans[i][1] <= at:
                i += 1
            if i == len(spans):
                break
            if spans[i][0] < at:
                found.append(el)
        return found

    def matches_under(self, context, chains: tuple, el) -> bool | None:
        """Whether `el` (under `context`, or the context itself) is one select(context, chains) gives,
        without selecting the others; None when the context is not on the indexed page."""
        if context not in self.position:
            return None
        for chain in chains:  # a loop, not any() over a generator: asked of each entry's parts
            last = len(chain) - 1
            if el in self._matches(chain[last])[1] and (last == 0 or self._holds(chain, last, el, context)):
                return True
        return False

    def _holds(self, chain: list, i: int, el, context) -> bool:
        """Whether chain[:i+1] matches ending at `el` (which matches chain[i] and lies in the
        context), each of its elements inside the context."""
        if i == 0:
            return True
        combinator, left = chain[i - 1], chain[i - 2]
        if el is context:
            return False  # the left part would lie outside the context
        parent = el.getparent()
        matching = self._matches(left)[1]
        if combinator == ">":
            return parent in matching and self._holds(chain, i - 2, parent, context)
        while True:
            if parent in matching and self._holds(chain, i - 2, parent, context):
                return True
            if parent is context:
                return False
            parent = parent.getparent()
