"""Group headings in the generic extractor: a year, month or day heading over records dates them or does not (version
numbers, ratings and years in titles are no dates)."""

import pytest
from synthetic import generic_entries as _entries


def test_version_numbers_as_titles_under_a_years_heading_are_no_dates():
    """A changelog in German (figures day first): "<h2>2020</h2><li><a>3.1</a> Frühjahrs-Update</li>": a title of
    bare figures is a version, not the 3rd of January (nor an impossible '3.0.2020')."""

    def year(number, versions):
        items = "".join(f"<li><a href='/r/{v}'>{v}</a> Update mit neuen Funktionen {v}</li>" for v in versions)
        return f"<h2>{number}</h2><ul>{items}</ul>"

    entries = _entries(year(2020, ["3.1", "3.0", "1.12"]) + year(2019, ["1.11", "1.10"]), "<html lang='de'>")
    assert [e["title"] for e in entries] == ["3.1", "3.0", "1.12", "1.11", "1.10"]
    assert [e["date_start"] for e in entries] == [None] * 5


def _years(items_by_year, lang) -> list[dict]:
    html = "".join(
        f"<h2>{year}</h2><ul>"
        + "".join(f"<li><a href='/p/{year}/{i}'>{title}</a> <span>{shown}</span></li>" for i, (title, shown) in items)
        + "</ul>"
        for year, items in items_by_year
    )
    return _entries(html, f"<html lang='{lang}'>")


def test_ratings_under_a_years_heading_are_no_dates():
    """Reviews by year, each rated "4/5": one denominator over every entry is a score, not the 4th of May."""
    entries = _years(
        [(2020, enumerate([("Le Grand Bleu revu", "4/5"), ("Amélie au cinéma", "3/5")])),
         (2019, enumerate([("La Haine encore", "5/5"), ("Les Choristes", "2/5")]))],
        "fr",
    )  # fmt: skip
    assert [e["date_start"] for e in entries] == [None] * 4


def test_version_numbers_beside_titles_under_a_years_heading_are_no_dates():
    """ "3.1" is a version: a day and month in figures joined by dots close on a dot ("24.12.")."""
    entries = _years(
        [(2020, enumerate([("Frühjahrs-Update mit Funktionen", "3.1"), ("Großes Update", "3.0")])),
         (2019, enumerate([("Herbst-Update", "2.9"), ("Sommer-Update", "2.8")]))],
        "de",
    )  # fmt: skip
    assert [e["date_start"] for e in entries] == [None] * 4


POSTS = ["Dagbogen 2025", "Interview om skolens historie", "Foredrag om fællesskab"]


def _year_sections(years: list[str]) -> str:
    return "".join(
        f"<section id='{year}'><h2>{year}</h2><div class='entries-list'>"
        + "".join(
            f"<div class='list__item'><article><h2><a href='/p/{year}/{i}/'>{post}</a></h2>"
            f"<p class='meta'>5 minutters læsning</p><p>Et indlæg fra året om skolens liv nummer {i}.</p>"
            "</article></div>"
            for i, post in enumerate(POSTS)
        )
        + "</div></section>"
        for year in years
    )


def test_a_year_heading_over_a_section_of_records_gives_them_no_date():
    entries = _entries(_year_sections(["2025", "2024"]), head="<html lang='da'>")
    assert [e["title"] for e in entries] == POSTS * 2
    assert [e["group"] for e in entries] == ["2025"] * 3 + ["2024"] * 3
    assert [e["date_start"] for e in entries] == [None] * 6


YEARBOOKS = ["1982", "1981", "1978/1979"]


def test_a_post_named_by_a_year_in_its_heading_is_not_dated_by_it():
    posts = "".join(
        f"<div class='list__item'><article><h2><a href='/dagbog/{i}/'>{name}</a></h2>"
        "<p class='meta'>23 minutters læsning</p><p>Forstanderen samler op på året</p></article></div>"
        for i, name in enumerate(YEARBOOKS)
    )
    entries = _entries(f"<div class='entries-list'>{posts}</div>", head="<html lang='da'>")
    assert [e["title"] for e in entries] == YEARBOOKS
    assert [e["date_start"] for e in entries] == [None] * 3


MONTHS = ("December", "November", "October", "September", "August", "July", "June", "May", "April", "March")


