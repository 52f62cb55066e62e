"""What a crawl ends in, for the runner and the coordinator alike: its log's place, its summary and
notifications (report), its row closed as failed when its writes failed, and its exit status."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from crawler.errors import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, EXIT_SUSPECT

from .notify import message_for, send
from .store import Archive, now
from .summary import crawl_summary

# Worst first: the exit status of several crawls is that of the worst one.
SEVERITY = (EXIT_FAILED, EXIT_SUSPECT, EXIT_PARTIAL, EXIT_OK)


def worst(codes) -> int:
    return min(codes, key=lambda c: SEVERITY.index(c) if c in SEVERITY else -1)


def log_stem(plan) -> Path:
    """Where this crawl's log goes, without its suffix: logs/ beside the archive unless --log-dir says."""
    logs = Path(plan.log_dir or Path(plan.db).resolve().parent / "logs")
    logs.mkdir(parents=True, exist_ok=True)
    return logs / f"crawl-{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{os.getpid()}"


def report(plan, crawl_id: int | None, result: dict, error: str | None, log_file) -> dict | None:
    """After a crawl, local or distributed: close it as failed if its writes failed, print its
    summary, send the notifications; returns its row (None when it never started)."""
    if error and crawl_id:
        close_unfinished(plan.db, crawl_id, error)
    with Archive(plan.db, readonly=True) as archive:
        crawl_row = archive.crawl(crawl_id) if crawl_id else None
        if crawl_row and crawl_row["status"] == "running":  # the archive was still locked: say what it is
            crawl_row.update(status="failed", note=f"archive write failed: {error}")
        print(crawl_summary(archive.conn, crawl_row, result))
        if error:
            print(f"  ARCHIVE WRITE FAILED: {error}. The crawl is failed; nothing was marked removed.")
        print(f"  log: {log_file}", flush=True)
        message = message_for(archive.conn, crawl_row) if crawl_row and plan.notify else None
    if message:
        send(plan.notify, *message)
    return crawl_row


def close_unfinished(db: str, crawl_id: int, error: str) -> None:
    """A crawl whose archive writes failed could not close itself: close it as failed now, with the
    reason, if the archive lets us (else the next crawl marks it failed)."""
    try:
        conn = sqlite3.connect(db, timeout=2, isolation_level=None)
        try:
            conn.execute(
                "UPDATE crawls SET status='failed', finished_at=?, note=? WHERE id=? AND status='running'",
                (now(), f"archive write failed: {error}; nothing was marked removed", crawl_id),
            )
        finally:
            conn.close()
    except sqlite3.Error:
        pass  # still locked or full: the summary says FAILED all the same


def exit_status(crawl_row: dict | None) -> int:
    """complete 0, partial 3, suspect 5; failed, or never closed (the archive could not be written), 4."""
    if crawl_row and crawl_row.get("suspect") and crawl_row["status"] != "failed":
        return EXIT_SUSPECT
    status = crawl_row["status"] if crawl_row else "failed"
    return {"complete": EXIT_OK, "partial": EXIT_PARTIAL}.get(status, EXIT_FAILED)
