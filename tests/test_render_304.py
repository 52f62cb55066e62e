"""304s for rendered pages: the document and what its scripts loaded, revalidated without a browser.

Served from 127.0.0.1 (tests/rendered_site.py; SiteServer sends ETags and answers If-None-Match with
304). The crawls are skipped without Chromium ("skipped: chromium not installed"), unless
REQUIRE_CHROMIUM is set; the record's rules are checked without it.
"""

import json
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import FAST, cli, q, snapshot
from rendered_site import CHANGES, build_site
from warcio.archiveiterator import ArchiveIterator

from crawler.site_server import SiteServer

PAGES = ("script", "fetch", "more")
RENDERED_HEADER = "x-listing-archive-rendered"
SUBRESOURCES_HEADER = "x-listing-archive-subresources"  # crawler.render's and archive.record's (test_render.py)


def _config(path: Path, base_url: str, root: Path, pages=PAGES) -> Path:
    lines = []
    for page in pages:
        lines += ["[[listing]]", f'url = "{base_url}/{page}.htm"', 'spider = "listing"', "render = true"]
        if page == "more":
            lines.append(f'profile = "{root / "more.toml"}"')
    path.write_text("\n".join(lines) + "\n")
    return path


def _crawl(config: Path, db: Path, logs: Path, check: int = 0) -> str:
    """One crawl; returns its log (the Scrapy stats at its end say whether a browser started)."""
    before = set(logs.glob("*.log")) if logs.exists() else set()
    cli("crawl", "--config", config, "--db", db, "--log-dir", logs, *FAST, check=check)
    (written,) = set(logs.glob("*.log")) - before
    return written.read_text()


def _statuses(db: Path, crawl: int) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT url, status FROM captures WHERE crawl_id = ?", (crawl,)).fetchall()
    return {url.rsplit("/", 1)[-1].removesuffix(".htm"): status for url, status in rows}


def _headers(db: Path, crawl: int) -> list[dict]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT headers FROM captures WHERE crawl_id = ?", (crawl,)).fetchall()
    return [json.loads(h) for (h,) in rows]


def test_unchanged_rendered_pages_are_304s_and_start_no_browser(tmp_path, render_ready):
    root = build_site(tmp_path / "site")
    data_only = root / "data-only"  # week1 with only data.json changed (the document is not)
    data_only.mkdir()
    (data_only / "data.json").write_bytes((root / "week2" / "data.json").read_bytes())
    db, logs = tmp_path / "a.db", tmp_path / "logs"
    with SiteServer(root, state="week1", base="week1") as site:
        config = _config(tmp_path / "listings.toml", site.base_url, root)
        first = _crawl(config, db, logs)
        assert "'render/pages': 3" in first
        recorded = {h["etag"]: json.loads(h[SUBRESOURCES_HEADER]) for h in _headers(db, 1)}
        loaded = sorted(entry["url"].rsplit("/", 1)[-1] for entries in recorded.values() for entry in entries)
        assert loaded == ["data.json", *(f"more-{n}.json" for n in range(1, 6))]  # not the image, offsite, robots'
        assert all(entry.get("etag") for entries in recorded.values() for entry in entries)
        versions = q(db, "SELECT count(*) FROM entry_versions")
        site.requests.clear()
        second = _crawl(config, db, logs)
        assert _statuses(db, 2) == {page: 304 for page in PAGES}
        assert "'playwright/browser_count'" not in second and "'render/pages'" not in second  # no Chromium
        assert "'render/revalidate/not_modified': 3" in second
        assert sorted(site.requests) == sorted(
            ["/robots.txt", "/data.json", *(f"/{p}.htm" for p in PAGES)] + [f"/more-{n}.json" for n in range(1, 6)]
        )
        assert q(db, "SELECT count(*) FROM sightings WHERE crawl_id = 2") == 40
        assert q(db, "SELECT count(*) FROM entry_versions") == versions
        assert q(db, "SELECT count(*) FROM listing_crawls WHERE crawl_id = 2 AND complete = 1") == 3
        assert all(RENDERED_HEADER in h and SUBRESOURCES_HEADER in h for h in _headers(db, 2))  # still rendered
        site.state = "data-only"
        third = _crawl(config, db, logs)
    assert _statuses(db, 3) == {"script": 304, "fetch": 200, "more": 304}
    assert "'render/pages': 1" in third and "'render/revalidate/changed': 1" in third
    report = json.loads(cli("diff", "--db", db, "--format", "json", check=0).stdout)
    assert report["new"] == [] and report["removed"] == []
    entry_id, title = CHANGES["fetch"]
    assert [(c["url"].rsplit("/", 2)[-2], c["changes"]["title"][1]) for c in report["changed"]] == [(entry_id, title)]
    assert [list(c["changes"]) for c in report["changed"]] == [["title"]]
    _a_rendered_304_is_a_revisit_and_reparsed_as_rendered(db, tmp_path / "c.warc.gz")


