"""Scrapy settings for listing-archive: polite by default (robots.txt, AutoThrottle,
retries with backoff), archive on. Override any of them with `-s NAME=VALUE`."""

import difflib
import inspect
import json
import math
from importlib import metadata as _metadata  # lower-case names: Scrapy takes only upper-case ones

from scrapy.settings import default_settings as scrapy_defaults  # lower-case: Scrapy takes upper-case names only

from crawler import field_table
from crawler.setting_names import EMPTY_VALUE, FILE_SETTINGS

from .errors import ListingArchiveError

BOT_NAME = "listing-archive"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Who we are: name the project and a contact (`--contact` on the CLI sets it).
CONTACT = ""
try:
    _VERSION = _metadata.version("listing-archive")
except _metadata.PackageNotFoundError:  # a checkout that is not installed
    _VERSION = "0"
USER_AGENT = f"listing-archive/{_VERSION} (+research archive of listing pages)"

ROBOTSTXT_OBEY = True
# The longest robots.txt Crawl-delay we honour (seconds): a site asking for hours is misconfigured.
ROBOTSTXT_MAX_CRAWL_DELAY = 120.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_DELAY = 1.0
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
# Scrapy starts this many workers for each response's output (100 by default): a page's output is one
# item carrying its entries and a few requests, and the pipelines do not wait on I/O (benchmarks/crawl.py).
CONCURRENT_ITEMS = 2

DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.HostGuardMiddleware": 50,  # first: before robots.txt is even asked for
    # A start URL's user and password, sent to its own origin only (robots.txt included).
    "crawler.credentials.BasicAuthMiddleware": 60,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
    "crawler.middlewares.ConditionalRequestMiddleware": 640,
    # A page to render that was rendered last time: conditional GETs of it and what it loaded, before a browser.
    "crawler.render_revalidate.RenderRevalidateMiddleware": 645,
    "crawler.middlewares.PoliteDelayMiddleware": 650,
    # A listing that renders: its pages go to Chromium (scrapy-playwright), marked as rendered.
    "crawler.render.RenderMiddleware": 660,
}
RETRY_ENABLED = True
# Pause before retry n: RETRY_BACKOFF_BASE * 2**n seconds, at most RETRY_BACKOFF_MAX;
# a Retry-After header wins, unless it asks for more than RETRY_AFTER_MAX.
RETRY_BACKOFF_BASE = 1.0
RETRY_BACKOFF_MAX = 60.0
RETRY_AFTER_MAX = 300.0
# Send If-None-Match / If-Modified-Since from the archive's last capture of a page.
CONDITIONAL_REQUESTS = True
# Also for rendered pages: their document and what their scripts loaded (docs/rendering.md); False: render them whole.
RENDER_REVALIDATE = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [408, 429, 500, 502, 503, 504, 522, 524]
DOWNLOAD_TIMEOUT = 30.0
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
# Scrapy 2.19's remote control: an HTTP port on 127.0.0.1 that runs Python sent to it, and a job
# file (port and token) under $HOME. A cron crawl needs neither; off, like the telnet console.
REMOTE_CONTROL_ENABLED = False
# Those three are off, and left out of Scrapy's base tables too: Scrapy imports every component its tables name
# (even one set to None) before asking whether it is enabled, and these cost each crawl's start ~0.3 s of CPU
# (the remote control imports aiohttp's web server, the cookies middleware tldextract).
# (crawler/run.py puts one back in its table where a user switches it on: -s COOKIES_ENABLED=True.)
switched_off = {  # the setting that switches it on: (its base table, the component)
    "REMOTE_CONTROL_ENABLED": ("EXTENSIONS_BASE", "scrapy.extensions.remote_control.RemoteControl"),
    "TELNETCONSOLE_ENABLED": ("EXTENSIONS_BASE", "scrapy.extensions.telnet.TelnetConsole"),
    "COOKIES_ENABLED": ("DOWNLOADER_MIDDLEWARES_BASE", "scrapy.downloadermiddlewares.cookies.CookiesMiddleware"),
}
_NEVER_LOADED = {component for _, component in switched_off.values()}
EXTENSIONS_BASE = {k: v for k, v in scrapy_defaults.EXTENSIONS_BASE.items() if k not in _NEVER_LOADED}
DOWNLOADER_MIDDLEWARES_BASE = {
    k: v for k, v in scrapy_defaults.DOWNLOADER_MIDDLEWARES_BASE.items() if k not in _NEVER_LOADED
}

ITEM_PIPELINES = {
    "pipelines.normalise.NormalisePipeline": 100,
    "pipelines.validate.ValidatePipeline": 200,
    "pipelines.archive.ArchivePipeline": 900,
    # After the archive, which keeps every sighting: feed exports (-O) get each entry once.
    "pipelines.dedupe.DedupePipeline": 950,
}

