"""Dates and titles the generic extractor missed on batch K (issue 21, part B), each shape in small synthetic
HTML."""

from synthetic import generic_entries as _entries


def test_a_records_text_saying_when_it_was_published_gives_its_date():
    """'… ha publicado el 17 de Diciembre de 2019 la convocatoria …': with no date line of its own, the record's
    text names its publication day after a verb of publishing; a date merely mentioned in the prose gives none."""
    days = ["17 de Diciembre de 2019", "13 de Diciembre de 2019", "4 de Diciembre de 2019"]
    posts = "".join(
        f"<section class='post'><h2><a href='/c/{i}'>Adquisición de equipos de computación número {i}</a></h2>"
        f"<div><p>En La Paz, el Gobierno Municipal ha publicado el {day} la convocatoria "
        f"<a href='/c/{i}'>19-{i}</a>.</p></div></section>"
        for i, day in enumerate(days)
    )
    entries = _entries(posts, "<html lang='es'>")
    assert [e["date_start"] for e in entries] == ["2019-12-17", "2019-12-13", "2019-12-04"]
    mentioned = posts.replace("ha publicado el", "recuerda que el")
    assert [e["date_start"] for e in _entries(mentioned, "<html lang='es'>")] == [None] * 3


def test_a_one_cell_section_row_of_a_table_still_heads_its_rows():
    """Beside the header row 'Name | Date' (a column's header, no group: tests/test_unseen_dates_j.py), a row of
    one header cell ('2023') between the rows is their section heading."""
    rows = "".join(
        f"<tr><td><a href='/{i}'>Annual report number {i}</a></td><td>{i}.3.2023</td></tr>" for i in (1, 2, 3)
    )
    table = f"<table><tr><th>Name</th><th>Date</th></tr><tr><th colspan='2'>2023</th></tr>{rows}</table>"
    assert [e.get("group") for e in _entries(table, "<html lang='de'>")] == ["2023"] * 3
