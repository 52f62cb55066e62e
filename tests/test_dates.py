import logging
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.parsers.date_order import numeric_order
from crawler.parsers.datelines import date_at_edge, date_in_line, names_a_month
from crawler.parsers.dates import _parse_cached, looks_like_date_line, parse_date
from crawler.parsers.dates_neighbours import date_languages

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
    # Italian hours after "ore" (it-friuli-emergenze-storico-allerte, batch W): an hour, never a second day
    ("il 14 ottobre 2020 alle ore 10", "2020-10-14", "2020-10-14", "day"),
    ("24/11/2025 ore 00 - 25/11/2025 ore 24", "2025-11-24", "2025-11-25", "day"),
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


@pytest.mark.parametrize(
    "text",
    [
        "31 February 2022",
        "31/02/2022",
        "2022-13-01",
        "30 - 31 June 2021",
        "23 - 22 November 2022",
        "2 October - 29 September 2022",
    ],
)
def test_impossible_dates_are_null_with_a_warning(text, caplog):
    _parse_cached.cache_clear()  # another test may have parsed the same text: the warning comes once per text
    with caplog.at_level(logging.WARNING, logger="crawler.parsers.dates"):
        assert parse_date(text) is None
    assert caplog.records, "an impossible date must be logged"


@pytest.mark.parametrize(
    "text", ["16 December", "Monday", "last week", "News", "Press releases", "Q3 2022", "", None, "© ILO 2023"]
)
def test_never_fills_in_today(text):
    # No year in the text (or no date at all): never today's year, never a guess.
    assert parse_date(text) is None


def test_dateparser_fallback_only_reads_what_is_written():
    # Wordings the fast path does not know go to dateparser; its answer stands only
    # when every part of it is written in the text.
    # "the 3rd day of May, 2022" is such a wording, and every part of the answer is written.
    value = parse_date("the 3rd day of May, 2022")
    assert (value.start, value.end, value.precision) == (date(2022, 5, 3), date(2022, 5, 3), "day")
    # A date followed by other words is not a date (parse_date: "None when the text is not one"):
    # the tokeniser does not know "ILO" and dateparser reads no date in the whole text.
    assert parse_date("3rd of May 2022 at the ILO") is None
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


NOW = datetime(2024, 3, 31, 1, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "text,day",
    [
        ("3 hours ago", "2024-03-30"),
        ("yesterday", "2024-03-30"),
        ("Today", "2024-03-31"),
        ("il y a 3 jours", "2024-03-28"),
        ("hace 2 días", "2024-03-29"),
        ("hier", "2024-03-30"),
        ("ayer", "2024-03-30"),
        ("2 weeks ago", "2024-03-17"),
        ("il y a 1 mois", "2024-02-29"),
        ("hace un año", "2023-03-31"),
        ("an hour ago", "2024-03-31"),
        ("5d ago", "2024-03-26"),
    ],
)
def test_relative_dates_count_back_from_the_capture_time(text, day):
    value = parse_date(text, now=NOW)
    assert value is not None and value.start.isoformat() == value.end.isoformat() == day
    assert value.precision == "day"
    assert looks_like_date_line(text) and date_in_line(f"Posted {text}") == text


def test_relative_dates_default_to_now():
    assert parse_date("today").start == datetime.now(UTC).date()
    assert parse_date("3 apples ago") is None


@pytest.mark.parametrize(
    "text,start",
    [
        ("Posted on September  3, 2019 at  6:09 AM", "2019-09-03"),
        ("Monday, January 29th, 2018", "2018-01-29"),
        ("le 1er mars 2021", "2021-03-01"),
        ("1º de marzo de 2021", "2021-03-01"),
        ("Lundi 1er mars 2021", "2021-03-01"),
        ("miércoles, 3 de marzo de 2021", "2021-03-03"),
        ("3 mars 2021 à 14h30", "2021-03-03"),
        ("Published: 3rd March 2021", "2021-03-03"),
        ("2026.01.30", "2026-01-30"),
        ("2021-03-01T10:00:00Z", "2021-03-01"),
        ("Posted in News, Events on February 2, 2026", "2026-02-02"),
        ("February 11, 2026  | Press Release", "2026-02-11"),
        ("by Jane Doe on Monday, January 29th, 2018", "2018-01-29"),
        ("Jeudi 4 mars 2021 de 14h à 16h", "2021-03-04"),
        ("3 mars 2021, 18 h 30", "2021-03-03"),
        ("03-Mar-2021", "2021-03-03"),
        ("Date de publication : 03/03/2021", "2021-03-03"),
        ("Mis en ligne le 3 mars 2021", "2021-03-03"),
        ("Actualizado el 3 de marzo de 2021", "2021-03-03"),
        ("Lunes 1 de marzo de 2021, 10:00 h", "2021-03-01"),
        ("Publié le 07 octobre 2020 à 06h45 - Mis à jour le 07 octobre 2020 à 11h39 Anne Rodier", "2020-10-07"),
    ],
)
def test_dates_in_meta_lines(text, start):
    found = date_at_edge(text)
    assert found and parse_date(found).start.isoformat() == start


