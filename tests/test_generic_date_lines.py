"""The generic extractor's entry dates from lines around the link: a long meta line, a date between a lead word and a
byline, a definition list, a linked date alone, dates after each bare link."""

import pytest
from synthetic import generic_entries as _entries


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


REPORTS = [
    "Audit of grant costs at the state university",
    "Review of contract funding for the institute",
    "Attestation review of drug control accounting",
    "Hospital claimed allowable disaster relief funds",
    "University did not always claim selected costs",
]


def _dated_items(term: str, item: str, days: list[tuple[str | None, list[int]]]) -> str:
    """Items of a flat list, each day's date line (or an undated run: None) over the items of that day."""
    html = ""
    for day, numbers in days:
        html += f"<{term}>{day}</{term}>" if day else ""
        html += "".join(f"<{item}><a href='/r/{n}'>{REPORTS[n]}</a> <cite>(A-0{n}-16)</cite></{item}>" for n in numbers)
    return html


@pytest.mark.parametrize(("term", "item", "wrapper"), [("dt", "dd", "dl"), ("p", "p", "div")])
def test_a_date_line_over_several_items_dates_each_up_to_the_next(term, item, wrapper):
    """<dl><dt>01-18-2013</dt><dd><a>Report</a></dd><dd><a>Report</a></dd><dt>…: audit reports (batch U) under a
    date line each, a day with several reports showing its date once, over the first: a term stands over every item
    after it up to the next term, so each item takes the date above it."""
    days = [("03-14-2016", [0]), ("02-19-2016", [1, 2, 3]), ("01-05-2016", [4])]
    entries = _entries(f"<{wrapper}>{_dated_items(term, item, days)}</{wrapper}>", "<html lang='en-US'>")
    assert [e["title"] for e in entries] == REPORTS
    assert [e["date_start"] for e in entries] == ["2016-03-14"] + ["2016-02-19"] * 3 + ["2016-01-05"]


def test_items_under_a_term_that_is_no_date_take_no_date_from_the_term_before():
    """A term that names something else ("Grants") ends the date line's reach: the items under it stay undated, and
    the next date line dates its own items again."""
    days = [("02-19-2016", [0, 1]), ("Grants", [2, 3]), ("01-05-2016", [4])]
    entries = _entries(f"<dl>{_dated_items('dt', 'dd', days)}</dl>", "<html lang='en-US'>")
    assert [e["title"] for e in entries] == REPORTS
    assert [e["date_start"] for e in entries] == ["2016-02-19", "2016-02-19", None, None, "2016-01-05"]


def test_cards_that_show_no_date_line_take_none_from_the_card_before():
    """<li><p>12 May 2021</p><a>…</a></li><li><a>…</a></li>: a card with a date line of its own dates that card
    only; the next card, which shows none, is undated (the date line heads no list of its own)."""
    cards = [f"<li><p>1{n} May 2021</p><a href='/r/{n}'>{REPORTS[n]}</a></li>" for n in (0, 2)]
    cards.insert(1, f"<li><a href='/r/1'>{REPORTS[1]}</a></li>")
    entries = _entries(f"<ul>{''.join(cards)}</ul>", "<html lang='en'>")
    assert [e["date_start"] for e in entries] == ["2021-05-10", None, "2021-05-12"]


def test_a_meta_line_of_parts_opening_on_its_date_wins_over_a_date_line_in_the_posts_text():
    """Posts shown in full (a music collective's blog, batch U): "<div class="meta">26/11/2017 · <span>Author ·
    <span>Kategorie: <a>…</a></span></span></div>", then the post's text with a record's data ("Release Date:
    21.11.2017<br>Label: …"): the meta line before the text dates the post, however many words its parts hold; the
    short date line inside the text is the record's, not the post's."""
    post = (
        "<div class='entry'><h2><a href='/2017/1{i}/post-{i}/'>Platte der Woche #36{i}</a></h2>"
        "<div class='comment-count'><a href='/2017/1{i}/post-{i}/#respond'>0</a></div>"
        "<div class='meta'>2{i}/10/2017 &middot; <span class='author'>Baba Sikander &middot; <span>Kategorie: "
        "<a href='/category/allgemein/'>Allgemein</a>,<a href='/category/pdw/'>Platte der Woche</a></span> "
        "&middot; </span></div><p><strong>Artist {i} – Nuages EP</strong></p>"
        "<p>Mein letzter Beitrag zu dieser Reihe stammt von einem Wiener Label, das bislang vor allem mit zwei "
        "Compilations aufgefallen ist.</p><p>Label: Heimlich Musik<br>Release Date: 1{i}.08.2017<br>Format: EP</p>"
        "</div>"
    )
    entries = _entries("".join(post.format(i=i) for i in range(1, 4)), "<html lang='de-DE'>")
    assert [e["title"] for e in entries] == [f"Platte der Woche #36{i}" for i in range(1, 4)]
    assert [e["date_start"] for e in entries] == ["2017-10-21", "2017-10-22", "2017-10-23"]


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
    ("lang", "fields"),
    [
        ("de", "<b>Beginn: </b>Freitag, 1{i}. Oktober 2024 18:00<br><b>Ort: </b>Saal 2, Haus der Vereine, Hauptstr. 9"),
        ("en", "<b>When:</b> Friday, October 1{i}, 2024 6pm<br><b>Where:</b> Room 2, Hall of Clubs, 9 Main Street"),
    ],
)
def test_a_labelled_date_line_cut_by_a_break_from_a_long_place_line_gives_the_date(lang, fields):
    """The words beside the date are counted on its own line: the place after the break is another field."""
    post = "<article><h2><a href='/e/{i}'>Evening talk on rivers number {i}</a></h2><div class='content'>"
    post += fields + ", 79100 Town<br></div></article>"
    entries = _entries("".join(post.format(i=i) for i in range(1, 4)), f"<html lang='{lang}'>")
    assert [e["date_start"] for e in entries] == ["2024-10-11", "2024-10-12", "2024-10-13"]


@pytest.mark.parametrize(
    ("lang", "label", "when", "place", "more"),
    [
        ("de", "Beginn:", "Freitag, 1{i}. Juli 2026 18:00", "Ort:", "Zum Kalender hinzufügen"),
        ("fr", "Date :", "vendredi 1{i} juillet 2026, 18h", "Lieu :", "Ajouter au calendrier"),
        ("en", "When:", "Friday, July 1{i}, 2026 6pm", "Where:", "Add to calendar"),
    ],
)
def test_a_labelled_date_standing_loose_beside_a_box_of_links_gives_the_date(lang, label, when, place, more):
    """de-rationality-freiburg-termine (issue 21): "<b>Beginn: </b>Freitag, 31. Juli 2026 18:00<br><b>Ort: </b>…"
    in a card's content box that also holds a list of calendar links: the date after its bold label is loose text,
    in no element of its own, yet it is the record's own line and its date."""
    card = (
        "<article><h2><a href='/termine/{i}/'>Treffen Nummer {i} der Gruppe</a></h2><div class='content'>"
        f"<b>{label} </b>{when}<br><b>{place} </b>Haus der Vereine, Hauptstraße 9<br>"
        f"<div><ul class='cal'><li><a href='/termine/{{i}}.ics'>{more}</a></li></ul></div></div></article>"
    )
    entries = _entries("".join(card.format(i=i) for i in range(3, 6)), f"<html lang='{lang}'>")
    assert [e["date_start"] for e in entries] == ["2026-07-13", "2026-07-14", "2026-07-15"]
