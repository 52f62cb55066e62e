"""A page that answers 304 lists what it listed last time: its entries are seen again, and restored if removed."""

import sqlite3

import pytest
from conftest import FAST, cli, q
from helpers import NEWS, NEWS_PAGE_2, PARSE_ROUTES, PER_PAGE, fetched, news_entry, page_html, write_site

from archive.queries import export_rows
from archive.store import Archive, Sighting
from crawler.site_server import SiteServer

PAGE_A, PAGE_B = NEWS, NEWS_PAGE_2
DONE = {NEWS: {"pages_fetched": 2, "pages_failed": 0, "complete": True}}


def page_b_entries():
    return [news_entry(f"WCMS_{i}") for i in (4, 5, 6)]


def test_a_page_back_unchanged_with_304_restores_its_entries(tmp_path):
    with Archive(tmp_path / "a.db") as a:
        s1 = a.begin_crawl("ilo", [NEWS])
        a_first = fetched(a, s1, PAGE_A, [news_entry(f"WCMS_{i}") for i in (1, 2, 3)])
        b_first = fetched(a, s1, PAGE_B, page_b_entries())
        a.finish_crawl(s1, DONE)
        s2 = a.begin_crawl("ilo", [NEWS])  # the listing stops linking page B: its entries are removed
        a_second = fetched(a, s2, PAGE_A, [], status=304, previous=a_first)
        assert a.finish_crawl(s2, DONE)["removed"] == 3
        s3 = a.begin_crawl("ilo", [NEWS])  # page B is back, unchanged: the site answers 304 to both
        fetched(a, s3, PAGE_A, [], status=304, previous=a_second)
        fetched(a, s3, PAGE_B, [], status=304, previous=b_first)
        third = a.finish_crawl(s3, DONE)
        assert (third["restored"], third["removed"]) == (3, 0)
        assert len(list(export_rows(a.conn))) == 6
        kinds = a.conn.execute("SELECT kind FROM status_events WHERE crawl_id = ?", (s3.crawl_id,)).fetchall()
        assert [k[0] for k in kinds] == ["restored"] * 3


def test_a_304_after_a_reparse_sights_each_entry_once(tmp_path):
    with Archive(tmp_path / "a.db") as a:
        s1 = a.begin_crawl("ilo", [NEWS])
        first = fetched(a, s1, PAGE_B, page_b_entries())
        a.finish_crawl(s1, DONE)
        again = a.begin_crawl("ilo", [NEWS])  # a reparse reads the stored page again, under its own crawl
        renamed = [dict(e, title=e["title"] + " (reparsed)") for e in page_b_entries()]
        a.record_entries(again, [(e, Sighting(NEWS, PAGE_B, 2, capture_id=first)) for e in renamed], source="reparse")
        a.finish_crawl(again, DONE)
        s3 = a.begin_crawl("ilo", [NEWS])
        fetched(a, s3, PAGE_B, [], status=304, previous=first)
        a.finish_crawl(s3, DONE)
        sighted = a.conn.execute("SELECT count(*) FROM sightings WHERE crawl_id = ?", (s3.crawl_id,)).fetchone()[0]
        plan = a.conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM sightings WHERE capture_id = ? AND crawl_id = ?", (first, 1)
        ).fetchall()
    assert sighted == 3
    assert any("idx_sightings_capture" in row[3] for row in plan)  # a 304 page never scans every sighting


def test_what_a_fetched_page_says_wins_over_a_304_pages_stored_copy(tmp_path):
    """An entry on a changed page and on an unchanged one: the change is recorded, whichever page came first."""
    for same_batch in (True, False):
        with Archive(tmp_path / f"a{same_batch}.db") as a:
            s1 = a.begin_crawl("ilo", [NEWS])
            fetched(a, s1, PAGE_A, [news_entry("WCMS_1")])
            b_first = fetched(a, s1, PAGE_B, [news_entry("WCMS_1"), news_entry("WCMS_4")])
            a.finish_crawl(s1, DONE)
            s2 = a.begin_crawl("ilo", [NEWS])
            not_modified = {
                "url": PAGE_B,
                "listing_url": NEWS,
                "page": 2,
                "status": 304,
                "previous_capture_id": b_first,
            }
            body = {"url": PAGE_A, "listing_url": NEWS, "page": 1, "status": 200, "body": b"<html>new</html>"}
            renamed = news_entry("WCMS_1", title="Renamed on page 1")
            if same_batch:  # the 304 page is written first, in the same transaction
                a.write_batch(s2, [not_modified, body], [(renamed, Sighting(NEWS, PAGE_A, 1))])
            else:
                a.record_captures(s2, [not_modified])
                fetched(a, s2, PAGE_A, [renamed])
            second = a.finish_crawl(s2, DONE)
            row = a.conn.execute("SELECT title, version FROM entries WHERE entry_id = 'WCMS_1'").fetchone()
        assert (row["title"], row["version"]) == ("Renamed on page 1", 2), same_batch
        assert (second["entries"], second["changed"], second["removed"]) == (2, 1, 0)