# A heading a meeting, most with one document named alike, the first with two: the heading's box outscores its items
MEETINGS = {"January 16, 2020": ["Notice of Rescheduled Board Meeting", "Agenda of Rescheduled Board Meeting"]}
MEETINGS |= {f"{month} 12, {year}": ["Minutes of Regular Board Meeting"] for year in (2019, 2018) for month in MONTHS}


def _meetings() -> str:
    return "".join(
        f"<div class='links'><h6>{day}</h6><ul>"
        + "".join(
            f"<li><a href='/media/{day[:3]}{day[-4:]}{i}.pdf'>{name} - {day}</a></li>" for i, name in enumerate(names)
        )
        + "</ul></div>"
        for day, names in MEETINGS.items()
    )


def test_every_document_under_a_date_heading_is_an_entry_dated_by_it():
    entries = _entries(_meetings(), "<html lang='en-US'>")
    expected = [(name, day) for day, names in MEETINGS.items() for name in names]
    assert [(e["title"], e["group"]) for e in entries] == expected
    assert [e["date_start"] for e in entries][:3] == ["2020-01-16", "2020-01-16", "2019-12-12"]


@pytest.mark.parametrize(
    ("shown", "lang", "expected"),
    [
        (["7/24", "3/30", "12/20", "10/5"], "es", ["2020-07-24", "2020-03-30", "2019-12-20", "2019-10-05"]),
        (["24.7.", "30.3.", "20.12.", "5.10."], "de", ["2020-07-24", "2020-03-30", "2019-12-20", "2019-10-05"]),
        (["3/4", "5/6", "1/2", "2/3"], "en-US", ["2020-03-04", "2020-05-06", "2019-01-02", "2019-02-03"]),
        (["3/4", "5/6", "1/2", "2/3"], "fr", ["2020-04-03", "2020-06-05", "2019-02-01", "2019-03-02"]),
    ],
)
def test_a_day_and_month_in_figures_under_a_years_heading_take_that_year_in_the_pages_order(shown, lang, expected):
    def year(number, days):
        items = "".join(
            f"<li><span class='date'>{day}</span><a href='/p/{number}{day}'>Post of {day}</a></li>" for day in days
        )
        return f"<h3>{number}</h3><ul>{items}</ul>"

    entries = _entries(year(2020, shown[:2]) + year(2019, shown[2:]), f"<html lang='{lang}'>")
    assert [e["date_start"] for e in entries] == expected


@pytest.mark.parametrize(
    ("lang", "days", "expected"),
    [
        ("de", ["9. April", "24. Mai", "3. Oktober"], ["2016-04-09", "2016-05-24", "2016-10-03"]),
        (
            "de",
            ["Samstag, 9. April", "Dienstag, 24. Mai", "Montag, 3. Oktober"],
            ["2016-04-09", "2016-05-24", "2016-10-03"],
        ),
    ],
)
def test_a_day_with_its_ordinal_dot_and_a_month_in_words_under_a_years_heading_takes_that_year(lang, days, expected):
    # "9. April" (German, Czech, Nordic typography: the day's dot makes it an ordinal) is a day and month as "9 April"
    # is; under the heading "2016" it is that year's
    items = "".join(
        f"<li><a href='/v/{i}'>Konzert für Flöte und Klavier {i}</a> <span>{day}</span></li>"
        for i, day in enumerate(days)
    )
    entries = _entries(f"<h2>2016</h2><ul>{items}</ul>", f"<html lang='{lang}'>")
    assert [e["date_start"] for e in entries] == expected


def test_a_menu_link_named_by_a_year_before_the_list_is_no_group_heading():
    # the sub-menu of a year's programme ("<li><a>2016</a></li><li><a>2017</a></li>") links the other years' pages:
    # it heads none of these entries, and a day shown without a year is not given the menu's last year
    menu = "<ul class='sub'><li><a href='/v/2016/'>2016</a></li><li><a href='/v/2017/'>2017</a></li></ul>"
    items = "".join(
        f"<p><a href='/v/2016/{i}/'>Vortrag über die Bilder des Malers {i}</a> <span>{day}. Mai</span></p>"
        for i, day in enumerate((8, 13, 22))
    )
    entries = _entries(f"<div class='text'>{menu}{items}</div>", "<html lang='de'>")
    assert [e["title"] for e in entries] == [f"Vortrag über die Bilder des Malers {i}" for i in range(3)]
    assert [(e["group"], e["date_start"]) for e in entries] == [(None, None)] * 3
