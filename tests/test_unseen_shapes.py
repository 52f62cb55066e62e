"""More shapes of real listing pages the generic extractor read wrong (issue 21), each in small synthetic HTML.

The first file of these is tests/test_unseen_patterns.py; tests/synthetic.py builds the pages of both.
"""

import lxml.html
import pytest
from synthetic import generic_entries as _entries

from crawler.entries import build_entries
from crawler.extract import extract_page
from crawler.extract.titles import identifier_line
from crawler.parsers.datelines import date_in_line
from crawler.parsers.dates import parse_date


def test_a_long_meta_line_of_bar_separated_parts_opening_on_its_date_gives_the_date():
    cats = ", ".join(
        f"<a href='/c/{c}/'>{c}</a>"
        for c in ("Polizeinews", "Schweiz", "Solothurn", "Unfälle", "Verkehr &amp; Katastrophen", "Zeugenaufrufe")
    )
    post = "<article><h2><a href='/2020/10/1{i}/p{i}/'>Zuchwil SO: Lieferwagen und PW kollidiert {i}</a></h2>"
    post += "<div class='meta'><div class='alignleft'>1{i}.10.2020&nbsp;|&nbsp; Von <a href='/author/x/'>"
    post += "belmedia Redaktion</a> &nbsp;|&nbsp; " + cats + " &nbsp;|&nbsp; <a href='/p{i}/#respond'> </a></div>"
    post += "</div><p>Auf der Luzernstrasse kam es am Mittwoch zu einer Kollision {i}.</p></article>"
    entries = _entries("".join(post.format(i=i) for i in range(1, 4)), "<html lang='de-DE'>")
    assert [e["date_start"] for e in entries] == ["2020-10-11", "2020-10-12", "2020-10-13"]
    assert entries[0]["description"] == "Auf der Luzernstrasse kam es am Mittwoch zu einer Kollision 1."


def test_a_posts_format_class_is_no_part_of_its_shape():
    post = "<div class='post-container'><article class='post type-post hentry {extra}'><header><h1>"
    post += "<a href='/p/{i}/'>{title}</a></h1></header><p>Some words of the post, enough to read as text {i}.</p>"
    post += "</article></div>"
    titles = ["Donde duele", "Huerta", "Huertos", "Zenobia", "La cólera de Aquiles"]
    extras = ["format-standard"] * 3 + ["format-audio post_format-post-format-audio"] + ["format-standard"]
    body = "".join(post.format(i=i, title=t, extra=x) for i, (t, x) in enumerate(zip(titles, extras, strict=True)))
    assert [e["title"] for e in _entries(body)] == titles


def _sessions_table(first_cell: str) -> str:
    """A session's weeks, each named by the date it starts; the agenda cell holds a pointer and the file's name."""
    row = "<tr><td><a href='?agendaViewID={i}'>{day}</a>{mark}\n</td><td>{i}</td>"
    row += "<td>\n<a class='pdf inline' href='/agenda/{i}.pdf'>Agenda</a> ({file})\n</td><td>\n{minutes}</td></tr>"
    files = ["AGENDA 3 MAY 8, 2020 2" if i % 3 == 1 else f"6-2{i}-2020 AGENDA {i} 2" for i in range(8)]
    rows = "".join(
        row.format(
            i=i,
            day=f"06/{29 - 3 * i:02d}/2020",
            mark=first_cell if i == 0 else "",
            file=f,
            minutes="" if i == 0 else f"<a class='pdf inline' href='/minutes/{i}.pdf'>Minutes</a>\n",
        )
        for i, f in enumerate(files)
    )
    return "<table><tr><th>Week of</th><th>Week</th><th>Agenda</th><th>Minutes</th></tr>" + rows + "</table>"


DAYS = [f"06/{29 - 3 * i:02d}/2020" for i in range(8)]


def test_rows_named_by_their_date_keep_it_as_title_beside_a_pointer_line_that_holds_words():
    entries = _entries(_sessions_table(""), "<html lang='en-US'>")
    assert [e["title"] for e in entries] == DAYS


def test_an_empty_cell_is_no_date_line_and_never_the_title():
    entries = _entries(_sessions_table(" <span class='label'>current</span>"), "<html lang='en-US'>")
    assert [(e["title"], e["date_start"]) for e in entries][0] == ("06/29/2020", "2020-06-29")
    assert [e["title"] for e in entries] == DAYS