def _a_rendered_304_is_a_revisit_and_reparsed_as_rendered(db: Path, warc: Path) -> None:
    cli("export-warc", "--db", db, "--crawl", "2", "-o", warc, check=0)
    with open(warc, "rb") as stream:
        records = [r.rec_headers for r in ArchiveIterator(stream)]
    assert [r.get_header("WARC-Type") for r in records] == ["revisit"] * 3
    assert all(r.get_header("WARC-Rendered-By", "").endswith("; DOM after scripts") for r in records)
    with open(warc, "rb") as stream:
        http = [r.http_headers for r in ArchiveIterator(stream)]
    assert all(h.get_header(SUBRESOURCES_HEADER) is None for h in http)  # the archive's note, not the server's
    reparsed = cli("reparse", "--db", db, "--crawl", "2", check=0)
    assert "40 entries from 3 stored pages (3 of them rendered by a browser)" in reparsed.stdout


def _no_validators(handler) -> bool:
    body = (Path(handler.server.root) / "week1" / "data.json").read_bytes()
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)
    return True


def test_data_without_validators_is_always_rendered(tmp_path, render_ready):
    root = build_site(tmp_path / "site")
    db, logs = tmp_path / "a.db", tmp_path / "logs"
    with SiteServer(root, state="week1", base="week1") as site:
        site.faults["/data.json"] = _no_validators
        config = _config(tmp_path / "listings.toml", site.base_url, root, pages=("fetch",))
        _crawl(config, db, logs)
        (headers,) = _headers(db, 1)
        assert json.loads(headers[SUBRESOURCES_HEADER]) == [{"url": f"{site.base_url}/data.json"}]
        second = _crawl(config, db, logs)
    assert _statuses(db, 2) == {"fetch": 200}
    assert "'render/pages': 1" in second and "render/revalidate/pages" not in second  # not even the document asked


CANNOT_VOUCH = {
    "no record (an archive made before it was kept)": "UPDATE captures SET headers = json_remove(headers, ?)",
    "a suspect crawl": "UPDATE crawls SET suspect = 1",
    # What an archive says is not trusted: a subresource off the start hosts is never asked for (localhost
    # is the same server under another name: asked there, its 304 would have vouched for the page).
    "a record naming another host": "UPDATE captures SET headers = json_set(headers, ?, replace(json_extract("
    "headers, '$.\"x-listing-archive-subresources\"'), '127.0.0.1', 'localhost'))",
}


@pytest.mark.parametrize("before", list(CANNOT_VOUCH))
def test_a_capture_that_cannot_vouch_is_rendered_again(tmp_path, render_ready, before):
    root = build_site(tmp_path / "site")
    db, logs = tmp_path / "a.db", tmp_path / "logs"
    with SiteServer(root, state="week1", base="week1") as site:
        config = _config(tmp_path / "listings.toml", site.base_url, root, pages=("fetch",))
        _crawl(config, db, logs)
        with sqlite3.connect(db) as conn:
            sql = CANNOT_VOUCH[before]
            conn.execute(sql, (f'$."{SUBRESOURCES_HEADER}"',) if "?" in sql else ())
        site.requests.clear()
        second = _crawl(config, db, logs)
        assert site.requests.count("/data.json") == 1  # the browser's, not a conditional GET
    assert _statuses(db, 2) == {"fetch": 200}
    assert "'render/pages': 1" in second
    if "another host" in before:
        assert "subresource http://localhost:" in second and "off the start hosts" in second
    assert q(db, "SELECT count(*) FROM sightings WHERE crawl_id = 2") == 8
    (headers,) = _headers(db, 2)
    assert [e["url"] for e in json.loads(headers[SUBRESOURCES_HEADER])] == [f"{site.base_url}/data.json"]  # next: 304


