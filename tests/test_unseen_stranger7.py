"""A stranger's attack on issue 21's generic rules (session of batch G): hostile shapes, each in small synthetic
HTML, that a rule read wrong."""

from synthetic import generic_entries as _entries
from synthetic import page, read

DEPARTMENTS = ["PUBLIC WORKS DEPARTMENT", "PARKS DEPARTMENT", "POLICE DEPARTMENT"]


def test_a_link_naming_a_kind_gives_its_line_not_the_lines_after_its_line_break():
    items = "".join(
        f"<li><a href='/doc/{i}'>{DEPARTMENTS[i % 3]}</a> - Annual budget {2000 + i}<br>12 March {2000 + i}</li>"
        for i in range(9)
    )
    entries = _entries(f"<ul>{items}</ul>", "<html lang='en'>")
    assert [e["title"] for e in entries] == [f"{DEPARTMENTS[i % 3]} - Annual budget {2000 + i}" for i in range(9)]
    assert [e["date_start"] for e in entries][:2] == ["2000-03-12", "2001-03-12"]


def test_a_repeated_meeting_name_followed_only_by_its_date_stays_the_title():
    """<li><a>City Council Meeting</a> - 1 March 2020</li> for each meeting: the line goes on with a date, not a
    name: the title stays the link's words (a title that changed on upgrade would be a new version of each)."""
    items = "".join(f"<li><a href='/m/{i}'>City Council Meeting</a> - {i + 1} March 2020</li>" for i in range(8))
    entries = _entries(f"<ul>{items}</ul>", "<html lang='en'>")
    assert [e["title"] for e in entries] == ["City Council Meeting"] * 8
    assert [e["date_start"] for e in entries][:2] == ["2020-03-01", "2020-03-02"]


def test_version_numbers_as_titles_under_a_years_heading_are_no_dates():
    """A changelog in German (figures day first): "<h2>2020</h2><li><a>3.1</a> Frühjahrs-Update</li>": a title of
    bare figures is a version, not the 3rd of January (nor an impossible '3.0.2020')."""

    def year(number, versions):
        items = "".join(f"<li><a href='/r/{v}'>{v}</a> Update mit neuen Funktionen {v}</li>" for v in versions)
        return f"<h2>{number}</h2><ul>{items}</ul>"

    entries = _entries(year(2020, ["3.1", "3.0", "1.12"]) + year(2019, ["1.11", "1.10"]), "<html lang='de'>")
    assert [e["title"] for e in entries] == ["3.1", "3.0", "1.12", "1.11", "1.10"]
    assert [e["date_start"] for e in entries] == [None] * 5


def test_learn_reads_cards_that_are_links_side_by_side_with_their_title_as_leading_words():
    """<div class='list'><a class='card'>Title words<div>authors</div><div>Fisheries · <span>date</span></div></a>
    ...: with no box around each link, learn said "nothing around it repeats" though the links do."""
    cards = "".join(
        f"<a class='card' href='/a{i}'>Annual report number {i} on coastal fisheries<div class='authors'>Jane Doe"
        f"</div><div class='meta'>Fisheries · <span>{i + 1} March 2023</span></div></a>"
        for i in range(5)
    )
    text, entries = read(page(f"<div class='list'>{cards}</div>"), ["Annual report number 2 on coastal fisheries"])
    assert [e["title"] for e in entries] == [f"Annual report number {i} on coastal fisheries" for i in range(5)], text
    assert [e["date_start"] for e in entries][:2] == ["2023-03-01", "2023-03-02"], text


def test_a_last_line_opening_on_a_lowercase_by_is_the_titles_not_an_author():
    items = "".join(f"<li><a href='/t{i}'>Trip to the lake number {i}<br/>by train and boat</a></li>" for i in range(4))
    assert [e["title"] for e in _entries(f"<ul>{items}</ul>")] == [
        f"Trip to the lake number {i} by train and boat" for i in range(4)
    ]


def test_learn_gives_no_entry_the_date_row_of_the_next_when_dates_stand_above_their_titles():
    """<tr><td>1 March 2020</td></tr><tr><td><a>Report 0</a></td></tr>...: each title-less row leads the row below
    it; joined to the entry above, every report took the next one's date."""
    rows = "".join(
        f"<tr><td class='d'>{i + 1} March 2020</td></tr>"
        f"<tr><td><a href='/doc/{i}'>Report number {i} on wages</a></td></tr>"
        for i in range(6)
    )
    text, entries = read(page(f"<table>{rows}</table>"), ["Report number 2 on wages"])
    assert [e["title"] for e in entries] == [f"Report number {i} on wages" for i in range(6)], text
    assert [e["date_start"] for e in entries][1] in (None, "2020-03-02"), text


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


def test_an_authors_line_with_a_combining_accent_is_no_part_of_the_title():
    byline = "Par Rene\u0301e Dupont"  # the accent a combining mark: the title is composed, the line was not
    items = "".join(f"<li><a href='/s{i}'>Chronique numéro {i} de la ville<br/>{byline}</a></li>" for i in range(4))
    titles = [e["title"] for e in _entries(f"<ul>{items}</ul>")]
    assert titles == [f"Chronique numéro {i} de la ville" for i in range(4)]


def test_a_cards_meta_line_of_plain_text_gives_its_date():
    """<a>Title words<div>Jane Doe</div><div>Fisheries · 12 March 2023</div></a>: the date in no element of its
    own is still the card's line's date (the title taken from the leading words left it out)."""
    cards = "".join(
        f"<div class='c'><a href='/a{i}'><div>Annual report number {i} on coastal fisheries<div>Jane Doe</div>"
        f"<div>Fisheries · {i + 1} March 2023</div></div></a></div>"
        for i in range(4)
    )
    entries = _entries(cards, "<html lang='en'>")
    assert [e["title"] for e in entries] == [f"Annual report number {i} on coastal fisheries" for i in range(4)]
    assert [e["date_start"] for e in entries] == [f"2023-03-0{i + 1}" for i in range(4)]
