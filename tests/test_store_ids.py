"""A profile edited to key entries otherwise (a `document_id` added) between two crawls of a listing whose links
are all still on the page: each entry keeps the id the archive holds it under (archive/store_ids.py), through
`crawl` and `reparse` alike; entries on new links take the profile's ids."""

import sqlite3

from conftest import FAST, cli, q

from crawler.site_server import SiteServer

PROFILE = 'name = "papers"\n[selectors]\nentry = "ul > li"\ntitle = "a"\n'
NUMBERED = 'name = "papers"\ndocument_id = "(D\\\\d+)"\n[selectors]\nentry = "ul > li"\ntitle = "a"\n'


def _page(root, count: int) -> None:
    rows = "".join(f'<li><a href="/doc/D{i}">Annual report on wages {2020 + i}</a></li>' for i in range(count))
    (root / "v1").mkdir(parents=True, exist_ok=True)
    (root / "v1" / "index.htm").write_text(f"<html><body><h1>Papers</h1><ul>{rows}</ul></body></html>")


def _crawl(db, profile, server):
    return cli("crawl", "listing", "--db", db, "--profile", profile, "--start-url", f"{server.base_url}/", *FAST)


def test_a_crawl_with_a_profile_now_reading_document_ids_keeps_each_entry_and_its_history(tmp_path):
    """stranger35 (issue 20), fix35's note: the second crawl said "new 3, removed 3" with every link still listed,
    each entry's history broken in two. Fails before keep_stored_ids, passes after."""
    _page(tmp_path / "site", 3)
    db, profile = tmp_path / "a.db", tmp_path / "papers.toml"
    profile.write_text(PROFILE)
    with SiteServer(tmp_path / "site", state="v1") as server:
        first = _crawl(db, profile, server)
        assert first.returncode == 0, first.stdout + first.stderr
        ids = sorted(eid for (eid,) in _rows(db, "SELECT entry_id FROM entries"))
        profile.write_text(NUMBERED)
        _page(tmp_path / "site", 4)  # and a new paper, keyed the new way
        second = _crawl(db, profile, server)
    said = second.stdout + second.stderr
    assert second.returncode == 0 and "new 1," in said and "removed 0" in said, said
    assert q(db, "SELECT count(*) FROM entries WHERE status = 'listed'") == 4
    assert sorted(eid for (eid,) in _rows(db, "SELECT entry_id FROM entries WHERE entry_id != 'D3'")) == ids
    assert q(db, "SELECT count(*) FROM entry_versions") == 4  # one each: nothing changed but the new paper
    assert q(db, "SELECT count(*) FROM sightings WHERE entry_id IN (SELECT entry_id FROM entries)") == 3 + 4
    assert q(db, "SELECT count(DISTINCT entry_id) FROM sightings WHERE crawl_id = 2") == 4


def _rows(db, sql):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_reparse_of_the_crawl_before_the_edit_and_a_reverted_profile_keep_one_entry_a_link(tmp_path):
    """The paths beside it: `reparse --crawl 1` (the crawl made before the profile was edited) touches no current
    entry, and a third crawl with the profile put back says new 0, removed 0: four entries throughout."""
    _page(tmp_path / "site", 3)
    db, profile = tmp_path / "a.db", tmp_path / "papers.toml"
    profile.write_text(PROFILE)
    with SiteServer(tmp_path / "site", state="v1") as server:
        assert _crawl(db, profile, server).returncode == 0
        profile.write_text(NUMBERED)
        _page(tmp_path / "site", 4)
        assert _crawl(db, profile, server).returncode == 0
        older = cli("reparse", "--db", db, "--crawl", "1")
        assert "new 0, changed 0" in older.stdout + older.stderr
        assert q(db, "SELECT count(*) FROM entries WHERE status = 'listed'") == 4
        profile.write_text(PROFILE)
        third = _crawl(db, profile, server)
    said = third.stdout + third.stderr
    assert "new 0," in said and "removed 0" in said, said
    assert q(db, "SELECT count(*) FROM entries WHERE status = 'listed'") == 4
