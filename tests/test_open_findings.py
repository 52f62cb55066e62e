"""Strict xfails for bugs found and not yet fixed; each moves to its component's test file when fixed."""

from __future__ import annotations

import pytest
from conftest import FAST, cli, q

from crawler.site_server import SiteServer

# -- stranger29: a stranger's walk over pages cut short, across crawl routes -----------------------------------------


def _council_news(count: int, first: int = 1, pager: str = "") -> str:
    """A page of `count` linked news items from number `first`, one <li> a line, then `pager`; its HTML closed."""
    items = "".join(
        f"<li><a href='/news/item-{i}.html'>Council approves budget item {i}</a> <span>{i} March 2026</span>"
        f"<p>Summary of item {i} for readers.</p></li>\n"
        for i in range(first, first + count)
    )
    body = f"<h1>News</h1><ul class='news'>\n{items}</ul>{pager}<footer>Contact</footer>"
    return f"<html lang='en'><body>{body}</body></html>"


@pytest.mark.xfail(
    strict=True,
    reason="A start page the server cut short (a PHP fatal error midway: 200, whole Content-Length, no </ul>, "
    "</body> or </html>, where its last capture closed) is read as the whole listing: a one-page listing of 10 "
    "crawls COMPLETE 'changed 1, removed 4' (the last title cut: 'Council approves budget item nu'); whole_page "
    "judges later pages only (docs/failures.md), so nothing guards the first.",
)
def test_a_start_page_cut_short_removes_nothing(tmp_path):
    (tmp_path / "site" / "news").mkdir(parents=True)
    page = tmp_path / "site" / "news" / "index.html"
    whole = _council_news(10)
    said = []
    with SiteServer(tmp_path / "site") as site:
        for body in (whole, whole[: len(whole) * 55 // 100]):
            page.write_text(body)
            url = f"{site.base_url}/news/index.html"
            said.append(cli("crawl", "listing", "--db", tmp_path / "a.db", "--start-url", url, *FAST, check=0).stdout)
    assert "removed 0" in said[1] and "changed 0" in said[1], said[1]
    assert q(tmp_path / "a.db", "SELECT count(*) FROM entries WHERE status = 'removed'") == 0


@pytest.mark.xfail(
    strict=True,
    reason="The first of two pages cut short (200, no pager, no </html>, half its entries) is read as a whole "
    "one-page listing: COMPLETE, not even SUSPECT, 'pages 1 ... removed 9' of 12 (page 2 never fetched). The "
    "health check takes a last page less than full for a listing that ended, and nothing judges the first page.",
)
def test_the_first_of_two_pages_cut_short_removes_nothing(tmp_path):
    (tmp_path / "site" / "news").mkdir(parents=True)
    first = _council_news(6, pager="<a href='/news/page2.html' rel='next'>Next page</a>")
    second = _council_news(6, first=7, pager="<a href='/news/index.html' rel='prev'>Previous page</a>")
    (tmp_path / "site" / "news" / "page2.html").write_text(second)
    said = []
    with SiteServer(tmp_path / "site") as site:
        for body in (first, first[: len(first) // 2]):
            (tmp_path / "site" / "news" / "index.html").write_text(body)
            url = f"{site.base_url}/news/index.html"
            said.append(cli("crawl", "listing", "--db", tmp_path / "a.db", "--start-url", url, *FAST, check=0).stdout)
    assert "pages 2, entries 12: new 12" in said[0], said[0]
    assert "removed 0" in said[1], said[1]
    assert q(tmp_path / "a.db", "SELECT count(*) FROM entries WHERE status = 'removed'") == 0
