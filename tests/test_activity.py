"""The report's chart counts: kept when a site crawl finishes, read back without touching the events."""

import sqlite3

from helpers import NEWS, news_entry, record_crawl

from archive.activity import activity, count_events, keep_counts
from archive.diff import default_pair, diff
from archive.store import Archive, Sighting

OTHER = "https://www.ilo.org/asia/events/lang--en/index.htm"


def build(a):
    record_crawl(a, [news_entry("WCMS_1"), news_entry("WCMS_2"), news_entry("WCMS_3")])
    record_crawl(
        a, [news_entry("WCMS_1", title="Renamed"), news_entry("WCMS_2"), news_entry("WCMS_4")]
    )  # changed, removed, new
    record_crawl(
        a, [news_entry("WCMS_1", title="Renamed"), news_entry("WCMS_2"), news_entry("WCMS_3"), news_entry("WCMS_4")]
    )  # restored
    record_crawl(
        a, [news_entry("WCMS_1", title="Renamed"), news_entry("WCMS_2", title="Cut")], complete=False
    )  # partial


def kept_ids(conn):
    return [r[0] for r in conn.execute("SELECT crawl_id FROM crawl_activity ORDER BY crawl_id")]


def test_counts_are_kept_at_finish_and_match_counting_the_events(tmp_path):
    with Archive(tmp_path / "a.db") as a:
        build(a)
        assert kept_ids(a.conn) == [1, 2, 3, 4]
        kept = activity(a.conn, 4)
        counted = {r[0]: count_events(a.conn, r[0]) for r in a.conn.execute("SELECT id FROM crawls")}
        a.conn.execute("DELETE FROM crawl_activity")  # as an archive written by an earlier release
        assert activity(a.conn, 4) == kept
    by_crawl = {r["crawl"]: {k: r[k] for k in ("new", "changed", "removed", "restored")} for r in kept["rows"]}
    assert by_crawl == {
        1: {"new": 3, "changed": 0, "removed": 0, "restored": 0},
        2: {"new": 1, "changed": 1, "removed": 1, "restored": 0},
        3: {"new": 0, "changed": 0, "removed": 0, "restored": 1},
        4: {"new": 0, "changed": 1, "removed": 0, "restored": 0},
    }
    assert counted[2] == [[NEWS, "News", "changed", 1], [NEWS, "News", "new", 1], [NEWS, "News", "removed", 1]]


def test_the_chart_reads_kept_counts_not_the_events(tmp_path):
    with Archive(tmp_path / "a.db") as a:
        build(a)
        read = []
        a.conn.set_trace_callback(read.append)
        report = diff(a.conn, *default_pair(a.conn))
        a.conn.set_trace_callback(None)
    chart_queries = [q for q in read if "crawl_activity" in q or "GROUP BY e.listing_url" in q]
    assert chart_queries and not any("GROUP BY e.listing_url" in q for q in chart_queries)
    assert report["activity"]["rows"]


def test_a_killed_crawl_is_counted_when_asked(tmp_path):
    with Archive(tmp_path / "a.db") as a:
        build(a)
        session = a.begin_crawl("ilo", [NEWS])
        a.record_entries(session, [(news_entry("WCMS_9"), Sighting(NEWS))])
        a.conn.execute("UPDATE crawls SET status = 'failed' WHERE id = ?", (session.crawl_id,))
        chart = activity(a.conn, session.crawl_id)
    assert session.crawl_id not in kept_ids(sqlite3.connect(tmp_path / "a.db"))
    assert chart["rows"][-1]["crawl"] == session.crawl_id and chart["rows"][-1]["new"] == 1


def test_an_entry_counts_under_the_listing_it_was_on_then(tmp_path):
    with Archive(tmp_path / "a.db") as a:
        record_crawl(a, [news_entry("WCMS_1")])
        moved = news_entry("WCMS_1", title="Moved", listing_url=OTHER, listing_title="Events")
        session = a.begin_crawl("ilo", [NEWS, OTHER])
        a.record_entries(session, [(moved, Sighting(OTHER))])
        done = {"pages_fetched": 1, "pages_failed": 0, "complete": True}
        a.finish_crawl(session, {NEWS: dict(done), OTHER: dict(done)})
        rows = activity(a.conn, 2)["rows"]
        only_other = activity(a.conn, 2, listing=OTHER)["rows"]
    assert [(r["crawl"], r["listing_url"], r["listing"]) for r in rows] == [(1, NEWS, "News"), (2, OTHER, "Events")]
    assert [r["crawl"] for r in only_other] == [2]


def test_a_reparse_keeps_no_counts(tmp_path):
    with Archive(tmp_path / "a.db") as a:
        record_crawl(a, [news_entry("WCMS_1")])
        a.conn.execute("UPDATE crawls SET source = 'reparse' WHERE id = 1")
        a.conn.execute("DELETE FROM crawl_activity")
        keep_counts(a.conn, 1)
        assert kept_ids(a.conn) == []


def test_hostile_listing_titles_round_trip(tmp_path):
    title = 'News "\u202e</script>\x00\\u0000 \U0001f600'
    with Archive(tmp_path / "a.db") as a:
        record_crawl(a, [news_entry("WCMS_1", listing_title=title)])
        assert activity(a.conn, 1)["rows"][0]["listing"] == title


def test_a_listing_title_with_markup_is_text_in_the_report_chart(tmp_path):
    import lxml.html

    from archive.reports import render

    title = '<script>alert(1)</script><img src=x onerror="alert(2)"> News & "events"'
    with Archive(tmp_path / "a.db") as a:
        record_crawl(a, [news_entry("WCMS_1", listing_title=title)])
        record_crawl(a, [news_entry("WCMS_1", listing_title=title, title="Renamed")])
        report = diff(a.conn, *default_pair(a.conn))
    assert report["activity"]["rows"][-1]["listing"] == title  # kept counts carry the title as written
    page = lxml.html.fromstring(render(report, "html"))
    assert not page.xpath("//script") and not page.xpath("//img[@onerror]")
    assert "<script>alert(1)</script>" in page.text_content()  # shown as text
