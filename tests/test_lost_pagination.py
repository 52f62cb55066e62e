"""A listing read whole before, cut short now: its unread pages' entries are not removed.

The demo listing has two pages (10 entries, then 4). When its page links turn into script
links (a "Load more" button) or vanish while page 1 is still full, the crawl reads one page:
it must be suspect, remove nothing, notify no removals, and say why. Both ways a page is
parsed (in the crawl's process, and in the parse worker) are walked.
"""

import pytest
from conftest import FAST, cli, q
from helpers import PARSE_ROUTES, Catcher, page_html, write_site
from scrapy.http import HtmlResponse
from unattended import PAGE2, crawl_demo, healthy

from crawler.cut_short import CUT, cut_off
from crawler.site_server import DEMO_LISTING_PATH, SiteServer
from crawler.spiders.whole_page import LINKED_FROM, LINKER_CLOSED, body_cut_short, not_whole


def rewrite_page_one(site, change) -> None:
    page = site.page_root / DEMO_LISTING_PATH.lstrip("/")
    page.write_text(change(page.read_text()))


def script_links(href):
    return lambda html: html.replace(f'href="{PAGE2}"', f'href="{href}"')


def no_pager(html):
    return html[: html.index('<aside class="pagination">')] + html[html.index("</aside>") + len("</aside>") :]


def crawl_notified(db, site, route, check):
    with Catcher() as catcher:
        result = crawl_demo(
            db, site, *PARSE_ROUTES[route], "--notify", f"json://127.0.0.1:{catcher.server_address[1]}/n", check=check
        )
        return result, catcher.take()


@pytest.mark.parametrize("route", PARSE_ROUTES)
@pytest.mark.parametrize("href", ["javascript:loadMore(2)", "#"])
def test_page_links_turned_script_links_make_the_crawl_suspect(db, site, route, href):
    rewrite_page_one(site, script_links(href))
    result, sent = crawl_notified(db, site, route, check=5)
    assert f"1 page, was 2: its page links are now script links ({href})" in result.stdout
    assert "SUSPECT" in result.stdout
    healthy(db)  # page 2's four entries are still listed
    assert q(db, "SELECT removed FROM crawls ORDER BY id DESC LIMIT 1") == 0
    assert len(sent) == 1 and "ALERT" in sent[0]["title"] and "SUSPECT" in sent[0]["title"]  # no removals announced
    assert "Nothing was marked removed" in sent[0]["message"] and "script links" in sent[0]["message"]
    if route == "in-process":  # a reparse of that crawl reads one page too, and removes nothing either
        cli("reparse", "--db", db, check=0)
        healthy(db)


@pytest.mark.parametrize("route", PARSE_ROUTES)
def test_a_pager_gone_while_page_one_is_still_full_is_suspect(db, site, route):
    rewrite_page_one(site, no_pager)
    result = crawl_demo(db, site, *PARSE_ROUTES[route], check=5)
    assert "1 page, was 2: the pages read are as full as before" in result.stdout
    healthy(db)


def test_a_listing_that_shrank_to_whole_pages_is_taken_as_its_new_length_on_the_third_crawl(db, site):
    """Full pages and no pager: suspect twice (alerts go out, nothing removed), then the same shape a third
    time is the listing's new length, and what left it is removed."""
    rewrite_page_one(site, no_pager)
    for _ in range(2):
        assert "the pages read are as full as before" in crawl_demo(db, site, check=5).stdout
        healthy(db)
    result = crawl_demo(db, site, check=0)
    assert "SUSPECT" not in result.stdout
    assert q(db, "SELECT removed FROM crawls ORDER BY id DESC LIMIT 1") == 4  # page 2's four


def test_a_listing_that_really_shrank_to_one_page_removes_what_left(db, site):
    """Page 1 no longer full and no pager: the listing ends there, as a shrinking listing does."""

    def drop_first_entry(html):
        start = html.index('<li class="item">')
        return html[:start] + html[html.index("</li>", start) + len("</li>") :]

    rewrite_page_one(site, lambda html: drop_first_entry(no_pager(html)))
    result = crawl_demo(db, site, check=0)
    assert "SUSPECT" not in result.stdout
    assert q(db, "SELECT removed FROM crawls ORDER BY id DESC LIMIT 1") == 5  # page 2's four and the one dropped


@pytest.mark.parametrize(
    ("controls", "found"),
    [
        ('<a href="javascript:loadMore(2)">Load more</a>', ["javascript:loadMore(2)"]),
        ('<button type="button">Show more results</button>', ["<button> Show more results"]),
        ('<ul><li><a href="#">1</a></li><li><a href="#page-2">2</a></li></ul>', ["#page-2"]),
        ('<a href="#" class="next disabled">Next</a>', []),  # a last page's disabled Next
        ('<ul><li class="active"><a href="#">2</a></li><li><a href="#">1</a></li></ul>', []),  # the current page
        ('<a href="#">See more of this story in the full article</a>', []),
        ('<a href="?page=2">Next</a><a href="#">More</a>', []),  # a followable link: pagination still works
    ],
)
def test_which_pagination_controls_lead_nowhere(controls, found):
    from crawler.extract import extract_page

    items = "".join(f'<li><a href="/doc/{n}.htm">Report number {n} on labour</a></li>' for n in range(3))
    page = extract_page(f"<html><body><ul>{items}</ul>{controls}</body></html>", "http://127.0.0.1/l/", "auto")
    assert page.script_page_links == found


