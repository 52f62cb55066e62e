"""Rows and notices of real listing pages the generic extractor read wrong (issue 21, held-out batch B), each in
small synthetic HTML. The first files of these are tests/test_unseen_patterns.py and tests/test_unseen_shapes.py."""

from synthetic import URL
from synthetic import generic_entries as _entries

from crawler.entries import build_entries
from crawler.extract import extract_page

NOTICES = [
    "Annual Action Plan 2020-2021",
    "Office Memorandum - Approval for Cadre Restructuring",
    "Tender for the engagement of a Project Management Consultancy",
    "Corrigendum against Tender Notice No. 2019-20 dated 12/02/2020 for selection of Internal Auditors",
]


def _notices(link_text: str, first_head: str = "", between: str = " ") -> str:
    rows = [
        f"<li>{first_head if i == 0 else ''} {name}{between}<img src='new.gif'>"
        f"<a href='/docs/{'tenders.html' if i > 0 else f'n{i}.pdf'}'>{link_text}</a></li>"
        for i, name in enumerate(NOTICES)
    ]
    return "<ul>" + "".join(rows) + "</ul>"


def test_a_record_whose_only_link_is_an_affordance_takes_its_title_from_its_own_text():
    entries = _entries(_notices("... Read"), "<html lang='en-IN'>")
    assert [e["title"] for e in entries] == NOTICES  # the three notices sharing one link stay three
    assert [e["description"] for e in entries] == [None] * 4


def test_an_ellipsis_before_a_bare_read_link_is_no_part_of_the_title():
    entries = _entries(_notices("Read", between="..."), "<html lang='en-IN'>")
    assert [e["title"] for e in entries] == NOTICES


def test_a_labelled_date_line_before_a_break_in_such_a_record_is_its_date():
    entries = _entries(_notices("... Read", first_head="Upload Date: 14/10/2020 <br>"), "<html lang='en-IN'>")
    assert [(e["title"], e["date_start"]) for e in entries][0] == (NOTICES[0], "2020-10-14")
    assert [e["title"] for e in entries] == NOTICES


def test_lone_links_in_a_block_named_as_menus_do_not_join_a_list_of_their_shape():
    menus = "<div id='topmenus'><ul><li><a href='/'>Home</a></li></ul><ul><li><a href='/rti/'>RTI</a></li></ul></div>"
    html = f"<html lang='en-IN'><body>{menus}<div class='box'>{_notices('... Read')}</div></body></html>"
    assert [e["title"] for e in build_entries(extract_page(html, URL, "auto"), URL)] == NOTICES
