"""search: FTS5's bm25 order, equal scores in archive order, filters applied before the best are kept."""

from helpers import news_entry, record_crawl

from archive.queries import search
from archive.store import Archive


def test_equal_scores_come_in_the_order_entries_were_archived(tmp_path):
    with Archive(tmp_path / "a.db") as a:
        record_crawl(a, [news_entry(f"WCMS_{i}", title="Migrant workers") for i in range(80)])
        found = [e["entry_id"] for e in search(a.conn, "migrant workers")]
    assert found == [f"WCMS_{i}" for i in range(50)]


def test_the_order_is_fts5s_own_rank(tmp_path):
    titles = [("Migrant workers " * (i % 7 + 1)) + "and " * (i % 5) + f"report {i}" for i in range(120)]
    with Archive(tmp_path / "a.db") as a:
        record_crawl(a, [news_entry(f"WCMS_{i}", title=t) for i, t in enumerate(titles)])
        fts5 = [
            r[0]
            for r in a.conn.execute(
                "SELECT e.entry_id FROM entries_fts JOIN entries e ON e.rowid = entries_fts.rowid "
                "WHERE entries_fts MATCH '\"migrant\"' ORDER BY rank, e.rowid LIMIT 50"
            )
        ]
        found = search(a.conn, "migrant")
    assert [e["entry_id"] for e in found] == fts5
    assert [e["rank"] for e in found] == list(range(1, 51))


def test_filters_choose_among_all_matches_before_the_best_are_kept(tmp_path):
    with Archive(tmp_path / "a.db") as a:
        record_crawl(
            a,
            [
                news_entry(f"WCMS_{i}", title="Migrant workers", organisers=["UNDP"] if i >= 95 else ["ILO"])
                for i in range(100)
            ],
        )
        found = search(a.conn, "migrant", organiser="UNDP")
        first_ten = search(a.conn, "migrant", limit=10)
    assert [e["entry_id"] for e in found] == [f"WCMS_{i}" for i in range(95, 100)]
    assert len(first_ten) == 10


def test_a_word_repeated_is_asked_once():
    from archive.queries import match_expression

    assert match_expression("report Report REPORT " * 200) == '"report"'
    assert match_expression("Migrant workers, migrant WORKERS") == '"Migrant" "workers"'


def test_limits_out_of_range_are_refused_clearly(tmp_path):
    from conftest import cli

    with Archive(tmp_path / "a.db") as a:
        record_crawl(a, [news_entry("WCMS_1", title="Migrant workers")])
    for command in (["search", "migrant"], ["crawls"]):
        for limit in ("-1", "0", "99999999999999999999"):
            result = cli(*command, "--db", tmp_path / "a.db", "--limit", limit)
            assert result.returncode == 2 and "not in the range" in result.stderr and "Traceback" not in result.stderr
