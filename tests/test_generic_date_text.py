"""The generic extractor's entry dates read from free text beside the title: a press clipping's date and outlet
after its link, a date range at the end of a link's text, ranges whose first end leaves out the year, event dates
in words on cards. Each shape in small synthetic HTML."""

from synthetic import generic_entries as _entries


def test_a_date_and_an_outlet_after_a_clippings_link_date_it_though_the_outlet_ends_on_a_full_stop():
    """<li><a>Headline</a> February 14, 2013. The Daily Paper.</li>: the line after the link opens on the date,
    set apart by a comma or a full stop from the outlet's name in a few words; the full stop closing the name
    makes no sentence of it (the date ends no prose)."""
    rows = [
        ("February 14, 2013, The Daily Paper.", "2013-02-14"),
        ("February 13, 2013. The Evening Post.", "2013-02-13"),
        ("July, 25th, 2012, Wired.", "2012-07-25"),
        ("October 3rd, 2012. Radio Four", "2012-10-03"),
        ("March 2, 2013. Al Jazeera, The Stream.", "2013-03-02"),
    ]
    items = "".join(
        f"<li><a href='https://news{i}.example.com/story'>What the council decided about the park {i}</a> {line}</li>"
        for i, (line, _) in enumerate(rows)
    )
    entries = _entries(f"<ul>{items}</ul>", "<html lang='en'>")
    assert [e["title"] for e in entries] == [f"What the council decided about the park {i}" for i in range(5)]
    assert [e["date_start"] for e in entries] == [day for _, day in rows]


def test_a_sentence_closing_on_a_date_after_a_clippings_link_still_dates_nothing_new():
    """Prose after the link that merely mentions a day ("The vote is due on 3 May 2022 in the hall.") is no
    dateline: the date is inside a sentence, not opening a short line."""
    items = "".join(
        f"<li><a href='/n/{i}'>Library plans for the coming year {i}</a> The vote on the plan for the new reading "
        f"rooms is due on 3 May 2022 in the town hall.</li>"
        for i in range(3)
    )
    entries = _entries(f"<ul>{items}</ul>", "<html lang='en'>")
    assert [e["date_start"] for e in entries] == [None] * 3


def test_titles_that_all_close_on_a_bracketed_date_range_are_dated_by_it_and_keep_it():
    """<h4><a>7th Modelling Workshop (09-11 May 2022)</a></h4>: a list that shows no date line, each title
    closing on a date in brackets (a range, or a day), run into the words: the bracket stays in the title (no
    break, dash or bar sets it apart) and, being the only date the entry shows, dates it."""
    shown = ["09-11 May 2022", "21-23 Sept 2021", "27 Sept 2021", "30 Nov - 02 Dec 2020"]
    items = "".join(
        f"<h4><a href='/workshops-detailed#w{i}'>Workshop number {i} on coupling models ({day})</a></h4>"
        for i, day in enumerate(shown)
    )
    entries = _entries(f"<h2>Past</h2>{items}", "<html lang='en'>")
    assert [e["title"] for e in entries] == [
        f"Workshop number {i} on coupling models ({d})" for i, d in enumerate(shown)
    ]
    assert [(e["date_start"], e["date_end"]) for e in entries] == [
        ("2022-05-09", "2022-05-11"),
        ("2021-09-21", "2021-09-23"),
        ("2021-09-27", "2021-09-27"),
        ("2020-11-30", "2020-12-02"),
    ]


def test_a_bracketed_date_closing_a_few_titles_of_a_list_is_no_entrys_date():
    """A date in brackets closing one title in four ("Markets recover (14/10/20)") is a mention, not the list's
    way of dating its entries: with no date line, the entries stay undated."""
    titles = [
        "Markets recover after the storm (14 Oct 2020)",
        "The harbour in winter",
        "A letter to the mayor",
        "Notes from the council chamber",
    ]
    items = "".join(
        f"<h2><a href='/a/{i}'>{t}</a></h2><p>Column number {i} by our writer.</p>" for i, t in enumerate(titles)
    )
    entries = _entries(items, "<html lang='en'>")
    assert [e["title"] for e in entries] == titles
    assert [e["date_start"] for e in entries] == [None] * 4


def test_a_range_whose_first_day_leaves_out_the_year_after_dots_gives_both_ends():
    """ "Zeitraum: 08.11. bis 09.11.2024": day and month with dots, the year only on the end: the start is in the
    end's year (the month crossed in "31.10. bis 01.11.2014", the year in "30.12.-02.01.2025"), never the end
    day alone (read as a time, "08.11" had vanished)."""
    shown = ["08.11. bis 09.11.2024", "31.10. bis 01.11.2014", "30.12.-02.01.2025", "8.5. – 10.5.2019"]
    items = "".join(
        f"<li><h2><a href='/konferenz-{i}/'>Konferenz Nummer {i}</a></h2><h3>Ein Thema für alle</h3>"
        f"<p>Ort: Stadthalle<br>Zeitraum: {span}</p></li>"
        for i, span in enumerate(shown)
    )
    entries = _entries(f"<ul>{items}</ul>", "<html lang='de'>")
    assert [e["title"] for e in entries] == [f"Konferenz Nummer {i}" for i in range(4)]
    assert [(e["date_start"], e["date_end"]) for e in entries] == [
        ("2024-11-08", "2024-11-09"),
        ("2014-10-31", "2014-11-01"),
        ("2024-12-30", "2025-01-02"),
        ("2019-05-08", "2019-05-10"),
    ]


