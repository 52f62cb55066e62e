"""Known misses of the generic extractor on the tuned part of the real corpus (issue 21), each as the general
shape it stands for, in small synthetic HTML. Earlier files of these: tests/test_unseen_l_a.py, _l_b.py."""

from synthetic import URL
from synthetic import generic_entries as _entries

POSTS = ["Dagbogen 2025", "Interview om skolens historie", "Foredrag om fællesskab"]
YEARBOOKS = ["1982", "1981", "1978/1979"]


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


def test_a_post_named_by_a_year_in_its_heading_is_not_dated_by_it():
    posts = "".join(
        f"<div class='list__item'><article><h2><a href='/dagbog/{i}/'>{name}</a></h2>"
        "<p class='meta'>23 minutters læsning</p><p>Forstanderen samler op på året</p></article></div>"
        for i, name in enumerate(YEARBOOKS)
    )
    entries = _entries(f"<div class='entries-list'>{posts}</div>", head="<html lang='da'>")
    assert [e["title"] for e in entries] == YEARBOOKS
    assert [e["date_start"] for e in entries] == [None] * 3


def test_a_day_box_opening_a_record_still_dates_it():
    rows = "".join(
        f"<div class='row'><div class='day'>{day} lug</div><div class='col'><div class='card'>"
        f"<h3><a href='/e/{day}'>Evento numero {day} in piazza</a></h3><p>Una serata di musica e parole.</p>"
        "</div></div></div>"
        for day in (3, 12, 27)
    )
    entries = _entries(f"<h2>Luglio 2023</h2><div class='list'>{rows}</div>", head="<html lang='it'>")
    assert [e["date_start"] for e in entries] == ["2023-07-03", "2023-07-12", "2023-07-27"]


PAPERS = [
    "Genomic surveillance of an outbreak in the east of the country",
    "Meeting the challenge of two epidemics at once: priorities for control",
    "Serological results in African countries and how to read them",
    "Multiplex detection of antibodies in non-human primates",
]


def _papers(hrefs: list[str]) -> str:
    return "".join(
        f"<div class='row py-3'><div class='col-2'><img src='/img/{i}.jpg'></div><div class='col'>"
        f"<div class='row'><h4><a class='postLink' href='{href}'>{PAPERS[i]}</a></h4></div>"
        f"<div class='row'><p>Author {i} et al., Journal of Things</p></div></div></div>"
        for i, href in enumerate(hrefs)
    )


def test_a_record_whose_link_has_an_empty_address_stays_an_entry_without_a_link():
    hrefs = ["https://doi.org/10.1/a", "", "https://doi.org/10.1/c", "https://doi.org/10.1/d"]
    entries = _entries(_papers(hrefs) + "<p><a href=''>Print</a> <a href=''>Load more</a></p>")
    assert [e["title"] for e in entries] == PAPERS
    assert [e["url"] for e in entries] == [hrefs[0], None, hrefs[2], hrefs[3]]
    assert entries[1]["entry_id"].startswith("sha1:")


INITIATIVES = [
    "Convenio entre dos reinos para evitar la doble imposición en materia de renta",
    "Acuerdo sobre intercambio de información en materia tributaria",
    "Moción de reprobación a un secretario de Estado por su gestión",
    "Declaración de aceptación de la adhesión de una república a un convenio",
]
# Records and the search form's links all go through one script (a CGI portal): one directory, other queries.
SEARCH = "/portal/Busqueda?next=/wc/"
SEARCH_TOOLS = (
    f"<div class='opciones'><span><a href='{SEARCH}buscador&amp;modificar=si'>Modificar búsqueda</a> "
    f"<a href='{SEARCH}buscador&amp;modificar=no'>Nueva búsqueda</a></span></div>"
)


def test_links_shown_above_and_below_the_list_are_its_controls_not_entries():
    """A list beside the winning one whose links are each shown twice (the search form's "Modify search" and "New
    search" above and below the results) is the list's controls, however alike their addresses."""
    records = "".join(
        f"<div id='RESULTADOS'><div class='resultados'><p class='titulo'>"
        f"<a href='{SEARCH}servidor&amp;DOCS={i}'>{title}</a></p>"
        f"<p class='sub'>Presentado el 1{i}/12/2010, calificado el 2{i}/12/2010</p></div></div>"
        for i, title in enumerate(INITIATIVES)
    )
    top = f"<div id='RESULTADOS'><div class='titulo'>Iniciativas encontradas 31596</div>{SEARCH_TOOLS}</div>"
    region = f"<div class='portlet'><div id='region'>{top}{records}{SEARCH_TOOLS}</div></div>"
    entries = _entries(region, head="<html lang='es'>")
    assert [e["title"] for e in entries] == INITIATIVES
    assert [e["date_start"] for e in entries] == [f"2010-12-1{i}" for i in range(4)]


NOTICES = [
    "General assembly of the members",
    "Summer opening hours of the office",
    "New board elected for two years",
    "Call for volunteers for the fair",
]


def _notices(linked: bool) -> str:
    return "".join(
        f"<article id='post-{i}'><h2>{f'<a href={URL}#post-{i}>{title}</a>' if linked else title}</h2>"
        f"<p class='date'>{i + 2} May 2024</p><p>The association tells its members about it, notice {i}.</p></article>"
        for i, title in enumerate(NOTICES)
    )


