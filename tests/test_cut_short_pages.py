"""A start page cut short is judged as every later page is: the crawl that read it removes nothing.

Found by a stranger (stranger29): a start page the server cut short (a PHP fatal error midway: 200, its whole
Content-Length, no </ul></body></html> where its last capture closed) was read as the whole listing: COMPLETE,
"changed 1, removed 4", the last title stored cut ("Council approves budget item nu"); the first of two pages cut
short lost its pager: COMPLETE, "pages 1, entries 3: removed 9" of 12, page 2 never fetched. The start page has no
page before it: it is measured against its own last capture (crawler/spiders/whole_page.py).
"""

from __future__ import annotations

import pytest
from conftest import FAST, cli, q
from helpers import PARSE_ROUTES, entry

from archive import writer
from archive.record import NOT_WHOLE, last_captures
from archive.store import Archive, Sighting
from archive.writer import closed_start_pages
from crawler.cut_short import (
    CUT,
    CUT_SHORT,
    START_CUT,
    START_CUT_WHERE_CLOSED,
    UNCLOSED,
    cut_off,
    html_closes,
    start_page_cut_short,
)
from crawler.site_server import SiteServer
from crawler.spiders.whole_page import NO_PAGER, not_whole, start_page_cut

ROUTES = [*PARSE_ROUTES, "distributed"]
REMOVED = "SELECT count(*) FROM entries WHERE status = 'removed'"
CUT_TITLES = "SELECT count(*) FROM entries WHERE title NOT GLOB '*item [0-9]*'"


def council_news(count: int, first: int = 1, pager: str = "", closes: bool = True) -> str:
    """A page of `count` linked news items from number `first`, one <li> a line, then `pager`; its HTML closed
    (or, `closes` false, ending as many real pages do: no </body></html>)."""
    items = "".join(
        f"<li><a href='/news/item-{i}.html'>Council approves budget item {i}</a> <span>{i} March 2026</span>"
        f"<p>Summary of item {i} for readers.</p></li>\n"
        for i in range(first, first + count)
    )
    body = f"<h1>News</h1><ul class='news'>\n{items}</ul>{pager}<footer>Contact</footer>"
    return f"<html lang='en'><body>{body}" + ("</body></html>" if closes else "\n")


NEXT = "<a href='/news/page2.html' rel='next'>Next page</a>"
SECOND = council_news(6, first=7, pager="<a href='/news/index.html' rel='prev'>Previous page</a>")


def crawls(tmp_path, request, route: str, *bodies: str, second: str | None = None) -> list[str]:
    """Crawl the listing /news/index.html once for each body of its start page (and /news/page2.html, `second`)
    by `route`: what each crawl printed."""
    (tmp_path / "site" / "news").mkdir(parents=True)
    if second is not None:
        (tmp_path / "site" / "news" / "page2.html").write_text(second)
    way = PARSE_ROUTES.get(route) or ["--frontier", request.getfixturevalue("redis_url"), "--workers", "1"]
    said = []
    with SiteServer(tmp_path / "site") as site:
        for body in bodies:
            (tmp_path / "site" / "news" / "index.html").write_text(body)
            url = f"{site.base_url}/news/index.html"
            command = ("crawl", "listing", "--db", tmp_path / "a.db", "--start-url", url, *FAST, *way)
            said.append(cli(*command, check=None).stdout)
    return said


@pytest.mark.parametrize("route", ROUTES)
def test_a_start_page_cut_short_removes_nothing(tmp_path, request, route):
    """A one-page listing of 10 whose start page comes cut short mid-title: PARTIAL, nothing removed, the
    entry at the cut not stored as a change; the same page answering 304 later says so again; a reparse of that
    crawl stores no cut title either."""
    whole = council_news(10)
    cut = whole[: whole.index("budget item 6") + 10]  # at 55% of its bytes, mid-title: "...budget ite"
    said = crawls(tmp_path, request, route, whole, cut, cut)
    db = tmp_path / "a.db"
    assert "COMPLETE" in said[0] and "new 10" in said[0], said[0]
    assert "PARTIAL" in said[1] and "changed 0, removed 0" in said[1], said[1]
    assert "/news/index.html: cut short (its HTML stops before </body></html>" in said[1], said[1]
    assert "PARTIAL" in said[2] and "removed 0" in said[2], said[2]
    assert q(db, REMOVED) == 0
    assert q(db, CUT_TITLES) == 0, q(db, "SELECT group_concat(title, ' | ') FROM entries")
    if route == "in-process":
        cli("reparse", "--db", db, "--crawl", "2", check=None)
        cli("reparse", "--db", db, check=None)
        assert q(db, CUT_TITLES) == 0 and q(db, REMOVED) == 0