def test_a_list_of_documents_as_bare_links_beats_a_lone_promotion_card():
    card = "<div class='feature-box'><a href='faq.php'><div><h3>FAQS</h3><p>Aceda aqui à lista de Perguntas mais "
    card += "Frequentes, regularmente atualizada, com resposta das entidades oficiais.</p></div></a></div>"
    docs = ["Decreto Legislativo Presidencial Provisório n.º 1/20", "Medidas extraordinária para quarentena domiciliar"]
    docs += ["Comunicado sobre a prevenção da Covid19"]
    items = "".join(f"<li><a href='/assets/d{i}.pdf'><i class='arrow'></i>{t}</a></li>" for i, t in enumerate(docs))
    entries = _entries(card + "<h3>Medidas e recomendações</h3><ul class='list'>" + items + "</ul>")
    assert [e["title"] for e in entries] == docs


def _column(kind: str, section: str, cls: str, heading: str, count: int = 3) -> str:
    post = "<article class='{cls} cz_entry'><header><h3 class='entry-title'><a href='/{section}/{kind}-{i}/'>"
    post += "{heading} story number {i} of the column</a></h3><div class='entry-meta'><time datetime='2020-06-0{i}'>"
    post += "June {i}, 2020</time></div></header></article>"
    posts = "".join(post.format(cls=cls, section=section, kind=kind, heading=heading, i=i) for i in range(1, count + 1))
    return f"<h2>Latest {heading}</h2>{posts}<a href='/{section}/'>Read more {heading}</a>"


def test_two_lists_of_one_shape_in_twin_columns_are_both_the_listing():
    news = "<div class='news twocol-one'><div class='inner'>" + _column("n", "news", "cz_news", "News") + "</div></div>"
    blog = "<div class='blog twocol-one last'><div class='inner'>" + _column("b", "hr-blog", "post", "Blog")
    entries = _entries("<div class='row'>" + news + blog + "</div></div></div>")
    assert [e["url"].rsplit("/", 2)[1] for e in entries] == ["n-1", "n-2", "n-3", "b-1", "b-2", "b-3"]


def test_a_list_in_a_column_of_another_shape_stays_out():
    news = "<div class='news twocol-one'><div class='inner'>" + _column("n", "news", "cz_news", "News", 4)
    other = "<div class='promo'><ul>" + _column("b", "shop", "post", "Offers") + "</ul></div>"
    entries = _entries("<div class='row'>" + news + "</div></div>" + other + "</div>")
    assert [e["url"].rsplit("/", 2)[1] for e in entries] == ["n-1", "n-2", "n-3", "n-4"]


def test_a_short_label_before_the_link_in_a_heading_is_part_of_the_title():
    card = "<div class='cblq'><div class='cim'><a href='/{i}'><img src='/c{i}.png' alt=''></a></div><div class='cte'>"
    card += "<h2>{label}<a href='https://who.int/{i}'>Consejos de la OMS número {i}<img alt='Nueva ventana' "
    card += "src='/nv.gif'></a></h2><h3>Fuente</h3><p>Organización Mundial de la Salud</p></div></div>"
    labels = ["Web:", "Web( En inglés):", "12 May 2020: "]
    entries = _entries("".join(card.format(i=i, label=label) for i, label in enumerate(labels)))
    assert [e["title"] for e in entries] == [
        "Web:Consejos de la OMS número 0",
        "Web( En inglés):Consejos de la OMS número 1",
        "Consejos de la OMS número 2",  # a date before the link is no label
    ]


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ("Veröffentlicht am 14.10.2020", "2020-10-14", "2020-10-14"),
        ("Stand: 14.10.2020", "2020-10-14", "2020-10-14"),
        ("am 14.10.2020 um 10:30 Uhr", "2020-10-14", "2020-10-14"),
        ("Am Sonntag, 18. Oktober 2020 um 10 Uhr", "2020-10-18", "2020-10-18"),
        ("vom 14. bis 16. Oktober 2020", "2020-10-14", "2020-10-16"),
        ("Publicado em 14/10/2020", "2020-10-14", "2020-10-14"),
        ("14/10/2020 às 10h30", "2020-10-14", "2020-10-14"),
        ("quarta-feira, 14 de outubro de 2020", "2020-10-14", "2020-10-14"),
        ("Pubblicato il 14 ottobre 2020", "2020-10-14", "2020-10-14"),
        ("dal 14 al 16 ottobre 2020", "2020-10-14", "2020-10-16"),
        ("Gepubliceerd op 14 oktober 2020", "2020-10-14", "2020-10-14"),
        ("Meeting Date: 14/10/2020", "2020-10-14", "2020-10-14"),  # any short label closing on a colon
        ("2020-10-14 10:30:00", "2020-10-14", "2020-10-14"),  # a time with its seconds
    ],
)
def test_date_lines_in_german_portuguese_italian_and_dutch_wording_and_other_labels(line, start, end):
    found = date_in_line(line)
    value = parse_date(found, month_first=False) if found else None
    assert value is not None and (value.start.isoformat(), value.end.isoformat()) == (start, end)


