"""Commands that work from saved pages, without the network: parse, reparse."""

from __future__ import annotations

import json
import os
import signal
import sys
from contextlib import contextmanager

import click

from crawler.errors import EXIT_PARTIAL
from crawler.wording import counted

from .common import CRAWL_ID, DB_OPTION, friendly_errors, is_tty, not_empty, open_writer

# Each command imports the archive code it runs in its own body: `listing-archive --help` and the
# other commands load none of it (the store alone is some 80 modules; the crawl's stack, Scrapy).


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--url", required=True, help="The address the page was saved from (links are resolved against it).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help="jsonl (one entry a line) or table, e.g. --format table.",
)
@click.option(
    "--profile",
    default=None,
    callback=not_empty,  # `--profile "$P"` with P unset read the page with the default profile
    metavar="NAME|auto|FILE.toml",
    help="Site profile; default: the bundled profile for the URL's site, else auto.",
)
@click.option(
    "--feed",
    "feed_file",
    default=None,
    type=click.Path(exists=True, dir_okay=False),
    metavar="FEEDFILE",
    help="The site's RSS/Atom feed, saved: confirms entries and fills missing titles and dates, e.g. --feed feed.xml.",
)
@friendly_errors
def parse(file, url, fmt, profile, feed_file):
    """Parse a saved listing page offline and print its entries.

    \b
    Example:
      listing-archive parse saved.html --url https://www.ilo.org/asia/countries/lao-peoples-democratic-republic/facet/lang--en/index.htm
      listing-archive parse other.html --url https://example.org/news/ --profile auto --format table
      listing-archive parse news.html --url https://example.org/news/ --feed feed.xml
    """
    from crawler.credentials import QuerySecrets, split_credentials
    from crawler.entries import build_entries
    from crawler.extract import extract_page
    from crawler.extract.profiles import choose_profile
    from crawler.files import PAGE_FILE_LIMIT, as_page, holds_binary, read_regular_file
    from crawler.validation import checked_entry

    _check_page_url(url)
    url, _ = split_credentials(url)  # as learn and crawl do: a user:password@ is never printed (nothing is fetched)
    body = read_regular_file(file, "page", PAGE_FILE_LIMIT)
    if not body.strip():
        raise click.ClickException(f"{file} is empty: nothing to parse")
    if holds_binary(body):
        raise click.ClickException(f"{file} is not an HTML page (it holds binary data)")
    body = as_page(body)
    chosen = choose_profile(profile, url)
    page = extract_page(body, url, chosen or "auto")
    entries = [e for e in map(checked_entry, build_entries(page, url, url, chosen)) if e is not None]
    if feed_file:
        entries = _with_feed(entries, _read_feed(feed_file, read_regular_file(feed_file, "feed", PAGE_FILE_LIMIT)))
    secrets = QuerySecrets([url])  # --url's `?token=` shown as a crawl shows it: `token=***`
    _show(page, [secrets.hide_entry(e) for e in entries], fmt, [secrets.hide(link) for link in page.page_links])


def _show(page, entries: list[dict], fmt: str, page_links: list[str]) -> None:
    """The entries as JSON lines or a table; scraped text reaches a terminal cleaned, as export's does."""
    from ..reports.safety import for_terminal, terminal_clean
    from ..summary import entries_table

    if fmt == "jsonl":
        for e in terminal_clean(entries) if is_tty(sys.stdout) else entries:
            click.echo(json.dumps(e, ensure_ascii=False))
        return
    click.echo(
        f"{for_terminal(page.title or '(no page heading)')} — {counted(len(entries), 'entry')}, "
        f"extractor: {page.extractor}, language: {for_terminal(page.language or '?')}"
    )
    click.echo(entries_table(entries))
    if page_links:
        click.echo("pages: " + " ".join(map(for_terminal, page_links)))


def _check_page_url(url: str) -> None:
    """--url must be the page's http(s) address: links resolve against it (else every entry is dropped, unsaid)."""
    from ..runner import PlanError, _check_urls

    try:
        _check_urls([url])
    except PlanError as exc:
        raise click.BadParameter(str(exc).removeprefix("--start-url: "), param_hint="--url") from None


def _read_feed(feed_file: str, feed: bytes) -> bytes:
    """The saved feed's bytes; anything feedparser cannot name as RSS or Atom (an HTML page saved by mistake,
    an empty file) is refused, else it reads as a feed of 0 items and the page goes unconfirmed, unsaid."""
    import feedparser

    try:
        version = feedparser.parse(feed).get("version") if feed.strip() else None
    except Exception:  # a hostile file must give the one line below, not a traceback
        version = None
    if not version:
        raise click.ClickException(f"{feed_file} is not an RSS or Atom feed: give --feed the site's saved feed")
    return feed


def _with_feed(entries: list[dict], feed: bytes) -> list[dict]:
    from crawler.extract.feed import feed_entries, reconcile

    entries, report = reconcile(entries, feed_entries(feed))
    click.echo(
        f"feed: {counted(report['feed'], 'item')}, {report['matched']} match the page's "
        f"{counted(report['html'], 'entry')}; "
        f"titles filled {report['titles_filled']}, dates filled {report['dates_filled']}",
        err=True,
    )
    if report["html_short"]:
        click.echo("feed: the page shows far fewer entries than its feed: the extractor may have missed some", err=True)
    return entries


@click.command()
@DB_OPTION
@click.option(
    "--crawl",
    "crawl_id",
    type=CRAWL_ID,
    default=None,
    help="Reparse this crawl's captures (default: the latest complete crawl), e.g. --crawl 7.",
)
@friendly_errors
def reparse(db, crawl_id):
    """Re-run today's parsers over stored captures, without the network.

    Versions it produces are recorded as a parser change, not a change on the site.

    \b
    Example:
      listing-archive reparse --db archive.db
    """
    from ..locking import archive_lock
    from ..reparse import reparse as run_reparse
    from .admin import _check_writable, _schema_of

    _schema_of(db)  # an archive, before its lock file is made beside it (a missing or bad --db left one behind)
    _check_writable(db, "reparse")
    with archive_lock(db), open_writer(db) as archive, _stop_signals() as stopped:  # locked: exit 75
        result = run_reparse(archive, crawl_id, stopped=stopped)
    if result.get("stopped"):
        click.echo(
            f"reparse #{result['id']} stopped by {result['stopped']} after {result['read']} of {result['stored']} "
            "stored pages: what it read is recorded (as a parser change), its crawl closed partial; reparse again "
            "to read them all"
        )
        raise SystemExit(EXIT_PARTIAL)
    rendered = f" ({result['rendered']} of them rendered by a browser)" if result.get("rendered") else ""
    click.echo(
        f"reparse #{result['id']}: {counted(result['entries'], 'entry')} from "
        f"{counted(result['pages'], 'stored page')}{rendered}: "
        f"new {result['new']}, changed {result['changed']} "
        f"({result.get('pages_per_s', 0):.0f} pages/s on {os.cpu_count() or 1} cores)"
    )
    for said in ("unfinished_note", "held_note", "feed_note"):
        if result.get(said):
            click.echo(result[said])
    if result.get("suspect"):  # the health checks judge what today's parsers read, as after a crawl
        click.echo(f"SUSPECT: {result.get('note')}")


@contextmanager
def _stop_signals():
    """While a reparse runs: Ctrl-C (any number) or SIGTERM asks it to stop after the page in hand;
    yields what to ask for the reason ("SIGINT") or None."""
    received: list[str] = []

    def on_signal(signum, _frame):
        received.append(signal.Signals(signum).name)

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield lambda: received[0] if received else None
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


COMMANDS = [parse, reparse]
