"""`listing-archive learn`: where it learns an entry's date from (a date link in a cell, a date column, a time element,
the row below, a title closing on its day, the entry's address)."""

from synthetic import DATES, ISO, TITLES, page, read
from synthetic import generic_entries as _entries

from crawler.extract.learn_site import learn_profile


def test_learn_gives_no_entry_the_date_row_of_the_next_when_dates_stand_above_their_titles():
    """<tr><td>1 March 2020</td></tr><tr><td><a>Report 0</a></td></tr>...: each title-less row leads the row below
    it; joined to the entry above, every report took the next one's date."""
    rows = "".join(
        f"<tr><td class='d'>{i + 1} March 2020</td></tr>"
        f"<tr><td><a href='/doc/{i}'>Report number {i} on wages</a></td></tr>"
        for i in range(6)
    )
    text, entries = read(page(f"<table>{rows}</table>"), ["Report number 2 on wages"])
    assert [e["title"] for e in entries] == [f"Report number {i} on wages" for i in range(6)], text
    assert [e["date_start"] for e in entries][1] in (None, "2020-03-02"), text


def test_a_date_column_whose_cells_name_the_meeting_beside_its_day():
    # A table of motions under "Name | Date | Status": each date cell links the meeting that passed the motion,
    # named by a short label before its day ("Board 12.03.2023"). The header says the column holds dates.
    days = ["12.03.2023", "03.02.2023", "20.01.2023", "05.01.2023"]
    rows = "".join(
        f'<tr><td><a href="/motion/{i}">{t}</a></td><td><a href="/meeting/{i}">Board {d}</a></td><td>passed</td></tr>'
        for i, (t, d) in enumerate(zip(TITLES, days, strict=True))
    )
    table = f"<table><thead><tr><th>Name</th><th>Date</th><th>Status</th></tr></thead><tbody>{rows}</tbody></table>"
    text, entries = read(page(table), [TITLES[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def test_a_bold_title_beside_the_one_link_of_its_outlet_takes_the_day_closing_that_link_line():
    # A press review: each item a bold title (no link), a break, then a long line naming where it ran, whose one
    # link is the outlet's, closing on the day it ran. The title is the item's name, the date the outlet's day.
    days = ["12.03.2023", "03.02.2023", "20.01.2023", "05.01.2023"]
    items = "".join(
        f"<li><b>{t}</b><br>A feature by our reporter in the regional weekly "
        f'<a href="https://outlet{i}.example.net/story">Valley Chronicle {i}</a> (print and web edition), {d}</li>'
        for i, (t, d) in enumerate(zip(TITLES, days, strict=True))
    )
    text, entries = read(page(f'<div class="press"><ul>{items}</ul></div>'), [TITLES[0]])
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (t, f"https://outlet{i}.example.net/story", ISO[i]) for i, t in enumerate(TITLES)
    ], text


def dated_posts(stamps: list[str]) -> str:
    return "".join(
        f'<div class="post-row"><h3><a href="/p/{i}">{t}</a></h3><ul class="meta"><li class="author">Staff</li>'
        f'<li class="date"><i class="icon"></i><time datetime="{stamp}">{d}</time></li></ul></div>'
        for i, (t, d, stamp) in enumerate(zip(TITLES, DATES, stamps, strict=True))
    )


def test_a_time_datetime_the_same_on_every_entry_is_no_date_the_element_around_it_is():
    text, entries = read(page(dated_posts(["2021-10-18T20:20:37Z"] * len(TITLES))), [TITLES[0]])
    assert 'date = "li.date"' in text
    assert [e["date_start"] for e in entries] == ISO, text
    # A datetime of each entry's own is the date element's still.
    text, entries = read(page(dated_posts(ISO)), [TITLES[0]])
    assert 'date = "li.date time"' in text
    assert [e["date_start"] for e in entries] == ISO, text


def test_a_date_line_without_a_machine_date_is_not_traded_for_the_cell_around_it():
    rows = "".join(
        f'<tr><td><b><a href="/p/{i}">{t}</a></b><br><small><b>Summary:</b> what this policy says, in a few words'
        f'</small> <small><b><span title="Date added">Added</span>:</b> 2021-08-1{i}</small></td><td>{iso}</td></tr>'
        for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))
    )
    text, entries = read(page(f'<table class="publications"><tbody>{rows}</tbody></table>'), [TITLES[0]])
    assert [e["date_start"] for e in entries] == ISO, text


