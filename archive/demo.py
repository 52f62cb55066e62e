"""`listing-archive demo`: two crawls of the bundled demo site, a week apart, and the diff."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from crawler.site_server import DEMO_BASE, DEMO_LISTING_PATH, SiteServer, demo_site_root

FAST_LOCAL = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=WARNING"]
CHANGED_ENTRY = "WCMS_862866"


def _cli(*args: str) -> int:
    # Each crawl runs in its own process: Twisted's reactor starts once per process.
    return subprocess.call([sys.executable, "-m", "archive.cli", *args], env={**os.environ, "PYTHONUNBUFFERED": "1"})


def run_demo(db: str, report_path: str) -> int:
    for leftover in (db, f"{db}-wal", f"{db}-shm"):
        if os.path.exists(leftover):
            os.remove(leftover)
    with SiteServer(demo_site_root(), state="week1", base=DEMO_BASE) as site:
        url = site.base_url + DEMO_LISTING_PATH
        print(f"== Demo site on {site.base_url} (week 1)\n")
        code = _cli("crawl", "ilo", "--db", db, "--start-url", url, *FAST_LOCAL)
        if code:
            return code
        site.state = "week2"
        print("\n== One week later: the site has one new entry, one changed and one gone\n")
        code = _cli("crawl", "ilo", "--db", db, "--start-url", url, *FAST_LOCAL)
        if code:
            return code
    print(f"\n== History of the changed entry (listing-archive history {CHANGED_ENTRY})\n")
    _cli("history", CHANGED_ENTRY, "--db", db)
    print("\n== What changed between the two crawls (listing-archive diff)\n")
    _cli("diff", "--db", db)
    _cli("diff", "--db", db, "--format", "html", "-o", report_path)
    print(f"\nArchive: {Path(db).resolve()}\nHTML report: {Path(report_path).resolve()}")
    return 0
