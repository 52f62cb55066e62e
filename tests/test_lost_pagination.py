"""A listing read whole before, cut short now: its unread pages' entries are not removed.

The demo listing has two pages (10 entries, then 4). When its page links turn into script
links (a "Load more" button) or vanish while page 1 is still full, the crawl reads one page:
it must be suspect, remove nothing, notify no removals, and say why. Both ways a page is
parsed (in the crawl's process, and in the parse worker) are walked.
"""

import pytest
from conftest import cli, q
from helpers import PARSE_ROUTES, Catcher
from unattended import PAGE2, crawl_demo, healthy

from crawler.site_server import DEMO_LISTING_PATH


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
