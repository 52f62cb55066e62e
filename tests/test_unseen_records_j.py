"""Records of real listing pages the generic extractor read wrong (issue 21, held-out batch J, part B), each in
small synthetic HTML."""

from synthetic import generic_entries as _entries

LAWS = [f"Verordnung des Ministeriums Nr. {n} zur Änderung der Verordnung" for n in range(40, 46)]


def _law_card(n: int, name: str) -> str:
    return (
        "<li class='list__item'><article class='teaser teaser--horizontal'><div class='teaser__content'>"
        f"<div class='teaser__content-inner'><time datetime='2026-03-{n - 20}'>{n - 20}.03.2026</time>"
        f"<h3 class='headline'>{name}</h3><div class='teaser__footer'>"
        f"<a href='/gesetzblatt/detail/2026-{n}'>Zum Gesetzblatt</a></div></div></div></article></li>"
    )


def _promo(name: str, href: str) -> str:
    return (
        "<div class='grid__col'><div class='grid__item'><article class='teaser promo'><div class='teaser__content'>"
        f"<div class='teaser__content-inner'><h2 class='headline'>{name}</h2><p>Sie haben Fragen? Antworten hier.</p>"
        f"<div class='teaser__footer'><a href='{href}'>Mehr</a></div></div></div></article></div></div>"
    )


def test_a_lone_card_of_the_lists_shape_four_levels_below_its_item_is_no_entry():
    # each record (the card's inner box) sits four levels below the <li> that stands beside the others: the
    # promotion cards of that shape after the list, each alone in its grid column, are another section's
    cards = "".join(_law_card(n, name) for n, name in zip(range(45, 39, -1), LAWS, strict=True))
    promos = _promo("Häufig gestellte Fragen", "/faqs") + _promo("Keine Verkündung verpassen!", "/newsletter")
    html = f"<main><section><div class='list'><ul class='list__items'>{cards}</ul></div></section>"
    html += f"<div class='page__section'><div class='grid'><div class='grid__row'>{promos}</div></div></div></main>"
    entries = _entries(html, "<html lang='de'>")
    assert [e["title"] for e in entries] == LAWS
    assert entries[0]["date_start"] == "2026-03-25"


NEWS = ["Réunion de clôture du projet", "De nouvelles versions des logiciels", "Un ouvrage collectif à paraître"]


def _article(i: int, name: str, links: int) -> str:
    prose = "".join(
        f"<p>Le projet publie <a href='https://tools{i}.example.net/v{k}'>version {k}.0</a> de ses outils, "
        f"voir la <a href='https://doc{i}.example.net/{k}'>documentation en ligne</a> pour les détails.</p>"
        for k in range(links)
    )
    return (
        f"<article class='article' id='post-{i}'><header><h2>{name}</h2></header>"
        f"<div class='article__body'><p>Texte de l'actualité {i}, sans lien.</p>{prose}</div></article>"
    )


def test_articles_shown_in_full_under_unlinked_headings_are_the_entries_not_the_links_in_their_text():
    # two, none and three links in the text of each: the links are the articles', the articles the entries
    html = "<h1>Actualités</h1>" + "".join(_article(i, name, (2, 0, 3)[i]) for i, name in enumerate(NEWS))
    entries = _entries(html, "<html lang='fr'>")
    assert [e["title"] for e in entries] == NEWS


def test_cards_under_unlinked_headings_with_one_link_each_keep_their_link():
    cards = "".join(_law_card(n, name) for n, name in zip(range(45, 39, -1), LAWS, strict=True))
    entries = _entries(f"<ul>{cards}</ul>", "<html lang='de'>")
    assert [(e["title"], e["url"].rsplit("/", 1)[-1]) for e in entries][:2] == [
        (LAWS[0], "2026-45"),
        (LAWS[1], "2026-44"),
    ]


def test_cards_under_unlinked_headings_with_a_read_more_each_some_without_keep_their_links():
    cards = "".join(
        f"<div class='card'><h3>{name}</h3><p>Le texte de la nouvelle, en quelques mots seulement"
        + (f" <a href='/nouvelles/{i}/'>Poursuivre la lecture</a>" if i else "")
        + "</p></div>"
        for i, name in enumerate([*NEWS, "Assemblée générale annuelle"])
    )
    entries = _entries(cards, "<html lang='fr'>")
    assert [e["url"].rsplit("/", 2)[-2] for e in entries] == ["1", "2", "3"]


def test_two_events_on_one_day_of_a_calendar_make_no_list_the_other_days_stray_from():
    days = [(2, ["City Council Meeting"]), (13, ["Tree Board Meeting"]), (15, ["Planning Commission"])]
    days += [(27, ["Community Development Committee", "Library Board Meeting"]), (30, ["Finance Committee"])]
    cells = [
        f"<td class='single-day'><div class='inner'><div class='day'>{day}</div>"
        + "".join(
            f"<div class='item'><div class='view-item'><div class='calendar monthview'>"
            f"<div class='calendar.{day}{k}.field_date.0.0 contents'><div class='views-field-title'>"
            f"<a href='/council/page/{day}-{k}'>{name}</a></div><span class='date'>January {day}, 2025</span>"
            "</div></div></div></div>"
            for k, name in enumerate(names)
        )
        + "</div></td>"
        for day, names in days
    ]
    weeks = "".join(f"<tr>{cells[i]}{cells[i + 1]}</tr>" for i in (0, 2)) + f"<tr>{cells[4]}</tr>"
    entries = _entries(f"<table class='calendar'>{weeks}</table>", "<html lang='en-US'>")
    assert len(entries) == 6  # the lone events of the other weeks stay
