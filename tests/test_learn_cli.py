"""`listing-archive learn` as a command, used as a stranger would: `-o -`, the check line, addresses and saved pages
that are not quite right, failed writes, hand-broken or symlinked profiles, a profile's link selector read by parse
and crawl."""

import errno
import os
import sqlite3
import subprocess
import sys

import pytest
from conftest import ROOT, cli, q
from helpers import good_archive
from synthetic import TITLES, URL, page

from crawler.extract.learn_site import MARK
from crawler.extract.profiles import profile_from_text
from crawler.site_server import SiteServer

LIST = page("".join(f'<p class="item"><a href="/n/{i}">{t}</a></p>' for i, t in enumerate(TITLES)))


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(LIST)
    return path


def test_dash_output_prints_the_profile_alone_and_the_check_on_stderr(saved):
    result = cli("learn", saved, "--url", URL, "--example", TITLES[1], "-o", "-", check=0)
    assert result.stdout.startswith(MARK) and profile_from_text(result.stdout, "stdout").selectors["entry"]
    assert f"reads {len(TITLES)} entries" in result.stderr and TITLES[3] in result.stderr
    assert not (ROOT / "-").exists()  # no file named "-" in the folder it ran in


def test_the_check_line_names_the_page_and_profile_ready_to_paste(saved, tmp_path):
    out = tmp_path / "my profile.toml"
    result = cli("learn", saved, "--url", URL + "?page=1&lang=en", "--example", TITLES[1], "-o", out, check=0)
    assert f"--profile '{out}' --start-url '{URL}?page=1&lang=en'" in result.stdout
    (tmp_path / "sub").mkdir()
    roundabout = tmp_path / "sub" / ".." / "p.toml"  # a crawl records the path given: reparse needs it whole
    result = cli("learn", saved, "--url", URL, "--example", TITLES[1], "-o", roundabout, check=0)
    assert f"--profile {tmp_path / 'p.toml'} --start-url" in result.stdout


@pytest.mark.parametrize("bad", [URL + "\nrender = true", URL + " x", URL + "\x1b[2J"])
def test_a_url_with_a_line_break_or_control_character_is_refused(saved, tmp_path, bad):
    out = tmp_path / "p.toml"
    result = cli("learn", saved, "--url", bad, "--example", TITLES[1], "-o", out, check=1)
    assert "--url must be an http(s) address" in result.stderr and not out.exists()
    assert "not valid TOML" not in result.stderr


def test_a_saved_page_that_is_a_pipe_too_big_or_binary_is_named(tmp_path):
    out = tmp_path / "p.toml"
    fifo = tmp_path / "fifo.html"
    os.mkfifo(fifo)
    assert "not a regular file" in cli("learn", fifo, "--url", URL, "--example", "x", "-o", out, check=1).stderr
    big = tmp_path / "big.html"
    big.write_bytes(LIST.encode() + b" " * (17 * 1024 * 1024))
    assert "too big" in cli("learn", big, "--url", URL, "--example", TITLES[1], "-o", out, check=1).stderr
    binary = tmp_path / "saved.pdf"
    binary.write_bytes(b"%PDF-1.4\x00\x00" + TITLES[1].encode())
    result = cli("learn", binary, "--url", URL, "--example", TITLES[1], "-o", out, check=1)
    assert "is not an HTML page" in result.stderr and not out.exists()


def test_a_failed_write_leaves_the_profile_written_before_whole(saved, tmp_path, monkeypatch):
    out = tmp_path / "p.toml"
    cli("learn", saved, "--url", URL, "--example", TITLES[1], "-o", out, check=0)
    before = out.read_text()

    def disk_full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    result = cli(
        "learn", saved, "--url", "https://example.net/other/", "--example", TITLES[2], "-o", out, "--force", check=1
    )
    assert "No space left" in result.stderr and out.read_text() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.toml", "page.html"]


BREAKS = {
    "flat = true\n": "flat is a profile key: it goes above [selectors]",  # appended at the end: in [selectors]
    'title = "h3 a\n': "not valid TOML",  # a quote left open
    'date = "time::text"\n': "is not valid CSS",
    "title = h3 a\n": "not valid TOML",  # no quotes
}