@pytest.mark.parametrize(
    "text", ["Report on the March 2020 events in Geneva", "Annual conference 2021 agenda and minutes"]
)
def test_no_date_at_the_edge_of_prose(text):
    assert date_at_edge(text) is None


def test_figures_month_first_when_the_page_says_so():
    assert parse_date("16/12/2022").start == date(2022, 12, 16)
    assert parse_date("12/16/2022").start == date(2022, 12, 16)  # 16 cannot be a month
    assert parse_date("03/04/2022").start == date(2022, 4, 3)
    assert parse_date("03/04/2022", month_first=True).start == date(2022, 3, 4)
    assert parse_date("12/14/23").start == date(2023, 12, 14)
    assert numeric_order(["01/02/2023", "12/14/2023"]) and not numeric_order(["01/02/2023", "14/12/2023"])
    assert numeric_order(["January 5, 2023"]) and not numeric_order(["5 January 2023"]) and not numeric_order([])


def test_asking_whether_a_line_is_a_date_reads_either_order_and_logs_nothing(caplog):
    """ "4/7/17 - 4/25/17" is a range only month first: asked about day first it warned of a range ending before
    it starts (26 such lines on one page of bids), though the page reads it month first."""
    with caplog.at_level(logging.WARNING, logger="crawler.parsers.dates"):
        assert looks_like_date_line("4/7/17 - 4/25/17") and looks_like_date_line("24.12.2020 - 02.01.2021")
        assert not caplog.records
        _parse_cached.cache_clear()  # another test in this worker may have read that line already: read it afresh
        assert parse_date("23 - 22 November 2022") is None
    assert caplog.records, "reading an impossible range still says so"


def test_a_dotted_start_without_its_year_takes_the_ends_year_and_never_guesses():
    """ "08.11. bis 09.11.2024" (German conference dates, issue 21): the start's closing dot makes it a day and
    month, not a time ("08.11" had vanished, leaving the end day alone); it is in the end's year, or the year
    before over a new year. A range ending before it starts and figures whose order nothing decides give none."""
    assert parse_date("08.11. bis 09.11.2024").start == date(2024, 11, 8)
    assert parse_date("31.10.-01.11.2014").start == date(2014, 10, 31)
    assert (parse_date("30.12. – 02.01.2025").start, parse_date("30.12. – 02.01.2025").end) == (
        date(2024, 12, 30),
        date(2025, 1, 2),
    )
    assert parse_date("23.11. - 22.11.2022") is None  # not a year long over the new year
    assert parse_date("15.12. - 10.11.2025") is None
    assert parse_date("08.11. bis 09.11.2024", month_first=None) is None
    assert date_in_line("Ort: Stadthalle, Zeitraum: 8.5. – 10.5.2019") == "8.5. – 10.5.2019"
    assert date_in_line("Room 3 – 10 May 2019") == "10 May 2019"  # a bare number before the dash starts nothing


@pytest.mark.parametrize("text", ["2013-02996", "2013-00012", "02013"])
def test_a_year_and_a_serial_number_are_no_date(text):
    """it-barcellona-pg-albo-pretorio (issue 21): a notice board's 'pubblicazione n.' cell "2013-02996" (the year
    and a serial number) read as the years 2013 to 2996 and took the row's date from its 'data pubblicazione'
    cell. A year is written in four figures; a figure of five ("02996") is a number, so no date."""
    assert parse_date(text) is None
    assert parse_date("2013-2014").end.isoformat() == "2014-12-31"  # a season of two years stays one


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Sat 24 & Mon 26 Aug 2019", "2019-08-24", "2019-08-26"),
        ("Sun 25 Aug + Sun 1 Sep 2019", "2019-08-25", "2019-09-01"),
        ("Mon 26 + Tue 27 Aug 2019", "2019-08-26", "2019-08-27"),
    ],
)
def test_a_set_of_days_joined_by_a_sign_is_the_span_from_the_first_to_the_last(text, start, end):
    """en-horizon-festival-whats-on (issue 21): "&" and "+" join two days as "and" does: the span they cover."""
    found = parse_date(text)
    assert (found.start.isoformat(), found.end.isoformat()) == (start, end)


