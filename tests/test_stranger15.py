"""A stranger's attack on batch N's rules: everyday listings those rules must leave as they were."""

from synthetic import generic_entries as _entries
from synthetic import page, read

PAPERS = ["Notes on the analytical engine", "On computable numbers", "Compilers for business data processing"]
PEOPLE = ["Ada Lovelace", "Alan Turing", "Grace Hopper"]


def test_a_table_of_papers_beside_wordier_homepage_links_keeps_its_papers():
    # Name | Homepage | Paper: each homepage link says more than the paper's, and leads to its own site
    rows = "".join(
        f"<tr><td>{name}</td><td><a href='https://h{i}.example.net/'>{name}'s personal homepage at the institute"
        f" of engines and numbers</a></td><td><a href='/papers/p{i}.pdf'>{paper}</a></td></tr>"
        for i, (name, paper) in enumerate(zip(PEOPLE, PAPERS, strict=True))
    )
    head = "<tr><th>Name</th><th>Homepage</th><th>Paper</th></tr>"
    entries = _entries(f"<h1>Speakers</h1><table>{head}{rows}</table>", "<html lang='en'>")
    assert [e["title"] for e in entries if "/papers/" in e["url"]] == PAPERS


def _blog(days: list[str]) -> str:
    addresses = ["/2019/05/03/first-post", "/2019/05/04/second-post", "/2019/06/01/third-post"]
    return "".join(
        f"<div class='post'><h2><a href='{href}'>Post {i}</a></h2><span class='date'>{day}</span><p>Hello.</p></div>"
        for i, (href, day) in enumerate(zip(addresses, days, strict=True))
    )


def test_a_learned_profile_dates_a_day_and_month_by_the_entrys_address_as_the_generic_extractor_does():
    # '3.5.' under /2019/05/03/ is that day; '7.5.' under /2019/05/04/ is another day: no year stated
    body = _blog(["3.5.", "7.5.", "1.6."])
    expected = ["2019-05-03", None, "2019-06-01"]
    assert [e["date_start"] for e in _entries(body, "<html lang='en'>")] == expected
    _, learned = read(page(body), ["Post 1"])
    assert [e["date_start"] for e in learned] == expected


def test_a_table_of_papers_each_at_another_publisher_stays_named_by_its_papers_not_its_code_links():
    # the guard: paper links lead to another site in each row, but deep into it (no homepage); the code column is short
    sites = ["https://arxiv.org/abs/2101.00001", "https://ieeexplore.ieee.org/document/9000001"]
    sites += ["https://dl.acm.org/doi/10.1145/3000001"]
    rows = "".join(
        f"<tr><td><a href='{site}'>{paper}</a></td><td><a href='https://github.com/lab/p{i}'>Code</a></td></tr>"
        for i, (site, paper) in enumerate(zip(sites, PAPERS, strict=True))
    )
    entries = _entries(f"<h1>Papers</h1><table><tr><th>Paper</th><th>Code</th></tr>{rows}</table>", "<html lang='en'>")
    assert [e["title"] for e in entries] == PAPERS


def test_links_named_by_a_kind_and_its_years_are_titles_not_pointers():
    # 'Report' alone points; 'Report 2019 - 2020' names a report: found, and its title kept whole
    titles = ["Report 2019 - 2020", "Report 2020 - 2021", "Energy report"]
    items = "".join(f"<li><a href='/r/{i}'>{t}</a></li>" for i, t in enumerate(titles))
    assert [e["title"] for e in _entries(f"<h1>Reports</h1><ul>{items}</ul>", "<html lang='en'>")] == titles


def test_titles_opening_like_a_to_the_pointer_stay_titles():
    # 'Zum Dossier' points; a column 'Zum Abschied', a book 'Go to the Moon' name themselves
    from crawler.extract.titles import is_generic_text

    for title in ("Zum Abschied", "Zum Glück", "Zur Sache", "Go to the Moon", "Go to Sleep", "Naar de overkant"):
        assert not is_generic_text(title), title
    for pointer in ("Zum Forschungsbericht", "Zur Pressemitteilung", "Zum Gesetzblatt", "Go to the event page"):
        assert is_generic_text(pointer), pointer
    columns = ["Zum Abschied", "Zum Glück", "Zur Sache", "Ein Sommer am See"]
    items = "".join(f"<li><a href='/k/{i}'>{t}</a> <span>{i + 3}. Mai 2024</span></li>" for i, t in enumerate(columns))
    assert [e["title"] for e in _entries(f"<h1>Kolumnen</h1><ul>{items}</ul>", "<html lang='de'>")] == columns
