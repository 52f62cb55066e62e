"""Entries told apart on a shared link keep their ids while they are listed (docs/schema.md, "What identifies an
entry"). A page gives an entry alone on its link the link's own id, and entries sharing it `#…` ids, whatever ids
they had before: an entry told apart that is now read alone (its partners gone, or it pushed onto another page of
the listing) would take the link's id, and an entry alone on its link that another comes to share would take a `#…`
one. The archive says which entry is which: the one it holds listed under the other id, for that title and date.
"""

from __future__ import annotations

import sqlite3

from crawler.parsers.ids import told_apart_id

from .record import SQL_CHUNK, stored_entries
from .session import Sighting


def keep_told_apart(conn: sqlite3.Connection, batch: list[tuple[dict, Sighting]]) -> None:
    """Give each entry of `batch` the id the archive holds it listed under, where the page read it under the other
    id of its link (its own, or told apart). Sets `entry_id` in place."""
    alone: dict[str, list[dict]] = {}  # the told-apart id an entry read alone on its link would have -> entries
    shared: dict[str, list[dict]] = {}  # an id told apart on its page -> entries
    for entry, _ in batch:
        eid = entry["entry_id"]
        if "#" in eid:
            shared.setdefault(eid, []).append(entry)
        else:
            alone.setdefault(told_apart_id(eid, entry.get("title"), entry.get("date_start")), []).append(entry)
    for told in _listed(conn, list(alone)):
        for entry in alone[told]:
            entry["entry_id"] = told
    if shared:
        _keep_links_own(conn, shared)


def _keep_links_own(conn: sqlite3.Connection, shared: dict[str, list[dict]]) -> None:
    """An entry the archive holds listed under its link's own id keeps it when another entry comes to share the
    link: the page's `#…` id of its stored title and date is that entry (unless the archive holds that id too)."""
    held = _listed(conn, list(shared))
    bases = {eid.split("#", 1)[0] for eid in shared if eid not in held}
    for base, row in stored_entries(conn, sorted(bases)).items():
        told = told_apart_id(base, row["title"], row["date_start"])
        if row["status"] == "listed" and told in shared and told not in held:
            for entry in shared[told]:
                entry["entry_id"] = base


def _listed(conn: sqlite3.Connection, ids: list[str]) -> set[str]:
    """Those of `ids` the archive holds listed; one query a chunk."""
    found = set()
    for start in range(0, len(ids), SQL_CHUNK):
        part = ids[start : start + SQL_CHUNK]
        marks = ",".join("?" * len(part))
        rows = conn.execute(f"SELECT entry_id FROM entries WHERE status = 'listed' AND entry_id IN ({marks})", part)
        found.update(row[0] for row in rows)
    return found
