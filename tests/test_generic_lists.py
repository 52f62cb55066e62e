"""The generic extractor's choice of the list: which blocks are the listing and which are menus, sidebars, columns
copying it, utility menus, breadcrumbs or tables of members. Each shape in small synthetic HTML; more in
test_generic_list_shapes.py."""

import lxml.html
import pytest
from synthetic import URL
from synthetic import generic_entries as _entries

from crawler.entries import build_entries
from crawler.extract import extract_page


def _card_column(width: str, heading: str, numbers) -> str:
    card = (
        "<div class='py-2'><div class='card'><div class='card-body'><span class='kind'>Article</span>"
        "<span class='date'>{day:02d}/07/2025</span><h4><a href='/news/articles/story-{n}/'>Cloud story number {n} "
        "for the public sector</a></h4><p class='card-text'>A teaser of some words about story {n}.</p>"
        "</div></div></div>"
    )
    cards = "".join(card.format(n=n, day=n + 1) for n in numbers)
    return f"<div class='{width}'><div><h2>{heading}</h2></div><div class='d-flex flex-column'>{cards}</div></div>"


def test_a_column_beside_the_list_that_repeats_most_of_its_records_is_no_part_of_it():
    # "Filter: Articles" beside "All articles": the same cards again, a filtered copy of the list
    side = _card_column("col-lg-4", "Filter: Articles", [0, 1, 2, 4, 5, 8])
    main = _card_column("col-lg-7", "All articles", range(10))
    entries = _entries(f"<div class='row'>{main}{side}</div>", "<html lang='en-GB'>")
    assert [e["url"].rsplit("/", 2)[1] for e in entries] == [f"story-{n}" for n in range(10)]


def test_a_twin_column_of_other_records_still_joins_the_list():
    side = _card_column("col-lg-4", "More articles", [10, 11, 12, 4])  # one shared card: no copy
    main = _card_column("col-lg-7", "All articles", range(6))
    entries = _entries(f"<div class='row'>{main}{side}</div>", "<html lang='en-GB'>")
    assert [e["url"].rsplit("/", 2)[1] for e in entries][-4:] == ["story-10", "story-11", "story-12", "story-4"]


def test_months_of_meetings_linking_to_the_same_committee_pages_are_no_copies_of_each_other():
    committees = ["Planning Commission regular meeting", "Parks and Recreation board", "Library trustees meeting"]

    def month(name: str, number: int, order) -> str:
        rows = "".join(
            f"<li><a href='/committees/{k}/'>{committees[k]}</a> <span>{number}/{day}/2025</span></li>"
            for day, k in enumerate(order, start=3)
        )
        return f"<h3>{name} 2025</h3><ul class='meetings'>{rows}</ul>"

    html = month("March", 3, [0, 1, 2]) + month("April", 4, [2, 0, 1])
    entries = extract_page(f"<html lang='en-US'><body><main>{html}</main></body></html>", URL, "auto").entries
    assert [e.date_text for e in entries] == [f"{m}/{day}/2025" for m in (3, 4) for day in (3, 4, 5)]


def test_posts_each_alone_in_a_wrapper_are_one_list_whatever_their_category():
    post = "<div class='post-container'><article class='post-{i} post type-post category-{c} hentry'>"
    post += "<header class='post-header'><h1 class='post-title entry-title'><a href='/p/{i}'>Post number {i}</a></h1>"
    post += "</header><div class='featured-media'><a href='/p/{i}'><img src='/i/{i}.jpg'></a></div>"
    post += "<div class='post-inner'><div class='post-content'><p>Excerpt of post {i}, a few words long.</p>"
    post += "<a class='more-link' href='/p/{i}#more'>Continue Reading</a></div></div>"
    post += "<div class='post-meta'><a class='post-date' href='/p/{i}'>May {d}, 2020</a>"
    post += "<a class='post-comments' href='/p/{i}#respond'>0</a></div></article></div>"
    cats = ["medios", "medios", "medios", "otros"] + ["uncategorized"] * 6
    body = "<div class='posts'>" + "".join(post.format(i=i, c=c, d=i + 1) for i, c in enumerate(cats)) + "</div>"
    entries = _entries(body)
    assert [e["title"] for e in entries] == [f"Post number {i}" for i in range(10)]


def test_a_records_own_category_is_no_part_of_its_shape():
    from crawler.extract.records import Shapes

    html = "<div>" + "".join(
        f"<div class='wrap'><article class='post type-post category-{c} tag-x hentry'>x</article></div>"
        for c in ("medios", "otros", "uncategorized")
    )
    root = lxml.html.fromstring(html + "</div>")
    shapes = Shapes(root)
    assert len({shapes(a) for a in root.iter("article")}) == 1


