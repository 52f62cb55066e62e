"""Notifications through Apprise URLs (e-mail, Slack, Matrix, ...): the report of new
entries after a complete crawl, an alert after a failed or suspect one."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def message_for(conn, crawl: dict) -> tuple[str, str]:
    """(title, markdown body) for a finished crawl."""
    from .diff import DiffError, diff
    from .reports import render

    if crawl["status"] == "complete" and not crawl.get("suspect"):
        prev = conn.execute(
            "SELECT * FROM crawls WHERE id < ? AND status='complete' AND source='site' ORDER BY id DESC LIMIT 1", (crawl["id"],)
        ).fetchone()
        try:
            report = diff(conn, dict(prev) if prev else None, crawl, only={"new"})
        except DiffError as exc:
            return f"listing-archive: crawl #{crawl['id']} complete", str(exc)
        return f"listing-archive: {report['counts']['new']} new entries (crawl #{crawl['id']})", render(report, "markdown")
    state = "SUSPECT" if crawl.get("suspect") else crawl["status"].upper()
    body = f"Crawl #{crawl['id']} ({crawl['spider']}) finished {state}: {crawl['pages']} pages, {crawl['entries']} entries, {crawl['errors']} page errors.\n\n"
    body += (crawl.get("note") or "") + "\n\nNothing was marked removed on the strength of this crawl."
    return f"listing-archive ALERT: crawl #{crawl['id']} {state}", body


def send(urls: list[str], title: str, body: str) -> bool:
    """Send to every Apprise URL; a failure is logged, never raised (the crawl is what matters)."""
    if not urls:
        return True
    try:
        import apprise
    except ImportError:
        log.warning("notifications need the apprise package")
        return False
    sender = apprise.Apprise()
    for url in urls:
        if not sender.add(url):
            log.warning("not a notification URL Apprise understands: %s", url.split("://")[0] + "://…")
    ok = bool(sender) and sender.notify(title=title, body=body, body_format=apprise.NotifyFormat.MARKDOWN)
    if not ok:
        log.warning("a notification could not be sent")
    return ok
