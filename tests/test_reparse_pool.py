"""reparse on a process pool writes what a reparse in one process writes."""

import shutil

import archive.reparse as reparse_module
from archive.reparse import reparse
from archive.store import Archive

LISTING = "https://www.ilo.org/bench/lang--en/index.htm"
PAGES = 12


def page(n: int, revised: bool) -> bytes:
    items = "".join(
        f'<li class="item"><h5 class="item-title"><a href="/x/WCMS_{n * 10 + i}/lang--en/index.htm">'
        f"Entry {n * 10 + i}{' (revised)' if revised and i % 3 == 0 else ''}</a></h5>"
        f'<p class="item-date">{1 + i} March 2023</p><p class="item-abstract">Organized by the ILO. Text {i}.</p></li>'
        for i in range(5)
    )
    return (
        f'<html lang="en"><body><div class="page-title"><h1>Listing</h1></div><div class="items-list">'
        f'<h3 class="items-group">March 2023</h3><ol>{items}</ol></div></body></html>'
    ).encode()


def make_archive(path) -> None:
    """One complete crawl of PAGES pages whose stored bodies now parse differently (a parser change)."""
    with Archive(path) as a:
        session = a.begin_crawl("ilo", [LISTING], {"profile": "ilo"})
        captures = [
            {
                "url": LISTING if n == 0 else f"{LISTING}?page={n}",
                "listing_url": LISTING,
                "page": n + 1,
                "status": 200,
                "headers": {},
                "body": page(n, revised=True),
            }
            for n in range(PAGES)
        ]
        a.record_captures(session, captures)
        a.finish_crawl(session, {LISTING: {"pages_fetched": PAGES, "complete": True}})


def table(path, sql):
    with Archive(path, readonly=True) as a:
        return [tuple(r) for r in a.conn.execute(sql)]


def test_a_pool_reparse_writes_what_one_process_writes(tmp_path, monkeypatch):
    one, pool = tmp_path / "one.db", tmp_path / "pool.db"
    make_archive(one)
    shutil.copy(one, pool)
    with Archive(one) as a:
        first = reparse(a, workers=1)
    monkeypatch.setattr(reparse_module, "POOL_MIN_PAGES", 1)
    monkeypatch.setattr(reparse_module, "WINDOW", 5)  # several windows
    with Archive(pool) as a:
        second = reparse(a, workers=2)
    assert first["entries"] == second["entries"] == PAGES * 5 and first["new"] == second["new"] == PAGES * 5
    assert second["pages_per_s"] > 0
    for sql in (
        "SELECT entry_id, title, date_start, organisers, status FROM entries ORDER BY entry_id",
        "SELECT entry_id, version, source, record FROM version_records ORDER BY entry_id, version",
        "SELECT entry_id, listing_url, page_url, page, position, capture_id FROM sightings ORDER BY rowid",
    ):
        assert table(one, sql) == table(pool, sql)
