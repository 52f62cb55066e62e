"""The generic extractor's titles on the shapes batch P's pages showed (issue 21), in synthetic pages."""

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