def test_a_reparse_of_an_old_page_restores_nothing(tmp_path):
    """Only the site can say an entry is back: a reparse reads pages from before it was removed."""
    with Archive(tmp_path / "a.db") as a:
        s1 = a.begin_crawl("ilo", [NEWS])
        first = fetched(a, s1, PAGE_B, page_b_entries())
        a.finish_crawl(s1, DONE)
        s2 = a.begin_crawl("ilo", [NEWS])
        fetched(a, s2, PAGE_A, [news_entry("WCMS_1")])
        assert a.finish_crawl(s2, DONE)["removed"] == 3
        gone = {r[0]: r[1] for r in a.conn.execute("SELECT entry_id, removed_at FROM entries WHERE status='removed'")}
        again = a.begin_crawl("ilo", [NEWS])
        reparsed = [
            dict(e, title=e["title"] + " (reparsed)") if e["entry_id"] == "WCMS_4" else e for e in page_b_entries()
        ]
        a.record_entries(again, [(e, Sighting(NEWS, PAGE_B, 2, capture_id=first)) for e in reparsed], source="reparse")
        done = a.finish_crawl(
            again, {NEWS: {"pages_fetched": 1, "complete": False}}, status="complete"
        )  # as reparse does
        after = {r[0]: r[1] for r in a.conn.execute("SELECT entry_id, removed_at FROM entries WHERE status='removed'")}
        version = a.conn.execute("SELECT version, title FROM entries WHERE entry_id = 'WCMS_4'").fetchone()
    assert (done["restored"], done["changed"]) == (0, 1)
    assert after == gone  # still removed, since the same moment
    assert tuple(version) == (2, "Title of WCMS_4 (reparsed)")  # the parser's change is kept, as a version


def test_a_page_with_no_entries_still_proves_nothing_when_it_answers_304(tmp_path):
    """An empty page mid-listing makes a crawl partial (nothing removed); unchanged, it answers 304: the same."""
    root = tmp_path / "site"
    write_site(root)
    db = tmp_path / "a.db"
    with SiteServer(root) as server:
        url = server.base_url + "/list/page-1.html"

        def crawl_once():
            return cli("crawl", "listing", "--db", db, "--start-url", url, *FAST, check=None)

        assert crawl_once().returncode == 0
        empty = page_html(2).split("<article>")[0] + "<nav" + page_html(2).split("<nav", 1)[1]
        (root / "list" / "page-2.html").write_text(empty)  # a block or error page served with 200
        verdicts = [crawl_once(), crawl_once()]
    statuses = [r[0] for r in sqlite3.connect(db).execute("SELECT status FROM crawls ORDER BY id")]
    assert statuses == ["complete", "partial", "partial"], [v.stdout for v in verdicts]
    assert q(db, "SELECT count(*) FROM captures WHERE status = 304 AND url LIKE '%page-2%'") == 1
    assert q(db, "SELECT count(*) FROM entries WHERE status = 'removed'") == 0
    assert q(db, "SELECT count(*) FROM entries") == 12 * PER_PAGE


