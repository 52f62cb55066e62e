"""Scrapy settings for listing-archive: polite by default (robots.txt, AutoThrottle,
retries with backoff), archive on. Override any of them with `-s NAME=VALUE`."""

from crawler import entries  # lower-case: Scrapy takes only upper-case names as settings

BOT_NAME = "listing-archive"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Who we are: name the project and a contact (`--contact` on the CLI sets it).
CONTACT = ""
USER_AGENT = "listing-archive/0.1 (+research archive of listing pages)"

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
DOWNLOAD_TIMEOUT = 30
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
# Fields that never count as a change (a list of field names).
ARCHIVE_IGNORE_FIELDS = []

# A one-line progress display (the CLI turns it on when its output is a terminal).
EXTENSIONS = {"crawler.progress.Progress": 500}
PROGRESS_ENABLED = False

FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(entries.FIELDS)
LOG_LEVEL = "INFO"
