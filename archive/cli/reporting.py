"""`diff`: what is new, changed, removed or restored between crawls, in every report format.

Report marks: a team's "last report" is a crawl id kept in the archive's meta table
(`last_report_crawl` for the default mark, `report_mark:NAME` for a named one). Only
`--since-last-report[=NAME]` or `--mark-reported[=NAME]` move a mark, and only after
the report was written; an ad-hoc diff never does.
"""

from __future__ import annotations

import re
import sys

import click

from ..reports import format_names, render
from .common import (
    DB_OPTION,
    FORCE_OPTION,
    check_listing,
    crawl_or_date,
    friendly_errors,
    not_empty,
    open_reader,
    open_writer,
    refuse_archive_as_output,
    refuse_replacing,
    whole_or_nothing,
)

# Each command imports the archive code it runs in its own body: `listing-archive --help` and the
# other commands load none of it (the store alone is some 80 modules; the crawl's stack, Scrapy).
from .reading import echo_data, quiet_broken_pipe

DEFAULT_MARK = "default"


def mark_key(name: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", name or ""):
        raise click.BadParameter(
            f"{name!r}: a report mark is a name of letters, digits, '.', '_' or '-'", param_hint="mark"
        )
    return "last_report_crawl" if name == DEFAULT_MARK else f"report_mark:{name}"


def read_mark(conn, name: str) -> int | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (mark_key(name),)).fetchone()
    return int(row[0]) if row and str(row[0]).isdigit() else None


def _format_choices() -> list[str]:
    return format_names()


def _kinds(only: str | None) -> set[str] | None:
    if not only:
        return None
    kinds = {k.strip() for k in only.split(",") if k.strip()}
    if not kinds:  # "--only ," would otherwise mean every kind
        raise click.BadParameter(f"{only!r} names no kind: give new, changed, removed or restored", param_hint="--only")
    bad = kinds - {"new", "changed", "removed", "restored"}
    if bad:
        raise click.BadParameter(f"unknown kind(s) {', '.join(sorted(bad))}", param_hint="--only")
    return kinds


def _pair(conn, from_ref, to_ref, since, mark_name):
    """(from crawl or None, to crawl, same) for the options given; `same`: nothing new since the mark."""
    from ..diff import DiffError, crawl_before, latest, resolve_crawl

    to = resolve_crawl(conn, to_ref) if to_ref else latest(conn)
    if mark_name:
        mark = read_mark(conn, mark_name)
        frm = resolve_crawl(conn, mark) if mark else None
        if frm and frm["id"] >= to["id"]:
            return to, to, True
        return frm, to, False
    if since:
        frm = crawl_before(conn, since, since=True)  # None before the first crawl: everything is new
        if frm and frm["id"] >= to["id"]:  # no complete crawl since then ("crawl 3 is not before crawl 3")
            if to_ref:
                raise DiffError(f"--since {since} is not before crawl {to['id']} (--to): give an earlier date")
            return to, to, True
        return frm, to, False
    if from_ref:
        frm = resolve_crawl(conn, from_ref)
        if not to_ref and frm and frm["id"] >= to["id"]:  # --to's default is not what the user sees in `crawls`
            raise DiffError(
                f"crawl {frm['id']} ({frm['status']}) is not before crawl {to['id']}, the latest complete crawl, "
                "which --to stands for when it is not given"
            )
        return frm, to, False
    if to_ref:
        return None, to, False
    from ..diff import default_pair

    frm, to = default_pair(conn)
    return frm, to, False


@click.command()
@DB_OPTION
@click.option(
    "--from",
    "from_ref",
    default=None,
    callback=crawl_or_date,
    metavar="CRAWL|DATE",
    help="Compare from this crawl, or the archive as it stood at this date (default: the last complete crawl but one).",
)
@click.option(
    "--to",
    "to_ref",
    default=None,
    callback=crawl_or_date,
    metavar="CRAWL|DATE",
    help="Compare to this crawl or date (default: the last complete crawl).",
)
@click.option(
    "--since",
    default=None,
    callback=not_empty,
    metavar="DATE",
    help="Every crawl from this date (its start, UTC) on, folded into one report.",
)
@click.option(
    "--since-last-report",
    "since_mark",
    is_flag=False,
    flag_value=DEFAULT_MARK,
    default=None,
    callback=not_empty,  # `--since-last-report="$TEAM"` with TEAM unset is no default mark
    metavar="[=NAME]",
    help="Every crawl since this mark's last report, then move the mark (a team's own: --since-last-report=NAME).",
)
@click.option(
    "--mark-reported",
    "mark_reported",
    is_flag=False,
    flag_value=DEFAULT_MARK,
    default=None,
    callback=not_empty,
    metavar="[=NAME]",
    help="Move the mark (default, or NAME) to this report's last crawl once it is written.",
)
@click.option("--listing", default=None, callback=not_empty, metavar="URL", help="Only entries of this listing.")
@click.option(
    "--only", default=None, callback=not_empty, metavar="KINDS", help="Comma-separated: new,changed,removed,restored."
)
@click.option("--format", "fmt", type=click.Choice(_format_choices()), default="text", show_default=True)
@click.option(
    "-o",
    "--output",
    default=None,
    type=click.Path(dir_okay=False),
    help="Write the report to this file (one that exists only with --force).",
)
@FORCE_OPTION
@friendly_errors
@quiet_broken_pipe
def diff(db, from_ref, to_ref, since, since_mark, mark_reported, listing, only, fmt, output, force):
    """What is new, changed, removed or restored between two crawls.

    DATE is YYYY-MM-DD (the start of that day, UTC), YYYY-MM, YYYY or an ISO date-time.

    \b
    Examples:
      listing-archive diff
      listing-archive diff --from 3 --to 7 --format html -o report.html
      listing-archive diff --since 2023-03-01 --only new,changed --format markdown
      listing-archive diff --since-last-report=asia-team --format html -o week.html
    """
    from ..diff import diff as run_diff

    kinds = _kinds(only)
    marks = [m for m in dict.fromkeys((since_mark, mark_reported)) if m]
    for name in marks:
        mark_key(name)
    if since_mark and (since or from_ref):
        raise click.UsageError("--since-last-report compares from the mark: leave out --since and --from")
    if since and from_ref:  # each says where the report starts: neither may be dropped unsaid
        raise click.UsageError("--since and --from both say where the report starts: give one of them")
    refuse_archive_as_output(output, db)
    refuse_replacing(output, force)
    with open_writer(db) if marks else open_reader(db) as archive:
        listing = check_listing(archive.conn, listing)
        frm, to, same = _pair(archive.conn, from_ref, to_ref, since, since_mark)
        report = run_diff(archive.conn, frm, to, listing=listing, only=kinds, allow_same=same)
        colour = fmt == "text" and output is None and sys.stdout.isatty()
        text = render(report, fmt, colour=colour)
        if output:
            with whole_or_nothing(
                output, replace=force
            ) as out:  # a report cut short by a full disk never replaces the last
                out.write(text)
            click.echo(f"wrote {output}", err=True)
        elif colour:
            click.echo(text, nl=False)  # cleaned by the text renderer, before its colours
        else:
            echo_data(text)
        for name in marks:
            if (read_mark(archive.conn, name) or 0) < to["id"]:
                archive.remember(mark_key(name), str(to["id"]))


COMMANDS = [diff]