@pytest.mark.parametrize("added, said", BREAKS.items())
def test_a_hand_broken_profile_is_one_line_by_every_command_that_takes_it(saved, tmp_path, added, said):
    profile = tmp_path / "site.toml"
    cli("learn", saved, "--url", URL, "--example", TITLES[1], "-o", profile, check=0)
    text = profile.read_text()
    profile.write_text(text.replace('title = "a"\n', "") + added)
    config = tmp_path / "listings.toml"
    config.write_text(f'[[listing]]\nurl = "{URL}"\nspider = "listing"\nprofile = "site.toml"\n')
    db = tmp_path / "a.db"
    runs = [
        cli("parse", saved, "--url", URL, "--profile", profile),
        cli("crawl", "listing", "--db", db, "--profile", profile, "--start-url", URL),
        cli("crawl", "--config", config, "--db", db),
    ]
    for run in runs:
        assert run.returncode == 1 and said in run.stderr and "Traceback" not in run.stderr, run.stderr
        assert str(profile) in run.stderr or "site.toml" in run.stderr
    assert not db.exists()


def test_a_symlinked_profile_stays_a_link(saved, tmp_path):
    kept = tmp_path / "kept.toml"
    cli("learn", saved, "--url", URL, "--example", TITLES[1], "-o", kept, check=0)
    link = tmp_path / "site.toml"
    link.symlink_to(kept)
    cli("learn", saved, "--url", "https://example.net/other/", "--example", TITLES[1], "-o", link, "--force", check=0)
    assert link.is_symlink() and "example.net" in kept.read_text()


def test_not_even_force_writes_the_profile_over_the_page_or_an_archive(saved, tmp_path):
    """`-o` naming the page being learnt from (by another path) or a SQLite archive, with --force, replaced it."""
    roundabout = tmp_path / "." / "page.html"
    result = cli("learn", saved, "--url", URL, "--example", TITLES[1], "-o", roundabout, "--force", check=1)
    assert "is the page to learn from" in result.stderr and saved.read_text() == LIST
    archive = tmp_path / "a.db"
    with sqlite3.connect(archive) as conn:
        conn.execute("CREATE TABLE entries (entry_id TEXT)")
    before = archive.read_bytes()
    result = cli("learn", saved, "--url", URL, "--example", TITLES[1], "-o", archive, "--force", check=1)
    assert "is a SQLite database" in result.stderr and archive.read_bytes() == before


def test_learn_refuses_to_write_its_profile_over_an_archives_write_ahead_log(tmp_path):
    """stranger27: `learn -o a.db-wal --force` replaced the log holding a killed crawl's commits, which were lost;
    --force never replaces an archive's files, as export and diff refuse -o a.db-wal."""
    db = good_archive(tmp_path / "a.db")
    (tmp_path / "site" / "list").mkdir(parents=True)
    reports = "".join(f"<article><h2><a href='/item/{i}.html'>Report {i} on wages</a></h2></article>" for i in range(4))
    (tmp_path / "site" / "list" / "r.html").write_text(f"<html lang=en><body><main>{reports}</main></body></html>")
    killed = (  # a writer that commits into the log and dies before any checkpoint, as kill -9 leaves it
        "import os, sqlite3, sys; w = sqlite3.connect(sys.argv[1]); w.execute('PRAGMA wal_autocheckpoint = 0'); "
        "w.execute(\"UPDATE entries SET title = 'Forum, renamed'\"); w.commit(); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", killed, str(db)], check=True, timeout=60)
    wal = tmp_path / "a.db-wal"
    before = wal.read_bytes()
    with SiteServer(tmp_path / "site") as site:
        done = cli("learn", f"{site.base_url}/list/r.html", "--example", "Report 1 on wages", "-o", wal, "--force")
    assert done.returncode == 1 and "archive" in done.stderr, (done.returncode, done.stdout[-300:], done.stderr)
    assert wal.read_bytes() == before
    assert q(db, "SELECT title FROM entries") == "Forum, renamed"
