"""The generic extractor on cards whose link says nothing: a picture's link, or an empty overlay link stretched over
the card, the card's unlinked heading naming it; and cards whose link leads to no address ("#", "javascript:")."""

from crawler.entries import build_entries
from crawler.extract import extract_page

URL = "https://example.org/news/"
CHROME = '<header><nav><a href="/">Home</a> <a href="/contact/">Contact us</a></nav></header>'
FOOTER = (
    '<footer class="footer"><span>&copy; 2025 <a href="/">The student council</a></span> · '
    '<a href="https://builder.example.com/">Built with a site builder</a> · '
    '<a href="/privacy-policy">Privacy policy of the council</a> · '
    '<a href="/accessibility">Accessibility statement of the site</a></footer>'
)


def _entries(body: str, url=URL):
    html = f'<html lang="en"><body>{CHROME}<main>{body}</main>{FOOTER}</body></html>'
    return build_entries(extract_page(html, url, "auto"), url)


def test_a_cards_picture_link_gives_its_url_and_its_unlinked_title_names_it():
    """<figure><a><img></a></figure><p class="title">…</p>: the picture's link has no words and was no entry
    link, so no card was found (0 entries)."""
    card = (
        '<div class="column post-card"><div class="card"><div class="card-image"><figure class="image">'
        '<a href="/news/2018-0{i}-01-post-{i}/"><img src="/img/thumb-{i}.jpg"></a></figure></div>'
        '<div class="card-content"><p class="title">Meeting number {i} of the reading circle</p>'
        '<div class="meta"><span class="tag">0{i} JUIN</span><div class="author">By the collective</div></div>'
        "</div></div></div>"
    )
    entries = _entries('<div class="columns">' + "".join(card.format(i=i) for i in range(1, 6)) + "</div>")
    assert [e["title"] for e in entries] == [f"Meeting number {i} of the reading circle" for i in range(1, 6)]
    assert [e["url"] for e in entries] == [f"https://example.org/news/2018-0{i}-01-post-{i}/" for i in range(1, 6)]


def test_an_empty_overlay_link_over_a_card_gives_its_url():
    """<article><h2>Title</h2>…<a class="entry-link" href=…></a></article>: the overlay link says nothing, so the
    footer's links were taken for the list."""
    card = (
        '<article class="post-entry"><figure class="entry-cover"><img src="/cover-{i}.jpg" alt=""></figure>'
        '<header class="entry-header"><h2>Open day number {i} 2024</h2></header>'
        '<div class="entry-content"><p>The open day is an event for the new students of the faculty: they visit its '
        "rooms and meet their teachers.</p></div>"
        '<footer class="entry-footer"><span>October {i}, 2024</span> · 1 min · The council</footer>'
        '<a class="entry-link" aria-label="post link to Open day number {i} 2024" href="/news/open-day-{i}/"></a>'
        "</article>"
    )
    entries = _entries("".join(card.format(i=i) for i in range(1, 4)))
    assert [e["title"] for e in entries] == [f"Open day number {i} 2024" for i in range(1, 4)]
    assert [e["url"] for e in entries] == [f"https://example.org/news/open-day-{i}/" for i in range(1, 4)]
    assert [e["date_start"] for e in entries] == [f"2024-10-0{i}" for i in range(1, 4)]


def test_a_picture_link_beside_a_named_link_and_a_row_of_logos_stay_as_they_were():
    """A card whose title is linked keeps that link as its own (the picture's link beside it changes nothing), and
    a row of partners' logos, each a picture link with no name beside it, gives no entries."""
    card = (
        '<div class="card"><a href="/news/item-{i}/"><img src="/img/{i}.jpg"></a>'
        '<h3><a href="/news/item-{i}/">Story number {i} about the new library</a></h3>'
        "<p>The library opens its doors on a Monday with a reading for children.</p></div>"
    )
    logos = "".join(
        f'<div class="logo"><a href="https://partner{i}.example.com/"><img src="/l{i}.png"></a></div>' for i in range(4)
    )
    entries = _entries("".join(card.format(i=i) for i in range(1, 4)) + f'<div class="partners">{logos}</div>')
    assert [e["title"] for e in entries] == [f"Story number {i} about the new library" for i in range(1, 4)]
    assert [e["url"] for e in entries] == [f"https://example.org/news/item-{i}/" for i in range(1, 4)]


def _news_card(i: int, href: str) -> str:
    return (
        f'<div class="card"><img src="/img/news-{i}.jpg" alt=""><div class="body">'
        f'<p class="date">{i} May 2025</p><h2>Training session number {i} on water management</h2>'
        "<p>Within the project, the association held a session for the farmers of the region...</p>"
        f'<a href="{href}" class="more">Read more &rarr;</a></div></div>'
    )


