"""`learn`: a site profile from a page and one or more example titles (crawler.extract.learn_site)."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import click

from crawler.wording import counted

from .common import (
    friendly_errors,
    refuse_folder_as_output,
    refuse_missing_folder,
    refuse_replacing,
    refuse_sqlite_output,
    whole_or_nothing,
)

SHOWN = 10  # entries printed for the user to check before crawling


@click.command()
@click.argument("page")
@click.option(
    "--url",
    default=None,
    help="The address the page was saved from (default: PAGE, where it leads, when PAGE is a URL).",
)
@click.option(
    "--example",
    "examples",
    multiple=True,
    required=True,
    metavar="TITLE",
    help="The title of one entry of the list, as the page shows it (repeat for more), e.g. --example 'Annual report'.",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(),
    metavar="PROFILE.toml",
    help="Where the profile goes, e.g. -o mysite.toml ('-': printed, the entries it reads then go to stderr).",
)
@click.option("--force", is_flag=True, help="Replace the -o file if it exists (and is not empty), even a profile.")
@friendly_errors
def learn(page, url, examples, output, force):
    """Learn a site profile from a listing page and the title of one of its entries.

    PAGE is a saved file or an http(s) address (fetched once, as a crawl would: robots.txt obeyed).
    The profile is written to PROFILE.toml and the entries it reads are printed, so they can be
    checked before `crawl --profile PROFILE.toml`.

    \b
    Example:
      listing-archive learn saved.html --url https://example.org/news/ --example "Annual report 2023" -o news.toml
      listing-archive learn https://example.org/news/ --example "Annual report 2023" -o news.toml
    """
    from crawler.credentials import QuerySecrets, split_credentials
    from crawler.entries import build_entries
    from crawler.extract import extract_page
    from crawler.extract.learn import LearnError
    from crawler.extract.learn_site import learn_profile

    target = None if output == "-" else Path(output)
    if target is not None:
        _check_output(target)
        refuse_folder_as_output(output)  # `-o reports/`, not there: Path() dropped its slash, wrote `reports`
        _not_the_page(target, page)
        refuse_replacing(output, force)  # even a profile learn wrote: the user may have edited it since
    # A user:password@ in an address is sent as basic auth when fetching, and never printed or written.
    page, page_login = split_credentials(page) if page.startswith(("http://", "https://")) else (page, None)
    url, _ = split_credentials(url) if url else (url, None)
    body, url = _read_page(page, url, page_login)
    try:
        learned = learn_profile(body, url, list(examples), page)
    except LearnError as exc:
        raise click.ClickException(str(exc)) from None
    entries = build_entries(extract_page(body, url, learned.profile), url, url, learned.profile)
    secrets = QuerySecrets([page, url])  # a `?token=` is sent, but written and printed as a crawl does: `token=***`
    if target is None:
        click.echo(secrets.hide(learned.text), nl=False)  # the profile alone on stdout: `learn ... -o - > p.toml`
    else:
        _write(target, secrets.hide(learned.text), force)
    _show(learned.selectors, [secrets.hide_entry(e) for e in entries], target, secrets.hide(url))


def _check_output(target: Path) -> None:
    """-o is never anything but a regular file, even with --force (a directory, a device such as /dev/null,
    a pipe would take the profile nowhere), in a folder that is there and writable."""
    refuse_missing_folder(str(target))
    if target.exists() and not target.is_file():
        raise click.ClickException(f"{target} is not a regular file (a folder, a device or a pipe): give another -o")
    if not os.access(target if target.exists() else target.parent, os.W_OK):
        where = target if target.exists() else f"the folder {target.parent}"
        raise click.ClickException(f"cannot write {where} (permission denied): give another -o")


def _not_the_page(target: Path, page: str) -> None:
    """Not even --force replaces the page being learnt from, nor an archive (SQLite), with a profile."""
    if target.exists() and os.path.exists(page) and os.path.samefile(target, page):
        raise click.ClickException(f"{target} is the page to learn from: give another -o")
    refuse_sqlite_output(str(target))


def _write(target: Path, text: str, force: bool) -> None:
    """The profile whole or not at all, as an export is written (a full disk leaves the file there before
    as it was; a symlinked profile stays a link, its file replaced); without --force, not over a file
    written meanwhile either."""
    try:
        with whole_or_nothing(str(target), replace=force) as stream:
            stream.write(text)
    except OSError as exc:
        raise click.ClickException(f"cannot write {target}: {exc.strerror or exc}") from None


def _read_page(page: str, url: str | None, login: tuple[str, str] | None) -> tuple[bytes, str]:
    """The page's bytes and its address: a saved file (then --url is needed) or a URL, fetched once."""
    from crawler.files import PAGE_FILE_LIMIT, as_page, holds_binary, read_regular_file
    from crawler.origins import redact
    from crawler.polite_fetch import FetchError, fetch_page

    from ..reports.safety import for_terminal

    if url is not None and (not url.startswith(("http://", "https://")) or not url.isprintable() or " " in url):
        raise click.ClickException(
            f"--url must be an http(s) address (no spaces or control characters), not {redact(url)!r}"
        )
    if page.startswith(("http://", "https://")):
        try:
            body, final = fetch_page(page, login)
        except FetchError as exc:  # its words may be the server's (an HTTP reason phrase): no escapes
            raise click.ClickException(for_terminal(redact(str(exc)))) from None  # a `?token=` as `token=***`
        return body, url or final
    if not os.path.lexists(page):
        raise click.ClickException(f"no page at {page}: give a saved HTML file or an http(s) address")
    if not url:
        raise click.ClickException(f"give the address {page} was saved from: --url URL (links are resolved against it)")
    body = read_regular_file(page, "page", PAGE_FILE_LIMIT, click.ClickException)  # no FIFO, no 2 GB file
    if not body.strip():
        raise click.ClickException(f"{page} is empty: nothing to learn from")
    if holds_binary(body):
        raise click.ClickException(f"{page} is not an HTML page (it holds binary data)")
    return as_page(body), url


def _show(selectors: dict, entries: list[dict], target: Path | None, url: str) -> None:
    """What the profile reads, for the user to check: on stdout, or on stderr when stdout holds the profile."""
    from ..reports.safety import terminal_clean

    def say(line: str) -> None:
        click.echo(line, err=target is None)

    where = terminal_clean(str(target)) if target is not None else "the profile"
    say(f"wrote {where}: " + ", ".join(f"{k} = {v!r}" for k, v in terminal_clean(selectors).items()))
    say(f"the profile reads {counted(len(entries), 'entry')} on this page; the first {min(SHOWN, len(entries))}:")
    # Numbered in page order: an entry's position restarts under each group heading (a day's rows).
    for number, e in enumerate(terminal_clean(entries[:SHOWN]), 1):
        when = e.get("date_start") or "-"
        if e.get("date_end") and e["date_end"] != e.get("date_start"):
            when += f"..{e['date_end']}"
        say(f"{number:>3}. {when:<22} {e.get('title')}")
        say(f"     {e.get('url') or '(no link)'}")
    # The profile's absolute path: a crawl records it, and `reparse` finds it again from any folder.
    named = shlex.quote(terminal_clean(str(target.resolve()))) if target is not None else "PROFILE.toml"
    start = shlex.quote(terminal_clean(url))
    say(f"check them, then: listing-archive crawl listing --profile {named} --start-url {start}")


COMMANDS = [learn]
