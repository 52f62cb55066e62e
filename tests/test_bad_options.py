"""Options given a value that cannot mean what was asked: a usage error or one clear line, never a
silent default, a dropped option, a traceback, or the wrong exit code.
"""

import os
import socket
import subprocess
import sys

import pytest
from conftest import FAST, ROOT, SEED_URL, cli
from helpers import NOWHERE, good_archive
from synthetic import page


@pytest.fixture
def db(tmp_path):
    return good_archive(tmp_path / "archive.db")


@pytest.mark.parametrize(
    "args,option",
    [
        (["diff", "--since", ""], "--since"),
        (["diff", "--from", ""], "--from"),
        (["diff", "--to", " "], "--to"),
        (["diff", "--only", ""], "--only"),
        (["diff", "--listing", ""], "--listing"),
        (["search", "forum", "--since", ""], "--since"),
        (["search", "forum", "--until", ""], "--until"),
        (["search", "forum", "--organiser", ""], "--organiser"),
        (["export", "--as-of", ""], "--as-of"),
        (["diff", "--since-last-report="], "--since-last-report"),
        (["diff", "--since-last-report", ""], "--since-last-report"),
        (["diff", "--mark-reported="], "--mark-reported"),
    ],
)
def test_an_empty_value_is_not_taken_as_not_given(db, args, option):
    """`--since "$SINCE"` with SINCE unset used to report everything, as if no --since were given. A stranger found
    `--since-last-report="$TEAM"` / `--mark-reported="$TEAM"` with TEAM unset taken the same way: exit 0, a report
    of the last two crawls, no mark read or moved."""
    result = cli(*args, "--db", db)
    assert result.returncode == 2 and f"Invalid value for '{option}': empty" in result.stderr, result.stderr
    assert result.stdout == ""


def test_diff_only_with_no_kind_in_it(db):
    result = cli("diff", "--only", ",", "--db", db)
    assert result.returncode == 2 and "names no kind" in result.stderr and result.stdout == ""


@pytest.mark.parametrize("command", [["diff"], ["search", "forum"]])
def test_a_listing_the_archive_does_not_hold_is_refused_not_reported_as_unchanged(db, command):
    """`--listing` with a slip in the address matched nothing: "nothing new, changed or removed", exit 0."""
    slip = SEED_URL.replace("http://", "https://") if SEED_URL.startswith("http://") else SEED_URL + "/"
    result = cli(*command, "--listing", slip, "--db", db)
    assert result.returncode == 2 and "no listing" in result.stderr and SEED_URL in result.stderr, result.stderr
    assert result.stdout == ""
    assert cli(*command, "--listing", SEED_URL, "--db", db).returncode == 0


def test_diff_since_and_from_together_are_refused(db):
    """--from used to be dropped without a word when --since was given."""
    result = cli("diff", "--since", "2020", "--from", "1", "--db", db)
    assert result.returncode == 2 and "--since and --from both say where the report starts" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("port", ["-1", "70000"])
