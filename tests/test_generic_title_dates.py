"""Dates a title gives while it stays whole: a short label and a date ("Séminaire virtuel: vendredi 3 avril 2026",
"Edition 13: November 2021"), a file's name opening on a date stamp ("2020_02.pdf"). The label's own test is in
test_generic_dates.py beside the other dates of a record's text; each shape here in small synthetic HTML."""

from synthetic import generic_entries as _entries


def test_an_issue_numbered_title_naming_its_month_gives_that_month_and_stays_whole():
    """en-portsmouth-joggers-newsletters (issue 21, batch V): a newsletter archive, one heading a year over links to
    the issues' files, each named by its number and its month ("Edition 13: November 2021"): the label closing on
    the issue's number is still a short label before the date, so the entry is of that month; a season ("Spring
    2026", "Christmas 2020") names no month and gives no date. Bulletins, magazines and club newsletters are listed
    so ("Issue #4: March 2019", "Nr. 3: März 2020")."""
    years = {
        2021: ["Issue 9: Winter 2021", "Issue 8: November 2021", "Issue 7: October 2021"],
        2020: ["Issue 6: Christmas 2020", "Issue 5: Nr. 5 of 2020", "Issue #4: March 2020"],
    }
    body = "".join(
        f"<h2>{year}</h2><ul>"
        + "".join(f"<li><a href='/files/news-{t.split(':')[0][-1]}.pdf'>{t}</a></li>" for t in titles)
        + "</ul>"
        for year, titles in years.items()
    )
    entries = _entries(
        f"<div class='content'><p>Our club newsletters, newest first.</p>{body}</div>", "<html lang='en'>"
    )
    assert [e["title"] for e in entries] == [t for titles in years.values() for t in titles]
    assert [(e["date_start"], e["date_end"], e["date_precision"]) for e in entries] == [
        (None, None, None),
        ("2021-11-01", "2021-11-30", "month"),
        ("2021-10-01", "2021-10-31", "month"),
        (None, None, None),
        (None, None, None),
        ("2020-03-01", "2020-03-31", "month"),
    ]


def test_a_file_name_opening_on_a_date_stamp_year_first_gives_that_date_and_stays_the_title():
    """en-china-falls-hoa-minutes (issue 21, batch V): a minutes archive, a year label over each year's files, each
    link's words the file's name ("2020_02.pdf", "2019_08_exec.pdf") and its size after it. Minutes, agendas and
    newsletters are filed under the month or day they are of, year first so that they sort ("2021-03-15
    Minutes.pdf"): that stamp is the date the entry shows, and the name stays its title as shown. A stamp further
    into the name, a year alone or a stamp that is no day give no date."""
    files = {
        "2021": ["2021-03-15 Minutes.pdf", "2021_02_exec.pdf", "2021_01.pdf"],
        "2020": ["2020_11.pdf", "Budget 2020_10.pdf", "2020 Annual Report.pdf", "2020_02_30.pdf"],
    }
    body = "".join(
        f"<div class='files'><div class='label'>{year}</div><ul>"
        + "".join(f"<li><a href='/minutes/files/{name}'>{name}</a> ({20 + i} KB)</li>" for i, name in enumerate(names))
        + "</ul></div>"
        for year, names in files.items()
    )
    entries = _entries(f"<h1>Board minutes</h1>{body}", "<html lang='en'>")
    assert [e["title"] for e in entries] == [name for names in files.values() for name in names]
    assert [(e["date_start"], e["date_end"]) for e in entries] == [
        ("2021-03-15", "2021-03-15"),
        ("2021-02-01", "2021-02-28"),
        ("2021-01-01", "2021-01-31"),
        ("2020-11-01", "2020-11-30"),
        (None, None),
        (None, None),
        (None, None),
    ]
    assert [e["date_precision"] for e in entries][:4] == ["day", "month", "month", "month"]