def test_a_german_meta_line_with_its_label_and_time_gives_the_date():
    post = "<article><h2><a href='/p/{i}'>Verkehrsunfall auf der Hauptstraße Nummer {i}</a></h2>"
    post += "<p class='meta'>Veröffentlicht am 1{i}.10.2020 um 10:30 Uhr</p><p>Ein kurzer Text zur Meldung {i}.</p>"
    post += "</article>"
    entries = _entries("".join(post.format(i=i) for i in range(1, 4)), "<html lang='de'>")
    assert [e["date_start"] for e in entries] == ["2020-10-11", "2020-10-12", "2020-10-13"]


@pytest.mark.parametrize(
    "meta",
    [
        "Posted on 10/1{i}/2020 by admin",
        "By Jane Doe on October 1{i}, 2020 in News",
        "Publié le 1{i}/10/2020 par Marie",
    ],
)
def test_a_date_between_a_lead_word_and_a_byline_or_category_is_the_entry_date(meta):
    post = "<article><h3><a href='/p/{i}'>Council approves the budget number {i}</a></h3><p class='meta'>" + meta
    post += "</p><p>Some words of the post, enough to be prose.</p></article>"
    lang = "fr" if "Publié" in meta else "en"
    entries = _entries("".join(post.format(i=i) for i in range(1, 4)), f"<html lang='{lang}'>")
    assert [e["date_start"] for e in entries] == ["2020-10-11", "2020-10-12", "2020-10-13"]
    assert all(e["description"] == "Some words of the post, enough to be prose." for e in entries)


def test_a_definition_list_of_dates_and_links_gives_each_link_the_date_of_its_term():
    items = "".join(
        f"<dt>1{i} October 2020</dt><dd><a href='/p/{i}'>Council meeting number {i}</a></dd>" for i in range(4)
    )
    entries = _entries("<dl>" + items + "</dl>", "<html lang='en'>")
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (f"Council meeting number {i}", f"2020-10-1{i}") for i in range(4)
    ]


def test_a_linked_date_standing_alone_in_the_entry_is_its_date():
    post = "<article><h3><a href='/p/{i}'>Council approves the budget number {i}</a></h3><p>Some words of the post.</p>"
    post += "<a class='post-date' href='/p/{i}'><i class='fa fa-clock-o'></i>October 1{i}, 2019</a>"
    post += "<a class='post-comments' href='/p/{i}#respond'>0</a></article>"
    entries = _entries("".join(post.format(i=i) for i in range(1, 4)), "<html lang='en'>")
    assert [e["date_start"] for e in entries] == ["2019-10-11", "2019-10-12", "2019-10-13"]


def test_bare_links_in_one_paragraph_take_the_date_that_follows_each_on_its_line():
    lines = "".join(
        f"<a href='/d/{i}'>Annual report of the council number {i}</a> (1{i} May 2020)<br>" for i in range(4)
    )
    entries = _entries("<h1>Reports</h1><p>" + lines + "</p>", "<html lang='en'>")
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (f"Annual report of the council number {i}", f"2020-05-1{i}") for i in range(4)
    ]


