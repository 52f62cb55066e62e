"""304s for rendered pages in a distributed crawl (`crawl --frontier ... --workers N`): the coordinator hands
the workers each rendered capture's record (what the page loaded, with validators), and a worker revalidates
it as a crawl in one process does; the archive equals the one-process crawl's.

Served from 127.0.0.1 (tests/rendered_site.py); skipped without Chromium or redis-server."""

import json
from pathlib import Path

from conftest import FAST, cli, q, snapshot
from rendered_site import CHANGES, build_site
from test_render_304 import _config, _headers, _statuses

from crawler.site_server import SiteServer

PAGES = ("script", "fetch")
SUBRESOURCES_HEADER = "x-listing-archive-subresources"
INFO = ["-s", "LOG_LEVEL=INFO"]  # the worker's log ends with its Scrapy stats


def _crawl(config: Path, db: Path, logs: Path, *frontier: str) -> str:
    """One crawl (distributed when `frontier` names one); its worker's log, or its own log without a frontier."""
    before = set(logs.glob("*.log")) if logs.exists() else set()
    cli("crawl", "--config", config, "--db", db, "--log-dir", logs, *frontier, *FAST, *INFO, check=0)
    written = sorted(set(logs.glob("*.log")) - before)
    return "".join(path.read_text() for path in written if not frontier or "-worker" in path.name)


def _three_crawls(site, config: Path, db: Path, logs: Path, frontier: tuple) -> list[str]:
    """Crawled, crawled unchanged, crawled with only data.json changed (the documents are not)."""
    site.state = "week1"
    logs_of = [_crawl(config, db, logs, *frontier)]
    site.requests.clear()
    logs_of.append(_crawl(config, db, logs, *frontier))
    site.state = "data-only"
    logs_of.append(_crawl(config, db, logs, *frontier))
    return logs_of


def test_a_distributed_crawl_revalidates_rendered_pages_as_one_process_does(tmp_path, render_ready, redis_url):
    root = build_site(tmp_path / "site")
    data_only = root / "data-only"
    data_only.mkdir()
    (data_only / "data.json").write_bytes((root / "week2" / "data.json").read_bytes())
    shared, local, logs = tmp_path / "shared.db", tmp_path / "local.db", tmp_path / "logs"
    with SiteServer(root, state="week1", base="week1") as site:
        config = _config(tmp_path / "listings.toml", site.base_url, root, pages=PAGES)
        first, second, third = _three_crawls(site, config, shared, logs, ("--frontier", redis_url, "--workers", "1"))
        asked = sorted(site.requests)
        _three_crawls(site, config, local, logs, ())
    assert "'render/pages': 2" in first
    assert _statuses(shared, 2) == {page: 304 for page in PAGES}
    assert "'playwright/browser_count'" not in second and "'render/pages'" not in second  # no Chromium started
    assert "'render/revalidate/not_modified': 2" in second
    assert q(shared, "SELECT count(*) FROM sightings WHERE crawl_id = 2") == 16  # every entry sighted again
    assert all(SUBRESOURCES_HEADER in h for h in _headers(shared, 2))  # still rendered: the next crawl asks again
    assert _statuses(shared, 3) == {"script": 304, "fetch": 200}
    assert "'render/pages': 1" in third and "'render/revalidate/changed': 1" in third
    report = json.loads(cli("diff", "--db", shared, "--format", "json", check=0).stdout)
    entry_id, title = CHANGES["fetch"]
    assert report["new"] == [] and report["removed"] == []
    assert [(c["url"].rsplit("/", 2)[-2], c["changes"]["title"][1]) for c in report["changed"]] == [(entry_id, title)]
    assert [list(c["changes"]) for c in report["changed"]] == [["title"]]  # exactly the change, nothing else
    assert snapshot(shared) == snapshot(local)
    assert "/data.json" in asked and "/robots.txt" in asked  # asked with conditional GETs, not by a browser
