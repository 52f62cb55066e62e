"""How an entry's versions are stored, and the one way to read them back whole.

`entry_versions` has a column for each field (entry_id is the key). At every
KEYFRAME-th version (1, 9, 17, ...) its row holds the whole entry (NULL: empty); in
between, only the fields that differ from that keyframe, the others NULL, and
`emptied` says which fields were emptied since the keyframe. A version reads whole
as its keyframe with its own fields laid over it: one step, whatever the version.

`changed_fields` and `emptied` are sets of fields as bits (bit n: the field numbered n
in the table `version_fields`); `seen_at` is unix seconds (UTC); a version's `source`
is its crawl's.

Readers never rebuild that themselves. They use one of:
- the SQL view `version_records`: every version whole, each field a column and
  `record` the whole entry as JSON; seen_at as text, changed_fields a JSON list;
- `full_records(conn, pairs)`: the whole records of some (entry_id, version) pairs;
- `whole_sql(bits)` with `keyframe_join()`: SQL for every field whole of a version `t` joined
  to its keyframe `k`, and `records_of(rows)` to read its rows (export --as-of).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from crawler.field_table import FIELDS, LIST_FIELDS

from .rows import list_json, q

KEYFRAME = 8
COLUMNS = tuple(f for f in FIELDS if f != "entry_id")  # the field columns of entry_versions
_CHUNK = 400
SEEN_AT_SQL = (  # seen_at as text (a few migrated rows keep theirs)
    "CASE WHEN typeof({t}.seen_at) = 'integer' "
    "THEN strftime('%Y-%m-%dT%H:%M:%S+00:00', {t}.seen_at, 'unixepoch') ELSE {t}.seen_at END"
)


def is_keyframe(version: int) -> bool:
    return (version - 1) % KEYFRAME == 0


def keyframe_of(version: int) -> int:
    return version - (version - 1) % KEYFRAME


# -- time and field sets -------------------------------------------------------


def to_epoch(stamp: str):
    """A time as stored in seen_at: unix seconds when the text says exactly that instant in UTC, else the text."""
    try:
        moment = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return stamp
    if moment.tzinfo is None:
        return stamp
    seconds = int(moment.timestamp())
    return seconds if from_epoch(seconds) == stamp else stamp


def from_epoch(value) -> str:
    """seen_at as text, as the archive writes times ("2026-11-28T09:30:00+00:00")."""
    if not isinstance(value, int):
        return value
    return datetime.fromtimestamp(value, UTC).isoformat(timespec="seconds")


def field_bits(conn) -> dict[str, int]:
    """{field: bit} of the archive's version_fields."""
    return {name: bit for bit, name in conn.execute("SELECT bit, name FROM version_fields")}


def number_fields(conn, names) -> dict[str, int]:
    """Give every field named a bit (fields keep theirs; a new one takes the next); returns {field: bit}."""
    bits = field_bits(conn)
    for name in names:
        if name not in bits:
            bits[name] = max(bits.values(), default=-1) + 1
            conn.execute("INSERT INTO version_fields (bit, name) VALUES (?, ?)", (bits[name], name))
    return bits


def to_mask(names, bits: dict[str, int]) -> int:
    return sum(1 << bits[n] for n in set(names))


def from_mask(mask: int, bits: dict[str, int]) -> list[str]:
    return [name for name, bit in sorted(bits.items(), key=lambda kv: kv[1]) if mask >> bit & 1]


# -- one version's row -----------------------------------------------------------


_LIST_AT = tuple(at for at, f in enumerate(COLUMNS) if f in LIST_FIELDS)  # the places of the columns stored as JSON


def _encode(field: str, value):
    return list_json(value) if field in LIST_FIELDS and value is not None else value


def _decode(field: str, value):
    return json.loads(value) if field in LIST_FIELDS and value is not None else value


def stored_fields(version: int, record: dict, keyframe: dict | None, bits: dict[str, int]) -> tuple:
    """(emptied, *field columns) stored for `version` of an entry whose keyframe version read `keyframe`
    (None: no keyframe, so it is stored whole)."""
    if keyframe is None or is_keyframe(version):  # the common case (every first version): kept lean
        whole = list(map(record.get, COLUMNS))  # no Python step a column: a first version is every entry's
        for at in _LIST_AT:
            if whole[at] is not None:
                whole[at] = list_json(whole[at])
        return (0, *whole)
    emptied, values = 0, []
    for f in COLUMNS:
        value = record.get(f)
        if value == keyframe.get(f):
            values.append(None)
        elif value is None:
            values.append(None)
            emptied |= 1 << bits[f]
        else:
            values.append(_encode(f, value))
    return (emptied, *values)


