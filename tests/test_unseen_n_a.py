"""Records of real listing pages the generic extractor read wrong (issue 21, batch N, part A), each in small
synthetic HTML."""

from synthetic import URL
from synthetic import generic_entries as _entries

PAPERS = ["Psychische Gesundheit als Infrastruktur", "Resilienz und Zukunftskompetenz", "Die Ära der Gleichzeitigkeit"]
PAPERS += ["Arbeit und Würde im Wandel"]


def _card(i: int, title: str, pointer: str) -> str:
    return (
        f"<article class='publication-item'><div class='meta'><span>Dossier</span></div><h3>{title}</h3>"
        f"<p class='teaser'>Eine kurze Zusammenfassung der Publikation in einigen Worten.</p>"
        f"<div class='tags'><span>Policy</span></div><a class='btn' href='/pub-{i}/'>{pointer}</a></article>"
    )


def test_a_link_saying_to_the_kind_of_thing_it_opens_is_a_pointer_and_the_heading_names_the_record():
    # "Zum Dossier" ("to the dossier"): the only link of each card points at the paper, its h3 names it
    for pointers in (["Zum Dossier", "Zum Working Paper", "Zum Dossier", "Zur Studie"], ["Go to the report"] * 4):
        cards = "".join(_card(i, t, p) for i, (t, p) in enumerate(zip(PAPERS, pointers, strict=True)))
        entries = _entries(f"<h2>Aktuelle Publikationen</h2><div class='list'>{cards}</div>", "<html lang='de'>")
        assert [e["title"] for e in entries] == PAPERS, pointers
        assert [e["url"] for e in entries] == [f"https://example.org/pub-{i}/" for i in range(4)]


def test_to_the_pointers_in_several_languages_and_titles_that_only_open_alike():
    from crawler.extract.titles import is_generic_text

    for pointer in ("Zum Artikel", "Zur Veranstaltung", "Vers l'article", "Ir al evento", "Go to the report"):
        assert is_generic_text(pointer), pointer
    # the guard: a book called "To the Lighthouse", an obituary "Zum Tod von …", a course "Zumba Kurs"
    for title in ("To the Lighthouse", "Zum Tod von Papst Franziskus", "Zumba Kurs", "Zum 80. Geburtstag"):
        assert not is_generic_text(title), title


TALKS = ["Privacy of Noisy SGD", "Learning by Overfitting in high dimension", "Exact Solutions to Interpolation"]
TALKS += ["Perturbed optimizers and an algorithm"]
SPEAKERS = ["Jason Altschuler (NYU)", "Nati Srebro (TTIC)", "Boris Hanin (Princeton)", "Quentin Berthet (Google)"]


def _seminar(href) -> str:
    rows = "".join(
        f"<tr><td>October {i + 1}</td><td><a href='https://p{i}.example.net/'>{s}</a></td>"
        f"<td><a href='{href(i)}'>{t}</a></td><td></td></tr>"
        for i, (t, s) in enumerate(zip(TALKS, SPEAKERS, strict=True))
    )
    abstracts = "".join(
        f"<h4><a name='t{i}'></a>{t}</h4><p>An abstract of the talk in some words.</p>" for i, t in enumerate(TALKS)
    )
    head = "<thead><tr><th>Date</th><th>Speaker</th><th>Title</th><th>Recording</th></tr></thead>"
    return f"<h1>Seminar</h1><h3>Schedule</h3><table>{head}<tbody>{rows}</tbody></table><h3>Abstracts</h3>{abstracts}"


def test_a_table_row_is_one_record_named_by_its_title_column_not_also_by_its_speakers_homepage():
    entries = _entries(_seminar(lambda i: f"/talks/t{i}/"), "<html lang='en'>")
    assert [e["title"] for e in entries] == TALKS
    assert [e["url"] for e in entries] == [f"https://example.org/talks/t{i}/" for i in range(4)]


def test_a_table_rows_title_linking_its_abstract_on_the_page_names_the_entry_at_that_address():
    entries = _entries(_seminar(lambda i: f"#t{i}"), "<html lang='en'>")
    assert [e["title"] for e in entries] == TALKS
    assert [e["url"] for e in entries] == [f"{URL}#t{i}" for i in range(4)]


