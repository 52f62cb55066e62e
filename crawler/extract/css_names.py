"""Readable CSS for elements a person may edit: stable classes before ids, never position chains.

A class or id that looks generated (a hash, a number, a state) changes between builds of a site
or between entries, so selectors are built from the others."""

from __future__ import annotations

import re

from .html import select

_PLAIN_NAME = re.compile(r"^-?[_a-zA-Z][_a-zA-Z0-9-]*$")  # needs no CSS escaping
# Numbers ("post-1234", "views-row-3", "item2"), hashes ("css-1x9ab2", "sc-bdVaJa", "jsx-8812"),
# framework scaffolding ("ng-star-inserted"); a BEM element ("v-card__title") is a name, a hashed one ("x__a8f3k") not.
_GENERATED = re.compile(
    r"\d{2,}|[-_]\d+$|^\w*\d$|^(?:css|sc|jsx|svelte|emotion|styled)-|^ng-|^js-|__(?=[a-z]*\d)[a-z0-9]{5,}$",
)
# A short run of letters in mixed case ("bdVaJa", "kXhSfq"): a CSS-in-JS hash; not words run together in
# PascalCase ("BlogList", "NewsItem"), as Squarespace and BEM-like themes name their blocks.
_HASH_PART = re.compile(r"^(?=[a-zA-Z]{5,8}$)(?!(?:[A-Z][a-z]{2,}){2,}$)(?:[a-z]*[A-Z]){2}")
# Classes that say what state or position an element is in, not what it is.
_STATE = frozenset(
    [
        "active",
        "current",
        "selected",
        "first",
        "last",
        "odd",
        "even",
        "clearfix",
        "cf",
        "hidden",
        "show",
        "open",
        "closed",
        "expanded",
        "collapsed",
        "is-active",
        "has-image",
        "no-image",
        "visible",
        "fade",
        "in",
        "out",
        "sticky",
        "featured",
        "new",
    ]
)


def stable_classes(el) -> list[str]:
    """An element's class names fit for a selector, in the order written."""
    names = (el.get("class") or "").split()
    return [c for c in dict.fromkeys(names) if _PLAIN_NAME.match(c) and not _generated(c) and c not in _STATE]


def _generated(name: str) -> bool:
    return bool(_GENERATED.search(name)) or any(_HASH_PART.match(part) for part in re.split(r"[-_]", name))


def stable_id(el) -> str | None:
    ident = (el.get("id") or "").strip()
    if ident and _PLAIN_NAME.match(ident) and not _generated(ident):
        return ident
    return None


def compounds(el, with_id: bool = True) -> list[str]:
    """Ways to name one element by itself, most specific readable first: "ul#news", "li.item", "li"."""
    tag = el.tag if isinstance(el.tag, str) else "*"
    out = []
    ident = stable_id(el) if with_id else None
    if ident:
        out.append(f"{tag}#{ident}")
    out += [f"{tag}.{c}" for c in stable_classes(el)]
    out.append(tag)
    return out


def shared_classes(elements: list) -> list[str]:
    """The stable classes every element carries."""
    if not elements:
        return []
    common = set(stable_classes(elements[0]))
    for el in elements[1:]:
        common &= set(stable_classes(el))
    return [c for c in stable_classes(elements[0]) if c in common]


def valid(selector: str) -> bool:
    """Whether the profile loader will take the selector (cssselect can translate it)."""
    from cssselect import GenericTranslator, SelectorError

    try:
        GenericTranslator().css_to_xpath(selector)
    except SelectorError:
        return False
    return True


def exact_selector(root, targets: list, candidates) -> str | None:
    """The first candidate selecting exactly `targets` on the page."""
    wanted = set(targets)
    for selector in dict.fromkeys(candidates):
        if valid(selector) and set(select(root, selector)) == wanted:
            return selector
    return None


def ancestor_names(el, stop=None, levels: int = 6) -> list[str]:
    """Named ancestors of `el` (stable id or class), nearest first, up to `stop` (excluded)."""
    out = []
    for anc in el.iterancestors():
        if anc is stop or levels == 0 or anc.tag in ("body", "html"):
            break
        levels -= 1
        out += [name for name in compounds(anc) if "#" in name or "." in name]
    return out