def _minutes(lang: str, titles: list[str], shown: list[str] | None = None) -> list[dict]:
    """A file block per record: an icon link, the title in bold (no link of its own), a download link; a date line
    under each title when `shown` gives one."""
    blocks = "".join(
        f"<div class='file'><a href='/files/m{i}.pdf'><img src='/icon.png' alt=''></a><table><tr><td><b>{title}</b>"
        + (f"<div class='meta'>{shown[i]}</div>" if shown else "")
        + f"</td></tr></table><a href='/files/m{i}.pdf'>Download</a></div>"
        for i, title in enumerate(titles)
    )
    return _entries(f"<h1>Minutes</h1><div class='blocks'>{blocks}</div>", f"<html lang='{lang}'>")


_MINUTES = {
    "en": [
        "Minutes of the meeting of 3 May 2022",
        "Minutes of the meeting of 14 March 2022",
        "Minutes of the AGM of 2 December 2021",
        "Minutes of the meeting of 9 September 2021",
    ],
    "de": [
        "Protokoll der Sitzung vom 5. Mai 2022",
        "Protokoll der Sitzung vom 14. März 2022",
        "Protokoll der Mitgliederversammlung vom 2. Dezember 2021",
        "Protokoll der Sitzung vom 9. September 2021",
    ],
    "it": [
        "Verbale della riunione del 3 Maggio 2022",
        "Verbale della riunione del 14 Marzo 2022",
        "Verbale dell'assemblea del 2 Dicembre 2021",
        "Verbale della riunione del 9 Settembre 2021",
    ],
}


def test_a_list_whose_titles_all_close_on_a_day_is_dated_by_those_days_and_the_titles_stay_whole():
    """it-comites-nuova-zelanda-verbali (issue 21, batch X): minutes in file blocks, each named by the day of its
    meeting after a preposition ("Verbale Riunione Ufficiale Comites del 31 Maggio 2022"), no date line: where most
    of a list's titles close on a whole day with its year, that day is the only date each entry shows. Minutes,
    agendas and reports are listed so in any language."""
    for lang, titles in _MINUTES.items():
        entries = _minutes(lang, titles)
        assert [e["title"] for e in entries] == titles, lang
        days = [e["date_start"] for e in entries]
        assert days == ["2022-05-0" + ("3" if lang != "de" else "5"), "2022-03-14", "2021-12-02", "2021-09-09"], lang


def test_a_day_closing_few_titles_or_beside_a_date_line_of_its_own_does_not_date_the_list():
    """A day closing one title in four is a mention ("Report on the flood of 3 May 2022"); where each record shows
    a date line of its own, that line dates it, not the day its title names; a month closing titles is no day."""
    mixed = [
        "Report on the flood of 3 May 2022",
        "Annual budget for the town",
        "New rules for river fishing",
        "Volunteers plant two thousand trees",
    ]
    assert [e["date_start"] for e in _minutes("en", mixed)] == [None] * 4
    lines = ["Posted 20 May 2022", "Posted 1 April 2022", "Posted 4 January 2022", "Posted 1 October 2021"]
    own = _minutes("en", _MINUTES["en"], lines)
    assert [e["date_start"] for e in own] == ["2022-05-20", "2022-04-01", "2022-01-04", "2021-10-01"]
    months = [f"Minutes of the meeting of {m} 2022" for m in ("May", "March", "February", "January")]
    assert [e["date_precision"] for e in _minutes("en", months)] != ["day"] * 4
    # figures alone ("05/06/2022": which is the month the titles do not say), a range ending before it starts
    figures = [f"Minutes of the meeting of {d}" for d in ("05/06/2022", "04/03/2022", "02/01/2022", "09/08/2021")]
    assert [e["date_start"] for e in _minutes("en", figures)] == [None] * 4
    backwards = [
        f"Minutes of the sessions from {d}" for d in ("23 to 22 May 2022", "9 to 7 March 2022", "5 to 2 May 2021")
    ]
    assert [e["date_start"] for e in _minutes("en", backwards)] == [None] * 3
