"""Commands that only read the archive: export, history, search, crawls, schema, export-warc, serve.

Each opens the archive read-only (a read-only copy or folder works; nothing is migrated).
"""

from __future__ import annotations

import functools
import json
import sys

import click

from crawler.wording import counted

from ..exports import EXPORT_FORMATS, write_csv
from ..reports.safety import for_terminal, terminal_clean
from .common import (
    CRAWL_ID,
    DB_OPTION,
    FORCE_OPTION,
    check_listing,
    friendly_errors,
    is_tty,
    limit_option,
    not_empty,
    open_reader,
    quiet_after_broken_pipe,
    refuse_archive_as_output,
    refuse_missing_folder,
    refuse_replacing,
    sigterm_unwinds,
    whole_or_nothing,
)

# Each command imports the archive code it runs in its own body: `listing-archive --help` and the
# other commands load none of it (the store alone is some 80 modules; the crawl's stack, Scrapy).

# FTS5's operator words: in a plain-words query they are words, which the user should hear about.
FTS_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def quiet_broken_pipe(func):
    """`listing-archive export | head` ends quietly: a reader that stops reading is no error."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            result = func(*args, **kwargs)
            sys.stdout.flush()
            return result
        except BrokenPipeError:
            quiet_after_broken_pipe()

    return wrapper


def echo_data(text: str) -> None:
    """Data (JSON, Markdown, HTML...) on standard output; on a terminal, without control characters
    (JSON escapes C0 controls but not C1 ones, and HTML or Markdown escape neither)."""
    click.echo(for_terminal(text) if is_tty(sys.stdout) else text, nl=False)


@click.command()
@DB_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(EXPORT_FORMATS)),
    default="jsonl",
    show_default=True,
    help="One of the registered export formats (archive/exports.py), e.g. --format csv.",
)
@click.option(
    "--as-of",
    default=None,
    callback=not_empty,
    metavar="DATE",
    help="The archive as it stood at this date (YYYY-MM-DD: the start of that day, UTC; or an ISO date-time).",
)
@click.option("--include-removed", is_flag=True, help="Include entries no longer listed (with status 'removed').")
@click.option(
    "--raw-csv",
    is_flag=True,
    help="With --format csv: cells exactly as scraped, even those a spreadsheet would run as a formula "
    "(by default a cell starting with = + - @, tab or CR gets a leading ').",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="Write here instead of standard output (a file that exists only with --force; it is replaced once "
    "the export is whole).",
)
@FORCE_OPTION
@friendly_errors
@quiet_broken_pipe
def export(db, fmt, as_of, include_removed, raw_csv, output, force):
    """Export the archive's entries, as they stand now or at a date.

    \b
    Examples:
      listing-archive export --format csv -o entries.csv
      listing-archive export --format jsonl --as-of 2023-03-03 --include-removed
    """
    from ..queries import export_rows

    if raw_csv and fmt != "csv":
        raise click.UsageError("--raw-csv goes with --format csv")
    write = functools.partial(write_csv, raw=True) if raw_csv else EXPORT_FORMATS[fmt].write
    refuse_archive_as_output(output, db)
    refuse_replacing(output, force)
    with open_reader(db) as archive:
        rows = export_rows(archive.conn, as_of, include_removed)  # a bad --as-of refused before any output is opened
        with whole_or_nothing(output, replace=force) as out:
            if is_tty(out):  # scraped text shown on a terminal: no control character reaches it
                rows = (terminal_clean(row) for row in rows)
            write(rows, out)


@click.command()
@click.argument("entry")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@friendly_errors
@quiet_broken_pipe
def history(entry, db, fmt):
    """Every version of one entry, oldest first, with what changed.

    ENTRY is an entry id, a document number (WCMS_865548) or the entry's URL. A number or URL that several
    entries share (entries of one page told apart, WCMS_865548#…) lists their ids and titles and exits 1.

    \b
    Example:
      listing-archive history WCMS_865548 --format json
    """
    from ..queries import history as entry_history
    from ..summary import history_text

    with open_reader(db) as archive:
        result = entry_history(archive.conn, entry)
    if fmt == "json":
        data = {"entry": result["entry"], "versions": result["versions"], "events": result["events"]}
        echo_data(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        click.echo(history_text(result))  # history_text makes every value safe for a terminal


@click.command()
@click.argument("query")
@DB_OPTION
@click.option(
    "--since",
    default=None,
    callback=not_empty,
    metavar="DATE",
    help="Entries dated (or first seen) on or after this date (its start, UTC).",
)
@click.option(
    "--until",
    default=None,
    callback=not_empty,
    metavar="DATE",
    help="Entries dated (or first seen) up to this date; a day, month or year includes all of it.",
)
@click.option(
    "--organiser",
    default=None,
    callback=not_empty,
    metavar="NAME",
    help="Only entries whose organisers include NAME (as written: % and _ are plain characters).",
)
@click.option("--listing", default=None, callback=not_empty, metavar="URL", help="Only entries seen on this listing.")
@limit_option(50, "At most this many results (1 to 100,000), e.g. --limit 10.")
@click.option(
    "--raw", is_flag=True, help='QUERY is FTS5 syntax (AND, OR, NOT, "phrases", prefix*, NEAR(...)), passed through.'
)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@friendly_errors
@quiet_broken_pipe
def search(query, db, since, until, organiser, listing, limit, raw, fmt):
    """Full-text search over titles, descriptions and organisers, best matches first.

    QUERY is plain words: an entry matches when it holds every word, in any order
    (punctuation separates words, so COVID-19 and Lao-PDR work as written; OR and NOT
    are words). With --raw, QUERY is FTS5 syntax, e.g. 'workshop OR seminar'.

    \b
    Examples:
      listing-archive search "migrant workers" --since 2022-01 --organiser ILO
      listing-archive search --raw 'workshop OR seminar NOT cancelled'
    """
    from ..queries import search as run_search
    from ..summary import search_table

    operators = sorted({w for w in query.split() if w in FTS_OPERATORS})
    if operators and not raw:  # "workshop OR law" would silently look for the word "OR"
        click.echo(f"note: {', '.join(operators)} read as plain words; add --raw to use them as operators", err=True)
    with open_reader(db) as archive:
        listing = check_listing(archive.conn, listing)
        found = run_search(archive.conn, query, since, until, organiser, listing, limit, raw=raw)
    if fmt == "jsonl":
        for e in found:
            echo_data(json.dumps(e, ensure_ascii=False) + "\n")
    else:
        click.echo(search_table(found) if found else "no matches")


# A crawl marked running whose process has exited: `crawls` says so instead of "running" for ever.
DIED = "its process is gone (killed, or the machine stopped) before it finished: the next crawl marks it failed"


@click.command()
@DB_OPTION
@limit_option(20, "How many crawls, newest first, e.g. --limit 5.")
@friendly_errors
@quiet_broken_pipe
def crawls(db, limit):
    """The latest crawls, with status and counts; site crawls and reparses told apart.

    \b
    Example:
      listing-archive crawls --limit 5
    """
    from ..locking import writer_gone
    from ..queries import crawls as list_crawls
    from ..summary import crawls_table

    with open_reader(db) as archive:
        rows = list_crawls(archive.conn, limit)
    if any(row["status"] == "running" for row in rows) and writer_gone(db):
        for row in rows:  # its process is gone: it will never finish, whatever its row says
            if row["status"] == "running":
                row["status"], row["note"] = "died", DIED
    click.echo(crawls_table(rows) if rows else f"no crawls in {for_terminal(db)} yet: run `listing-archive crawl`")


@click.command(name="export-warc")
@DB_OPTION
@click.option(
    "-o",
    "--output",
    default="captures.warc.gz",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The WARC file to write; - for standard output.",
)
@click.option("--crawl", "crawl_id", type=CRAWL_ID, default=None, help="Only this crawl's captures, e.g. --crawl 7.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@friendly_errors
def export_warc_command(db, output, crawl_id, force):
    """Write the stored pages as a WARC file (gzip), for web-archive tools.

    \b
    Example:
      listing-archive export-warc -o lao.warc.gz
    """
    from crawler.errors import EXIT_PARTIAL

    from ..locking import writer_gone
    from ..record import rendered_captures
    from ..warc import WARC_RENDERED, write_warc_file

    refuse_archive_as_output(output, db)  # --force never replaces the archive's -wal or -shm either
    refuse_missing_folder(output)
    with open_reader(db) as archive, sigterm_unwinds():  # a stopped export leaves no file
        # read before writing: a crawl that ends while its file is written is still missing its last captures
        running = [  # the crawl asked for, or (the whole archive) any crawl, still marked running
            row[0]
            for row in archive.conn.execute("SELECT id FROM crawls WHERE status = 'running' ORDER BY id")
            if crawl_id is None or row[0] == crawl_id
        ]
        count = write_warc_file(archive, output, crawl_id, force)
        rendered = rendered_captures(archive.conn, crawl_id)
    said = f" ({rendered} rendered by a browser: their body is its DOM, marked {WARC_RENDERED})" if rendered else ""
    where = "standard output" if output == "-" else output
    click.echo(f"wrote {counted(count, 'record')} to {where}{said}", err=output == "-")  # not into the WARC
    if running:  # its WARC holds only what it had stored: say so, and exit as a partial crawl does
        why = (
            "died (its process is gone)"
            if writer_gone(db)
            else "is still running: export it again with --force once it ends"
        )
        click.echo(f"crawl {running[-1]} {why}; the file holds its captures so far", err=True)
        sys.exit(EXIT_PARTIAL)


@click.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on, e.g. --host 0.0.0.0.")
@click.option(
    "--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="The port (0: any free one)."
)
@friendly_errors
def serve(db, host, port):
    """Browse the archive in Datasette, read-only, with search and stored queries.

    \b
    Example:
      listing-archive serve --db archive.db --port 8001
    """
    from ..serve import AddressUnavailable
    from ..serve import serve as run_serve

    open_reader(db).close()
    try:
        code = run_serve(db, host, port)  # the address is tried before anything is printed
    except AddressUnavailable as exc:
        if exc.option == "--host":
            raise click.BadParameter(str(exc), param_hint="--host") from None
        raise click.ClickException(str(exc)) from None
    sys.exit(code)


@click.command()
@DB_OPTION
@friendly_errors
def schema(db):
    """Print the archive's schema (tables, columns, views) as SQL.

    \b
    Example:
      listing-archive schema --db archive.db
    """
    with open_reader(db) as archive:
        for (sql,) in archive.conn.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'entries_fts_%' "
            "ORDER BY type DESC, name"
        ):
            click.echo(sql + ";\n")


COMMANDS = [export, history, search, crawls, export_warc_command, serve, schema]
