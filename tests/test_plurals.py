"""Counts in human output agree with their noun: a crawl of one page said "(1 pages, 0 failed, 1 entries)"."""

import re

import pytest
from conftest import invoke
from helpers import NEWS, entry, fetched, record_crawl

from archive.notify import message_for
from archive.reports.common import compared
from archive.store import Archive
from archive.summary import crawl_summary
from crawler.wording import counted

# A count of one before a plural noun: what none of the outputs below may say.
ONE_PLURAL = re.compile(r"\b1 (pages|entries|listings|records|items|crawls|workers)\b")


@pytest.mark.parametrize(
    "n, noun, said",
    [(0, "page", "0 pages"), (1, "page", "1 page"), (1, "entry", "1 entry"), (2, "entry", "2 entries"),
     (1, "match", "1 match"), (3, "match", "3 matches"), (2, "day", "2 days")],
)  # fmt: skip
def test_counted(n, noun, said):
    assert counted(n, noun) == said


@pytest.fixture
def one_page_crawl(tmp_path):
    with Archive(tmp_path / "one.db") as archive:
        record_crawl(archive, [entry("WCMS_1")], pages=1)
    return tmp_path / "one.db"


def test_the_crawl_summary_of_one_page_and_one_entry(one_page_crawl):
    with Archive(one_page_crawl) as archive:
        crawl = archive.crawl(1)
        text = crawl_summary(archive.conn, dict(crawl), {})
    assert "(1 page, 0 failed, 1 entry)" in text, text
    assert not ONE_PLURAL.search(text), text


def test_reports_and_alerts_of_one_page(one_page_crawl):
    with Archive(one_page_crawl) as archive:
        crawl = dict(archive.crawl(1))
        report = {"from": None, "to": crawl, "crawls": [crawl], "captures": {"1": 1}}
        assert not ONE_PLURAL.search(compared(report)), compared(report)
        folded = compared({**report, "crawls": [crawl, crawl]})
        assert "folding 1 crawl in between" in folded, folded
        alert = {**crawl, "status": "failed", "pages": 1, "entries": 1, "errors": 1}
        _, body = message_for(archive.conn, alert, "text")
    assert "1 page, 1 entry, 1 page error." in body, body


def test_export_warc_of_one_capture(tmp_path):
    db = tmp_path / "a.db"
    with Archive(db) as archive:
        session = archive.begin_crawl("ilo", [NEWS])
        fetched(archive, session, NEWS, [entry("WCMS_1")])
        archive.finish_crawl(session, {NEWS: {"pages_fetched": 1, "pages_failed": 0, "complete": True}})
    warc = invoke("export-warc", "--db", db, "-o", tmp_path / "a.warc.gz")
    assert "wrote 1 record to" in warc.output, warc.output
