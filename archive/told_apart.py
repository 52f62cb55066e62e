"""Entries told apart on a shared link keep their ids while they are listed (docs/schema.md, "What identifies an
entry"): a page gives an entry alone on its link the link's own id, whether it was always alone (an archive made
before keeps it) or the entries it shared the link with went away or onto another page of the listing. The archive
says which: an entry it holds listed under the id `tell_apart` gives this title and date on that link is that entry.
"""

from __future__ import annotations

import sqlite3

from crawler.parsers.ids import told_apart_id

from .record import SQL_CHUNK
from .session import Sighting


def keep_told_apart(conn: sqlite3.Connection, batch: list[tuple[dict, Sighting]]) -> None:
    """Give each entry of `batch` whose id is its link's own the told-apart id the archive holds listed for its title
    and date on that link, if any. Sets `entry_id` in place; one query a chunk of entries."""
    wanted: dict[str, list[dict]] = {}
    for entry, _ in batch:
        if "#" not in entry["entry_id"]:  # an id told apart on its page is as the page says
            told = told_apart_id(entry["entry_id"], entry.get("title"), entry.get("date_start"))
            wanted.setdefault(told, []).append(entry)
    ids = list(wanted)
    for start in range(0, len(ids), SQL_CHUNK):
        part = ids[start : start + SQL_CHUNK]
        rows = conn.execute(
            f"SELECT entry_id FROM entries WHERE status = 'listed' AND entry_id IN ({','.join('?' * len(part))})", part
        )
        for (told,) in rows:
            for entry in wanted[told]:
                entry["entry_id"] = told
