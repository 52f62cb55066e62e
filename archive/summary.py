"""Plain-text views for the terminal: a crawl's summary, entry tables, search hits, crawls, a history.

Every scraped value goes through reports.safety.for_terminal (via terminal_clean):
no control character stored in an archive reaches the terminal.
"""

from __future__ import annotations

import re
import shutil
import textwrap

from crawler.listing_state import ListingState
from crawler.origins import mask_query_secrets
from crawler.wording import counted

from .removals import HELD_BACK_SAYS
from .reports.safety import for_terminal, terminal_clean

_WHY = (
    (
        re.compile(r"DNS lookup failed|no address associated|Name or service not known|getaddrinfo", re.IGNORECASE),
        "DNS: the host name did not resolve",
    ),
    (re.compile(r"refused", re.IGNORECASE), "connection refused"),
    (re.compile(r"time(d)? ?out|took longer than", re.IGNORECASE), "timeout"),
    (re.compile(r"robots\.txt|Forbidden by robots", re.IGNORECASE), "robots.txt forbids it"),
    (re.compile(r"lost|closed|ConnectionDone|ResponseNeverReceived|ResponseFailed", re.IGNORECASE), "connection cut"),
    (re.compile(r"HTTP (\d{3})"), None),
    (re.compile(r"maxsize|max size|larger than", re.IGNORECASE), "page over the size limit"),
)


def why(problem: str) -> str:
    """A fetch problem in a few words (DNS, refused, timeout, HTTP status...), then what Scrapy said."""
    for pattern, label in _WHY:
        m = pattern.search(problem)
        if m:
            return f"{label or 'HTTP ' + m.group(1)}: {problem}"
    return problem


def crawl_summary(conn, crawl: dict | None, result: dict) -> str:
    if not crawl:
        return "The crawl did not start: nothing was recorded. See the log above."
    crawl = terminal_clean(crawl)
    lines = [
        f"Crawl #{crawl['id']} ({crawl['spider']}): {crawl['status'].upper()}"
        + ("  [SUSPECT]" if crawl.get("suspect") else ""),
        f"  started {crawl['started_at']}, finished {crawl['finished_at']}",
        (
            f"  pages {crawl['pages']}, entries {crawl['entries']}: new {crawl['new']}, changed {crawl['changed']}, "
            f"removed {crawl['removed']}, restored {crawl['restored']}, page errors {crawl['errors']}"
        ),
    ]
    for row in conn.execute("SELECT * FROM listing_crawls WHERE crawl_id=? ORDER BY listing_url", (crawl["id"],)):
        state = "complete" if row["complete"] else "INCOMPLETE"
        lines.append(
            f"  {state:<10} {for_terminal(row['listing_url'])}  "
            f"({counted(row['pages_fetched'], 'page')}, {row['pages_failed']} failed, "
            f"{counted(row['entries'], 'entry')})"
        )
    shown = set()
    for url, info in sorted(((result or {}).get("listings") or {}).items()):
        state = ListingState.of(info)
        for problem in map(mask_query_secrets, state.problems):  # as the note keeps them
            lines.append(f"  why: {for_terminal(why(problem))}")
            shown.add(for_terminal(problem))
        if state.browser_hint:  # crawler/extract/scripted.py saw a list a browser builds
            lines.append(f"  hint: {for_terminal(url)}: {for_terminal(state.browser_hint)}")
    # The note joins the problems with what else the crawl said: only the rest is new here.
    note = "; ".join(part for part in (crawl.get("note") or "").split("; ") if part not in shown)
    if note:
        lines.append(f"  note: {note}")
    if crawl["status"] != "complete":
        lines.append("  Entries missing from an incomplete listing are NOT marked removed.")
    return mask_query_secrets("\n".join(lines))  # a start URL's ?token= is the crawl's to send, not to show


def entries_table(entries: list[dict]) -> str:
    width = shutil.get_terminal_size((120, 20)).columns
    title_width = max(30, width - 60)
    lines = [f"{'#':>3} {'group':<10} {'date':<23} {'title':<{title_width}} organisers"]
    for e in terminal_clean(entries):
        title = textwrap.shorten(e.get("title") or "", title_width, placeholder="…")
        organisers = "; ".join(e.get("organisers") or [])
        lines.append(f"{e.get('position') or '':>3} {_group(e):<10} {_when(e):<23} {title:<{title_width}} {organisers}")
    return "\n".join(lines)


