"""Notifications through Apprise URLs (e-mail, Slack, Matrix, ...): after a complete crawl,
every new, changed (each field before and after), removed and restored entry by title and
link, with the counts in the title; an alert after a failed or suspect crawl.

The body is a report format from the registry (archive.reports) that a notification can
carry (text, markdown, html); long lists end with "and N more" and the command for the
full report.
"""

from __future__ import annotations

import html
import logging

from crawler.wording import counted

from .diff import DiffError, diff
from .queries import latest_complete_crawl
from .reports import get_format, render
from .reports.safety import for_html, md_text, without_mentions

log = logging.getLogger(__name__)

NOTIFY_FORMAT = "markdown"
NOTIFY_LIMIT = 15  # entries of each kind named in a notification


def message_for(conn, crawl: dict, fmt: str = NOTIFY_FORMAT, limit: int = NOTIFY_LIMIT) -> tuple[str, str]:
    """(title, body) for a finished crawl, the body in report format `fmt`; a scraped `@everyone` in either
    pings no one (a chat would read it as a mention)."""
    title, body = _message(conn, crawl, fmt, limit)
    return without_mentions(title), without_mentions(body)


def _message(conn, crawl: dict, fmt: str, limit: int) -> tuple[str, str]:
    if not get_format(fmt).notify_as:
        raise ValueError(f"a notification cannot be sent as {fmt!r}")
    if crawl["status"] == "complete" and not crawl.get("suspect"):
        previous = latest_complete_crawl(conn, before=crawl["id"])
        frm = previous[0] if previous else None
        try:
            report = diff(conn, frm, crawl)
        except DiffError as exc:
            return f"listing-archive: crawl #{crawl['id']} complete", _escaped(str(exc), fmt)
        c = report["counts"]
        counts = (
            (
                f"{c['new']} new {'entry' if c['new'] == 1 else 'entries'}, {c['changed']} changed, "
                f"{c['removed']} removed, {c['restored']} restored"
            )
            if any(c.values())
            else "nothing new, changed or removed"
        )
        hint = (
            f"listing-archive diff --from {frm['id']} --to {crawl['id']}"
            if frm
            else f"listing-archive diff --to {crawl['id']}"
        )
        return f"listing-archive: {counts} (crawl #{crawl['id']})", render(report, fmt, limit=limit, more_hint=hint)
    state = "SUSPECT" if crawl.get("suspect") else crawl["status"].upper()
    note = _escaped(crawl.get("note") or "", fmt)  # it quotes scraped links
    body = (
        f"Crawl #{crawl['id']} ({_escaped(crawl['spider'], fmt)}) finished {state}: "
        f"{counted(crawl['pages'], 'page')}, {counted(crawl['entries'], 'entry')}, "
        f"{counted(crawl['errors'], 'page error')}.\n\n{note}\n\n"
        "Nothing was marked removed on the strength of this crawl."
    )
    return f"listing-archive ALERT: crawl #{crawl['id']} {state}", body


def _escaped(text: str, fmt: str) -> str:
    """`text` as the body's format shows it literally, as the reports escape what they interpolate."""
    kind = get_format(fmt).notify_as
    if kind == "html":
        return html.escape(for_html(text))
    return md_text(text) if kind == "markdown" else text


def shown(url: str) -> str:
    """A notification URL as a message may show it: its scheme only (the rest may hold a password)."""
    return url.split("://")[0] + "://…" if "://" in url else repr(url)


def refused_urls(urls: list[str]) -> list[str]:
    """The URLs Apprise does not understand, checked before a crawl (it only parses them: nothing is sent)."""
    if not urls:
        return []
    try:
        import apprise  # optional, and ~190 modules: loaded only to check or send
    except ImportError:
        raise ValueError("--notify needs the apprise package (pip install apprise)") from None
    return [url for url in urls if not apprise.Apprise().add(url)]


def send(urls: list[str], title: str, body: str, fmt: str = NOTIFY_FORMAT) -> bool:
    """Send to every Apprise URL; a failure is logged, never raised (the crawl is what matters)."""
    if not urls:
        return True
    try:
        import apprise  # optional, and ~190 modules: loaded only to check or send
    except ImportError:
        log.warning("notifications need the apprise package")
        return False

    body_format = {"text": apprise.NotifyFormat.TEXT, "html": apprise.NotifyFormat.HTML}.get(
        get_format(fmt).notify_as or "markdown", apprise.NotifyFormat.MARKDOWN
    )
    sender = apprise.Apprise()
    for url in urls:
        if not sender.add(url):
            log.warning("not a notification URL Apprise understands: %s", shown(url))
    ok = bool(sender) and sender.notify(title=title, body=body, body_format=body_format)
    if not ok:
        log.warning("a notification could not be sent")
    return ok
