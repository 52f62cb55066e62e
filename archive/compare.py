"""What counts as a change: one place that decides whether two versions of an entry differ."""

from __future__ import annotations

from crawler.field_table import INTEGER_FIELDS, LIST_FIELDS, VERSIONED_FIELDS
from crawler.parsers.text import clean_text


def normalise_value(field: str, value):
    """The form a value is compared in: white space, entities and list order are noise."""
    if field in LIST_FIELDS:
        names = [clean_text(v) for v in (value or [])]
        return sorted({n for n in names if n}, key=str.casefold)
    if field in INTEGER_FIELDS:
        return int(value) if value not in (None, "") else None
    if isinstance(value, str):
        return clean_text(value)
    return value


def changed_fields(old: dict | None, new: dict, ignore=()) -> list[str]:
    """Fields whose normalised values differ; NULL-safe (a field that empties is a change)."""
    if old is None:
        return list(VERSIONED_FIELDS)
    return [f for f in VERSIONED_FIELDS if f not in ignore and _differ(f, old.get(f), new.get(f))]


def _differ(field: str, a, b) -> bool:
    if a == b:
        return False  # the common case on a re-crawl: no normalising needed
    return normalise_value(field, a) != normalise_value(field, b)