def test_two_events_on_one_day_of_a_calendar_make_no_list_the_other_days_stray_from():
    days = [(2, ["City Council Meeting"]), (13, ["Tree Board Meeting"]), (15, ["Planning Commission"])]
    days += [(27, ["Community Development Committee", "Library Board Meeting"]), (30, ["Finance Committee"])]
    cells = [
        f"<td class='single-day'><div class='inner'><div class='day'>{day}</div>"
        + "".join(
            f"<div class='item'><div class='view-item'><div class='calendar monthview'>"
            f"<div class='calendar.{day}{k}.field_date.0.0 contents'><div class='views-field-title'>"
            f"<a href='/council/page/{day}-{k}'>{name}</a></div><span class='date'>January {day}, 2025</span>"
            "</div></div></div></div>"
            for k, name in enumerate(names)
        )
        + "</div></td>"
        for day, names in days
    ]
    weeks = "".join(f"<tr>{cells[i]}{cells[i + 1]}</tr>" for i in (0, 2)) + f"<tr>{cells[4]}</tr>"
    entries = _entries(f"<table class='calendar'>{weeks}</table>", "<html lang='en-US'>")
    assert len(entries) == 6  # the lone events of the other weeks stay


POSTS = [
    ("Un documentaire inédit sur la controverse", "25", "fév 24", "2024-02-25"),
    ("Une tribune alerte sur les diagnostics erronés", "15", "jan 24", "2024-01-15"),
    ("Une Australienne innocentée après vingt ans", "14", "déc 23", "2023-12-14"),
]


def _cards(posts) -> str:
    return "".join(
        f"<div class='col'><article class='inner-box'><figure class='image-box'><a href='/p{i}'><img src='/i{i}.jpg'>"
        f"</a><div class='news-date'>{day}<span class='month'>{month}</span></div></figure><div class='content-box'>"
        f"<h3><a href='/p{i}'>{title}</a></h3><div class='text'>Un texte qui présente l'article ...</div>"
        f"<a href='/p{i}' class='read-more'>Lire la suite</a></div></article></div>"
        for i, (title, day, month, _) in enumerate(posts)
    )


def test_a_date_box_of_day_and_short_month_with_two_figures_over_a_cards_picture_is_the_date():
    entries = _entries(_cards(POSTS), "<html lang='fr-FR'>")
    assert [e["title"] for e in entries] == [title for title, _, _, _ in POSTS]
    assert [e["date_start"] for e in entries] == [iso for _, _, _, iso in POSTS]


ARTICLES = [
    ("PHPeste 2022 em Natal, Rio Grande do Norte", "Níckolas Silva", "20/06/2022", "2022-06-20"),
    ("Middleware, PSR-7, PSR-15 e Mezzio", "José Filho (Zé)", "05/10/2020", "2020-10-05"),
    ("Como UX Design pode te tornar melhor", "José Filho (Zé)", "19/05/2020", "2020-05-19"),
]


def _author_cards(articles, alt="Gravatar de {}", src="https://www.gravatar.com/avatar/") -> str:
    return "".join(
        f"<article class='card'><a class='article-item' href='/artigos/a{i}'><header><figure>"
        f"<img class='is-rounded' src='{src}{i}?s=64' alt='{alt.format(author)}'></figure>"
        f"</header><div class='card-content'><p class='title is-size-6'>{author}</p><p class='subtitle'>em "
        f"<time datetime='{shown}'>{shown}</time></p></div><div class='card-content'><p class='is-uppercase'>"
        f"{title}</p></div></a></article>"
        for i, (title, author, shown, _) in enumerate(articles)
    )


def test_an_element_classed_as_title_naming_the_person_an_avatar_pictures_is_the_author_not_the_title():
    entries = _entries(_author_cards(ARTICLES), "<html lang='pt-BR'>")
    assert [e["title"] for e in entries] == [title for title, _, _, _ in ARTICLES]
    assert [e["date_start"] for e in entries] == [iso for _, _, _, iso in ARTICLES]


def test_a_cover_picture_whose_alt_repeats_the_title_leaves_the_title():
    # no avatar: a cover image's alt naming the article ("Capa de …") says nothing of an author
    entries = _entries(_author_cards(ARTICLES, alt="Capa de {}", src="/covers/"), "<html lang='pt-BR'>")
    assert [e["title"] for e in entries] == [author for _, author, _, _ in ARTICLES]


MEMBERS = [("Salvatore Talarico", "Dec 31, 2023", "County Executive"), ("Michael Chambers", "N/A", "Fiscal Officer")]
MEMBERS += [("Pernel Jones, Jr.", "Dec 31, 2024", "County Council"), ("Keith J. Libman", "Dec 31, 2025", "Council")]


