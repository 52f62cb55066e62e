"""Shapes of real listing pages the generic extractor read wrong (issue 21, held-out batches H and I, and batch G's
author cards), each in small synthetic HTML: a heading over a record whose one link follows a label ("Full
story:"), a column that copies the list, a "more…" link beside a link around each card, a title line running
into its date and place, a section label every card repeats, bold words in a teaser, an avatar's author."""

from synthetic import URL
from synthetic import generic_entries as _entries

from crawler.extract import extract_page

RELEASES = [
    ("Agency awards a five-year contract for adult literacy", "News Release: May 11, 2021", "2021-05-11"),
    ("Recommendations for a federal compliance library", "FCW: March 22, 2021", "2021-03-22"),
    ("Fixing government security compliance with rapid ATO", "News Release: February 4, 2021", "2021-02-04"),
]


def test_a_heading_names_a_record_whose_lone_link_follows_a_label_on_its_line():
    # the link says the article's own, differently worded title where it leads; the heading names the record
    rows = "".join(
        f"<div class='release'><h2>{name}</h2><span>{line}</span><p>A teaser of some words about release {i}.</p>"
        f"<p>Full story: <a href='https://press.example.net/{i}'>Elsewhere: the article's own headline {i}</a></p>"
        "</div>"
        for i, (name, line, _) in enumerate(RELEASES)
    )
    entries = _entries(rows, "<html lang='en-US'>")
    assert [e["title"] for e in entries] == [name for name, _, _ in RELEASES]
    assert [e["url"] for e in entries] == [f"https://press.example.net/{i}" for i in range(3)]
    assert [e["date_start"] for e in entries] == [iso for _, _, iso in RELEASES]


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


DOJOS = [
    ("#131: Capture the Flag", "4 July 2026"),
    ("#130: Raspberry Pi", "6 June 2026"),
    ("#129: Free choice", "9 May 2026"),
]


def test_a_more_link_beside_a_link_around_the_card_to_the_same_place_opens_no_entry_of_its_own():
    # each card: one link around its heading, date and teaser, then "more…" to the same page
    rows = "".join(
        f"<div class='dojo'><a href='/dojos/{i}/'><h3>{name}</h3><p>{day}</p><p>We work with the "
        f"Raspberry Pi again, with Python and electronics, session {i}.</p></a><a href='/dojos/{i}/'>more…</a></div>"
        for i, (name, day) in enumerate(DOJOS)
    )
    entries = _entries(rows, "<html lang='en-GB'>")
    assert [e["title"] for e in entries] == [name for name, _ in DOJOS]
    assert [e["date_start"] for e in entries] == ["2026-07-04", "2026-06-06", "2026-05-09"]


def _dojo_cards(section: str = "") -> str:
    card = (
        "<div class='dojo'><a href='/dojos/{i}/'><div class='dojo-kop'>{name} -\n<span>Saturday\n{day}</span> "
        "<span class='place'>@ Keizer Karelplein 32, Nijmegen</span></div><p><img src='/i{i}.png' alt=''></p>"
        "{section}<p>We work with the Raspberry Pi again, with Python and electronics, session {i}.</p></a>"
        "<a href='/dojos/{i}/'>more…</a></div>"
    )
    return "".join(card.format(i=i, name=name, day=day, section=section) for i, (name, day) in enumerate(DOJOS))


def test_a_title_line_of_words_closed_by_a_dash_then_a_date_and_a_place_of_their_own_is_those_words():
    entries = _entries(_dojo_cards(), "<html lang='en-GB'>")
    assert [e["title"] for e in entries] == [name for name, _ in DOJOS]
    assert [e["date_start"] for e in entries] == ["2026-07-04", "2026-06-06", "2026-05-09"]


def test_a_heading_the_same_on_every_card_after_its_own_first_line_is_a_section_label_not_the_title():
    entries = _entries(_dojo_cards("<h2>What will we do?</h2>"), "<html lang='en-GB'>")
    assert [e["title"] for e in entries] == [name for name, _ in DOJOS]
    assert [e["date_start"] for e in entries] == ["2026-07-04", "2026-06-06", "2026-05-09"]


def test_a_heading_the_same_on_every_record_that_opens_it_still_names_it():
    rows = "".join(
        f"<div class='post'><h3><a href='/week/{i}/'>The week ahead...</a></h3><p>{day}</p>"
        f"<p>Meetings, hearings and votes of week {i}, with the agenda of each.</p></div>"
        for i, (_, day) in enumerate(DOJOS)
    )
    entries = _entries(rows, "<html lang='en-GB'>")
    assert [e["title"] for e in entries] == ["The week ahead..."] * 3


def test_bold_words_inside_a_sentence_of_the_teaser_are_emphasis_not_the_title():
    rows = "".join(
        f"<div class='card'><a href='/e/{i}/'><div class='kop'>{name}</div><p>After a pause we start on "
        f"<strong>Saturday {i + 7} May</strong> with a live session again!</p></a></div>"
        for i, (name, _) in enumerate(DOJOS)
    )
    entries = _entries(rows, "<html lang='en-GB'>")
    assert [e["title"] for e in entries] == [name for name, _ in DOJOS]


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


def test_a_heading_every_record_shares_after_a_line_holding_a_date_still_names_it():
    rows = "".join(
        f"<div class='meeting'><a href='/m/{i}/'><p>{day}, 6 pm – City Hall, room {i}</p><h3>Board Meeting</h3>"
        f"<p>The board meets on the budget and the parks plan, session {i}.</p></a></div>"
        for i, (_, day) in enumerate(DOJOS)
    )
    entries = _entries(rows, "<html lang='en-GB'>")
    assert [e["title"] for e in entries] == ["Board Meeting"] * 3


ARTICLES = [
    ("Ana Souza", "20/06/2022", "PHP conference 2022 in the north east", "2022-06-20"),
    ("Leo Campos", "05/10/2020", "Middleware, PSR-7, PSR-15 and Mezzio", "2020-10-05"),
    ("Rafael Pinto", "19/05/2020", "How UX design makes you a better developer", "2020-05-19"),
]


def _author_cards(dated: bool = True) -> str:
    card = (
        "<article class='card'><a href='/articles/{i}'><header><figure><img class='is-rounded' "
        "src='https://www.gravatar.com/avatar/{i}?s=64' alt='Gravatar of {name}'></figure></header><div>"
        "<p class='title'>{name}</p>{line}</div><div><p class='is-uppercase'>{title}</p></div></a></article>"
    )
    return "".join(
        card.format(i=i, name=name, title=title, line=f"<p class='subtitle'>on <time>{day}</time></p>" if dated else "")
        for i, (name, day, title, _) in enumerate(ARTICLES)
    )


def test_a_name_an_avatar_pictures_over_a_date_line_is_the_author_and_the_line_after_it_the_title():
    entries = _entries(_author_cards(), "<html lang='pt-BR'>")
    assert [e["title"] for e in entries] == [title for _, _, title, _ in ARTICLES]
    assert [e["date_start"] for e in entries] == [iso for *_, iso in ARTICLES]


def test_a_list_of_people_under_their_avatars_is_named_by_them():
    entries = _entries(_author_cards(dated=False), "<html lang='pt-BR'>")
    assert [e["title"] for e in entries] == [name for name, *_ in ARTICLES]
