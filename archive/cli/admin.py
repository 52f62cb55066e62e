"""Looking after an archive: demo, backup, migrate, compact."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import click

from crawler.errors import EXIT_LOCKED
from crawler.wording import counted

from .common import (
    DB_OPTION,
    _check_exists,
    database_error,
    friendly_errors,
    not_empty,
    open_writer,
    refuse_folder_as_output,
    sigterm_unwinds,
)

# Each command imports the archive code it runs in its own body: `listing-archive --help` and the
# other commands load none of it (the store alone is some 80 modules; the crawl's stack, Scrapy).


@click.command()
@click.option(
    "--db",
    default="demo.db",
    show_default=True,
    type=click.Path(dir_okay=False),
    callback=not_empty,  # `--db "$DB"` with DB unset blamed the current folder's hard links
    help="The demo archive (made anew; only a demo archive or a new file), e.g. --db demo.db.",
)
@click.option(
    "--report",
    "report_path",
    default="demo-report.html",
    show_default=True,
    type=click.Path(dir_okay=False),
    callback=not_empty,  # `--report "$R"` with R unset: as --db, said empty, not a file named ''
    help="Where to write the HTML report, e.g. --report report.html.",
)
@click.option(
    "--serve",
    is_flag=True,
    help="Only serve the demo site on 127.0.0.1 until Ctrl-C, to crawl it yourself, e.g. --serve --week 2.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8800,
    show_default=True,
    help="With --serve: the port (0: a free one), e.g. --port 8801.",
)
@click.option(
    "--week",
    type=click.IntRange(1, 2),
    default=1,
    show_default=True,
    help="With --serve: the site as first crawled (1) or one week later (2), e.g. --week 2.",
)
@click.pass_context
@friendly_errors
def demo(ctx, db, report_path, serve, port, week):
    """Crawl the bundled demo site twice (a week apart) and show what changed.

    Needs no network: the demo site is served on a free port of 127.0.0.1.
    It starts a fresh archive, but replaces only a file that is absent or that the
    demo itself made: any other file (your archive) is refused and left alone.
    With --serve it only serves the demo site, for you to crawl.

    \b
    Example:
      listing-archive demo --db demo.db
      listing-archive demo --serve --week 2
    """
    from ..demo import run_demo, serve_demo_site
    from ..locking import ArchiveLocked

    _check_demo_options(ctx, serve)
    if serve:
        sys.exit(serve_demo_site(port, week))
    try:
        code = run_demo(db, report_path)
    except ArchiveLocked as exc:
        click.echo(f"Error: {exc}", err=True)
        code = EXIT_LOCKED
    sys.exit(code)


def _check_demo_options(ctx: click.Context, serve: bool) -> None:
    """--port and --week go with --serve; --db and --report with the demo's crawls."""
    given = {name for name in ("db", "report_path", "port", "week") if _given(ctx, name)}
    wrong = given & ({"db", "report_path"} if serve else {"port", "week"})
    if wrong:
        names = ", ".join(sorted("--" + name.removesuffix("_path") for name in wrong))
        raise click.UsageError(f"{names}: only {'without' if serve else 'with'} --serve")


def _given(ctx: click.Context, name: str) -> bool:
    return ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT


@click.command()
@click.argument("dest", type=click.Path(dir_okay=False))
@DB_OPTION
@friendly_errors
def backup(dest, db):
    """Copy the archive consistently (SQLite's online backup), even while a crawl writes.

    A plain `cp` of the .db file can miss what is still in its -wal file. The copy
    is checked with PRAGMA integrity_check; an existing DEST is never overwritten.

    \b
    Example:
      listing-archive backup --db archive.db archive-2026-11-28.db
    """
    from ..backup import backup_archive

    if not dest.strip():  # `backup "$DEST"` with DEST unset said " exists; give a new file name"
        raise click.BadParameter("empty; give a file name for the copy", param_hint="DEST")
    refuse_folder_as_output(dest, "DEST")  # `backup reports/` copied it all, then failed on a raw errno
    with sigterm_unwinds():  # a stopped backup leaves no copy that was never checked
        pages = backup_archive(db, dest)
    click.echo(f"backed up {db} to {dest} ({counted(pages, 'page')})")


@click.command()
@DB_OPTION
@friendly_errors
def migrate(db):
    """Bring an archive made by an earlier release to this release's schema, in place.

    Read commands never migrate: on an older archive they ask for this first.
    Take a `listing-archive backup` before, if the archive matters.

    \b
    Example:
      listing-archive migrate --db old.db
    """
    from ..locking import ArchiveLocked, archive_lock
    from ..schema import SCHEMA_VERSION
    from ..writefaults import is_disk_full

    found = _schema_of(db)
    if found > SCHEMA_VERSION:
        raise click.ClickException(
            f"{db} has schema version {found}, newer than this release understands "
            f"({SCHEMA_VERSION}); upgrade listing-archive"
        )
    if found == SCHEMA_VERSION:
        click.echo(f"{db} is already at schema version {SCHEMA_VERSION}; nothing to do")
        return
    _check_writable(db)
    try:
        with archive_lock(db), open_writer(db):
            pass
    except ArchiveLocked as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    except (OSError, sqlite3.OperationalError) as exc:
        # The migration is one transaction: whatever stopped it, the archive is as it was.
        full = "disk full" if is_disk_full(exc) else str(exc)
        raise click.ClickException(
            f"{db} could not be migrated ({full}); it is unchanged, still schema version {found}; "
            "a migration needs about the archive's size in free space"
        ) from None
    click.echo(f"migrated {db} from schema version {found} to {SCHEMA_VERSION}")


