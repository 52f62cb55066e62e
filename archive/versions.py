"""How an entry's versions are stored, and the one way to read them back whole.

`entry_versions.record` holds the whole record (JSON, empty fields left out) at every
KEYFRAME-th version (1, 9, 17, ...) and, in between, only the fields that differ from
that keyframe (a field emptied since is stored as null). A version's full record is
its keyframe's record with its own stored record laid over it: one step, whatever
the version, so reading any version costs one lookup.

Readers never rebuild that themselves. They use one of:
- the SQL view `version_records`: every column of entry_versions, `record` whole;
- `full_records(conn, pairs)`: the whole records of some (entry_id, version) pairs;
- `merged(keyframe, stored, version)`: the whole record from its keyframe's.

A full record stored where a delta could be (an archive written before schema 4, or
rewritten by hand) reads the same: laying a whole record over another gives it back.
"""

from __future__ import annotations

import json

from crawler.items import FIELDS

KEYFRAME = 8
_CHUNK = 400


def is_keyframe(version: int) -> bool:
    return (version - 1) % KEYFRAME == 0


def keyframe_of(version: int) -> int:
    return version - (version - 1) % KEYFRAME


def stored_record(version: int, record: dict, keyframe: dict | None) -> str:
    """The text stored for `version` of an entry whose keyframe version read `keyframe` (None: no keyframe)."""
    if keyframe is None or is_keyframe(version):
        whole = {f: record.get(f) for f in FIELDS if record.get(f) is not None}
        return json.dumps(whole, ensure_ascii=False, sort_keys=True)
    delta = {f: record.get(f) for f in FIELDS if record.get(f) != keyframe.get(f)}
    return json.dumps(delta, ensure_ascii=False, sort_keys=True)


def merged(keyframe: dict | None, stored: str, version: int) -> dict:
    """Version `version`'s full record, from its keyframe's full record and its own stored text."""
    record = {f: None for f in FIELDS}
    if keyframe is not None and not is_keyframe(version):
        record.update(keyframe)
    record.update(json.loads(stored))
    return record


def _view_sql() -> str:
    """`version_records`: entry_versions with every record whole (its keyframe's, with its own laid over it)."""
    offset = f"(t.version - 1) % {KEYFRAME}"
    return (
        "CREATE VIEW IF NOT EXISTS version_records AS\n"
        "SELECT t.id, t.entry_id, t.version, t.crawl_id, t.capture_id, t.seen_at, t.source, t.changed_fields,\n"
        f"  CASE WHEN {offset} = 0 THEN t.record ELSE json_patch(k.record, t.record) END AS record\n"
        "FROM entry_versions t\n"
        f"LEFT JOIN entry_versions k ON {offset} > 0 AND k.entry_id = t.entry_id AND k.version = t.version - {offset};"
    )


VIEW_SQL = _view_sql()


def full_records(conn, pairs) -> dict[tuple[str, int], dict]:
    """{(entry_id, version): full record} for the pairs given (those that exist)."""
    wanted = {(eid, int(version)) for eid, version in pairs}
    needed = sorted(wanted | {(eid, keyframe_of(version)) for eid, version in wanted})
    stored = {}
    for start in range(0, len(needed), _CHUNK):
        part = needed[start : start + _CHUNK]
        rows = conn.execute(
            f"SELECT t.entry_id, t.version, t.record FROM (VALUES {','.join(['(?, ?)'] * len(part))}) w "
            "JOIN entry_versions t ON t.entry_id = w.column1 AND t.version = w.column2",
            [x for pair in part for x in pair],
        )
        stored.update({(eid, version): text for eid, version, text in rows})
    out = {}
    for eid, version in wanted:
        if (eid, version) in stored:
            base = stored.get((eid, keyframe_of(version)))
            keyframe = merged(None, base, 1) if base is not None else None
            out[(eid, version)] = merged(keyframe, stored[(eid, version)], version)
    return out


def compact_versions(conn) -> int:
    """Rewrite whole records stored between keyframes as deltas (the step to schema 4); returns rows rewritten."""
    rows = conn.execute("SELECT id, entry_id, version, record FROM entry_versions ORDER BY entry_id, version")
    updates, current, keyframe = [], None, None
    for vid, eid, version, stored in rows:
        if eid != current:
            current, keyframe = eid, None
        record = merged(keyframe, stored, version)
        text = stored_record(version, record, keyframe)
        if is_keyframe(version) or keyframe is None:
            keyframe = record
        if text != stored:
            updates.append((text, vid))
    conn.executemany("UPDATE entry_versions SET record = ? WHERE id = ?", updates)
    return len(updates)
