"""The command line: outputs, and clear errors for bad input (never a traceback)."""

import csv
import io
import json
import subprocess
import sys

import pytest
from conftest import FAST, FIXTURES, ROOT, SEED_URL, cli, invoke, q, wait_for
from helpers import good_archive, make_archive
from synthetic import page

from archive.store import Archive, Sighting
from crawler.entries import FIELDS
from crawler.site_server import DEMO_BASE, DEMO_LISTING_PATH, SiteServer, demo_site_root


@pytest.fixture
def small_db(tmp_path):
    path = tmp_path / "s.db"
    with Archive(path) as a:
        cid = a.begin_crawl("ilo", [SEED_URL])
        e = {f: None for f in FIELDS}
        e.update(
            entry_id="WCMS_1",
            url="https://www.ilo.org/x/WCMS_1/lang--en/index.htm",
            title="Forum on migrant workers",
            organisers=["ILO"],
            listing_url=SEED_URL,
        )
        a.record_entries(cid, [(e, Sighting(SEED_URL))])
        a.finish_crawl(cid, {SEED_URL: {"pages_fetched": 1, "complete": True}})
    return path


def test_parse_jsonl_and_table():
    out = cli("parse", FIXTURES / "ilo-lao-resources.html", "--url", SEED_URL, check=0).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 10 and set(rows[0]) == set(FIELDS)
    table = cli(
        "parse",
        FIXTURES / "ilo-lao-resources.html",
        "--url",
        SEED_URL,
        "--format",
        "table",
        "--profile",
        "auto",
        check=0,
    ).stdout
    assert "extractor: generic" in table and "2022-11-22..2022-11-23" in table


def test_export_formats(small_db):
    rows = [json.loads(x) for x in cli("export", "--db", small_db, "--format", "jsonl", check=0).stdout.splitlines()]
    assert rows[0]["entry_id"] == "WCMS_1" and rows[0]["organisers"] == ["ILO"]
    table = list(csv.DictReader(io.StringIO(cli("export", "--db", small_db, "--format", "csv", check=0).stdout)))
    assert table[0]["title"] == "Forum on migrant workers" and set(FIELDS) <= set(table[0])
    whole = json.loads(cli("export", "--db", small_db, "--format", "json", "--as-of", "2100-01-01", check=0).stdout)
    assert [r["entry_id"] for r in whole] == ["WCMS_1"]


def test_export_to_a_file_replaces_it_whole(small_db, tmp_path):
    out = tmp_path / "entries.csv"
    out.write_text("yesterday's export\n")
    out.chmod(0o640)
    assert invoke("export", "--db", small_db, "--format", "csv", "-o", out, "--force").exit_code == 0
    assert "Forum on migrant workers" in out.read_text() and out.stat().st_mode & 0o777 == 0o640
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]  # no part file left
    result = invoke("export", "--db", small_db, "-o", tmp_path / "missing" / "x.csv")
    assert result.exit_code == 1 and "no folder" in result.output, result.output
    report = tmp_path / "week.html"
    assert invoke("diff", "--db", small_db, "--format", "html", "-o", report).exit_code == 0
    assert "Forum on migrant workers" in report.read_text()
    result = invoke("diff", "--db", small_db, "-o", tmp_path / "missing" / "x.html", "--mark-reported")
    assert result.exit_code == 1 and "no folder" in result.output, result.output
    assert "Forum on migrant workers" in invoke("diff", "--db", small_db, "--since-last-report").output  # no mark


def test_a_link_into_a_missing_folder_names_that_folder(small_db, tmp_path):
    """-o naming a link whose target's folder is gone: the message named the link's own folder, which exists."""
    link = tmp_path / "latest.csv"
    link.symlink_to(tmp_path / "gone" / "entries.csv")
    result = invoke("export", "--db", small_db, "-o", link)
    assert result.exit_code == 1 and f"no folder {tmp_path / 'gone'} " in result.output, result.output