# -- in a distributed crawl (`crawl --frontier ... --workers N`) ------------------------------------------------
# The coordinator hands the workers each rendered capture's record; a worker revalidates as one process does.

TWO = ("script", "fetch")
INFO = ["-s", "LOG_LEVEL=INFO"]  # the worker's log ends with its Scrapy stats


def _crawl_shared(config: Path, db: Path, logs: Path, *frontier: str) -> str:
    """One crawl (distributed when `frontier` names one); its worker's log, or its own log without a frontier."""
    before = set(logs.glob("*.log")) if logs.exists() else set()
    cli("crawl", "--config", config, "--db", db, "--log-dir", logs, *frontier, *FAST, *INFO, check=0)
    written = sorted(set(logs.glob("*.log")) - before)
    return "".join(path.read_text() for path in written if not frontier or "-worker" in path.name)


def _three_crawls(site, config: Path, db: Path, logs: Path, frontier: tuple) -> tuple[list[str], list[str]]:
    """Crawled, crawled unchanged, crawled with only data.json changed (the documents are not): the
    crawls' logs, and what the site was asked in the unchanged crawl."""
    site.state = "week1"
    logs_of = [_crawl_shared(config, db, logs, *frontier)]
    site.requests.clear()
    logs_of.append(_crawl_shared(config, db, logs, *frontier))
    asked = sorted(site.requests)
    site.state = "data-only"
    logs_of.append(_crawl_shared(config, db, logs, *frontier))
    return logs_of, asked


def test_a_distributed_crawl_revalidates_rendered_pages_as_one_process_does(tmp_path, render_ready, redis_url):
    root = build_site(tmp_path / "site")
    data_only = root / "data-only"
    data_only.mkdir()
    (data_only / "data.json").write_bytes((root / "week2" / "data.json").read_bytes())
    shared, local, logs = tmp_path / "shared.db", tmp_path / "local.db", tmp_path / "logs"
    with SiteServer(root, state="week1", base="week1") as site:
        config = _config(tmp_path / "listings.toml", site.base_url, root, pages=TWO)
        frontier = ("--frontier", redis_url, "--workers", "1")
        (first, second, third), asked = _three_crawls(site, config, shared, logs, frontier)
        _three_crawls(site, config, local, logs, ())
    assert "'render/pages': 2" in first
    assert _statuses(shared, 2) == {page: 304 for page in TWO}
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
    assert asked == sorted(["/robots.txt", "/data.json", "/script.htm", "/fetch.htm"])  # conditional GETs only


# -- the record's rules, without a browser ------------------------------------------------------------


class _Guard:
    def refuses(self, url: str) -> bool:
        return "/private/" in url


def _request(url, kind="fetch", method="GET", page_itself=False):
    frame = SimpleNamespace(parent_frame=None if page_itself else object())
    return SimpleNamespace(url=url, resource_type=kind, method=method, frame=frame, is_navigation_request=lambda: True)


def _answer(request, **headers):
    return SimpleNamespace(request=request, headers=headers)


