"""`listing-archive learn` on the shapes batch K showed it missing: a date link in an unnamed cell beside the title
link."""

from synthetic import DATES, ISO, TITLES, page, read


def test_a_date_link_in_an_unnamed_cell_beside_the_title_link_is_the_rows_date():
    numeric = [f"{iso[8:]}.{iso[5:7]}.{iso[:4]}" for iso in ISO]
    rows = "".join(
        f'<tr><td><a href="/m/{i}">{t}</a></td><td><a href="/s/{i}">{d}</a></td><td>-</td></tr>'
        for i, (t, d) in enumerate(zip(TITLES, numeric, strict=True))
    )
    text, entries = read(page(f"<table><tbody>{rows}</tbody></table>").replace('lang="en"', 'lang="de"'), [TITLES[0]])
    assert 'date = "td:nth-of-type(2) a"' in text
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def test_a_grid_whose_rows_hold_more_link_cells_than_the_table_has_rows_is_read_row_by_row():
    cells = ("Meeting details", "Agenda", "Minutes", "Video", "Audio")
    rows = "".join(
        f'<tr class="{("row", "alt")[i % 2]}"><td><font><a id="b{i}"><font>{t}</font></a></font></td>'
        f"<td><font>{iso[5:7]}/{iso[8:]}/{iso[:4]}</font></td>"
        + "".join(f'<td><font><a href="/m/{i}/{c[:3]}"><font>{c}</font></a></font></td>' for c in cells)
        + "</tr>"
        for i, (t, iso) in enumerate(zip(TITLES[:3], ISO, strict=False))
    )
    html = page(f'<table class="grid"><tbody>{rows}</tbody></table>').replace('lang="en"', 'lang="en-US"')
    text, entries = read(html, [TITLES[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES[:3], ISO, strict=False)), text


def test_a_title_row_with_its_link_then_a_dated_line_row_without_one_is_one_entry():
    rows = "".join(
        f'<tr><td><b><a href="/bid/{i}">DEPARTMENT OF PUBLIC WORKS {i}</a></b> - {t[:12]}</td></tr><tr></tr>'
        f'<tr><td>{iso[5:7]}/{iso[8:]}/{iso[2:4]} - 12/31/23: "NOTE: for this bid, call the counter."</td></tr>'
        "<tr><td></td></tr>"
        for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))
    )
    html = page(f"<table><tr><td><table>{rows}</table></td></tr></table>").replace('lang="en"', 'lang="en-US"')
    text, entries = read(html, [f"DEPARTMENT OF PUBLIC WORKS 0 - {TITLES[0][:12]}"])
    assert 'title = "td:has(a[href])"' in text
    assert [(e["url"], e["date_start"]) for e in entries] == [
        (f"https://example.org/bid/{i}", iso) for i, iso in enumerate(ISO)
    ], text


def test_a_title_named_by_its_class_on_a_link_or_on_a_span_beside_a_bare_link_is_read_in_both():
    rows = "".join(
        f'<tr><td><span class="when">{d}</span></td><td>'
        + (
            f'<a class="title listing-title" href="/e/{i}">{t}</a></td><td><a href="/x/{i}">Website</a>'
            if i % 2 == 0
            else f'<span class="listing-title">{t}</span></td><td><a href="https://other.example/{i}">Link</a>'
        )
        + "</td></tr>"
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    text, entries = read(page(f'<table><tbody class="list">{rows}</tbody></table>'), [TITLES[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text
    assert entries[1]["url"] == "https://other.example/1"


def test_an_empty_link_before_the_title_link_in_a_row_does_not_hide_its_title():
    names = [f"Ordinance fixing the regular meetings of year {2000 + i}" for i in range(12)]
    rows = "".join(
        f'<tr><td><p>23-{i:02}</p></td><td><p>{"<a href=/old.pdf></a>" * (i == 3)}<a href="/o/{i}.pdf">{t}</a></p>'
        f"</td><td><p>7/{i + 1}/20</p></td></tr>"
        for i, t in enumerate(names)
    )
    html = page(f'<div id="ordinances"><table>{rows}</table></div>').replace('lang="en"', 'lang="en-US"')
    text, entries = read(html, [names[0]])
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (t, f"https://example.org/o/{i}.pdf", f"2020-07-{i + 1:02}") for i, t in enumerate(names)
    ], text


def test_a_classed_list_of_buttons_beside_the_unclassed_list_in_one_box_is_no_entry():
    crumbs = '<ul class="actions"><li><a class="button" href="/">Python Club</a></li><li><span>Events</span></li></ul>'
    items = "".join(
        f'<li><a href="/e/{i}">{t}</a><div class="tag-event">{iso} 08:30</div></li>'
        for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))
    )
    text, entries = read(page(f'<div class="content">{crumbs}<ul>{items}</ul></div>'), [TITLES[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def test_a_row_setting_its_source_line_as_a_second_heading_is_still_one_entry():
    names = [f"Study number {i} on the spread of the virus" for i in range(10)]
    rows = "".join(
        f'<tr><th scope="row">Jan {i + 1}, 2022</th><td><h5>{t}</h5><h{5 if i == 2 else 6}>The Daily Paper, {i + 1} '
        f'January 2022</h{5 if i == 2 else 6}> Link: <a href="https://news.example/{i}">https://news.example/{i}</a>'
        "</td></tr>"
        for i, t in enumerate(names)
    )
    text, entries = read(page(f'<table class="table">{rows}</table>'), [names[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == [(t, f"2022-01-{i + 1:02}") for i, t in enumerate(names)]


def test_author_lines_closing_each_post_of_a_flat_run_do_not_lead_the_next_post():
    posts = "".join(
        f'<h2><a href="/p/{i}">{t}</a></h2><p><strong>Description:</strong> A few words on what this post is about.</p>'
        f"<p><strong>Author:</strong> J. Doe {iso} <strong>Categories:</strong> search, web</p>"
        for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))
    )
    html = page(f"<section><h1>Our blog</h1><p>Selected posts from our group members</p>{posts}</section>")
    text, entries = read(html, [TITLES[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def test_names_in_plain_text_whose_only_link_says_the_same_in_every_entry_get_a_clear_refusal():
    import pytest

    from crawler.extract.learn import LearnError
    from crawler.extract.learn_site import learn_profile

    items = "".join(
        f'<p class="talk">{t}<br><strong>{d}</strong><br><a href="https://tv.example/{i}">Link to the seminar</a></p>'
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    with pytest.raises(LearnError, match=r'only link is a pointer \("Link to the seminar"\)'):
        learn_profile(page(f'<div class="talks">{items}</div>'), "https://example.org/", [TITLES[0]], "test page")


def test_rows_of_a_table_with_other_column_names_below_the_list_are_no_entries():
    rows = "".join(
        f'<tr><td><a href="/m/{i}">{t}</a></td><td>{d}</td><td>-</td></tr>'
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    groups = "".join(
        f'<tr><td>Working group number {i}</td><td>Jane Doe</td><td><a href="/join">join us!</a></td></tr>'
        for i in range(6)
    )
    html = page(
        f'<div class="doc"><table><thead><tr><th>Name</th><th>Date</th><th>Status</th></tr></thead>'
        f"<tbody>{rows}</tbody></table><table><thead><tr><th>Group</th><th>Contact</th><th>Join</th></tr></thead>"
        f"<tbody>{groups}</tbody></table></div>"
    )
    text, entries = read(html, [TITLES[0]])
    assert [e["title"] for e in entries] == TITLES, text