def test_the_capture_a_page_is_revalidated_with_is_its_latest_from_a_finished_site_crawl(tmp_path):
    from archive.record import last_captures

    with Archive(tmp_path / "a.db") as a:
        ids = []
        for _ in range(3):
            session = a.begin_crawl("ilo", [NEWS])
            ids.append(fetched(a, session, PAGE_A, [news_entry("WCMS_1")]))
            a.finish_crawl(session, DONE)
        killed = a.begin_crawl("ilo", [NEWS])  # a crawl that never finished vouches for nothing
        fetched(a, killed, PAGE_A, [news_entry("WCMS_1")])
        a.conn.execute("UPDATE crawls SET status = 'failed' WHERE id = ?", (killed.crawl_id,))
        suspect = a.begin_crawl("ilo", [NEWS])  # nor one that kept old values of what its pages said
        fetched(a, suspect, PAGE_A, [news_entry("WCMS_1", description=None)])
        a.finish_crawl(suspect, DONE, suspect=True)
        found = last_captures(a.conn, [NEWS])
    assert list(found) == [PAGE_A] and found[PAGE_A]["id"] == ids[-1] and found[PAGE_A]["listed"]


def redirect_to(path: str):
    """A SiteServer answer: 302 to `path`."""

    def answer(handler):
        handler.send_response(302)
        handler.send_header("Location", path)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
        return True

    return answer


def repeat_named(summary: str, page: str) -> bool:
    """Whether a crawl's summary says `page` (the page asked for) lists only entries read on an earlier page."""
    whys = [line for line in summary.splitlines() if "lists only entries already read on an earlier page" in line]
    return any(f"/list/{page}" in why.split(": lists only")[0] for why in whys)


def route_options(request, route: str) -> list[str]:
    """A crawl's options for one way its pages are read: in its process, in the parse worker, by a frontier's worker."""
    if route == "frontier":
        return ["--frontier", request.getfixturevalue("redis_url"), "--workers", "1"]
    return PARSE_ROUTES[route]


@pytest.mark.parametrize(
    ("repeat", "route"),
    [
        ("page 1's content", "in-process"),
        ("page 1's content", "parse worker"),
        ("page 1's content", "frontier"),
        ("a redirect to page 1", "in-process"),
        ("a redirect to page 1", "frontier"),
    ],
)
def test_a_page_repeating_an_unchanged_page_one_removes_nothing(tmp_path, request, repeat, route):
    """Page 1 answers 304 (not read again): a page 2 that repeats it is still caught, by the entries it listed."""
    write_site(tmp_path / "site", pages=2)
    db = tmp_path / "a.db"
    with SiteServer(tmp_path / "site") as site:
        start = f"{site.base_url}/list/page-1.html"
        crawl = ("crawl", "listing", "--db", db, "--start-url", start, "--profile", "auto", *FAST)
        cli(*crawl, *route_options(request, route), check=0)
        if repeat == "a redirect to page 1":
            site.faults["/list/page-2.html"] = redirect_to("/list/page-1.html")
        else:
            page_one = (tmp_path / "site" / "list" / "page-1.html").read_text()
            (tmp_path / "site" / "list" / "page-2.html").write_text(page_one)
        again = cli(*crawl, *route_options(request, route))
        assert "/list/page-1.html" in site.requests[-3:]  # page 1 was asked again (and answered 304)
    assert q(db, "SELECT count(*) FROM captures WHERE crawl_id = 2 AND status = 304") >= 1
    assert q(db, "SELECT count(*) FROM entries WHERE status = 'removed'") == 0, again.stdout
    assert again.returncode == 3, again.stdout
    assert repeat_named(again.stdout, "page-2.html")


def test_a_page_that_repeated_an_earlier_page_still_does_when_both_answer_304(tmp_path):
    """Page 3 served page 2's entries (a partial crawl); unchanged since, all three answer 304: still partial."""
    root = tmp_path / "site"
    write_site(root, pages=3)
    db = tmp_path / "a.db"
    with SiteServer(root) as site:
        crawl = ("crawl", "listing", "--db", db, "--start-url", f"{site.base_url}/list/page-1.html", *FAST)
        cli(*crawl, check=0)
        (root / "list" / "page-3.html").write_text((root / "list" / "page-2.html").read_text())
        cli(*crawl, check=3)
        third = cli(*crawl, check=3)
    assert q(db, "SELECT count(*) FROM captures WHERE crawl_id = 3 AND status = 304") == 3, third.stdout
    assert repeat_named(third.stdout, "page-3.html")
    assert q(db, "SELECT count(*) FROM entries WHERE status = 'removed'") == 0, third.stdout


