"""The generic extractor's choice of the list, continued from test_generic_lists.py: twin columns, carousels, featured
entries, tab panels named content, classes that are no part of a record's shape. Each shape in small synthetic HTML."""

import lxml.html
from synthetic import generic_entries as _entries

from crawler.entries import build_entries
from crawler.extract import extract_page

MEETINGS = [
    ("Jan 4, 2023 9:00 AM", "County Planning Commission - Regular Meeting", "2023-01-04"),
    ("Jan 10, 2023 9:30 AM", "Board of Supervisors - Regular Meeting", "2023-01-10"),
    ("Jan 18, 2023 9:00 AM", "County Planning Commission - Regular Meeting", "2023-01-18"),
    ("Feb 7, 2023 9:30 AM", "Board of Supervisors - Special Meeting", "2023-02-07"),
]


def test_links_that_say_only_a_year_beside_the_list_are_its_years_not_entries():
    years = ", ".join(
        f"<a href='/Citizens/calendar.aspx?From=1/1/{y}&amp;To=12/31/{y}'>{y}</a>" for y in range(2023, 2011, -1)
    )
    rows = "".join(
        f"<div class='Row MeetingRow'><div class='RowTop'><div class='RowLink'>"
        f"<a href='/Citizens/Detail.aspx?ID={i}'>{when}</a></div>"
        f"<div class='RowRight'><a href='/Citizens/File.aspx?ID={i}'>Agenda</a></div></div>"
        f"<div class='RowBottom'><div class='RowDetails'>{name}</div></div></div>"
        for i, (when, name, _) in enumerate(MEETINGS)
    )
    html = f"<div><table><tr><td><strong>Date:</strong></td><td><span>{years}</span></td></tr></table>"
    html += f"<div class='Section'>{rows}</div></div>"
    entries = _entries(html, "<html lang='en'>")
    assert [(e["title"], e["date_start"]) for e in entries] == [(name, day) for _, name, day in MEETINGS]


def test_a_posts_format_class_is_no_part_of_its_shape():
    post = "<div class='post-container'><article class='post type-post hentry {extra}'><header><h1>"
    post += "<a href='/p/{i}/'>{title}</a></h1></header><p>Some words of the post, enough to read as text {i}.</p>"
    post += "</article></div>"
    titles = ["Donde duele", "Huerta", "Huertos", "Zenobia", "La cólera de Aquiles"]
    extras = ["format-standard"] * 3 + ["format-audio post_format-post-format-audio"] + ["format-standard"]
    body = "".join(post.format(i=i, title=t, extra=x) for i, (t, x) in enumerate(zip(titles, extras, strict=True)))
    assert [e["title"] for e in _entries(body)] == titles


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


def test_a_dated_slideshow_gives_way_to_the_posts_it_shows_again_and_a_few_older():
    """A front page's slideshow (jQuery Cycle's "cycle-slideshow", Slick, Swiper) over its posts: each slide a heading
    link and its date, the page's six posts and four older ones; the posts below each show a teaser too. The
    slideshow won on its ten slides, dated like the posts, so the dated-carousel rule let it stand (batch W, a
    news aggregator's front page: precision 60%). A slider whose slides show most of a list's entries gives way to
    that list, dated or not."""
    slide = "<div class='slide'><h2><a href='/p/{i}'>{t}</a></h2><p>Posted on <time>2{i} March 2026</time></p></div>"
    slides = "".join(slide.format(i=i, t=t) for i, t in enumerate(_stories(10)))
    post = "<article><header><h2><a href='/p/{i}'>{t}</a></h2><p>Posted on <time>2{i} March 2026</time></p></header>"
    post += "<div class='entry-content'><p>The teaser of this post, a sentence or two long, number {i}.</p></div>"
    posts = "".join(post.format(i=i, t=t) + "</article>" for i, t in enumerate(_stories(6)))
    entries = _entries(f"<div class='cycle-slideshow'>{slides}</div><div class='posts'>{posts}</div>")
    assert [(e["title"], e["date_start"]) for e in entries] == [(t, f"2026-03-2{i}") for i, t in enumerate(_stories(6))]


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


