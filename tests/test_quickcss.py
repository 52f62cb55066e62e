"""crawler.extract.quickcss answers CSS selections without XPath: the same elements, in the
same order, as lxml's CSSSelector, on every fixture page, from the page and from inside it.
And html.raw_text, which reads a parsed page's text in one libxml2 call, reads what itertext does;
pagination._rel_next finds the rel=next links its XPath found."""

from __future__ import annotations

import tomllib

import lxml.html
import pytest
from conftest import ROOT
from lxml import etree

from crawler.extract.html import _PARSER, _compiled, dropped_elements, forget_texts, parse_html, raw_text, select
from crawler.extract.pagination import _rel_next
from crawler.extract.quickcss import plan

PAGES = sorted((ROOT / "tests/fixtures/pages").glob("*.html")) + sorted((ROOT / "tests/fixtures/real").glob("*.html"))
PLAIN = [
    "li.item",
    ".item-title a, .item-title",
    "div.page-title h1, #content h1",
    "aside.pagination a, .pagination a",
    "aside.pagination li.next a",
    "h2.items-group, h3.items-group, h4.items-group",
    "ul > li > a",
    "div a",
    "div > a, ul li",
    "article h2 a",
    "*",
    "body *",
    "DIV.Content",
    "#content",
    "div#main p",
    "p.a.b",
    "li li",
    "div div a",
    "ul li a",
    "ul ul > li a",
    "h1, h2, h3",
    "a, a",
    "a[rel=next]",
    "main, [role=main]",
    ".pagination a[rel=next]",
    "a[href]",
    "img[ALT]",
    'input[type="text"]',
    'a[title=""]',
    "div[id] > a[href][rel=next]",
]
NOT_PLAIN = ["a[rel~=next]", "a[rel=next i]", "li:first-child", "a + b", "a ~ b", "svg|a", "p::text"]


def _profile_selectors() -> list[str]:
    found = []
    for path in sorted((ROOT / "crawler/profiles").glob("*.toml")):
        found += tomllib.loads(path.read_text()).get("selectors", {}).values()
    return found


def test_plain_selectors_are_planned_and_others_left_to_xpath():
    assert all(plan(s) is not None for s in PLAIN)
    assert all(plan(s) is None for s in NOT_PLAIN)


def test_a_candidate_list_is_taken_whole_only_when_it_holds_nothing_but_matches():
    """The index takes a compound's candidates (by its first id, else first class, else tag) without asking each
    element only when the compound tests nothing more (thirteenth pass of docs/benchmarks.md): every other test of
    an id, class, tag or attribute is still asked of each candidate."""
    page = (
        b'<html><body><div id="x" class="c"><p id="x" class="c d">1</p><a class="c" rel="next">2</a>'
        b'<a class="d">3</a><span class="c">4</span><i id="y">5</i></div></body></html>'
    )
    root = parse_html(page, base_url="https://example.org/")
    for selector in ("#x", ".c", "a", "#x.c", "p#x", "#x#y", ".c.d", "a.c", "span.c", "a[rel=next]", "a[rel]", "*"):
        assert select(root, selector) == _compiled(selector)(root), selector
    taken_whole = {
        s for s in ("#x", ".c", "a", "*", "#x.c", "a.c", ".c.d", "a[rel]") if plan(s)[0][0].all_candidates_match
    }
    assert taken_whole == {"#x", ".c", "a", "*"}