@pytest.mark.parametrize("route", ROUTES)
def test_the_first_of_two_pages_cut_short_removes_nothing(tmp_path, request, route):
    """Page 1 of 2 cut in half (no pager, no </html>): the listing is not taken to end there."""
    first = council_news(6, pager=NEXT)
    said = crawls(tmp_path, request, route, first, first[: len(first) // 2], second=SECOND)
    assert "pages 2, entries 12: new 12" in said[0], said[0]
    assert "PARTIAL" in said[1] and "removed 0" in said[1], said[1]
    assert q(tmp_path / "a.db", REMOVED) == 0


def test_a_start_page_cut_before_its_first_entry_removes_nothing(tmp_path, request):
    whole = council_news(10)
    said = crawls(tmp_path, request, "in-process", whole, whole[: whole.index("<li>") + 20])
    assert "PARTIAL" in said[1] and "removed 0" in said[1], said[1]
    assert q(tmp_path / "a.db", REMOVED) == 0


def test_a_site_whose_pages_never_close_is_complete_crawl_after_crawl(tmp_path, request):
    """Many real pages never close </html> (the corpus in tests/fixtures/real/ holds several): such a start page
    is whole while it lists as before, crawl after crawl; cut short, it lists less, or loses its pager."""
    first = council_news(6, pager=NEXT, closes=False)
    second = council_news(6, first=7, pager="<a href='/news/index.html'>Previous page</a>", closes=False)
    lost_pager = first[: first.index("item-5")]
    said = crawls(tmp_path, request, "in-process", first, first, lost_pager, first, second=second)
    assert all("COMPLETE" in done for done in said[:2]), said[:2]
    assert "pages 2, entries 12: new 0, changed 0, removed 0" in said[1], said[1]
    assert "PARTIAL" in said[2] and "removed 0" in said[2], said[2]
    assert "COMPLETE" in said[3] and "removed 0" in said[3], said[3]
    assert q(tmp_path / "a.db", REMOVED) == 0


def _cut_by_transport(how: str):
    """A fault answering the start page with its first half, then closing the connection: under a Content-Length
    of the whole, as a chunk with no last chunk after it, or with neither (its end known only by the close)."""
    half = council_news(10)[:600].encode()
    heads = {"length": f"Content-Length: {2 * len(half)}\r\n", "chunked": "Transfer-Encoding: chunked\r\n"}

    def answer(handler):
        handler.wfile.write(f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n{heads.get(how, '')}\r\n".encode())
        handler.wfile.write(b"%x\r\n%s\r\n" % (len(half), half) if how == "chunked" else half)
        handler.wfile.flush()
        handler.connection.shutdown(2)
        handler.close_connection = True
        return True

    return answer


@pytest.mark.parametrize("how", ["length", "chunked", "no length"])
@pytest.mark.parametrize("lose_data", ["True", "False"])
def test_a_start_page_cut_by_its_connection_removes_nothing(tmp_path, how, lose_data):
    """A body shorter than its Content-Length, a chunked body with no last chunk, a body with no length that
    stops before </html>: the page fails (DOWNLOAD_FAIL_ON_DATALOSS, Scrapy's default: the crawl's only page, so
    FAILED; it said "why: URL: " and no more) or is flagged cut short (PARTIAL)."""
    (tmp_path / "site" / "news").mkdir(parents=True)
    (tmp_path / "site" / "news" / "index.html").write_text(council_news(10))
    db, said = tmp_path / "a.db", []
    with SiteServer(tmp_path / "site") as site:
        url = f"{site.base_url}/news/index.html"
        for fault in (None, _cut_by_transport(how)):
            site.faults = {"/news/index.html": fault} if fault else {}
            options = ("-s", "RETRY_TIMES=0", "-s", f"DOWNLOAD_FAIL_ON_DATALOSS={lose_data}")
            said.append(cli("crawl", "listing", "--db", db, "--start-url", url, *FAST, *options, check=None).stdout)
    assert "new 10" in said[0], said[0]
    assert ("FAILED" if lose_data == "True" and how != "no length" else "PARTIAL") in said[1], said[1]
    assert "changed 0, removed 0" in said[1] and "/news/index.html: cut short (" in said[1], said[1]
    assert q(db, REMOVED) == 0 and q(db, CUT_TITLES) == 0


START, ITEMS = "https://example.org/news/", [f"/news/item-{i}" for i in range(4)]


@pytest.mark.parametrize(
    "last, closes, links, listed, why",
    [
        (None, False, [], 2, None),  # never crawled before: nothing to measure it against
        ({"closed": True}, True, [], 2, None),  # it closes: whole
        ({"closed": True}, False, [], 4, "had them"),  # its last capture closed
        ({"not_whole": START_CUT.format("had them")}, False, [], 4, "had them"),  # cut again: as the one before
        ({"not_whole": START_CUT.format("showed pagination")}, False, [], 4, None),  # a site that never closes
        ({"closed": False, "page_links": ["p2"]}, False, [], 4, "showed pagination"),
        ({"closed": False, "page_links": ["p2"]}, False, ["p2"], 4, None),  # a site that never closes its pages
        ({"closed": False, "entry_ids": ITEMS}, False, [], 3, "listed 4 entries, it 3"),
        ({"closed": False, "entry_ids": ITEMS}, False, [], 4, None),
    ],
)
def test_how_a_start_page_is_measured_against_its_last_capture(last, closes, links, listed, why):
    page = "<html><body><ul><li><a href=/news/item-1>Report</a></li></ul>" + ("</body></html>" if closes else "")
    found = not_whole(page, START, START, links, {"page": 1}, last=last and dict(last, listed=listed))
    assert (found and found.split("capture ")[-1].rstrip(")")) == why


def test_a_site_that_stops_closing_its_pages_is_complete_again_once_its_start_page_loses_nothing(tmp_path, request):
    """A redesign that drops </body></html> for good kept every crawl PARTIAL: the start page was measured against
    the capture before it, itself cut short "because of them", crawl after crawl. It is whole again when it lists
    as many entries as its last capture that closed, and its last entry reads as the archive has it; its last
    entry cut mid-summary, it is still cut short. A real removal afterwards is recorded (on the second crawl that
    lists less, as on any site whose pages never close)."""
    opened = council_news(10, closes=False)
    cut_summary = opened[: opened.rindex("for readers")]
    said = crawls(
        tmp_path,
        request,
        "in-process",
        council_news(10),
        cut_summary,
        opened,
        opened,
        *[council_news(9, closes=False)] * 2,
    )
    assert "PARTIAL" in said[1] and "changed 0, removed 0" in said[1], said[1]
    assert all("(listing): COMPLETE" in done and "changed 0, removed 0" in done for done in said[2:4]), said[2:4]
    assert "PARTIAL" in said[4] and "removed 0" in said[4], said[4]
    assert "(listing): COMPLETE" in said[5] and "removed 1" in said[5], said[5]
    assert q(tmp_path / "a.db", REMOVED) == 1


READ_AS = {"/news/item-4": ["Report 4", "On wages"]}


@pytest.mark.parametrize(
    "listed, entry, paged, why",
    [
        (4, {"entry_id": "/news/item-4", "title": "Report 4", "description": "On wages"}, [], None),  # a redesign
        (5, {"entry_id": "/news/item-4", "title": "Report 4", "description": "On wages"}, [], None),  # one more
        (3, {"entry_id": "/news/item-4", "title": "Report 4", "description": "On wages"}, [], "had them"),
        (4, {"entry_id": "/news/item-4", "title": "Report 4", "description": "On wa"}, [], "had them"),  # cut mid-word
        (4, {"entry_id": "/news/item-5", "title": "Report 5", "description": None}, [], "had them"),  # new: unknown
    ],
)
def test_a_start_page_that_stopped_closing_is_measured_against_its_last_capture_that_closed(listed, entry, paged, why):
    last = {"closed": True, "whole": {"listed": 4, "paged": False, "read_as": READ_AS}}
    page = "<html><body><ul><li><a href=/news/item-1>Report</a></li></ul>"
    found = not_whole(page, START, START, paged, {"page": 1}, last=dict(last, listed=listed, last_entry=entry))
    assert (found and found.split("capture ")[-1].rstrip(")")) == why
    assert not_whole(page, START, START, [], {"page": 1}, last=dict(last, listed=4, last_entry=None)) is not None


# -- where </body></html> closes the document (stranger30, issue 20: a print-window script's '</body></html>') ------
PRINT_WINDOW = "<script>function printIt(c){w.document.write('<html><body>'+c+'</body></html>')}</script>"


@pytest.mark.parametrize(
    "page, closes",
    [
        ("<html><body><p>All</p></body></html>", True),
        ("<html><body><p>All</p></body>\n</html>\r\n\n", True),
        ("\ufeff<html><body><p>All</p></body></html>\ufeff\x00\x1a", True),  # a BOM, control characters after
        ("<html><body><p>All</p></body></html>\n<!-- served in 0.2s -->\n", True),
        ("<html><body><p>All</p></BODY >\n<script>track()</script>", True),  # a host's script after the page
        ("<html><body><p>All</p>", False),
        ("<html><head>" + PRINT_WINDOW + "</head><body><ul><li>One</li><li>Tw", False),
        ("<html><head><style>/* </body></html> */</style></head><body><p>Al", False),
        ("<html><body><!-- old footer </body></html> --><p>Al", False),
        ("<html><body><p>All</p><script>w.document.write('</body></html>", False),  # cut inside the script
        ("<html><body></body></html><p>More</p><p>Cut he", False),
    ],
)
def test_a_page_closes_only_where_its_closing_tags_end_the_document(page, closes):
    assert html_closes(page) is closes


def test_a_closing_tag_in_a_script_does_not_make_a_cut_start_page_whole():
    """A start page whose head script writes a print window and that is then cut mid-list was taken as whole, the
    entries past the cut recorded as removed (measured on 127.0.0.1: COMPLETE, removed 1)."""
    cut_page = "<html><head>" + PRINT_WINDOW + "</head><body><ul><li><a href='/n/1'>One</a></li><li><a href='/n/2'>Tw"
    last = {"closed": True, "listed": 1, "entry_ids": ["e1", "e2", "e3"], "page_links": []}
    last["whole"] = {"listed": 3, "paged": False, "read_as": {"e1": ["One", None]}}
    last["last_entry"] = {"entry_id": "e1", "title": "One", "description": None}
    assert start_page_cut(cut_page, [], last) == START_CUT.format("had them")


def test_a_pages_closing_is_read_once_however_often_it_is_asked():
    page = "<html><body><ul><li><a href='/a'>A</a></li></ul>" + "<p>filler</p>" * 5000 + "</body></html>"
    html_closes.cache_clear()
    assert html_closes(page) and html_closes(page)
    assert html_closes.cache_info().misses == 1  # the spider asks for each page's next request and again to judge it


def test_every_verdict_of_a_page_cut_short_opens_with_the_one_name_cut_off_reads():
    """The crawl, `reparse` and the archive's writer tell a page cut short (its last entry dropped, its start page
    fetched whole) by one name, CUT (crawler/cut_short.py), not by each spelling "cut short" out again."""
    cut = [CUT_SHORT, UNCLOSED, START_CUT.format("listed 4 entries, it 2"), START_CUT_WHERE_CLOSED]
    assert all(why.startswith(CUT) and cut_off(why) for why in cut)
    assert not cut_off(NO_PAGER) and not cut_off(None)
    assert [start_page_cut_short(why) for why in cut] == [False, False, True, True]


def test_a_start_page_cut_crawl_after_crawl_is_measured_without_reading_each_earlier_body(tmp_path, monkeypatch):
    """Each crawl of a start page judged cut where its last capture closed looks back for the capture that closed;
    it read and decoded every capture in between (measured: 100 captures of an 80 KB page, 218 ms a crawl, growing
    with the history). A capture judged so stopped before </body></html>: its verdict says so, its body is not read."""
    url, cut = "https://council.example/news/", {NOT_WHOLE: START_CUT_WHERE_CLOSED}
    with Archive(tmp_path / "a.db") as archive:
        for n in range(30):
            session = archive.begin_crawl("listing", [url])
            page = council_news(4, closes=n == 0) + f"<!-- {n} -->"
            capture = {"url": url, "listing_url": url, "page": 1, "status": 200, "body": page.encode()}
            ids = archive.record_captures(session, [{**capture, "headers": cut if n else {}}])
            seen = Sighting(url, url, 1, capture_id=ids[url])
            archive.record_entries(session, [(entry("WCMS_1", listing_url=url), seen)])
            archive.finish_crawl(session, {url: {"pages_fetched": 1, "pages_failed": 0, "complete": n == 0}})
        read = []
        monkeypatch.setattr(writer, "read_body", lambda conn, capture_id: read.append(capture_id) or b"")
        closed_start_pages(archive.conn, last_captures(archive.conn, [url]))
    assert read == [30, 1]  # the latest capture, then the first, the one that closed
