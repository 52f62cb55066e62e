"""`crawl` and `schedule`: a thin layer over archive.runner."""

from __future__ import annotations

import sys

import click

from crawler.setting_names import EMPTY_VALUE, FILE_SETTINGS

from .common import ArchivePath, FiniteFloatRange, friendly_errors, not_a_file, not_empty

# Each command imports the archive code it runs in its own body: `listing-archive --help` and the
# other commands load none of it (the store alone is some 80 modules; the crawl's stack, Scrapy).


def parse_settings(pairs) -> dict:
    """`-s NAME=VALUE` pairs as a dict."""
    out = {}
    for pair in pairs:
        if "=" not in pair:
            raise click.BadParameter(f"{pair!r} is not NAME=VALUE", param_hint="-s")
        name, value = pair.split("=", 1)
        if name.strip() in FILE_SETTINGS and not value.strip():
            raise click.BadParameter(EMPTY_VALUE, param_hint=f"-s {name.strip()}")
        out[name.strip()] = value
    return out


# The options `crawl` and `schedule` share, in the order --help shows them.
CRAWL_OPTIONS = [
    click.argument("spider", default=None, required=False),
    click.option(
        "--db",
        "db",
        default=None,
        envvar="LISTING_ARCHIVE_DB",
        type=ArchivePath(),
        callback=not_empty,  # `--db "$DB"` with DB unset crawled into archive.db, unsaid
        help="The SQLite archive (default archive.db, or the config's db), e.g. --db lao.db.",
    ),
    click.option(
        "--config",
        "config_path",
        default=None,
        type=click.Path(dir_okay=False),
        callback=not_empty,  # `--config "$CFG"` with CFG unset crawled without it (ilo: the real www.ilo.org)
        metavar="FILE.toml",
        help="Listings, archive and settings from a TOML file, e.g. --config listings.toml.",
    ),
    click.option(
        "--start-url",
        "start_urls",
        multiple=True,
        metavar="URL",
        help="A listing to crawl instead of the spider's default (repeat for more).",
    ),
    click.option(
        "--profile",
        default=None,
        callback=not_empty,
        metavar="NAME|auto|FILE.toml",
        help="Site profile: a bundled name, 'auto' (generic extractor) or a profile file, e.g. --profile auto.",
    ),
    click.option(
        "-s",
        "settings",
        multiple=True,
        metavar="NAME=VALUE",
        help="A Scrapy setting, as `scrapy crawl -s` takes it, e.g. -s DOWNLOAD_DELAY=2.",
    ),
    click.option(
        "--contact",
        default=None,
        callback=not_empty,
        metavar="EMAIL|URL",
        help="A contact for site owners, added to the User-Agent.",
    ),
    click.option(
        "--notify",
        "notify",
        multiple=True,
        metavar="APPRISE_URL",
        help="Send new entries after a complete crawl, an alert after a failed or suspect one.",
    ),
    click.option(
        "--log-dir",
        default=None,
        type=click.Path(file_okay=False),
        callback=not_empty,
        help="Where each crawl's log file goes (default: logs/ beside the archive).",
    ),
    click.option(
        "--jobdir",
        default=None,
        type=click.Path(file_okay=False),
        callback=not_a_file,
        help="Keep the crawl's queue here so that a stopped crawl can resume, e.g. --jobdir jobs.",
    ),
    click.option(
        "--ignore-field",
        "ignore_fields",
        multiple=True,
        metavar="FIELD",
        help="A field that never counts as a change (repeatable), e.g. --ignore-field image_url.",
    ),
    click.option(
        "--render",
        is_flag=True,
        default=False,
        help="Render every listing in headless Chromium (lists a browser builds; needs the render extra "
        "and chromium, see docs/rendering.md).",
    ),
    click.option(
        "--frontier",
        default=None,
        envvar="LISTING_ARCHIVE_FRONTIER",
        callback=not_empty,
        metavar="redis://HOST:PORT/DB",
        help="Share the crawl with `listing-archive worker` processes through this Redis, e.g. "
        "--frontier redis://10.0.0.5:6379/0; this process writes the archive.",
    ),
    click.option(
        "--workers",
        default=None,
        type=click.IntRange(min=0),
        help="With --frontier: local workers to start (default: one per core; 0: only coordinate).",
    ),
]


def crawl_options(func):
    """Decorate a command with CRAWL_OPTIONS."""
    for option in reversed(CRAWL_OPTIONS):
        func = option(func)
    return func


