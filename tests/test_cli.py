"""The command line: outputs, and clear errors for bad input (never a traceback)."""

import csv
import io
import json

import pytest

from conftest import FIXTURES, SEED_URL, cli
from archive.store import Archive, Sighting
from crawler.entries import FIELDS


@pytest.fixture
def small_db(tmp_path):
    path = tmp_path / "s.db"
    with Archive(path) as a:
        cid = a.begin_crawl("ilo", [SEED_URL])
        e = {f: None for f in FIELDS}
        e.update(entry_id="WCMS_1", url="https://www.ilo.org/x/WCMS_1/lang--en/index.htm", title="Forum on migrant workers", organisers=["ILO"], listing_url=SEED_URL)
        a.record_entries(cid, [(e, Sighting(SEED_URL))])
        a.finish_crawl(cid, {SEED_URL: {"pages_fetched": 1, "complete": True}})
    return path


def test_parse_jsonl_and_table():
    out = cli("parse", FIXTURES / "ilo-lao-resources.html", "--url", SEED_URL, check=0).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 10 and set(rows[0]) == set(FIELDS)
    table = cli("parse", FIXTURES / "ilo-lao-resources.html", "--url", SEED_URL, "--format", "table", "--profile", "auto", check=0).stdout
    assert "extractor: generic" in table and "2022-11-22..2022-11-23" in table


def test_export_formats(small_db):
    rows = [json.loads(x) for x in cli("export", "--db", small_db, "--format", "jsonl", check=0).stdout.splitlines()]
    assert rows[0]["entry_id"] == "WCMS_1" and rows[0]["organisers"] == ["ILO"]
    table = list(csv.DictReader(io.StringIO(cli("export", "--db", small_db, "--format", "csv", check=0).stdout)))
    assert table[0]["title"] == "Forum on migrant workers" and set(FIELDS) <= set(table[0])
    whole = json.loads(cli("export", "--db", small_db, "--format", "json", "--as-of", "2100-01-01", check=0).stdout)
    assert [r["entry_id"] for r in whole] == ["WCMS_1"]


def test_history_and_search(small_db):
    by_url = json.loads(cli("history", "https://ilo.org/x/WCMS_1/lang--en/index.htm", "--db", small_db, "--format", "json", check=0).stdout)
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
