"""What every command shares: the --db option, opening the archive, clear errors."""

from __future__ import annotations

import errno
import functools
import math
import os
import shutil
import signal
import sqlite3
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import click

from crawler.credentials import split_credentials
from crawler.errors import ListingArchiveError, OutputExists
from crawler.origins import mask_query_secrets, redact
from crawler.setting_names import EMPTY_VALUE

from ..locking import is_archive_file, sqlite_file_of
from ..reports.safety import for_terminal


class ArchivePath(click.Path):
    """A file path, like click.Path(dir_okay=False); a bad one taken from $LISTING_ARCHIVE_DB says so,
    since the user typed no --db."""

    def __init__(self):
        super().__init__(dir_okay=False)

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as exc:
            if ctx is not None and ctx.get_parameter_source(param.name) == click.core.ParameterSource.ENVIRONMENT:
                exc.param_hint = f"${param.envvar}"  # "Invalid value for $LISTING_ARCHIVE_DB: ..."
            raise


class FiniteFloatRange(click.FloatRange):
    """click.FloatRange refusing nan and inf: nan passes every comparison its range check makes, and an open
    range lets inf through (a schedule's NaN pause, a worker's endless wait, found only after a crawl ran)."""

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number.", param, ctx)
        return number


def limit_option(default: int, help: str):
    """--limit N, from 1 to 100,000 (a negative or huge N is a usage error, not every row or a traceback)."""
    return click.option("--limit", default=default, show_default=True, type=click.IntRange(1, 100_000), help=help)


def not_empty(ctx, param, value):
    """A click callback: `--since ''` (a variable that expanded to nothing) is an error, not "not given"; so is
    the option's variable set empty (`LISTING_ARCHIVE_DB=$ARCHIVE` with ARCHIVE unset), which click takes as unset."""
    source = ctx.get_parameter_source(param.name) if ctx is not None else None
    variable = param.envvar if isinstance(param.envvar, str) else None
    given = click.core.ParameterSource.DEFAULT, click.core.ParameterSource.ENVIRONMENT
    if variable and source in given and os.environ.get(variable, "unset").strip() == "":
        raise click.BadParameter("set but empty; give a value, or unset it", param_hint=f"${variable}")
    values = value if isinstance(value, tuple) else (value,)
    if any(v is not None and not v.strip() for v in values):
        raise click.BadParameter(EMPTY_VALUE)
    return value


DB_OPTION = click.option(
    "--db",
    "db",
    default="archive.db",
    envvar="LISTING_ARCHIVE_DB",
    show_default=True,
    type=ArchivePath(),
    callback=not_empty,  # `--db "$DB"` with DB unset said " is not a file (a folder, a device or a pipe)"
    help="The SQLite archive, e.g. --db lao.db.",
)


# A crawl id: SQLite's integers end at 2**63 - 1; a larger one is a usage error, not an OverflowError.
CRAWL_ID = click.IntRange(1, 2**63 - 1)


def crawl_or_date(ctx, param, value):
    """A click callback for CRAWL|DATE: not empty, and a number in CRAWL_ID's range."""
    value = not_empty(ctx, param, value)
    if value is not None and value.strip().isdigit():
        CRAWL_ID.convert(value.strip(), param, ctx)
    return value


def not_a_file(ctx, param, value):
    """A click callback for a folder to create or reuse: one that exists and is not a folder is refused, and
    so is an empty value (`--jobdir "$DIR"` with DIR unset ran a crawl that cannot resume)."""
    value = not_empty(ctx, param, value)
    if value is not None and os.path.lexists(value) and not os.path.isdir(value):
        raise click.BadParameter(f"{value} exists and is not a folder; give a folder, or a path that does not exist")
    return value


