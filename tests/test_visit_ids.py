"""Per-visit parts of a link (crawler/parsers/ids.py `without_visit_ids`; docs/schema.md, "What identifies an
entry"): a session id a site writes into its links for a visitor without its cookie (';jsessionid=', '?PHPSESSID='),
or a signature made for each visit (an S3 pre-signed link), is no part of an entry's id nor of its stored `url`, so an
unchanged listing crawled again is unchanged. Found by stranger29 (each crawl 'new 10, removed 10'); an archive made
by the release before (tests/schema5/, made by its build.py) migrates without an entry removed."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from pathlib import Path

import pytest
from conftest import FAST, cli, q

from archive.store import Archive
from archive.visit_ids import migrate_5_to_6
from crawler.parsers.ids import canonical_url, entry_id, tell_apart, told_apart_id, without_visit_ids
from crawler.site_server import SiteServer

SCHEMA5 = Path(__file__).resolve().parent / "schema5"
S3 = (
    "https://bucket.s3.amazonaws.com/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F"
    "20261201%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261201T000000Z&X-Amz-Expires=3600&X-Amz-Signature=9f3a"
)


@pytest.mark.parametrize(
    ("link", "read"),
    [
        ("https://a.org/news/a.html;jsessionid=0A1B2C3D4E5F", "https://a.org/news/a.html"),
        ("https://a.org/news/a.html;JSESSIONID=0A1B?id=3#top", "https://a.org/news/a.html?id=3#top"),
        ("https://a.org/a.php?id=3&PHPSESSID=9v2k4l1m0n", "https://a.org/a.php?id=3"),
        ("https://a.org/a.php?PHPSESSID=9v2k4l1m0n", "https://a.org/a.php"),
        ("https://a.org/shop?zenid=abc&cat=2&CFID=1&CFTOKEN=2", "https://a.org/shop?cat=2"),
        ("https://a.org/a?sid=0a1b2c3d4e5f60718293&page=2", "https://a.org/a?page=2"),
        # A query whose pairs are split by ";" (stranger30): the session id goes, the pairs beside it stay.
        ("https://a.org/item?id=7;jsessionid=0A1B2C3D4E5F6A7B", "https://a.org/item?id=7"),
        ("https://a.org/item?jsessionid=0A1B;id=7&b=2", "https://a.org/item?id=7&b=2"),
        ("https://a.org/q?x=a;b&PHPSESSID=9v2k4l1m0n", "https://a.org/q?x=a;b"),
        (S3, "https://bucket.s3.amazonaws.com/report.pdf"),
        ("https://a.org/f.pdf?AWSAccessKeyId=AKIA&Expires=1767225600&Signature=abc%3D", "https://a.org/f.pdf"),
        (
            "https://g.org/f?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Date=1&X-Goog-Signature=ab&v=2",
            "https://g.org/f?v=2",
        ),
        # Left whole: a story id, a programme's session, an expiry with no signature beside it, a plain link.
        ("https://a.org/article.pl?sid=06/01/01/1234", "https://a.org/article.pl?sid=06/01/01/1234"),
        ("https://a.org/a?sid=42", "https://a.org/a?sid=42"),
        ("https://a.org/agenda?session=morning", "https://a.org/agenda?session=morning"),
        ("https://a.org/offers?Expires=2026-12-31&id=1", "https://a.org/offers?Expires=2026-12-31&id=1"),
        ("https://a.org/a;v=2/b.html", "https://a.org/a;v=2/b.html"),
        ("https://a.org/news/a.html", "https://a.org/news/a.html"),
    ],
)
def test_a_links_per_visit_parts_are_read_apart(link, read):
    assert without_visit_ids(link) == read


def test_an_entrys_id_is_its_link_without_a_session_id_or_signature():
    listing = "https://a.org/news/"
    plain = entry_id("https://a.org/news/a.html", "A", listing)
    assert entry_id("https://a.org/news/a.html;jsessionid=0A1B2C", "A", listing) == plain
    assert entry_id("http://www.a.org/news/a.html?PHPSESSID=9v2k4l1m0n", "A", listing) == plain
    assert canonical_url(S3) == canonical_url(S3.replace("9f3a", "77e0").replace("20261201", "20261202"))
    # A listing's own address is hashed as written before: an entry without a link keeps its id.
    listing = "https://a.org/shop?cat=2&zenid=a1b2c3"
    assert entry_id(None, "A", listing) == "sha1:" + hashlib.sha1(f"a\n{listing}".encode()).hexdigest()[:20]


def test_a_session_id_after_the_query_mark_leaves_the_entry_id():
    """Found attacking issue 20 (stranger30): ";jsessionid=" inside a query that uses ";" between its pairs stayed in
    the entry id, so every visit's new session id made every entry new."""
    listing = "https://a.org/news"
    first = entry_id("https://a.org/item?id=7;jsessionid=0A1B2C3D4E5F6A7B", "Budget", listing)
    second = entry_id("https://a.org/item?id=7;jsessionid=9F8E7D6C5B4A3F2E", "Budget", listing)
    assert first == second == entry_id("https://a.org/item?id=7", "Budget", listing)
    assert "0A1B2C3D4E5F6A7B" not in first


