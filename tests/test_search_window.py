"""search --since/--until with date-times against entries' bare dates (found by a stranger, 2026-12-07)."""

from __future__ import annotations

import pytest
from conftest import printed
from helpers import entry, record_crawl

from archive.store import Archive

# -- a watched field settled empty (archive/health.py settled_fields) ------------------------------------------


@pytest.mark.parametrize("since", ["2024-05-01T00:00", "2024-05-01T00:00Z", "2024-05-01T02:00+02:00"])
def test_search_since_a_date_time_keeps_entries_dated_that_day(tmp_path, since):
    with Archive(tmp_path / "a.db") as archive:
        record_crawl(
            archive,
            [
                entry("WCMS_1", title="Forum on labour", date_start="2024-05-01"),
                entry("WCMS_2", title="Forum on skills", date_start="2024-04-28", date_end="2024-05-01"),
            ],
        )
    by_day = printed("search", "forum", "--db", tmp_path / "a.db", "--since", "2024-05-01")
    assert "WCMS_1" in by_day and "WCMS_2" in by_day
    by_moment = printed("search", "forum", "--db", tmp_path / "a.db", "--since", since)
    assert "WCMS_1" in by_moment and "WCMS_2" in by_moment, by_moment


@pytest.mark.parametrize("until", ["2024-04-30T23:59:59", "2024-05-01T01:59:59+02:00"])
def test_search_until_the_last_second_of_a_day_leaves_out_the_next_day(tmp_path, until):
    with Archive(tmp_path / "a.db") as archive:
        record_crawl(archive, [entry("WCMS_1", title="Forum on labour", date_start="2024-05-01")])
    assert "WCMS_1" not in printed("search", "forum", "--db", tmp_path / "a.db", "--until", "2024-04-30T23:59")
    assert "WCMS_1" not in printed("search", "forum", "--db", tmp_path / "a.db", "--until", until)
