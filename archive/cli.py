"""listing-archive: a thin command line over the crawler and the archive library.

Every command takes --db PATH (default archive.db, or $LISTING_ARCHIVE_DB).
Exit status: 0 success; 1 error (bad input, unknown entry); 2 usage error;
3 crawl partial (some listing page could not be fetched); 4 crawl failed;
5 crawl suspect (health checks failed); 75 another crawl holds the archive's lock.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import sys
from pathlib import Path

import click

EXIT_PARTIAL, EXIT_FAILED, EXIT_SUSPECT, EXIT_LOCKED = 3, 4, 5, 75
DB_OPTION = click.option("--db", "db", default="archive.db", envvar="LISTING_ARCHIVE_DB", show_default=True, type=click.Path(dir_okay=False), help="The SQLite archive.")


def friendly_errors(func):
    """Known failures become one clear line and exit 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from crawler.extract.profiles import ProfileError

        from .diff import DiffError
        from .queries import NotFound
        from .schema import SchemaError
        from .store import ArchiveError

        try:
            return func(*args, **kwargs)
        except (ArchiveError, ProfileError, NotFound, DiffError, SchemaError, ValueError, OSError) as exc:
            if isinstance(exc, click.ClickException):
                raise
            raise click.ClickException(str(exc)) from None

    return wrapper


def _open(db: str, must_exist: bool = True):
    from .store import Archive

    if must_exist and not Path(db).exists():
        raise click.ClickException(f"no archive at {db}: run `listing-archive crawl` first, or pass --db PATH")
    return Archive(db)


def _parse_settings(pairs) -> dict:
    out = {}
    for pair in pairs:
        if "=" not in pair:
            raise click.BadParameter(f"{pair!r} is not NAME=VALUE", param_hint="-s")
        name, value = pair.split("=", 1)
        out[name.strip()] = value
    return out


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="listing-archive", prog_name="listing-archive")
def main():
    """Crawl resource listing pages into a SQLite archive with full change history.

    \b
    Example:
      listing-archive crawl ilo --db archive.db
      listing-archive diff --db archive.db
    """