def test_a_card_whose_read_more_leads_nowhere_stays_an_entry_without_a_link():
    """A card's "Read more" to "#" or "javascript:" (its article not written yet) beside cards whose "Read more"
    leads to their pages: the card was dropped. It stays, as an entry without a link of its own, as a record whose
    named link has an empty address does (`<a href="">`)."""
    hrefs = ["/news/article-1.html", "#", "/news/article-3.html", "javascript:void(0)"]
    cards = "".join(_news_card(i, href) for i, href in enumerate(hrefs, start=1))
    entries = _entries(f'<div class="grid">{cards}</div><p><a href="#">Back to top</a></p>')
    assert [e["title"] for e in entries] == [f"Training session number {i} on water management" for i in range(1, 5)]
    assert [e["url"] for e in entries] == [
        "https://example.org/news/article-1.html",
        None,
        "https://example.org/news/article-3.html",
        None,
    ]
    assert [e["date_start"] for e in entries] == [f"2025-05-0{i}" for i in range(1, 5)]
    assert entries[1]["entry_id"].startswith("sha1:") and entries[1]["entry_id"] != entries[3]["entry_id"]


def test_a_named_link_to_no_address_is_an_entry_without_a_link_as_an_empty_one_is():
    """<a href="#">A paper's title</a>, <a href="javascript:;">…</a>: the page itself, as href="" is."""
    papers = [
        "Surveillance of an outbreak in the east",
        "Two epidemics at once and their control",
        "Reading the serological results",
    ]
    hrefs = ["https://doi.org/10.1/a", "#", "javascript:;"]
    rows = "".join(
        f"<div class='row'><h4><a href='{href}'>{name}</a></h4><p>Author {i} et al., Journal of Things</p></div>"
        for i, (href, name) in enumerate(zip(hrefs, papers, strict=True))
    )
    entries = _entries(rows + "<p><a href='#'>Print</a> <a href='javascript:;'>Load more</a></p>")
    assert [e["title"] for e in entries] == papers
    assert [e["url"] for e in entries] == [hrefs[0], None, None]


def test_a_cards_heading_names_it_when_its_only_link_is_an_icon_under_a_ribbon_named_as_a_title():
    """<figure><p class="ribbon full-title">Workshop</p><figcaption><h2>Name</h2><a href=…><svg/></a></figcaption>:
    the icon's link has no words, which once read as a date line of its own (no words equal no date), so the
    first element named as a title beside it, the category ribbon, named every card (batch W's event cards,
    titles 0/9). A link with no words is no date line: the card's heading names it."""
    card = (
        '<div class="event-card"><figure class="cover" style="background-image: url(/img/e{i}.png)">'
        '<ul class="ribbons"><li><p class="ribbon short">WS</p><p class="ribbon full-title">Cloud workshops</p></li>'
        '</ul><figcaption><div class="caption"><h2 class="name">Hands-on session number {i} <span></span></h2>'
        '<span class="position"></span></div><a href="https://events.example.net/e/{i}" target="_blank">'
        '<svg class="icon"><use href="/sprites.svg#icon"></use></svg></a></figcaption>'
        "<p class='bio'>We meet at the community hall to build things together.</p></figure></div>"
    )
    entries = _entries('<section id="events">' + "".join(card.format(i=i) for i in range(1, 5)) + "</section>")
    assert [e["title"] for e in entries] == [f"Hands-on session number {i}" for i in range(1, 5)]
    assert [e["url"] for e in entries] == [f"https://events.example.net/e/{i}" for i in range(1, 5)]


def test_an_icon_rows_name_after_its_field_label_names_it():
    """A register of applications (issue 21, batch Y: a council's MasterView table) whose only link in each row is an
    icon: the row is named by its description cell, whose field label ("Description:", "Titre :") names none of
    them; a first word that is no field's name ("Podcast:") stays."""
    row = (
        '<tr><td><a href="/register?key={i}"><img src="/icons/box.gif" alt="Click here for details"></a></td>'
        "<td>2019/DA-0{i}</td><td>1{i}/04/2019</td><td>\n  {label} {name}</td></tr>"
    )
    names = ["Boundary Adjustment", "Swimming Pool", "Podcast: new shed", "Dwelling Alterations & Additions"]
    labels = ["Description:", "Titre :", "Description:", "Beschreibung:"]
    rows = "".join(row.format(i=i, label=labels[i], name=names[i]) for i in range(4))
    head = "<tr><th>Link</th><th>App No</th><th>Submitted</th><th>Details</th></tr>"
    entries = _entries(f"<h1>Applications found</h1><table>{head}{rows}</table>")
    assert [e["title"] for e in entries] == names
    assert [e["date_start"] for e in entries] == [f"2019-04-1{i}" for i in range(4)]


def test_an_icon_rows_name_after_a_naming_label_of_any_listed_language_names_it():
    """The naming labels label_pairs.py reads ("Nome:", "Thema:", "Denominación:") are field labels too: one list of
    words for both, where field_labels.py once kept a copy that lacked them."""
    row = (
        '<tr><td><a href="/register?key={i}"><img src="/icons/box.gif" alt="Click here for details"></a></td>'
        "<td>2019/DA-0{i}</td><td>1{i}/04/2019</td><td>{label} {name}</td></tr>"
    )
    names = ["Ampliamento della scuola", "Neue Turnhalle am Park", "Reforma del mercado", "Nuova piscina comunale"]
    labels = ["Nome:", "Thema:", "Denominación:", "Nome:"]
    rows = "".join(row.format(i=i, label=labels[i], name=names[i]) for i in range(4))
    head = "<tr><th>Link</th><th>App No</th><th>Submitted</th><th>Details</th></tr>"
    entries = _entries(f"<h1>Applications found</h1><table>{head}{rows}</table>")
    assert [e["title"] for e in entries] == names
