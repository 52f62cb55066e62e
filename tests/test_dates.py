import logging
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from crawler.parsers.dates import looks_like_date_line, parse_date

CASES = [
    ("16 December 2022", "2022-12-16", "2022-12-16", "day"),
    ("01 February 2024", "2024-02-01", "2024-02-01", "day"),
    ("22 - 23 November 2022", "2022-11-22", "2022-11-23", "day"),
    ("22-23 November 2022", "2022-11-22", "2022-11-23", "day"),
    ("22–23 November 2022", "2022-11-22", "2022-11-23", "day"),
    ("29 September - 2 October 2022", "2022-09-29", "2022-10-02", "day"),
    ("30 December 2022 - 2 January 2023", "2022-12-30", "2023-01-02", "day"),
    ("1 - 2 April 2010", "2010-04-01", "2010-04-02", "day"),
    ("18 March - 31 July 2015", "2015-03-18", "2015-07-31", "day"),
    ("22 - 23 novembre 2022", "2022-11-22", "2022-11-23", "day"),
    ("1er mars 2021", "2021-03-01", "2021-03-01", "day"),
    ("1 de marzo de 2021", "2021-03-01", "2021-03-01", "day"),
    ("del 5 al 7 de junio de 2019", "2019-06-05", "2019-06-07", "day"),
    ("Thursday, 3 March 2022", "2022-03-03", "2022-03-03", "day"),
    ("December 16, 2022", "2022-12-16", "2022-12-16", "day"),
    ("Sept 29 - Oct 2, 2022", "2022-09-29", "2022-10-02", "day"),
    ("5 to 7 June 2019", "2019-06-05", "2019-06-07", "day"),
    ("du 5 au 7 juin 2019", "2019-06-05", "2019-06-07", "day"),
    ("mardi 3 mai 2022", "2022-05-03", "2022-05-03", "day"),
    ("12 - 14 de diciembre de 2022", "2022-12-12", "2022-12-14", "day"),
    ("5th-7th June, 2019", "2019-06-05", "2019-06-07", "day"),
    ("2022-11-05", "2022-11-05", "2022-11-05", "day"),
    ("16/12/2022", "2022-12-16", "2022-12-16", "day"),
    ("29/09/2022 - 02/10/2022", "2022-09-29", "2022-10-02", "day"),
    ("2022-09-29 – 2022-10-02", "2022-09-29", "2022-10-02", "day"),
    ("May 3-5, 2022", "2022-05-03", "2022-05-05", "day"),
    ("Tuesday 3 - Thursday 5 May 2022", "2022-05-03", "2022-05-05", "day"),
    ("del 29 de septiembre al 2 de octubre de 2022", "2022-09-29", "2022-10-02", "day"),
    ("du 29 septembre au 2 octobre 2022", "2022-09-29", "2022-10-02", "day"),
    ("1º de marzo de 2021", "2021-03-01", "2021-03-01", "day"),
    ("3 May 2022, 10:00-12:00 (Geneva time)", "2022-05-03", "2022-05-03", "day"),
    ("Monday, 16 December 2022 - 09:30", "2022-12-16", "2022-12-16", "day"),
    ("November 2022", "2022-11-01", "2022-11-30", "month"),
    ("février 2024", "2024-02-01", "2024-02-29", "month"),
    ("enero de 2023", "2023-01-01", "2023-01-31", "month"),
    ("March - April 2022", "2022-03-01", "2022-04-30", "month"),
    ("2023", "2023-01-01", "2023-12-31", "year"),
    ("2019 - 2020", "2019-01-01", "2020-12-31", "year"),
]


@pytest.mark.parametrize("text,start,end,precision", CASES)
def test_date_shapes(text, start, end, precision):
    value = parse_date(text)
    assert value is not None, text
    assert (value.start.isoformat(), value.end.isoformat(), value.precision) == (start, end, precision)
    assert value.text == text


@pytest.mark.parametrize("text", ["31 February 2022", "31/02/2022", "2022-13-01", "30 - 31 June 2021", "23 - 22 November 2022", "2 October - 29 September 2022"])
def test_impossible_dates_are_null_with_a_warning(text, caplog):
    with caplog.at_level(logging.WARNING, logger="crawler.parsers.dates"):
        assert parse_date(text) is None
    assert caplog.records, "an impossible date must be logged"


@pytest.mark.parametrize("text", ["16 December", "Monday", "last week", "yesterday", "News", "Press releases", "Q3 2022", "", None, "© ILO 2023"])
def test_never_fills_in_today(text):
    # No year in the text (or no date at all): never today's year, never a guess.
    assert parse_date(text) is None


def test_dateparser_fallback_only_reads_what_is_written():
    # Wordings the fast path does not know go to dateparser; its answer stands only
    # when every part of it is written in the text.
    value = parse_date("3rd of May 2022 at the ILO")
    assert value is None or value.start == date(2022, 5, 3)
    assert parse_date("Q3 2022") is None and parse_date("last week 2022") is None


def test_date_line_detection():
    assert looks_like_date_line("22 - 23 November 2022")
    assert not looks_like_date_line("The workshop will take place on 16 December 2022 in Vientiane")
    assert not looks_like_date_line("International Migrants Day Conference 2022 agenda")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_no_input_makes_the_date_parser_raise(text):
    value = parse_date(text)
    if value is not None:
        assert value.start <= value.end


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=0, max_value=60),
    st.sampled_from(["{a} - {b}", "{a} to {b}", "{a} – {b}"]),
)
def test_generated_ranges_have_start_before_end(start, days, shape):
    from datetime import timedelta

    end = start + timedelta(days=days)
    text = shape.format(a=f"{start.day} {start:%B} {start.year}", b=f"{end.day} {end:%B} {end.year}")
    value = parse_date(text)
    assert value is not None and (value.start, value.end) == (start, end)
