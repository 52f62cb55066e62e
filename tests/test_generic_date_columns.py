"""The generic extractor's dates on shapes where a record's date sits in a line, cell or heading of its own and
another date-like text comes first (issue 21), in synthetic pages: one test per rule."""

from datetime import UTC, datetime

import pytest

from crawler.entries import build_entries
from crawler.extract import extract_page

URL = "https://example.org/blog/"
NOW, LATER = datetime(2024, 4, 1, tzinfo=UTC), datetime(2035, 1, 1, tzinfo=UTC)
CHROME = '<header><nav><a href="/">Home</a> <a href="/about/">About us</a></nav></header>'


def _entries(body: str, url=URL, lang="en"):
    html = f'<html lang="{lang}"><body>{CHROME}<main>{body}</main><footer>Contact</footer></body></html>'
    return build_entries(extract_page(html, url, "auto"), url)


def test_a_year_category_line_yields_to_the_day_line_after_it():
    """ "in <a>2017</a>" (a category named by a year) over "October 9, 2017": the year is no finer than the day
    line below it, which is the post's date; a category of words leaves the day line alone anyway."""
    post = (
        '<div class="post"><h2><a href="/blog/{slug}/">{title}</a></h2>'
        '<p class="category">in <a href="/categories/{cat}">{cat}</a></p>'
        '<p class="date"><a href="/blog/{slug}/">{day}</a></p>'
        "<p>What the chapter did that season, told at some length for its members.</p></div>"
    )
    rows = [
        ("spring-talks", "Spring talks and networking", "Events", "April 17, 2018"),
        ("fall-course", "Fall course and seminars", "2017", "October 9, 2017"),
        ("hello", "Hello and welcome", "News", "July 23, 2015"),
    ]
    body = "".join(post.format(slug=s, title=t, cat=c, day=d) for s, t, c, d in rows)
    assert [(e["date_start"], e["date_precision"]) for e in _entries(body)] == [
        ("2018-04-17", "day"),
        ("2017-10-09", "day"),
        ("2015-07-23", "day"),
    ]


def test_a_date_box_of_month_day_and_weekday_takes_the_year_its_weekday_names():
    """<span>Apr</span><span>22</span><span>Mon</span>: no year shown anywhere, but 22 April falls on a Monday only
    every 5, 6 or 11 years, so among the three years before the capture, its own and the next one year fits."""
    card = (
        '<article class="event"><a href="/events/{n}"><div class="date-box">\n<span>{month}</span>\n'
        "<span>{day}</span>\n<span>{weekday}</span>\n</div>"
        "<div><h4>{title}</h4><div>09:00am - 11:00am</div></div></a></article>"
    )
    rows = [("Apr", 22, "Mon", "Board work session"), ("Apr", 23, "Tue", "Board regular meeting")]
    rows += [("May", 7, "Tue", "Zoning hearing"), ("May", 8, "Fri", "Budget hearing")]  # 8 May 2024 is a Wednesday
    html = "".join(card.format(n=n, month=m, day=d, weekday=w, title=t) for n, (m, d, w, t) in enumerate(rows))
    page = extract_page(f'<html lang="en"><body><main>{html}</main></body></html>', URL, "auto", now=NOW)
    assert [e["date_start"] for e in build_entries(page, URL)] == ["2024-04-22", "2024-04-23", "2024-05-07", None]
    later = extract_page(f'<html lang="en"><body><main>{html}</main></body></html>', URL, "auto", now=LATER)
    assert [e["date_start"] for e in build_entries(later, URL)] == [None, None, None, None]  # 2030 is out of reach