def friendly_errors(func):
    """Known failures become one clear line and exit 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if sys.stdout is None:  # started with standard output closed (`>&-`, a daemon): Python leaves None
            sys.stdout = ClosedStandardOutput()
        # Here, not at the top: these errors' modules load the store and the extractor, which --help does not need.
        from crawler.extract.profiles import ProfileError

        from ..diff import DiffError
        from ..queries import NotFound
        from ..schema import SchemaError
        from ..store import ArchiveError

        try:
            return func(*args, **kwargs)
        except ListingArchiveError as exc:  # every error of ours says what and why, and carries its exit code
            failure = click.ClickException(str(exc))
            failure.exit_code = exc.exit_code
            raise failure from None
        except BrokenPipeError:
            quiet_after_broken_pipe()
        except sqlite3.DatabaseError as exc:  # a damaged page met half-way through reading
            raise click.ClickException(database_error(kwargs.get("db"), exc)) from None
        except (ArchiveError, ProfileError, NotFound, DiffError, SchemaError, ValueError, OSError) as exc:
            if isinstance(exc, click.ClickException):
                raise
            if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:  # e.g. the archive's lock file
                where = f" for {exc.filename}" if exc.filename else ""
                raise click.ClickException(f"disk full: no space left on the device{where}") from None
            raise click.ClickException(str(exc)) from None

    return wrapper


def database_error(db: str | None, exc: sqlite3.DatabaseError) -> str:
    """SQLite's complaint about the archive, as one line saying what to do."""
    where = db or "the archive"
    if "malformed" in str(exc):
        return f"{where} is damaged ({exc}); restore it from a backup"
    return f"{where} is not a usable archive: {exc}"


class ClosedStandardOutput:
    """Stands in for a closed standard output: what a command would print there is one clear error, not an
    AttributeError traceback; a command that prints nothing there (`export -o FILE`) runs as ever."""

    encoding, errors = "utf-8", "strict"

    def write(self, _data):
        raise ListingArchiveError("standard output is closed: give -o FILE, or redirect it (>FILE), not close it")

    def flush(self):
        pass  # nothing was ever written

    def isatty(self):
        return False

    @property
    def buffer(self):
        return self.write(b"")  # asked for by `export-warc -o -` before it writes anything: the same refusal