def announce(plan) -> None:
    """One line, before anything is fetched, naming what the crawl will fetch: a bare `crawl ilo` crawls the
    ILO's real site (the spider's purpose), which a user who meant a test site should see at once."""
    from crawler.origins import redact
    from crawler.run import default_start_urls
    from crawler.wording import counted

    from ..reports.safety import for_terminal

    urls, whence = plan.start_urls, ""
    if not urls:
        urls = default_start_urls(plan.spider)
        whence = f" (the {plan.spider} spider's default; --start-url or --config crawls others)"
    if urls:
        shown = ", ".join(for_terminal(redact(url)) for url in urls[:3]) + (
            f" and {len(urls) - 3} more" if len(urls) > 3 else ""
        )
        click.echo(f"crawling {counted(len(urls), 'listing')}{whence}: {shown}", err=True)


def _plan(options: dict):
    """The crawl options, as click parsed them, into a checked plan (archive.runner.build_plan)."""
    from ..runner import PlanError, build_plan

    try:
        return build_plan(**{**options, "settings": parse_settings(options["settings"])})
    except PlanError as exc:
        raise click.UsageError(str(exc)) from None  # exit 2: the command line asked for something impossible


@click.command()
@crawl_options
@friendly_errors
def crawl(**options):
    """Crawl listing pages into the archive and print a summary.

    Safe from cron: one crawl at a time per archive (a second exits at once with
    status 75), a log file per crawl, exit status 0 only for a complete crawl.

    \b
    Examples:
      listing-archive crawl ilo          # the ilo spider's default listing, on the real www.ilo.org
      listing-archive crawl ilo --db lao.db --start-url https://www.ilo.org/asia/countries/lao-peoples-democratic-republic/facet/lang--en/index.htm
      listing-archive crawl listing --start-url https://example.org/news/ -s DOWNLOAD_DELAY=2
      listing-archive crawl --config listings.toml --notify mailto://me:pw@example.org
      listing-archive crawl --config listings.toml --frontier redis://10.0.0.5:6379/0 --workers 0
    """
    from ..runner import run_plan

    plan = _plan(options)
    sys.exit(run_plan(plan, announce))


@click.command()
@click.option("--every", required=True, metavar="INTERVAL", help="Time between crawls: 6h, 30m, 1d, e.g. --every 6h.")
@click.option(
    "--jitter",
    default=None,
    type=FiniteFloatRange(0, 0.5),
    help="Random spread, as a fraction of the interval, e.g. --jitter 0.2 (default 0.1; 0 with --at).",
)
@click.option(
    "--at",
    "at",
    default=None,
    metavar="HH:MM[ZONE]",
    help="Crawls at this time of day plus whole intervals, from the next such slot (--every 6h --at 06:00 at "
    "14:00: first at 18:00; default: at once); HH:MM is the machine's local time, HH:MMZ UTC, HH:MM+01:00 "
    "that offset, e.g. --at 06:00Z.",
)
@crawl_options
@friendly_errors
def schedule(every, jitter, at, **options):
    """Crawl on an interval (with jitter), for machines without cron.

    Times are the machine's local time unless a zone is given (--at 06:00Z, --at 06:00+01:00);
    every time it prints carries its offset from UTC.

    The config is read again before each crawl: an edit is used from the next
    one (one that no longer reads is reported, and the crawl runs as before).
    Stops cleanly on Ctrl-C or SIGTERM: a crawl under way is told to stop and
    finishes as partial; nothing is marked removed on its strength.

    \b
    Example:
      listing-archive schedule --every 6h --config listings.toml
      listing-archive schedule --every 1d --at 06:00Z --config listings.toml
    """
    from ..schedule import first_slot, parse_interval, parse_time_of_day, run_schedule

    try:
        seconds = parse_interval(every)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--every") from None
    try:
        time_of_day = parse_time_of_day(at) if at is not None else None
        first_at = first_slot(time_of_day, seconds) if time_of_day is not None else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--at") from None
    if jitter is None:  # a time of day asked for is kept to; a spread of a tenth of a day would undo it
        jitter = 0.0 if first_at is not None else 0.1
    plan = _plan(options)  # read now, so that a bad config stops the command at once
    announce(plan)
    local = time_of_day is not None and time_of_day[2] is None  # kept on the wall clock across summer time
    sys.exit(run_schedule(plan, seconds, jitter, replan=lambda: _plan(options), first_at=first_at, local=local))


COMMANDS = [crawl, schedule]