# Page 2 of 3 answered 200 but is no page of the listing: a "Page not found" page listing three popular reports (no
# pager), or the page cut short by the server (a PHP fatal error after two of its five entries: no pager, no </html>).
SOFT_NOT_FOUND = (
    "<html lang=en><head><title>Page not found</title></head><body><main><h1>Page not found</h1>"
    "<p>Sorry, the page you asked for does not exist. Popular reports:</p>"
    + "".join(
        f'<article><h2><a href="/item/popular-{n}.html">Popular report {n} on labour</a></h2>'
        f'<time datetime="2024-0{n + 1}-1{n}">1{n} 2024</time><p>Findings of popular study {n}.</p></article>'
        for n in range(3)
    )
    + "</main></body></html>"
)
CUT_SHORT = "<article>".join(page_html(2, pages=3).split("<article>")[:3]) + (
    "<br />\n<b>Fatal error</b>: Allowed memory size exhausted in <b>/var/www/list.php</b><br />\n"
)
PAGE_TWO = {"soft not found": (SOFT_NOT_FOUND, "shows no pagination"), "cut short": (CUT_SHORT, CUT)}
PAGE_THREES_REMOVED = "SELECT count(*) FROM entries WHERE url LIKE '%/item/3-%' AND status = 'removed'"


def crawl_site(site, db, *options, check=None):
    start = f"{site.base_url}/list/page-1.html"
    return cli("crawl", "listing", "--db", db, "--start-url", start, *FAST, *options, check=check)


@pytest.mark.parametrize("route", [*PARSE_ROUTES, "distributed"])
@pytest.mark.parametrize("page_two", PAGE_TWO)
def test_a_page_two_that_is_no_listing_page_removes_nothing_after_it(tmp_path, request, page_two, route):
    """Found by a stranger: page 2 of 3 answered 200 as a 'Page not found' page of three other items, or cut short
    by the server; the crawl was COMPLETE (exit 0) and marked page 3's five entries removed, page 3 never fetched.
    A later page that shows no pagination, or stops before </html> where the page linking to it did not, is not
    known to be the listing's last: PARTIAL, nothing removed, the page and why in the summary. A 304 of it later
    says so again, and a reparse of the crawl removes nothing. In one process, with the parse worker, and in a
    distributed crawl (coordinator and worker)."""
    write_site(tmp_path / "site", pages=3)
    db, html, why = tmp_path / "a.db", *PAGE_TWO[page_two]
    way = PARSE_ROUTES.get(route) or ["--frontier", request.getfixturevalue("redis_url"), "--workers", "1"]
    with SiteServer(tmp_path / "site") as site:
        crawl_site(site, db, *way, check=0)
        (tmp_path / "site" / "list" / "page-2.html").write_text(html)
        again = crawl_site(site, db, *way, check=3)
        unchanged = crawl_site(site, db, *way, check=3)  # every page answers 304
    assert site.requests.count("/list/page-3.html") == 1  # read by the first crawl only
    assert f"/list/page-2.html: {why}" in again.stdout, again.stdout
    assert q(db, "SELECT count(*) FROM captures WHERE status = 304 AND crawl_id = 3") == 2
    assert f"/list/page-2.html: {why}" in unchanged.stdout and "(unchanged, 304)" in unchanged.stdout
    cli("reparse", "--db", db, "--crawl", "2", check=0)  # a reparse re-reads the stored page 2: no removal either
    assert q(db, PAGE_THREES_REMOVED) == 0, unchanged.stdout


def test_a_listing_that_shrank_with_its_pager_shown_removes_what_left(tmp_path):
    """The rule's other side: page 3 gone, page 2 now the last, shorter, still showing its pager (a link back
    to page 1): the crawl is complete and page 3's entries are removed (a full last page is suspect instead:
    archive.health)."""
    write_site(tmp_path / "site", pages=3)
    db = tmp_path / "a.db"
    with SiteServer(tmp_path / "site") as site:
        crawl_site(site, db, check=0)
        write_site(tmp_path / "site", pages=2)
        last = page_html(2, pages=2)  # three of its five entries, then its pager and the page's end
        shorter = "<article>".join(last.split("<article>")[:4]) + last.split("</article>")[-1]
        (tmp_path / "site" / "list" / "page-2.html").write_text(shorter)
        (tmp_path / "site" / "list" / "page-3.html").unlink()
        again = crawl_site(site, db, check=0)
    assert q(db, PAGE_THREES_REMOVED) == 5, again.stdout