def test_serve_on_a_port_out_of_range(db, port):
    result = cli("serve", "--port", port, "--db", db, timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"Invalid value for '--port': {port} is not in the range" in result.stderr


def test_serve_on_a_busy_port_says_so_in_one_line(db):
    """It used to print "Archive: http://127.0.0.1:PORT/" (someone else's server), a traceback, and exit 3."""
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        result = cli("serve", "--port", port, "--db", db, timeout=60)
    assert result.returncode == 1 and result.stdout == "", result.stdout
    assert result.stderr.strip() == (
        f"Error: cannot serve on 127.0.0.1:{port} (Address already in use); give another, e.g. --port 0"
    )


def test_serve_on_an_address_not_of_this_machine(db):
    result = cli("serve", "--host", "192.0.2.1", "--port", "8001", "--db", db, timeout=60)  # TEST-NET-1
    assert result.returncode == 2 and result.stdout == "", result.stdout  # a usage error: --host names no address here
    assert "'192.0.2.1' is not an address of this machine (Cannot assign requested address)" in result.stderr


def test_a_notify_url_apprise_cannot_read_is_refused_before_crawling(tmp_path):
    """It used to be accepted, the crawl run, and a warning logged at the end: no one was told of the crawl."""
    db = tmp_path / "new.db"
    result = cli("crawl", "listing", "--start-url", "http://127.0.0.1:9/", "--notify", "::not a url::", "--db", db)
    assert result.returncode == 2 and "--notify: '::not a url::' is not a notification URL" in result.stderr
    assert not db.exists()


def test_a_notify_url_in_a_config_names_the_file_and_key_not_the_password(tmp_path):
    config, db = tmp_path / "listings.toml", tmp_path / "new.db"
    config.write_text(
        'notify = ["json://localhost", "nosuch://user:s3cret@example.org"]\n'
        '[[listing]]\nurl = "http://127.0.0.1:9/"\nspider = "listing"\n'
    )
    result = cli("crawl", "--config", config, "--db", db)
    assert result.returncode == 1 and f"{config}: key 'notify': nosuch://… is not a notification" in result.stderr
    assert "s3cret" not in result.stderr and not db.exists()


def test_an_unreachable_host_with_robots_txt_on_is_one_line_per_failure(tmp_path):
    """Scrapy used to print robots.txt's failure with a whole Twisted traceback, into every cron log."""
    logs = tmp_path / "logs"
    result = cli(
        "crawl", "listing", "--start-url", "http://127.0.0.1:9/news/", "--db", tmp_path / "a.db",
        "--log-dir", logs, "-s", "ROBOTSTXT_OBEY=true", "-s", "RETRY_TIMES=0",
    )  # fmt: skip
    assert result.returncode == 4, result.stdout + result.stderr[-3000:]
    (log,) = logs.glob("*.log")
    for said in (result.stderr, log.read_text()):
        assert "Traceback" not in said and "robots.txt could not be fetched for <GET http://127.0.0.1:9/news/>" in said


HUGE = "99999999999999999999999"  # past SQLite's integers: it used to end in an OverflowError traceback


@pytest.mark.parametrize(
    "args,option",
    [
        (["reparse", "--crawl", HUGE], "--crawl"),
        (["diff", "--from", HUGE, "--to", HUGE], "--from"),
        (["diff", "--from", "1", "--to", HUGE], "--to"),
        (["export-warc", "--crawl", HUGE, "-o", "x.warc"], "--crawl"),
    ],
)
def test_a_crawl_id_past_sqlites_integers_is_a_usage_error(db, args, option):
    result = cli(*args, "--db", db)
    assert result.returncode == 2 and f"Invalid value for '{option}'" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("kind", ["file", "fifo"])
def test_a_jobdir_that_is_not_a_folder_is_refused_in_one_line(tmp_path, kind):
    import os

    jobdir = tmp_path / "job"
    jobdir.write_text("") if kind == "file" else os.mkfifo(jobdir)
    result = cli("crawl", "ilo", "--db", tmp_path / "a.db", "--jobdir", jobdir, "--start-url", "http://127.0.0.1:1/")
    assert result.returncode == 2 and "Invalid value for '--jobdir'" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("given", ["--jobdir under a file", "--jobdir the archive", "config", "-s JOBDIR"])
def test_a_jobdir_that_cannot_be_made_is_refused_in_one_line(tmp_path, given):
    """A jobdir under a file, or the --db file itself (which the crawl creates first), crashed inside Scrapy:
    twisted's 'Unhandled error in Deferred', two or three tracebacks, exit 4 (issue 20). Every way of giving
    one is checked in one place (archive/config_folders.py) before anything is written."""
    db, start = tmp_path / "a.db", f"{NOWHERE}list"
    (tmp_path / "notes.txt").write_text("a file")
    under_a_file = tmp_path / "notes.txt" / "job"
    config = tmp_path / "listings.toml"
    config.write_text(f'jobdir = "{under_a_file}"\n[[listing]]\nurl = "{start}"\n')
    how = {
        "--jobdir under a file": ["--jobdir", under_a_file, "--start-url", start],
        "--jobdir the archive": ["--jobdir", db, "--start-url", start],
        "config": ["--config", config],
        "-s JOBDIR": ["-s", f"JOBDIR={under_a_file}", "--start-url", start],
    }[given]
    done = cli("crawl", "listing", "--db", db, *how, *FAST)
    assert "Traceback" not in done.stdout + done.stderr, done.stderr[-2000:]
    assert done.returncode in (1, 2) and len(done.stderr.strip().splitlines()) <= 3, done.stderr[-2000:]
    named = db if given == "--jobdir the archive" else under_a_file
    assert str(named) in done.stderr and "folder" in done.stderr, done.stderr
    assert not db.exists() and (tmp_path / "notes.txt").read_text() == "a file"


@pytest.mark.parametrize("setting", ["DOWNLOAD_DELAY=1e23", "DOWNLOAD_TIMEOUT=86400"])
def test_a_wait_of_more_than_an_hour_is_refused(tmp_path, setting):
    result = cli("crawl", "ilo", "--db", tmp_path / "a.db", "-s", setting, "--start-url", "http://127.0.0.1:1/")
    assert result.returncode == 2 and "at most 3600" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("value", ["1e300", "1e16", "2.5", "-1"])
def test_a_number_a_whole_number_setting_cannot_take_is_refused_in_a_config_as_with_s(tmp_path, value):
    """stranger35, 2026-12-08 (issue 20): `[settings] CONCURRENT_REQUESTS = 1e300` in a config was accepted (a
    301-digit number of requests), where `-s CONCURRENT_REQUESTS=1e300` is refused: one check for both, which
    reads `8.0` and `1e3` as the whole numbers they are, either way, and takes none above 2**53."""
    from crawler.settings import SettingError, check_settings

    for given in (value, float(value)):  # as -s gives it, as TOML reads it
        with pytest.raises(SettingError, match="CONCURRENT_REQUESTS=.*: expected a whole number"):
            check_settings({"CONCURRENT_REQUESTS": given})
    config = tmp_path / "listings.toml"
    config.write_text(f'[settings]\nCONCURRENT_REQUESTS = {value}\n[[listing]]\nurl = "{NOWHERE}"\n')
    done = cli("crawl", "--config", config, "--db", tmp_path / "a.db", *FAST)
    assert done.returncode == 1 and "Traceback" not in done.stderr and not (tmp_path / "a.db").exists()
    refused = f"Error: {config}: [settings] CONCURRENT_REQUESTS="
    assert done.stderr.strip().splitlines()[-1].startswith(refused), done.stderr


def test_a_whole_number_setting_reads_a_float_written_whole_either_way():
    from crawler.settings import check_settings

    for given in ("8", "8.0", "8e0", 8, 8.0):
        assert check_settings({"CONCURRENT_REQUESTS": given}) == {"CONCURRENT_REQUESTS": 8}
        assert type(check_settings({"CONCURRENT_REQUESTS": given})["CONCURRENT_REQUESTS"]) is int
    assert check_settings({"DOWNLOAD_MAXSIZE": 2**40}) == {"DOWNLOAD_MAXSIZE": 2**40}


@pytest.mark.parametrize(
    "how", [["--ignore-field", "entry_id"], ["--ignore-field", "title", "--ignore-field", "position"]]
)
def test_a_field_that_never_makes_a_version_cannot_be_ignored(tmp_path, how):
    """stranger35, 2026-12-08 (issue 20): `--ignore-field entry_id` was accepted and ignored nothing (the key, and
    where an entry is listed, never count as a change): refused in one line, as an unknown field is, nothing made."""
    done = cli("crawl", "ilo", "--db", tmp_path / "a.db", *how, "--start-url", NOWHERE, *FAST)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr[-800:]
    named = how[-1]
    assert f"--ignore-field: {named} never counts as a change" in done.stderr.strip().splitlines()[-1], done.stderr
    assert "these can be ignored: url, title, description" in done.stderr and not (tmp_path / "a.db").exists()


def test_a_setting_ignoring_a_field_that_never_makes_a_version_is_refused_alike():
    """The nearest path: -s ARCHIVE_IGNORE_FIELDS (and a config's [settings]) goes through the same check."""
    from crawler.settings import SettingError, check_settings

    with pytest.raises(SettingError, match="entry_id, listing_url never count as a change"):
        check_settings({"ARCHIVE_IGNORE_FIELDS": "title,entry_id,listing_url"})
    assert check_settings({"ARCHIVE_IGNORE_FIELDS": "title"}) == {"ARCHIVE_IGNORE_FIELDS": ["title"]}


def test_diff_from_a_crawl_after_the_latest_complete_one_says_what_to_stood_for(tmp_path):
    """`diff --from 2` where crawl 2 was killed (or is running) said "crawl 2 is not before crawl 1": the 1
    came from --to's default, the latest complete crawl, which the user never gave."""
    from archive.store import Archive

    db = good_archive(tmp_path / "a.db")
    with Archive(db) as archive:
        archive.begin_crawl("ilo", [NOWHERE])
    result = cli("diff", "--db", db, "--from", "2")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "crawl 2 (running) is not before crawl 1, the latest complete crawl" in result.stderr, result.stderr


def test_diff_since_a_date_after_the_latest_crawl_is_nothing_new_not_an_error(tmp_path):
    """`diff --since yesterday` with no crawl since said "crawl 1 is not before crawl 1", exit 1."""
    db = good_archive(tmp_path / "a.db")
    result = cli("diff", "--db", db, "--since", "2999-01-01")
    assert result.returncode == 0 and result.stdout.startswith("Nothing new since crawl 1"), result.stdout
    result = cli("diff", "--db", db, "--since", "2999-01-01", "--to", "1")
    assert result.returncode == 1 and "--since 2999-01-01 is not before crawl 1 (--to)" in result.stderr


@pytest.mark.parametrize("command", ["crawl", "schedule"])
def test_crawl_into_an_empty_db_name_is_refused_not_the_default_archive(tmp_path, command):
    """`crawl --db "$DB"` with DB unset crawled into the default archive (the config's db, else ./archive.db)."""
    config = tmp_path / "listings.toml"
    config.write_text(f'db = "fallback.db"\n[[listing]]\nurl = "{NOWHERE}"\n', encoding="utf-8")
    result = cli(command, "--config", config, "--db", "", *FAST)
    assert result.returncode == 2 and "Invalid value for '--db': empty" in result.stderr, result.stderr
    assert not (tmp_path / "fallback.db").exists()


@pytest.mark.parametrize("dest", ["", "  "])
def test_backup_to_an_empty_name_says_so(db, dest):
    """`backup "$DEST"` with DEST unset said " exists; give a new file name", as if a file were there."""
    result = cli("backup", "--db", db, dest)
    assert result.returncode == 2 and "Invalid value for DEST: empty" in result.stderr, result.stderr


@pytest.mark.parametrize("command", [["export"], ["crawls"], ["diff"], ["compact"]])
def test_an_empty_db_name_is_a_usage_error(command):
    result = cli(*command, "--db", " ")
    assert result.returncode == 2 and "Invalid value for '--db': empty" in result.stderr, result.stderr


@pytest.mark.parametrize("seconds", ["nan", "inf", "1e400"])
def test_a_worker_idle_timeout_is_a_finite_number(seconds):
    """NaN passes click's FloatRange(min=0) check and inf its open end (found beside `schedule --jitter nan`):
    refused before the worker looks for its frontier."""
    refused = cli("worker", "--frontier", "redis://127.0.0.1:9/0", "--idle-timeout", seconds, check=2)
    assert f"Invalid value for '--idle-timeout': '{seconds}' is not a finite number." in refused.stderr
    assert "Redis" not in refused.stderr and refused.stdout == ""


def test_search_since_after_until_is_refused_not_reported_as_no_matches(db):
    """`search --since 2024-05 --until 2024-01` said "no matches", exit 0: a reversed window looked like an
    empty archive."""
    result = cli("search", "forum", "--since", "2024-05", "--until", "2024-01", "--db", db)
    assert result.returncode == 1 and "--since 2024-05 is after --until 2024-01" in result.stderr, result.stderr
    assert result.stdout == ""
    assert cli("search", "forum", "--since", "2024-01", "--until", "2024-01", "--db", db).returncode == 0


@pytest.mark.parametrize("option", ["--config", "--profile", "--jobdir", "--log-dir", "--contact", "--frontier"])
def test_an_empty_crawl_option_is_not_taken_as_not_given(tmp_path, option):
    """Found by a stranger (stranger26): `crawl --config "$CFG"` (or --profile, --jobdir, --log-dir, --contact) with
    the variable unset ran the crawl as if the option were not given (`ilo` without its config crawls the real
    www.ilo.org); `--frontier ''` crawled alone instead of sharing the crawl. `--db ''` was already refused."""
    db = tmp_path / "a.db"
    done = cli("crawl", "listing", "--db", db, "--start-url", NOWHERE, option, "", *FAST)
    assert done.returncode == 2 and f"Invalid value for '{option}': empty" in done.stderr, done.stderr[-600:]
    assert not db.exists()


@pytest.mark.parametrize(
    "command,setting",
    [("crawl", "LOG_FILE="), ("crawl", "JOBDIR="), ("schedule", "HTTPCACHE_DIR="), ("worker", "LOG_FILE= ")],
)
def test_an_empty_setting_naming_a_file_is_refused_as_an_empty_option(tmp_path, command, setting):
    """fix30: `crawl -s LOG_FILE="$LOG"` with LOG unset logged to standard error instead of a file, and `-s JOBDIR=`
    crawled with no queue to resume, unsaid: a -s setting that names a file or folder, given empty, is refused in
    the line an empty option gets (`not_empty`), exit 2, before any archive or log folder is made."""
    db, name = tmp_path / "a.db", setting.split("=")[0]
    where = ["--frontier", "redis://127.0.0.1:9/0"] if command == "worker" else ["--db", db, "--start-url", NOWHERE]
    every = ["--every", "1h"] if command == "schedule" else []
    done = cli(command, *where, *every, "-s", setting, *FAST)
    assert done.returncode == 2, (done.returncode, done.stderr[-600:])
    assert (
        done.stderr.splitlines()[-1]
        == f"Error: Invalid value for -s {name}: empty; give a value, or leave the option out"
    )
    assert not db.exists() and not (tmp_path / "logs").exists()


@pytest.mark.parametrize(
    "command,setting", [("crawl", 'LOG_FILE = ""'), ("crawl", 'JOBDIR = " "'), ("schedule", 'FEED_URI = ""')]
)
def test_an_empty_setting_naming_a_file_in_a_config_is_refused_as_on_the_command_line(tmp_path, command, setting):
    """A config's `[settings] LOG_FILE = ""` logged to standard error instead of a file, unsaid, where `-s LOG_FILE=`
    is refused (fix30): the same words, one line naming the file, exit 1 as any bad config, nothing made."""
    config = tmp_path / "listings.toml"
    config.write_text(f'db = "a.db"\nlog_dir = "logs"\n[settings]\n{setting}\n[[listing]]\nurl = "{NOWHERE}"\n')
    every = ["--every", "1h"] if command == "schedule" else []
    for _ in range(2):  # twice: the first refusal left nothing behind that the second would trip over
        done = cli(command, "--config", config, *every, *FAST)
        assert done.returncode == 1, (done.returncode, done.stderr[-600:])
        refused = f"{config}: [settings] {setting.split()[0]}: empty; give a value, or leave the option out"
        assert done.stderr.strip() == f"Error: {refused}"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["listings.toml"]


def test_parse_with_an_empty_profile_is_refused(tmp_path):
    """Found by a stranger (stranger26): `parse page.html --url URL --profile ''` read the page with the default
    profile, exit 0, as if --profile were not given; `--url ''` was refused."""
    saved = tmp_path / "page.html"
    saved.write_text(
        page("".join(f"<article><h2><a href='/r/{i}'>Report {i} on wages</a></h2></article>" for i in range(4)))
    )
    done = cli("parse", saved, "--url", "http://127.0.0.1:9/list/", "--profile", "", "--format", "jsonl")
    assert done.returncode == 2 and "--profile" in done.stderr, (done.returncode, done.stderr)
    assert done.stdout == ""


def test_an_empty_listing_archive_db_variable_is_not_taken_as_unset(tmp_path):
    """Found by a stranger (stranger26): `LISTING_ARCHIVE_DB=$ARCHIVE listing-archive crawl ...` with ARCHIVE unset
    crawled into ./archive.db, unsaid: click takes an empty variable as none."""
    done = subprocess.run(
        [sys.executable, "-m", "archive.cli", "crawl", "listing", "--start-url", NOWHERE, *FAST],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT), "LISTING_ARCHIVE_DB": ""},
    )
    assert done.returncode == 2 and "Invalid value for $LISTING_ARCHIVE_DB: set but empty" in done.stderr, (
        done.returncode,
        done.stderr[-600:],
    )
    assert not (tmp_path / "archive.db").exists()