def crawl_options(func):
    """The options `crawl` and `schedule` share."""
    options = [
        click.argument("spider", default=None, required=False),
        click.option("--db", "db", default=None, envvar="LISTING_ARCHIVE_DB", type=click.Path(dir_okay=False), help="The SQLite archive (default archive.db, or the config's db)."),
        click.option("--config", "config_path", default=None, type=click.Path(dir_okay=False), metavar="FILE.toml", help="Listings, archive and settings from a TOML file."),
        click.option("--start-url", "start_urls", multiple=True, metavar="URL", help="A listing to crawl instead of the spider's default (repeat for more)."),
        click.option("--profile", default=None, metavar="NAME|auto|FILE.toml", help="Site profile: a bundled name, 'auto' (generic extractor) or a profile file."),
        click.option("-s", "settings", multiple=True, metavar="NAME=VALUE", help="A Scrapy setting, as `scrapy crawl -s` takes it."),
        click.option("--contact", default=None, metavar="EMAIL|URL", help="A contact for site owners, added to the User-Agent."),
        click.option("--notify", "notify", multiple=True, metavar="APPRISE_URL", help="Send new entries after a complete crawl, an alert after a failed or suspect one."),
        click.option("--log-dir", default=None, type=click.Path(file_okay=False), help="Where each crawl's log file goes (default: logs/ beside the archive)."),
        click.option("--jobdir", default=None, type=click.Path(file_okay=False), help="Keep the crawl's queue here so that a stopped crawl can resume."),
        click.option("--ignore-field", "ignore_fields", multiple=True, metavar="FIELD", help="A field that never counts as a change (repeatable)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _crawl_plan(spider, db, config_path, start_urls, profile, settings, contact, notify, log_dir, jobdir, ignore_fields=()) -> dict:
    """Options and config file merged into one plan; every check before any crawling."""
    from crawler.extract.profiles import get_profile
    from crawler.run import spider_names

    from .config import load_config

    plan = {"spider": spider or "ilo", "start_urls": list(start_urls), "profile": profile, "listing_profiles": None,
            "overrides": {}, "contact": contact, "notify": list(notify), "log_dir": log_dir, "jobdir": jobdir, "db": db}
    if config_path:
        cfg = load_config(config_path)
        plan.update(spider=spider or cfg.spider, listing_profiles=cfg.profiles, overrides=dict(cfg.settings))
        plan["start_urls"] = plan["start_urls"] or [item["url"] for item in cfg.listings]
        plan["db"] = db or cfg.db
        plan["contact"] = contact or cfg.contact
        plan["notify"] = plan["notify"] or cfg.notify
        plan["log_dir"] = log_dir or cfg.log_dir
        plan["jobdir"] = jobdir or cfg.jobdir
    plan["db"] = plan["db"] or "archive.db"
    if plan["spider"] not in spider_names():
        raise click.BadParameter(f"unknown spider {plan['spider']!r}; known: {', '.join(spider_names())}", param_hint="SPIDER")
    for url in plan["start_urls"]:
        if not url.startswith(("http://", "https://")):
            raise click.BadParameter(f"{url!r} is not an http(s) URL", param_hint="--start-url")
    for name in {profile, *(plan["listing_profiles"] or {}).values()} - {None}:
        get_profile(name)  # a clear error now for an unknown profile or a bad profile file
    plan["overrides"].update(_parse_settings(settings))
    if plan["contact"]:
        plan["overrides"]["CONTACT"] = plan["contact"]
    if plan["jobdir"]:
        plan["overrides"]["JOBDIR"] = plan["jobdir"]
    if ignore_fields:
        from crawler.entries import FIELDS

        unknown = set(ignore_fields) - set(FIELDS)
        if unknown:
            raise click.BadParameter(f"unknown field(s) {', '.join(sorted(unknown))}", param_hint="--ignore-field")
        plan["overrides"]["ARCHIVE_IGNORE_FIELDS"] = list(ignore_fields)
    return plan


@main.command()
@crawl_options
@friendly_errors
def crawl(spider, db, config_path, start_urls, profile, settings, contact, notify, log_dir, jobdir, ignore_fields):
    """Crawl listing pages into the archive and print a summary.

    Safe from cron: one crawl at a time per archive (a second exits at once with
    status 75), a log file per crawl, exit status 0 only for a complete crawl.

    \b
    Examples:
      listing-archive crawl ilo
      listing-archive crawl ilo --db lao.db --start-url https://www.ilo.org/asia/countries/lao-peoples-democratic-republic/facet/lang--en/index.htm
      listing-archive crawl listing --start-url https://example.org/news/ -s DOWNLOAD_DELAY=2
      listing-archive crawl --config listings.toml --notify mailto://me:pw@example.org
    """
    from .locking import ArchiveLocked, archive_lock

    plan = _crawl_plan(spider, db, config_path, start_urls, profile, settings, contact, notify, log_dir, jobdir, ignore_fields)
    _open(plan["db"], must_exist=False).close()  # a clear error now if the file is not an archive
    try:
        with archive_lock(plan["db"]):
            if plan["jobdir"] and len(plan["start_urls"]) > 1:
                code = _crawl_each_listing(plan)
            else:
                code = _execute(plan)
    except ArchiveLocked as exc:
        click.echo(f"listing-archive: {exc}", err=True)
        code = EXIT_LOCKED
    sys.exit(code)


# Worst first: the exit status of several crawls is that of the worst one.
_SEVERITY = (EXIT_FAILED, EXIT_SUSPECT, EXIT_PARTIAL, 0)


def _crawl_each_listing(plan: dict) -> int:
    """With --jobdir, one crawl (and one job folder) per listing, so each can resume on its own.

    Each crawl runs in its own process (Twisted's reactor starts once per process),
    under the lock this process holds.
    """
    import hashlib
    import subprocess
    import tempfile

    codes = []
    for url in plan["start_urls"]:
        job = Path(plan["jobdir"]) / hashlib.sha1(url.encode()).hexdigest()[:16]
        profiles = plan["listing_profiles"] or {}
        one = {**plan, "start_urls": [url], "listing_profiles": {url: profiles[url]} if url in profiles else None, "jobdir": str(job),
               "overrides": {**plan["overrides"], "JOBDIR": str(job)}}
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
            json.dump(one, fh)
        try:
            codes.append(subprocess.call([sys.executable, "-m", "archive.cli", "crawl-plan", fh.name]))
        finally:
            os.unlink(fh.name)
    return min(codes, key=lambda c: _SEVERITY.index(c) if c in _SEVERITY else -1)


@main.command(name="crawl-plan", hidden=True)
@click.argument("plan_file", type=click.Path(exists=True, dir_okay=False))
@friendly_errors
def crawl_plan_command(plan_file):
    """Run one crawl from a plan written by `crawl` (which holds the archive's lock)."""
    sys.exit(_execute(json.loads(Path(plan_file).read_text())))


def _execute(plan: dict) -> int:
    """Run one crawl in this process, print its summary, notify; return the exit status."""
    from datetime import datetime, timezone

    from crawler.run import run_crawl

    from .notify import message_for, send
    from .summary import crawl_summary

    db = plan["db"]
    logs = Path(plan["log_dir"] or Path(db).resolve().parent / "logs")
    logs.mkdir(parents=True, exist_ok=True)
    log_file = logs / f"crawl-{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}-{os.getpid()}.log"
    result = run_crawl(plan["spider"], db, plan["start_urls"] or None, plan["profile"], plan["overrides"],
                       plan["listing_profiles"], str(log_file), progress=sys.stderr.isatty())
    with _open(db) as archive:
        crawl_row = archive.crawl(result["crawl_id"]) if result["crawl_id"] else None
        click.echo(crawl_summary(archive.conn, crawl_row, result))
        click.echo(f"  log: {log_file}")
        if crawl_row and plan["notify"]:
            send(plan["notify"], *message_for(archive.conn, crawl_row))
    if crawl_row and crawl_row.get("suspect"):
        return EXIT_SUSPECT
    return {"complete": 0, "partial": EXIT_PARTIAL}.get(crawl_row["status"] if crawl_row else "failed", EXIT_FAILED)


def parse_interval(text: str) -> float:
    """"6h", "30m", "90s", "1d" -> seconds."""
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text or "")
    if not m or float(m.group(1)) <= 0:
        raise click.BadParameter(f"{text!r} is not an interval such as 6h, 30m or 90s", param_hint="--every")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


@main.command()
@click.option("--every", required=True, metavar="INTERVAL", help="Time between crawls: 6h, 30m, 1d.")
@click.option("--jitter", default=0.1, show_default=True, type=click.FloatRange(0, 0.5), help="Random spread, as a fraction of the interval.")
@crawl_options
@friendly_errors
def schedule(every, jitter, spider, db, config_path, start_urls, profile, settings, contact, notify, log_dir, jobdir, ignore_fields):
    """Crawl on an interval (with jitter), for machines without cron.

    Stops cleanly on Ctrl-C or SIGTERM: a crawl under way is told to stop and
    finishes as partial; nothing is marked removed on its strength.

    \b
    Example:
      listing-archive schedule --every 6h --config listings.toml
    """
    from .schedule import run_schedule

    seconds = parse_interval(every)
    _crawl_plan(spider, db, config_path, start_urls, profile, settings, contact, notify, log_dir, jobdir, ignore_fields)  # check now, not in 6 hours
    argv = [spider or "ilo"] if spider or not config_path else []
    for flag, value in (("--db", db), ("--config", config_path), ("--profile", profile), ("--contact", contact), ("--log-dir", log_dir), ("--jobdir", jobdir)):
        if value:
            argv += [flag, value]
    for flag, values in (("--start-url", start_urls), ("-s", settings), ("--notify", notify), ("--ignore-field", ignore_fields)):
        for value in values:
            argv += [flag, value]
    sys.exit(run_schedule(argv, seconds, jitter))


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--url", required=True, help="The address the page was saved from (links are resolved against it).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@click.option("--profile", default=None, metavar="NAME|auto|FILE.toml", help="Site profile; default: the bundled profile for the URL's site, else auto.")
@friendly_errors
def parse(file, url, fmt, profile):
    """Parse a saved listing page offline and print its entries.

    \b
    Example:
      listing-archive parse saved.html --url https://www.ilo.org/asia/countries/lao-peoples-democratic-republic/facet/lang--en/index.htm
      listing-archive parse other.html --url https://example.org/news/ --profile auto --format table
    """
    from crawler.entries import build_entries
    from crawler.extract import extract_page
    from crawler.extract.profiles import get_profile, profile_for_url

    chosen = get_profile(profile) if profile else profile_for_url(url)
    page = extract_page(Path(file).read_bytes(), url, chosen if chosen is not None else "auto")
    entries = build_entries(page, url, url, chosen)
    if fmt == "jsonl":
        for e in entries:
            click.echo(json.dumps(e, ensure_ascii=False))
        return
    from .summary import entries_table

    click.echo(f"{page.title or '(no page heading)'} — {len(entries)} entries, extractor: {page.extractor}, language: {page.language or '?'}")
    click.echo(entries_table(entries))
    if page.page_links:
        click.echo("pages: " + " ".join(page.page_links))


@main.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "json"]), default="jsonl", show_default=True)
@click.option("--as-of", default=None, metavar="DATE", help="The archive as it stood at this date (YYYY-MM-DD or ISO date-time).")
@click.option("--include-removed", is_flag=True, help="Include entries no longer listed (with status 'removed').")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write here instead of standard output.")
@friendly_errors
def export(db, fmt, as_of, include_removed, output):
    """Export the archive's entries, as they stand now or at a date.

    \b
    Examples:
      listing-archive export --format csv -o entries.csv
      listing-archive export --format jsonl --as-of 2023-03-03 --include-removed
    """
    from crawler.entries import FIELDS

    from .queries import export_rows

    with _open(db) as archive:
        rows = export_rows(archive.conn, as_of, include_removed)
        columns = list(FIELDS) + ["status"]
        if fmt == "jsonl":
            for row in rows:
                output.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif fmt == "json":
            json.dump(list(rows), output, ensure_ascii=False, indent=1)
            output.write("\n")
        else:
            writer = csv.DictWriter(output, fieldnames=columns)
            writer.writeheader()
            for row in rows:
                row["organisers"] = "; ".join(row.get("organisers") or [])
                writer.writerow(row)


