"""Listings a browser builds, crawled with Chromium (--render) and without it (suspect, with the hint).

Served from 127.0.0.1 (tests/rendered_site.py). Skipped without Chromium or the render
extra ("skipped: chromium not installed"), unless REQUIRE_CHROMIUM is set.
"""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import FAST, ROOT, cli, q, snapshot, wait_for
from rendered_site import CHANGES, MORE_CLICKS, PER_BATCH, build_site
from warcio.archiveiterator import ArchiveIterator

from archive.record import last_captures
from crawler.render import RENDERED_HEADER
from crawler.site_server import SiteServer

HINT = "this page builds its list in the browser: crawl it with --render"
PAGES = ("script", "fetch", "more")


def _config(path: Path, base_url: str, root: Path, render: bool) -> Path:
    lines = []
    for page in PAGES:
        lines += ["[[listing]]", f'url = "{base_url}/{page}.htm"', 'spider = "listing"']
        if page == "more":
            lines.append(f'profile = "{root / "more.toml"}"')
        if render:
            lines.append("render = true")
    path.write_text("\n".join(lines) + "\n")
    return path


def test_rendered_lists_are_read_whole_and_their_changes_named(tmp_path, render_ready):
    root = build_site(tmp_path / "site")
    db = tmp_path / "a.db"
    with SiteServer(root, state="week1", base="week1") as site:
        config = _config(tmp_path / "listings.toml", site.base_url, root, render=True)
        first = cli("crawl", "--config", config, "--db", db, *FAST, check=0)
        assert "COMPLETE" in first.stdout and "SUSPECT" not in first.stdout
        listed = dict(
            (p, q(db, "SELECT entries FROM listing_crawls WHERE listing_url=?", f"{site.base_url}/{p}.htm"))
            for p in PAGES
        )
        assert listed == {"script": 8, "fetch": 8, "more": PER_BATCH * (MORE_CLICKS + 1)}
        assert [p for p in site.requests if p.startswith("/more-")] == [f"/more-{n}.json" for n in range(1, 6)]
        assert "/logo.png" not in site.requests, "an image was loaded"
        assert "/offsite.json" not in site.requests, "the browser reached another host"
        assert "/private/extra.json" not in site.requests, "the browser fetched what robots.txt forbids"
        site.state = "week2"
        cli("crawl", "--config", config, "--db", db, *FAST, check=0)
    report = json.loads(cli("diff", "--db", db, "--format", "json", check=0).stdout)
    assert report["new"] == [] and report["removed"] == []
    changed = {c["url"].rsplit("/", 2)[-2]: c["changes"] for c in report["changed"]}
    assert {doc: list(changes) for doc, changes in changed.items()} == {doc: ["title"] for doc, _ in CHANGES.values()}
    assert {doc: changes["title"][1] for doc, changes in changed.items()} == dict(CHANGES.values())
    headers = [json.loads(h) for (h,) in _rows(db, "SELECT headers FROM captures WHERE status=200")]
    assert len(headers) == 6 and all(RENDERED_HEADER in h for h in headers)
    assert all("etag" in h for h in headers)  # kept, but never sent back for a rendered page on its own
    with sqlite3.connect(db) as conn:  # nor by a later plain crawl: the DOM is not what the ETag vouches for
        last = last_captures(conn, [f"{site.base_url}/{p}.htm" for p in PAGES])
    assert len(last) == 3 and all(capture["rendered"] for capture in last.values())
    from scrapy import Request

    from crawler.middlewares import ConditionalRequestMiddleware

    plain = ConditionalRequestMiddleware(SimpleNamespace(previous_captures=last))
    for url in last:
        request = Request(url, meta={"listing_url": url})
        plain.process_request(request)
        assert b"If-None-Match" not in request.headers and "previous_capture_id" not in request.meta
    warc = cli("export-warc", "--db", db, "-o", tmp_path / "c.warc.gz", check=0)
    assert "wrote 6 records" in warc.stdout and "6 rendered by a browser" in warc.stdout
    with open(tmp_path / "c.warc.gz", "rb") as stream:
        marks = [r.rec_headers.get_header("WARC-Rendered-By") for r in ArchiveIterator(stream)]
    assert len(marks) == 6 and all(m and m.endswith("; DOM after scripts") for m in marks)
    reparsed = cli("reparse", "--db", db, check=0)
    assert "40 entries from 3 stored pages (3 of them rendered by a browser)" in reparsed.stdout


