"""reparse reads relative dates ("3 days ago") against when the page was captured, not today."""

from __future__ import annotations

import sqlite3

from conftest import FAST, cli

from crawler.site_server import SiteServer


def test_relative_dates_count_back_from_the_capture(tmp_path):
    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    items = "".join(
        f'<li><h3><a href="/news/{i}.html">Story number {i} about wages</a></h3>'
        f'<span class="date">{i} days ago</span></li>'
        for i in range(2, 6)
    )
    (root / "news" / "index.htm").write_text(
        f'<html lang="en"><body><main><h1>News</h1><ul>{items}</ul></main></body></html>'
    )
    db = tmp_path / "a.db"
    with SiteServer(root) as site:
        cli("crawl", "listing", "--db", db, "--start-url", site.base_url + "/news/", *FAST, check=0)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE captures SET fetched_at = '2024-05-10T12:00:00+00:00'")
    conn.close()
    cli("reparse", "--db", db, check=0)
    with sqlite3.connect(db) as conn:
        dates = dict(conn.execute("SELECT title, date_start FROM entries"))
    conn.close()
    assert dates["Story number 3 about wages"] == "2024-05-07"