def _news(count: int, session: str = "") -> str:
    """`count` linked news items, each link followed by `session`."""
    items = "".join(
        f"<li><a href='/news/item-{i}.html{session}'>Council approves budget item {i}</a> <span>{i} March 2026</span>"
        f"<p>Summary of item {i} for readers.</p></li>\n"
        for i in range(1, count + 1)
    )
    return f"<html lang='en'><body><h1>News</h1><ul class='news'>\n{items}</ul><footer>Contact</footer></body></html>"


def _signed(day: int) -> str:
    """An S3 pre-signed link's query, signed on `day` (a new one each time the page is built)."""
    return (
        f"?X-Amz-Algorithm=AWS4-HMAC-SHA256&amp;X-Amz-Credential=AKIAEXAMPLE%2F202612{day:02}%2Fus-east-1%2Fs3"
        f"%2Faws4_request&amp;X-Amz-Date=202612{day:02}T000000Z&amp;X-Amz-Expires=3600&amp;X-Amz-Signature={day:064x}"
    )


@pytest.mark.parametrize(
    "sessions",
    [
        (";jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9", ";jsessionid=FFEEDDCCBBAA00998877665544"),
        ("?PHPSESSID=9v2k4l1m0n8b7v6c5x4z", "?PHPSESSID=q1w2e3r4t5y6u7i8o9p0"),
        (_signed(1), _signed(2)),
    ],
    ids=["jsessionid", "phpsessid", "s3-presigned"],
)
def test_links_carrying_a_session_id_keep_their_entries(tmp_path, sessions):
    (tmp_path / "site" / "news").mkdir(parents=True)
    page = tmp_path / "site" / "news" / "index.html"
    said = []
    with SiteServer(tmp_path / "site") as site:
        for session in ("", *sessions):
            page.write_text(_news(10, session))
            url = f"{site.base_url}/news/index.html"
            said.append(cli("crawl", "listing", "--db", tmp_path / "a.db", "--start-url", url, *FAST, check=0).stdout)
    assert "new 10" in said[0], said[0]
    assert all("new 0, changed 0, removed 0" in done for done in said[1:]), said[1:]
    assert q(tmp_path / "a.db", "SELECT count(*) FROM entries") == 10
    with sqlite3.connect(tmp_path / "a.db") as db:  # no session id nor signature is stored, anywhere but the pages
        assert not [line for line in db.iterdump() if re.search("jsessionid|PHPSESSID|X-Amz-Sig", line)]


def test_an_archive_keyed_by_session_ids_migrates_and_removes_nothing(tmp_path):
    """tests/schema5/archive.sql: 4 news links with ';jsessionid=' and 2 S3 pre-signed links, crawled twice by the
    release before (so 'new 6, removed 6': 12 entries, 6 of them removed copies). Read now, a third visit (a new
    session, a new signature) finds the 6 listed entries, under their links without per-visit parts."""
    (tmp_path / "site" / "news").mkdir(parents=True)
    db = tmp_path / "a.db"
    with SiteServer(tmp_path / "site") as site:
        dump = (SCHEMA5 / "archive.sql").read_text(encoding="utf-8")
        with sqlite3.connect(db) as conn:
            port = site.base_url.rsplit(":", 1)[1]  # the dump's site served where this one is
            conn.executescript(re.sub(r"(?<=//127\.0\.0\.1:)\d+", port, dump))
        conn.close()
        with Archive(db):  # a writer migrates
            pass
        assert q(db, "SELECT count(*) FROM entries") == 12  # no row dropped
        assert q(db, "SELECT count(*) FROM entries WHERE status = 'listed' AND entry_id LIKE '%jsessionid%'") == 0
        with sqlite3.connect(db) as stored:  # no per-visit token left in a stored link, an entry's or a version's
            links = stored.execute(
                "SELECT url, image_url FROM entries UNION ALL SELECT url, image_url FROM entry_versions"
            )
            assert not [link for link in links if re.search("jsessionid|X-Amz-Sig", str(link))]
        stored.close()
        news = _news(4, ";jsessionid=0123456789ABCDEF0123").replace("</ul>", "")
        reports = "".join(
            f"<li><a href='/files/report-{i}.pdf{_signed(3)}'>Annual report part {i}</a> <span>{i} April 2026</span>"
            f"<p>Part {i} of the annual report.</p></li>\n"
            for i in range(1, 3)
        )
        (tmp_path / "site" / "news" / "index.html").write_text(news.replace("<footer>", f"{reports}</ul><footer>"))
        url = f"{site.base_url}/news/index.html"
        done = cli("crawl", "listing", "--db", db, "--start-url", url, *FAST, check=0).stdout
    assert "entries 6: new 0, changed 0, removed 0" in done, done  # schema 7: the stored links lost their tokens too
    assert q(db, "SELECT count(*) FROM entries WHERE status = 'listed'") == 6
    assert q(db, "SELECT count(*) FROM entries") == 12