def test_a_link_closing_the_pages_running_text_is_no_featured_entry():
    """A board's page: paragraphs of notice over its meetings' files, the last a linked sentence ("A copy of the 2026
    meeting schedule is available for viewing by clicking here."); that link, alone and title-like in its box
    beside the list, joined it as a featured entry (batch W, a housing authority's board files: 154 found for 153).
    A featured entry's title opens its card; a link after lines of running text is part of that text."""
    notice = "<p>Meetings of the board are open to the public and begin at 9:00 a.m. unless the agenda says otherwise."
    notice += "</p><p>Requests for an aid or a service should be made at least 72 hours before the meeting, by mail "
    notice += "or by telephone, to the secretary of the board, who answers them within two business days.</p>"
    notice += "<p><a href='/files/2026-schedule.pdf'>A copy of the 2026 Board Meeting Schedule is available for "
    notice += "viewing by clicking here.</a></p>"
    row = (
        "<tr><td>March {d}, 2026</td><td><a href='/files/agenda-{d}.pdf'>Regular Board Meeting Agenda {d}</a></td></tr>"
    )
    rows = "".join(row.format(d=d) for d in (5, 12, 19, 26))
    entries = _entries(f"<div class='notice'>{notice}</div><div class='files'><table>{rows}</table></div>")
    assert [e["url"].rsplit("/", 1)[1] for e in entries] == [f"agenda-{d}.pdf" for d in (5, 12, 19, 26)]


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


ISSUES = ["2010 August", "2010 May", "2010 February", "2009 November", "2009 August", "2009 May", "2009 February"]


def test_a_short_list_of_other_sites_below_the_listing_in_its_markup_is_no_part_of_it():
    """A newsletter's issues as bare links to the site's PDFs (issue 21), then under a rule "If you have no PDF reader:"
    and a list of two links in the same markup to the readers' makers: every link of that short list leads to a site
    the issues' links never do, so it is the page's aside. The same short list leading to the site stays."""
    issues = "".join(f"<li><a href='fflyer/{i}.pdf'>{name}</a></li>" for i, name in enumerate(ISSUES))
    readers = "<li>-- <a href='http://reader.example.com/pdf/reader/'>foxit reader</a></li>"
    readers += "<li>-- <a href='http://get.example.net/uk/reader/'>Acrobat</a></li>"
    page = f"<div class='body'><p>Past issues:</p><ul>{issues}</ul><hr><p>If you have no PDF reader:</p>"
    page += "<ul>{}</ul></div>"
    entries = _entries(page.format(readers), "<html lang='en'>")
    assert [e["title"] for e in entries] == ISSUES
    own = "".join(f"<li><a href='fflyer/old-{i}.pdf'>2006 {m}</a></li>" for i, m in enumerate(["May", "March"]))
    entries = _entries(page.format(own), "<html lang='en'>")
    assert [e["title"] for e in entries] == [*ISSUES, "2006 May", "2006 March"]


def test_a_sidebar_naming_the_site_by_a_link_to_its_home_page_is_no_featured_entry():
    """A blog's archive beside a sidebar that names the site, "<h1><a href='/'>Python-Nantes</a></h1>", over its
    tagline and icon links (issue 21, batch Y: a Pelican theme, 24 found for 23). The sidebar held one title-like
    link beside the list, so it joined as a featured entry; a link to a site's home page names the site, no post."""
    side = "<div class='sidebar'><div class='cover'><header class='header'><hgroup>"
    side += "<h1 class='brand'><a href='/'>Python-Town</a></h1><p class='tagline'>Meetings of the Python users</p>"
    side += "<p class='social'><a href='https://lists.example.net/town'><i class='fa fa-envelope'></i></a>"
    side += "<a href='/feeds/all.atom.xml'><i class='fa fa-rss'></i></a></p></hgroup></header></div></div>"
    item = (
        "<div class='archive-item'><h5 class='archive-date'>2018</h5><h4 class='archive-date'>0{i} juillet</h4>"
        "<div class='archive-post'><a href='post-{i}.html'>Compte-rendu de la rencontre numéro {i}</a></div>"
        "<p class='archive-meta'>Ada in <a href='/category/events.html'>events</a></p></div>"
    )
    posts = "".join(item.format(i=i) for i in range(1, 6))
    content = f"<div class='column'><div class='content'><h1>All posts</h1>{posts}</div></div>"
    page = f"<div id='layout'>{side}{content}</div>"
    entries = _entries(page, "<html lang='fr'>")
    assert [e["url"].rsplit("/", 1)[1] for e in entries] == [f"post-{i}.html" for i in range(1, 6)]


