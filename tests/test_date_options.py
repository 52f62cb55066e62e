"""One date parser for every command's date options: a date is the start of that day (UTC),
a date-time is taken as given, `--until` a day, month or year includes all of it, and
anything else is a clear error rather than a silent match of nothing or everything."""

import json
import sqlite3
from datetime import datetime

import pytest
from conftest import cli, printed
from helpers import NEWS, entry, make_archive, record_crawl

from archive.exports import EXPORT_FORMATS
from archive.queries import parse_when
from archive.reports import format_names
from archive.store import Archive

STARTS = {1: "2026-11-27T10:00:00+00:00", 2: "2026-11-28T09:00:00+00:00", 3: "2026-11-28T15:00:00+00:00"}


def dated(eid, **fields):
    """An entry of the News listing, organised by the ILO (its dates given by the test)."""
    return entry(eid, **{"title": f"Migrant workers {eid}", "organisers": ["ILO"], "listing_url": NEWS, **fields})


@pytest.fixture
def db(tmp_path):
    """Three crawls: the 27th at 10:00, the 28th at 09:00 and 15:00 (UTC); entries dated in 2022."""
    path = tmp_path / "d.db"
    weeks = [
        [
            dated("A", date_start="2022-11-08", date_end="2022-11-08"),
            dated("B", date_start="2022-10-31", date_end="2022-10-31"),
        ],
        [
            dated("A", date_start="2022-11-08", date_end="2022-11-08"),
            dated("B", date_start="2022-10-31", date_end="2022-10-31"),
            dated("C", date_start="2022-12-01", date_end="2022-12-01"),
        ],
        [
            dated("A", title="Migrant workers A, renamed", date_start="2022-11-08", date_end="2022-11-08"),
            dated("B", date_start="2022-10-31", date_end="2022-10-31"),
            dated("C", date_start="2022-12-01", date_end="2022-12-01"),
        ],
    ]
    with Archive(path) as a:
        for entries in weeks:
            record_crawl(a, entries)
    with sqlite3.connect(path) as conn:  # the crawls as if run at these times
        for cid, start in STARTS.items():
            conn.execute("UPDATE crawls SET started_at = ?, finished_at = ? WHERE id = ?", (start, start, cid))
            seen = int(datetime.fromisoformat(start).timestamp())  # unix seconds, as the archive stores them
            conn.execute("UPDATE entry_versions SET seen_at = ? WHERE crawl_id = ?", (seen, cid))
            conn.execute("UPDATE status_events SET at = ? WHERE crawl_id = ?", (start, cid))
            conn.execute("UPDATE entries SET first_seen = ? WHERE first_crawl = ?", (start, cid))
    return path


def ids(out: str) -> list[str]:
    return sorted(json.loads(line)["entry_id"] for line in out.splitlines())


def test_a_date_is_the_start_of_its_day():
    assert parse_when("2026-11-28").start == "2026-11-28" and parse_when("2026-11-28").end == "2026-11-29"
    assert parse_when("2022-11").end == "2022-12-01" and parse_when("2022").end == "2023-01-01"
    assert parse_when("2026-11-28T11:30+02:00").start == "2026-11-28T09:30:00+00:00"
    assert parse_when("2026-11-28T09:30Z").cutoff == "2026-11-28T09:30:01+00:00"


@pytest.mark.parametrize(
    "args",
    [
        ["diff", "--since", "yesterday"],
        ["diff", "--from", "last week"],
        ["diff", "--to", "2026-13-01"],
        ["search", "migrant", "--until", "garbage"],
        ["search", "migrant", "--since", "yesterday"],
        ["export", "--as-of", "2026-02-30"],
    ],
)
def test_a_date_that_is_not_one_is_a_clear_error(db, args):
    out = printed(*args, "--db", db, code=1)
    assert "not a date" in out and "YYYY-MM-DD" in out and len(out.strip().splitlines()) == 1


@pytest.mark.parametrize("moment", ["0001-01-01T00:00+01:00", "9999-12-31T23:59:59", "9999-12-31T23:59:59-01:00"])
@pytest.mark.parametrize("option", [("export", "--as-of"), ("search", "migrant", "--until"), ("diff", "--since")])
def test_a_date_time_at_the_calendars_edge_is_refused_in_one_line(db, option, moment):
    """Found by a stranger: parse_when converted to UTC and added a second outside its try, an OverflowError
    traceback (README: bad input gives one clear line). Refused as any other bad date is, saying the range."""
    out = printed(*option[:-1], "--db", db, option[-1], moment, code=1)
    assert "not a date" in out and "0001-01-01 to 9999-12-30" in out and len(out.strip().splitlines()) == 1


