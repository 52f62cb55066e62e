"""Plain-text views for the terminal: a crawl's summary, an entry table, a history."""

from __future__ import annotations

import shutil
import textwrap


def crawl_summary(conn, crawl: dict | None, result: dict) -> str:
    if not crawl:
        return "The crawl did not start: nothing was recorded. See the log above."
    lines = [
        f"Crawl #{crawl['id']} ({crawl['spider']}): {crawl['status'].upper()}{'  [SUSPECT]' if crawl.get('suspect') else ''}",
        f"  started {crawl['started_at']}, finished {crawl['finished_at']}",
        f"  pages {crawl['pages']}, entries {crawl['entries']}: new {crawl['new']}, changed {crawl['changed']}, removed {crawl['removed']}, restored {crawl['restored']}, page errors {crawl['errors']}",
    ]
    for row in conn.execute("SELECT * FROM listing_crawls WHERE crawl_id=? ORDER BY listing_url", (crawl["id"],)):
        state = "complete" if row["complete"] else "INCOMPLETE"
        lines.append(f"  {state:<10} {row['listing_url']}  ({row['pages_fetched']} pages, {row['pages_failed']} failed, {row['entries']} entries)")
    if crawl.get("note"):
        lines.append(f"  note: {crawl['note']}")
    if crawl["status"] != "complete":
        lines.append("  Entries missing from an incomplete listing are NOT marked removed.")
    return "\n".join(lines)


def entries_table(entries: list[dict]) -> str:
    width = shutil.get_terminal_size((120, 20)).columns
    title_width = max(30, width - 60)
    lines = [f"{'#':>3} {'group':<10} {'date':<23} {'title':<{title_width}} organisers"]
    for e in entries:
        when = e.get("date_start") or ""
        if e.get("date_end") and e.get("date_end") != when:
            when = f"{when}..{e['date_end']}"
        title = textwrap.shorten(e.get("title") or "", title_width, placeholder="…")
        organisers = "; ".join(e.get("organisers") or [])
        lines.append(f"{e.get('position') or '':>3} {e.get('group_month') or '':<10} {when:<23} {title:<{title_width}} {organisers}")
    return "\n".join(lines)


def history_text(result: dict) -> str:
    entry = result["entry"]
    lines = [
        f"{entry['entry_id']}: {entry['title']}",
        f"  {entry['url'] or ''}",
        f"  status {entry['status']}, {len(result['versions'])} version(s), first seen {entry['first_seen']}, last seen {entry['last_seen']}",
    ]
    for v in result["versions"]:
        origin = " (parser change)" if v["source"] == "reparse" else ""
        if v["version"] == 1:
            lines.append(f"  v1  {v['seen_at']}  crawl #{v['crawl_id']}{origin}: first seen")
            continue
        lines.append(f"  v{v['version']}  {v['seen_at']}  crawl #{v['crawl_id']}{origin}: {', '.join(v['changed_fields'])}")
        for field, (old, new) in v["changes"].items():
            lines.append(f"        {field}: {old!r} -> {new!r}")
    for ev in result["events"]:
        if ev["kind"] in ("removed", "restored"):
            lines.append(f"  {ev['kind']} {ev['at']} (crawl #{ev['crawl_id']})")
    return "\n".join(lines)
