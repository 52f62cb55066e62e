"""`listing-archive learn` on the shapes batch O showed it missing."""

from synthetic import DATES, ISO, TITLES, page, read


def _line(i: int) -> str:
    return f'<p>{DATES[i]} <a href="/files/release-{i}.pdf">{TITLES[i]}</a></p>'


def test_bare_lines_cut_by_leftover_wrappers_are_one_list():
    # Press releases as bare <p> lines (the date, then the title linking to its file), pasted from a document
    # whose wrappers close and open between them: two lines in one box, one in a box inside it, one after it
    # closes. An intro line with a contact link comes first and a closing line after: neither is an entry.
    body = (
        '<div class="content"><p>Questions? Write to <a href="mailto:press@example.org">press@example.org</a>.</p>'
        f'<div class="sheet"><div class="area">{_line(0)}{_line(1)}'
        f'<div class="col">{_line(2)}</div></div>{_line(3)}</div>'
        '<p>See also <a href="/archive">the archive of older releases</a></p></div>'
    )
    text, entries = read(page(body), [TITLES[0]])
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (t, f"https://example.org/files/release-{i}.pdf", ISO[i]) for i, t in enumerate(TITLES)
    ], text


def test_bare_lines_stop_at_a_heading_between_them():
    # The same lines, but a heading stands between the second and third: another list (older releases) begins.
    body = (
        f'<div class="sheet"><div class="area">{_line(0)}{_line(1)}</div>'
        f'<h2>Older releases</h2><div class="col">{_line(2)}{_line(3)}</div></div>'
    )
    text, entries = read(page(body), [TITLES[0]])
    assert [e["title"] for e in entries] == TITLES[:2], text


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
