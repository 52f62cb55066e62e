"""What a crawl writes on standard error and into its log file (docs/operations.md, "What a crawl prints").

From cron (standard error no terminal) the whole Scrapy log at INFO, some 140 lines, went to standard error, so
cron mailed a page of log every night (issue 20): standard error now carries what a person must read, the line
naming what is crawled and the warnings and errors, as on a terminal; the whole log is in the crawl's log file;
`-s LOG_LEVEL=INFO` brings the log back on standard error, on a terminal too (where the progress line then
gives way to it)."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys

import pytest
from conftest import FAST, ROOT, cli, q
from helpers import NOWHERE, good_archive
from unattended import PAGE2

from crawler.site_server import SiteServer

# FAST without its LOG_LEVEL: what the crawl shows by itself is the point here.
QUICK = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=0"]
# A log line as Scrapy formats it (LOG_FORMAT): "2026-12-07 14:50:10 [scrapy.core.engine] INFO: Spider opened".
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \[[\w.]+\] (\w+): ", re.M)


def _crawl(tmp_path, site, *extra, check):
    return cli(
        "crawl", "ilo", "--db", tmp_path / "a.db", "--start-url", site.url, "--log-dir", tmp_path / "logs",
        *QUICK, *extra, check=check,
    )  # fmt: skip


def _log_file(tmp_path) -> str:
    (path,) = (tmp_path / "logs").glob("crawl-*.log")
    return path.read_text(encoding="utf-8")


def test_off_a_terminal_standard_error_carries_warnings_and_errors_not_the_log(tmp_path, site):
    site.faults[PAGE2] = lambda handler: (handler.send_error(500), True)[1]
    done = _crawl(tmp_path, site, check=3)  # page 2 failed: partial
    levels = LOG_LINE.findall(done.stderr)
    assert levels and set(levels) <= {"WARNING", "ERROR", "CRITICAL"}, done.stderr
    assert "nextRow--10" in done.stderr  # the failed page is named where cron mails it
    assert len(done.stderr.splitlines()) < 15, done.stderr  # it was 140 lines
    assert done.stderr.startswith("crawling 1 listing: ")
    assert "PARTIAL" in done.stdout and "log: " in done.stdout  # the summary, as before
    kept = _log_file(tmp_path)  # the whole log, INFO included
    assert "Spider opened" in kept and "Dumping Scrapy stats" in kept and "nextRow--10" in kept
    assert "DEBUG" not in LOG_LINE.findall(kept)  # INFO, the pages' DEBUG lines only when asked for


def test_log_level_info_brings_the_log_back_on_standard_error(tmp_path, site):
    done = _crawl(tmp_path, site, "-s", "LOG_LEVEL=INFO", check=0)
    assert "INFO" in LOG_LINE.findall(done.stderr) and "Spider opened" in done.stderr
    assert "Spider opened" in _log_file(tmp_path)


def _on_a_terminal(tmp_path, site, *extra) -> str:
    """What a crawl writes on standard error when it is a terminal (a pseudo-terminal here)."""
    leader, follower = pty.openpty()
    command = [sys.executable, "-m", "archive.cli", "crawl", "ilo", "--db", str(tmp_path / "t.db")]
    proc = subprocess.Popen(
        [*command, "--start-url", site.url, "--log-dir", str(tmp_path / "logs"), *QUICK, *extra],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:  # EIO: the crawl closed its end
            break
        if not data:
            break
        chunks.append(data)
    assert proc.wait(timeout=60) == 0
    os.close(leader)
    return b"".join(chunks).decode(errors="replace")


def test_on_a_terminal_the_same_rule_with_a_progress_line(tmp_path, site):
    shown = _on_a_terminal(tmp_path, site)
    assert "pages 2 | entries 14" in shown and not LOG_LINE.findall(shown)
    loud = _on_a_terminal(tmp_path, site, "-s", "LOG_LEVEL=INFO")  # it was WARNING whatever was asked
    assert "Spider opened" in loud and "pages 2 | entries" not in loud


def test_lazy_image_placeholders_do_not_fill_the_crawls_standard_error(tmp_path):
    """A `data:` image is a lazy-loading placeholder, no image to archive: dropped without a warning an entry
    (a stranger's finding: cron mailed a line an entry every night)."""
    cards = "".join(
        f'<div class="news-item"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/{i}.jpg">'
        f'<h3><a href="/e/{i}.html">Report {i} on decent work</a></h3><p class="date">{i + 1} March 2024</p></div>'
        for i in range(12)
    )
    (tmp_path / "site" / "list").mkdir(parents=True)
    (tmp_path / "site" / "list" / "p.html").write_text(f"<html lang=en><body><h1>News</h1>{cards}</body></html>")
    profile = 'name = "mysite"\ndomains = ["127.0.0.1"]\n[selectors]\nentry = "div.news-item"\ntitle = "h3 a"\n'
    (tmp_path / "p.toml").write_text(profile + 'date = ".date"\nimage = "img"\n')
    with SiteServer(tmp_path / "site") as site:
        start = f"{site.base_url}/list/p.html"
        done = cli(
            "crawl", "listing", "--db", tmp_path / "a.db", "--start-url", start, "--profile", tmp_path / "p.toml",
            "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", check=0,
        )  # fmt: skip
    assert q(tmp_path / "a.db", "SELECT count(*) FROM entries") == 12
    assert done.stderr.count("WARNING") <= 1, done.stderr


def test_log_level_debug_puts_the_pages_debug_lines_on_standard_error(tmp_path, site):
    """-s LOG_LEVEL=DEBUG showed INFO and up only: the log file's INFO held the scrapy logger at INFO (a
    stranger's finding). Standard error and the log file now both get the pages' DEBUG lines."""
    done = _crawl(tmp_path, site, "-s", "LOG_LEVEL=DEBUG", check=0)
    assert "Spider opened" in done.stderr  # the log is on standard error
    crawled = re.compile(r"\[scrapy\.core\.engine\] DEBUG: Crawled \(200\)")
    assert crawled.search(done.stderr), done.stderr[-2000:]
    assert crawled.search(_log_file(tmp_path))


def test_log_stdout_keeps_the_crawls_summary_on_standard_output(tmp_path, site):
    """-s LOG_STDOUT=True (Scrapy: standard output into the log at INFO) took the summary into the log file
    only, standard error showing warnings (a stranger's finding): what the crawl prints goes to the log, the
    summary after it to standard output."""
    done = _crawl(tmp_path, site, "-s", "LOG_STDOUT=True", check=0)
    assert "COMPLETE" in done.stdout and "log: " in done.stdout, (done.stdout, done.stderr)


def test_a_log_file_or_log_folder_that_cannot_be_written_is_one_line_and_no_archive(tmp_path):
    """`-s LOG_FILE=/no/dir/x.log` printed Scrapy's bare "[Errno 2] No such file or directory" after the archive
    had been made, and a `logs` file beside the archive "[Errno 17] File exists" (issue 20): refused with the
    plan now, the setting or folder named, exit 1, no archive made, nothing fetched (no one listens on port 9)."""
    nowhere, db, missing, logs = "http://127.0.0.1:9/", tmp_path / "a.db", tmp_path / "no" / "x.log", tmp_path / "logs"
    give_a_folder = "give a folder, or a path that does not exist"
    logs.write_text("notes, not a folder")  # where the log goes without --log-dir
    cases = {
        f"LOG_FILE={missing} cannot be written (No such file or directory)": ["-s", f"LOG_FILE={missing}"],
        f"LOG_FILE={tmp_path} cannot be written (Is a directory)": ["-s", f"LOG_FILE={tmp_path}"],
        f"cannot keep the crawl's log: {logs / 'x'} cannot be made a folder: {logs} is a file, not a folder": [
            "--log-dir",
            logs / "x",
        ],
        f"cannot keep the crawl's log: {logs} exists and is not a folder; {give_a_folder}": [],
    }
    for message, options in cases.items():
        log_dir = [] if options[:1] != ["-s"] else ["--log-dir", tmp_path / "l"]
        refused = cli("crawl", "ilo", "--db", db, "--start-url", nowhere, *log_dir, *options, *QUICK, check=1)
        assert refused.stderr.strip() == f"Error: {message}", refused.stderr
        assert refused.stdout == "" and not db.exists()
    (tmp_path / "c.toml").write_text(f'[settings]\nLOG_FILE = "{missing}"\n[[listing]]\nurl = "{nowhere}"\n')
    from_config = cli("crawl", "ilo", "--db", db, "--config", tmp_path / "c.toml", "--log-dir", tmp_path / "l", check=1)
    assert from_config.stderr.strip() == f"Error: LOG_FILE={missing} cannot be written (No such file or directory)"
    worker = cli("worker", "--frontier", "redis://127.0.0.1:9/0", "-s", f"LOG_FILE={tmp_path}", check=1)
    assert worker.stderr.strip() == f"Error: LOG_FILE={tmp_path} cannot be written (Is a directory)"
    assert not db.exists() and logs.read_text() == "notes, not a folder"


@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_a_log_file_that_is_the_archive_is_refused(tmp_path, suffix):
    """stranger27: `-s LOG_FILE=a.db` (or a.db-wal) appended the crawl's log into the archive's own file (143,360 ->
    152,792 bytes); it is refused in one line before the archive is opened, as `-o a.db` is."""
    db = good_archive(tmp_path / "a.db")
    before = db.read_bytes()
    log_file = f"{db}{suffix}"
    done = cli(
        "crawl",
        "listing",
        "--db",
        db,
        "--start-url",
        NOWHERE,
        *FAST,
        "-s",
        "LOG_LEVEL=DEBUG",
        "-s",
        f"LOG_FILE={log_file}",
    )
    assert done.returncode in (1, 2) and "LOG_FILE" in done.stderr, (done.returncode, done.stderr[-600:])
    assert db.read_bytes() == before


@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_a_workers_log_file_that_is_an_archive_is_refused(tmp_path, suffix):
    """fix30: `worker -s LOG_FILE=a.db` was let through (a worker knows no archive of its own), as `crawl`'s was
    until stranger27: any SQLite database or a file of one is refused in the same line, run twice, exit 1,
    before the frontier is asked (nothing listens on port 9), the archive's bytes unchanged."""
    db = good_archive(tmp_path / "a.db")
    (tmp_path / "a.db-wal").write_bytes(b"")  # a crawl's write-ahead log, empty once checkpointed
    before = db.read_bytes()
    for _ in range(2):
        done = cli("worker", "--frontier", "redis://127.0.0.1:9/0", "-s", f"LOG_FILE={db}{suffix}", check=1)
        assert (
            done.stderr.strip()
            == f"Error: LOG_FILE={db}{suffix} is the archive itself ({db}, or a file of it); give another file"
        )
    assert db.read_bytes() == before and (tmp_path / "a.db-wal").read_bytes() == b""