def test_a_calendars_day_cells_linking_events_below_stay_navigation():
    # the guard: a month grid whose day cells ("7", then links to events further down) link into the page
    days = "".join(f"<td>{d}<ul><li><a href='#e{d}'>Event of day {d}</a></li></ul></td>" for d in range(1, 8))
    head = "".join(f"<th>{day}</th>" for day in ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"))
    grid = f"<table><tr>{head}</tr><tr>{days}</tr></table>"
    posts = "".join(
        f"<h2 id='e{d}'>Event of day {d}</h2><p>Tuesday {d} November 2017, in the hall.</p>" for d in range(1, 8)
    )
    entries = _entries(grid + posts, "<html lang='en'>")
    assert [e["url"] for e in entries] == [f"{URL}#e{d}" for d in range(1, 8)]
    assert [e["title"] for e in entries] == [f"Event of day {d}" for d in range(1, 8)]


PUBLICATIONS = [f"A study of virtual prototypes for system design, part {n}" for n in "ABCDEFGHI"]
SOURCES_SHOWN = ["arXiv", "arXiv", "University", "arXiv", "IEEExplore", "University", "arXiv", "IEEExplore", "arXiv"]


def _publications(names: list[str], sources: list[str]) -> str:
    rows = "".join(
        f"<tr><td>{name}</td><td>Ann Author; Bo Writer</td><td>Design Conference 2025</td>"
        f"<td><a href='https://pubs{i}.example.net/paper.pdf'>{source}</a></td></tr>"
        for i, (name, source) in enumerate(zip(names, sources, strict=True))
    )
    head = "<thead><tr><th>Title</th><th>Author(s)</th><th>Venue</th><th>Source</th></tr></thead>"
    return f"<h1>Open Access Publications</h1><table>{head}<tbody>{rows}</tbody></table>"


def test_a_table_whose_only_links_name_the_source_is_named_by_its_title_cell():
    entries = _entries(_publications(PUBLICATIONS, SOURCES_SHOWN), "<html lang='en'>")
    assert [e["title"] for e in entries] == PUBLICATIONS
    assert [e["url"] for e in entries] == [f"https://pubs{i}.example.net/paper.pdf" for i in range(9)]


def test_rows_whose_plain_cells_repeat_stay_named_by_their_links():
    # the guard: a plain cell alike on every row names none of them, so the links keep naming their rows
    entries = _entries(_publications(["Session of the design conference"] * 9, SOURCES_SHOWN), "<html lang='en'>")
    assert [e["url"] for e in entries] == [f"https://pubs{i}.example.net/paper.pdf" for i in range(9)]
    assert [e["title"] for e in entries] != ["Session of the design conference"] * 9


MEETINGS = [
    "Commissioners Staff Meeting",
    "Commissioners Regular Meeting",
    "Budget Hearing",
    "Commissioners Regular Meeting",
]
MEETING_DAYS = ["10/18/2023 1:00:00 PM", "10/19/2023 1:00:00 PM", "10/24/2023 1:00:00 PM", "12/30/2024 10:00:00 AM"]


def test_a_files_icon_beside_its_row_buttons_is_no_card_and_the_row_is_one_meeting():
    # each row: the name, the time, then "Agenda" with a PDF icon link and "Minutes" with its icon
    rows = "".join(
        f"<tr><td>{name}</td><td>{day}</td><td><a href='/view?id={i}&t=1'>Agenda</a>"
        f"<a href='/files/agenda_{i}.pdf'><img src='/pdf.png'></a> <a href='/view?id={i}&t=2'>Minutes</a>"
        f"<a href='/files/minutes_{i}.pdf'><img src='/pdf.png'></a></td></tr>"
        for i, (name, day) in enumerate(zip(MEETINGS, MEETING_DAYS, strict=True))
    )
    head = "<tr><th>Meeting Name</th><th>Meeting Date</th><th>Links</th></tr>"
    entries = _entries(f"<h2>Recent Meetings</h2><table>{head}{rows}</table>", "<html lang='en'>")
    assert [e["title"] for e in entries] == MEETINGS
    assert [e["url"] for e in entries] == [f"https://example.org/view?id={i}&t=1" for i in range(4)]
    assert [e["date_start"] for e in entries] == ["2023-10-18", "2023-10-19", "2023-10-24", "2024-12-30"]


def test_a_report_card_an_image_link_over_its_caption_stays_an_entry():
    # the guard: an image link whose parent holds a caption line names a card
    cards = "".join(
        f"<div class='card'><a href='/r/{i}.pdf'><img src='/c{i}.png'></a><p>Annual report {2020 + i}</p></div>"
        for i in range(4)
    )
    entries = _entries(f"<h2>Reports</h2>{cards}")
    assert [e["url"] for e in entries] == [f"https://example.org/r/{i}.pdf" for i in range(4)]
