"""Dates the generic extractor missed on batch J (issue 21), each shape in small synthetic HTML."""

from synthetic import generic_entries as _entries

from crawler.parsers.datelines import byline_field_date, date_in_line


def test_a_byline_parted_by_dot_operators_gives_its_date():
    """'Por Ajmme ⋅ septiembre 14, 2009 ⋅ 7 comentarios': a theme's middle dot written as the dot operator
    (U+22C5) or the bullet operator (U+2219) parts a meta line as '·' does; the part that is a date is the date."""
    days = ["septiembre 14, 2009", "agosto 23, 2009", "julio 21, 2009"]
    posts = "".join(
        f"<article><h3><a href='/p/{i}'>Noticia número {i} del blog</a></h3>"
        f"<p>Por Ajmme ⋅ {day} ⋅ {i + 2} comentarios</p><p>Un resumen de la noticia {i} con más palabras.</p>"
        "</article>"
        for i, day in enumerate(days)
    )
    entries = _entries(posts, "<html lang='es-ES'>")
    assert [e["date_start"] for e in entries] == ["2009-09-14", "2009-08-23", "2009-07-21"]
    assert date_in_line("Por Ana ∙ 3 mayo 2021 ∙ Noticias", ["es"]) == "3 mayo 2021"
    assert date_in_line("Por Ana ⋅ Noticias ⋅ 12 comentarios", ["es"]) is None


def _ordinances(year: int, days: list[str]) -> str:
    rows = "".join(
        f"<tr><td><p>{year % 100}-{i:02}</p></td><td><p><a href='/o/{year}-{i}.pdf'>Ordinance on the levy number {i}"
        f"</a></p></td><td><p>{day}</p></td></tr>"
        for i, day in enumerate(days)
    )
    head = "<tr><td><p><strong>Ordinance #</strong></p></td><td></td><td><p><strong>Adopted</strong></p></td></tr>"
    return f"<table><tr><td colspan='3'><p><strong>Fiscal Year {year}</strong></p></td></tr>{head}{rows}</table>"


def test_the_rows_of_tables_nested_in_a_layout_tables_rows_are_the_records():
    """A layout table whose rows each hold a fiscal year's table: the inner rows share the outer rows' shape, and
    each is one record with its date cell ('7/15/20', month first as 15 shows), not the layout row holding them."""
    years = {2020: ["7/15/20", "7/1/20", "6/3/20"], 2019: ["7/17/19", "7/2/19", "5/6/19"]}
    outer = "".join(f"<tr><td>{_ordinances(year, days)}</td></tr>" for year, days in years.items())
    entries = _entries(f"<table>{outer}</table>", "<html lang='en'>")
    assert [e["title"] for e in entries] == [f"Ordinance on the levy number {i}" for i in range(3)] * 2
    assert [e["date_start"] for e in entries] == [
        "2020-07-15", "2020-07-01", "2020-06-03", "2019-07-17", "2019-07-02", "2019-05-06",
    ]  # fmt: skip


def _motions(header: str, cells: list[str]) -> str:
    rows = "".join(
        f"<tr><td><a href='/m/{i}'>Motion on the city's housing number {i}</a></td><td>{cell}</td><td>-</td>"
        f"<td>Section {i}</td></tr>"
        for i, cell in enumerate(cells)
    )
    return f"<table><thead><tr><th>Name</th><th>{header}</th><th>Status</th><th>Von</th></tr></thead>{rows}</table>"


def test_a_cell_under_a_date_header_gives_its_date_beside_a_short_label_even_as_a_link():
    """'Datum' over cells such as <a>KDV 19.10.2024</a> (the conference that voted, and its day): the header says
    the cell is a date, so the label beside it is no sentence. Under another header, the same cells give no date."""
    days = ["19.10.2024"] * 3 + ["18.11.2023"] * 5  # one conference voted on several motions
    cells = [f"<a href='/kdv/{d}'>KDV {d}</a>" for d in days]
    entries = _entries(_motions("Datum", cells), "<html lang='de'>")
    assert [e["title"] for e in entries] == [f"Motion on the city's housing number {i}" for i in range(8)]
    assert [e["date_start"] for e in entries] == ["2024-10-19"] * 3 + ["2023-11-18"] * 5
    dated = _entries(_motions("Meeting date", ["Council 14 May 2023", "Board 2 June 2023", "Council 9 June 2023"]))
    assert [e["date_start"] for e in dated] == ["2023-05-14", "2023-06-02", "2023-06-09"]
    assert [e["date_start"] for e in _entries(_motions("Gremium", cells), "<html lang='de'>")] == [None] * 8
    named = _entries(_motions("Data", ["Survey 2020", "Census 2021", "Survey 2022"]))
    assert [e["date_start"] for e in named] == [None] * 3  # a year closing a name under "Data" is none


def test_an_author_field_closing_on_a_numeric_day_dates_the_post_however_long_its_line():
    """<h2><a>Title</a></h2><p><strong>Author:</strong> R. S. Doiel 2025-08-11 <strong>Categories:</strong> …</p>,
    headings and paragraphs with no wrapper per post: the author's field closes on the post's day, and the fields
    after it make the line too long for a meta line. A bare year closing the name is no day."""
    days = ["2025-08-11", "2025-08-01", "2025-04-10"]
    posts = "".join(
        f"<h2><a href='/posts/{day}.html'>Notes on the search service number {i}</a></h2>"
        f"<p><strong>Description:</strong> What was learnt setting up the service, step by step, number {i}.</p>"
        f"<p><strong>Author:</strong> jane@example.edu (J. Doe) {day} <strong>Categories:</strong> site search, "
        "opensearch description document, pagefind, web browser</p>"
        for i, day in enumerate(days)
    )
    assert [e["date_start"] for e in _entries(posts, "<html lang='en'>")] == days
    assert byline_field_date("Autor: Hans Meier, 11.08.2025") == "11.08.2025"
    assert byline_field_date("Author: Jane Doe 2019 Categories: Reports") is None
    assert byline_field_date("Description: the 2025-08-11 release") is None


def test_a_date_column_gives_dates_never_names_and_its_head_is_no_group():
    """A stranger's table: the "Date" column's "KDV 19.10.2024" is the row's date; "TBD" and "Plan 2022" give none;
    titles keep markup as text."""
    rows = (
        "<tr><td><a href='/a'>&lt;b&gt;Report&lt;/b&gt; on roads</a></td><td>KDV 19.10.2024</td></tr>"
        "<tr><td><a href='/b'>Budget for the year 2024/25</a></td><td>TBD</td></tr>"
        "<tr><td><a href='/c'>Release notes of the tool</a></td><td>Plan 2022</td></tr>"
    )
    entries = _entries(f"<table><tr><th>Name</th><th>Date</th></tr>{rows}</table>", "<html lang='de'>")
    assert [e["title"] for e in entries] == [
        "<b>Report</b> on roads",
        "Budget for the year 2024/25",
        "Release notes of the tool",
    ]
    assert [e.get("date_start") for e in entries] == ["2024-10-19", None, None]


def test_a_tables_header_row_is_no_group_heading():
    rows = "".join(
        f"<tr><td><a href='/{i}'>Annual report number {i}</a></td><td>{i}.3.2024</td></tr>" for i in (1, 2, 3)
    )
    entries = _entries(f"<table><tr><th>Name</th><th>Date</th></tr>{rows}</table>", "<html lang='de'>")
    assert [e.get("group") for e in entries] == [None, None, None]