# The SQLite archive the crawl writes to; empty to crawl without archiving.
ARCHIVE_DB = "archive.db"
# Entries buffered before one write transaction.
ARCHIVE_BATCH_SIZE = 500
# How long a write waits, in all, for another process's lock on the archive (seconds),
# retrying with backoff, before the crawl gives up and is recorded as failed.
ARCHIVE_LOCK_WAIT = 120.0
# Read the feed a listing's first page advertises, to confirm its entries and fill their dates.
FEED_WITNESS = True
# Worker processes that parse listing pages (crawler/parse_pool.py), so a crawl uses a
# second core; 0 parses in the crawl's own process. They start once a crawl has
# requested PARSE_PROCESS_AFTER pages: a worker's start-up pays only on bigger crawls.
PARSE_PROCESSES = 1
PARSE_PROCESS_AFTER = 50
# Seconds a parse worker may take to answer a page before it is given up (killed; pages parsed in-process).
PARSE_ANSWER_TIMEOUT = 120
# A listing stops after this many pages (endless pagination); it is then incomplete.
LISTING_MAX_PAGES = 1000
# Rendering listings a browser builds (crawler/render.py, `--render`): pages open at once in
# the crawl's one browser (each holds tens of MB), and the Chromium to drive ("" is the
# RENDER_BROWSER environment variable, else chromium on PATH).
RENDER_CONCURRENCY = 2
RENDER_BROWSER = ""
# Fields that never count as a change (a list of field names).
ARCHIVE_IGNORE_FIELDS = []

# A distributed crawl (crawl --frontier; archive/coordinator.py). The environment variables
# LISTING_ARCHIVE_LEASE, LISTING_ARCHIVE_LEASE_ATTEMPTS and LISTING_ARCHIVE_STALL, read when a
# crawl starts, stand in for a setting not given with -s or in a config file.
# How long a worker holds a page before it goes back to the queue (seconds; renewed while it works).
FRONTIER_LEASE = 120.0
# A page whose lease expired this many times (each time its worker stopped answering) is given up on.
FRONTIER_LEASE_ATTEMPTS = 3
# With pages queued but no worker taking any for this long (seconds), the crawl stops, incomplete.
FRONTIER_STALL = 600.0
# A worker not heard from for this long (seconds; each says every second that it is at work) is gone: with pages
# left and every worker gone (kill -9, a machine stopped), the crawl stops at once, incomplete.
FRONTIER_WORKER_GONE = 15.0

# A one-line progress display (the CLI turns it on when its output is a terminal).
EXTENSIONS = {
    "crawler.progress.Progress": 500,
    "crawler.stop_waits.EndWaitsOnStop": 510,
    # A page's item carries its entries (crawler/items.py): feeds get one record, and the counts one, an entry.
    "scrapy.extensions.corestats.CoreStats": None,
    "pipelines.feed_export.EntryStats": 0,
    "scrapy.extensions.feedexport.FeedExporter": None,
    "pipelines.feed_export.EntryFeedExporter": 0,
}
PROGRESS_ENABLED = False

FEED_EXPORT_ENCODING = "utf-8"
# -O items.csv: a cell a spreadsheet would run as a formula starts with ' (as `export --format csv`).
FEED_EXPORTERS = {"csv": "pipelines.csv_feed.FormulaSafeCsvItemExporter"}
FEED_EXPORT_FIELDS = list(field_table.EXPORTED_FIELDS)
LOG_LEVEL = "INFO"
# Scrapy's own messages, minus the dozen DEBUG lines a page that LOG_LEVEL would hide anyway.
LOG_FORMATTER = "crawler.middlewares.QuietLogFormatter"


# -- checking overrides ------------------------------------------------------
# `-s NAME=VALUE` and a config file's [settings] are checked against the settings Scrapy
# and this project know, before anything is crawled: a clear SettingError naming the
# setting and the type expected, never a traceback mid-crawl or a typo silently ignored.
# (Lower-case names below: Scrapy takes every upper-case name of this module as a setting.)