@pytest.mark.parametrize(
    ("head", "url", "day"),
    [
        ("<html lang='en'><head><meta property='og:locale' content='en_US'></head>", "https://x.org/n/", "2017-10-03"),
        ("<html lang='en'>", "https://www.city.gov/agendas/", "2017-10-03"),
        ("<html lang='en'>", "https://www.council.gov.uk/agendas/", "2017-03-10"),
    ],
)
def test_a_language_declared_without_region_takes_it_from_og_locale_or_the_sites_domain(head, url, day):
    row = "<li><a href='/m/{i}'>Regular meeting of the council number {i}</a> <span>10/03/17</span></li>"
    html = head + "<body><main><ul>" + "".join(row.format(i=i) for i in range(3)) + "</ul></main></body></html>"
    entries = build_entries(extract_page(html, url, "auto"), url)
    assert [e["date_start"] for e in entries] == [day] * 3


def _stories(n: int) -> list[str]:
    return [f"Story number {i} about the harvest and the markets" for i in range(n)]


def test_an_undated_carousel_gives_way_to_the_dated_list_it_repeats():
    slide = "<div class='swiper-slide'><img src='/s{i}.jpg' alt=''><div class='swiper-caption'><a href='/n/{i}'>{t}</a>"
    slide += "<p>A longer teaser of the featured story, long enough to score, number {i}.</p></div></div>"
    slides = "".join(slide.format(i=i, t=t) for i, t in enumerate(_stories(4)))
    row = "<div class='list-block row'><div class='col'><div class='list-date'><p>2{i}/10/2020</p></div>"
    row += "<h4><a href='/n/{i}'>{t}</a></h4></div></div>"
    rows = "".join(row.format(i=i, t=t) for i, t in enumerate(_stories(3)))
    entries = _entries("<div class='swiper'>" + slides + "</div><div class='news-list'><h3>News</h3>" + rows + "</div>")
    assert [(e["title"], e["date_start"]) for e in entries] == [(t, f"2020-10-2{i}") for i, t in enumerate(_stories(3))]


def test_an_undated_list_keeps_its_entries_beside_a_box_of_a_few_of_them_with_dates():
    post = "<article><h2><a href='/p/{i}'>{t}</a></h2><p>Teaser of the post, long enough to read {i}.</p></article>"
    posts = "".join(post.format(i=i, t=t) for i, t in enumerate(_stories(8)))
    recent = "".join(
        f"<li><a href='/p/{i}'>{t}</a> <span>1{i} October 2020</span></li>" for i, t in enumerate(_stories(3))
    )
    entries = _entries("<div class='posts'>" + posts + "</div><div class='recent'><ul>" + recent + "</ul></div>")
    assert [e["title"] for e in entries] == _stories(8)


def test_posts_each_alone_in_a_wrapper_share_a_shape_whatever_their_own_terms():
    from crawler.extract.records import Shapes

    terms = ["topics-health region-europe", "topics-farming", "region-africa", "topics-health", "featured-story"]
    html = "<div>" + "".join(f"<div class='wrap'><article class='post hentry {t}'>x</article></div>" for t in terms)
    root = lxml.html.fromstring(html + "</div>")
    shapes = Shapes(root)
    assert len({shapes(a) for a in root.iter("article")}) == 1
    lone = lxml.html.fromstring("<div><div class='wrap'><article class='post topics-health'>x</article></div></div>")
    assert Shapes(lone)(next(lone.iter("article"))) == ("article", "post topics-health")  # no cousins: its own


MEETINGS = ["Regular Council Meeting", "Special Council Meeting", "Planning Commission", "Budget Workshop"]


def test_a_meeting_row_with_agenda_and_minutes_links_in_like_cells_is_one_entry():
    row = "<tr><td>0{m}/1{i}/2023</td><td><a href='/m/{i}'>{name}</a></td><td><a href='/a/{i}.pdf'>Agenda</a></td>"
    row += "<td><a href='/min/{i}.pdf'>Minutes</a></td></tr>"
    rows = "".join(row.format(i=i, m=i + 1, name=name) for i, name in enumerate(MEETINGS))
    head = "<tr><th>Date</th><th>Meeting</th><th>Agenda</th><th>Minutes</th></tr>"
    entries = _entries("<table>" + head + rows + "</table>", "<html lang='en-US'>")
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (name, f"https://example.org/m/{i}", f"2023-0{i + 1}-1{i}") for i, name in enumerate(MEETINGS)
    ]


