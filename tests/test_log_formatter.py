"""crawler.middlewares.QuietLogFormatter: Scrapy's per-item messages are built only when some handler shows them."""

import logging

import pytest
from scrapy.http import HtmlResponse

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
