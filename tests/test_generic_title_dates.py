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
