"""`listing-archive learn` on rows and items the example names in ways of their own: rows all named
alike, a name in plain text beside an affordance link, a date in a column of its own, a date opening
the heading."""

from synthetic import ISO, page, read


def test_rows_all_named_as_the_example_beat_a_longer_menu_naming_it_once():
    menu = "".join(f'<li><a href="/b/{n}">Board number {n}</a></li>' for n in range(30))
    menu = f'<ul class="megamenu"><li><a href="/b/aldermen">Board of Aldermen</a></li>{menu}</ul>'
    rows = "".join(
        f'<tr class="item"><td><a href="/m/{i}">Board of Aldermen</a></td>'
        f'<td class="when">{iso[5:7]}/{iso[8:]}/{iso[:4]} 3:00 PM</td><td><a href="/m/{i}.pdf">Agenda</a></td></tr>'
        for i, iso in enumerate(ISO)
    )
    html = page(f'{menu}<h1>Board of Aldermen</h1><table class="list">{rows}</table>')
    text, entries = read(html.replace('lang="en"', 'lang="en-US"'), ["Board of Aldermen"])
    assert [e["url"] for e in entries] == [f"https://example.org/m/{i}" for i in range(len(ISO))], text
    assert [e["date_start"] for e in entries] == ISO, text