def _load(dump: str, db: Path, base_url: str) -> None:
    """A schema 5 archive from `dump`, its site served at `base_url`, migrated by a writer."""
    with sqlite3.connect(db) as conn:
        port = base_url.rsplit(":", 1)[1]  # the dump's site served where this one is
        conn.executescript(re.sub(r"(?<=//127\.0\.0\.1:)\d+", port, (SCHEMA5 / dump).read_text(encoding="utf-8")))
    conn.close()
    with Archive(db):
        pass


def test_an_in_page_entry_with_a_session_id_migrates_to_the_id_the_crawl_gives_it(tmp_path):
    """Found attacking issue 20 (stranger30): tests/schema5/in_page.sql holds 3 talks linked into their listing with
    ';jsessionid=' ('index.html;jsessionid=X#event-1'), keyed by that link and a digest in schema 5, crawled twice
    (3 listed, 3 removed). The migration renamed them 'index.html#digest' where the crawl now keys them `sha1:` of
    title and listing: the next crawl found 'new 3, removed 3'. Now it finds the 3 it holds."""
    (tmp_path / "site" / "news").mkdir(parents=True)
    db = tmp_path / "a.db"
    with SiteServer(tmp_path / "site") as site:
        _load("in_page.sql", db, site.base_url)
        assert q(db, "SELECT count(*) FROM entries WHERE status = 'listed' AND entry_id LIKE 'sha1:%'") == 3
        items = "".join(
            f"<li id='event-{i}'><a href='index.html;jsessionid=0123456789ABCDEF#event-{i}'>Public talk on topic {i}"
            f"</a> <span>{i} May 2026</span><p>The speaker on topic {i} and where to sit.</p></li>\n"
            for i in range(1, 4)
        )
        page = f"<html lang='en'><body><h1>Events</h1><ul class='events'>\n{items}</ul><footer>Contact</footer></body>"
        (tmp_path / "site" / "news" / "index.html").write_text(page + "</html>")
        url = f"{site.base_url}/news/index.html"
        done = cli("crawl", "listing", "--db", db, "--start-url", url, *FAST, check=0).stdout
    assert "entries 3: new 0, changed 0, removed 0" in done, done  # before schema 7: "changed 3", the stored links
    assert q(db, "SELECT count(*) FROM entries") == 6


def test_in_page_entries_of_one_title_keep_the_digest_the_crawl_gives_them():
    """Two evenings of one talk linked into their listing: the crawl keys both `sha1:` of title and listing and tells
    them apart by date; the migration gives each that id, as `tell_apart` does, and a lone talk no digest."""
    listing = "https://a.org/events"
    shown = [("Talk", "2026-05-01"), ("Talk", "2026-05-02"), ("Other", "2026-05-03")]
    now = [
        {"entry_id": entry_id(f"{listing};jsessionid=ABC123#e{n}", title, listing), "title": title, "date_start": day}
        for n, (title, day) in enumerate(shown)
    ]
    tell_apart(now)
    renamed = {
        told_apart_id(f"{listing};jsessionid=ABC123", t, d): f"{listing};jsessionid=ABC123#e{n}"
        for n, (t, d) in enumerate(shown)
    }
    conn = sqlite3.connect(":memory:")
    conn.executescript(
        "CREATE TABLE entries (entry_id TEXT PRIMARY KEY, url TEXT, title TEXT, last_crawl INTEGER);"
        "CREATE TABLE sightings (crawl_id INTEGER, entry_id TEXT, listing_url TEXT);"
        "CREATE TABLE entry_versions (entry_id TEXT); CREATE TABLE status_events (entry_id TEXT);"
    )
    for (old, url), (title, _) in zip(renamed.items(), shown, strict=True):
        conn.execute("INSERT INTO entries VALUES (?, ?, ?, 1)", (old, url, title))
        conn.execute("INSERT INTO sightings VALUES (1, ?, ?)", (old, listing))
    migrate_5_to_6(conn)
    assert sorted(r[0] for r in conn.execute("SELECT entry_id FROM entries")) == sorted(e["entry_id"] for e in now)
