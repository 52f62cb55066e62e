"""Whether a page came cut short, in the words the crawl and the archive share: how an HTML document ends
(html_closes) and the verdicts that say a page was cut short (one name, CUT, opening each of them).

Scrapy- and SQLite-free: the spider judges its pages with it (crawler/spiders/whole_page.py), the archive reads its
stored bodies and the verdicts it keeps with them (archive/writer.py, archive/reparse.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

# The verdict: a page judged cut short. Each message saying so opens with it (cut_off reads them back).
CUT = "cut short"
# A start page that stops before </body></html>, measured against its last capture ({} says what that capture did).
START_CUT = CUT + " (its HTML stops before </body></html>, where its last capture {})"
# ...where that capture closed: the judgement a later capture of the same page is measured through (archive/writer.py).
START_CUT_WHERE_CLOSED = START_CUT.format("had them")
CUT_SHORT = CUT + " (its connection closed before the whole page came)"
UNCLOSED = CUT + " (its HTML stops before </body></html>, and it shows no pagination or the page before closed)"

# What a closing tag cannot close the document from: a comment, a script's or a style's text (a print-window script
# writes '<html><body>'+c+'</body></html>'), each running to the end of a page cut inside it.
_NOT_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)
# </body> or </html> at the document's end: after it only whitespace, a BOM or control characters.
_CLOSING = re.compile(r"</(?:body|html)\s*>[\s\x00-\x1f\x7f\ufeff]*\Z", re.IGNORECASE)


@lru_cache(maxsize=4)  # a page is asked twice (for its next page's request, then when judged): its text is scanned once
def html_closes(text: str) -> bool:
    """Whether an HTML document ends as a whole one does: with </body> or </html> (then only whitespace, comments, a
    BOM or control characters; a script or style after it is not the document's text either)."""
    return _CLOSING.search(_NOT_MARKUP.sub("", text)) is not None


def cut_off(why: str | None) -> bool:
    """Whether a page was judged cut short (so its last entry may be cut too), not only shown without pagination."""
    return bool(why) and why.startswith(CUT)


def start_page_cut_short(why: str | None) -> bool:
    """Whether a capture is of a start page judged cut short against its last capture: a 304 of it would say so
    again for as long as the page stays as it is, where that page, fetched whole, is judged whole against it."""
    return bool(why) and why.startswith(START_CUT.partition("{")[0])