@pytest.mark.parametrize("path", PAGES[::4], ids=lambda p: p.stem)
def test_same_elements_as_xpath(path):
    root = parse_html(path.read_bytes(), base_url="https://example.org/")
    elements = list(root.iter())
    contexts = [root] + elements[:: max(1, len(elements) // 25)]
    for selector in PLAIN + _profile_selectors():
        xpath = _compiled(selector)
        for context in contexts:
            assert select(context, selector) == xpath(context), (selector, context)


def test_attribute_tests_as_xpath_reads_them():
    page = (
        b"<html><body><div role='main' id='m'><a rel='next' href='/2'>2</a><a rel='Next' href='/n'>n</a>"
        b"<a REL='next'>x</a><a rel='next prev' href='/p'>p</a><a title='' href='/t'>t</a><a>none</a></div>"
        b"<nav class='pagination'><a rel='next' href='/3'>3</a></nav><img alt='A'><input type='text'></body></html>"
    )
    root = parse_html(page, base_url="https://example.org/")
    for selector in PLAIN:
        assert select(root, selector) == _compiled(selector)(root), selector
    assert [a.get("href") for a in select(root, "a[rel=next]")] == ["/2", None, "/3"]


def test_moved_elements_fall_back_to_xpath():
    root = parse_html(b"<html><body><div class='a'><p class='b'>x</p></div><p class='b'>y</p></body></html>")
    p = select(root, "p.b")[1]
    select(root, "div.a")[0].append(p)  # moved, as the flat extractor does, then told
    forget_texts()
    assert select(root, "div.a p.b") == _compiled("div.a p.b")(root) and len(select(root, "div.a p.b")) == 2


@pytest.mark.parametrize("path", PAGES[1::4], ids=lambda p: p.stem)
def test_raw_text_is_itertext(path):
    root = parse_html(path.read_bytes(), base_url="https://example.org/")
    for el in root.iter():
        assert raw_text(el) == "".join(el.itertext()), el


DROPPED = etree.XPath("|".join(f"//{t}" for t in ("script", "style", "noscript", "template", "svg", "iframe")))


def test_dropped_elements_as_the_xpath_finds_them():
    """parse_html finds what it drops (script, style, svg...) in one walk: the elements the XPath union found."""
    page = (
        b"<p>x</p><script>1</script><div><svg><style>a{}</style></svg><iframe></iframe></div>"
        b"<template><p>t</p></template><noscript>n</noscript><SCRIPT>2</SCRIPT>"
    )
    for body in [page] + [p.read_bytes() for p in PAGES]:
        root = lxml.html.fromstring(body, parser=_PARSER)
        assert dropped_elements(root) == DROPPED(root)
    assert len(dropped_elements(lxml.html.fromstring(page, parser=_PARSER))) == 7


REL_NEXT = etree.XPath("//a[contains(concat(' ', normalize-space(@rel), ' '), ' next ')] | //link[@rel='next']")


def test_rel_next_links_as_the_xpath_finds_them():
    page = (
        b"<html><head><link rel='next' href='/h'><link rel='next prev' href='/x'></head><body>"
        b"<a rel=' nofollow\tnext ' href='/2'>2</a><a rel='Next' href='/n'>n</a><a rel='nextpage'>x</a>"
        b"<p><a rel='next' href='/3'>3</a><link rel='next' href='/b'></p></body></html>"
    )
    for body in [page] + [p.read_bytes() for p in PAGES]:
        root = parse_html(body, base_url="https://example.org/")
        assert _rel_next(root) == REL_NEXT(root)


@pytest.mark.parametrize("path", PAGES[2::4], ids=lambda p: p.stem)
def test_a_scope_selections_first_per_entry_is_the_entrys_own_first(path):
    """scoped.PerEntry.first, for a selector whose matches depend on where the query starts, tells which
    of the scope's matches an entry's own selection keeps (html.matches_under) instead of selecting again:
    the same element as first(entry, selector), including a match the scope finds through an element
    outside the entry ("div a" from the page: a link in a list inside a div, but not from the list item)."""
    from crawler.extract.html import first
    from crawler.extract.scoped import PerEntry

    root = parse_html(path.read_bytes(), base_url="https://example.org/")
    nodes = [el for el in root.iter("li", "article", "tr", "div") if isinstance(el.tag, str)]
    for selector in ["div a", ".item-title a, .item-title", "li a, h3", "ul > li a", "div p, a", "article h2 a"]:
        part = PerEntry(root, nodes, selector)
        assert not part.exact
        for node in nodes:
            assert part.first(node) is first(node, selector), (selector, node)
            assert part.first(node) is first(node, selector), (selector, node)  # asked again: kept, the same