@pytest.mark.parametrize(
    "text",
    ["10 DES, 2015", "10 des. 2015", "10. des. 2015", "dilluns 10 des. 2015", "Tirsdag 10. des 2015"],
)
def test_a_month_word_the_parser_skips_as_filler_is_read_in_the_languages_that_name_a_month_by_it(text):
    """ca-eisemporda-noticies (issue 21, batch V): a news card's date box "10 DES, 2015" beside "17 FEB, 2017".
    "des." is December in Catalan, Danish, Norwegian and Indonesian, while the parser skips "des" as French filler
    ("du 5 des …"), so the line had a day and a year and no month. A filler word in a month's place, between a day
    and a year, is read by dateparser in the languages it knows, when its reading keeps the day shown."""
    found = parse_date(text)
    assert found is not None, text
    assert (found.start.isoformat(), found.precision) == ("2015-12-10", "day")
    assert looks_like_date_line(text)


@pytest.mark.parametrize("text", ["10 del 2015", "10 from 2015", "10 the 2015", "10 de 2015", "10 des 2015 talks"])
def test_a_filler_word_between_a_day_and_a_year_that_names_no_month_gives_no_date(text):
    """dateparser reads "10 del 2015" as October 2015 (the day taken for a month): the day shown is lost, no date."""
    assert parse_date(text) is None


def test_a_stamp_year_first_joined_by_underscores_is_a_month_or_a_day():
    """en-china-falls-hoa-minutes (issue 21, batch V): files named "2020_02.pdf" are of February 2020. Year first
    joined by underscores, the month (and day) in two figures, is a date; run on from other words it is part of a
    name, and hyphens keep their reading ("2001-02" may be a season: none)."""
    month, day = parse_date("2020_02"), parse_date("2021_03_15")
    assert (month.start.isoformat(), month.end.isoformat(), month.precision) == ("2020-02-01", "2020-02-29", "month")
    assert (day.start.isoformat(), day.precision) == ("2021-03-15", "day")
    assert parse_date("report_2020_02") is None and parse_date("2020_13") is None and parse_date("2020_2") is None
    assert parse_date("2001-02") is None  # no month read into it


@pytest.mark.parametrize("text", ["10 del 2015", "10 dal 2015", "10 des 2015", "10 DES, 2015"])
def test_a_filler_word_is_no_month_on_a_page_in_a_language_where_it_is_filler(text):
    """ext23: the filler-in-a-month's-place reading asked dateparser in any locale it knows, and its Maasai locale
    read "10 dal 2015" as 10 January 2015. On a French page "des" is filler, "del" and "dal" are no month either."""
    assert parse_date(text, ["fr", "en"]) is None


def test_a_filler_word_of_unknown_language_is_a_month_only_in_the_languages_that_abbreviate_one_by_it():
    """ext23: with the page's language unknown, "des" is read in Catalan, Norwegian and Indonesian (December), and
    "dal" (a month in no such short list) gives no date; on a Catalan page "des" is December."""
    assert parse_date("10 dal 2015") is None and parse_date("10 del 2015") is None
    assert parse_date("10 des 2015").start.isoformat() == "2015-12-10"
    assert parse_date("10 des 2015", ["ca", "en"]).start.isoformat() == "2015-12-10"


def test_a_page_whose_neighbour_dates_are_not_in_its_language_reads_a_filler_month_in_the_languages_naming_one():
    """ca-eisemporda-noticies (ext23): the Catalan page is taken for French, and its "17 FEB, 2017" beside
    "10 DES, 2015" is no French date: its dates are read as of unknown language. A French page whose neighbours
    read in French ("17 févr. 2017") keeps French, where "des" is filler."""
    assert date_languages(["fr", "en"], ["17 FEB, 2017", "10 DES, 2015", None]) is None
    assert date_languages(["fr", "en"], ["17 févr. 2017", "10 des 2015"]) == ["fr", "en"]
    assert date_languages(["fr", "en"], ["17 févr. 2017", "3 mars 2016"]) == ["fr", "en"]  # no filler: no check
    assert date_languages(None, ["10 DES, 2015"]) is None


def test_a_neighbour_naming_its_month_with_an_accent_names_a_month():
    """The neighbours' test read "décembre" as the words "d" and "cembre" (no accent folding, where the closing-days
    test of crawler/extract folded them): an English page's "17 décembre 2017" beside "10 DES, 2015" went unseen.
    One function now, names_a_month, folding as dates do (review)."""
    assert date_languages(["en"], ["10 DES, 2015", "17 décembre 2017"]) is None
    assert names_a_month("Verbale del 31 Maggio 2022") and names_a_month("Sitzung vom 5. März 2022")
    assert not names_a_month("Protokoll vom 05.06.2022")