@click.command()
@DB_OPTION
@friendly_errors
def compact(db):
    """Pack the archive's pages (SQLite's VACUUM) and say how much smaller the file is.

    An archive grown crawl by crawl fills its pages 70-90%, and `migrate` leaves the
    pages it freed in the file: compacting rewrites the file packed, in one transaction
    (a full disk or a kill leaves the archive as it was), and keeps the search index
    true. It holds the archive's write lock (a crawl that starts meanwhile exits 75)
    and needs free space for two copies of the archive: one in SQLite's temporary
    folder (SQLITE_TMPDIR, else TMPDIR, else /var/tmp or /tmp), one beside it.

    Readers go on reading; the file shrinks once they let go of the old pages. A
    reader that cannot write the archive's folder reads it without locks: stop such
    readers before compacting.

    \b
    Example:
      listing-archive compact --db archive.db
    """
    from ..compact import TEMP_HELP, file_bytes
    from ..compact import compact as compact_archive
    from ..locking import ArchiveLocked, archive_lock
    from ..schema import SCHEMA_VERSION
    from ..writefaults import is_disk_full

    found = _schema_of(db, intact=True)
    _check_writable(db, "compact")
    try:
        with archive_lock(db):
            before = file_bytes(db)  # as it lay on disk: opening the writer adds to its -wal
            with open_writer(db) as archive:
                done = compact_archive(archive.conn, db, bytes_before=before)
    except ArchiveLocked as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    except (OSError, sqlite3.OperationalError) as exc:
        full = "disk full" if is_disk_full(exc) else str(exc)
        raise click.ClickException(f"{db} could not be compacted ({full}); it is unchanged; {TEMP_HELP}") from None
    if found < SCHEMA_VERSION:
        click.echo(f"migrated {db} from schema version {found} to {SCHEMA_VERSION}")
    click.echo(_compacted_line(db, done))


def _compacted_line(db: str, done) -> str:
    mb = 1e6
    line = f"compacted {db}: {done.bytes_before / mb:,.1f} MB -> {done.bytes_after / mb:,.1f} MB"
    if done.waiting_for_readers:
        line += " once the readers now reading let go of the old pages (the next crawl finishes it)"
    if done.search_rebuilt:
        line += "; search index rebuilt (entries were renumbered)"
    return line


def _schema_of(db: str, intact: bool = False) -> int:
    """The schema version of the archive at `db`, read without changing it; a clear error for anything else.
    With `intact`, every page is checked too (SQLite's quick_check): compacting a damaged file could lose rows."""
    from ..connection import open_unwritable_wal
    from ..schema import SchemaError, schema_version
    from ..structure import check_structure

    _check_exists(db)
    try:
        try:
            conn = sqlite3.connect(f"{Path(db).resolve().as_uri()}?mode=ro", uri=True)
            found = schema_version(conn)
        except sqlite3.OperationalError:  # a WAL archive in a folder we cannot write: read as the readers do
            conn = open_unwritable_wal(db)
            found = schema_version(conn)
        try:
            check_structure(conn, db, found)
            problem = conn.execute("PRAGMA quick_check(1)").fetchone()[0] if intact else "ok"
        finally:
            conn.close()
    except SchemaError as exc:
        raise click.ClickException(str(exc)) from None
    except sqlite3.DatabaseError as exc:
        raise click.ClickException(database_error(db, exc)) from None
    except (sqlite3.Error, ValueError) as exc:
        raise click.ClickException(f"{db} is not a usable archive: {exc}") from None
    if found == 0:
        raise click.ClickException(
            f"{db} is not a listing-archive archive (no archive tables in it); nothing was changed"
        )
    if problem != "ok":
        problem = " ".join(problem.replace("*** in database main ***", "").split())  # one line
        raise click.ClickException(f"{db} is damaged ({problem}); nothing was changed: restore it from a backup")
    return found


def _check_writable(db: str, action: str = "migrate") -> None:
    """Migrating or compacting writes the file and its folder (-wal, -shm, lock): say so before trying, not after."""
    from ..locking import NotWritable, check_writable

    try:
        check_writable(db, action)
    except NotWritable as exc:
        raise click.ClickException(
            f"{exc}; {action} a writable copy (listing-archive backup --db {db} COPY.db, "
            f"then listing-archive {action} --db COPY.db)"
        ) from None


COMMANDS = [demo, backup, migrate, compact]
