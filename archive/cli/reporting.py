"""`diff`: what is new, changed, removed or restored between crawls, in every report format."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import DB_OPTION, friendly_errors, open_reader, open_writer


@click.command()
@DB_OPTION
@click.option("--from", "from_ref", default=None, metavar="CRAWL|DATE", help="Compare from this crawl (default: the last complete crawl but one).")
@click.option("--to", "to_ref", default=None, metavar="CRAWL|DATE", help="Compare to this crawl (default: the last complete crawl).")
@click.option("--since", default=None, metavar="DATE", help="Every crawl after this date, folded into one report.")
@click.option("--since-last-report", is_flag=True, help="Every crawl since the last report this archive printed.")
@click.option("--listing", default=None, metavar="URL", help="Only entries of this listing.")
@click.option("--only", default=None, metavar="KINDS", help="Comma-separated: new,changed,removed,restored.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "html", "json", "atom"]), default="text", show_default=True)
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False), help="Write the report to this file.")
@friendly_errors
def diff(db, from_ref, to_ref, since, since_last_report, listing, only, fmt, output):
    """What is new, changed, removed or restored between two crawls.

    \b
    Examples:
      listing-archive diff
      listing-archive diff --from 3 --to 7 --format html -o report.html
      listing-archive diff --since 2023-03-01 --only new,changed --format markdown
    """
    from ..diff import crawl_before, default_pair, diff as run_diff, resolve_crawl
    from ..reports import render

    kinds = None
    if only:
        kinds = {k.strip() for k in only.split(",") if k.strip()}
        bad = kinds - {"new", "changed", "removed", "restored"}
        if bad:
            raise click.BadParameter(f"unknown kind(s) {', '.join(sorted(bad))}", param_hint="--only")
    with (open_writer(db) if since_last_report else open_reader(db)) as archive:
        conn = archive.conn
        if since_last_report:
            row = conn.execute("SELECT value FROM meta WHERE key='last_report_crawl'").fetchone()
            frm = resolve_crawl(conn, row[0]) if row else None
            to = resolve_crawl(conn, to_ref) if to_ref else default_pair(conn)[1]
        elif since:
            frm = crawl_before(conn, since)  # None before the first crawl: everything is new
            to = resolve_crawl(conn, to_ref) if to_ref else default_pair(conn)[1]
        elif from_ref or to_ref:
            to = resolve_crawl(conn, to_ref) if to_ref else default_pair(conn)[1]
            frm = resolve_crawl(conn, from_ref) if from_ref else None
        else:
            frm, to = default_pair(conn)
        report = run_diff(conn, frm, to, listing=listing, only=kinds)
        if since_last_report:
            archive.remember("last_report_crawl", str(to["id"]))
    colour = fmt == "text" and output is None and sys.stdout.isatty()
    text = render(report, fmt, colour=colour)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


COMMANDS = [diff]
