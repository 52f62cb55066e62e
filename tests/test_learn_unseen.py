"""`learn` on shapes of pages nobody had tuned for (held-out batches H and I): a column beside the list
repeating some of its cards, a box of another kind in the list's row, a title closing on its day."""

from synthetic import DATES, ISO, TITLES, page, read


def _card(i: int, title: str, iso: str) -> str:
    return (
        f'<div class="py-2"><div class="card"><span class="when">{iso[8:]}/{iso[5:7]}/{iso[:4]}</span>'
        f'<h4><a href="/n/{i}">{title}</a></h4><p class="card-text">A few words about this story.</p></div></div>'
    )


def test_a_column_beside_the_list_repeating_some_of_its_cards_is_no_part_of_it():
    cards = [_card(i, t, iso) for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))]
    # columns named only by generated grid classes ("col-lg-7"): their place in the row tells them apart
    html = page(
        '<div class="row"><div class="col-lg-7"><div class="stack">' + "".join(cards) + "</div></div>"
        '<div class="col-lg-4"><h3>Filter</h3><div class="stack">' + "".join(cards[1:]) + "</div></div></div>"
    )
    text, entries = read(html, [TITLES[0]])
    assert [e["title"] for e in entries] == TITLES, text
    assert [e["date_start"] for e in entries] == ISO


def test_columns_of_other_entries_named_only_by_generated_classes_are_one_list():
    def column(part: list) -> str:
        items = "".join(f'<li><a href="/d/{i}.pdf"><i class="arrow"></i>{t}</a></li>' for i, t in part)
        return f'<div class="col-md-6"><ul class="list">{items}</ul></div>'

    listed = list(enumerate(TITLES))
    html = page(f'<div class="row">{column(listed[:2])}{column(listed[2:])}</div>')
    text, entries = read(html, [TITLES[2]])
    assert [e["title"] for e in entries] == TITLES, text


def test_a_box_of_another_kind_in_the_lists_row_and_a_copy_of_the_list_elsewhere_are_no_entries():
    def cards(part: list) -> str:
        return "".join(
            f'<div class="col-md-6 d-flex"><div class="row inner"><div class="col-auto d-flex"><h3>{t}</h3>'
            f'<time class="text-muted">{iso}</time><a href="/n/{i}">Read on</a></div></div></div>'
            for i, (t, iso) in part
        )

    listed = list(enumerate(zip(TITLES, ISO, strict=True)))
    lead = '<div class="col-lg-12"><h2>Lead story of the week</h2><a href="/lead">Read on</a></div>'
    html = page(
        f'<div class="container"><div class="row">{lead}{cards(listed)}</div></div>'
        f'<div class="caption"><div class="row">{cards(listed[:2])}</div></div>'
    )
    text, entries = read(html, [TITLES[0]])
    assert [e["title"] for e in entries] == TITLES, text


def test_a_title_closing_on_its_day_after_a_colon_stays_whole_and_gives_the_date():
    days = ["vendredi 3 avril 2026", "vendredi 13 mars 2026", "vendredi 6 février 2026", "mercredi 7 janvier 2026"]
    titles = [f"Séminaire virtuel: {d}" for d in days]
    html = page(
        '<div class="posts">'
        + "".join(
            f'<a class="item" href="/s/{i}"><div class="item-title">{t}</div><div class="summary"><p>Speaker {i}</p>'
            "<p>Plus d'info...</p></div></a>"
            for i, t in enumerate(titles)
        )
        + "</div>"
    ).replace('lang="en"', 'lang="fr"')
    text, entries = read(html, [titles[0]])
    assert [e["title"] for e in entries] == titles, text
    assert [e["date_start"] for e in entries] == ["2026-04-03", "2026-03-13", "2026-02-06", "2026-01-07"], text


def test_a_card_of_the_list_that_links_nowhere_is_its_heading_not_an_entry():
    cards = "".join(
        f'<a class="card" href="/n/{i}"><div class="card-title">{t}</div><p>{d}</p></a>'
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    html = page(f'<div class="posts"><a class="card"><div class="card-title year">Seminars</div></a>{cards}</div>')
    text, entries = read(html, [TITLES[1]])
    assert [e["title"] for e in entries] == TITLES, text
    assert [e["date_start"] for e in entries] == ISO


def test_a_title_closing_on_a_day_after_a_colon_beside_a_date_box_leaves_the_date_to_the_box():
    html = page(
        "".join(
            f'<article class="post"><h2><a href="/n/{i}">Webinar: 1 June 2023</a></h2>'
            f'<span class="posted">{d}</span></article>'
            for i, d in enumerate(DATES)
        )
    )
    text, entries = read(html, ["Webinar: 1 June 2023"])
    assert 'date = "span.posted"' in text
    assert [e["date_start"] for e in entries] == ISO


def test_a_card_heading_running_into_its_date_and_place_gives_its_words_before_the_dash():
    """'<div>#131: Name -<span>zaterdag 4 juli 2026</span> <span>@ place</span></div>' in a link around each card:
    learn said the example was not on the page, and the profile read each title with its place after a dash."""
    cards = "".join(
        f'<div class="dojo"><a href="/d/{i}/"><div class="kop">#{i}: {t} -\n<span>{d}</span> '
        f'<span class="where">@ Street {i}, Town</span></div><p>What we will do.</p></a></div>'
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    text, entries = read(page(cards), [f"#2: {TITLES[2]}"])
    assert [e["title"] for e in entries] == [f"#{i}: {t}" for i, t in enumerate(TITLES)], text
    assert [e["date_start"] for e in entries] == ISO
