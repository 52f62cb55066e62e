"""A site that ignores its page parameter: page 2 answers with page 1's entries.

The crawl read page 1's ten entries twice and page 2's four not at all: the listing is
incomplete, it says why, and nothing is removed. Both ways a page is parsed are walked.
"""

import pytest
from helpers import PARSE_ROUTES
from unattended import PAGE2, crawl_demo, healthy

from crawler.site_server import DEMO_LISTING_PATH


@pytest.mark.parametrize("route", PARSE_ROUTES)
def test_a_page_repeating_page_one_makes_the_listing_partial(db, site, route):
    page_one = (site.page_root / DEMO_LISTING_PATH.lstrip("/")).read_text()
    (site.page_root / PAGE2.lstrip("/")).write_text(page_one)
    result = crawl_demo(db, site, *PARSE_ROUTES[route], check=3)
    assert "PARTIAL" in result.stdout
    assert "lists only entries already read on an earlier page (the site ignores the page parameter?)" in result.stdout
    healthy(db)  # page 2's four entries were not read, and are not removed


def test_a_listing_read_whole_is_not_taken_for_a_repeat(db, site):
    result = crawl_demo(db, site, check=0)
    assert "already read on an earlier page" not in result.stdout