def test_what_a_rendered_page_loaded_is_recorded_with_its_validators():
    from crawler.render_revalidate import SubresourceLog

    log = SubresourceLog(_Guard())
    site = "http://127.0.0.1:9"
    log.on_response(_answer(_request(f"{site}/page.htm", "document", page_itself=True), etag='"p"'))
    log.on_response(_answer(_request(f"{site}/app.js", "script"), etag='"a"', **{"last-modified": "Sun, 01 Nov"}))
    log.on_response(_answer(_request(f"{site}/data.json"), etag='"d"'))
    log.on_response(_answer(_request(f"{site}/style.css", "stylesheet"), etag='"s"'))  # no load_more: not read
    log.on_response(_answer(_request(f"{site}/logo.png", "image"), etag='"i"'))
    log.on_response(_answer(_request(f"{site}/search", method="POST"), etag='"q"'))  # a POST is not a GET's answer
    log.on_response(_answer(_request(f"{site}/twice.json"), etag='"1"'))
    log.on_response(_answer(_request(f"{site}/twice.json"), etag='"2"'))  # changed while the page loaded
    log.on_failed(_request(f"{site}/private/x.json"))  # refused on purpose, every time
    log.on_failed(_request(f"{site}/lost.json"))  # the list was built without it
    assert json.loads(log.record()) == [
        {"url": f"{site}/app.js", "etag": '"a"', "last-modified": "Sun, 01 Nov"},
        {"url": f"{site}/data.json", "etag": '"d"'},
        {"url": f"{site}/search"},
        {"url": f"{site}/twice.json"},
        {"url": f"{site}/lost.json"},
    ]
    styled = SubresourceLog(None, with_styles=True)  # a "Load more" page: what is visible decides what is clicked
    styled.on_response(_answer(_request(f"{site}/style.css", "stylesheet"), etag='"s"'))
    assert json.loads(styled.record()) == [{"url": f"{site}/style.css", "etag": '"s"'}]


@pytest.mark.parametrize(
    "last, asked",
    [
        (None, None),
        ({"rendered": False, "validators": {"etag": "e"}, "subresources": None}, None),  # a plain capture
        ({"rendered": True, "validators": {}, "subresources": []}, None),  # the document has no validator
        ({"rendered": True, "validators": {"etag": "e"}, "subresources": None}, None),  # captured before the record
        ({"rendered": True, "validators": {"etag": "e"}, "subresources": [{"url": "http://h/d.json"}]}, None),
        ({"rendered": True, "validators": {"etag": "e"}, "subresources": [{"url": "ws://h/", "etag": "x"}]}, None),
        ({"rendered": True, "validators": {"etag": "e"}, "subresources": []}, []),
        (
            {"rendered": True, "validators": {"etag": "e"}, "subresources": [{"url": "http://h/d.json", "etag": "d"}]},
            [{"url": "http://h/d.json", "etag": "d"}],
        ),
    ],
)
def test_a_rendered_page_is_revalidated_only_when_its_record_can_vouch(last, asked):
    from crawler.render_revalidate import subresources_to_ask

    assert subresources_to_ask(last) == asked


def test_a_retried_render_keeps_a_record_of_its_own_try():
    """A retry's copy of a page's request (which a job folder may keep on disk) carries no log of the failed try:
    it starts its own, so what the failed try loaded is not recorded for the page."""
    from scrapy import Request
    from scrapy.settings import Settings

    from crawler.render import RenderMiddleware
    from crawler.render_revalidate import LOG

    render = RenderMiddleware(SimpleNamespace(settings=Settings()))
    request = Request("http://127.0.0.1:9/p.htm", meta={"render": {}, "playwright": True})
    render.process_request(request)
    first = request.meta[LOG]
    first.on_response(_answer(_request("http://127.0.0.1:9/old.json"), etag='"o"'))
    render.process_exception(request, TimeoutError())
    assert LOG not in request.meta and "playwright_page_event_handlers" not in request.meta
    retry = request.copy()
    render.process_request(retry)
    assert retry.meta[LOG] is not first and json.loads(retry.meta[LOG].record()) == []


@pytest.mark.parametrize(
    "settings, revalidates",
    [
        ({"ARCHIVE_DB": "a.db"}, True),
        ({"ARCHIVE_DB": "a.db", "RENDER_REVALIDATE": False}, False),  # every rendered page rendered whole
        ({"ARCHIVE_DB": "a.db", "CONDITIONAL_REQUESTS": False}, False),
        ({"ARCHIVE_DB": ""}, False),  # a frontier worker: it renders its pages whole
    ],
)
def test_rendered_pages_are_revalidated_only_where_conditional_requests_are_on(settings, revalidates):
    from scrapy.exceptions import NotConfigured

    from crawler.render_revalidate import RenderRevalidateMiddleware
    from crawler.run import project_settings

    crawler = SimpleNamespace(settings=project_settings(settings))
    try:
        RenderRevalidateMiddleware.from_crawler(crawler)
    except NotConfigured:
        assert not revalidates
    else:
        assert revalidates