def test_the_calendars_last_days_and_seconds_still_count():
    """The edge is where datetime ends: the day, the month and the second just before it are honoured."""
    assert parse_when("9999-12-30").end == "9999-12-31" and parse_when("9999-11").end == "9999-12-01"
    assert parse_when("9999-12-31T23:59:58").end == "9999-12-31T23:59:59+00:00"
    assert parse_when("0001-01-01T00:00Z").start == "0001-01-01T00:00:00+00:00"
    assert parse_when("2024-02").end == "2024-03-01" and parse_when("2023-12").end == "2024-01-01"


def test_export_with_a_bad_date_writes_nothing(tmp_path):
    """A CSV writer begins with its header: the date is checked before it (export_rows raises when called)."""
    db = make_archive(tmp_path / "a.db", entries=2)
    refused = cli("export", "--db", db, "--format", "csv", "--as-of", "2024-13-45", check=1)
    assert "not a date" in refused.stderr
    assert refused.stdout == ""


BAD_DATE = "2024-13-45"


@pytest.mark.parametrize(
    "args",
    [
        *(["export", "--format", name, "--as-of", BAD_DATE] for name in EXPORT_FORMATS),
        ["export", "--format", "csv", "--raw-csv", "--include-removed", "--as-of", BAD_DATE],
        *(["diff", "--format", name, "--since", BAD_DATE] for name in format_names()),
        ["diff", "--format", "json", "--from", BAD_DATE],
        ["diff", "--format", "html", "--to", BAD_DATE],
        ["search", "migrant", "--format", "jsonl", "--since", BAD_DATE],
        ["search", "migrant", "--until", BAD_DATE],
    ],
    ids=" ".join,
)
def test_a_bad_date_writes_nothing_in_any_format(db, args):
    refused = cli(*args, "--db", db, check=1)
    assert "not a date" in refused.stderr
    assert refused.stdout == ""


def test_export_to_a_file_with_a_bad_date_leaves_no_file(db, tmp_path):
    out = tmp_path / "out.csv"
    refused = cli("export", "--db", db, "--format", "csv", "--as-of", BAD_DATE, "-o", out, check=1)
    assert "not a date" in refused.stderr
    assert not [p.name for p in tmp_path.iterdir() if "out.csv" in p.name]  # nor a part file


def test_diff_since_a_date_includes_that_whole_day(db):
    report = json.loads(printed("diff", "--db", db, "--since", "2026-11-28", "--format", "json"))
    assert report["from"]["id"] == 1 and report["to"]["id"] == 3  # both crawls of the 28th
    assert [e["entry_id"] for e in report["new"]] == ["C"] and [e["entry_id"] for e in report["changed"]] == ["A"]
    later = json.loads(printed("diff", "--db", db, "--since", "2026-11-28T12:00", "--format", "json"))
    assert later["from"]["id"] == 2 and later["counts"]["new"] == 0
    assert (
        json.loads(printed("diff", "--db", db, "--since", "2026-11-28T09:00:00Z", "--format", "json"))["from"]["id"]
        == 1
    )
    between = json.loads(
        printed("diff", "--db", db, "--from", "2026-11-28", "--to", "2026-11-28T10:00", "--format", "json")
    )
    assert (between["from"]["id"], between["to"]["id"]) == (1, 2)


def test_until_a_month_or_a_day_includes_all_of_it(db):
    assert ids(printed("search", "migrant", "--db", db, "--until", "2022-11", "--format", "jsonl")) == ["A", "B"]
    assert ids(printed("search", "migrant", "--db", db, "--until", "2022-11-08", "--format", "jsonl")) == ["A", "B"]
    assert ids(printed("search", "migrant", "--db", db, "--until", "2022-11-07", "--format", "jsonl")) == ["B"]
    assert ids(printed("search", "migrant", "--db", db, "--since", "2022-11-08", "--format", "jsonl")) == ["A", "C"]
    assert ids(
        printed("search", "migrant", "--db", db, "--since", "2022-11", "--until", "2022-11", "--format", "jsonl")
    ) == ["A"]
    assert ids(printed("search", "migrant", "--db", db, "--until", "2022", "--format", "jsonl")) == ["A", "B", "C"]


def test_export_as_of_a_date_is_the_archive_at_the_start_of_that_day(db):
    assert ids(printed("export", "--db", db, "--as-of", "2026-11-28")) == ["A", "B"]
    assert ids(printed("export", "--db", db, "--as-of", "2026-11-28T09:00:00Z")) == ["A", "B", "C"]
    titles = {
        json.loads(x)["entry_id"]: json.loads(x)["title"]
        for x in printed("export", "--db", db, "--as-of", "2026-11-29").splitlines()
    }
    assert titles["A"] == "Migrant workers A, renamed"
