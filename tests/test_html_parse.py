"""crawler.extract.html.parse_html: what a reader does not see is out of the tree, however the markup spells it."""

import pytest

from crawler.entries import build_entries
from crawler.extract import extract_page
from crawler.extract.html import parse_html, text_of

HIDING = [
    "<div hidden>secret</div>",
    "<div HIDDEN>secret</div>",
    "<span class='sr-only'>secret</span>",
    "<span class='sr&#45;only'>secret</span>",  # the pass is skipped only where no cue is written: "&#" may spell one
    "<span class='&#x73;creen-reader-text'>secret</span>",
    "<p style='display:none'>secret</p>",
    "<p style='DISPLAY: none'>secret</p>",
    "<p style='DISPLAY: NONE'>secret</p>",  # CSS keywords are case-blind (it was kept: the cue looked for 'none')
    "<p style='display:&#110;one'>secret</p>",
    "<b class='visually-hidden'>secret</b>",
    "<b class='element-invisible'>secret</b>",
    # Bootstrap 3's and Tailwind's display: none; a city's page kept a hidden box of six announcements over its
    # agendas that became six entries (batch W, a planning group's agendas: 179 found for 173)
    "<div class='l-section message--warning hidden'><ul><li><a href='/a.pdf'>secret</a></li></ul></div>",
]


@pytest.mark.parametrize("hidden", HIDING)
def test_hidden_elements_are_dropped(hidden):
    root = parse_html(f"<html><body><p>shown</p>{hidden}<p>also shown</p></body></html>")
    assert text_of(root) == "shown also shown"


@pytest.mark.parametrize(
    "shown",
    [
        "<div class='hidden md:block'>wide</div>",  # Tailwind: hidden on a phone, shown from the md width up
        "<div class='hidden-xs'>wide</div>",  # Bootstrap 3: hidden on a phone only
        "<div class='overflow-hidden'>wide</div>",
    ],
)
def test_an_element_hidden_on_some_screens_only_is_kept(shown):
    root = parse_html(f"<html><body><p>shown</p>{shown}</body></html>")
    assert text_of(root) == "shown wide"


def test_a_page_without_a_hiding_cue_keeps_all_its_text():
    root = parse_html("<html><body><p class='note'>shown</p><p style='color: red'>red</p></body></html>")
    assert text_of(root) == "shown red"


@pytest.mark.parametrize(
    "markup, shown",
    [
        ("<p>a <span hidden>x</span>b</p>", "a b"),  # the tail joins the parent's text
        ("<p><i>a</i> <span hidden>x</span>b</p>", "a b"),  # ... or the previous sibling's tail
        ("<p><span hidden>x</span>b<script>y</script>c</p>", "bc"),
        ("<div><span class='sr-only'>x</span></div><p>a</p>", "a"),
    ],
)
def test_a_dropped_element_leaves_its_tail(markup, shown):
    """parse_html's tree is a plain lxml tree (no lxml.html methods): html.drop_tree keeps what follows the element."""
    root = parse_html(f"<html><body>{markup}</body></html>")
    assert text_of(root) == shown
    assert type(root).__module__ == "lxml.etree"  # the C-level class lookup: a plain element


def test_text_before_a_second_body_keeps_the_page():
    """fuzz36, 2026-12-08: text then "</body><body>" (a mutated real page) made lxml.html.fromstring call
    drop_tree on a plain element (AttributeError) and the extractor raise; the whole list is read instead."""
    html = "<ul><li><a href='/a'>First entry title here</a></li><li><a href='/b'>Second entry title</a></li></ul>"
    entries = build_entries(extract_page(html + "r</body><body>", "https://example.org/"), "https://example.org/")
    assert [e["title"] for e in entries] == ["First entry title here", "Second entry title"]
