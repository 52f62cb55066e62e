"""crawler.middlewares.QuietLogFormatter: Scrapy's per-item messages are built only when some handler shows them."""

import logging

import pytest
from scrapy.http import HtmlResponse

from crawler.items import EntryItem, PageItem
from crawler.middlewares import QuietLogFormatter, _shown


@pytest.fixture
def chain():
    """A logger `quiet.child` whose parent `quiet` holds the only handler (INFO) and does not propagate.
    Called in the test itself: pytest hangs its capture handlers on such loggers as each test starts."""
    parent = logging.getLogger("quiet")
    handler = logging.NullHandler()
    handler.setLevel(logging.INFO)
    saved = parent.handlers

    def install():
        parent.handlers = [handler]
        parent.propagate = False
        parent.setLevel(logging.DEBUG)
        return parent, handler

    yield install
    parent.handlers = saved
    parent.propagate = True
    parent.setLevel(logging.NOTSET)


def test_a_message_below_every_handler_is_not_built(chain):
    chain()
    assert _shown({"level": logging.DEBUG, "msg": "m", "args": {}}, "quiet.child") is None
    assert _shown({"level": logging.INFO, "msg": "m", "args": {}}, "quiet.child") is not None


def test_a_handler_that_shows_debug_keeps_the_message(chain):
    _, handler = chain()
    handler.setLevel(logging.DEBUG)  # LOG_LEVEL=DEBUG: every message is logged as Scrapy logs it
    message = {"level": logging.DEBUG, "msg": "m", "args": {}}
    assert _shown(message, "quiet.child") is message


def test_with_no_handler_at_all_python_s_last_resort_decides(chain):
    parent, handler = chain()
    parent.removeHandler(handler)
    assert _shown({"level": logging.DEBUG, "msg": "m", "args": {}}, "quiet.child") is None
    assert _shown({"level": logging.WARNING, "msg": "m", "args": {}}, "quiet.child") is not None


def test_the_formatter_keeps_what_scrapy_logs_where_it_is_shown():
    # pytest's own capture handler (level NOTSET) sits on the root logger: every message is shown, so kept.
    response = HtmlResponse("http://127.0.0.1/page", body=b"<html></html>")
    message = QuietLogFormatter().scraped({"title": "x"}, response, None)
    assert message is not None and message["level"] == logging.DEBUG


def test_a_page_item_is_logged_as_scraped_one_line_an_entry(caplog):
    """With one Scrapy item a page (crawler/items.py), -L DEBUG showed one "Scraped from" a page, its whole
    body with it, where it showed one an entry: each entry the page carries is logged as it was."""
    entries = [EntryItem(entry_id=f"WCMS_{k}", title=f"Report WCMS_{k}") for k in (1, 2)]
    page = PageItem(url="http://127.0.0.1/page", body=b"<html>the page's own body</html>", entries=entries)
    response = HtmlResponse("http://127.0.0.1/page", body=b"<html></html>")
    with caplog.at_level(logging.DEBUG, logger="scrapy.core.scraper"):
        message = QuietLogFormatter().scraped(page, response, None)
    lines = [r.getMessage() for r in caplog.records if r.name == "scrapy.core.scraper"]
    assert message is None and len(lines) == 2
    assert all(line.startswith("Scraped from <200 http://127.0.0.1/page>") for line in lines)
    assert "Report WCMS_1" in lines[0] and "Report WCMS_2" in lines[1] and "own body" not in "".join(lines)
