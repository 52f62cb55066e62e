"""Scrapy settings for listing-archive: polite by default (robots.txt, AutoThrottle,
retries with backoff), archive on. Override any of them with `-s NAME=VALUE`."""

from importlib import metadata as _metadata  # lower-case names: Scrapy takes only upper-case ones

from crawler import items as _items

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
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_DELAY = 1.0
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
    "crawler.middlewares.ConditionalRequestMiddleware": 640,
    "crawler.middlewares.PoliteDelayMiddleware": 650,
}
RETRY_ENABLED = True
# Pause before retry n: RETRY_BACKOFF_BASE * 2**n seconds, at most RETRY_BACKOFF_MAX;
# a Retry-After header wins, unless it asks for more than RETRY_AFTER_MAX.
RETRY_BACKOFF_BASE = 1.0
RETRY_BACKOFF_MAX = 60.0
RETRY_AFTER_MAX = 300.0
# Send If-None-Match / If-Modified-Since from the archive's last capture of a page.
CONDITIONAL_REQUESTS = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [408, 429, 500, 502, 503, 504, 522, 524]
DOWNLOAD_TIMEOUT = 30.0
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

ITEM_PIPELINES = {
    "pipelines.normalise.NormalisePipeline": 100,
    "pipelines.validate.ValidatePipeline": 200,
    "pipelines.dedupe.DedupePipeline": 300,
    "pipelines.archive.ArchivePipeline": 900,
}

# The SQLite archive the crawl writes to; empty to crawl without archiving.
ARCHIVE_DB = "archive.db"
# Entries buffered before one write transaction.
ARCHIVE_BATCH_SIZE = 500
# How long a write waits, in all, for another process's lock on the archive (seconds),
# retrying with backoff, before the crawl gives up and is recorded as failed.
ARCHIVE_LOCK_WAIT = 120.0
# A listing stops after this many pages (endless pagination); it is then incomplete.
LISTING_MAX_PAGES = 1000
# Fields that never count as a change (a list of field names).
ARCHIVE_IGNORE_FIELDS = []

# A one-line progress display (the CLI turns it on when its output is a terminal).
EXTENSIONS = {"crawler.progress.Progress": 500}
PROGRESS_ENABLED = False

FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(_items.EXPORTED_FIELDS)
LOG_LEVEL = "INFO"


def _typed_defaults() -> dict:
    return {name: value for name, value in globals().items() if name.isupper() and isinstance(value, (bool, int, float))}


# Settings that count things or seconds: a negative value makes no sense.
_NON_NEGATIVE = ("CONCURRENT", "RETRY", "DOWNLOAD", "DELAY", "TIMEOUT", "MAX", "SIZE", "WAIT", "AUTOTHROTTLE", "LIMIT")


def check_settings(overrides: dict) -> None:
    """Each override of a typed setting must read as its type: a clear ValueError, never a crash mid-crawl."""
    from scrapy.settings import default_settings

    defaults = {n: v for n, v in vars(default_settings).items() if n.isupper() and isinstance(v, (bool, int, float))}
    defaults.update(_typed_defaults())
    for name, value in overrides.items():
        if name not in defaults:
            continue
        expected = type(defaults[name])
        if not _reads_as(value, expected):
            raise ValueError(f"setting {name}={value!r}: expected {_TYPE_NAMES[expected]}")
        if expected is not bool and any(part in name for part in _NON_NEGATIVE) and float(value) < 0:
            raise ValueError(f"setting {name}={value!r}: must not be negative")


_TYPE_NAMES = {bool: "True or False", int: "a whole number", float: "a number"}


def _reads_as(value, expected: type) -> bool:
    if expected is bool:
        return isinstance(value, bool) or str(value).strip().lower() in ("true", "false", "1", "0", "yes", "no", "on", "off")
    if isinstance(value, bool):
        return False
    try:
        number = float(value) if expected is float else int(str(value).strip()) if not isinstance(value, (int, float)) else value
    except (TypeError, ValueError):
        return False
    return expected is float or float(number).is_integer()