def test_a_row_of_like_columns_with_its_pointer_link_first_is_one_entry_named_by_its_title_link():
    row = "<div class='row'><div class='col-2'><a href='/a/{i}.pdf'>View</a></div><div class='col-2'>Jan 1{i}, 2023"
    row += "</div><div class='col-8'><a href='/m/{i}'>{name}</a></div></div>"
    entries = _entries("".join(row.format(i=i, name=name) for i, name in enumerate(MEETINGS)), "<html lang='en'>")
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (name, f"https://example.org/m/{i}", f"2023-01-1{i}") for i, name in enumerate(MEETINGS)
    ]


def test_a_featured_entry_joins_the_list_but_a_box_of_subcategories_does_not():
    lead = "<div class='items-leading'><h2 class='item-title'><a href='/n/lead'>The featured story of the day here</a>"
    lead += "</h2><p>Its teaser, a sentence or two about the story.</p></div>"
    item = "<li><a href='/n/{i}'>Story number {i} about the local teams and their games</a></li>"
    items = "<ol class='items'>" + "".join(item.format(i=i) for i in range(6)) + "</ol>"
    subs = ["Olympic Games News", "Sports Betting Advice", "Sports Daily News"]
    box = "<div class='cat-children'><h3>Subcategories</h3><ul>"
    box += "".join(
        f"<li><span class='jitem-title'><a href='/n/c{i}.html'>{t}</a></span></li>" for i, t in enumerate(subs)
    )
    box += "</ul></div>"
    again = "".join(f"<a href='/n/c{i}.html'>{t}</a>" for i, t in enumerate(subs) if i != 1)  # the page's menu
    page = "<div class='blog'>" + lead + items + box + "</div><p>" + again + "</p><p>" + again + "</p>"
    entries = _entries(page)
    assert [e["url"].rsplit("/", 1)[1] for e in entries] == ["lead"] + [str(i) for i in range(6)]


def test_a_link_that_is_a_reference_number_names_no_entry_the_heading_beside_it_does():
    rec = "<div class='result'><h4><a href='/d/{i}.pdf'> Drucksache Nr. 19/38{i}6 vom 0{i}.11.2024 </a></h4>"
    rec += "<p>Gesetzentwurf AfD</p><h5><strong>Gesetzentwurf zur Änderung des Gesetzes Nummer {i}</strong></h5>"
    rec += "<p>Widerspruchsrecht der Gemeinden bei der Zuweisung, ein längerer Satz {i}.</p></div>"
    entries = _entries("".join(rec.format(i=i) for i in range(1, 4)), "<html lang='de'>")
    assert [e["title"] for e in entries] == [f"Gesetzentwurf zur Änderung des Gesetzes Nummer {i}" for i in (1, 2, 3)]
    assert [e["date_start"] for e in entries] == ["2024-11-01", "2024-11-02", "2024-11-03"]


def test_a_row_whose_link_is_a_bill_number_is_named_by_its_longest_cell_not_its_status():
    row = "<tr><td><a href='/bill/{i}'>0383{i}/2014-CR</a></td><td>En comisión</td><td>2{i}/09/2014</td>"
    row += "<td>LEY QUE MODIFICA LA LEY 2916{i}, LEY DE PROMOCIÓN DEL DESARROLLO</td></tr>"
    entries = _entries("<table>" + "".join(row.format(i=i) for i in range(1, 5)) + "</table>", "<html lang='es'>")
    assert [e["title"] for e in entries] == [
        f"LEY QUE MODIFICA LA LEY 2916{i}, LEY DE PROMOCIÓN DEL DESARROLLO" for i in (1, 2, 3, 4)
    ]
    assert entries[0]["date_start"] == "2014-09-21"


@pytest.mark.parametrize(
    "text", ["Audit Committee - 12/14/23", "IAA-Crashen-Kick-Off (online) 26.02.2023 – 17-20 Uhr", "Annual Report 2020"]
)
def test_a_name_holding_figures_or_a_date_is_no_reference_number(text):
    assert not identifier_line(text)