def test_the_same_pages_without_render_are_suspect_with_the_hint(tmp_path):
    root = build_site(tmp_path / "site")
    db = tmp_path / "a.db"
    with SiteServer(root, state="week1", base="week1") as site:
        config = _config(tmp_path / "listings.toml", site.base_url, root, render=False)
        plain = cli("crawl", "--config", config, "--db", db, *FAST, check=5)
    hints = [line for line in plain.stdout.splitlines() if line.strip().startswith("hint:")]
    assert [h.split(": ", 1)[1] for h in hints] == [f"{site.base_url}/{p}.htm: {HINT}" for p in sorted(PAGES)]
    assert "COMPLETE" not in plain.stdout.replace("INCOMPLETE", "")
    assert q(db, "SELECT count(*) FROM listing_crawls WHERE complete=1") == 0
    assert HINT in q(db, "SELECT note FROM crawls")


def test_a_reparse_of_those_pages_is_suspect_with_the_hint_too(tmp_path):
    """The reparse's health checks did not look for a list a browser builds: the "Load more" page's reparse
    (4 entries, then a button) was a healthy complete crawl, unsaid."""
    root = build_site(tmp_path / "site")
    db = tmp_path / "a.db"
    with SiteServer(root, state="week1", base="week1") as site:
        cli("crawl", "listing", "--db", db, "--start-url", site.base_url + "/more.htm", *FAST, check=5)
    out = cli("reparse", "--db", db, "--crawl", "1", check=0).stdout
    assert f"SUSPECT: reparse of crawl 1 with this release's parsers; suspect: {site.base_url}/more.htm: {HINT}" in out
    assert q(db, "SELECT suspect FROM crawls WHERE id = 2") == 1


def test_render_without_chromium_says_what_to_install(tmp_path):
    env_path = os.environ.get("RENDER_BROWSER")
    os.environ["RENDER_BROWSER"] = str(tmp_path / "no-such-chromium")
    try:
        done = cli("crawl", "listing", "--db", tmp_path / "a.db", "--start-url", "http://127.0.0.1:9/x", "--render")
    finally:
        if env_path is None:
            del os.environ["RENDER_BROWSER"]
        else:
            os.environ["RENDER_BROWSER"] = env_path
    assert done.returncode == 1
    assert "pip install 'listing-archive[render]'" in done.stderr and "chromium" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_an_infinite_scroll_is_scrolled_to_its_end(tmp_path, render_ready):
    root = build_site(tmp_path / "site")
    db = tmp_path / "a.db"
    with SiteServer(root, state="week1", base="week1") as site:
        url = f"{site.base_url}/scroll.htm"
        profile = ["--profile", root / "scroll.toml"]
        cli("crawl", "listing", "--db", db, "--start-url", url, *profile, "--render", *FAST, check=0)
        assert [p for p in site.requests if p.startswith("/more-")] == [f"/more-{n}.json" for n in range(1, 6)]
    assert q(db, "SELECT entries FROM listing_crawls") == PER_BATCH * (MORE_CLICKS + 1)


