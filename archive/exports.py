"""Export formats: a registry (name, writer, media type, suffix), as archive/reports has for diffs.

`export --format` takes its choices from EXPORT_FORMATS, so a new format is one function
and one `register` call. A writer takes the rows `archive.queries.export_rows` gives and
a text stream.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TextIO

from .reports.safety import spreadsheet_safe


@dataclass(frozen=True)
class ExportFormat:
    name: str
    write: Callable[[Iterable[dict], TextIO], None]
    media_type: str
    suffix: str


EXPORT_FORMATS: dict[str, ExportFormat] = {}


def register(fmt: ExportFormat) -> ExportFormat:
    EXPORT_FORMATS[fmt.name] = fmt
    return fmt


def write_jsonl(rows: Iterable[dict], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_json(rows: Iterable[dict], out: TextIO) -> None:
    json.dump(list(rows), out, ensure_ascii=False, indent=1)
    out.write("\n")


def write_csv(rows: Iterable[dict], out: TextIO, raw: bool = False) -> None:
    """One row an entry; a list field (organisers) joined with "; ". Unless `raw`, every string is cleaned as the
    other reports clean it and one a spreadsheet would run as a formula (`=HYPERLINK(...)`) starts with `'`."""
    from crawler.field_table import EXPORTED_FIELDS, LIST_FIELDS  # here: `--help` loads this module, not the table

    safe = (lambda value: value) if raw else spreadsheet_safe
    fields = [*EXPORTED_FIELDS, "status"]
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        for name in LIST_FIELDS:
            row[name] = "; ".join(safe(item) for item in row.get(name) or [])
        writer.writerow({name: safe(row.get(name)) for name in fields})


register(ExportFormat("jsonl", write_jsonl, "application/x-ndjson", ".jsonl"))
register(ExportFormat("csv", write_csv, "text/csv", ".csv"))
register(ExportFormat("json", write_json, "application/json", ".json"))