def test_a_live_blogs_posts_of_one_day_keep_their_time_element_as_the_date():
    """Posts of one day, each <time datetime> that day and showing its hour, share a datetime rightly: learn names
    the <time> element (the build-time rule is for shown days that differ), as the generic extractor keeps it."""
    rows = "".join(
        f'<li><h2><a href="/p/{n}">{title}</a></h2><time datetime="2024-03-05">5 March 2024, {hour}</time></li>'
        for n, (title, hour) in enumerate(
            [
                ("Minister arrives for talks", "9:15"),
                ("Unions respond to the offer", "10:30"),
                ("Talks adjourned until later", "11:45"),
                ("Agreement reached on wages", "15:00"),
            ]
        )
    )
    html = f"<html><body><h1>Live</h1><ul>{rows}</ul></body></html>"
    learned = learn_profile(html, "https://example.org/live/", ["Unions respond to the offer"], "live.html")
    assert learned.selectors.get("date") == "time"


def test_a_date_link_in_an_unnamed_cell_beside_the_title_link_is_the_rows_date():
    numeric = [f"{iso[8:]}.{iso[5:7]}.{iso[:4]}" for iso in ISO]
    rows = "".join(
        f'<tr><td><a href="/m/{i}">{t}</a></td><td><a href="/s/{i}">{d}</a></td><td>-</td></tr>'
        for i, (t, d) in enumerate(zip(TITLES, numeric, strict=True))
    )
    text, entries = read(page(f"<table><tbody>{rows}</tbody></table>").replace('lang="en"', 'lang="de"'), [TITLES[0]])
    assert 'date = "td:nth-of-type(2) a"' in text
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def _blog(days: list[str]) -> str:
    addresses = ["/2019/05/03/first-post", "/2019/05/04/second-post", "/2019/06/01/third-post"]
    return "".join(
        f"<div class='post'><h2><a href='{href}'>Post {i}</a></h2><span class='date'>{day}</span><p>Hello.</p></div>"
        for i, (href, day) in enumerate(zip(addresses, days, strict=True))
    )


def test_a_learned_profile_dates_a_day_and_month_by_the_entrys_address_as_the_generic_extractor_does():
    # '3.5.' under /2019/05/03/ is that day; '7.5.' under /2019/05/04/ is another day: no year stated
    body = _blog(["3.5.", "7.5.", "1.6."])
    expected = ["2019-05-03", None, "2019-06-01"]
    assert [e["date_start"] for e in _entries(body, "<html lang='en'>")] == expected
    _, learned = read(page(body), ["Post 1"])
    assert [e["date_start"] for e in learned] == expected


def test_learn_reads_the_date_in_the_row_below_each_documents_row():
    """A parliament's search results: each document a row (icon and title links), then a row of its number,
    type and date, then a row of its procedure, then a rule; learnt from one title, every date was lost."""
    rows = "".join(
        f"<tr><td class='doc'><a href='/d/{i}.pdf'><img src='pdf.gif'></a></td>"
        f"<td class='title' colspan='3'><a href='/d/{i}.pdf'>Kleine Anfrage number {i} zur Schule</a></td></tr>"
        f"<tr><td>6/46{i}</td><td>Kleine Anfrage und Antwort</td><td>1{i}.11.2015</td></tr>"
        f"<tr><td>Vorgang</td><td colspan='3'>Abgeordneter {i}</td></tr><tr><td colspan='4'><hr></td></tr>"
        for i in range(5)
    )
    html = page(f"<table id='result'><tr><th>Dokument</th><th colspan='3'>Titel</th></tr>{rows}</table>")
    text, entries = read(html.replace('lang="en"', 'lang="de"'), ["Kleine Anfrage number 0 zur Schule"])
    assert [e["title"] for e in entries] == [f"Kleine Anfrage number {i} zur Schule" for i in range(5)], text
    assert [e["date_start"] for e in entries] == [f"2015-11-1{i}" for i in range(5)], text


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


def test_a_title_opening_on_its_day_gives_the_entry_its_date():
    """Batch S (hacla): '<span>01/09/2025 BOC Regular Meeting</span>' beside cells of PDF links, no other date in the
    row: the title's opening day was not learnt as the date (75 of 153 meetings dated, by luck of the content)."""
    names = ["BOC Regular Meeting", "Board of Directors Special Meeting", "LA LOMOD Special Meeting"] * 2
    rows = "".join(
        f'<div class="views-row"><div class="views-field"><span class="field-content">{m:02}/{m + 8:02}/2025 {t}'
        f'</span></div><div class="files"><ul><li><a href="/f/{i}.pdf">Agenda</a></li>'
        f'<li><a href="/f/{i}-m.pdf">Minutes</a></li></ul></div></div>'
        for i, (m, t) in enumerate(zip([1, 1, 2, 2, 3, 3], names, strict=True))
    )
    text, entries = read(
        page(f'<div class="view-content">{rows}</div>').replace('lang="en"', 'lang="en-US"'), [f"01/09/2025 {names[0]}"]
    )
    assert 'date = "span.field-content"' in text
    assert [e["date_start"] for e in entries] == ["2025-01-09", "2025-01-09", "2025-02-10", "2025-02-10"] + [
        "2025-03-11"
    ] * 2, text