# Read by Scrapy or by this project with a default given in code, so not above.
_extra_settings = {"ROBOTSTXT_MAX_CRAWL_DELAY": 120.0, "CONCURRENT_REQUESTS_PER_IP": 0}
# Numbers that must be above zero (zero would hang the crawl or time out every request).
_positive = {
    "CONCURRENT_REQUESTS",
    "CONCURRENT_REQUESTS_PER_DOMAIN",
    "CONCURRENT_ITEMS",
    "AUTOTHROTTLE_TARGET_CONCURRENCY",
    "DOWNLOAD_TIMEOUT",
    "DNS_TIMEOUT",
    "ARCHIVE_BATCH_SIZE",
    "LISTING_MAX_PAGES",
    "RENDER_CONCURRENCY",
    "REACTOR_THREADPOOL_MAXSIZE",
    "FRONTIER_LEASE",
    "FRONTIER_LEASE_ATTEMPTS",
    "FRONTIER_STALL",
    "FRONTIER_WORKER_GONE",
}
# Waits, in seconds, bounded: 1e23 s would keep a crawl "running" for ever (and overflow a timer).
_max_seconds = 3600
_seconds = {"DOWNLOAD_DELAY", "DOWNLOAD_TIMEOUT", "DNS_TIMEOUT", "AUTOTHROTTLE_START_DELAY", "AUTOTHROTTLE_MAX_DELAY"}
# Numbers Scrapy reads as floats although their default is written as an integer.
_floats = {"DNS_TIMEOUT"}
_status_lists = {"RETRY_HTTP_CODES", "HTTPERROR_ALLOWED_CODES", "HTTPCACHE_IGNORE_HTTP_CODES"}
_log_levels = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")
_type_names = {
    bool: "true or false",
    int: "a whole number",
    float: "a number",
    list: "a comma-separated list",
    dict: "a JSON object",
    str: "a string",
}


class SettingError(ListingArchiveError, ValueError):
    """A setting override that cannot be used; the message names the setting and the type expected."""


def known_settings() -> dict:
    """Every setting name Scrapy and this project know, with its default."""
    from scrapy.settings import default_settings  # ~400 modules: only when -s names are checked

    known = {n: v for n, v in vars(default_settings).items() if n.isupper() and not n.startswith("_")}
    known.update({n: v for n, v in globals().items() if n.isupper() and not n.startswith("_")})
    known.update(_extra_settings)
    return known


# Tables of components: one given with -s or in a config adds to the project's (an entry set to null takes
# one out), as Scrapy's `_BASE` tables do; replacing it dropped the host guard, the password's origin check
# and the archive's own pipelines without a word.
_COMPONENT_TABLES = ("DOWNLOADER_MIDDLEWARES", "SPIDER_MIDDLEWARES", "ITEM_PIPELINES", "EXTENSIONS")
_ARCHIVE_PIPELINE = "pipelines.archive.ArchivePipeline"


def check_settings(overrides: dict) -> dict:
    """Each override checked against the known settings; returns them converted to their types."""
    known = known_settings()
    out = {}
    for name, value in overrides.items():
        if not isinstance(name, str) or name not in known:
            raise SettingError(_unknown_message(name, known))
        if name in FILE_SETTINGS and isinstance(value, str) and not value.strip():
            raise SettingError(f"{name}: {EMPTY_VALUE}")
        out[name] = _converted(name, value, known[name])
    return out


def _unknown_message(name, known: dict) -> str:
    text = str(name)
    if text.upper() in known:
        return f"{text}: setting names are upper case; did you mean {text.upper()}?"
    close = difflib.get_close_matches(text.upper(), list(known), n=1, cutoff=0.75)
    hint = (
        f"; did you mean {close[0]}?"
        if close
        else " (see `scrapy settings` and crawler/settings.py for the known ones)"
    )
    return f"{text}: unknown setting{hint}"


def _converted(name: str, value, default):
    """`value` as the type of `default`, or a SettingError."""
    if name.endswith("LOG_LEVEL"):
        return _log_level(name, value)
    if isinstance(default, bool):
        return _as_bool(name, value)
    if isinstance(default, (int, float)):
        return _as_number(name, value, float if name in _floats else type(default))
    if isinstance(default, (list, tuple)):
        return _as_list(name, value)
    if isinstance(default, dict) and name in _COMPONENT_TABLES:
        return {**default, **_loadable(name, _as_dict(name, value))}
    if isinstance(default, dict):
        return _as_dict(name, value)
    if isinstance(default, str) and not isinstance(value, str):
        raise SettingError(_wrong(name, value, str))
    return value


def _wrong(name: str, value, expected: type, extra: str = "") -> str:
    return f"{name}={value!r}: expected {_type_names[expected]}{extra}"


def _as_bool(name: str, value) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1"):
        return True
    if text in ("false", "0"):
        return False
    raise SettingError(_wrong(name, value, bool))


# The largest whole number a setting takes: every whole number up to it is exact as a float, as a config's
# `4.0` is read; `CONCURRENT_REQUESTS = 1e300` in a config was a 301-digit number.
_MAX_WHOLE = 2**53


def _whole(given) -> int | None:
    """A whole number written as one (`8`) or as a float (`8.0`, `1e3`), in a config or after -s alike; None if not."""
    if isinstance(given, int) or (isinstance(given, str) and given.lstrip("+-").isdigit()):
        return int(given)
    try:
        number = float(given)
    except (TypeError, ValueError, OverflowError):
        return None
    return int(number) if math.isfinite(number) and number.is_integer() else None


