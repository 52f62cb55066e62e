"""Entries told apart on a shared link keep their ids while they are listed, and come back under them (docs/schema.md,
"What identifies an entry"). A page gives an entry alone on its link the link's own id, and entries sharing it `#…`
ids, whatever ids they had before: an entry told apart that is now read alone (its partners gone, or it pushed onto
another page of the listing) would take the link's id, and an entry alone on its link that another comes to share
would take a `#…` one. The archive says which entry is which: on a link it has ever told apart, each entry the crawl
reads (a title, and its date) is matched to the one the archive holds on that link, whatever its status, before the
page's id is taken. What this crawl wrote in its earlier batches is in the archive, so the crawl's pages are read
together, not page by page. A link the archive never told apart costs nothing here: the writer knows those it did
(`told_apart_links`, read once a crawl) and looks no entry up for the others.
"""

from __future__ import annotations

import sqlite3

from crawler.parsers.ids import title_key, told_apart_id

from .session import CrawlSession, Sighting


def told_apart_links(conn: sqlite3.Connection) -> set[str]:
    """The links (ids before `#`) the archive holds an entry told apart on: one pass over the ids, once a crawl."""
    rows = conn.execute("SELECT entry_id FROM entries WHERE instr(entry_id, '#') > 0")
    return {eid.rpartition("#")[0] for (eid,) in rows}


def keep_told_apart(conn: sqlite3.Connection, session: CrawlSession, batch: list[tuple[dict, Sighting]]) -> None:
    """Give each entry of `batch` on a shared link the id the archive holds it under (its title and date on that
    link), else the id its page gave it. Sets `entry_id` in place; `session.told_apart` learns the links told apart."""
    if not batch:
        return  # captures alone (pages that answered 304): nothing to read the links for yet
    if session.told_apart is None:
        session.told_apart = told_apart_links(conn)
    told = [entry["entry_id"] for entry, _ in batch if "#" in entry["entry_id"]]
    # A page of this batch tells a link apart: its entries read alone on that link on another page are matched too.
    shared = session.told_apart | {eid.rpartition("#")[0] for eid in told} if told else session.told_apart
    if not shared:
        return  # the usual batch: no entry on a link ever told apart
    on_link: dict[str, list[dict]] = {}
    for entry, _ in batch:
        base, mark, _digest = entry["entry_id"].rpartition("#")
        if mark or entry["entry_id"] in shared:
            on_link.setdefault(base or entry["entry_id"], []).append(entry)
    for base, entries in on_link.items():
        _match(base, _people(entries), _held_on(conn, base), session.seen)
        if any("#" in entry["entry_id"] for entry in entries):
            session.told_apart.add(base)


def _people(entries: list[dict]) -> dict[tuple[str, str | None], list[dict]]:
    """The entries of one link by who they are: a title and its date; an undated copy of a title read with one date
    (a featured box repeating an event) is that date's entry, as `tell_apart` reads a page."""
    days: dict[str, set] = {}
    for entry in entries:
        days.setdefault(title_key(entry.get("title")), set()).add(entry.get("date_start"))
    people: dict[tuple[str, str | None], list[dict]] = {}
    for entry in entries:
        title = title_key(entry.get("title"))
        dated = days[title] - {None}
        day = entry.get("date_start") or (next(iter(dated)) if len(dated) == 1 else None)
        people.setdefault((title, day), []).append(entry)
    return people


def _held_on(conn: sqlite3.Connection, base: str) -> list[tuple[str, str, str | None]]:
    """(id, title as ids read it, date) of every entry the archive holds on the link `base`: its own id and its
    `#…` ones (a range of the primary key: "#" sorts just before "$")."""
    rows = conn.execute(
        "SELECT entry_id, title, date_start FROM entries WHERE entry_id = ? OR (entry_id > ? AND entry_id < ?)",
        (base, base + "#", base + "$"),
    )
    return [(eid, title_key(title), day) for eid, title, day in rows]


def _match(base: str, people: dict[tuple[str, str | None], list[dict]], held: list[tuple], seen: set) -> None:
    """Each person takes the id the archive holds for its title and date on the link: the `#…` id of them first,
    then the entry stored with that title and date (or, where one side shows no date, the one entry of that title);
    each held id goes to one person of the batch. A person the archive does not hold takes the id a page gave it."""
    ids = {eid for eid, _, _ in held}
    found: dict[tuple[str, str | None], str] = {}
    for person in people:
        told = told_apart_id(base, *person)
        if told in ids:
            found[person] = told
    # An undated copy of a title read on several dates is none of them for sure: the page's id says which it is.
    dated = {title for title, day in people if day is not None}
    taken = set(found.values())
    for person in people:
        if person not in found and (person[1] is not None or person[0] not in dated):
            eid = _stored_as(person, [row for row in held if row[0] not in taken])
            if eid is not None:
                found[person] = eid
                taken.add(eid)
    for person, entries in people.items():
        eid = found.get(person) or _page_id(base, person, [entry["entry_id"] for entry in entries], taken, seen)
        for entry in entries:
            entry["entry_id"] = eid


def _page_id(base: str, person: tuple[str, str | None], given: list[str], taken: set, seen: set) -> str:
    """The id of a person the archive does not hold: the `#…` id the page that read it beside another entry of the
    link gave it; else the link's own, unless another entry of this batch or of the crawl's earlier ones holds it
    (then its `#…` id)."""
    told = next((eid for eid in given if "#" in eid), None)
    if told is not None:
        return told
    return told_apart_id(base, *person) if base in taken or base in seen else base


def _stored_as(person: tuple[str, str | None], held: list[tuple]) -> str | None:
    """The one held entry of this person's title and date; else, where one side shows no date, of its title."""
    title, day = person
    same_title = [row for row in held if row[1] == title]
    for candidates in ([r for r in same_title if r[2] == day], [r for r in same_title if r[2] is None or day is None]):
        if len(candidates) == 1:
            return candidates[0][0]
    return None
