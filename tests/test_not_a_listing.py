"""A start page that is no listing (an About page) is not archived as a complete listing of one entry.

Read by the generic extractor, it yields one "entry" (its Contact link): the crawl is
suspect and says why, in the crawl's own process, in the parse worker, again the next
time, and in a reparse. A site profile's read of a one-entry listing is trusted.
"""

import pytest
from conftest import FAST, cli, q

from crawler.site_server import DEMO_LISTING_PATH, SiteServer, demo_site_root

ABOUT = (
    "<!DOCTYPE html><html lang='en'><head><title>About us</title></head><body>"
    "<header><nav><a href='/'>Home</a></nav></header><main><h1>About us</h1>"
    "<p>The Centre supports workers and employers across the region with research, training and advice.</p>"
    "<p>Our team of twelve works from Vientiane and Bangkok.</p><h2>Contact</h2>"
    "<p><a href='/contact/index.htm'>Contact the Centre</a> for questions about our work.</p></main></body></html>"
)
# The same page with a second link inside a sentence: both "entries" are links in running text.
ABOUT_TWO_LINKS = ABOUT.replace("with research,", "with <a href='/research/index.htm'>research</a>,")
SAID_TWO = "yielded 2 entries (2 of them links in running text): this does not look like a listing page"
SAID = "its start page, read without a profile, yielded 1 entry: this does not look like a listing page"
ROUTES = {"in-process": [], "parse worker": ["-s", "PARSE_PROCESS_AFTER=0"]}


@pytest.fixture
def about_two_links(tmp_path):
    (tmp_path / "site" / "about").mkdir(parents=True)
    (tmp_path / "site" / "about" / "index.htm").write_text(ABOUT_TWO_LINKS)
    with SiteServer(tmp_path / "site") as site:
        yield site.base_url + "/about/index.htm"


@pytest.fixture
def about(tmp_path):
    (tmp_path / "site" / "about").mkdir(parents=True)
    (tmp_path / "site" / "about" / "index.htm").write_text(ABOUT)
    with SiteServer(tmp_path / "site") as site:
        yield site.base_url + "/about/index.htm"


@pytest.mark.parametrize("route", ROUTES)
def test_an_about_page_is_no_listing(tmp_path, about, route):
    db = tmp_path / "a.db"
    for _ in range(2):  # the second crawl too: a suspect crawl's page is never taken as unchanged (304)
        result = cli("crawl", "listing", "--db", db, "--start-url", about, *FAST, *ROUTES[route], check=5)
        assert SAID in result.stdout and "SUSPECT" in result.stdout
    assert q(db, "SELECT count(*) FROM crawls WHERE suspect = 1") == 2


def test_a_reparse_of_an_about_page_says_so_too(tmp_path, about):
    db = tmp_path / "a.db"
    cli("crawl", "listing", "--db", db, "--start-url", about, *FAST, check=5)
    out = cli("reparse", "--db", db, check=0).stdout
    assert SAID in out
    assert q(db, "SELECT suspect FROM crawls WHERE id = 2") == 1


def test_a_profiles_read_of_a_one_entry_listing_is_trusted(tmp_path):
    page = (demo_site_root() / "week1" / DEMO_LISTING_PATH.lstrip("/")).read_text()
    first = page.index('<li class="item">')
    rest = page.index('<li class="item">', first + 1)
    one = page[:rest] + page[page.rindex("</ol>") :]
    one = one[: one.index('<aside class="pagination">')] + one[one.index("</aside>") + len("</aside>") :]
    target = tmp_path / "site" / DEMO_LISTING_PATH.lstrip("/")
    target.parent.mkdir(parents=True)
    target.write_text(one)
    with SiteServer(tmp_path / "site") as site:
        result = cli("crawl", "ilo", "--db", tmp_path / "a.db", "--start-url", site.base_url + DEMO_LISTING_PATH, *FAST)
    assert result.returncode == 0, result.stdout
    assert q(tmp_path / "a.db", "SELECT entries FROM crawls") == 1


@pytest.mark.parametrize("route", ROUTES)
def test_an_about_page_with_two_inline_links_is_no_listing(tmp_path, about_two_links, route):
    """Two links in its sentences used to pass as a listing of 2 entries: COMPLETE, exit 0."""
    db = tmp_path / "a.db"
    result = cli("crawl", "listing", "--db", db, "--start-url", about_two_links, *FAST, *ROUTES[route], check=5)
    assert SAID_TWO in result.stdout and "SUSPECT" in result.stdout
    assert q(db, "SELECT entries FROM crawls") == 2  # stored all the same; nothing removed
    out = cli("reparse", "--db", db, check=0).stdout
    assert SAID_TWO in out


def test_a_two_entry_listing_in_paragraphs_is_still_a_listing(tmp_path):
    """Entries in <p> with a date before the link or a word after it are no running text."""
    (tmp_path / "site" / "news").mkdir(parents=True)
    (tmp_path / "site" / "news" / "index.htm").write_text(
        "<html lang='en'><body><main><h1>News</h1>"
        "<p>12 March 2024: <a href='/news/1.htm'>Wages rise across the region in 2024</a> (report)</p>"
        "<p>3 April 2024: <a href='/news/2.htm'>Decent work in the garment sector</a> (report)</p>"
        "</main></body></html>"
    )
    with SiteServer(tmp_path / "site") as site:
        result = cli(
            "crawl", "listing", "--db", tmp_path / "a.db", "--start-url", site.base_url + "/news/index.htm", *FAST
        )
    assert result.returncode == 0, result.stdout
    assert q(tmp_path / "a.db", "SELECT entries FROM crawls") == 2
