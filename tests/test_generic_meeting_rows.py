"""The generic extractor on meeting rows: a row of buttons beside a plain name (a name cell of lines: its first), a
blank date cell below a dated row, a tab panel beside the winning one."""

from synthetic import generic_entries as _entries

MEETINGS = [  # (date shown in the row's first cell, or "" where the day's first row showed it; name; buttons)
    ("9/20/2022", "Closed Session", ["Agenda"]),
    ("", "Public Comments for Sept 20 Council Meeting", ["Public Comment"]),
    ("", "Tuesday Agenda and Results Summary", ["Agenda", "Summary"]),
    ("9/19/2022", "Adjourned Agenda", ["Agenda"]),
    ("", "Special Agenda and Results Summary", ["Agenda", "Summary"]),
    ("9/13/2022", "Housing Authority", ["Agenda"]),
    ("", "Closed Session", ["Agenda"]),
]


def _meeting_rows(meetings, first_id: int = 0, hidden: bool = False) -> str:
    """A meetings grid: the date cell, the name in plain text, then buttons; a day's later rows are classed
    otherwise and leave the date cell blank (or keep the date for screen readers only)."""
    out, day = [], ""
    for i, (date, name, buttons) in enumerate(meetings, first_id):
        day = date or day
        links = "".join(f"<a class='btn' href='/meeting?id={i}&doc={k}'>{b}</a> " for k, b in enumerate(buttons))
        shown = f"<strong>{date}</strong>" if date else (f"<span class='sr-only'>{day}</span>" if hidden else "")
        first = "first" if date else "more"
        out.append(
            f"<div class='row {first}'><div class='two columns'><p class='date'>{shown}&nbsp;</p></div>"
            f"<div class='ten columns'><div class='row {first}-inner'><div class='six columns'><p>{name}</p></div>"
            f"<div class='six columns {first}-cell'><p class='l-margin'>{links}</p></div></div></div></div>"
        )
    return "<div class='border'>" + "".join(out) + "</div>"


def test_a_row_of_buttons_beside_a_plain_name_is_one_entry_named_by_it_its_first_button_the_url():
    entries = _entries(_meeting_rows(MEETINGS), "<html lang='en-US'>")
    assert [e["title"] for e in entries] == [name for _, name, _ in MEETINGS]
    assert [e["url"] for e in entries] == [f"https://example.org/meeting?id={i}&doc=0" for i in range(len(MEETINGS))]


def test_a_blank_date_cell_below_a_dated_row_repeats_its_date():
    for hidden in (False, True):
        entries = _entries(_meeting_rows(MEETINGS, hidden=hidden), "<html lang='en-US'>")
        days = ["2022-09-20"] * 3 + ["2022-09-19"] * 2 + ["2022-09-13"] * 2
        assert [e["date_start"] for e in entries] == days


def test_a_tab_panel_beside_the_winning_one_joins_it_however_short():
    upcoming = [("9/27/2022", "Adjourned Agenda", ["Agenda"]), ("9/26/2022", "Adjourned Agenda", ["Agenda"])]
    tabs = "<ul class='nav-tabs'><li><a href='#up'>Upcoming</a></li><li><a href='#recent'>Recent</a></li></ul>"
    panes = f"<div class='tab-pane' id='up'>{_meeting_rows(upcoming, 100)}</div>"
    panes += f"<div class='tab-pane' id='recent'>{_meeting_rows(MEETINGS)}</div>"
    entries = _entries(f"{tabs}<div class='tab-content'>{panes}</div>", "<html lang='en-US'>")
    assert [e["title"] for e in entries] == [name for _, name, _ in upcoming + MEETINGS]


BOARD = [  # (the name cell's first line, what the entry reads from it, its "Meeting Type:" line)
    ("May 5, 2026 at 4:30 PM - Committee of the Whole", "Committee of the Whole", "2026-05-05", "Regular"),
    ("April 21, 2026 at 5:30 PM - Regular Board Meeting", "Regular Board Meeting", "2026-04-21", "Regular"),
    ("Budget hearing for the next school year", "Budget hearing for the next school year", None, "Special"),
    ("March 3, 2026 at 4:30 PM - Special (Closed)", "Special (Closed)", "2026-03-03", "Special"),
]


