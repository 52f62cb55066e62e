"""Dates the generic extractor missed on batch J (issue 21), each shape in small synthetic HTML."""

from synthetic import generic_entries as _entries

from crawler.parsers.datelines import date_in_line


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
