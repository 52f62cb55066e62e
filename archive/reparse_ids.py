"""A profile edited since a crawl may key its entries otherwise (a `document_id` added: a number, not the link),
and an id, once given, stays while its entry is listed (docs/schema.md, "What identifies an entry"). A reparse with
such a profile gave each entry of the listing a second current row, one keyed each way (stranger35, issue 20): it
is refused before it writes anything, on the first stored page of each listing parsed the way the reparse would.
"""

from __future__ import annotations

from collections import Counter

from crawler.origins import redact


def _one_each(pairs) -> dict[str, str]:
    """{link: id} for the links one entry only holds (entries sharing a link are told apart by the archive)."""
    pairs = [(url, eid) for url, eid in pairs if url and "#" not in eid]
    shared = Counter(url for url, _ in pairs)
    return {url: eid for url, eid in pairs if shared[url] == 1}


def changed_ids(conn, crawl_id: int, pages) -> list[tuple[str, str, str]]:
    """(link, id stored, id now) for each entry of `pages` (as archive.reparse.parse_capture gives them) whose link
    the crawl `crawl_id` saw on that page under another id."""
    changed = []
    for _, entries, _ in pages:
        if not entries:
            continue
        rows = conn.execute(
            "SELECT e.url, s.entry_id FROM sightings s JOIN entries e USING (entry_id) "
            "WHERE s.crawl_id = ? AND s.capture_id = ?",
            (crawl_id, entries[0][1].capture_id),
        )
        stored = _one_each((row[0], row[1]) for row in rows)
        now = _one_each((entry.get("url"), entry["entry_id"]) for entry, _ in entries)
        changed += [(url, stored[url], eid) for url, eid in now.items() if stored.get(url, eid) != eid]
    return changed


def refusal(crawl_id: int, changed: list[tuple[str, str, str]]) -> str:
    """One line: what changed, why nothing was written, what to do."""
    url, old, new = changed[0]
    return (
        f"the profile now keys entries of crawl {crawl_id}'s pages otherwise than the archive holds them "
        f"({len(changed)} on their first pages, e.g. {redact(url)}: {redact(old)} stored, {redact(new)} now; a "
        "profile edit such as a document_id?): a reparse would list each twice, so nothing was written; an id "
        "stays while its entry is listed: put the profile's ids back to reparse, or start a new archive"
    )