def merged(keyframe: dict | None, entry_id: str, version: int, stored: tuple, bits: dict[str, int]) -> dict:
    """Version `version`'s full record, from its keyframe's full record and its own stored (emptied, *fields)."""
    record = dict(keyframe) if keyframe is not None and not is_keyframe(version) else dict.fromkeys(FIELDS)
    record["entry_id"] = entry_id
    emptied, values = stored[0], stored[1:]
    for f, value in zip(COLUMNS, values, strict=True):
        if value is not None:
            record[f] = _decode(f, value)
        elif emptied and emptied >> bits[f] & 1:
            record[f] = None
    return record


_LISTS = tuple(f for f in FIELDS if f in LIST_FIELDS)


def records_of(rows):
    """Rows of `whole_sql()` (every field whole, in FIELDS order) as records."""
    lists: dict[str, list] = {}  # the same few organiser lists come again and again: parsed once each
    for row in rows:
        record = dict(zip(FIELDS, row))  # noqa: B905 (whole_sql selects FIELDS: a million rows, no check a row)
        for f in _LISTS:
            text = record[f]
            if text is not None:
                if text not in lists:
                    if len(lists) > 10_000:
                        lists.clear()
                    lists[text] = json.loads(text)
                record[f] = list(lists[text])
        yield record


def whole_sql(bits: dict[str, int], t: str = "t", k: str = "k") -> str:
    """The select list of every field whole, in FIELDS order, of version `t` joined to its keyframe `k`."""
    merged = dict(zip(COLUMNS, merged_columns(bits, t, k), strict=True))
    return ", ".join(merged.get(f, f"{t}.{q(f)}") for f in FIELDS)


def merged_columns(bits: dict[str, int], t: str = "t", k: str = "k") -> list[str]:
    """SQL for each whole field of version `t`, whose keyframe (NULL for a keyframe) is joined as `k`."""
    return [
        f"CASE WHEN {t}.emptied >> {bits[f]} & 1 THEN NULL ELSE coalesce({t}.{q(f)}, {k}.{q(f)}) END AS {q(f)}"
        for f in COLUMNS
    ]


def keyframe_join(t: str = "t", k: str = "k") -> str:
    offset = f"({t}.version - 1) % {KEYFRAME}"
    on = f"{offset} > 0 AND {k}.entry_id = {t}.entry_id AND {k}.version = {t}.version - {offset}"
    return f"LEFT JOIN entry_versions {k} ON {on}"


# -- views -----------------------------------------------------------------------


def view_sql(bits: dict[str, int]) -> str:
    """`version_records`: every version whole (its keyframe's fields with its own laid over them)."""
    pairs = ", ".join(f"'{f}', json({q(f)})" if f in LIST_FIELDS else f"'{f}', {q(f)}" for f in ("entry_id", *COLUMNS))
    fields = ",\n  ".join(merged_columns(bits))
    return (
        "CREATE VIEW version_records AS\n"
        f"SELECT *, json_patch('{{}}', json_object({pairs})) AS record FROM (\n"
        "SELECT t.entry_id, t.version, t.crawl_id, t.capture_id,\n"
        f"  {SEEN_AT_SQL.format(t='t')} AS seen_at,\n"
        "  coalesce(c.source, 'site') AS source,\n"
        "  (SELECT json_group_array(name) FROM (SELECT name FROM version_fields WHERE t.changed_fields >> bit & 1 "
        "ORDER BY bit)) AS changed_fields,\n"
        f"  {fields}\n"
        f"FROM entry_versions t\n{keyframe_join()}\nLEFT JOIN crawls c ON c.id = t.crawl_id);"
    )


# The events: new and changed are the versions themselves; removed and restored are kept in status_events.
# `id` orders them: crawl by crawl, a crawl's new and changed before its removed and restored.
EVENTS_VIEW_SQL = (
    "CREATE VIEW IF NOT EXISTS events AS\n"
    "SELECT crawl_id * 4294967296 AS id, crawl_id, entry_id, CASE version WHEN 1 THEN 'new' ELSE 'changed' END AS kind,"
    f" version, {SEEN_AT_SQL.format(t='entry_versions')} AS at FROM entry_versions\n"
    "UNION ALL\n"
    "SELECT crawl_id * 4294967296 + 1 + id, crawl_id, entry_id, kind, version, at FROM status_events;"
)


# -- reading ---------------------------------------------------------------------


