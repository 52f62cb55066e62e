"""crawler.extract.pagination.page_number: the page's number as the page states it, in any case."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.extract.html import parse_html
from crawler.extract.pagination import _OF_PAGES, find_page_links, page_number


@pytest.mark.parametrize(
    ("shown", "number"),
    [
        ("Page 3 of 20", 3),
        ("PAGE 4 OF 20", 4),
        ("Página 2 de 5", 2),
        ("PÁGINA 7 DE 9", 7),
        ("page 5 sur 9", 5),
        ("Pagına 6 de 8", None),  # a dotless i: the regex is asked, and it does not read "Página"
        ("PAGİNA 6 de 8", None),
        ("Pages 3 of 20", None),
        ("Homepage 3 of 20", None),
        ("3 of 20", None),
    ],
)
def test_page_number_from_the_page_in_any_case(shown, number):
    root = parse_html(f"<html><body><ul><li>one</li><li><a href='/x'>x</a></li></ul><p>{shown}</p></body></html>")
    assert page_number(root, "http://example.org/list") == number


@pytest.mark.parametrize(
    ("body", "number"),
    [
        ("<p>Page</p><p>3 of 20</p>", None),  # no element states it whole
        ("<p>Page 3</p><p>of 20</p>", None),
        ("<li>Page of us</li><li>a page 2 of</li><strong>Page 4 of 9</strong><span>Page 5 of 9</span>", 4),
        ("<div>Results <b>x</b> Page 6 of 9</div>", None),  # an element's own text, before its first child, only
    ],
)
def test_page_number_is_the_first_element_stating_it_whole(body, number):
    assert page_number(parse_html(f"<html><body>{body}</body></html>"), "http://example.org/list") == number


_OF_PAGES_AS_WRITTEN = re.compile(r"\b(?:page|página)\s+(\d+)\s+(?:of|de|sur)\s+\d+", re.IGNORECASE)
_PAGE_TEXT = st.lists(
    st.sampled_from(["page", "Page", "PAGE", "pAgE", "página", "PÁGINA", "pagina", "p", "P", "x", "_", "é", "ſ"])
    | st.sampled_from([" ", "  ", "\n", "\xa0", "1", "20", " of ", " OF ", " de ", " sur ", " SUR ", " ſur ", "of"]),
    max_size=12,
).map("".join)


@settings(max_examples=400)
@given(_PAGE_TEXT)
def test_of_pages_written_for_speed_matches_as_first_written(text):
    fast, plain = _OF_PAGES.search(text), _OF_PAGES_AS_WRITTEN.search(text)
    assert (fast and (fast.span(), fast.group(1))) == (plain and (plain.span(), plain.group(1))), text


def test_each_entrys_more_link_is_no_next_page():
    # Every entry's own "More" link (the profile docs' `link = "a.more"`) is a link to the entry, not a
    # listing page: followed as pages, a crawl would fetch every entry as if it were a listing.
    item = '<div class="item"><h3>Report {0}</h3><a class="more" href="/n/{0}">More</a></div>'
    items = "".join(item.format(i) for i in range(3))
    root = parse_html(f'<html><body>{items}<a href="?page=2">Next</a></body></html>')
    assert find_page_links(root, "https://example.org/news/") == ["https://example.org/news/?page=2"]


def test_a_single_more_link_is_still_the_next_page():
    root = parse_html('<html><body><div class="item"><h3>Report</h3></div><a href="/news/2">More</a></body></html>')
    assert find_page_links(root, "https://example.org/news/") == ["https://example.org/news/2"]
