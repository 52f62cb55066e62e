"""reparse and export-warc on an archive made by a real crawl of the demo site."""

import json
import sqlite3

import pytest
from conftest import FAST, cli
from warcio.archiveiterator import ArchiveIterator

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
        assert conn.execute("SELECT source, status FROM crawls ORDER BY id DESC LIMIT 1").fetchone() == (
            "reparse",
            "complete",
        )
        assert conn.execute("SELECT count(*) FROM entries WHERE status='removed'").fetchone()[0] == 0
    listed = cli("crawls", "--db", db, check=0).stdout.splitlines()
    assert listed[0].split()[:2] == ["crawl", "started"]
    assert listed[1].split()[2:4] == ["reparse", "complete"] and "reparse of crawl 1" in listed[2]
    assert listed[3].split()[2:4] == ["site", "complete"]


def test_export_warc(crawled, tmp_path):
    out = tmp_path / "c.warc.gz"
    assert "wrote 2 records" in cli("export-warc", "--db", crawled, "-o", out, check=0).stdout
    with open(out, "rb") as fh:
        records = [
            (r.rec_headers.get_header("WARC-Target-URI"), r.http_headers.get_statuscode(), r.content_stream().read())
            for r in ArchiveIterator(fh)
            if r.rec_type == "response"
        ]
    assert len(records) == 2
    assert records[0][0].endswith(DEMO_LISTING_PATH) and records[0][1] == "200"
    assert b"Lao People's Democratic Republic resources" in records[0][2]


def test_export_warc_never_overwrites_nor_writes_a_crawl_that_is_not_there(crawled, tmp_path):
    out = tmp_path / "c.warc.gz"
    missing = cli("export-warc", "--db", crawled, "-o", out, "--crawl", "99")
    assert missing.returncode == 1 and "no crawl 99" in missing.stderr, missing.stderr
    assert list(tmp_path.iterdir()) == []  # no empty WARC left behind

    out.write_bytes(b"someone's file")
    kept = cli("export-warc", "--db", crawled, "-o", out, "--crawl", "1")
    assert kept.returncode == 1 and "exists" in kept.stderr and "--force" in kept.stderr
    assert out.read_bytes() == b"someone's file"
    assert (
        "wrote 2 records" in cli("export-warc", "--db", crawled, "-o", out, "--crawl", "1", "--force", check=0).stdout
    )
    with open(out, "rb") as fh:
        assert len([r for r in ArchiveIterator(fh) if r.rec_type == "response"]) == 2
    itself = cli("export-warc", "--db", crawled, "-o", crawled, "--force")
    assert itself.returncode == 1 and "the archive itself" in itself.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.warc.gz"]  # no part file left
