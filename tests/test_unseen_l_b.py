"""Records of real listing pages the generic extractor read wrong (issue 21, batch L, part B), each in small
synthetic HTML. Earlier files of these: tests/test_unseen_k_a.py, _k_b.py."""

from datetime import date

import pytest

from crawler.parsers.dates import parse_date


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("3, 4 y 5 de julio de 2025", date(2025, 7, 3), date(2025, 7, 5)),
        ("3, 4 and 5 July 2025", date(2025, 7, 3), date(2025, 7, 5)),
        ("12, 13, 14 mars 2024", date(2024, 3, 12), date(2024, 3, 14)),
    ],
)
def test_days_listed_before_one_month_span_the_first_to_the_last(text, start, end):
    found = parse_date(text, ["es", "en", "fr"])
    assert (found.start, found.end) == (start, end)


def test_listed_days_that_go_back_give_no_span_and_a_date_with_a_comma_stays_one_day():
    assert parse_date("5, 4 y 3 de julio de 2025", ["es"]) is None
    assert parse_date("May 3, 2025", ["en"]).end == date(2025, 5, 3)
