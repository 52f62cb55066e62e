"""Entries sharing one link across crawls and pages (archive/told_apart.py, docs/schema.md "What identifies an
entry"): an entry told apart on a shared link keeps its id while it is listed and comes back under it, whichever
page of the listing reads it and whether or not it is alone on the link there; the archive looks entries up only on
links it has ever told apart. The first five tests were tests/test_open_findings.py's strict xfails (stranger25)."""

from __future__ import annotations

import json
import sqlite3

import pytest
from conftest import FAST, cli, q
from helpers import L1, entry
from synthetic import page

from archive.session import Sighting
from archive.store import Archive
from crawler.parsers.ids import tell_apart
from crawler.site_server import SiteServer


def _event(title: str, day: str | None, href: str = "/forms/register.html") -> str:
    """An event card: a heading, a date unless `day` is None, and its one link."""
    shown = f"<p class='date'>{day}</p>" if day else ""
    return (
        f"<div class='event'><h3>{title}</h3>{shown}<p>An evening talk on the subject, open to all members.</p>"
        f"<p><a href='{href}'>Register</a></p></div>"
    )


FISHING, BUDGET = "New rules for river fishing", "Town council meets on budget"
OWN_LINKS = _event("Annual report on forests 2023", "7 October 2025", "/talks/0.html") + _event(
    "Volunteers plant two thousand trees", "6 November 2025", "/talks/3.html"
)
RIVER, COUNCIL = _event(FISHING, "23 October 2025"), _event(BUDGET, "25 November 2025")
UNDATED_RIVER = _event(FISHING, None)  # a featured box repeating the event without its date


def _crawl_weeks(tmp_path, weeks: list[str], *extra: str):
    """Crawl the events page once a week as `weeks` shows it; the last crawl's output."""
    (tmp_path / "site" / "list").mkdir(parents=True)
    with SiteServer(tmp_path / "site") as site:
        url = f"{site.base_url}/list/events.html"
        for week in weeks:
            (tmp_path / "site" / "list" / "events.html").write_text(page(f"<section>{week}{OWN_LINKS}</section>"))
            done = cli("crawl", "listing", "--db", tmp_path / "a.db", "--start-url", url, *FAST, *extra, check=0)
    return done


def test_an_event_shown_twice_keeps_its_id_when_the_other_event_sharing_its_link_goes(tmp_path):
    """The undated copy was looked up under the '#' id of no date: 'new 1', the event archived twice."""
    done = _crawl_weeks(tmp_path, [UNDATED_RIVER + RIVER + COUNCIL, UNDATED_RIVER + RIVER])
    fishing = json.loads(
        q(tmp_path / "a.db", "SELECT json_group_array(entry_id) FROM entries WHERE title = ?", FISHING)
    )
    assert "new 0" in done.stdout, done.stdout
    assert len(fishing) == 1, fishing


def test_an_event_shown_twice_keeps_its_id_when_another_event_comes_to_share_its_link(tmp_path):
    """Archived alone on its link with the undated copy's fields (no date): the page's '#' id of its title and one
    date is that entry, not a new one (its old id was marked removed)."""
    done = _crawl_weeks(tmp_path, [UNDATED_RIVER + RIVER, UNDATED_RIVER + RIVER + COUNCIL])
    assert "new 1" in done.stdout and "removed 0" in done.stdout, done.stdout  # the budget meeting only
    assert q(tmp_path / "a.db", "SELECT count(*) FROM entries WHERE title = ?", FISHING) == 1


def _sighted(db, crawl: int) -> list[str]:
    return sorted(json.loads(q(db, "SELECT json_group_array(entry_id) FROM sightings WHERE crawl_id = ?", crawl)))


def test_reparse_of_an_older_crawl_sights_the_entries_it_saw_on_a_shared_link(tmp_path):
    """Crawl 1: an event alone on its link; crawl 2: a second comes to share it; crawl 3: the first goes. `reparse
    --crawl 2` matched the '#' id back to the link's own id only while it was listed: 3 sightings for crawl 2's 4."""
    _crawl_weeks(tmp_path, [RIVER, RIVER + COUNCIL, COUNCIL])
    done = cli("reparse", "--db", tmp_path / "a.db", "--crawl", "2", check=0)
    assert "read 0 of them differently" in done.stdout, done.stdout
    assert _sighted(tmp_path / "a.db", 4) == _sighted(tmp_path / "a.db", 2)


def test_an_event_told_apart_that_comes_back_alone_on_its_link_is_restored(tmp_path):
    """It came back new under the link's own id, its '#' id left removed: the archive looked only at listed ids."""
    done = _crawl_weeks(tmp_path, [RIVER + COUNCIL, RIVER, COUNCIL])
    assert "new 0" in done.stdout and "restored 1" in done.stdout, done.stdout
    assert q(tmp_path / "a.db", "SELECT count(*) FROM entries WHERE title = ?", BUDGET) == 1


def _events_page(cards: str, n: int) -> str:
    pager = "<a rel=next href='/list/ev2.html'>Next</a>" if n == 1 else "<a rel=prev href='/list/ev1.html'>Prev</a>"
    own = "".join(
        _event(f"Report {n}{i} on labour markets", f"{i + 1} October 2025", f"/talks/{n}{i}.html") for i in range(4)
    )
    return page(f"<section>{cards}{own}</section><nav>{pager}</nav>")


