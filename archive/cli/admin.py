"""Looking after an archive: demo, backup, migrate."""

from __future__ import annotations

import sys

import click

from .common import DB_OPTION, friendly_errors, open_writer


@click.command()
@click.option("--db", default="demo.db", show_default=True, type=click.Path(dir_okay=False),
              help="The demo archive (made anew; only a demo archive or a new file), e.g. --db demo.db.")
@click.option("--report", "report_path", default="demo-report.html", show_default=True, type=click.Path(dir_okay=False),
              help="Where to write the HTML report, e.g. --report report.html.")
@friendly_errors
def demo(db, report_path):
    """Crawl the bundled demo site twice (a week apart) and show what changed.

    Needs no network: the demo site is served on a free port of 127.0.0.1.

    \b
    Example:
      listing-archive demo --db demo.db
    """
    from ..demo import run_demo

    sys.exit(run_demo(db, report_path))


@click.command()
@click.argument("dest", type=click.Path(dir_okay=False))
@DB_OPTION
@friendly_errors
def backup(dest, db):
    """Copy the archive consistently (SQLite's online backup), even while a crawl writes.

    A plain `cp` of the .db file can miss what is still in its -wal file.

    \b
    Example:
      listing-archive backup --db archive.db archive-2026-11-28.db
    """
    from ..backup import backup_archive

    pages = backup_archive(db, dest)
    click.echo(f"backed up {db} to {dest} ({pages} pages)")


@click.command()
@DB_OPTION
@friendly_errors
def migrate(db):
    """Bring an archive made by an earlier release to this release's schema, in place.

    \b
    Example:
      listing-archive migrate --db old.db
    """
    from ..locking import ArchiveLocked, archive_lock

    try:
        with archive_lock(db), open_writer(db):
            pass
    except ArchiveLocked as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{db} is at the current schema")


COMMANDS = [demo, backup, migrate]