@pytest.mark.parametrize(
    "html, why",
    [
        ('<a href="/list/page-1.html">1</a> <a href="/list/page-2.html">2</a> 3', None),  # numbered pages
        ('<a href="/list/page-2.html">« Newer</a>', None),  # only a link to the page before
        ('<a href="https://www.example.org/list/page-1.html#top">First</a>', None),  # page 1, spelt otherwise
        ('<link rel="prev" href="page-2.html">', None),  # a <link rel=prev>, relative
        ('<a href="/about.html">About</a>', "shows no pagination"),
        ("", "shows no pagination"),
    ],
)
def test_which_later_pages_show_their_pagination(html, why):
    page = f"<html><body><article><a href=/item/1>Report</a></article>{html}</body></html>"
    url, listing = "https://example.org/list/page-3.html", "https://example.org/list/page-1.html"
    meta = {"page": 3, LINKED_FROM: "https://example.org/list/page-2.html", LINKER_CLOSED: True}
    page_links = ["https://example.org/list/page-1.html"] if "3" in html else []  # what find_page_links found
    found = not_whole(page, url, listing, page_links, meta)
    assert (found and found.split(" (")[0]) == why
    assert not_whole(page, listing, listing, [], {"page": 1}) is None  # the start page is whatever it is
    assert cut_off(not_whole(page.replace("</body></html>", ""), url, listing, ["x"], meta))


@pytest.mark.parametrize(
    "flags, body, cut",
    [
        (["dataloss"], "<html><body>whole</body></html>", True),  # shorter than its Content-Length
        (["partial"], "<html><body>two entries, then a fatal error", True),  # no length given, no end either
        (["partial"], "<html><body>whole</body></html>", False),  # no length given (HTTP/1.0): it ends whole
        ([], "<html><body>two entries", False),  # its length as said: a page that omits its end tags
    ],
)
def test_which_bodies_came_cut_short(flags, body, cut):
    response = HtmlResponse("https://example.org/list/page-2.html", body=body.encode(), flags=flags)
    assert body_cut_short(response) is cut


@pytest.mark.parametrize(
    "link, why",
    [
        ("/news", None),  # the listing's page without the start URL's ?lang=en&token=: the site's own spelling
        ("/news?lang=en", None),  # part of its query
        ("/news?lang=fr", "shows no pagination"),  # another page of the same path
        ("/news/archive?lang=en", "shows no pagination"),  # another path
    ],
)
def test_a_link_back_to_the_start_page_without_part_of_its_query_counts(link, why):
    # A start URL carrying a query the site's own links leave off (a secret token, a language): page 2's link back
    # to "/news" is the link to page 1, so the listing is whole (it ended PARTIAL, nothing ever removed).
    page = f'<html><body><article><a href="/item/1">Report</a></article><a href="{link}">Back</a></body></html>'
    listing = "https://example.org/news?lang=en&token=abc"
    meta = {"page": 2, LINKED_FROM: listing, LINKER_CLOSED: True}
    found = not_whole(page, "https://example.org/news?lang=en&token=abc&page=2", listing, [], meta)
    assert (found and found.split(" (")[0]) == why


def test_a_crawl_note_quoting_a_scraped_script_link_stores_no_control_characters(tmp_path):
    """A crawl's note quotes the script link as scraped: cleaned as a title is, and as a terminal shows it (no
    escape sequence, control character or bidi override), since `sqlite3 archive.db 'SELECT note FROM crawls'`
    prints it raw (stranger26's finding: ESC, BEL and U+202E were stored in crawls.note)."""
    write_site(tmp_path / "site", pages=2)
    db = tmp_path / "a.db"
    start = tmp_path / "site" / "list" / "page-1.html"
    hostile = "javascript:load(&#x1b;]0;pwned&#x07;&#x1b;[31mRED&#x202e;gpj.exe)"
    with SiteServer(tmp_path / "site") as site:
        url = f"{site.base_url}/list/page-1.html"
        cli("crawl", "listing", "--db", db, "--start-url", url, *FAST, check=0)
        start.write_text(start.read_text().replace('href="/list/page-2.html"', f'href="{hostile}"'))
        cli("crawl", "listing", "--db", db, "--start-url", url, *FAST, "-s", "CONDITIONAL_REQUESTS=False", check=5)
    note = q(db, "SELECT note FROM crawls WHERE id = 2")
    assert "script links" in note, note
    assert not any(c in note for c in "\x1b\x07\u202e"), repr(note)


def test_a_crawl_note_quoting_an_off_site_page_link_stores_no_control_characters(tmp_path):
    """The other note that quotes a scraped link, "pagination leads off the start hosts: URL", is cleaned alike."""
    write_site(tmp_path / "site", pages=2)
    db = tmp_path / "a.db"
    start = tmp_path / "site" / "list" / "page-1.html"
    hostile = "https://elsewhere.example/list/page-2.html?x=&#x1b;]0;pwned&#x07;&#x202e;gpj"
    start.write_text(start.read_text().replace('href="/list/page-2.html"', f'href="{hostile}"'))
    with SiteServer(tmp_path / "site") as site:
        cli("crawl", "listing", "--db", db, "--start-url", f"{site.base_url}/list/page-1.html", *FAST, check=None)
    note = q(db, "SELECT note FROM crawls WHERE id = 1")
    assert "pagination leads off the start hosts: https://elsewhere.example/" in note, note
    assert not any(c in note for c in "\x1b\x07\u202e"), repr(note)