def test_a_relative_day_yields_to_the_day_the_entrys_address_names():
    """ "aujourd'hui à 06h45" on a page captured later (a cached or saved copy) is not the capture's day when the
    post's address names its own (/2020/10/14/): that day is the entry's. Captured that day, both agree."""
    item = (
        '<section class="teaser"><a href="/emploi/article/{path}/slug-{n}.html"><h3>{title}</h3>'
        "<p>Une chronique sur le travail, numéro {n}, avec ses exemples.</p></a>"
        '<span class="meta">{shown}</span></section>'
    )
    rows = [
        ("2020/10/14", "Vaccin pour tous les salariés", "aujourd’hui à 06h45"),
        ("2020/10/07", "La médiation en entreprise", "07 octobre 2020 à 06h45"),
        ("2020/09/30", "Le télétravail en question", "30 septembre 2020 à 06h45"),
    ]
    html = "".join(item.format(path=p, n=n, title=t, shown=s) for n, (p, t, s) in enumerate(rows))
    for now in (datetime(2026, 12, 7, tzinfo=UTC), datetime(2020, 10, 14, 9, tzinfo=UTC)):
        page = extract_page(f'<html lang="fr"><body><main>{html}</main></body></html>', URL, "auto", now=now)
        assert [e["date_start"] for e in build_entries(page, URL)] == ["2020-10-14", "2020-10-07", "2020-09-30"]


def test_a_table_cell_closing_on_a_date_after_a_comma_dates_its_row_however_long():
    """A publications table (title | authors | venue | source link): the venue cell closes on its month after a comma
    ("IEEE Transactions on Computer-Aided Design of Integrated Circuits and Systems, December 2025"), longer than a
    meta line; the row's date all the same. A bare year there ("…, 2024") is an edition, and a sentence no date."""
    row = (
        "<tr><td>{title}</td><td>Ana Silva; Jonas Weber</td><td>{venue}</td><td><a href='{href}'>{source}</a></td></tr>"
    )
    rows = [
        ("Cross-level verification of peripherals", "Journal of Systems, February 2026", "/p/1", "arXiv"),
        (
            "Comparing methods for symbolic execution of models",
            "IEEE Transactions on Computer-Aided Design of Integrated Circuits and Systems, December 2025",
            "/p/2",
            "IEEExplore",
        ),
        (
            "Virtual prototypes for embedded software fuzzing",
            "25th International Conference on Embedded Computer Systems Architectures, Modeling and Simulation"
            " (SAMOS XXV), July 2025",
            "/p/3",
            "arXiv",
        ),
        ("Safety analysis with models", "International Symposium on Models and Their Uses, 2024", "/p/4", "IEEExplore"),
        ("Transaction-level models of buses", "Design Automation Letters, May 2024", "/p/5", "arXiv"),
        ("Timing models for multicore systems", "Embedded Systems Letters, March 2024", "/p/6", "IEEExplore"),
    ]
    table = "".join(row.format(title=t, venue=v, href=h, source=s) for t, v, h, s in rows)
    head = "<tr><th>Title</th><th>Authors</th><th>Venue</th><th>Source</th></tr>"
    entries = _entries(f"<table>{head}{table}</table>")
    assert [(e["title"], e["date_start"], e["date_end"]) for e in entries] == [
        ("Cross-level verification of peripherals", "2026-02-01", "2026-02-28"),
        ("Comparing methods for symbolic execution of models", "2025-12-01", "2025-12-31"),
        ("Virtual prototypes for embedded software fuzzing", "2025-07-01", "2025-07-31"),
        ("Safety analysis with models", None, None),
        ("Transaction-level models of buses", "2024-05-01", "2024-05-31"),
        ("Timing models for multicore systems", "2024-03-01", "2024-03-31"),
    ]


def _events(rows, now, lang="en"):
    card = "<article class='event'><h3><a href='/events/{n}/'>{title}</a></h3>{line}<p>{teaser}</p></article>"
    html = "".join(
        card.format(n=n, title=t, line=f"<p class='when'>{d}</p>" if d else "", teaser=teaser or "")
        for n, (t, d, teaser) in enumerate(rows)
    )
    page = extract_page(f'<html lang="{lang}"><body>{CHROME}<main>{html}</main></body></html>', URL, "auto", now=now)
    return [e["date_start"] for e in build_entries(page, URL)], [e["date_end"] for e in build_entries(page, URL)]