def test_a_table_of_contents_written_with_the_pages_own_address_is_in_page_navigation():
    toc = "<div class='toc'><ul>" + "".join(f"<li><a href='{URL}#post-{i}'>{t}</a></li>" for i, t in enumerate(NOTICES))
    entries = _entries(f"<h1>News</h1>{toc}</ul></div>{_notices(linked=False)}")
    assert [e["title"] for e in entries] == NOTICES
    assert [e["url"] for e in entries] == [f"{URL}#post-{i}" for i in range(4)]
    assert [e["date_start"] for e in entries] == [f"2024-05-0{i + 2}" for i in range(4)]  # the articles, not the TOC
    assert all(e["description"].startswith("The association") for e in entries)


def test_a_record_whose_link_is_its_own_in_page_address_keeps_it():
    entries = _entries(f"<h1>News</h1>{_notices(linked=True)}")
    assert [e["title"] for e in entries] == NOTICES
    assert [e["date_start"] for e in entries] == [f"2024-05-0{i + 2}" for i in range(4)]


LEAFLETS = ["Domingo 30.11.2025 - C", "Domingo 07.12.2025 - B", "Fiesta de la Inmaculada - 08.12.2025"]


def _leaflets(date_line: bool) -> str:
    return "".join(
        f"<li><a href='/hoja/{i}/'>{title}</a>"
        + ("<div class='post-meta'>11-07-2026</div>" if date_line else "")
        + f"<p>Una hoja para la semana, número {i}, con las lecturas.</p><a href='/hoja/{i}/'>Leer más →</a></li>"
        for i, title in enumerate(LEAFLETS)
    )


def test_a_date_at_the_edge_of_a_title_stays_in_it_when_what_is_left_names_nothing():
    entries = _entries(f"<ul class='posts'>{_leaflets(date_line=True)}</ul>", head="<html lang='es'>")
    assert [e["title"] for e in entries] == [LEAFLETS[0], LEAFLETS[1], "Fiesta de la Inmaculada"]
    # each record's own date line; a title's edge date beside a name still wins over an unmarked line
    assert [e["date_start"] for e in entries] == ["2026-07-11", "2026-07-11", "2025-12-08"]


def test_without_a_date_line_such_a_title_still_gives_its_date():
    entries = _entries(f"<ul class='posts'>{_leaflets(date_line=False)}</ul>", head="<html lang='es'>")
    assert [e["title"] for e in entries] == [LEAFLETS[0], LEAFLETS[1], "Fiesta de la Inmaculada"]
    assert [e["date_start"] for e in entries] == ["2025-11-30", "2025-12-07", "2025-12-08"]


def test_a_short_name_of_two_letters_after_the_date_is_still_the_title():
    posts = "".join(
        f"<li><a href='/p/{i}/'>{day} december 2005 - {name}</a><p>Ett inlägg om dagen, nummer {i}.</p></li>"
        for i, (day, name) in enumerate([(20, "u.ä"), (21, "Jul"), (22, "Om snö och is")])
    )
    entries = _entries(f"<ul class='posts'>{posts}</ul>", head="<html lang='sv'>")
    assert [e["title"] for e in entries] == ["u.ä", "Jul", "Om snö och is"]
    assert [e["date_start"] for e in entries] == ["2005-12-20", "2005-12-21", "2005-12-22"]


CLIPS = [
    ("9.20.20", ["Metro United Way wants the community to come together"]),
    ("9.19.20", ["Kentuckians in final stretch to complete census forms"]),
    ("9.18.20", ["Bank hires a diversity officer from the schools"]),
    (
        "9.15.20",
        ["Program helps with financial empowerment (part 1)", "Program helps with financial empowerment (part 2)"],
    ),
    ("9.10.20", ["Local chapters seeking more children for free books"]),
    ("9.9.20", ["Free bikes for the holidays for children in the state"]),
    ("9.8.20", ["Radio host living on a lift to support bike donations"]),
]


def _clip(day: str, titles: list[str]) -> str:
    links = "".join(f"<a href='https://news.example.com/{day}/{i}/'>{t}</a><br>" for i, t in enumerate(titles))
    return f"<p>{day}<br>{links}-WHAS11</p>"


def test_title_links_stacked_on_their_own_lines_under_one_date_are_entries_each():
    clips = "".join(_clip(day, titles) for day, titles in CLIPS)
    entries = _entries(f"<div class='entry-content'>{clips}</div>", head="<html lang='en-US'>")
    assert [e["title"] for e in entries] == [t for _, ts in CLIPS for t in ts]
    assert [e["date_start"] for e in entries][3:5] == ["2020-09-15", "2020-09-15"]


def test_a_short_link_stacked_under_a_title_is_no_item_of_its_own():
    clips = [(day, [*titles, "Radio coverage"]) if day == "9.15.20" else (day, titles) for day, titles in CLIPS]
    entries = _entries("<div class='entry-content'>" + "".join(_clip(d, ts) for d, ts in clips) + "</div>")
    assert "Radio coverage" not in [e["title"] for e in entries]
