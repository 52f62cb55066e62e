"""Records of real listing pages the generic extractor read wrong (issue 21, batch N, part A), each in small
synthetic HTML."""

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