def test_a_weekday_opening_a_title_takes_the_year_that_fits_among_its_dated_neighbours():
    """es-ateneo-molina-actividades, it-camper-club-torre-natisone-eventi (issue 21): an archive of events captured
    years later, a few dated in full, others only "Sunday 11 November: …" (or two days, "Saturday 1 and Sunday 2
    June") opening the title. Near the neighbours' years (one either side) one year puts the day on its weekday:
    that year, whatever the capture time; a weekday that fits none of them ("Friday 11 November") gives no date."""
    rows = [
        ("Harvest supper", "Friday, 20 September 2019", None),
        ("Saturday 1 and Sunday 2 June: open days at the farm", None, None),
        ("Spring walk", "Sunday, 14 April 2019", None),
        ("Christmas dinner", "Saturday, 15 December 2018", None),
        ("Sunday 11 November: chestnut feast", None, None),
        ("Friday 11 November: quiz night", None, None),
    ]
    starts, ends = _events(rows, LATER)
    assert starts == ["2019-09-20", "2019-06-01", "2019-04-14", "2018-12-15", "2018-11-11", None]
    assert ends[1] == "2019-06-02"
    undated = [(t, None, None) for t, _, _ in rows]  # no dated neighbour: the years around the capture (2021-2025)
    assert _events(undated, NOW)[0] == [None, "2024-06-01", None, None, None, "2022-11-11"]


def test_a_date_line_of_text_gives_its_weekday_date_and_a_teasers_sentence_does_not():
    """es-ateneo-molina-actividades: a card's line "Jueves 27 de febrero, 20:00h.- Biblioteca" (the date set apart
    from its time and place) dates the entry by its weekday among the neighbours' years; a teaser opening on a
    weekday date and running on into a sentence ("Domingo 17 de noviembre fuimos …") tells of that day, no date."""
    rows = [
        ("La juventud y el trabajo", None, "Jueves 27 de febrero, 20:00h.- Biblioteca municipal"),
        ("Cine y debate", "23 de enero de 2020", "Proyección y coloquio abierto."),
        ("El agua del Mar Menor", None, "Jueves 28 de noviembre, 20:00h.- Salón de actos"),
        ("Castañada", None, "Domingo 17 de noviembre fuimos al monte a comer castañas"),
    ]
    assert _events(rows, LATER, "es")[0] == ["2020-02-27", "2020-01-23", "2019-11-28", None]


@pytest.mark.parametrize(
    ("lang", "weekday_title", "dated"),
    [
        ("ca", "Dissabte 1 de juny: portes obertes", "15 de juny de 2019"),
        ("cs", "Sobota 1. června: den otevřených dveří", "15. června 2019"),
        ("pl", "Sobota 1 czerwca – dzień otwarty", "15 czerwca 2019"),
        ("sv", "Lördag 1 juni: öppet hus", "15 juni 2019"),
        ("da", "Lørdag 1. juni: åbent hus", "15. juni 2019"),
    ],
)
def test_a_weekday_date_in_any_language_the_dates_parser_reads_takes_its_year(lang, weekday_title, dated):
    """The weekday names are not only those of the first pages seen (English, Romance, German, Dutch): a Catalan,
    Czech, Polish, Swedish or Danish "Saturday 1 June" between entries of 2019 is 1 June 2019, a Saturday."""
    rows = [("Festa major", dated, None), (weekday_title, None, None), ("Concert", dated, None)]
    assert _events(rows, LATER, lang)[0] == ["2019-06-15", "2019-06-01", "2019-06-15"]


def _site_events(rows, url, head_title, now=NOW):
    cards = "".join(
        f"<li><a href='/event/{n}/'><span class='date'>{d}</span><h3>{t}</h3></a></li>" for n, (t, d) in enumerate(rows)
    )
    head = f"<head><title>{head_title}</title></head>"
    html = f"<html lang='en'>{head}<body>{CHROME}<main><ul>{cards}</ul></main></body></html>"
    return [e["date_start"] for e in build_entries(extract_page(html, url, "auto", now=now), url)]


