"""The generic extractor's titles from headings, on a German page: a press review's headings over a long pointer
link, a heading most cards share is a label and the line under it the title, headings that differ stay titles, and
so do shared headings that are their links' only words; a
zero-width joiner inside an emoji is kept. Small synthetic pages."""

from crawler.entries import build_entries
from crawler.extract import extract_page

URL = "https://example.org/presse/"
CHROME = '<header><nav><a href="/">Start</a> <a href="/kontakt/">Kontakt</a></nav></header>'


def _entries(body: str, url=URL, lang="de"):
    html = f'<html lang="{lang}"><body>{CHROME}<main>{body}</main><footer>Impressum</footer></body></html>'
    return build_entries(extract_page(html, url, "auto"), url)


def test_a_press_review_of_headings_and_a_long_pointer_link_takes_the_headings():
    """A press review: each item an unlinked heading, then the outlet and day, then its only link, which says only
    where it goes in five pointing words ("Hier geht es zum Artikel!"): the headings are the titles."""
    item = (
        "<h3>Bericht {i} über die offene Werkstatt der Universität</h3>"
        "<ul><li>Zeitung {i} - 1{i}. Juni 2023</li>"
        '<li><a href="https://outlet{i}.example/artikel-{i}">Hier geht es zum Artikel!</a></li></ul>'
    )
    entries = _entries("<h1>Medienspiegel</h1>" + "".join(item.format(i=i) for i in range(4)))
    assert [e["title"] for e in entries] == [f"Bericht {i} über die offene Werkstatt der Universität" for i in range(4)]
    assert [e["url"] for e in entries] == [f"https://outlet{i}.example/artikel-{i}" for i in range(4)]


def test_a_heading_most_cards_share_is_a_label_and_the_line_under_it_the_title():
    """Whole-card links, each a small heading naming who posted it (the same team on most cards, a person on the
    rest), the day and a line of words: the line is the title, the shared heading is no title."""
    card = (
        '<a class="item" href="/posts/{i}/"><div><h5>{who}</h5><small>1{i}. April 2025</small></div>'
        "<p>Neuigkeit {i} aus dem offenen Projekt</p></a>"
    )
    authors = ["Projektteam Beispiel", "Projektteam Beispiel", "Erika Muster", "Projektteam Beispiel", "Max Probe"]
    entries = _entries(
        '<div class="list">' + "".join(card.format(i=i, who=w) for i, w in enumerate(authors)) + "</div>"
    )
    assert [e["title"] for e in entries] == [f"Neuigkeit {i} aus dem offenen Projekt" for i in range(5)]


def test_headings_that_differ_from_card_to_card_stay_the_titles():
    card = (
        '<a class="item" href="/posts/{i}/"><h3>Beitrag {i} über das Projekt</h3><small>1{i}. April 2025</small>'
        "<p>Kurzer Anriss {i} des Beitrags</p></a>"
    )
    entries = _entries('<div class="list">' + "".join(card.format(i=i) for i in range(5)) + "</div>")
    assert [e["title"] for e in entries] == [f"Beitrag {i} über das Projekt" for i in range(5)]


def test_a_heading_most_posts_share_that_is_its_link_s_only_words_stays_their_title():
    """A lab's news (issue 21): each post a link around its heading alone, then a teaser line and its day, then
    "Continuer la lecture"; most posts are the weekly meeting's minutes, all headed "Réunion de laboratoire". The
    heading is what the post's link says, so it names each post, repeated or not; the teaser lines are no titles."""
    post = (
        '<article class="section"><header><a href="/actualites/cr{i}/"><h3 class="title">{name}</h3></a></header>'
        "<p>Compte-rendu de la réunion hebdomadaire numéro {i}<br>{i} novembre 2021</p>"
        '<a href="/actualites/cr{i}/">Continuer la lecture</a></article>'
    )
    names = ["Réunion de laboratoire"] * 4 + ["Rencontre avec une équipe"]
    entries = _entries("".join(post.format(i=i, name=n) for i, n in enumerate(names, 1)), lang="fr")
    assert [e["title"] for e in entries] == names
    assert [e["date_start"] for e in entries] == [f"2021-11-0{i}" for i in range(1, 6)]


def test_a_joiner_inside_an_emoji_sequence_is_kept():
    """ "🕵️‍♂️" is one emoji of three joined by U+200D; dropped, it shows two. Between letters the joiner stays
    invisible junk and goes."""
    from crawler.parsers.text import clean_text

    assert clean_text("🕵\ufe0f\u200d\u2642\ufe0f Trucos") == "🕵\ufe0f\u200d\u2642\ufe0f Trucos"
    assert clean_text("Ne\u200dws") == "News"
    card = (
        '<a class="card" href="/n/{i}/"><h2>🕵\ufe0f\u200d\u2642\ufe0f Noticia {i} del día</h2><p>2025-11-0{i}</p></a>'
    )
    entries = _entries('<div class="grid">' + "".join(card.format(i=i) for i in range(1, 4)) + "</div>", lang="es")
    assert [e["title"] for e in entries] == [f"🕵\ufe0f\u200d\u2642\ufe0f Noticia {i} del día" for i in range(1, 4)]
