"""Elements a page names as a title by their class, id or itemprop ("entry-title", "card__headline",
itemprop="headline"), and not a person's name inside an author's item."""

from __future__ import annotations

import re

# Class names, ids and itemprops that name an entry's title ("entry-title", "card__headline"), not "subtitle".
_TITLE_NAME = re.compile(r"(?<!sub)(?<!sub-)(?<!pre)(?<!pre-)(?:title|headline|heading|titulo|titre)", re.IGNORECASE)
_TITLE_PROP = re.compile(r"^(?:headline|name)$")


def title_named(el) -> bool:
    """An element named as a title by its class, id or itemprop (not a person's name: "author" > "name")."""
    prop = el.get("itemprop") or ""
    if _TITLE_PROP.match(prop) and not (prop == "name" and _someones_name(el)):
        return True
    return bool(_TITLE_NAME.search(f"{el.get('class') or ''} {el.get('id') or ''}"))


def _someones_name(el) -> bool:
    """<span itemprop="author" itemscope itemtype="…/Person"><span itemprop="name">Ada</span></span>: the name of
    the item's author, publisher or other person, not the item's own."""
    item = next((x for x in (el, *el.iterancestors()) if "itemscope" in x.attrib), None)
    if item is None:
        return False
    kind = (item.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1]
    return (item.get("itemprop") or "") in _PEOPLE_PROPS or kind in ("Person", "Organization")


# The itemprops that hold a person or an organisation, never the item itself.
_PEOPLE_PROPS = {"author", "creator", "contributor", "editor", "publisher", "performer", "organizer", "actor"}