def test_a_yearless_weekday_takes_the_year_the_pages_address_or_title_names():
    """en-horizon-festival-whats-on, en-dc-design-week-2019-events (issue 21): a festival's site kept for its year
    ("2019.festival.example", "Events | Design Week 2019") shows its days as "Tue 27 Aug", no entry dated in full.
    The weekday fits one year near the one the page names (one either side): that year, not one near the capture
    (27 August is a Tuesday in 2024 too); a weekday that fits none of them ("Fri 29 Aug", a Friday in 2025) gives
    no date."""
    rows = [("Opening night", "Tue 27 Aug"), ("Closing party", "Saturday, August 31"), ("Misprinted", "Fri 29 Aug")]
    assert _site_events(rows, "https://2019.festival.example/whats-on", "What's On | Harbour Festival") == [
        "2019-08-27",
        "2019-08-31",
        None,
    ]
    assert _site_events(rows, "https://designweek.example/events/", "Events | Design Week 2019") == [
        "2019-08-27",
        "2019-08-31",
        None,
    ]
    # a page naming no year: the years around the capture, as before (27 August 2024 a Tuesday)
    assert _site_events(rows, "https://designweek.example/events/", "Events")[:2] == ["2024-08-27", "2024-08-31"]


def test_a_year_and_serial_number_column_yields_to_the_date_column_after_it():
    """it-barcellona-pg-albo-pretorio (issue 21): a notice board's table, each row an act: its year, its number on
    the board as year and serial ("2013-02996"), the day it was posted ("21-06-2013"), then the issuing office, the
    act's own date and its subject. The serial number is no date (no years 2013 to 2996): the posting day is."""
    head = "".join(f"<th>{h}</th>" for h in ("Anno", "N.", "Data pubblicazione", "Ufficio", "Data atto", "Oggetto"))
    rows = [
        ("2013", "2013-02996", "21-06-2013", "Servizi elettorali", "19-06-2013", "Deposito delle liste elettorali"),
        ("2013", "2013-02995", "21-06-2013", "Polizia municipale", "20-06-2013", "Divieto di sosta in via Roma"),
        ("2013", "2013-02994", "30-06-2013", "Lavori pubblici", "18-06-2013", "Manutenzione della scuola elementare"),
    ]
    cells = "</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><a href='/atti/{}/'>{}</a></td></tr>"
    body = "".join(f"<tr><td>{r[0]}" + cells.format(*r[1:5], n, r[5]) for n, r in enumerate(rows))
    entries = _entries(f"<table><tr>{head}</tr>{body}</table>", lang="it")
    assert [(e["title"], e["date_start"], e["date_end"]) for e in entries] == [
        ("Deposito delle liste elettorali", "2013-06-21", "2013-06-21"),
        ("Divieto di sosta in via Roma", "2013-06-21", "2013-06-21"),
        ("Manutenzione della scuola elementare", "2013-06-30", "2013-06-30"),
    ]


def test_a_day_without_weekday_takes_the_pages_year_when_the_other_entries_weekdays_confirm_it():
    """en-horizon-festival-whats-on (issue 21): among a festival's "Tue 27 Aug" cards, a few show "30 Aug", no
    weekday to check. When the page names a year ("2019.festival.example") and the weekdays of at least three
    entries put every dated entry in it, that year; with fewer witnesses, or none named, the day stays undated."""
    rows = [("Opening night", "Tue 27 Aug"), ("Talks", "30 Aug"), ("Film", "Wed 28 Aug"), ("Party", "Sat 31 Aug")]
    url, title = "https://2019.festival.example/whats-on", "What's On | Harbour Festival"
    assert _site_events(rows, url, title) == ["2019-08-27", "2019-08-30", "2019-08-28", "2019-08-31"]
    assert _site_events(rows[:3], url, title) == ["2019-08-27", None, "2019-08-28"]
    assert _site_events(rows, "https://festival.example/whats-on", title)[1] is None