def test_a_date_in_brackets_closing_most_titles_dates_each_entry_the_profile_reads():
    """en-is-enes3-workshops: '<h4><a>7th HPC Workshop (09-11 May 2022)</a></h4>' with no date line; the generic
    extractor dated each by its title's closing bracket (28/28), the learnt profile read no date (0/28). The profile
    reader now reads the list's bracketed dates as the generic does, the titles kept whole."""
    days = ["09-11 May 2022", "23-27 May 2022", "4 Oct 2021", "1 Feb 2021"]
    titles = [f"{t} ({d})" for t, d in zip(TITLES, days, strict=True)]
    items = "".join(
        f'<h4><a href="/w#{i}">{t}</a></h4><p>A workshop of the project, its programme and slides.</p>'
        for i, t in enumerate(titles)
    )
    _, entries = read(page(f'<div class="columns">{items}</div>'), [titles[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == list(
        zip(titles, ["2022-05-09", "2022-05-23", "2021-10-04", "2021-02-01"], strict=True)
    )


def test_a_date_line_heading_several_entries_gives_each_its_day_until_the_next_date_line():
    """<dt>12-23-2016</dt><dd>report</dd><dd>report</dd><dt>…: one date line heads the reports after it, up to the
    next (an audit office's reports, batch U). The profile names the date lines as `group`; each report takes its
    heading's day, not the first date line of its list, nor a period its title closes on."""
    heads = ["12-23-2022", "11-14-2022", "10-25-2022"]
    spans = [[0, 1], [2], [3]]
    titles = [*TITLES[:3], "Costs claimed for the period through June 30, 2021."]
    items = "".join(
        f"<dt>{d}</dt>" + "".join(f'<dd><a href="/r/{i}">{titles[i]}</a> <cite>(A-0{i})</cite></dd>' for i in span)
        for d, span in zip(heads, spans, strict=True)
    )
    text, entries = read(page(f'<div id="reports"><dl>{items}</dl></div>'), [titles[0]])
    assert 'group = "div#reports dt"' in text, text
    days = ["2022-12-23", "2022-12-23", "2022-11-14", "2022-10-25"]
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(titles, days, strict=True)), text


def test_a_day_and_month_heading_takes_the_year_heading_beside_it():
    """<h5>2018</h5><h4>05 juillet</h4> in each archive item (a Pelican theme, fr-python-nantes-archives, batch Y):
    the learnt date selector names the day and month; before, no entry had a date (no year), now the year beside it
    completes it. A day and month in figures beside a year stays undated (its order is not shown)."""

    def items(days: list[str]) -> str:
        return "".join(
            f'<div class="item"><a href="/author/{i}"><img src="/a.png" alt="A"></a><h5 class="when">{iso[:4]}</h5>'
            f'<h4 class="when">{day}</h4><div class="post"><a href="/p/{i}">{t}</a></div><p class="meta">By Ann</p>'
            "</div>"
            for i, (t, iso, day) in enumerate(zip(TITLES, ISO, days, strict=True))
        )

    text, entries = read(page(items([" ".join(d.split()[:2]) for d in DATES])), [TITLES[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text
    text, entries = read(page(items([f"{iso[8:]}/{iso[5:7]}" for iso in ISO])), [TITLES[0]])
    assert [e["date_start"] for e in entries] == [None] * 4, text


def test_titles_closing_on_their_meetings_day_date_a_list_that_shows_no_other_date():
    """File blocks of minutes, each title in bold closing on its meeting's day in words ("… del 31 Maggio 2022",
    it-comites-nuova-zelanda-verbali, batch Y), no date line anywhere: the profile reader dates each entry by that
    day, as the generic extractor does (before: no entry dated). The title stays whole."""
    titles = [f"Minutes of the board meeting of {day}" for day in DATES]
    blocks = "".join(
        f'<div class="file"><a href="/m/{i}.pdf"><img src="/pdf.png" alt=""></a><table><tr><td><b>{t}</b></td>'
        f'</tr><tr><td>Download</td></tr></table><a href="/m/{i}.pdf">Download file</a></div>'
        for i, t in enumerate(titles)
    )
    text, entries = read(page(f'<div class="files">{blocks}</div>'), [titles[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(titles, ISO, strict=True)), text
