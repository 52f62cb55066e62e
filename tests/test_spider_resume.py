"""`scrapy crawl -s JOBDIR=` run directly (no CLI check before it) with a start URL the stopped job never knew:
the spider's `start` says so in one error line and closes, the job kept (crawler/spiders/base.py)."""

import subprocess
import sys

from conftest import FAST, ROOT, q

from crawler.site_server import SiteServer


def _site(root) -> None:
    """Two pages of one listing (one.htm, two.htm) and a second listing (news.htm)."""
    (root / "v1").mkdir(parents=True)
    for name, other in (("one", "two"), ("two", "one")):
        rows = "".join(f'<li><a href="/{name}/d{i}">Report {name} number {i} on wages</a></li>' for i in range(4))
        (root / "v1" / f"{name}.htm").write_text(
            f'<html><body><ul>{rows}</ul><a href="/{other}.htm">Next</a></body></html>'
        )
    (root / "v1" / "news.htm").write_text((root / "v1" / "one.htm").read_text())


def _scrapy_crawl(tmp_path, url: str, *settings: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "listing", "-a", f"start_urls={url}", *FAST, *settings]
        + ["-s", f"ARCHIVE_DB={tmp_path / 'a.db'}", "-s", f"JOBDIR={tmp_path / 'jobs'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


def test_scrapy_crawl_resuming_a_job_with_a_new_start_url_logs_one_error_and_closes(tmp_path):
    """stranger35 (issue 20), the path the CLI's check does not see: `start` raised KeyError on the new URL (a
    traceback), and the old job's queue was crawled. Fails before the guard, passes after."""
    _site(tmp_path / "site")
    with SiteServer(tmp_path / "site", state="v1") as server:
        one, news = f"{server.base_url}/one.htm", f"{server.base_url}/news.htm"
        first = _scrapy_crawl(tmp_path, one, "-s", "CLOSESPIDER_PAGECOUNT=1")
        assert first.returncode == 0 and (tmp_path / "jobs" / "spider.state").exists(), first.stderr[-2000:]
        again = _scrapy_crawl(tmp_path, news)
    log = again.stderr
    assert "Traceback" not in log and "KeyError" not in log, log[-3000:]
    assert len(log.splitlines()) == 1 and f"ERROR: JOBDIR holds a stopped crawl of {one}, not of {news}" in log, log
    assert q(tmp_path / "a.db", "SELECT count(*) FROM captures WHERE url = ?", news) == 0
    assert q(tmp_path / "a.db", "SELECT count(*) FROM captures WHERE url LIKE '%two.htm'") == 0
    assert (tmp_path / "jobs" / "spider.state").exists()