def test_export_stopped_with_sigterm_leaves_the_file_as_it_was(tmp_path):
    """SIGTERM (or Ctrl-C) half-way left FILE cut short: yesterday's export gone, a shorter one in its place
    that looked complete."""
    db = make_archive(tmp_path / "big.db", entries=200_000)  # an export of some seconds
    out = tmp_path / "entries.csv"
    out.write_text("yesterday's export\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "archive.cli", "export", "--db", str(db), "--format", "csv", "-o", str(out), "--force"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=str(ROOT),
    )
    writing = ("entries.csv", f".entries.csv.{proc.pid}.part")  # the file, or (since the fix) its part file
    wait_for(lambda: any(p.name in writing and p.stat().st_size > 10_000 for p in tmp_path.iterdir()), 60)
    proc.terminate()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143 and "Traceback" not in err, (proc.returncode, err)
    assert out.read_text() == "yesterday's export\n"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_history_and_search(small_db):
    by_url = json.loads(
        cli(
            "history", "https://ilo.org/x/WCMS_1/lang--en/index.htm", "--db", small_db, "--format", "json", check=0
        ).stdout
    )
    assert by_url["entry"]["entry_id"] == "WCMS_1" and len(by_url["versions"]) == 1
    assert "Forum on migrant workers" in cli("search", "migrant", "--db", small_db, check=0).stdout


