"""Makes tests/schema5/archive.sql: an archive of schema 5 made by the release before schema 6 (commit 84a5bc3),
whose listing's links carry a session id new on each crawl (';jsessionid=') and an S3 pre-signed query, crawled twice;
with "events", tests/schema5/in_page.sql: a listing whose entries link into the page itself with a session id.
Run it from a checkout of that release: `PYTHONPATH=. python /path/to/tests/schema5/build.py /path/to/archive.sql`
(`... build.py /path/to/in_page.sql events`)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from crawler.site_server import SiteServer

SESSIONS = ["0A1B2C3D4E5F60718293A4B5C6D7E8F9", "FFEEDDCCBBAA00998877665544332211"]


def signed(day: int) -> str:
    """An S3 pre-signed query, signed on `day` (as HTML: its '&' written '&amp;')."""
    return (
        f"?X-Amz-Algorithm=AWS4-HMAC-SHA256&amp;X-Amz-Credential=AKIAEXAMPLE%2F202612{day:02}%2Fus-east-1%2Fs3"
        f"%2Faws4_request&amp;X-Amz-Date=202612{day:02}T000000Z&amp;X-Amz-Expires=3600&amp;X-Amz-Signature={day:064x}"
    )


def news(session: str, day: int) -> str:
    """Four news items whose links carry `session`, and two reports whose links are signed on `day`."""
    items = "".join(
        f"<li><a href='/news/item-{i}.html;jsessionid={session}'>Council approves budget item {i}</a> "
        f"<span>{i} March 2026</span><p>Summary of item {i} for readers.</p></li>\n"
        for i in range(1, 5)
    )
    items += "".join(
        f"<li><a href='/files/report-{i}.pdf{signed(day)}'>Annual report part {i}</a> "
        f"<span>{i} April 2026</span><p>Part {i} of the annual report.</p></li>\n"
        for i in range(1, 3)
    )
    return f"<html lang='en'><body><h1>News</h1><ul class='news'>\n{items}</ul><footer>Contact</footer></body></html>"


def events(session: str, day: int) -> str:
    """Three talks shown in full on the listing, each linked to its place on the page with `session` (`day` unused)."""
    items = "".join(
        f"<li id='event-{i}'><a href='index.html;jsessionid={session}#event-{i}'>Public talk on topic {i}</a> "
        f"<span>{i} May 2026</span><p>The speaker on topic {i} and where to sit.</p></li>\n"
        for i in range(1, 4)
    )
    return (
        f"<html lang='en'><body><h1>Events</h1><ul class='events'>\n{items}</ul><footer>Contact</footer></body></html>"
    )


def main(out: str, page=news) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site, db = Path(tmp) / "site", Path(tmp) / "a.db"
        (site / "news").mkdir(parents=True)
        with SiteServer(site) as server:
            for day, session in enumerate(SESSIONS, start=1):
                (site / "news" / "index.html").write_text(page(session, day))
                url = f"{server.base_url}/news/index.html"
                args = ["crawl", "listing", "--db", str(db), "--start-url", url, "-s", "LOG_LEVEL=WARNING"]
                done = subprocess.run([sys.executable, "-m", "archive.cli", *args], capture_output=True, text=True)
                print(done.stdout, end="")
        with sqlite3.connect(db) as conn:
            for name in ("entries_fts_ai", "entries_fts_ad", "entries_fts_au"):  # the search index is made again when
                conn.execute(f"DROP TRIGGER {name}")  # the dump is loaded (iterdump cannot write an FTS5 table)
            conn.execute("DROP TABLE entries_fts")
            Path(out).write_text("\n".join(conn.iterdump()) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], events if sys.argv[2:] == ["events"] else news)
