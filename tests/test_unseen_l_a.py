"""Records of real listing pages the generic extractor read wrong (issue 21, batch L, part A), each in small
synthetic HTML."""

from synthetic import URL
from synthetic import generic_entries as _entries

POSTS = ["Actividades de verano", "Catequesis de adultos", "Concierto de Navidad", "Retiro de Cuaresma"]
POSTS += ["Voluntarios para Cáritas", "Peregrinación a Ávila"]


def _post(i: int, name: str, title: str | None = None) -> str:
    slug = name.lower().replace(" ", "-")
    # most posts are shown in full inside the list: their heading again, a line, and a link to a leaflet
    leaflet = f"<p><a href='hoja-{i}.pdf'>Hoja informativa número {i} de la parroquia</a></p>" if i % 3 else ""
    return (
        f"<li><a href='{URL}{slug}/' style='font-weight:600'>{title or name}</a><div class='post-meta'>11-07-2026</div>"
        f"<p><h2>{title or name}</h2><p>Os esperamos a todos en los salones parroquiales.</p>{leaflet}</p>"
        f"<a href='{URL}{slug}/'>Leer más →</a></li>"
    )


def test_a_title_link_with_its_read_more_twin_names_the_record_not_a_link_in_the_post_shown_in_full():
    # each record: its title link, a date, the whole post (a leaflet link in most) and "Leer más" to the title's
    # address; the pointer confirms the title's place, it is no second entry that makes that place look worse
    html = "<h2>Artículos y Novedades</h2><ul>" + "".join(_post(i, n) for i, n in enumerate(POSTS)) + "</ul>"
    entries = _entries(html, "<html lang='es'>")
    assert [e["title"] for e in entries] == POSTS
    assert [e["url"] for e in entries] == [f"{URL}{n.lower().replace(' ', '-')}/" for n in POSTS]
    assert {e["date_start"] for e in entries} == {"2026-07-11"}


def test_a_link_named_by_a_date_beside_a_date_line_of_its_own_is_the_title_and_the_line_its_date():
    # a parish's leaflets named for their Sunday ("Domingo 01.02.2026"), each with a date line of its own
    # (when it was posted): the link's date names the leaflet, the record's date line dates it
    names = ["Domingo 01.02.2026", "Domingo 08.02.2026", "Domingo 15.02.2026", "Domingo 22.02.2026"]
    html = "<h2>Toma y lee</h2><ul>" + "".join(_post(i, f"hoja {i}", n) for i, n in enumerate(names)) + "</ul>"
    entries = _entries(html, "<html lang='es'>")
    assert [e["title"] for e in entries] == names
    assert [e["date_start"] for e in entries] == ["2026-07-11"] * 4


def test_a_link_named_by_a_date_with_no_other_date_line_still_gives_that_date():
    # the guard's other side: a meeting named by its date, its name beside, no date line of its own
    rows = "".join(
        f"<li><a href='/m/{d}'>{d} June 2022</a> Regular Meeting of the Board of Supervisors</li>" for d in (7, 14, 21)
    )
    entries = _entries(f"<h2>Meetings</h2><ul>{rows}</ul>", "<html lang='en'>")
    assert [e["date_start"] for e in entries] == ["2022-06-07", "2022-06-14", "2022-06-21"]
    assert {e["title"] for e in entries} == {"Regular Meeting of the Board of Supervisors"}


def test_a_table_rows_link_classed_otherwise_in_the_title_links_column_still_makes_it_an_entry():
    # a month of meetings: the agenda column links each date to its agenda; one row's agenda is a PDF opened in a
    # pop-up (<a class="popup">); a few rows also link their minutes in a later column, classed as others are not
    meetings = [
        "BOARD OF SUPERVISORS",
        "FINANCE COMMITTEE",
        "JUNTA ASESORA (Agenda únicamente)",
        "LEGISLATION COMMITTEE",
    ]
    rows = ""
    for i, name in enumerate(meetings):
        popup = " class='popup'" if i == 2 else ""
        minutes = f"<a href='/minutes/{i}'>Minutes</a>" if i % 2 == 0 else "&nbsp;"
        rows += (
            f"<tr><td><a href='/agenda/{i}'{popup}>July {26 - i}, 2022</a></td><td>{name}</td><td>{minutes}</td></tr>"
        )
    html = f"<table id='list'><tr><th>Agendas</th><th>Meeting</th><th>Minutes</th></tr>{rows}</table>"
    entries = _entries(html, "<html lang='en'>")
    assert [e["title"] for e in entries] == meetings
    assert [e["url"] for e in entries] == [f"https://example.org/agenda/{i}" for i in range(4)]
    assert entries[2]["date_start"] == "2022-07-24"


def test_report_cards_and_a_plain_list_in_sibling_sections_of_one_kind_are_both_the_list():
    # "Transparency": annual reports as cards (a link around a cover and a caption), then, in a section of the same
    # class under its own heading, audit reports as plain links; plainer titles, but the same kind of list
    years = range(2017, 2012, -1)
    cards = "".join(
        f"<li class='report'><a href='https://files.example.net/activities-{y}.pdf'><img src='/c{y}.jpg' alt=''>"
        f"<p class='caption'>Relatório de Atividades {y}</p></a></li>"
        for y in years
    )
    plain = "".join(
        f"<li><a href='https://files.example.net/audit-{y}.pdf'>Relatório de Auditoria {y}</a></li>" for y in years
    )
    html = (
        f"<div class='reports dark'><div class='container'><h2>Relatórios Anuais de Atividades</h2>"
        f"<ul class='activities'>{cards}</ul></div></div><div class='reports'><div class='container'>"
        f"<h2>Relatórios Anuais de Auditoria</h2><ul class='audits'>{plain}</ul></div></div>"
    )
    entries = _entries(html, "<html lang='pt'>")
    assert [e["title"] for e in entries] == [
        f"Relatório de {k} {y}" for k in ("Atividades", "Auditoria") for y in years
    ]


def test_a_sidebar_box_of_links_in_a_section_shaped_like_the_lists_does_not_join_it():
    # the guard: a plain div section of links beside the list's plain div section is a sidebar's box, not the list
    posts = "".join(f"<li><a href='/blog/post-{i}'>A long enough post title number {i} here</a></li>" for i in range(5))
    box = "".join(f"<p><a href='/blog/page-{i}'>Page {i}</a></p>" for i in range(4))
    html = f"<div><h2>Blog</h2><ul>{posts}</ul></div><div><h2>Pages</h2>{box}</div>"
    entries = _entries(html, "<html lang='en'>")
    assert len(entries) == 5
