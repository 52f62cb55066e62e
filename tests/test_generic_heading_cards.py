"""The generic extractor on cards named by their heading: a press review whose only link is a "Read (in French)"
button takes the heading; posts whose heading is only their meeting's day, over a link to its file; cards whose button
sits in another wrapper, or repeats the heading's name among other words. Small synthetic pages."""

from crawler.entries import build_entries
from crawler.extract import extract_page

URL = "https://example.org/press/"
CHROME = '<header><nav><a href="/">Home</a> <a href="/about/">About</a></nav></header>'


def _entries(body: str, url=URL, lang="en"):
    html = f'<html lang="{lang}"><body>{CHROME}<main>{body}</main><footer>Legal notice</footer></body></html>'
    return build_entries(extract_page(html, url, "auto"), url)


def test_a_read_button_with_a_language_note_is_a_pointer_and_the_heading_the_title():
    """Each block an unlinked heading (the outlet), the day, a quote and one button 'Read (in French)' or 'Read':
    the note on the language leaves the button a pointer, so the heading is the title."""
    block = (
        '<div class="review"><h3>Outlet number {i}</h3><p>January 1{i}, 2025</p>'
        "<blockquote>A quoted passage {i} from the article, a sentence or two long.</blockquote>"
        '<a class="button" href="https://outlet{i}.example/story-{i}">{say}</a></div>'
    )
    says = ["Read (in French)", "Read", "Read (in french)", "Read (in English)", "Read"]
    entries = _entries("<h1>Press review</h1>" + "".join(block.format(i=i, say=s) for i, s in enumerate(says)))
    assert [e["title"] for e in entries] == [f"Outlet number {i}" for i in range(5)]
    assert [e["url"] for e in entries] == [f"https://outlet{i}.example/story-{i}" for i in range(5)]


def test_a_language_note_alone_does_not_make_a_named_link_a_pointer():
    from crawler.extract.pointer_words import is_generic_text

    assert is_generic_text("Read (in French)")
    assert is_generic_text("Lire (en anglais)")
    assert not is_generic_text("French Revolution (in English)")
    assert not is_generic_text("(in French)")


def test_a_post_headed_by_its_meetings_day_is_named_by_it_not_by_the_link_to_its_file():
    """An archive of agenda posts (a city clerk's WordPress category page): each <article> headed by a link that is
    only the meeting's day ('July 16, 2024'), its content a PDF icon and a paragraph that is wholly a link to the
    agenda file ('Agenda 7-16-2024'). The heading names the post; the line that is another link names its file."""
    post = (
        "<article class='post'><header><h2 class='entry-title'><a href='/{slug}/'>{day}</a></h2></header>"
        "<div class='entry-content'><div><a href='/files/{n}.pdf' title='Download PDF'><img src='/pdf.png' "
        "alt='Download PDF'></a></div><div><p><a href='/files/{n}.pdf'>Agenda {short}</a></p></div></div></article>"
    )
    days = [("July 16, 2024", "7-16-2024"), ("June 25, 2024", "6-25-2024"), ("June 11, 2024", "6-11-2024")]
    posts = "".join(
        post.format(slug=day.lower().replace(",", "").replace(" ", "-"), day=day, n=n, short=short)
        for n, (day, short) in enumerate(days)
    )
    entries = _entries(f"<h1>2024 Agendas</h1>{posts}")
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        ("July 16, 2024", "https://example.org/july-16-2024/", "2024-07-16"),
        ("June 25, 2024", "https://example.org/june-25-2024/", "2024-06-25"),
        ("June 11, 2024", "https://example.org/june-11-2024/", "2024-06-11"),
    ]


def test_a_date_heading_over_a_plain_line_of_words_is_still_named_by_that_line():
    """The guard: a heading linking only the meeting's day over a line of plain words ('Regular Council Meeting')
    is named by that line, as before; only a line that is wholly another link names a file instead."""
    post = (
        "<article class='post'><h2><a href='/m/{n}/'>June {d}, 2024</a></h2><p>Regular Council Meeting {n}</p>"
        "<p><a href='/files/{n}.pdf'>Agenda</a></p></article>"
    )
    entries = _entries("".join(post.format(n=n, d=d) for n, d in enumerate((25, 11, 4))))
    assert [(e["title"], e["date_start"]) for e in entries] == [
        ("Regular Council Meeting 0", "2024-06-25"),
        ("Regular Council Meeting 1", "2024-06-11"),
        ("Regular Council Meeting 2", "2024-06-04"),
    ]