def test_a_title_opening_on_a_whole_day_in_words_is_dated_by_it_and_keeps_it():
    """<h1><a>July 16, 2024 Board of Equalization Meeting</a></h1> among meetings named by their day alone (a city
    clerk's agendas, issue 21): the day opening the title, run into the name of what met, is the entry's date
    when it shows no other; the title stays whole. A year or a month opening a title names a period, and an
    entry's own date line wins over its title's."""
    titles = [
        "July 16, 2024 Board of Equalization Meeting",
        "June 25, 2024",
        "Tuesday, 11 June 2024 Special Session",
        "2024 Budget Hearing Schedule",
        "March 2024 Zoning Appeals",
        "May 7, 2024 Regular Meeting",
    ]
    items = "".join(
        f"<article><header><h1><a href='/agenda-{i}/'>{t}</a></h1></header><div class='content'><p>"
        f"<a href='/files/agenda-{i}.pdf'>Agenda document</a></p>{'<p>8 May 2024</p>' if i == 5 else ''}</div>"
        "</article>"
        for i, t in enumerate(titles)
    )
    entries = _entries(items, "<html lang='en-US'>")
    assert [e["title"] for e in entries] == titles
    assert [e["date_start"] for e in entries] == ["2024-07-16", "2024-06-25", "2024-06-11", None, None, "2024-05-08"]


def test_a_print_line_before_an_outlet_links_line_gives_the_press_items_date():
    """<li><strong>« Title »</strong><br>Daily News (Seite 1) vom 02.06.2020<br>Online-Artikel <a>Daily News</a>,
    01.06.2020.</li> (an architects' press review, issue 21): the print run's line comes first and dates the
    item, as an entry's first date does; items with the outlet's line alone keep that line's date."""
    prints = ["Stadtzeitung (Seite 1 &amp; 6) vom 02.06.2020<br>", "", "", "Wochenblatt (Seite 9) vom 12.05.2020<br>"]
    items = "".join(
        f"<li><p><strong>« Bericht {i} über das junge Architekturbüro »</strong><br>{line}Online-Artikel "
        f"<a href='https://outlet{i}.example/a'>Outlet {i}</a>, 0{i + 1}.05.2020.</p></li>"
        for i, line in enumerate(prints)
    )
    entries = _entries(f"<ul>{items}</ul>", "<html lang='de'>")
    assert [e["title"] for e in entries] == [f"« Bericht {i} über das junge Architekturbüro »" for i in range(4)]
    assert [e["date_start"] for e in entries] == ["2020-06-02", "2020-05-02", "2020-05-03", "2020-05-12"]


def test_a_clippings_dateline_before_a_long_outlet_name_in_capitals_dates_it():
    """<li><a>Headline</a>July 20th, 2012, ABC News 7 San Francisco [TV news video].</li>, "January 18, 2013.Talking
    Points Memo." (a press list, issue 21): a date opening the line, set apart by a comma or a full stop whose space
    is left out, then an outlet's name every word of which opens on a capital or a figure, however long, a
    bracketed note aside: the clipping's dateline. Words in lower case after it are prose."""
    rows = [
        ("July 20th, 2012, ABC News 7 San Francisco [TV news video].", "2012-07-20"),
        ("January 18, 2013.Talking Points Memo.", "2013-01-18"),
        ("July 19th, 2012, Politico Morning Tech Policy News Letter.", "2012-07-19"),
        ("May 4, 2013, the council met again and voted on the park plan.", None),
    ]
    items = "".join(
        f"<li><a href='https://news{i}.example.com/story'>What the council decided about the park {i}</a>{line}</li>"
        for i, (line, _) in enumerate(rows)
    )
    entries = _entries(f"<ul>{items}</ul>", "<html lang='en'>")
    assert [e["title"] for e in entries] == [f"What the council decided about the park {i}" for i in range(4)]
    assert [e["date_start"] for e in entries] == [day for _, day in rows]


def test_an_acts_title_naming_its_day_after_its_kind_and_number_dates_it_and_other_titles_do_not():
    """fr-sud-kivu-arretes-provinciaux (issue 21): a page of official acts, each titled by its kind, its number and
    the day it was made ("Arrêté N°24:239 du 18/07/2024 portant …"), no date of its own beside it: that day, the
    title kept whole. Without a number the title may be news about the act ("Loi du 5 mars 2007 sur la recherche",
    test_generic_dates); a day further on in a title names something else ("Corrigendum against Tender Notice No. 7
    dated …", "Appel … suite à son discours du 22 janvier 2009"): no date."""
    card = "<div class='doc'><h3>{}</h3><p>Gouvernement provincial</p><a href='/docs/{}.pdf'>Télécharger</a></div>"
    titles = [
        "Arrêté N°24:239:GP:SK du 18/07/2024 portant nomination des ministres provinciaux",
        "Décision n° 12 du 3 mars 2024 portant organisation des services",
        "Appel aux excuses publiques suite à son discours du 22 janvier 2009",
        "Corrigendum against Tender Notice No. 7 dated 12/02/2020 for audit services",
    ]
    entries = _entries("".join(card.format(t, n) for n, t in enumerate(titles)), "<html lang='fr'>")
    assert [(e["title"], e["date_start"], e["date_end"]) for e in entries] == [
        (titles[0], "2024-07-18", "2024-07-18"),
        (titles[1], "2024-03-03", "2024-03-03"),
        (titles[2], None, None),
        (titles[3], None, None),
    ]