MEETINGS = [("12/14/2023", "2023-12-14"), ("9/07/2023", "2023-09-07"), ("7/06/2023", "2023-07-06")]


def _board(files=".pdf") -> str:
    members = "".join(
        f"<tr><td><div class='title'><a href='/member-details/m{i}'>{name}</a></div></td><td><span>{ends}</span></td>"
        f"<td><span>{by}</span></td></tr>"
        for i, (name, ends, by) in enumerate(MEMBERS)
    )
    meetings = "".join(
        f"<tr><td>{shown}</td><td><a href='/event-detail/e{i}'>Audit Committee</a></td><td><div class='related'>"
        f"<a href='/docs/agenda{i}{files}'><span>Agendas</span></a></div></td></tr>"
        for i, (shown, _) in enumerate(MEETINGS)
    )
    return (
        "<h1>Audit Committee</h1><h2>Membership:</h2><table><thead><tr><th>Name</th><th>Term Ends</th>"
        f"<th>Appointed By</th></tr></thead><tbody>{members}</tbody></table><h3>Meeting schedule:</h3><table><thead>"
        f"<tr><th>Date</th><th>Title</th><th>Files</th></tr></thead><tbody>{meetings}</tbody></table>"
    )


def test_a_table_whose_rows_each_link_a_file_beside_a_date_is_the_listing_over_a_table_of_members():
    entries = _entries(_board(), "<html lang='en-US'>")
    assert [e["url"] for e in entries] == [f"https://example.org/event-detail/e{i}" for i in range(len(MEETINGS))]
    assert [e["date_start"] for e in entries] == [iso for _, iso in MEETINGS]


def test_a_table_linking_to_pages_only_leaves_the_winning_table():
    entries = _entries(_board(files=".html"), "<html lang='en-US'>")
    assert [e["title"] for e in entries] == [name for name, _, _ in MEMBERS]


def _people_and_meetings(people: int) -> str:
    members = "".join(
        f"<tr><td><a href='/people/p{i}'>Person {i} Smith</a></td><td>Member</td><td>Ward {i}</td></tr>"
        for i in range(people)
    )
    meetings = "".join(
        f"<tr><td>{shown}</td><td><a href='/meetings/m{i}'>Regular meeting {i}</a></td><td>City Hall</td></tr>"
        for i, (shown, _) in enumerate(MEETINGS)
    )
    return (
        "<h2>Members</h2><table><tr><th>Name</th><th>Role</th><th>Ward</th></tr>"
        f"{members}</table><h2>Meetings</h2><table><tr><th>Date</th><th>Meeting</th><th>Place</th></tr>{meetings}</table>"
    )


def test_a_table_whose_rows_each_show_a_date_is_the_listing_over_a_larger_table_showing_none():
    # A stranger's page: 12 members (no dates at all) over 3 meetings linking pages, no files. Before the tables were
    # split by their heads both were read; after, the larger undated members table alone won and every dated
    # meeting was lost.
    entries = _entries(_people_and_meetings(12), "<html lang='en-US'>")
    assert [e["url"] for e in entries] == [f"https://example.org/meetings/m{i}" for i in range(len(MEETINGS))]
    assert [e["date_start"] for e in entries] == [iso for _, iso in MEETINGS]


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


@pytest.mark.parametrize("menu_id", ["logo-uppernav", "utilitynav", "quick-menu"])
def test_a_utility_menu_above_the_list_is_no_part_of_it(menu_id):
    menu = f"<div id='{menu_id}'><ul><li><a href='/enews'>Email Updates</a></li>"
    menu += "<li><a href='/rss'>RSS</a></li></ul></div>"
    item = "<li><a href='https://member{0}.example.org/r'>Statement from member {0}</a></li>"
    items = "".join(item.format(i) for i in range(5))
    html = f"<html lang='en'><body>{menu}<div><h2>Friday, March 29, 2013</h2><ul id='news'>{items}</ul></div></body>"
    titles = [e["title"] for e in build_entries(extract_page(html, URL, "auto"), URL)]
    assert titles == [f"Statement from member {i}" for i in range(5)]


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