def full_records(conn, pairs) -> dict[tuple[str, int], dict]:
    """{(entry_id, version): full record} for the pairs given (those that exist)."""
    wanted = {(eid, int(version)) for eid, version in pairs}
    needed = sorted(wanted | {(eid, keyframe_of(version)) for eid, version in wanted})
    bits = field_bits(conn)
    stored = {}
    columns = ", ".join(f"t.{q(f)}" for f in COLUMNS)
    for start in range(0, len(needed), _CHUNK):
        part = needed[start : start + _CHUNK]
        rows = conn.execute(
            f"SELECT t.entry_id, t.version, t.emptied, {columns} FROM (VALUES {','.join(['(?, ?)'] * len(part))}) w "
            "JOIN entry_versions t ON t.entry_id = w.column1 AND t.version = w.column2",
            [x for pair in part for x in pair],
        )
        stored.update({(row[0], row[1]): tuple(row[2:]) for row in rows})
    out = {}
    for eid, version in wanted:
        if (eid, version) in stored:
            base = stored.get((eid, keyframe_of(version)))
            keyframe = merged(None, eid, 1, base, bits) if base is not None else None
            out[(eid, version)] = merged(keyframe, eid, version, stored[(eid, version)], bits)
    return out


# -- older archives --------------------------------------------------------------
# Schema 4 kept each version as JSON text in `record` (whole at keyframes, else what differs from the keyframe).


def _json_merged(keyframe: dict | None, stored: str, version: int) -> dict:
    record = {f: None for f in FIELDS}
    if keyframe is not None and not is_keyframe(version):
        record.update(keyframe)
    record.update(json.loads(stored))
    return record


def _json_stored(version: int, record: dict, keyframe: dict | None) -> str:
    if keyframe is None or is_keyframe(version):
        whole = {f: record.get(f) for f in FIELDS if record.get(f) is not None}
        return json.dumps(whole, ensure_ascii=False, sort_keys=True)
    delta = {f: record.get(f) for f in FIELDS if record.get(f) != keyframe.get(f)}
    return json.dumps(delta, ensure_ascii=False, sort_keys=True)


def _json_versions(rows):
    """(row, whole record, its keyframe's whole record or None) for schema-4 rows ordered by entry and version,
    read as schema 4 read them: a version over its keyframe's record, when that keyframe is stored."""
    current, keyframe = None, None
    for row in rows:
        eid, version, stored = row[1], row[2], row[-1]
        if eid != current:
            current, keyframe = eid, None
        if keyframe is not None and keyframe[0] != keyframe_of(version):
            keyframe = None
        record = _json_merged(keyframe[1] if keyframe else None, stored, version)
        yield row, record, keyframe[1] if keyframe else None
        if is_keyframe(version):
            keyframe = (version, record)


def compact_versions(conn) -> int:
    """Rewrite whole records stored between keyframes as deltas (the step to schema 4); returns rows rewritten."""
    rows = conn.execute("SELECT id, entry_id, version, record FROM entry_versions ORDER BY entry_id, version")
    updates = []
    for (vid, _, version, stored), record, keyframe in _json_versions(rows):
        text = _json_stored(version, record, keyframe)
        if text != stored:
            updates.append((text, vid))
    conn.executemany("UPDATE entry_versions SET record = ? WHERE id = ?", updates)
    return len(updates)


def columns_from_json(conn, table: str) -> None:
    """Copy schema-4 entry_versions into `table` (schema 5: a column a field, keyed by entry and version)."""
    names = {
        n for (text,) in conn.execute("SELECT DISTINCT changed_fields FROM entry_versions") for n in json.loads(text)
    }
    bits = number_fields(conn, [*COLUMNS, *sorted(names - set(COLUMNS))])
    rows = conn.execute(
        "SELECT id, entry_id, version, crawl_id, capture_id, seen_at, changed_fields, record FROM entry_versions "
        "ORDER BY entry_id, version"
    )
    stored = (
        (eid, version, crawl, capture, to_epoch(seen), to_mask(json.loads(changed), bits))
        + stored_fields(version, record, keyframe, bits)
        for (_, eid, version, crawl, capture, seen, changed, _), record, keyframe in _json_versions(rows)
    )
    conn.executemany(insert_sql(table), stored)


def insert_sql(table: str = "entry_versions") -> str:
    names = ("entry_id", "version", "crawl_id", "capture_id", "seen_at", "changed_fields", "emptied", *COLUMNS)
    return f"INSERT INTO {table} ({', '.join(map(q, names))}) VALUES ({', '.join('?' * len(names))})"
