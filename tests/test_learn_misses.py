"""`listing-archive learn` on the shapes batch K showed it missing: a date link in an unnamed cell beside the title
link."""

from synthetic import ISO, TITLES, page, read


def test_a_date_link_in_an_unnamed_cell_beside_the_title_link_is_the_rows_date():
    numeric = [f"{iso[8:]}.{iso[5:7]}.{iso[:4]}" for iso in ISO]
    rows = "".join(
        f'<tr><td><a href="/m/{i}">{t}</a></td><td><a href="/s/{i}">{d}</a></td><td>-</td></tr>'
        for i, (t, d) in enumerate(zip(TITLES, numeric, strict=True))
    )
    text, entries = read(page(f"<table><tbody>{rows}</tbody></table>").replace('lang="en"', 'lang="de"'), [TITLES[0]])
    assert 'date = "td:nth-of-type(2) a"' in text
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text