@pytest.mark.parametrize(
    "args,message",
    [
        (["history", "WCMS_404"], "no entry matches"),
        (["export", "--as-of", "not-a-date"], "not a date"),
        (["diff", "--from", "99"], "no crawl 99"),
        (["search", "!!!"], "no words"),
        (["crawl", "ilo", "--start-url", "ftp://x"], "not an http(s) URL"),
        (["crawl", "ilo", "-s", "NOEQUALS"], "NAME=VALUE"),
        (["crawl", "nosuchspider"], "unknown spider"),
        (["parse", "missing.html", "--url", SEED_URL], "does not exist"),
    ],
)
def test_bad_input_gets_a_clear_error(small_db, args, message):
    result = cli(*args, "--db", small_db) if args[0] != "parse" else cli(*args)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_that_is_not_an_archive_is_left_alone(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("my notes " * 200)
    result = cli("crawl", "ilo", "--db", notes)
    assert result.returncode == 1 and "not a usable archive" in result.stderr and "Traceback" not in result.stderr
    assert notes.read_text() == "my notes " * 200


def test_missing_archive(tmp_path):
    result = cli("export", "--db", tmp_path / "nope.db")
    assert result.returncode == 1 and "no archive at" in result.stderr
    assert not (tmp_path / "nope.db").exists()


@pytest.fixture
def two_listings_db(tmp_path):
    """Two listings; an entry dated 2021 on one, 2023 on the other; one entry removed."""
    other = "https://www.ilo.org/other/lang--en/index.htm"
    path = tmp_path / "t.db"

    def e(eid, listing, start, title):
        out = {f: None for f in FIELDS}
        out.update(
            entry_id=eid,
            url=f"https://www.ilo.org/x/{eid}/lang--en/index.htm",
            title=title,
            organisers=["ILO"],
            listing_url=listing,
            date_start=start,
            date_end=start,
        )
        return out

    with Archive(path) as a:
        cid = a.begin_crawl("ilo", [SEED_URL, other])
        a.record_entries(
            cid,
            [
                (e("WCMS_1", SEED_URL, "2021-05-01", "Migrant workers forum"), Sighting(SEED_URL)),
                (e("WCMS_2", other, "2023-05-01", "Migrant workers report"), Sighting(other)),
                (e("WCMS_3", other, "2023-06-01", "Skills week"), Sighting(other)),
            ],
        )
        a.finish_crawl(
            cid, {SEED_URL: {"pages_fetched": 1, "complete": True}, other: {"pages_fetched": 1, "complete": True}}
        )
        cid = a.begin_crawl("ilo", [SEED_URL, other])
        a.record_entries(
            cid,
            [
                (e("WCMS_1", SEED_URL, "2021-05-01", "Migrant workers forum"), Sighting(SEED_URL)),
                (e("WCMS_2", other, "2023-05-01", "Migrant workers report"), Sighting(other)),
            ],
        )
        a.finish_crawl(
            cid, {SEED_URL: {"pages_fetched": 1, "complete": True}, other: {"pages_fetched": 1, "complete": True}}
        )
    return path, other


def _ids(out):
    return [json.loads(line)["entry_id"] for line in out.splitlines()]


def test_search_filters(two_listings_db):
    db, other = two_listings_db
    assert set(_ids(cli("search", "migrant", "--db", db, "--format", "jsonl", check=0).stdout)) == {"WCMS_1", "WCMS_2"}
    assert _ids(cli("search", "migrant", "--db", db, "--format", "jsonl", "--since", "2022-01-01", check=0).stdout) == [
        "WCMS_2"
    ]
    assert _ids(cli("search", "migrant", "--db", db, "--format", "jsonl", "--until", "2022-01-01", check=0).stdout) == [
        "WCMS_1"
    ]
    assert _ids(cli("search", "migrant", "--db", db, "--format", "jsonl", "--listing", other, check=0).stdout) == [
        "WCMS_2"
    ]
    assert cli("search", "migrant", "--db", db, "--organiser", "UNDP", check=0).stdout.strip() == "no matches"


def test_export_include_removed_and_diff_listing(two_listings_db):
    db, other = two_listings_db
    assert sorted(_ids(cli("export", "--db", db, check=0).stdout)) == ["WCMS_1", "WCMS_2"]
    rows = [json.loads(line) for line in cli("export", "--db", db, "--include-removed", check=0).stdout.splitlines()]
    assert {r["entry_id"]: r["status"] for r in rows} == {"WCMS_1": "listed", "WCMS_2": "listed", "WCMS_3": "removed"}
    on_other = json.loads(cli("diff", "--db", db, "--format", "json", "--listing", other, check=0).stdout)
    assert [e["entry_id"] for e in on_other["removed"]] == ["WCMS_3"]
    on_seed = json.loads(cli("diff", "--db", db, "--format", "json", "--listing", SEED_URL, check=0).stdout)
    assert on_seed["counts"] == {"new": 0, "changed": 0, "removed": 0, "restored": 0}
    since = json.loads(cli("diff", "--db", db, "--format", "json", "--since", "2000-01-01", check=0).stdout)
    assert since["from"] is None and since["counts"]["new"] == 2  # WCMS_3 came and went within the range


def test_history_table_crawls_and_schema(two_listings_db):
    db, _ = two_listings_db
    assert "WCMS_3: Skills week" in cli("history", "WCMS_3", "--db", db, check=0).stdout
    assert "removed" in cli("history", "WCMS_3", "--db", db, check=0).stdout
    listed = cli("crawls", "--db", db, check=0).stdout.splitlines()
    assert listed[0].split()[:2] == ["crawl", "started"] and "removed" in listed[0]  # a header, then the crawls
    assert listed[1].startswith("#2") and listed[1].split()[8] == "1"  # removed: 1
    assert "CREATE TABLE entry_versions" in cli("schema", "--db", db, check=0).stdout


def test_search_says_when_operator_words_are_read_as_words(small_db):
    plain = invoke("search", "migrant OR law", "--db", small_db)
    assert plain.exit_code == 0 and "OR read as plain words; add --raw" in plain.stderr
    raw = invoke("search", "--raw", "migrant OR law", "--db", small_db)
    assert raw.exit_code == 0 and "read as plain words" not in raw.stderr and "Forum on migrant workers" in raw.stdout


# -- $LISTING_ARCHIVE_DB: the archive when no --db is given ------------------------------------


def test_listing_archive_db_names_the_archive_every_command_reads(small_db, tmp_path, monkeypatch):
    monkeypatch.setenv("LISTING_ARCHIVE_DB", str(small_db))
    assert "WCMS_1" in cli("search", "migrant", check=0).stdout
    assert cli("crawls", check=0).stdout.splitlines()[1].startswith("#1 ")
    # --db wins over the variable.
    elsewhere = cli("crawls", "--db", tmp_path / "other.db", check=1)
    assert elsewhere.stderr.startswith(f"Error: no archive at {tmp_path / 'other.db'}")


def test_listing_archive_db_is_where_a_crawl_writes(tmp_path, monkeypatch):
    db = tmp_path / "from-env.db"
    monkeypatch.setenv("LISTING_ARCHIVE_DB", str(db))
    with SiteServer(demo_site_root(), state="week1", base=DEMO_BASE) as site:
        crawled = cli("crawl", "ilo", "--start-url", site.base_url + DEMO_LISTING_PATH, *FAST, check=0)
    assert q(db, "SELECT count(*) FROM entries") == 14
    assert crawled.stdout.splitlines()[-1].startswith(f"  log: {tmp_path / 'logs'}/")  # logs/ beside that archive


def test_db_option_then_listing_archive_db_then_the_configs_db(tmp_path, monkeypatch):
    """Which archive a crawl writes: --db, else $LISTING_ARCHIVE_DB, else the config file's `db`."""
    config = tmp_path / "listings.toml"
    monkeypatch.setenv("LISTING_ARCHIVE_DB", str(tmp_path / "from-env.db"))
    with SiteServer(demo_site_root(), state="week1", base=DEMO_BASE) as site:
        config.write_text(f'db = "from-config.db"\n[[listing]]\nurl = "{site.base_url + DEMO_LISTING_PATH}"\n')
        cli("crawl", "--config", config, *FAST, check=0)
        cli("crawl", "--config", config, "--db", tmp_path / "from-option.db", *FAST, check=0)
    assert q(tmp_path / "from-env.db", "SELECT count(*) FROM crawls") == 1
    assert q(tmp_path / "from-option.db", "SELECT count(*) FROM crawls") == 1
    assert not (tmp_path / "from-config.db").exists()


@pytest.mark.parametrize("command", [["crawls"], ["crawl", "ilo", "--start-url", "http://127.0.0.1:9/"]])
def test_a_bad_listing_archive_db_is_one_clear_line(tmp_path, monkeypatch, command):
    monkeypatch.setenv("LISTING_ARCHIVE_DB", str(tmp_path))
    folder = cli(*command, check=2)  # the user typed no --db: the message names the variable
    assert (
        folder.stderr.splitlines()[-1]
        == f"Error: Invalid value for $LISTING_ARCHIVE_DB: File '{tmp_path}' is a directory."
    )
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes")
    monkeypatch.setenv("LISTING_ARCHIVE_DB", str(notes))
    not_archive = cli(*command, check=1)
    assert not_archive.stderr.strip() == f"Error: {notes} is not a usable archive: file is not a database"
    assert notes.read_text() == "my notes"


def test_an_output_that_names_a_folder_is_refused_before_anything_is_written(small_db, tmp_path, monkeypatch):
    """-o '' (an empty variable in a script) or -o . was taken for the working folder: the export was written
    beside it, then failed on "[Errno 21] Is a directory" (and diff --mark-reported had marked it reported)."""
    monkeypatch.chdir(tmp_path)
    for command in (["export"], ["diff", "--mark-reported"], ["export-warc"]):
        result = invoke(*command, "--db", small_db, "-o", "")
        assert result.exit_code == 1 and "-o '' is a folder, not a file: give a file name" in result.output
        for output in (".", str(tmp_path)):  # click's own check: a bad command line
            result = invoke(*command, "--db", small_db, "-o", output)
            assert result.exit_code == 2 and "is a directory" in result.output, result.output
    assert "Forum on migrant workers" in invoke("diff", "--db", small_db, "--since-last-report").output  # no mark
    assert not [p.name for p in tmp_path.parent.iterdir() if p.name.endswith(".part")]


def test_the_entries_table_names_a_group_that_is_no_month():
    """`parse --format table` of a page grouped under year headings showed '1' on every row and an empty group
    column: the column showed only a group's month, while the position starts again in each group."""
    from archive.summary import entries_table

    rows = [
        {"position": 1, "group": year, "group_month": None, "title": f"Event of {year}"} for year in ("2017", "2018")
    ]
    rows.append({"position": 1, "group": "Publications of the regional office", "group_month": None, "title": "A"})
    lines = entries_table(rows).splitlines()[1:]
    assert [line.split()[:2] for line in lines[:2]] == [["1", "2017"], ["1", "2018"]]
    assert lines[2].split()[:2] == ["1", "Publicati…"]  # cut to the column's width


@pytest.mark.parametrize("command", ["export", "diff", "export-warc", "learn", "backup"])
def test_an_output_path_naming_a_missing_folder_is_refused(tmp_path, command):
    """Found by a stranger (stranger26): `-o reports/` (a folder not there yet) wrote a file named `reports`, exit 0;
    `backup reports/` copied the archive whole, then failed on a raw '[Errno 20] Not a directory'."""
    db = good_archive(tmp_path / "a.db")
    target = f"{tmp_path / 'reports'}/"
    saved = tmp_path / "page.html"
    saved.write_text(
        page("".join(f"<article><h2><a href='/r/{i}'>Report {i} on wages</a></h2></article>" for i in range(4)))
    )
    args = {
        "export": ["export", "--db", db, "-o", target],
        "diff": ["diff", "--db", db, "-o", target],
        "export-warc": ["export-warc", "--db", db, "-o", target],
        "learn": ["learn", saved, "--url", "http://127.0.0.1:9/", "--example", "Report 2 on wages", "-o", target],
        "backup": ["backup", target, "--db", db],
    }[command]
    done = cli(*args)
    assert done.returncode == 1 and f"{target!r} is a folder, not a file" in done.stderr, (done.returncode, done.stderr)
    assert not (tmp_path / "reports").exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize("command", ["export", "diff", "export-warc"])
def test_force_does_not_write_an_export_over_another_archive(tmp_path, command):
    """Found by a stranger (stranger26): `export --db a.db -o b.db --force` replaced the archive b.db with the
    export, exit 0; `learn -o` already refused a SQLite database even with --force (its check is shared now)."""
    db, other = good_archive(tmp_path / "a.db"), good_archive(tmp_path / "b.db")
    done = cli(command, "--db", db, "-o", other, "--force")
    assert done.returncode == 1 and "is a SQLite database (an archive?)" in done.stderr, (done.returncode, done.stderr)
    assert q(other, "SELECT count(*) FROM entries") == 1


def test_the_tests_cli_checks_a_crawl_in_this_process_and_crawls_in_a_process_of_its_own(tmp_path, monkeypatch):
    """conftest.cli: a crawl or schedule the CLI refuses is answered in this process, with the real binary's exit
    code and message (no interpreter of its own importing Scrapy); one that passes every check is run whole in a
    process of its own, where Twisted's reactor may start (here a stand-in process that crawls nothing)."""
    started = []
    monkeypatch.setattr(
        subprocess, "run", lambda command, **kw: started.append(command) or subprocess.CompletedProcess(command, 0)
    )
    refused = cli("crawl", "ilo", "--db", tmp_path / "a.db", "--ignore-field", "nonsense")
    assert refused.returncode == 2 and "nonsense" in refused.stderr and started == []
    assert cli("schedule", "--every", "soon", "--db", tmp_path / "a.db").returncode == 2 and started == []
    cli("crawl", "ilo", "--db", tmp_path / "a.db", "--start-url", "http://127.0.0.1:9/", check=0)
    assert [command[1:4] for command in started] == [["-m", "archive.cli", "crawl"]]
    assert not (tmp_path / "a.db").exists(), "the checks made no archive: the process makes it"
