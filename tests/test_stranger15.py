"""A stranger's attack on batch N's rules: everyday listings those rules must leave as they were."""

from synthetic import generic_entries as _entries

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
