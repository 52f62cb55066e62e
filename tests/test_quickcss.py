"""crawler.extract.quickcss answers CSS selections without XPath: the same elements, in the
same order, as lxml's CSSSelector, on every fixture page, from the page and from inside it."""

from __future__ import annotations

import tomllib

import pytest
from conftest import ROOT

from crawler.extract.html import _compiled, forget_texts, parse_html, select
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
    "ul ul > li a",
    "h1, h2, h3",
    "a, a",
]
NOT_PLAIN = ["a[rel=next]", "li:first-child", "a + b", "a ~ b", "main, [role=main]", "svg|a", "p::text"]


def _profile_selectors() -> list[str]:
    found = []
    for path in sorted((ROOT / "crawler/profiles").glob("*.toml")):
        found += tomllib.loads(path.read_text()).get("selectors", {}).values()
    return found


def test_plain_selectors_are_planned_and_others_left_to_xpath():
    assert all(plan(s) is not None for s in PLAIN)
    assert all(plan(s) is None for s in NOT_PLAIN)


@pytest.mark.parametrize("path", PAGES[::4], ids=lambda p: p.stem)
def test_same_elements_as_xpath(path):
    root = parse_html(path.read_bytes(), base_url="https://example.org/")
    elements = list(root.iter())
    contexts = [root] + elements[:: max(1, len(elements) // 25)]
    for selector in PLAIN + _profile_selectors():
        xpath = _compiled(selector)
        for context in contexts:
            assert select(context, selector) == xpath(context), (selector, context)


def test_moved_elements_fall_back_to_xpath():
    root = parse_html(b"<html><body><div class='a'><p class='b'>x</p></div><p class='b'>y</p></body></html>")
    p = select(root, "p.b")[1]
    select(root, "div.a")[0].append(p)  # moved, as the flat extractor does, then told
    forget_texts()
    assert select(root, "div.a p.b") == _compiled("div.a p.b")(root) and len(select(root, "div.a p.b")) == 2