@main.command()
@click.argument("entry")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@friendly_errors
def history(entry, db, fmt):
    """Every version of one entry, oldest first, with what changed.

    ENTRY is an entry id, a document number (WCMS_865548) or the entry's URL.

    \b
    Example:
      listing-archive history WCMS_865548 --format json
    """
    from .queries import history as entry_history
    from .summary import history_text

    with _open(db) as archive:
        result = entry_history(archive.conn, entry)
    if fmt == "json":
        click.echo(json.dumps({"entry": result["entry"], "versions": result["versions"], "events": result["events"]}, ensure_ascii=False, indent=2))
    else:
        click.echo(history_text(result))


@main.command()
@click.argument("query")
@DB_OPTION
@click.option("--since", default=None, metavar="DATE", help="Entries dated (or first seen) on or after this date.")
@click.option("--until", default=None, metavar="DATE", help="Entries dated (or first seen) on or before this date.")
@click.option("--organiser", default=None, metavar="NAME", help="Only entries whose organisers include NAME.")
@click.option("--listing", default=None, metavar="URL", help="Only entries seen on this listing.")
@click.option("--limit", default=50, show_default=True, help="At most this many results.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@friendly_errors
def search(query, db, since, until, organiser, listing, limit, fmt):
    """Full-text search over titles, descriptions and organisers, best matches first.

    \b
    Example:
      listing-archive search "migrant workers" --since 2022-01-01 --organiser ILO
    """
    from .queries import search as run_search
    from .summary import entries_table

    with _open(db) as archive:
        found = run_search(archive.conn, query, since, until, organiser, listing, limit)
    if fmt == "jsonl":
        for e in found:
            click.echo(json.dumps(e, ensure_ascii=False))
    else:
        click.echo(entries_table(found) if found else "no matches")


@main.command()
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
    from .diff import crawl_before, default_pair, diff as run_diff, resolve_crawl
    from .reports import render

    kinds = None
    if only:
        kinds = {k.strip() for k in only.split(",") if k.strip()}
        bad = kinds - {"new", "changed", "removed", "restored"}
        if bad:
            raise click.BadParameter(f"unknown kind(s) {', '.join(sorted(bad))}", param_hint="--only")
    with _open(db) as archive:
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
        archive.remember("last_report_crawl", str(to["id"]))
    colour = fmt == "text" and output is None and sys.stdout.isatty()
    text = render(report, fmt, colour=colour)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


@main.command()
@DB_OPTION
@click.option("--limit", default=20, show_default=True)
@friendly_errors
def crawls(db, limit):
    """The latest crawls, with status and counts.

    \b
    Example:
      listing-archive crawls --limit 5
    """
    from .queries import crawls as list_crawls

    with _open(db) as archive:
        for c in list_crawls(archive.conn, limit):
            flag = " SUSPECT" if c["suspect"] else ""
            click.echo(
                f"#{c['id']:<4} {c['started_at']}  {c['status']:<8}{flag} {c['spider']:<8} pages {c['pages']:<4} entries {c['entries']:<5} "
                f"new {c['new']:<4} changed {c['changed']:<4} removed {c['removed']:<4} restored {c['restored']:<3} errors {c['errors']}"
            )


@main.command()
@click.option("--db", default="demo.db", show_default=True, type=click.Path(dir_okay=False), help="The demo archive (made anew).")
@click.option("--report", "report_path", default="demo-report.html", show_default=True, type=click.Path(dir_okay=False), help="Where to write the HTML report.")
@friendly_errors
def demo(db, report_path):
    """Crawl the bundled demo site twice (a week apart) and show what changed.

    Needs no network: the demo site is served on a free port of 127.0.0.1.

    \b
    Example:
      listing-archive demo --db demo.db
    """
    from .demo import run_demo

    sys.exit(run_demo(db, report_path))


@main.command()
@DB_OPTION
@click.option("--crawl", "crawl_id", type=int, default=None, help="Reparse this crawl's captures (default: the latest complete crawl).")
@friendly_errors
def reparse(db, crawl_id):
    """Re-run today's parsers over stored captures, without the network.

    Versions it produces are recorded as a parser change, not a change on the site.

    \b
    Example:
      listing-archive reparse --db archive.db
    """
    from .reparse import reparse as run_reparse

    with _open(db) as archive:
        result = run_reparse(archive, crawl_id)
    click.echo(f"reparse #{result['id']}: {result['entries']} entries from {result['pages']} stored pages: new {result['new']}, changed {result['changed']}")


@main.command(name="export-warc")
@DB_OPTION
@click.option("-o", "--output", default="captures.warc.gz", show_default=True, type=click.Path(dir_okay=False), help="The WARC file to write.")
@click.option("--crawl", "crawl_id", type=int, default=None, help="Only this crawl's captures.")
@friendly_errors
def export_warc_command(db, output, crawl_id):
    """Write the stored pages as a WARC file (gzip), for web-archive tools.

    \b
    Example:
      listing-archive export-warc -o lao.warc.gz
    """
    from .warc import export_warc

    with _open(db) as archive, open(output, "wb") as out:
        count = export_warc(archive, out, crawl_id)
    click.echo(f"wrote {count} records to {output}")


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, type=int)
@friendly_errors
def serve(db, host, port):
    """Browse the archive in Datasette, read-only, with search and stored queries.

    \b
    Example:
      listing-archive serve --db archive.db --port 8001
    """
    from .serve import serve as run_serve

    _open(db).close()
    sys.exit(run_serve(db, host, port))


@main.command()
@DB_OPTION
@friendly_errors
def schema(db):
    """Print the archive's schema (tables, columns, views) as SQL.

    \b
    Example:
      listing-archive schema --db archive.db
    """
    with _open(db) as archive:
        for (sql,) in archive.conn.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'entries_fts_%' ORDER BY type DESC, name"):
            click.echo(sql + ";\n")


if __name__ == "__main__":
    main()
