"""Real crawls with real Scrapy and real SQLite, against sites served on 127.0.0.1."""

import json
import shutil
import sqlite3

from conftest import FAST, cli

from archive.store import integrity_ok
from crawler.site_server import DEMO_BASE, DEMO_LISTING_PATH, SiteServer, demo_site_root

PAGE2 = DEMO_LISTING_PATH.replace("index.htm", "nextRow--10/index.htm")


def count(db, sql, *args):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchone()[0]


def fail_with(status):
    def answer(handler):
        handler.send_error(status)
        return True

    return answer


def test_demo_site_two_crawls_a_week_apart(tmp_path):
    db = tmp_path / "a.db"
    with SiteServer(demo_site_root(), state="week1", base=DEMO_BASE) as site:
        url = site.base_url + DEMO_LISTING_PATH
        first = cli("crawl", "ilo", "--db", db, "--start-url", url, *FAST, check=0)
        assert "COMPLETE" in first.stdout and "new 14" in first.stdout
        assert len(site.requests) == len(set(site.requests)), "a page was requested twice"
        assert "/robots.txt" in site.requests
        cli("crawl", "ilo", "--db", db, "--start-url", url, *FAST, check=0)
        assert count(db, "SELECT count(*) FROM entry_versions") == 14  # unchanged re-crawl: no versions
        site.state = "week2"
        third = cli("crawl", "ilo", "--db", db, "--start-url", url, *FAST, check=0)
        assert "new 1, changed 1, removed 1" in third.stdout
    assert count(db, "SELECT count(*) FROM captures") == 6
    assert count(db, "SELECT count(DISTINCT digest) FROM captures") == 3  # bodies stored once per digest
    assert count(db, "SELECT status FROM entries WHERE entry_id='WCMS_863790'") == "removed"
    assert integrity_ok(str(db))
    history = json.loads(cli("history", "WCMS_862866", "--db", db, "--format", "json", check=0).stdout)
    assert [v["version"] for v in history["versions"]] == [1, 2]
    assert set(history["versions"][1]["changed_fields"]) == {"title", "date_text", "date_start", "date_end"}
    report = json.loads(cli("diff", "--db", db, "--format", "json", check=0).stdout)
    assert [e["entry_id"] for e in report["new"]] == ["WCMS_867001"]
    assert report["changed"][0]["changes"]["date_start"] == ["2022-11-29", "2022-11-30"]
    assert [e["entry_id"] for e in report["removed"]] == ["WCMS_863790"]
    assert report["from"]["id"] == 2 and report["to"]["id"] == 3


def test_a_page_that_fails_makes_the_crawl_partial_and_removes_nothing(tmp_path):
    db = tmp_path / "a.db"
    with SiteServer(demo_site_root(), state="week1", base=DEMO_BASE) as site:
        url = site.base_url + DEMO_LISTING_PATH
        cli("crawl", "ilo", "--db", db, "--start-url", url, *FAST, check=0)
        site.state = "week2"
        site.faults[PAGE2] = fail_with(500)
        partial = cli("crawl", "ilo", "--db", db, "--start-url", url, *FAST, check=3)
        assert "PARTIAL" in partial.stdout and "NOT marked removed" in partial.stdout
        assert count(db, "SELECT count(*) FROM entries WHERE status='removed'") == 0
        # Page 2's entries were not seen, and are still listed.
        assert count(db, "SELECT status FROM entries WHERE entry_id='WCMS_861200'") == "listed"
        site.faults.clear()
        cli("crawl", "ilo", "--db", db, "--start-url", url, *FAST, check=0)
    assert count(db, "SELECT count(*) FROM entries WHERE status='removed'") == 1
    assert integrity_ok(str(db))


def test_start_page_missing_is_a_failed_crawl(tmp_path):
    db = tmp_path / "a.db"
    with SiteServer(demo_site_root(), state="week1", base=DEMO_BASE) as site:
        failed = cli("crawl", "ilo", "--db", db, "--start-url", site.base_url + "/nothing/here.htm", *FAST, check=4)
    assert "FAILED" in failed.stdout
    assert "Traceback" not in failed.stderr


