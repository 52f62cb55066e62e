"""A notification pings no one: a scraped `@everyone`, `<@123>` or `<!channel>` reaches a chat (Discord, Slack,
through Apprise) defused, in its title and body, in every format a notification can carry; the archive keeps
the text as scraped (as CSV export defuses formulas and keeps them). From stranger35's report (issue 20).
An alert's note, which quotes scraped links, is escaped for its format as well (stranger37)."""

import re

import pytest
from helpers import entry, record_crawl

from archive.notify import message_for
from archive.reports.safety import without_mentions
from archive.store import Archive

MENTION = re.compile(r"@(?:everyone|here|channel|room)\b|<\\?(?:[@#]|!channel)|&lt;\\?[@#!]", re.IGNORECASE)


def test_a_title_naming_everyone_mentions_no_one_in_a_notification(tmp_path):
    """stranger35, 2026-12-08: a new entry titled '@everyone ...' went into the markdown notification as it
    stands; Discord parses @everyone/@here in a webhook's content (and Apprise's discord://...?format=markdown
    lists them in allow_mentions), so one scraped title pinged every member of the channel."""
    with Archive(tmp_path / "n.db") as archive:
        record_crawl(archive, [entry("WCMS_1")])
        record_crawl(archive, [entry("WCMS_1"), entry("WCMS_2", title="@everyone @here urgent: read this")])
        _, body = message_for(archive.conn, archive.crawl(2))
        stored = archive.conn.execute("SELECT title FROM entries WHERE entry_id = 'WCMS_2'").fetchone()[0]
    assert "urgent" in body and not re.search(r"@(?:everyone|here)\b", body), body
    assert stored == "@everyone @here urgent: read this"  # the archive keeps what was scraped


@pytest.mark.parametrize("fmt", ["markdown", "text", "html"])
def test_id_mentions_in_a_title_and_an_alert_note_ping_no_one_in_any_format(tmp_path, fmt):
    """The nearest paths: Discord's <@id>, <@&role>, <#channel> and Slack's <!channel> in a changed title, and a
    failed crawl's note (the alert's title and body), in each format a notification is sent as."""
    title = "Call <@123456789012345678> <@&42> <#99> <!channel> @Channel @room now"
    with Archive(tmp_path / "n.db") as archive:
        record_crawl(archive, [entry("WCMS_1")])
        record_crawl(archive, [entry("WCMS_1", title=title)])
        changed = archive.crawl(2)
        failed = {**changed, "status": "failed", "spider": title, "note": f"HTTP 500 on {title}"}
        for crawl in (changed, failed):
            subject, body = message_for(archive.conn, crawl, fmt=fmt)
            assert "Call" in body and not MENTION.search(subject + body), (subject, body)


def test_only_mentions_change():
    """An e-mail address, a heading, `<!DOCTYPE` and `a < b` stay as written; the zero-width space goes after `@`."""
    kept = "<!DOCTYPE html> write to news@ilo.org if a < b @ 3 pm; @everyones"
    assert without_mentions(kept) == kept
    assert without_mentions("@everyone") == "@\u200beveryone"


def test_an_html_alert_escapes_the_scraped_link_its_note_quotes(tmp_path):
    """stranger37, 2026-12-08: a listing page's `<a rel="next" href="http://other.example/p2?x=&quot;&gt;&lt;img
    src=x onerror=alert(1)&gt;">` made the crawl partial with the note 'pagination leads off the start hosts:
    http://other.example/p2?x="><img src=x onerror=alert(1)>' (crawled from 127.0.0.1); `--notify-format html`
    sends the alert's body with the note as it stands (notify._message escapes it for markdown only), so an
    e-mail notification shows the page's markup."""
    note = 'pagination leads off the start hosts: http://other.example/p2?x="><img src=x onerror=alert(1)>'
    with Archive(tmp_path / "n.db") as archive:
        record_crawl(archive, [entry("WCMS_1")], complete=False)
        _, body = message_for(archive.conn, {**archive.crawl(1), "status": "partial", "note": note}, fmt="html")
    assert "other.example" in body and "<img" not in body, body
