"""Every log record made safe as it is made, whichever handler writes it (Scrapy replaces its terminal's as a
crawl starts; a command with no handler prints through logging.lastResort): its message and traceback

- with the query secrets of its URLs (`?token=`, `&api_key=`) shown as `***`: a start URL may carry one,
  which the crawl sends whole and Scrapy names in its messages;
- as a terminal shows them (crawler/parsers/text.py `as_shown`): a scraped link or title named in a warning
  (`%s`) may hold escape sequences (colours, an OSC window title, BEL), which must not reach standard error.

One record factory, so no call site can forget it; installed by every command (archive/cli) and the crawl.
"""

from __future__ import annotations

import logging

from .origins import mask_query_secrets
from .parsers.text import as_shown

_TRACEBACKS = logging.Formatter()  # formatException as every handler's Formatter does it


def clean_log_records() -> None:
    """Install the record factory (once: a second call keeps the one in place)."""
    make_record = logging.getLogRecordFactory()
    if getattr(make_record, "cleans_log_records", False):
        return

    def clean_record(*args, **kwargs) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a message its arguments do not fit: logging says so when it is written
            return record
        cleaned = as_shown(mask_query_secrets(message))
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        if record.exc_info and not record.exc_text:  # an exception's text may quote a page too
            record.exc_text = as_shown(mask_query_secrets(_TRACEBACKS.formatException(record.exc_info)))
        return record

    clean_record.cleans_log_records = True
    logging.setLogRecordFactory(clean_record)