def _crawl_two_pages(tmp_path, crawls: int, *extra: str) -> None:
    """Page 1 tells the two events apart; page 2 repeats the river one alone on the link."""
    (tmp_path / "site" / "list").mkdir(parents=True)
    (tmp_path / "site" / "list" / "ev1.html").write_text(_events_page(RIVER + COUNCIL, 1))
    (tmp_path / "site" / "list" / "ev2.html").write_text(_events_page(RIVER, 2))
    with SiteServer(tmp_path / "site") as site:
        for _ in range(crawls):
            start = f"{site.base_url}/list/ev1.html"
            cli("crawl", "listing", "--db", tmp_path / "a.db", "--start-url", start, *FAST, *extra, check=0)


def test_an_event_told_apart_on_page_1_and_shown_alone_on_page_2_is_one_entry(tmp_path):
    """Both pages were one batch and no '#' id was held yet: the event was archived twice ('new 11' for 10), and
    once the pages were read again the link-id copy was marked removed though still listed."""
    _crawl_two_pages(tmp_path, 2)
    assert q(tmp_path / "a.db", "SELECT count(*) FROM entries") == 10
    assert q(tmp_path / "a.db", "SELECT count(*) FROM entries WHERE title = ?", FISHING) == 1


@pytest.mark.parametrize("route", ["parse worker", "distributed worker"])
def test_every_route_archives_an_event_told_apart_on_one_page_and_alone_on_another_once(tmp_path, route, request):
    extra = ["-s", "PARSE_PROCESS_AFTER=0"] if route == "parse worker" else []
    if route == "distributed worker":  # a coordinator and the worker it starts, through a Redis frontier
        extra = ["--frontier", request.getfixturevalue("redis_url"), "--workers", "1"]
    _crawl_two_pages(tmp_path, 1, *extra)
    assert q(tmp_path / "a.db", "SELECT count(*) FROM entries") == 10
    assert q(tmp_path / "a.db", "SELECT count(*) FROM entries WHERE status = 'listed'") == 10


# -- the writer's cost ------------------------------------------------------------------------------------------------


def _entry(eid: str, title: str) -> tuple[dict, Sighting]:
    return entry(eid, title=title, url=eid.partition("#")[0]), Sighting(L1)


def _entry_lookups(conn: sqlite3.Connection, write) -> list[str]:
    """The statements `write()` runs that read the entries table, but for the one read of the batch's own ids."""
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        write()
    finally:
        conn.set_trace_callback(None)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "FROM entries" in s]
    return [s for s in reads if not s.startswith("SELECT * FROM entries WHERE entry_id IN")]


def test_entries_whose_link_is_their_own_are_looked_up_on_no_link_told_apart(tmp_path):
    """Was: every entry of every batch hashed and looked up (writer ~0.46 -> ~0.53 CPU ms a page) to find the rare
    archive holding a '#' id. Now the crawl reads once which links were told apart, and looks up those alone."""
    with Archive(tmp_path / "a.db") as archive:
        first = archive.begin_crawl("listing", [L1])
        venue = [_entry("https://x.org/venue#0123456789", "Talk A"), _entry("https://x.org/venue#9876543210", "Talk B")]
        archive.write_batch(first, [], [_entry(f"https://x.org/{i}", f"Report {i}") for i in range(50)] + venue)
        crawl = archive.begin_crawl("listing", [L1])
        assert _entry_lookups(archive.conn, lambda: archive.write_batch(crawl, [], [])) == []  # a 304's capture
        own = [_entry(f"https://x.org/{i}", f"Report {i}") for i in range(50)]
        once = _entry_lookups(archive.conn, lambda: archive.write_batch(crawl, [], own[:25]))
        assert once == ["SELECT entry_id FROM entries WHERE instr(entry_id, '#') > 0"]  # the crawl's first batch
        assert _entry_lookups(archive.conn, lambda: archive.write_batch(crawl, [], own[25:])) == []
        alone = [_entry("https://x.org/venue", "Talk A")]  # on a link told apart: looked up, and keeps its id
        assert len(_entry_lookups(archive.conn, lambda: archive.write_batch(crawl, [], alone))) == 1
        assert alone[0][0]["entry_id"] == "https://x.org/venue#0123456789"


def _evening(title: str, day: str | None) -> dict:
    return entry("https://x.org/venue", title=title, url="https://x.org/venue", date_start=day, date_end=day)


def test_an_undated_copy_of_a_title_read_on_several_evenings_keeps_the_id_its_page_gave_it(tmp_path):
    """A featured box repeating "Stammtisch" without its date beside two of its evenings is none of them for sure:
    its page gives it an id of its own. With the July evening gone, it was looked up by its title alone and taken
    for the July entry, still held: July sighted though no longer listed."""
    first = [_evening("Open day", None), _evening("Stammtisch", "2026-06-05"), _evening("Stammtisch", "2026-07-03")]
    week = [_evening("Open day", None), _evening("Stammtisch", None)]
    week += [_evening("Stammtisch", "2026-06-05"), _evening("Stammtisch", "2026-08-07")]
    tell_apart(first)
    tell_apart(week)
    page_ids = [e["entry_id"] for e in week]
    with Archive(tmp_path / "a.db") as archive:
        for batch in (first, week):
            archive.write_batch(archive.begin_crawl("listing", [L1]), [], [(e, Sighting(L1)) for e in batch])
    assert [e["entry_id"] for e in week] == page_ids
    assert first[2]["entry_id"] not in _sighted(tmp_path / "a.db", 2)