def test_never_leaves_the_allowed_domains(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(demo_site_root() / "week1", root)
    page1 = root / DEMO_LISTING_PATH.lstrip("/")
    with SiteServer(root) as site:
        port = site.server_address[1]
        html = page1.read_text().replace(
            '<li class="next"><a href="/asia', f'<li class="next"><a href="http://localhost:{port}/asia'
        )
        page1.write_text(html)
        db = tmp_path / "a.db"
        result = cli("crawl", "listing", "--db", db, "--start-url", site.base_url + DEMO_LISTING_PATH, *FAST)
        # A next link off the start hosts makes the listing incomplete (exit 3), and is never fetched.
        assert result.returncode == 3, result.stderr[-2000:]
        assert "off the start hosts" in result.stderr + result.stdout
        # Page 2 is still reached through its numbered link on 127.0.0.1, never through localhost.
        assert site.requests.count(PAGE2) == 1
    assert count(db, "SELECT count(*) FROM captures WHERE url LIKE 'http://localhost%'") == 0


def test_scrapy_list_and_crawl_from_the_repository_root(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import ROOT

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    listed = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=ROOT, capture_output=True, text=True, env=env)
    assert listed.stdout.split() == ["ilo", "listing"]
    with SiteServer(demo_site_root(), state="week1", base=DEMO_BASE) as site:
        out = tmp_path / "items.jsonl"
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "scrapy",
                "crawl",
                "ilo",
                "-a",
                f"start_urls={site.base_url + DEMO_LISTING_PATH}",
                "-O",
                str(out),
                "-s",
                f"ARCHIVE_DB={tmp_path / 'x.db'}",
                *FAST,
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
    assert run.returncode == 0, run.stderr[-2000:]
    items = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(items) == 14
    assert items[0]["listing_url"].endswith(DEMO_LISTING_PATH)


def test_jobdir_and_ignored_fields(tmp_path):
    db, jobs = tmp_path / "a.db", tmp_path / "job"
    with SiteServer(demo_site_root(), state="week1", base=DEMO_BASE) as site:
        url = site.base_url + DEMO_LISTING_PATH
        cli("crawl", "ilo", "--db", db, "--start-url", url, "--jobdir", jobs, *FAST, check=0)
        # A finished job leaves nothing to resume: the next crawl with the same jobdir is a full one.
        site.state = "week2"
        out = cli(
            "crawl",
            "ilo",
            "--db",
            db,
            "--start-url",
            url,
            "--jobdir",
            jobs,
            *FAST,
            "--ignore-field",
            "title",
            "--ignore-field",
            "date_text",
            "--ignore-field",
            "date_start",
            "--ignore-field",
            "date_end",
            check=0,
        ).stdout
    assert "new 1, changed 0, removed 1" in out
    assert cli("crawl", "ilo", "--db", db, "--ignore-field", "nonsense").returncode == 2


def test_listing_spider_reads_any_site_and_follows_its_pagination(tmp_path):
    root = tmp_path / "other"
    links = {
        1: '<a href="/news/page/2/">Next ›</a>',
        2: '<a href="/news/">‹ Prev</a> <a href="/news/page/3/">»</a>',
        3: '<a href="/news/page/2/">‹ Prev</a>',
    }
    for n in (1, 2, 3):
        items = "".join(
            f'<article class="teaser"><h3><a href="/news/item-{n}-{i}">Story {i} of page {n} about work</a></h3>'
            f'<time datetime="2023-0{n}-1{i}">1{i} {["January", "February", "March"][n - 1]} 2023</time>'
            f"<p>Text of story {i}.</p></article>"
            for i in range(4)
        )
        page = (
            '<html lang="en"><body><header><nav><a href="/">Home of the example site</a></nav></header>'
            f'<main><h1>News</h1>{items}<div class="pager">{links[n]}</div></main></body></html>'
        )
        path = root / ("news/index.htm" if n == 1 else f"news/page/{n}/index.htm")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page)
    db = tmp_path / "o.db"
    with SiteServer(root) as site:
        out = cli("crawl", "listing", "--db", db, "--start-url", site.base_url + "/news/", *FAST, check=0).stdout
        assert sorted(site.requests) == sorted(set(site.requests))
    assert "pages 3, entries 12" in out
    assert count(db, "SELECT count(*) FROM entries WHERE date_start LIKE '2023-0%'") == 12
    assert count(db, "SELECT max(page) FROM sightings") == 3