def _as_number(name: str, value, expected: type):
    number = None
    if not isinstance(value, bool):
        given = value.strip() if isinstance(value, str) else value
        try:
            number = _whole(given) if expected is int else expected(given)
        except (TypeError, ValueError, OverflowError):
            number = None
    if number is None or not math.isfinite(number):
        raise SettingError(_wrong(name, value, expected))
    if expected is int and abs(number) > _MAX_WHOLE:
        raise SettingError(_wrong(name, value, expected, f", at most {_MAX_WHOLE}"))
    if number < 0 and "PRIORITY" not in name:
        raise SettingError(_wrong(name, value, expected, ", not negative"))
    if number == 0 and name in _positive:
        raise SettingError(_wrong(name, value, expected, " above 0"))
    if number > _max_seconds and name in _seconds:
        raise SettingError(_wrong(name, value, expected, f" of seconds, at most {_max_seconds}"))
    return number


def _as_list(name: str, given) -> list:
    value = [part.strip() for part in given.split(",") if part.strip()] if isinstance(given, str) else given
    if not isinstance(value, (list, tuple)):
        raise SettingError(_wrong(name, given, list))
    if name in _status_lists:
        codes = [str(v).strip() for v in value if not isinstance(v, bool)]
        if len(codes) < len(value) or not all(c.isdigit() and 100 <= int(c) <= 599 for c in codes):
            raise SettingError(_wrong(name, given, list, " of HTTP status codes (100-599), e.g. 429,503"))
        return [int(c) for c in codes]
    if name == "ARCHIVE_IGNORE_FIELDS" and (problem := ignore_fields_problem(value)):
        raise SettingError(_wrong(name, given, list, f" of entry fields; {problem}"))
    return list(value)


def ignore_fields_problem(fields) -> str | None:
    """Why `fields` cannot be ignored in comparing versions (--ignore-field, ARCHIVE_IGNORE_FIELDS), or None: an
    unknown name, or a field that never makes a version (entry_id, the key; where it is listed), which
    `--ignore-field entry_id` accepted without a word, ignoring nothing."""
    unknown = [str(f) for f in fields if f not in field_table.FIELDS]
    if unknown:
        return f"unknown: {', '.join(unknown)}; known: {', '.join(field_table.VERSIONED_FIELDS)}"
    fixed = [f for f in fields if f not in field_table.VERSIONED_FIELDS]
    if fixed:
        return (
            f"{', '.join(fixed)} never count{'s' if len(fixed) == 1 else ''} as a change (the entry's key, or where "
            f"it is listed): nothing to ignore; these can be ignored: {', '.join(field_table.VERSIONED_FIELDS)}"
        )
    return None


def _as_dict(name: str, value) -> dict:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            pass
    if not isinstance(value, dict):
        raise SettingError(_wrong(name, value, dict, ', e.g. {"crawler.middlewares.X": 500}'))
    return value


def _loadable(name: str, table: dict) -> dict:
    """Each component named can be imported: a typo is one line now, not Scrapy's traceback mid-start."""
    from scrapy.utils.misc import load_object

    if name == "ITEM_PIPELINES" and _ARCHIVE_PIPELINE in table and table[_ARCHIVE_PIPELINE] is None:
        # Without it a crawl wrote nothing and ended "did not start" (exit 4), its archive made.
        raise SettingError(f"{name}: {_ARCHIVE_PIPELINE!r} writes the archive and cannot be taken out")
    for path, order in table.items():
        # Scrapy sorts by order and builds each from a class: anything else was its traceback mid-start.
        # NaN sorts nowhere (the components' order would be left to chance); JSON and TOML both spell it
        if order is not None and (
            isinstance(order, bool) or not isinstance(order, (int, float)) or not math.isfinite(order)
        ):
            raise SettingError(f"{name}: {order!r} is no order for {path!r} (a number, or null to take it out)")
        try:
            # A null's name is loaded too: a misspelt one took nothing out, without a word.
            component = load_object(path)
        except (ImportError, AttributeError, NameError, ValueError, TypeError) as exc:
            raise SettingError(f"{name}: cannot load {path!r} ({exc})") from None
        if not inspect.isclass(component):
            raise SettingError(f"{name}: {path!r} is no class (a component is a class, e.g. crawler.middlewares.X)")
    return table


def _log_level(name: str, value) -> str:
    if not isinstance(value, str) or value.strip().upper() not in _log_levels:
        raise SettingError(f"{name}={value!r}: expected a log level: {', '.join(_log_levels)}")
    return value.strip().upper()