def test_a_box_of_notices_typed_like_the_dated_list_beside_it_is_no_part_of_it():
    """A foundation's programme, one paragraph an event, "<p><a><strong>Sonntag, 24. April um 15 Uhr</strong></a>
    name<br>text</p>", beside a box of notices written the same way, "<p><a><strong>Flyer</strong></a></p>" (issue
    21, batch Y: 20 found for 16). The list's links are dated, the box's none, and it holds a few records beside the
    list's many: a box beside the list, no entries. A box of dated records beside it stays."""
    event = (
        "<p><a href='/events/{i}/'><strong>Sonntag, {d}. April um 15 Uhr</strong></a> Konzert Nummer {i}<br>"
        "Ein Programm mit Werken von Bach bis Debussy, gespielt von jungen Musikern.</p>"
    )
    events = "".join(event.format(i=i, d=i + 3) for i in range(7))
    notices = "<p>Willkommen im neuen Jahr!<br><a href='/events/2019/'><strong>Veranstaltungen 2019</strong></a></p>"
    notices += "<p><a href='/flyer/'><strong>Flyer</strong></a></p>"
    notices += "<p>Leben im Bild: <a href='/talks/sun/'><strong>Verborgene Sonne</strong></a> Gespräch</p>"
    page = f"<div id='wrap'><div class='text'><h1>2016</h1>{events}</div><div class='text'>{notices}</div></div>"
    entries = _entries(page, "<html lang='de'>")
    assert [e["url"].split("/", 3)[3] for e in entries] == [f"events/{i}/" for i in range(7)]
    dated = "".join(
        f"<p><a href='/events/late-{d}/'><strong>Sonntag, {d}. April um 15 Uhr</strong></a> Spätes Konzert</p>"
        for d in (29, 30)
    )
    entries = _entries(f"<div id='wrap'><div class='text'>{events}</div><div class='text'>{dated}</div></div>")
    assert len(entries) == 9


def test_a_record_whose_link_is_classed_apart_is_the_whole_record_with_its_date():
    """A news list whose links to the site's own pages carry a class the links going out (target="_blank") do not
    (issue 21, batch Y: a government office's news, 4 of 10 links "<a class=…>"): each such record was its link
    alone, joined to the list as a companion, so the date beside it was lost."""
    item = (
        "<li class='news-item'><div class='news-body'><p><a {attrs} href='{href}'><span class='wrap'>{name}</span>"
        "</a></p><div class='meta'><ul class='tags'><li><span class='date'>{day}/11/2025</span></li></ul></div>"
        "</div></li>"
    )
    own = "class='internal-link' target='_self'"
    out = "target='_blank' title='x'"
    names = [f"The office publishes its report number {i} on the year" for i in range(7)]
    items = [
        item.format(
            attrs=own if i % 3 == 0 else out,
            href=f"/news/report-{i}" if i % 3 == 0 else f"https://press.example.net/notes/{i}/report",
            name=names[i],
            day=20 - i,
        )
        for i in range(7)
    ]
    entries = _entries(f"<h1>News</h1><ul class='news'>{''.join(items)}</ul>", "<html lang='ca'>")
    assert [e["title"] for e in entries] == names
    assert [e["date_start"] for e in entries] == [f"2025-11-{20 - i}" for i in range(7)]


def test_a_list_whose_items_open_on_their_link_keeps_out_a_list_whose_items_lead_into_it():
    """Batch Z's conference history: the past editions, each item opening on its link ("<a>NIME 2001</a>: Seattle"),
    then lists of chairs and an award's winners further down, each winner's item led by a year ("2019: <a>Name</a>
    | <em>Honorary Mention: <a>Name</a></em>"). Items of one list are written one way: the winners are another list."""
    cities = ["Seattle, USA", "Dublin, Ireland", "Montreal, Canada", "Hamamatsu, Japan", "Vancouver, Canada", "Paris"]
    cities += ["New York, USA", "Genova, Italy"]
    editions = "".join(
        f"<li><a href='/{2001 + i}/'>Conference {2001 + i}</a>: {city}"
        + (f" (<a href='/archive/{i}/'>archived site</a>)" if i == 6 else "")
        + "</li>"
        for i, city in enumerate(cities)
    )
    chairs = "".join(f"<li>{2001 + i}: Chair number {i}</li>" for i in range(8))
    winners = "".join(
        f"<li>{2018 + i}: <a href='https://people.example.net/{i}'>Winner Name {i}</a>"
        + (
            f" | <em>Honorary Mention: <a href='https://blog.example.net/award-{i}'>Mentioned Name {i}</a></em>"
            if i
            else ""
        )
        + "</li>"
        for i in range(3)
    )
    body = f"<main><h1>Past conferences</h1><ul>{editions}</ul><h2>Chairs</h2><ul>{chairs}</ul>"
    body += f"<h2>Awards</h2><h3>Award for innovation</h3><p>Given each year.</p><ul>{winners}</ul></main>"
    entries = _entries(body, head="<html lang='en'>")
    assert [e["title"] for e in entries] == [f"Conference {2001 + i}" for i in range(8)]