def test_jobdir_keeps_one_job_per_listing(tmp_path):
    root = tmp_path / "two"
    shutil.copytree(demo_site_root() / "week1", root)
    news = root / "news" / "index.htm"
    news.parent.mkdir(parents=True)
    news.write_text(
        '<html lang="en"><body><main><h1>News</h1><ul>'
        + "".join(
            f'<li><h3><a href="/news/{i}">News story number {i}</a></h3><p>{i + 1} May 2021</p></li>' for i in range(3)
        )
        + "</ul></main></body></html>"
    )
    db, jobs = tmp_path / "a.db", tmp_path / "jobs"
    with SiteServer(root) as site:
        out = cli(
            "crawl",
            "listing",
            "--db",
            db,
            "--start-url",
            site.base_url + DEMO_LISTING_PATH,
            "--start-url",
            site.base_url + "/news/",
            "--jobdir",
            jobs,
            *FAST,
            check=0,
        ).stdout
    assert out.count("COMPLETE") == 2
    assert count(db, "SELECT count(*) FROM crawls WHERE status='complete'") == 2
    assert count(db, "SELECT count(*) FROM entries") == 17
    assert not jobs.exists()  # two finished jobs: nothing to resume, no empty folders left behind


def test_conditional_requests_hold_every_crawl_not_every_other(tmp_path):
    """Three crawls of an unchanged site: the second and third are answered 304 throughout."""
    db = tmp_path / "a.db"
    with SiteServer(demo_site_root(), state="week1", base=DEMO_BASE) as site:
        url = site.base_url + DEMO_LISTING_PATH
        for _ in range(3):
            cli("crawl", "ilo", "--db", db, "--start-url", url, *FAST, check=0)
    statuses = [count(db, f"SELECT group_concat(status) FROM captures WHERE crawl_id={n}") for n in (1, 2, 3)]
    assert statuses == ["200,200", "304,304", "304,304"]
    assert count(db, "SELECT count(*) FROM entry_versions") == 14  # no version from a 304
    assert count(db, "SELECT sum(entries) FROM crawls WHERE id=3") == 14


def test_log_dir_is_where_each_crawls_log_goes(tmp_path):
    db, logs = tmp_path / "a.db", tmp_path / "var" / "log" / "lao"  # made, parents and all
    with SiteServer(demo_site_root(), state="week1", base=DEMO_BASE) as site:
        url = site.base_url + DEMO_LISTING_PATH
        first = cli("crawl", "ilo", "--db", db, "--start-url", url, "--log-dir", logs, *FAST, check=0)
        second = cli("crawl", "ilo", "--db", db, "--start-url", url, *FAST, check=0)
    written = sorted(logs.iterdir())
    assert len(written) == 1 and written[0].name.startswith("crawl-") and written[0].suffix == ".log"
    assert first.stdout.splitlines()[-1] == f"  log: {written[0]}"
    assert "Spider closed (finished)" in written[0].read_text()
    # Without --log-dir, logs/ beside the archive.
    default = sorted((tmp_path / "logs").iterdir())
    assert len(default) == 1 and second.stdout.splitlines()[-1] == f"  log: {default[0]}"


def test_a_log_dir_that_cannot_be_a_folder_is_one_clear_line(tmp_path):
    db, a_file = tmp_path / "a.db", tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    nowhere = "http://127.0.0.1:9/"  # nothing listens: nothing may be fetched
    refused = cli("crawl", "ilo", "--db", db, "--start-url", nowhere, "--log-dir", a_file, *FAST, check=2)
    assert refused.stderr.splitlines()[-1] == f"Error: Invalid value for '--log-dir': Directory '{a_file}' is a file."
    under = cli("crawl", "ilo", "--db", db, "--start-url", nowhere, "--log-dir", a_file / "logs", *FAST, check=1)
    problem = f"{a_file / 'logs'} cannot be made a folder: {a_file} is a file, not a folder"
    assert under.stderr.strip() == f"Error: cannot keep the crawl's log: {problem}"
    assert under.stdout == ""  # no crawl was begun
    assert not db.exists() or count(db, "SELECT count(*) FROM crawls") == 0
    assert a_file.read_text() == "not a folder"
