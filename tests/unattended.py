"""What the unattended-crawl tests share: a copy of the demo site on 127.0.0.1, crawls of it, checks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import FAST, ROOT, cli, q

from archive.store import integrity_ok
from crawler.site_server import DEMO_LISTING_PATH, SiteServer, demo_site_root

PAGE2 = DEMO_LISTING_PATH.replace("index.htm", "nextRow--10/index.htm")
NOW = ["-s", "CONDITIONAL_REQUESTS=False"]  # every page fetched in full, so that a fault is met


def healthy(db):
    """Nothing removed, no date or description blanked, integrity intact."""
    assert integrity_ok(str(db))
    assert q(db, "SELECT count(*) FROM entries WHERE status='removed'") == 0
    assert q(db, "SELECT count(*) FROM entries WHERE date_start IS NOT NULL") == 6
    assert q(db, "SELECT count(*) FROM entries WHERE description IS NOT NULL") == 12


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(demo_site_root() / "week1", root)
    with SiteServer(root) as server:
        server.url = server.base_url + DEMO_LISTING_PATH
        server.page_root = root
        yield server


@pytest.fixture
def db(tmp_path, site):
    path = tmp_path / "a.db"
    cli("crawl", "ilo", "--db", path, "--start-url", site.url, *FAST, check=0)
    return path


def crawl_demo(db, site, *extra, check=None, timeout=120):
    """`crawl` of the demo site copy into `db`, every page fetched in full."""
    return cli("crawl", "ilo", "--db", db, "--start-url", site.url, *FAST, *NOW, *extra, check=check, timeout=timeout)


def start_crawl(db, site, *extra):
    """`crawl` of the site into `db` in a process of its own, to be stopped or killed."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "archive.cli",
            "crawl",
            "ilo",
            "--db",
            str(db),
            "--start-url",
            site.url,
            *FAST,
            *NOW,
            *extra,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