def test_headings_that_show_only_a_posts_date_never_name_it_its_link_does():
    """A blog's archive (batch X, a Pelican theme: titles 0/23): each item an author's avatar link, the posting date
    split over two headings, "<h5>2018</h5><h4>05 juillet</h4>", then a line that is wholly the post's link and a
    meta line. A heading of a year, a date or a day and month without a year names no record: the link does."""
    posts = [("2018", "05 juillet", "Compte-rendu du meetup de juin"), ("2017", "11 septembre", "Meetup chez Nantes")]
    posts += [("2016", "26 mai", "Soirée Celery et Sentry"), ("2016", "5 March 2016", "Barcamp du printemps")]
    items = "".join(
        f"<div class='item'><a href='/author/{i}.html'><img src='/a.png' alt='Auteur {i}'></a><h5>{year}</h5>"
        f"<h4>{day}</h4><div class='post'><a href='/post-{i}.html'>{title}</a></div>"
        f"<p class='meta'>Auteur {i} in <a href='/category/{i}.html'>évènements {i}</a></p></div>"
        for i, (year, day, title) in enumerate(posts)
    )
    entries = _entries(f"<h1>All posts</h1>{items}", lang="fr")
    assert [(e["title"], e["url"]) for e in entries] == [
        (title, f"https://example.org/post-{i}.html") for i, (_, _, title) in enumerate(posts)
    ]


def test_a_button_repeating_its_cards_heading_among_other_words_gives_way_to_the_heading():
    """Cards named by unlinked headings over one shared button ("Patent Office"), and one card whose button repeats
    its heading inside more words, "<h3>Gearworks</h3> <a>Website of Gearworks</a>" (batch Z, a laboratory's
    publications: its software card titled by the button): the button points at what the heading names. A button
    whose words do not hold its heading keeps naming its card."""
    cards = [(f"Device number {i} for folding table legs", "Patent Office") for i in range(3)]
    cards += [("Gearworks", "Website of Gearworks"), ("Cam Designer", "Annual report 2024")]
    body = "".join(
        f"<article class='card'><h3>{name}</h3><div class='record'><span>BR2020{i}</span>"
        f"<a class='button' href='https://records.example/{i}'>{say}</a></div></article>"
        for i, (name, say) in enumerate(cards)
    )
    entries = _entries(f"<h1>Publications</h1><div class='stack'>{body}</div>", lang="pt")
    assert [e["title"] for e in entries] == [name for name, _ in cards[:4]] + ["Annual report 2024"]


def test_a_card_whose_only_button_sits_in_another_wrapper_is_still_a_record_of_its_list():
    """Cards of one template, the name an unlinked heading and one classed button: on paper cards the button has a
    wrapper of its own under the citation, on patent cards it sits beside the record number (batch Z, a laboratory's
    publications: 5 found of 9, the paper cards left out by the patents' link path). A card whose only link has the
    shape of the list's buttons is one of its records, named by its heading."""
    papers = [("Nomograms for pressure angles in radial cams", "Go to article", "https://journal.example/57823")]
    papers += [("Analytical solutions for cam mechanisms", "Go to article", "https://journal.example/0954")]
    patents = [(f"Device number {i} for folding table legs", f"BR20202400370{i}") for i in range(4)]
    cards = "".join(
        f"<article class='card pub'><h3>{name}</h3><p class='muted'>Avelar, A. <em>Acta</em>, v. 45, 2023.</p>"
        f"<div class='actions'><a class='button small' href='{href}'>{say}</a></div></article>"
        for name, say, href in papers
    )
    cards += "".join(
        f"<article class='card pub'><h3>{name}</h3><div class='record'><span class='id'>{number}</span>"
        f"<a class='button small' href='https://patents.example/{number}'>Patent Office</a></div></article>"
        for name, number in patents
    )
    entries = _entries(f"<h1>Publications</h1><div class='stack'>{cards}</div>")
    assert [e["title"] for e in entries] == [p[0] for p in papers] + [p[0] for p in patents]
    assert [e["url"] for e in entries][:2] == [p[2] for p in papers]


def test_a_card_that_is_one_link_keeps_its_heading_over_a_banner_title_inside_it():
    # the guard: news cards each one link, one holding a banner whose title element names a tournament the card's
    # heading names among more words: inside the link, that element names no card, the heading does
    cards = [f"Match report number {i} of the season" for i in range(3)]
    cards += ["The Summer Tournament will be held on 19 and 20 June"]
    banner = "<div class='banner'><div class='banner-title'>Summer Tournament</div></div>"
    body = "".join(
        f"<a class='news-card' href='/news/{i}'>{banner if i == 3 else ''}<div class='meta'>1{i} June 2026</div>"
        f"<h2 class='news-card-title'>{name}</h2></a>"
        for i, name in enumerate(cards)
    )
    entries = _entries(f"<h1>News</h1><div class='grid'>{body}</div>", lang="en")
    assert [e["title"] for e in entries] == cards
