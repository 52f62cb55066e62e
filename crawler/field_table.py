"""The one table of entry fields everything else derives from.

To add a field: declare it in FIELD_TABLE and have a parser fill it. The archive's
columns, its versions, the health checks, report summaries and exports all read
this table (docs/ARCHITECTURE.md). It imports nothing but the standard library, so
the archive's reading commands never load Scrapy to know the fields.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    kind: str = "text"  # text, integer or list (a JSON list in SQLite)
    versioned: bool = True  # a change to it makes a new version of the entry
    placement: bool = False  # where the entry was listed: kept as a sighting, never a version
    watched: bool = False  # the health checks watch how often it is filled
    summary: bool = False  # shown for each entry in diff reports
    exported: bool = True  # a column of `export`
    words: bool = False  # words a page shows: cleaned of what shows nothing before stored (normalise_entry)

    @property
    def sql_type(self) -> str:
        return "INTEGER" if self.kind == "integer" else "TEXT"


FIELD_TABLE = (
    Field("entry_id", versioned=False, summary=True),
    Field("url", watched=True, summary=True),
    Field("title", summary=True, words=True),
    Field("description", watched=True, summary=True, words=True),
    Field("group", versioned=False, placement=True, summary=True, words=True),
    Field("group_month", versioned=False, placement=True, watched=True, summary=True),
    Field("date_text", summary=True, words=True),
    Field("date_start", summary=True),
    Field("date_end", summary=True),
    Field("date_precision"),
    Field("credit", watched=True, summary=True, words=True),
    Field("credit_author", words=True),
    Field("credit_holder", words=True),
    Field("credit_year", kind="integer"),
    Field("organisers", kind="list", summary=True, words=True),
    Field("organiser_text", words=True),
    Field("image_url", watched=True),
    Field("listing_url", versioned=False, placement=True, summary=True),
    Field("listing_title", versioned=False, placement=True, summary=True, words=True),
    Field("position", kind="integer", versioned=False, placement=True),
    Field("language"),
)

# Derived views of the table, in its order (the order exports show).
FIELDS = tuple(f.name for f in FIELD_TABLE)
FIELD_SPECS = {f.name: f for f in FIELD_TABLE}
VERSIONED_FIELDS = tuple(f.name for f in FIELD_TABLE if f.versioned)
PLACEMENT_FIELDS = tuple(f.name for f in FIELD_TABLE if f.placement)
WATCHED_FIELDS = tuple(f.name for f in FIELD_TABLE if f.watched)
SUMMARY_FIELDS = tuple(f.name for f in FIELD_TABLE if f.summary)
EXPORTED_FIELDS = tuple(f.name for f in FIELD_TABLE if f.exported)
INTEGER_FIELDS = tuple(f.name for f in FIELD_TABLE if f.kind == "integer")
LIST_FIELDS = tuple(f.name for f in FIELD_TABLE if f.kind == "list")
WORD_FIELDS = tuple(f.name for f in FIELD_TABLE if f.words)