def _group(e: dict) -> str:
    """The group's month, else its heading cut to the column: the position starts again in each group."""
    group = e.get("group_month") or e.get("group") or ""
    return group if len(group) <= 10 else group[:9] + "…"


def _when(e: dict) -> str:
    when = e.get("date_start") or ""
    if e.get("date_end") and e.get("date_end") != when:
        when = f"{when}..{e['date_end']}"
    return when


def search_table(hits: list[dict]) -> str:
    """Search hits: rank, entry id, whether still listed, date and title, then the link on its own line."""
    width = shutil.get_terminal_size((120, 20)).columns
    id_width = max([8, *(len(h.get("entry_id") or "") for h in hits)])
    id_width = min(id_width, 40)
    title_width = max(30, width - id_width - 36)
    lines = [f"{'rank':>4}  {'entry_id':<{id_width}}  {'status':<7}  {'date':<10}  title / link"]
    for h in terminal_clean(hits):
        eid = textwrap.shorten(h.get("entry_id") or "", id_width, placeholder="…")
        title = textwrap.shorten(h.get("title") or "", title_width, placeholder="…")
        lines.append(
            f"{h.get('rank', ''):>4}  {eid:<{id_width}}  {h.get('status') or '':<7}  "
            f"{(h.get('date_start') or '')[:10]:<10}  {title}"
        )
        lines.append(f"{'':>4}  {'':<{id_width}}  {'':<7}  {'':<10}  {h.get('url') or '(no link)'}")
    return "\n".join(lines)


def crawls_table(rows: list[dict]) -> str:
    """The crawls, newest first, under a header; a reparse says so, and a crawl that did not complete says why."""
    head = (
        f"{'crawl':<6} {'started (UTC)':<25} {'kind':<7} {'status':<9} {'pages':>5} {'entries':>7} "
        f"{'new':>5} {'changed':>7} {'removed':>7} {'restored':>8} {'errors':>6}"
    )
    lines = [head]
    for c in terminal_clean(rows):
        status = c["status"] + ("*" if c.get("suspect") else "")
        lines.append(
            f"#{c['id']:<5} {c['started_at']:<25} {c.get('source') or 'site':<7} {status:<9} "
            f"{c['pages']:>5} {c['entries']:>7} "
            f"{c['new']:>5} {c['changed']:>7} {c['removed']:>7} {c['restored']:>8} {c['errors']:>6}"
        )
        note = _row_note(c)
        if note:
            lines.append(f"{'':<6} {textwrap.shorten(note, 110, placeholder='…')}")
    if any(c.get("suspect") for c in rows):
        lines.append("* suspect: the health checks failed; nothing was marked removed on its strength")
    return "\n".join(lines)


def _row_note(crawl: dict) -> str | None:
    """A crawl's note under its row: whole when it did not complete, was suspect or a reparse; for a complete
    crawl only what says why it removed none of some entries it missed (held back at a page seam)."""
    note = mask_query_secrets(crawl.get("note"))  # it may name a start URL, ?token= and all
    if not note or crawl["status"] != "complete" or crawl.get("suspect") or crawl.get("source") == "reparse":
        return note
    return "; ".join(part for part in note.split("; ") if HELD_BACK_SAYS in part) or None


def history_text(result: dict) -> str:
    result = terminal_clean(result)
    entry = result["entry"]
    lines = [
        f"{entry['entry_id']}: {entry['title']}",
        f"  {entry['url'] or ''}",
        f"  status {entry['status']}, {len(result['versions'])} version(s), "
        f"first seen {entry['first_seen']}, last seen {entry['last_seen']}",
    ]
    for v in result["versions"]:
        origin = " (parser change)" if v["source"] == "reparse" else ""
        if v["version"] == 1:
            lines.append(f"  v1  {v['seen_at']}  crawl #{v['crawl_id']}{origin}: first seen")
            continue
        lines.append(
            f"  v{v['version']}  {v['seen_at']}  crawl #{v['crawl_id']}{origin}: {', '.join(v['changed_fields'])}"
        )
        for field, (old, new) in v["changes"].items():
            lines.append(f"        {field}: {old!r} -> {new!r}")
    for ev in result["events"]:
        if ev["kind"] in ("removed", "restored"):
            lines.append(f"  {ev['kind']} {ev['at']} (crawl #{ev['crawl_id']})")
    return "\n".join(lines)