def test_a_yearless_range_or_set_of_weekday_dates_is_a_date_line_checked_by_both_weekdays():
    """en-horizon-festival-whats-on (issue 21): a festival's cards show a range or a set of days without a year
    ("Tue 27 – Sat 31 Aug", "Sat 24 & Mon 26 Aug", "Sun 25 Aug + Sun 1 Sep"): the span from the first day to the
    last, in the year near the page's that puts both ends on their weekdays; ends that fit none stay undated."""
    rows = [
        ("Workshop week", "Tue 27 – Sat 31 Aug"),
        ("Twin concerts", "Sat 24 & Mon 26 Aug"),
        ("Sunday markets", "Sun 25 Aug + Sun 1 Sep"),
        ("Misprinted", "Mon 24 & Tue 26 Aug"),
    ]
    starts = _site_events(rows, "https://2019.festival.example/whats-on", "What's On")
    assert starts == ["2019-08-27", "2019-08-24", "2019-08-25", None]
    url = "https://2019.festival.example/whats-on"
    html = "".join(f"<li><a href='/e/{n}/'><span>{d}</span><h3>{t}</h3></a></li>" for n, (t, d) in enumerate(rows))
    page = extract_page(f"<html lang='en'><body><main><ul>{html}</ul></main></body></html>", url, "auto", now=NOW)
    assert [e["date_end"] for e in build_entries(page, url)] == ["2019-08-31", "2019-08-26", "2019-09-01", None]


def test_a_weekday_fitting_only_a_day_more_than_half_a_year_from_the_pages_year_gives_no_date():
    """nl-carrousel-schilde-activiteiten (issue 21, batch V): a summer programme's page of one year ("Carrousel
    2020") shows "Zaterdag 7 Augustus" beside "Vrijdag 7 Augustus": 7 August 2020 was a Friday, and a Saturday
    only in 2021, one year either side of the page's. A page of a year shows that year's days, or a season's
    reaching half a year into the next or from the last ("Sat 11 Jan" on a 2019 season's page is January 2020); a
    weekday that fits only a day further off is a misprint, no date."""
    rows = [("Quiz night", "Fri 7 Aug"), ("Brass band", "Sat 8 Aug"), ("Misprinted", "Sat 7 Aug")]
    assert _site_events(rows, "https://summer.example/programme/", "Programme 2020") == [
        "2020-08-07",
        "2020-08-08",
        None,
    ]
    season = [("Season opener", "Sat 14 Sep"), ("New year gala", "Sat 11 Jan")]
    assert _site_events(season, "https://theatre.example/season/", "Season 2019") == ["2019-09-14", "2020-01-11"]


def _programme(lines, lang, title="Zomer 2020"):
    cards = "".join(
        f"<div class='col'><a href='/activiteiten/{n}/'><div class='card'><h3>Activiteit nummer {n}</h3>"
        f"<p>{line}</p></div></a></div>"
        for n, line in enumerate(lines)
    )
    html = f"<html lang='{lang}'><head><title>{title}</title></head><body>{CHROME}<main>{cards}</main></body></html>"
    return [e["date_start"] for e in build_entries(extract_page(html, URL, "auto", now=NOW), URL)]


@pytest.mark.parametrize(
    ("lang", "evening", "afternoon"),
    [
        ("nl", "Vrijdag avond 7 Augustus", "Zaterdagmiddag 8 Augustus"),
        ("en", "Friday evening, 7 August", "Saturday afternoon, 8 August"),
        ("de", "Freitag Abend, 7. August", "Samstagnachmittag, 8. August"),
        ("fr", "Vendredi soir 7 août", "Samedi matin 8 août"),
        ("it", "Venerdì sera 7 agosto", "Sabato pomeriggio 8 agosto"),
    ],
)
def test_a_part_of_the_day_after_a_weekday_or_run_into_it_is_still_a_weekday_date(lang, evening, afternoon):
    """nl-carrousel-schilde-activiteiten (issue 21, batch V): an events page's cards say when in the day
    ("Vrijdag avond 7 Augustus", "Zaterdagmiddag 8 Augustus"; Dutch, German and the Scandinavian languages run the
    two into one word). The part of the day says nothing of the date: the weekday, day and month take the year the
    page names, as a weekday date does."""
    assert _programme([evening, afternoon], lang) == ["2020-08-07", "2020-08-08"]
