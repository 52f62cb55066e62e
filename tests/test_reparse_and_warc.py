"""reparse and export-warc on an archive made by a real crawl of the demo site."""

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from conftest import FAST, ROOT, cli
from warcio.archiveiterator import ArchiveIterator

from crawler.site_server import DEMO_BASE, DEMO_LISTING_PATH, SiteServer, demo_site_root


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    db = tmp_path_factory.mktemp("tools") / "a.db"
    with SiteServer(demo_site_root(), state="week1", base=DEMO_BASE) as site:
        cli("crawl", "ilo", "--db", db, "--start-url", site.base_url + DEMO_LISTING_PATH, *FAST, check=0)
    return db


@pytest.fixture(scope="module")
def crawled_twice(tmp_path_factory):
    """The demo site crawled in week 1 (crawl 1), then in week 2 (crawl 2: page 1 changed, page 2 a 304)."""
    db = tmp_path_factory.mktemp("tools2") / "a.db"
    with SiteServer(demo_site_root(), state="week1", base=DEMO_BASE) as site:
        cli("crawl", "ilo", "--db", db, "--start-url", site.base_url + DEMO_LISTING_PATH, *FAST, check=0)
        site.state = "week2"
        cli("crawl", "ilo", "--db", db, "--start-url", site.base_url + DEMO_LISTING_PATH, *FAST, check=0)
    return db


def copy_of(db, tmp_path):
    """A copy of the archive `db` that a test may change."""
    copy = tmp_path / "copy.db"
    src, dst = sqlite3.connect(db), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.close()
    return copy


def rows(db, sql):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_reparse_records_a_parser_change_not_a_site_change(crawled, tmp_path):
    db = copy_of(crawled, tmp_path)
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


def test_reparse_crawl_reparses_that_crawls_captures(crawled_twice, tmp_path):
    db = copy_of(crawled_twice, tmp_path)
    with sqlite3.connect(db) as conn:  # an entry week 2 lists, garbled by "an older parser"
        conn.execute("UPDATE entries SET title = 'Garbled' WHERE entry_id = 'WCMS_867001'")
    out = cli("reparse", "--db", db, "--crawl", "2", check=0).stdout
    assert out.startswith("reparse #3: 14 entries from 2 stored pages: new 0, changed 1 ")
    assert rows(db, "SELECT id, source, status, note FROM crawls WHERE id = 3") == [
        (3, "reparse", "complete", "reparse of crawl 2 with this release's parsers")
    ]
    assert rows(db, "SELECT title FROM entries WHERE entry_id = 'WCMS_867001'") != [("Garbled",)]
    assert rows(db, "SELECT count(*) FROM entries WHERE status = 'removed'") == [(1,)]  # as week 2 left it


@pytest.mark.parametrize(
    ("crawl", "code", "message"),
    [
        ("99", 1, "Error: no crawl 99 in this archive"),
        ("0", 2, "Error: Invalid value for '--crawl': 0 is not in the range 1<=x<=9223372036854775807."),
        ("abc", 2, "Error: Invalid value for '--crawl': 'abc' is not a valid integer range."),
    ],
)
def test_reparse_of_a_crawl_that_is_not_there_changes_nothing(crawled_twice, tmp_path, crawl, code, message):
    db = copy_of(crawled_twice, tmp_path)
    before = rows(db, "SELECT * FROM crawls") + rows(db, "SELECT * FROM entry_versions")
    refused = cli("reparse", "--db", db, "--crawl", crawl, check=code)
    assert refused.stderr.splitlines()[-1] == message and refused.stdout == ""
    assert rows(db, "SELECT * FROM crawls") + rows(db, "SELECT * FROM entry_versions") == before


def warc_responses(path) -> list[tuple[str, str, str]]:
    """(record type, target URI, WARC-Date) of each record of the WARC file at `path`."""
    with open(path, "rb") as fh:
        return [
            (r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), r.rec_headers.get_header("WARC-Date"))
            for r in ArchiveIterator(fh)
        ]


def test_export_warc_crawl_writes_only_that_crawls_captures(crawled_twice, tmp_path):
    captures = rows(crawled_twice, "SELECT crawl_id, url, replace(fetched_at, '+00:00', 'Z') FROM captures ORDER BY id")
    assert [c[0] for c in captures] == [1, 1, 2, 2]
    for crawl in (1, 2):
        out = tmp_path / f"crawl{crawl}.warc.gz"
        assert cli("export-warc", "--db", crawled_twice, "-o", out, "--crawl", crawl, check=0).stdout == (
            f"wrote 2 records to {out}\n"
        )
        got = warc_responses(out)
        assert [(uri, date) for _, uri, date in got] == [(url, date) for c, url, date in captures if c == crawl]
    whole = tmp_path / "all.warc.gz"
    assert "wrote 4 records" in cli("export-warc", "--db", crawled_twice, "-o", whole, check=0).stdout
    assert [kind for kind, _, _ in warc_responses(whole)] == ["response", "response", "response", "revisit"]


