"""A profile's per-entry selectors, each run once over the listing instead of once per entry."""

from __future__ import annotations

from functools import lru_cache
from itertools import chain

import cssselect

from .html import first, matches_under, select

# Selector parts that tie a match to elements around it ("a b", "a > b", ":has(b)", ":is(a b)").
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_CONTEXTUAL = ("CombinedSelector", "Relation", "Matching", "SpecificityAdjustment")
_UNASKED = object()


@lru_cache(maxsize=512)  # a profile's few selectors, parsed once
def _context_free(selector: str) -> bool:
    """Whether an element matches `selector` the same wherever the query starts ("li.item", ".date")."""
    try:
        trees = [repr(s.parsed_tree) for s in cssselect.parse(selector)]
    except cssselect.SelectorError:
        return False
    return not any(kind in tree for tree in trees for kind in _CONTEXTUAL)


class PerEntry:
    """`select(node, selector)` for each entry node, from one selection over the scope.

    Whatever matches inside an entry matches inside the scope that holds it, so the scope's
    matches, sorted into the entries around them, are all an entry can have: an entry that
    holds none needs no query. When whether an element matches does not depend on where the
    query starts (no combinator), an entry's share is the answer itself, in page order;
    otherwise the entry is queried as before. One XPath run a page instead of one an entry."""

    def __init__(self, scope, nodes, selector: str | None):
        self.selector = selector
        self.held: dict = {}
        self.firsts: dict = {}  # entry -> first(entry), which an entry's reading asks three or four times
        if not selector:
            return
        self.exact = _context_free(selector)
        entries = set(nodes)
        for match in select(scope, selector):
            for el in chain((match,), match.iterancestors()):
                if el in entries:  # entries may nest: a match belongs to each entry around it
                    self.held.setdefault(el, []).append(match)
                if el is scope:
                    break

    def all(self, node) -> list:
        held = self.held.get(node)
        if not held:
            return []
        return list(held) if self.exact else select(node, self.selector)

    def first(self, node):
        held = self.held.get(node)
        if not held or self.exact:
            return held[0] if held else None
        found = self.firsts.get(node, _UNASKED)
        if found is _UNASKED:
            found = self.firsts[node] = self._first_held(node, held)
        return found

    def _first_held(self, node, held: list):
        """The entry's first held match that the selector still finds from the entry: what first(node, ...)
        gives (its answers are a part of these, in the same order), without selecting the rest."""
        for match in held:
            inside = matches_under(node, self.selector, match)
            if inside is None:
                return first(node, self.selector)
            if inside:
                return match
        return None


def entry_runs(nodes: list, stops: set) -> dict:
    """Each entry node with the siblings after it, up to the next entry, a group heading (in
    `stops`) or a break (a rule, a heading without a link): a flat entry's elements. The last
    run of a list is cut to the longest run before it, so what follows the list stays out."""
    from .flat import is_break

    entries = set(nodes)
    runs: dict = {}
    for node in nodes:
        run, sibling = [node], node.getnext()
        # A break ends the run, but the heading right after a date line that opens the entry.
        while sibling is not None and sibling not in entries and sibling not in stops:
            if is_break(sibling) and (len(run) > 1 or node.tag in _HEADINGS):
                break
            run.append(sibling)
            sibling = sibling.getnext()
        if sibling is None or sibling not in entries:  # the list's last entry
            longest = max((len(r) for r in runs.values() if r[0].getparent() is node.getparent()), default=len(run))
            run = run[:longest]
        runs[node] = run
    return runs


class PerRun:
    """PerEntry's answers for flat entries: a selector is run on each element of the entry's run."""

    def __init__(self, runs: dict, selector: str | None):
        self.runs, self.selector = runs, selector

    def all(self, node) -> list:
        if not self.selector:
            return []
        return [match for el in self.runs.get(node, [node]) for match in select(el, self.selector)]

    def first(self, node):
        if not self.selector:
            return None
        for el in self.runs.get(node, [node]):
            found = first(el, self.selector)
            if found is not None:
                return found
        return None