def _rows(db, sql):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _processes_under(folder: Path) -> list[int]:
    """Processes whose command line names `folder` (the browser's user-data-dir is made under it)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
            except OSError:
                continue
            if str(folder).encode() in cmdline:
                found.append(int(entry.name))
    return found


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT], ids=["kill", "ctrl-c"])
def test_a_stopped_crawl_leaves_no_chromium_behind(tmp_path, render_ready, stop):
    root = build_site(tmp_path / "site")
    temp = Path(tempfile.mkdtemp(prefix="lr-"))  # short: Chromium's socket path under it has a length limit
    with SiteServer(root, state="week1", base="week1") as site:
        released = threading.Event()
        site.faults["/data.json"] = lambda handler: released.wait(120) or True  # the list never arrives
        crawl = subprocess.Popen(
            [sys.executable, "-m", "archive.cli", "crawl", "listing", "--db", str(tmp_path / "a.db")]
            + ["--start-url", f"{site.base_url}/fetch.htm", "--render", *FAST, "-s", "DOWNLOAD_TIMEOUT=20"],
            cwd=str(ROOT),
            env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temp)},
            stdout=subprocess.DEVNULL,
            stderr=open(tmp_path / "err.txt", "w"),  # noqa: SIM115
        )
        try:
            wait_for(
                lambda: "/data.json" in site.requests or crawl.poll() is not None, seconds=90
            )  # the browser is on the page
            assert _processes_under(temp), (tmp_path / "err.txt").read_text()[-3000:]
        finally:
            crawl.send_signal(stop)
            crawl.wait(timeout=120)
            released.set()
        assert crawl.returncode != 0
        wait_for(lambda: not _processes_under(temp), seconds=60)
    shutil.rmtree(temp, ignore_errors=True)


# -- without a browser: the hint, the profile keys, the config key ------------------------

_LISTED = "".join(f'<li><a href="/pub/{n}.htm">Report {n}</a></li>' for n in range(10))


@pytest.mark.parametrize(
    "html, entries, links, built",
    [
        ("<ul id='list'></ul><script>list.innerHTML = rows</script>", 0, [], True),
        ("<div class='results'></div>", 0, [], True),
        ("<div class='wrapper'></div><p>Contact us</p>", 0, [], False),
        ("<p>Nothing</p><noscript>Please enable JavaScript to see the reports.</noscript>", 1, [], True),
        ("<main><p>Reports</p><script>fetch('/data.json').then(show)</script></main>", 1, [], True),
        ("<noscript><img src='/pixel.gif'></noscript><p>About us</p>", 0, [], False),
        (f"<ul>{_LISTED}</ul><button>Load more</button>", 10, [], True),
        (f"<ul>{_LISTED}</ul><button>Load more</button>", 10, ["/page/2"], False),
        (f"<ul>{_LISTED}</ul><script>document.body.appendChild(x)</script>", 10, [], False),
        (f"<ul>{_LISTED}</ul><p>Read more about us</p>", 10, [], False),
        (f"<ul>{_LISTED}</ul><button>Show more filters</button>", 10, [], False),
        (f"<ul>{_LISTED}</ul><a href='#'> More results… </a>", 10, [], True),
    ],
)
def test_a_page_a_browser_builds_is_recognised(html, entries, links, built):
    from crawler.extract.scripted import builds_list_in_browser

    assert builds_list_in_browser(f"<html><body>{html}</body></html>", entries, links) is built


def test_a_profile_names_how_its_pages_render(tmp_path):
    from crawler.extract.profiles import ProfileError, load_profile_file

    root = build_site(tmp_path)
    profile = load_profile_file(root / "more.toml")
    assert profile.render_spec() == {"wait_for": "#list li.item", "load_more": "button#more", "scroll": False}
    bad = tmp_path / "bad.toml"
    bad.write_text((root / "more.toml").read_text().replace('load_more = "button#more"', 'load_more = "button[["'))
    with pytest.raises(ProfileError, match="load_more"):
        load_profile_file(bad)
    bad.write_text('name = "x"\nrender = "yes"\n[selectors]\nentry = "li"\n')
    with pytest.raises(ProfileError, match="render must be true or false"):
        load_profile_file(bad)


def test_the_crawl_and_the_archive_name_the_rendered_mark_alike():
    from archive.record import KEPT_HEADERS, RENDERED, SUBRESOURCES
    from crawler.render import SUBRESOURCES_HEADER

    assert RENDERED == RENDERED_HEADER and RENDERED in KEPT_HEADERS
    assert SUBRESOURCES == SUBRESOURCES_HEADER == "x-listing-archive-subresources" and SUBRESOURCES in KEPT_HEADERS


def test_a_config_listing_may_ask_to_render(tmp_path):
    from archive.config import ConfigError, load_config

    config = tmp_path / "c.toml"
    config.write_text(
        '[[listing]]\nurl = "https://example.org/a"\nrender = true\n[[listing]]\nurl = "https://example.org/b"\n'
    )
    assert load_config(str(config)).rendered == ["https://example.org/a"]
    config.write_text('[[listing]]\nurl = "https://example.org/a"\nrender = "yes"\n')
    with pytest.raises(ConfigError, match="render"):
        load_config(str(config))


def test_a_worker_with_chromium_renders_what_one_process_renders(tmp_path, render_ready, redis_url):
    """crawl --frontier: the rendered listings (--render's, a config's, a profile's) travel to the
    worker, which renders them in its own browser; the archive is the one a --render crawl makes."""
    root = build_site(tmp_path / "site")
    one, shared = tmp_path / "one.db", tmp_path / "shared.db"
    with SiteServer(root, state="week1", base="week1") as site:
        config = _config(tmp_path / "listings.toml", site.base_url, root, render=True)
        for db, extra in ((one, []), (shared, ["--frontier", redis_url, "--workers", "1"])):
            done = cli("crawl", "--config", config, "--db", db, *FAST, *extra, check=0)
            assert "COMPLETE" in done.stdout and "SUSPECT" not in done.stdout
    assert snapshot(shared) == snapshot(one)
    assert len(_rows(shared, "SELECT id FROM captures WHERE headers LIKE '%" + RENDERED_HEADER + "%'")) == 3


def test_a_worker_without_chromium_leaves_rendered_listings_to_others(tmp_path, redis_url, monkeypatch):
    """Its only worker cannot render: it gives the rendered listing's page back unread (never read
    unrendered), says so once, reads the plain listing; the crawl stalls and ends incomplete, saying why."""
    monkeypatch.setenv("RENDER_BROWSER", str(tmp_path / "no-chromium"))
    root = build_site(tmp_path / "site")
    db = tmp_path / "a.db"
    with SiteServer(root, state="week1", base="week1") as site:
        rendered, plain = f"{site.base_url}/script.htm", f"{site.base_url}/plain.htm"
        config = tmp_path / "listings.toml"
        config.write_text(f'[[listing]]\nurl = "{rendered}"\nrender = true\n[[listing]]\nurl = "{plain}"\n')
        stall = ["-s", "FRONTIER_STALL=4"]
        done = cli("crawl", "--config", config, "--db", db, *FAST, *stall, "--frontier", redis_url, "--workers", "1")
        assert "/script.htm" not in site.requests, "a worker without Chromium read a rendered page"
    assert done.returncode != 0 and "COMPLETE" not in done.stdout.replace("INCOMPLETE", "")
    assert "no worker with Chromium" in done.stdout
    assert q(db, "SELECT complete FROM listing_crawls WHERE listing_url=?", plain) == 1
    assert q(db, "SELECT count(*) FROM entries WHERE status='removed'") == 0
    logs = "".join(p.read_text() for p in tmp_path.glob("logs/*worker*.log"))
    assert logs.count(f"leaving rendered listing {rendered} to a worker with Chromium") == 1


def test_a_rendered_page_over_the_size_limit_fails_its_listing(tmp_path, render_ready):
    root = build_site(tmp_path / "site")
    with SiteServer(root, state="week1", base="week1") as site:
        url = f"{site.base_url}/script.htm"
        limit = (root / "week1" / "script.htm").stat().st_size + 100  # the served page is under it, its DOM is not
        size = ["-s", f"DOWNLOAD_MAXSIZE={limit}"]
        done = cli("crawl", "listing", "--db", tmp_path / "a.db", "--start-url", url, "--render", *FAST, *size, check=4)
    assert "page over the size limit" in done.stdout and "Traceback" not in done.stderr
