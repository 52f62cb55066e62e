"""The generic extractor on cards named by their heading: a press review whose only link is a "Read (in French)"
button takes the heading; reports named by their month alone; meetings whose heading is only their day. Small
synthetic pages."""

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
