"""Item pipelines: normalise -> validate -> archive writer -> dedupe (crawler/settings.py)."""


def item_fields(item) -> dict:
    """The item's fields as the dict Scrapy keeps them in: read and set without the Item
    mapping's per-key overhead (writes land in the item itself). A plain dict is itself."""
    values = getattr(item, "_values", None)
    return values if isinstance(values, dict) else item