def test_a_name_cell_of_lines_beside_button_links_is_named_by_its_first_line_not_the_details_under_it():
    # en-st-paul-schools-boardbook-meetings: the row's only text name is a cell of two lines (the meeting's name,
    # then "<b>Meeting Type:</b> Regular"), its links a place's map and the "Agenda" and "Minutes" buttons
    rows = "".join(
        f"<tr><td><div>{line}</div><div><b>Meeting Type:</b> {kind}</div></td>"
        f"<td><div>Administration Building<br>360 Main Street</div></td>"
        f"<td><ul><li><a href='/agenda?m={i}'>Agenda</a></li>"
        f"<li><a href='/minutes?m={i}'>Minutes</a></li></ul></td></tr>"
        for i, (line, _, _, kind) in enumerate(BOARD)
    )
    table = (
        f"<table><thead><tr><th>Meeting</th><th>Location</th><th>Details</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    entries = _entries(table, "<html lang='en-US'>")
    assert [e["title"] for e in entries] == [title for _, title, _, _ in BOARD]
    assert [e["url"] for e in entries] == [f"https://example.org/agenda?m={i}" for i in range(len(BOARD))]
    assert [e["date_start"] for e in entries] == [day for _, _, day, _ in BOARD]


PAPERS = [  # (meeting date cell, meeting name cell, file sizes of its agenda and minutes links)
    ("08/12/2020", "Council", ("232.0KB", "1.1MB")),
    ("01/12/2020", "Extraordinary Council", ("97.5KB", "")),
    ("26/11/2020", "Traffic Committee", ("410.2KB", "120.0KB")),
    ("17/11/2020", "Council", ("251.3KB", "988.0KB")),
]


def test_a_row_named_by_one_word_in_its_own_cell_beside_size_links_is_titled_by_it_not_its_date_cell():
    """A council's business papers grid (issue 21: Date | Meeting | Agenda | Minutes, the links' words only the
    files' sizes): the meeting's name cell names the row however short ("Council"); the date cell dates it."""
    rows = "".join(
        f"<tr><td>{day}</td><td>{name}</td>"
        + "".join(
            f"<td><a href='/Open/{i}_{k}.PDF'>{size}</a></td>" if size else "<td></td>" for k, size in enumerate(sizes)
        )
        + "</tr>"
        for i, (day, name, sizes) in enumerate(PAPERS)
    )
    head = "<tr><th>Meeting Date</th><th>Meeting</th><th>Agenda</th><th>Minutes</th></tr>"
    entries = _entries(f"<table>{head}{rows}</table>", "<html lang='en-AU'>")
    assert [e["title"] for e in entries] == [name for _, name, _ in PAPERS]
    assert [e["date_start"] for e in entries] == ["2020-12-08", "2020-12-01", "2020-11-26", "2020-11-17"]


def test_a_row_whose_only_word_cell_is_its_weekday_is_still_named_by_its_date():
    # the guard: "Tuesday | 08/12/2020 | <a>232.0KB</a>": a weekday or a month names no meeting, the date does
    rows = "".join(
        f"<tr><td>{day}</td><td>{date}</td><td><a href='/Open/{i}.PDF'>{size}</a></td></tr>"
        for i, (day, date, size) in enumerate(
            [("Tuesday", "08/12/2020", "232.0KB"), ("Thursday", "26/11/2020", "1.1MB")]
        )
    )
    entries = _entries(
        f"<table>{rows}<tr><td>Tuesday</td><td>17/11/2020</td><td><a href='/Open/9.PDF'>97.5KB</a></td></tr></table>",
        "<html lang='en-AU'>",
    )
    assert [e["title"] for e in entries] == ["08/12/2020", "26/11/2020", "17/11/2020"]
