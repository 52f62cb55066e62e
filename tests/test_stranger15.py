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