def quiet_after_broken_pipe():
    """`listing-archive schema | head`: the reader went away; stop quietly, as Unix tools do."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # Python's flush at exit must not fail again
    sys.exit(0)


def open_writer(db: str, must_exist: bool = True):
    """The archive for a command that writes (it may migrate the schema)."""
    from ..store import Archive  # here, not at the top: --help loads no store

    if must_exist:
        _check_exists(db)
    return Archive(db)


def open_reader(db: str):
    """The archive for a command that only reads: opened read-only, never migrated or changed."""
    from ..store import Archive  # here, not at the top: --help loads no store

    _check_exists(db)
    return Archive(db, readonly=True)


def names_a_folder(path: str) -> bool:
    """`path` is a folder, there or not: empty (`-o ""`), `.`, or ending in a slash (`-o reports/`, which
    wrote a file named `reports`)."""
    return not path or path.endswith(("/", os.sep)) or os.path.basename(path) in {".", ".."} or os.path.isdir(path)


def refuse_folder_as_output(output: str | None, option: str = "-o") -> None:
    """A file to write that names a folder is refused before anything is written (`backup reports/` copied it
    all, then failed on a raw "[Errno 20] Not a directory")."""
    if output is not None and output != "-" and names_a_folder(output):
        raise click.ClickException(f"{option} {output!r} is a folder, not a file: give a file name")


def refuse_sqlite_output(output: str) -> None:
    """Not even --force writes over a SQLite database: another archive, whose every crawl would be lost; nor
    over one of its files (`learn -o a.db-wal --force` replaced the log holding a killed crawl's commits)."""
    found = sqlite_file_of(output)
    if found and found[1]:
        raise click.ClickException(f"{output} is a file of the archive {found[0]}: give another -o")
    if found:
        raise click.ClickException(f"{output} is a SQLite database (an archive?): give another -o")


def refuse_archive_as_output(output: str | None, db: str) -> None:
    """An -o naming the archive (or its -wal, -shm, journal or lock file, or a link to it) is refused
    before anything is written: `export --db a.db -o a.db` overwrote the archive with its own export. So is
    one naming a folder (`-o ""` from an empty variable, `-o .`), which failed only after the file was written,
    and, even with --force, another archive."""
    refuse_folder_as_output(output)
    if not output or output == "-":
        return
    if is_archive_file(output, db):
        raise click.ClickException(f"{output} is the archive itself ({db}, or a file of it); give another -o")
    refuse_sqlite_output(output)


FORCE_OPTION = click.option("--force", is_flag=True, help="Replace the -o file if it exists (and is not empty).")


def refuse_replacing(output: str | None, force: bool) -> None:
    """An -o naming a file that holds something is refused unless --force: `export -o FILE` run twice lost the
    first export silently. An empty file (`mktemp`'s) or a device (`-o /dev/null`) holds nothing to lose."""
    if force or not output or output == "-":
        return
    if os.path.isfile(output) and os.path.getsize(output) > 0:
        raise OutputExists(output)


def refuse_missing_folder(output: str) -> None:
    """An -o in a folder that is not there is one line naming what was given (export-warc's raw errno named
    its internal .part file)."""
    folder = os.path.dirname(os.path.realpath(output))
    if output != "-" and not os.path.isdir(folder):  # a link's own folder exists: name the one its target lacks
        missing = folder if os.path.islink(output) else os.path.dirname(output) or "."
        raise click.ClickException(f"no folder {missing} for {output}: give another -o")


@contextmanager
def whole_or_nothing(output: str, replace: bool = True):
    """A text file for `output` that takes its place only once written whole: an export stopped half-way
    (Ctrl-C, SIGTERM, a full disk) leaves the file as it was, never a shortened copy that looks complete.
    "-" is standard output; a device, a pipe (`-o /dev/stdout`) or a file in a folder we cannot write is
    written in place. Without `replace`, a file that something else wrote meanwhile is not replaced either."""
    if output == "-":
        yield click.open_file("-", "w", encoding="utf-8")  # standard output, left open
        return
    from ..backup import written_in_place  # here, not at the top: --help loads no store

    refuse_missing_folder(output)
    target = os.path.realpath(output)
    folder = os.path.dirname(target)
    if written_in_place(output) or not os.access(folder, os.W_OK):
        with open(output, "w", encoding="utf-8") as stream:  # no part file possible: written in place
            yield stream
        return
    part = os.path.join(folder, f".{os.path.basename(target)}.{os.getpid()}.part")
    try:
        with sigterm_unwinds(), open(part, "w", encoding="utf-8") as stream:
            yield stream
        _into_place(part, target, output, replace)
    finally:
        if os.path.exists(part):
            os.unlink(part)


def _into_place(part: str, target: str, output: str, replace: bool) -> None:
    from ..backup import link_into_place  # here, not at the top: --help loads no store

    if os.path.exists(target):
        shutil.copymode(target, part)  # the file keeps who may read it
    if replace or (os.path.isfile(target) and not os.path.getsize(target)):
        os.replace(part, target)
        return
    try:
        link_into_place(part, target)  # fails where the name is taken, even by a file written meanwhile
    except FileExistsError:
        raise OutputExists(output) from None


def _check_exists(db: str) -> None:
    path = Path(db)
    if not path.exists():
        raise click.ClickException(f"no archive at {db}: run `listing-archive crawl` first, or pass --db PATH")
    if not path.is_file():
        raise click.ClickException(f"{db} is not a file (a folder, a device or a pipe), not an archive")
    if path.stat().st_size == 0:
        raise click.ClickException(f"{db} is an empty file, not an archive")


@contextmanager
def sigterm_unwinds():
    """While a command writes a file: SIGTERM (a service stopped, `timeout`) unwinds like Ctrl-C, so the
    command's own clean-up runs (no half-written file is left), then it exits 143 as if killed by it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_sigterm(signum, _frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def check_listing(conn: sqlite3.Connection, listing: str | None) -> str | None:
    """--listing as the archive keeps it (a start URL's password taken off, its `?token=` masked, as a crawl
    stored it), and that the archive holds it: a slip (http for https, a trailing slash) matched nothing and was
    reported as "nothing new, changed or removed", exit 0."""
    if listing is None:
        return None
    listing = kept_as(listing)
    query = "SELECT 1 FROM {} WHERE listing_url=? LIMIT 1"
    if any(conn.execute(query.format(table), (listing,)).fetchone() for table in ("listing_crawls", "sightings")):
        return listing
    known = [row[0] for row in conn.execute("SELECT DISTINCT listing_url FROM listing_crawls LIMIT 6")]
    hint = ("; it holds " + ", ".join(for_terminal(url) for url in known[:5])) if 0 < len(known) <= 5 else ""
    raise click.BadParameter(f"no listing {for_terminal(listing)} in this archive{hint}", param_hint="--listing")


def kept_as(url: str) -> str:
    """A start URL as a crawl keeps it in the archive: without user and password, its query's secrets `***`."""
    try:
        bare, _ = split_credentials(url)
    except ValueError:  # no URL urlsplit can read: shown masked all the same
        bare = redact(url)
    return mask_query_secrets(bare)


def is_tty(stream) -> bool:
    """The stream is a terminal: scraped text shown there goes through reports.safety first."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
