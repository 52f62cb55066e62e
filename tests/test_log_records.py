"""Every log line is safe for a terminal (crawler/log_records.py): a scraped link or title a warning quotes, an
exception's text, reach standard error and the log file with no escape sequence, control or bidi character, on
every command (a stranger's finding: validation's warning printed a link's OSC title and colours raw)."""

import re
import subprocess
import sys

from conftest import ROOT, cli

from crawler.site_server import SiteServer

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_a_scraped_link_with_terminal_escapes_never_reaches_the_crawls_standard_error(tmp_path):
    cards = "".join(
        f'<div class="news-item"><img src="ftp://127.0.0.1/a.gif"><h3><a href="{href}">{title}'
        '</a></h3><p class="date">12 March 2024</p></div>'
        for href, title in [
            ("/e/&#27;]0;PWNED&#7;&#27;[31mred.html", "Forum on wages and skills"),
            ("/e/2.html", "Meeting of the board on budget"),
            ("/e/3.html", "Workshop on river fishing rules"),
        ]
    )
    (tmp_path / "site" / "list").mkdir(parents=True)
    (tmp_path / "site" / "list" / "p.html").write_text(f"<html lang=en><body><h1>News</h1>{cards}</body></html>")
    profile = 'name = "mysite"\ndomains = ["127.0.0.1"]\n[selectors]\nentry = "div.news-item"\ntitle = "h3 a"\n'
    (tmp_path / "p.toml").write_text(profile + 'date = ".date"\nimage = "img"\n')
    with SiteServer(tmp_path / "site") as site:
        start = f"{site.base_url}/list/p.html"
        done = cli(
            "crawl", "listing", "--db", tmp_path / "a.db", "--start-url", start, "--profile", tmp_path / "p.toml",
            "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", check=0,
        )  # fmt: skip
    assert "is not an http(s) link" in done.stderr  # the warning is printed
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr, repr(done.stderr)
    for command in (["reparse", "--db", tmp_path / "a.db"], ["parse", tmp_path / "site" / "list" / "p.html", "--url",
                    start, "--profile", tmp_path / "p.toml"]):  # fmt: skip
        run = subprocess.run([sys.executable, "-m", "archive.cli", *map(str, command)], cwd=ROOT, capture_output=True)
        assert b"is not an http(s) link" in run.stderr and b"\x1b" not in run.stderr, (command, run.stderr)


def test_every_log_record_is_made_safe_for_a_terminal_as_it_is_made():
    """One record factory (crawler/log_records.py) cleans what any logger writes through any handler, the
    message (`%s` of a scraped link) and an exception's text alike, the secrets of a query masked as before."""
    import io
    import logging

    from crawler.log_records import clean_log_records

    shown, make_record = io.StringIO(), logging.getLogRecordFactory()
    handler, logger = logging.StreamHandler(shown), logging.getLogger("crawler.spiders.test")
    logger.addHandler(handler)
    try:
        clean_log_records()
        clean_log_records()  # a second call keeps the one factory
        logger.warning("entry %s left empty", "https://h/e/\x1b]0;PWNED\x07\x1b[31mred\u202e.html?token=tok-Zq8")
        try:
            raise ValueError("page says \x1b[2J\x07")
        except ValueError:
            logger.exception("page failed")
    finally:
        logger.removeHandler(handler)
        logging.setLogRecordFactory(make_record)
    text = shown.getvalue()
    assert "entry https://h/e/red.html?token=*** left empty" in text and "page says" in text
    assert not CONTROLS.search(text.replace("\n", "")) and "\u202e" not in text, repr(text)


def test_a_masked_secret_keeps_the_punctuation_the_message_put_after_its_url():
    """`?token=tok-Zq8: 2 pages…` was logged `?token=*** 2 pages…`: the secret's mask took the message's colon
    (and a closing bracket, a full stop) with it (issue 20)."""
    import io
    import logging

    from crawler.log_records import clean_log_records

    shown, make_record = io.StringIO(), logging.getLogRecordFactory()
    handler, logger = logging.StreamHandler(shown), logging.getLogger("crawler.spiders.test")
    logger.addHandler(handler)
    try:
        clean_log_records()
        logger.warning("%s: 2 pages asked for, never fetched", "https://h/l?token=tok-Zq8")
        logger.warning("listing (%s), then %s.", "https://h/l?page=2&api_key=k:9", "https://h/l?sig=s1,")
    finally:
        logger.removeHandler(handler)
        logging.setLogRecordFactory(make_record)
    assert shown.getvalue().splitlines() == [
        "https://h/l?token=***: 2 pages asked for, never fetched",
        "listing (https://h/l?page=2&api_key=***), then https://h/l?sig=***,.",
    ]
