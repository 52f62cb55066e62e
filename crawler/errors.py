"""The exit codes of every command, and the one base of the project's errors, which carries the code
a command exits with when one stops it. Imports nothing: every layer (crawler, pipelines, archive) uses it."""

from __future__ import annotations

EXIT_OK = 0
EXIT_BAD_INPUT = 1  # a clear message, never a traceback
EXIT_USAGE = 2  # click's own code for a command line it cannot read
EXIT_PARTIAL = 3  # a listing page could not be fetched: nothing is marked removed
EXIT_FAILED = 4
EXIT_SUSPECT = 5  # the crawl ran but what it read looks wrong: nothing is marked removed
EXIT_LOCKED = 75  # another crawl holds the archive's lock (EX_TEMPFAIL: try again later)


class ListingArchiveError(Exception):
    """A failure a user can act on: its message says what and why, in one line."""

    exit_code = EXIT_BAD_INPUT


class OutputExists(ListingArchiveError):
    """An -o naming a file that holds something, refused unless --force: one wording for every command
    that writes a file (export, diff, export-warc, learn)."""

    def __init__(self, output) -> None:
        super().__init__(f"{output} exists; give a new file name, or --force to replace it")
