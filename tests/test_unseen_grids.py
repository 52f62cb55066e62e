"""Shapes of real listing pages the generic extractor read wrong (issue 21, batch G's third part), each in small
synthetic HTML: a legislation grid striped by row classes whose only link is the record's number."""

import re

from synthetic import generic_entries as _entries
from synthetic import page, read

NAMES = [
    "Grant(s) of privilege in public way for Arrive South Loop",
    "Residential permit parking at W Albion Ave, 1200 block - Zone No. 56 - amend",
    "Submission of public question by referendum to Chicago voters at February 26, 2019 election proposing an "
    "increase in the City of Chicago real estate transfer tax for allocation to help fund resources for housing "
    "and services to combat homelessness",
    "Historical landmark designation for Cook County Hospital Administration Building",
    "Zoning Reclassification Map No. 7-J at 2618 N Milwaukee Ave",
    "Amendment of Municipal Code Chapter 17-3 concerning transit-served locations",
]


def _grid(row_classes=("rgRow", "rgAltRow")) -> str:
    rows = "".join(
        f"<tr class='{row_classes[i % 2]}'><td><a href='/LegislationDetail.aspx?ID={i}'>O2018-96{i:02d}</a></td>"
        f"<td>Ordinance</td><td>Placed on File</td><td>12/1{i}/2018</td><td>&#160;</td><td>{name}</td></tr>"
        for i, name in enumerate(NAMES)
    )
    head = "<tr><th>Record #</th><th>Type</th><th>Status</th><th>Intro date</th><th>Final</th><th>Title</th></tr>"
    return f"<table class='rgMasterTable'><thead>{head}</thead><tbody>{rows}</tbody></table>"


def test_rows_striped_by_their_classes_are_one_list_named_by_their_longest_cell():
    for classes in (("rgRow", "rgAltRow"), ("item", "alt-item"), ("RowStyle", "AlternatingRowStyle")):
        entries = _entries(_grid(classes), "<html lang='en-US'>")
        assert [e["title"] for e in entries] == NAMES, classes
        assert [e["date_start"] for e in entries] == [f"2018-12-1{i}" for i in range(len(NAMES))]


def test_striped_rows_share_one_shape():
    from crawler.extract.html import parse_html
    from crawler.extract.shapes import Shapes

    for classes in (("rgRow", "rgAltRow"), ("item", "alt-item"), ("RowStyle", "AlternatingRowStyle"), ("a", "alt")):
        root = parse_html(_grid(classes), "https://example.org/")
        shapes = Shapes(root)
        kinds = {shapes(row) for row in root.iter("tr") if row.find("td") is not None}
        assert len(kinds) == (2 if classes[1] == "alt" else 1), (classes, kinds)  # "alt" alone names a role


def _agenda() -> str:
    """An agenda: month headings, then rows each opening on a day box ("27" over "lug"), beside a card holding
    the event's time, organiser and title (one row holds two cards under one day)."""

    def row(day, month, *titles):
        cards = "".join(
            "<div class='card'><div class='card-body'><div class='category mid-caption'><span>Ore 11:00</span>"
            f"<span>Il Dipartimento</span></div><h3><a href='/agenda/{day}{month}{k}'>{t}</a></h3></div></div>"
            for k, t in enumerate(titles)
        )
        box = f"<div class='col-lg-1'><div class='box'><p>{day}</p><p><span>{month}</span></p></div></div>"
        return f"<div class='row'>{box}<div class='col-lg-6'>{cards}</div><div class='col-lg-4'></div></div>"

    return (
        "<div class='container'><div class='col-12'><h4>Luglio 2023</h4></div>"
        + row("27", "lug", "PA digitale 2026: le ultime novità")
        + row("21", "lug", "Migrazione in Cloud: consigli tecnici", "Esperienza del cittadino: un incontro")
        + "<div class='col-12'><h4>Giugno 2023</h4></div>"
        + row("8", "giu", "Webinar per le Scuole con il Ministero")
        + row("5", "giu", "Fondo per la Repubblica Digitale: due incontri")
        + "</div>"
    )


def test_a_day_box_opening_the_row_beside_a_card_is_its_date_the_month_heading_its_year():
    entries = _entries(_agenda(), "<html lang='it'>")
    assert [e["date_start"] for e in entries] == ["2023-07-27", "2023-07-21", "2023-07-21", "2023-06-08", "2023-06-05"]
    assert [e["credit"] for e in entries] == [None] * 5  # "mid-caption" sizes a line of text: no photo credit


def test_learn_reads_a_grid_whose_title_cell_sits_beside_a_status_of_several_words():
    """The title in a <font> of the row's last cell, a status ("Placed on File") in another: learn took the row's
    cells for entries (7 a row) and learnt no title."""
    fonted = re.sub(
        r"<td>(.*?)</td>", r"<td><font face='Tahoma'>\1</font></td>", _grid()
    )  # every cell, as the grid has
    text, entries = read(page(fonted).replace('lang="en"', 'lang="en-US"'), [NAMES[0]])
    assert [e["title"] for e in entries] == NAMES, text
    assert [e["date_start"] for e in entries] == [f"2018-12-1{i}" for i in range(len(NAMES))], text