def test_a_menu_whose_tab_panel_is_named_content_is_still_a_menu():
    sub = "".join(
        f"<li><a href='/area/{{i}}/{j}'>Área temática del trabajo sindical {{i}}-{j}</a></li>" for j in range(4)
    )
    menu = "".join(f"<li><a href='/area/{i}'>Sección {i}</a><ul>{sub.format(i=i)}</ul></li>" for i in range(30))
    panel = f"<div class='content'><section class='current'><ul>{menu}</ul></section></div>"
    header = f"<header class='top'><div class='st-menu'>{panel}</div></header>"
    item = "<div class='item'><p><a href='/noticia/{i}'>CCOO denuncia la situación en la delegación {i}</a></p>"
    item += (
        "<p>0{i}/10/2020</p><p>" + "Un texto de entrada de la noticia, con algunas palabras más. " * 12 + "</p></div>"
    )
    news = "<div class='maincontent'>" + "".join(item.format(i=i) for i in range(1, 10)) + "</div>"
    html = f"<html lang='es'><body><div class='wrap'>{header}{news}</div></body></html>"
    entries = build_entries(extract_page(html, "https://example.org/", "auto"), "https://example.org/")
    assert [e["url"] for e in entries] == [f"https://example.org/noticia/{i}" for i in range(1, 10)]


def test_rows_whose_links_carry_the_same_words_on_every_row_are_one_entry_each_named_by_their_first_cell():
    row = "<tr><td>20{i}9</td><td>2{i}/04/2021</td><td><a href='/pub/{i}.pdf'><button>Sem assinatura digital</button>"
    row += "</a></td><td><a href='/pub/{i}-signed.pdf'><button>Com assinatura digital</button></a></td></tr>"
    head = "<table><thead><tr><th>Nº</th><th>Data</th><th>Anexo</th><th>Anexo assinado</th></tr></thead><tbody>"
    entries = _entries(head + "".join(row.format(i=i) for i in range(1, 5)) + "</tbody></table>")
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (f"20{i}9", f"https://example.org/pub/{i}.pdf", f"2021-04-2{i}") for i in range(1, 5)
    ]


def test_posts_whose_heading_links_say_the_same_words_keep_them_as_their_titles():
    post = "<div class='post'><h3><a href='/2018/0{i}/week.html'>The week ahead...</a></h3>"
    post += "<p>Sunday, {i} March 2018</p><p>Meetings this week, and a few words more {i}.</p>"
    post += "<a href='/2018/0{i}/week.html#comments'>0 comments</a> <a href='/share?{i}'>Share</a></div>"
    entries = _entries("".join(post.format(i=i) for i in range(1, 5)))
    assert [e["title"] for e in entries] == ["The week ahead..."] * 4


def test_a_class_holding_the_records_id_amid_its_words_is_no_part_of_its_shape():
    item = "<td class='day'><div class='item'><div class='view'><div class='calendar.{n}.field_date.0.0 contents'>"
    item += "<div class='views-field-title'><a href='/page/meeting-{i}'>City Council Meeting {i}</a></div>"
    item += "<div class='views-field-date'><span property='dc:date' content='2025-01-0{i}T18:00:00-08:00'>6:00pm"
    item += "</span></div></div></div></div></td>"
    cells = "".join(item.format(i=i, n=11530 + 7 * i) for i in range(1, 5))
    entries = _entries(f"<table><tr>{cells}</tr></table>")
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (f"City Council Meeting {i}", f"2025-01-0{i}") for i in range(1, 5)
    ]


def _meeting_rows(days: list[int]) -> str:
    row = "<tr class='{cls}'><td><span>12/{d:02d}/2025 - 6:00pm</span></td><td>Regular Council Meeting {d}</td>"
    row += "<td><a href='/page/meeting-{d}'>View Details</a></td></tr>"
    classes = ["odd views-row-first"] + ["even", "odd"] * len(days)
    return "<table>" + "".join(row.format(d=d, cls=c) for d, c in zip(days, classes, strict=False)) + "</table>"


def test_a_first_row_marked_as_the_lists_first_keeps_the_rows_shape():
    entries = _entries(_meeting_rows([18, 11, 4, 2]))
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (f"Regular Council Meeting {d}", f"2025-12-{d:02d}") for d in (18, 11, 4, 2)
    ]


def test_a_row_listed_twice_in_one_list_is_one_entry():
    entries = _entries(_meeting_rows([18, 11, 11, 4]))
    assert [e["url"] for e in entries] == [f"https://example.org/page/meeting-{d}" for d in (18, 11, 4)]


@pytest.mark.parametrize("text", ["Annual Report 2020-21", "Ordinance 2024-17", "Board Meeting 2024-05"])
def test_a_name_with_a_number_but_no_number_sign_is_no_reference_number(text):
    assert not identifier_line(text)
