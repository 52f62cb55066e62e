"""reparse, export-warc and serve on an archive made by a real crawl of the demo site."""

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request

import pytest
from warcio.archiveiterator import ArchiveIterator

from conftest import FAST, ROOT, cli
from crawler.site_server import DEMO_BASE, DEMO_LISTING_PATH, SiteServer, demo_site_root


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    db = tmp_path_factory.mktemp("tools") / "a.db"
    with SiteServer(demo_site_root(), state="week1", base=DEMO_BASE) as site:
        cli("crawl", "ilo", "--db", db, "--start-url", site.base_url + DEMO_LISTING_PATH, *FAST, check=0)
    return db


def test_reparse_records_a_parser_change_not_a_site_change(crawled, tmp_path):
    db = tmp_path / "copy.db"
    src, dst = sqlite3.connect(crawled), sqlite3.connect(db)
    src.backup(dst)
    src.close()
    dst.close()
    # Pretend an older parser got a title wrong: today's parsers put it right from the stored page.
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE entries SET title = 'Garbled' WHERE entry_id = 'WCMS_865548'")
    out = cli("reparse", "--db", db, check=0).stdout
    assert "changed 1" in out and "new 0" in out
    history = json.loads(cli("history", "WCMS_865548", "--db", db, "--format", "json", check=0).stdout)
    assert history["versions"][-1]["source"] == "reparse"
    assert history["versions"][-1]["changes"]["title"][1] == "Migrant Worker Resource Centres (MRCs) in Lao PDR video"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT source, status FROM crawls ORDER BY id DESC LIMIT 1").fetchone() == ("reparse", "complete")
        assert conn.execute("SELECT count(*) FROM entries WHERE status='removed'").fetchone()[0] == 0


def test_export_warc(crawled, tmp_path):
    out = tmp_path / "c.warc.gz"
    assert "wrote 2 records" in cli("export-warc", "--db", crawled, "-o", out, check=0).stdout
    with open(out, "rb") as fh:
        records = [(r.rec_headers.get_header("WARC-Target-URI"), r.http_headers.get_statuscode(), r.content_stream().read())
                   for r in ArchiveIterator(fh) if r.rec_type == "response"]
    assert len(records) == 2
    assert records[0][0].endswith(DEMO_LISTING_PATH) and records[0][1] == "200"
    assert b"Lao People's Democratic Republic resources" in records[0][2]


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_is_read_only_with_search_and_queries(crawled):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "archive.cli", "serve", "--db", str(crawled), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2)
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, "datasette did not start"
                time.sleep(0.2)
        found = json.load(urllib.request.urlopen(base + "/a/entries.json?_search=Coffee&_shape=array"))
        assert [r["entry_id"] for r in found] == ["WCMS_857204"]
        history = json.load(urllib.request.urlopen(base + "/a/entry_history.json?entry_id=WCMS_862866&_shape=array"))
        assert history[0]["version"] == 1
        meta = json.load(urllib.request.urlopen(base + "/-/metadata.json"))
        assert "description" in meta["databases"]["a"]["tables"]["entries"]
        for path, data in (("/a/entries/-/insert", b'{"row": {"entry_id": "x"}}'), ("/a/-/query", b"sql=DELETE+FROM+entries")):
            with pytest.raises(urllib.error.HTTPError):
                urllib.request.urlopen(urllib.request.Request(base + path, data=data, method="POST", headers={"Content-Type": "application/json"}))
        count = json.load(urllib.request.urlopen(base + "/a.json?sql=select+count(*)+as+n+from+entries&_shape=array"))
        assert count == [{"n": 14}]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
