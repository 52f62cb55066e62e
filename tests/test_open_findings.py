"""Strict xfails for bugs found and not yet fixed; each moves to its component's test file when fixed."""

from __future__ import annotations

import pytest
from conftest import FAST, cli, q

from crawler.site_server import SiteServer

# -- stranger27: a stranger's walk beside the main paths (-o onto a missing folder, empty --db) ---------------------


def _redirect_to(location: str):
    """A SiteServer fault that answers 302 to `location`."""

    def send(handler):
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
        return True

    return send


@pytest.mark.xfail(
    strict=True,
    reason="A listing page that redirects off the start hosts to 'http://bob:hunter2@elsewhere.example/x?token=s3cr3t' "
    "fails the listing (right: nothing removed), but its note stores the token raw in crawls.note ('?token=s3cr3t', "
    "while the summary prints 'token=***'), and the password 'hunter2' is printed in the summary's 'why:', the log "
    "and stored in the note. docs/failures.md and crawling.md: a URL's password and a ?token= are never stored, "
    "logged or printed (kept as token=***).",
)
def test_a_redirect_away_to_an_address_with_secrets_stores_and_prints_none(tmp_path):
    (tmp_path / "site" / "list").mkdir(parents=True)
    reports = "".join(f"<article><h2><a href='/item/{i}.html'>Report {i} on wages</a></h2></article>" for i in range(4))
    (tmp_path / "site" / "list" / "r.html").write_text(f"<html lang=en><body><main>{reports}</main></body></html>")
    db = tmp_path / "a.db"
    with SiteServer(tmp_path / "site") as site:
        url = f"{site.base_url}/list/r.html"
        assert cli("crawl", "listing", "--db", db, "--start-url", url, *FAST).returncode == 0
        site.faults["/list/r.html"] = _redirect_to("http://bob:hunter2@elsewhere.example/x?token=s3cr3t")
        done = cli("crawl", "listing", "--db", db, "--start-url", url, *FAST)
    assert done.returncode != 0 and "off the start hosts" in done.stdout, done.stdout
    assert q(db, "SELECT count(*) FROM entries WHERE status = 'removed'") == 0
    note = q(db, "SELECT note FROM crawls WHERE id = 2")
    for secret in ("hunter2", "s3cr3t"):
        assert secret not in note and secret not in done.stdout + done.stderr, (note, done.stdout[-600:])


def _evenings_page(title: str, venue: str) -> str:
    """Five reports with links of their own and, among them, `title` on two evenings whose one link is `venue`."""

    def card(name: str, href: str, day: int) -> str:
        return (
            f"<article><h2><a href='{href}'>{name}</a></h2><time datetime='2024-03-{day:02d}'>{day} Mar 2024</time>"
            f"<p>Notes on {name.lower()} for members.</p></article>"
        )

    own = [card(f"Report {k} on labour", f"/item/{k}.html", 1 + i) for i, k in enumerate("CDEFG")]
    evenings = [card(title, venue, 10), card(title, venue, 17)]
    return f"<html lang=en><body><main><h1>Talks</h1>{''.join(own[:2] + evenings + own[2:])}</main></body></html>"


@pytest.mark.xfail(
    strict=True,
    reason="Two evenings of one title sharing a venue link (told apart: venue#…) whose link turns into "
    "`javascript:openVenue(1)`: the COMPLETE crawl says 'new 2, removed 2' ('Evening talk on river fishing': both "
    "read again under sha1:…#… ids, the archived two marked removed though still listed; archive/lost_links.py skips "
    "an id holding '#'), or 'removed 2' with the two not read at all ('Stammtisch'). docs/schema.md: an entry whose "
    "link was lost takes the id the archive holds for its title and date; no crawl whose links turned into script "
    "links may mark anything removed.",
)
@pytest.mark.parametrize("title", ["Evening talk on river fishing", "Stammtisch"])
def test_evenings_sharing_a_link_that_turned_into_a_script_link_are_not_marked_removed(tmp_path, title):
    (tmp_path / "site" / "list").mkdir(parents=True)
    db, said = tmp_path / "a.db", []
    with SiteServer(tmp_path / "site") as site:
        url = f"{site.base_url}/list/talks.html"
        for venue in ("/venues/hall.html", "javascript:openVenue(1)"):
            (tmp_path / "site" / "list" / "talks.html").write_text(_evenings_page(title, venue))
            said.append(cli("crawl", "listing", "--db", db, "--start-url", url, *FAST).stdout)
    assert "entries 7: new 7" in said[0], said[0]
    assert "removed 0" in said[1] and "new 0" in said[1], said[1]
    assert q(db, "SELECT count(*) FROM entries WHERE status = 'removed'") == 0
    assert q(db, "SELECT count(*) FROM entries") == 7