def test_a_calendars_day_cells_linking_events_below_stay_navigation():
    # the guard: a month grid whose day cells ("7", then links to events further down) link into the page
    days = "".join(f"<td>{d}<ul><li><a href='#e{d}'>Event of day {d}</a></li></ul></td>" for d in range(1, 8))
    head = "".join(f"<th>{day}</th>" for day in ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"))
    grid = f"<table><tr>{head}</tr><tr>{days}</tr></table>"
    posts = "".join(
        f"<h2 id='e{d}'>Event of day {d}</h2><p>Tuesday {d} November 2017, in the hall.</p>" for d in range(1, 8)
    )
    entries = _entries(grid + posts, "<html lang='en'>")
    assert [e["url"] for e in entries] == [f"{URL}#e{d}" for d in range(1, 8)]
    assert [e["title"] for e in entries] == [f"Event of day {d}" for d in range(1, 8)]


DOCS = ["Decreto Legislativo Presidencial n.º 1/20", "Medidas para quarentena domiciliar", "Comunicado sobre a Covid19"]


def _doc_list(names, first: int = 0) -> str:
    return (
        "<ul class='list'>"
        + "".join(f"<li><a href='/d{i}.pdf'>{t}</a></li>" for i, t in enumerate(names, first))
        + "</ul>"
    )


def test_a_lone_item_of_the_lists_shape_in_another_section_is_no_entry():
    report = "<div class='row'><h3>Informe diário</h3><div class='col'>" + _doc_list(["Nº 61 de 21/03/2020"], 9)
    report += "</div></div>"
    docs = "<div class='row'><h3>Medidas</h3><div class='col'><div class='row'>"
    docs += f"<div class='half'>{_doc_list(DOCS[:1])}</div><div class='half'>{_doc_list(DOCS[1:], 1)}</div>"
    docs += "</div></div></div>"
    assert [e["title"] for e in _entries(report + docs)] == DOCS


def test_a_months_only_entry_under_its_heading_stays():
    body = f"<div><h2>March 2020</h2>{_doc_list(DOCS[:2])}<h2>February 2020</h2>{_doc_list(DOCS[2:], 2)}</div>"
    assert [e["title"] for e in _entries(body)] == DOCS


OPEN = [
    "Deep learning to predict recurrence in breast cancer",
    "Automated detection of shunts in 4D-CTA",
    "Deep learning to detect artifacts in slide images",
]


CLOSED = [
    "PhD candidate for AI in breast cancer screening",
    "Postdoctoral researcher in computational pathology",
    "Research software engineer",
    "Pneumothorax detection",
]


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


def test_a_plainer_list_of_pages_in_the_same_directory_beside_the_winning_one_joins_it():
    cards = "".join(
        f"<div class='container'><article class='row'><img src='/i{i}.png'><div class='text'>"
        f"<header><h3 class='entry-title'><a href='/vacancies/{_slug(name)}/'>{name}</a></h3></header>"
        f"<p>Aim of the proposed study is to develop pattern recognition algorithms number {i}.</p>"
        f"<p><a class='btn' href='/vacancies/{_slug(name)}/'>More information</a></p></div></article></div>"
        for i, name in enumerate(OPEN)
    )
    plain = "".join(
        f"<div class='container'><div class='col'><p><a href='/vacancies/{_slug(name)}/'>{name}</a></p></div></div>"
        for name in CLOSED
    )
    html = f"<h2>Student projects</h2><div class='row'>{cards}</div><h2>Closed</h2><div class='row'>{plain}</div>"
    assert [e["title"] for e in _entries(html, "<html lang='en'>")] == OPEN + CLOSED


def test_reports_named_only_by_their_months_are_the_list_over_a_lone_card_beside_them():
    """Monthly reports whose card links say only their month ('Mayo 2025', 'Abril 2025'), beside a 'follow us' box
    and a licence line linking off the site (from a transport users' group's page of monthly service reports): links
    each named by a date of its own are a series of dated documents, the list, not outweighed by a lone card."""
    months = ["Mayo 2025", "Abril 2025", "Marzo 2025", "Febrero 2025", "Enero 2025"]
    cards = "".join(
        f"<a href='r{n}/' class='card'><div class='row'><div><i class='icon'></i><span>{m}</span></div>"
        "<i class='chevron'></i></div></a>"
        for n, m in enumerate(months)
    )
    follow = (
        "<div class='box'><h2>Síguenos para más novedades</h2><p>Mantente al día de nuevos informes</p>"
        "<div class='icons'><a href='https://social.example/a' class='icon'><span>Instagram</span></a>"
        "<a href='https://chat.example/b' class='icon'><span>Telegram</span></a></div></div>"
    )
    licence = (
        "<div class='box'><p>Todos los informes están bajo licencia <a href='https://licences.example/by-sa/4.0/'>"
        "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)</a></p></div>"
    )
    body = "<div class='box'><h1>Informes mensuales</h1><p>Aquí encontrarás todos los informes.</p>"
    entries = _entries(f"{body}<div class='grid'>{cards}</div></div>{follow}{licence}", "<html lang='es'>")
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (m, f"{URL}r{n}/", f"2025-{5 - n:02d}-01") for n, m in enumerate(months)
    ]