@pytest.mark.parametrize(
    ("crawl", "code", "message"),
    [
        ("99", 1, "no crawl 99 in {db} (see `listing-archive crawls`); nothing written"),
        ("0", 2, "Invalid value for '--crawl': 0 is not in the range 1<=x<=9223372036854775807."),
        ("-1", 2, "Invalid value for '--crawl': -1 is not in the range 1<=x<=9223372036854775807."),
        ("abc", 2, "Invalid value for '--crawl': 'abc' is not a valid integer range."),
    ],
)
def test_export_warc_of_a_crawl_that_is_not_there_writes_nothing(crawled_twice, tmp_path, crawl, code, message):
    refused = cli("export-warc", "--db", crawled_twice, "-o", tmp_path / "c.warc.gz", "--crawl", crawl, check=code)
    assert refused.stderr.splitlines()[-1] == "Error: " + message.format(db=crawled_twice)
    assert list(tmp_path.iterdir()) == []


def test_export_warc_to_a_dash_writes_standard_output(crawled_twice, tmp_path):
    """stranger35, 2026-12-08 (issue 20): every other -o takes '-' for standard output; `export-warc -o -` said
    "wrote 4 records to -" and left them in a file named '-' in the working folder (`-o - | upload` got nothing);
    run again, it refused: "- exists". Now the records go down the pipe, the count to standard error."""
    run = [sys.executable, "-m", "archive.cli", "export-warc", "--db", str(crawled_twice), "-o", "-"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    piped = subprocess.run(run, capture_output=True, cwd=tmp_path, env=env, timeout=120)
    assert piped.returncode == 0 and piped.stderr.decode().endswith("wrote 4 records to standard output\n")
    (tmp_path / "piped.warc.gz").write_bytes(piped.stdout)
    assert [kind for kind, _, _ in warc_responses(tmp_path / "piped.warc.gz")] == ["response"] * 3 + ["revisit"]
    one = subprocess.run([*run, "--crawl", "2"], capture_output=True, cwd=tmp_path, env=env, timeout=120)
    (tmp_path / "one.warc.gz").write_bytes(one.stdout)
    assert [kind for kind, _, _ in warc_responses(tmp_path / "one.warc.gz")] == ["response", "revisit"]
    missing = subprocess.run([*run, "--crawl", "9"], capture_output=True, cwd=tmp_path, env=env, timeout=120)
    assert missing.returncode == 1 and missing.stdout == b"" and b"no crawl 9" in missing.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.warc.gz", "piped.warc.gz"]  # no file named '-'


def _records(path) -> list:
    """Each record of the WARC file at `path`: (type, its WARC headers, HTTP status or None, payload)."""
    with open(path, "rb") as fh:
        return [
            (
                r.rec_type,
                dict(r.rec_headers.headers),
                r.http_headers and r.http_headers.get_statuscode(),
                r.raw_stream.read(),
            )
            for r in ArchiveIterator(fh)
        ]


@pytest.mark.parametrize("only_crawl_2", [False, True])
def test_a_304_capture_is_a_server_not_modified_revisit_of_the_earlier_capture(crawled_twice, tmp_path, only_crawl_2):
    """Page 2 of crawl 2 was a 304: it used to be a `response` record with the old body (with --crawl 2), or a
    revisit with the identical-payload-digest profile and no WARC-Refers-To (the whole archive)."""
    whole, part = tmp_path / "all.warc.gz", tmp_path / "c2.warc.gz"
    cli("export-warc", "--db", crawled_twice, "-o", whole, check=0)
    earlier = [
        h
        for kind, h, status, _ in _records(whole)
        if kind == "response" and h["WARC-Target-URI"].endswith("nextRow--10/index.htm")
    ]
    assert len(earlier) == 1
    if only_crawl_2:
        cli("export-warc", "--db", crawled_twice, "-o", part, "--crawl", "2", check=0)
    records = _records(part if only_crawl_2 else whole)
    [(kind, headers, status, payload)] = [
        r
        for r in records
        if r[1]["WARC-Target-URI"] == earlier[0]["WARC-Target-URI"] and r[1]["WARC-Date"] != earlier[0]["WARC-Date"]
    ]
    assert kind == "revisit" and status == "304" and payload == b""
    assert headers["WARC-Profile"] == "http://netpreserve.org/warc/1.0/revisit/server-not-modified"
    assert headers["WARC-Refers-To"] == earlier[0]["WARC-Record-ID"]
    assert headers["WARC-Refers-To-Target-URI"] == earlier[0]["WARC-Target-URI"]
    assert headers["WARC-Refers-To-Date"] == earlier[0]["WARC-Date"]


def test_export_warc_of_a_reparse_says_it_fetched_nothing(crawled, tmp_path):
    """A reparse fetched no pages: its WARC was an empty file, exit 0."""
    db = copy_of(crawled, tmp_path)
    cli("reparse", "--db", db, check=0)
    out = tmp_path / "r.warc.gz"
    refused = cli("export-warc", "--db", db, "-o", out, "--crawl", "2", check=1)
    assert refused.stderr.splitlines()[-1] == (
        "Error: crawl 2 is a reparse: it fetched no pages of its own; its pages are crawl 1's (--crawl 1)"
    )
    assert not out.exists()


def test_reparse_of_a_crawl_that_stored_no_pages_writes_nothing(crawled, tmp_path):
    """A failed crawl stored no page: its reparse was a "complete" crawl of 0 pages, exit 0."""
    db = copy_of(crawled, tmp_path)
    with sqlite3.connect(db) as conn:
        conn.execute(
            "INSERT INTO crawls (spider, start_urls, started_at, finished_at, status, source) "
            "VALUES ('ilo', '[]', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:01+00:00', 'failed', 'site')"
        )
    before = rows(db, "SELECT * FROM crawls")
    refused = cli("reparse", "--db", db, "--crawl", "2", check=1)
    assert refused.stderr.splitlines()[-1] == "Error: crawl 2 (failed) stored no pages: nothing to reparse"
    assert rows(db, "SELECT * FROM crawls") == before


KILLED = "did not finish (its process is gone: killed, or the machine stopped)"


def test_reparse_of_a_crawl_killed_before_it_finished_says_so_and_removes_nothing(crawled_twice, tmp_path):
    """kill -9 leaves a crawl's row 'running', its stored pages kept and nothing of it marked removed. Its reparse
    said "crawl 2 (running) stored no pages": a reparse holds the archive's lock, so that crawl's process is gone
    and it will never finish, as `crawls` says (issue 20). It says so, reads what was stored, removes nothing."""
    db = copy_of(crawled_twice, tmp_path)
    with sqlite3.connect(db) as conn:  # crawl 2 as kill -9 leaves it: both pages stored, never closed
        conn.execute("UPDATE crawls SET status = 'running', finished_at = NULL, removed = 0 WHERE id = 2")
        conn.execute("UPDATE entries SET status = 'listed', removed_at = NULL, removed_crawl = NULL")
        conn.execute("DELETE FROM status_events WHERE crawl_id = 2 AND kind = 'removed'")
        conn.execute("DELETE FROM listing_crawls WHERE crawl_id = 2")
    entries = rows(db, "SELECT entry_id, status, removed_at FROM entries ORDER BY entry_id")
    done = cli("reparse", "--db", db, "--crawl", "2", check=0).stdout.splitlines()
    said = f"crawl 2 {KILLED}: only the pages it stored before it stopped were read"
    assert done[0].startswith("reparse #3: 14 entries from 2 stored pages: new 0, changed 0 ") and done[1] == said
    assert "(running)" not in "\n".join(done)
    assert rows(db, "SELECT note, removed FROM crawls WHERE id = 3") == [
        (f"reparse of crawl 2 with this release's parsers; {said}", 0)
    ]
    assert rows(db, "SELECT entry_id, status, removed_at FROM entries ORDER BY entry_id") == entries
    assert rows(db, "SELECT count(*) FROM status_events WHERE kind = 'removed'") == [(0,)]
    with sqlite3.connect(db) as conn:  # killed before it stored a page
        conn.execute("UPDATE crawls SET status = 'running', finished_at = NULL WHERE id = 2")
        conn.execute("DELETE FROM captures WHERE crawl_id = 2")
    before = rows(db, "SELECT * FROM crawls")
    refused = cli("reparse", "--db", db, "--crawl", "2", check=1)
    assert refused.stderr.splitlines()[-1] == f"Error: crawl 2 {KILLED} and stored no pages: nothing to reparse"
    assert rows(db, "SELECT * FROM crawls") == before


def test_export_warc_stopped_with_sigterm_leaves_no_file(crawled, tmp_path):
    """SIGTERM (a service stopped, a timeout) mid-export left an empty FILE and the half-written part beside it;
    the next export-warc -o FILE then refused: FILE exists. The export is held mid-write (not timed), so the
    signal always lands while the part file is being written."""
    out = tmp_path / "w" / "c.warc.gz"
    out.parent.mkdir()
    held = (
        "import signal, sys\n"
        "from archive import warc\n"
        "from archive.cli import main\n"
        "def half_then_held(archive, stream, crawl_id):\n"
        "    stream.write(b'WARC/1.1')\n"
        "    stream.flush()\n"
        "    print('writing', flush=True)\n"
        "    while True:\n"
        "        signal.pause()\n"
        "warc.export_warc = half_then_held\n"
        "main(['export-warc', '--db', sys.argv[1], '-o', sys.argv[2]], prog_name='listing-archive')\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", held, str(crawled), str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=str(ROOT),
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout.readline() == "writing\n"
    assert any(p.name.endswith(".part") for p in out.parent.iterdir())
    proc.terminate()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0 and "Traceback" not in err
    assert list(out.parent.iterdir()) == []
    cli("export-warc", "--db", crawled, "-o", out, check=0)  # the name is free for the next export
    assert out.stat().st_size > 0


def test_export_warc_killed_outright_leaves_no_file_under_its_name(crawled, tmp_path):
    """kill -9 (no clean-up runs) mid-export left an empty FILE, which passed for a WARC of nothing and made
    the next export-warc -o FILE refuse: FILE exists. Only a hidden part file beside it may be left."""
    out = tmp_path / "w" / "c.warc.gz"
    out.parent.mkdir()
    killed = (
        "import os, sys\n"
        "from archive import warc\n"
        "from archive.store import Archive\n"
        "def half_then_killed(archive, stream, crawl_id):\n"
        "    stream.write(b'WARC/1.1')\n"
        "    stream.flush()\n"
        "    os.kill(os.getpid(), 9)\n"
        "warc.export_warc = half_then_killed\n"
        "warc.write_warc_file(Archive(sys.argv[1], readonly=True), sys.argv[2])\n"
    )
    done = subprocess.run([sys.executable, "-c", killed, str(crawled), str(out)], cwd=ROOT, timeout=60)
    assert done.returncode == -9
    assert not out.exists()
    assert all(p.name.endswith(".part") for p in out.parent.iterdir())
    cli("export-warc", "--db", crawled, "-o", out, check=0)  # the name is free for the next export
    assert out.stat().st_size > 0


@pytest.mark.parametrize(("holder", "says"), [("self", "is still running"), ("gone", "died (its process is gone)")])
@pytest.mark.parametrize("only", [("--crawl", "1"), ()])  # that crawl, or the whole archive with it in
def test_export_warc_of_a_crawl_still_running_says_its_file_is_partial(crawled, tmp_path, holder, says, only):
    """A crawl still writing (or killed before it ended): its WARC held only what it had stored, exit 0 as if whole."""
    db = copy_of(crawled, tmp_path)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE crawls SET status = 'running', finished_at = NULL WHERE id = 1")
    pid = os.getpid() if holder == "self" else 2**22 + 7  # this test's own process, or one that is not there
    (tmp_path / "copy.db.lock").write_text(str(pid))
    done = cli("export-warc", "--db", db, "-o", tmp_path / "c.warc.gz", *only, check=3)
    assert done.stdout.startswith("wrote ") and (tmp_path / "c.warc.gz").exists()
    assert f"crawl 1 {says}" in done.stderr and "Traceback" not in done.stderr


def test_export_warc_of_a_crawl_that_ends_while_it_is_written_still_says_its_file_is_partial(
    crawled, tmp_path, monkeypatch
):
    """The status was read after the file was written: a crawl ending meanwhile (its last captures not in the
    file) read as complete, exit 0 and no word. What the file holds is what the crawl had when the export began."""
    import archive.warc

    db = copy_of(crawled, tmp_path)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE crawls SET status = 'running', finished_at = NULL WHERE id = 1")
    (tmp_path / "copy.db.lock").write_text(str(os.getpid()))
    export_warc = archive.warc.export_warc

    def crawl_ends_while_written(*args, **kwargs):
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE crawls SET status = 'complete' WHERE id = 1")
        return export_warc(*args, **kwargs)

    monkeypatch.setattr(archive.warc, "export_warc", crawl_ends_while_written)
    done = cli("export-warc", "--db", db, "-o", tmp_path / "c.warc.gz", "--crawl", "1", check=3)
    assert "crawl 1 is still running: export it again with --force once it ends" in done.stderr
