"""listing-archive: a thin command line over the crawler and the archive library.

Every command takes --db PATH (default archive.db, or $LISTING_ARCHIVE_DB).
Exit status: 0 success; 1 error (bad input, unknown entry); 2 usage error;
3 crawl partial (some listing page could not be fetched); 4 crawl failed;
5 crawl suspect (health checks failed); 75 another crawl holds the archive's lock.

One module per command group: crawling (crawl, schedule), offline (parse, reparse),
learning (learn), reading (export, history, search, crawls, schema, export-warc, serve),
reporting (diff), admin (demo, backup, migrate).
"""

from __future__ import annotations

import click

from crawler.log_records import clean_log_records

from ..reports.safety import for_terminal
from . import admin, crawling, distributed, learning, offline, reading, reporting


class CleanErrors(click.Group):
    """Every error a command ends with reaches the terminal without control or bidi characters: its message
    may echo a file name or URL the user typed (or a page's text), and a U+202E in it reverses what follows;
    every log line it writes likewise."""

    def invoke(self, ctx):
        clean_log_records()  # the warnings a command logs (reparse, parse) name scraped links
        try:
            return super().invoke(ctx)
        except click.ClickException as exc:
            exc.message = for_terminal(exc.message)
            raise


@click.group(cls=CleanErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="listing-archive", prog_name="listing-archive")
def main():
    """Crawl resource listing pages into a SQLite archive with full change history.

    \b
    Example:
      listing-archive crawl ilo --db archive.db
      listing-archive diff --db archive.db
    """


def _register() -> None:
    for module in (crawling, offline, learning, reading, reporting, admin, distributed):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