def test_a_page_redirected_to_page_one_that_answers_304_to_its_own_validators_removes_nothing(tmp_path):
    """Page 2 served page 1's content, then redirects to page 1: page 2's conditional request, carried over the
    redirect, is answered 304 by page 1 (same content, same ETag). What it lists is page 1's: still partial."""
    root = tmp_path / "site"
    write_site(root, pages=2)
    db = tmp_path / "a.db"
    with SiteServer(root) as site:
        crawl = ("crawl", "listing", "--db", db, "--start-url", f"{site.base_url}/list/page-1.html", *FAST)
        cli(*crawl, check=0)
        (root / "list" / "page-2.html").write_text((root / "list" / "page-1.html").read_text())
        cli(*crawl, check=3)
        site.faults["/list/page-2.html"] = redirect_to("/list/page-1.html")
        third = cli(*crawl, check=3)
    assert q(db, "SELECT count(*) FROM captures WHERE crawl_id = 3 AND status = 304") == 2, third.stdout
    assert repeat_named(third.stdout, "page-2.html")
    assert q(db, "SELECT count(*) FROM entries WHERE status = 'removed'") == 0, third.stdout


# A profile that reads another field as the title than the generic extractor does (the paragraph, not the heading);
# it reads the heading as the description, so no field empties (that alone makes a crawl suspect: archive.health).
PARAGRAPH_TITLES = (
    'name = "reports"\ndomains = ["127.0.0.1"]\n\n[selectors]\n'
    'entry = "article"\ntitle = "p"\ndescription = "h2"\ndate = "time"\nnext = "a[rel=next]"\n'
)
READ_WITH_IT = "SELECT count(*) FROM entries WHERE title LIKE 'Findings of study%'"
LAST_CRAWLS_304S = "SELECT count(*) FROM captures WHERE status = 304 AND crawl_id = (SELECT max(id) FROM crawls)"


def test_a_crawl_with_another_profile_reads_the_unchanged_pages_with_it(tmp_path):
    """Found by a stranger (learn, then crawl --profile, docs/learn.md): the unchanged pages answered 304 and kept
    the generic extractor's reading (0 of 10 titles as a fresh crawl with the profile reads them). A page last read
    another way is fetched whole; the crawl after that asks if it changed again."""
    write_site(tmp_path / "site", pages=2)
    profile = tmp_path / "reports.toml"
    profile.write_text(PARAGRAPH_TITLES)
    with SiteServer(tmp_path / "site") as site:
        start = f"{site.base_url}/list/page-1.html"
        for db, how in (("fresh.db", profile), ("a.db", "auto"), ("a.db", profile)):
            cli("crawl", "listing", "--db", tmp_path / db, "--start-url", start, "--profile", how, *FAST, check=0)
        assert q(tmp_path / "a.db", LAST_CRAWLS_304S) == 0
        cli("crawl", "listing", "--db", tmp_path / "a.db", "--start-url", start, "--profile", profile, *FAST)
    assert q(tmp_path / "fresh.db", READ_WITH_IT) == 10  # the profile reads the paragraph as the title
    assert q(tmp_path / "a.db", READ_WITH_IT) == 10
    assert q(tmp_path / "a.db", LAST_CRAWLS_304S) == 2  # read with it last time: conditional again


def test_an_edited_profile_reads_the_unchanged_pages_again(tmp_path):
    """The same profile file, edited (the heading as title, then the paragraph): what reads the pages is its
    contents, not its name or path."""
    write_site(tmp_path / "site", pages=2)
    profile = tmp_path / "reports.toml"
    profile.write_text(PARAGRAPH_TITLES.replace('title = "p"\ndescription = "h2"', 'title = "h2"\ndescription = "p"'))
    with SiteServer(tmp_path / "site") as site:
        crawl = ("crawl", "listing", "--db", tmp_path / "a.db", "--start-url", f"{site.base_url}/list/page-1.html")
        cli(*crawl, "--profile", profile, *FAST)
        assert q(tmp_path / "a.db", READ_WITH_IT) == 0
        profile.write_text(PARAGRAPH_TITLES)
        cli(*crawl, "--profile", profile, *FAST)
    assert q(tmp_path / "a.db", READ_WITH_IT) == 10
    assert q(tmp_path / "a.db", LAST_CRAWLS_304S) == 0
