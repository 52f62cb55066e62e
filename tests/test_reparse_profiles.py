"""`reparse` reads each page with the profile its crawl read it with: a config's per-listing profiles, and a
`--profile` file named relative to the folder the crawl ran in (a stranger's reparse read a profiled listing
with the generic extractor, "SUSPECT ... description filled in 0% of entries", or refused "no profile file")."""

import json
import os
import sqlite3
import subprocess
import sys

from conftest import FAST, ROOT, cli, q

from crawler.site_server import SiteServer

ITEMS = [("/p/1", "Read", "Annual report on wages 2024"), ("/p/2", "Read", "Employment outlook for youth")]
ITEMS += [("/p/3", "Read", "Safety at work in agriculture")]
# Each entry's link says only "Read"; the profile names the title in its own span.
PROFILE = """name = "papers"
description = "a site profile written by hand"

[selectors]
entry = "li.paper"
title = "span.name"
description = "p.summary"
"""


def site(root):
    for folder in ("papers", "news"):
        # each listing its own entries: one entry listed by both would belong to whichever was read last
        rows = "".join(
            f'<li class="paper"><span class="name">{name}</span> <a href="/{folder}{href}">{word}</a>'
            f'<p class="summary">A summary of {name.lower()}, for the record.</p></li>'
            for href, word, name in ITEMS
        )
        (root / "v1" / folder).mkdir(parents=True)
        (root / "v1" / folder / "index.htm").write_text(
            f'<html lang="en"><body><main><h1>{folder}</h1><ul>{rows}</ul></main></body></html>'
        )
    return root


def titles(db, listing):
    conn = sqlite3.connect(db)
    try:
        return sorted(t for (t,) in conn.execute("SELECT title FROM entries WHERE listing_url=?", (listing,)))
    finally:
        conn.close()


def test_reparse_reads_each_listing_with_its_config_profile(tmp_path):
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "papers.toml").write_text(PROFILE)
    db = tmp_path / "a.db"
    with SiteServer(site(tmp_path / "site"), state="v1") as server:
        papers, news = f"{server.base_url}/papers/", f"{server.base_url}/news/"
        config = tmp_path / "conf" / "listings.toml"
        config.write_text(
            f'[[listing]]\nurl = "{papers}"\nspider = "listing"\nprofile = "papers.toml"\n'
            f'[[listing]]\nurl = "{news}"\nspider = "listing"\n'
        )
        cli("crawl", "--config", config, "--db", db, *FAST, check=0)
    assert titles(db, papers) == sorted(name for _, _, name in ITEMS)
    before = q(db, "SELECT count(*) FROM entry_versions")
    for _ in range(2):
        out = cli("reparse", "--db", db, check=0).stdout
        assert "new 0, changed 0" in out and "SUSPECT" not in out, out
    assert titles(db, papers) == sorted(name for _, _, name in ITEMS)
    assert q(db, "SELECT count(*) FROM entry_versions") == before
    settings = json.loads(q(db, "SELECT settings FROM crawls ORDER BY id DESC LIMIT 1"))
    assert settings["listing_profiles"][papers] == str(tmp_path / "conf" / "papers.toml")


def test_a_relative_profile_is_found_by_a_reparse_run_from_another_folder(tmp_path):
    where = tmp_path / "work"
    where.mkdir()
    (where / "papers.toml").write_text(PROFILE)
    db = tmp_path / "a.db"
    with SiteServer(site(tmp_path / "site"), state="v1") as server:
        url = f"{server.base_url}/papers/"
        crawl = subprocess.run(
            [sys.executable, "-m", "archive.cli", "crawl", "listing", "--db", str(db), "--profile", "papers.toml"]
            + ["--start-url", url, *map(str, FAST)],
            cwd=where,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert crawl.returncode == 0, crawl.stdout + crawl.stderr
    settings = json.loads(q(db, "SELECT settings FROM crawls ORDER BY id DESC LIMIT 1"))
    assert settings["profile"] == str(where / "papers.toml")
    out = cli("reparse", "--db", db, check=0).stdout  # run from the project's folder, not `where`
    assert "new 0, changed 0" in out and "SUSPECT" not in out, out


def test_a_profile_deleted_or_broken_before_the_reparse_is_named_and_no_crawl_is_left_running(tmp_path):
    (tmp_path / "conf").mkdir()
    profile = tmp_path / "conf" / "papers.toml"
    profile.write_text(PROFILE)
    db = tmp_path / "a.db"
    with SiteServer(site(tmp_path / "site"), state="v1") as server:
        papers = f"{server.base_url}/papers/"
        config = tmp_path / "conf" / "listings.toml"
        config.write_text(f'[[listing]]\nurl = "{papers}"\nspider = "listing"\nprofile = "papers.toml"\n')
        cli("crawl", "--config", config, "--db", db, *FAST, check=0)
    crawls = q(db, "SELECT count(*) FROM crawls")
    versions = q(db, "SELECT count(*) FROM entry_versions")
    for broken in ("", 'name = "papers"\n[selectors\n'):
        if broken:
            profile.write_text(broken)
        else:
            profile.unlink()
        done = cli("reparse", "--db", db, check=1)
        said = done.stdout + done.stderr
        assert str(profile) in said and papers in said and "Traceback" not in said, said
        assert q(db, "SELECT count(*) FROM crawls") == crawls  # no reparse crawl begun, none left running
        assert q(db, "SELECT count(*) FROM entry_versions") == versions
    assert titles(db, papers) == sorted(name for _, _, name in ITEMS)


def _doc_listing(tmp_path):
    """A listing of three papers crawled once with a hand-written profile: (archive, profile file)."""
    (tmp_path / "site" / "v1").mkdir(parents=True)
    rows = "".join(f'<li><a href="/doc/D{i}">Annual report on wages {2020 + i}</a></li>' for i in range(3))
    (tmp_path / "site" / "v1" / "index.htm").write_text(f"<html><body><h1>Papers</h1><ul>{rows}</ul></body></html>")
    profile = tmp_path / "papers.toml"
    profile.write_text('name = "papers"\n[selectors]\nentry = "ul > li"\ntitle = "a"\n')
    db = tmp_path / "a.db"
    with SiteServer(tmp_path / "site", state="v1") as server:
        cli("crawl", "listing", "--db", db, "--profile", profile, "--start-url", f"{server.base_url}/", *FAST, check=0)
    return db, profile


def test_a_reparse_with_a_profile_now_reading_document_ids_keeps_each_entry_under_its_id(tmp_path):
    """stranger35, 2026-12-08 (issue 20): a listing crawled with a hand-written profile, then `document_id` added
    to it (a parser change) and `reparse` run: 3 items on the page, 6 entries 'listed' (one keyed by link, one by
    number). An id stays while its entry is listed (docs/schema.md): fix35 refused the reparse; now the write path
    gives each entry the id the archive holds on its link (archive/store_ids.py) and the reparse records it."""
    db, profile = _doc_listing(tmp_path)
    ids = q(db, "SELECT group_concat(entry_id, ' ') FROM (SELECT entry_id FROM entries ORDER BY entry_id)")
    profile.write_text('name = "papers"\ndocument_id = "(D\\\\d+)"\n[selectors]\nentry = "ul > li"\ntitle = "a"\n')
    versions = q(db, "SELECT count(*) FROM entry_versions")
    done = cli("reparse", "--db", db, check=0)
    assert "new 0, changed 0" in done.stdout, done.stdout + done.stderr
    assert q(db, "SELECT count(*) FROM entries WHERE status = 'listed'") == q(db, "SELECT count(*) FROM entries") == 3
    assert q(db, "SELECT group_concat(entry_id, ' ') FROM (SELECT entry_id FROM entries ORDER BY entry_id)") == ids
    assert q(db, "SELECT count(*) FROM entry_versions") == versions
    assert q(db, "SELECT count(DISTINCT entry_id) FROM sightings WHERE crawl_id = 2") == 3


def test_a_reparse_with_a_profile_edit_keeping_the_ids_runs(tmp_path):
    """The nearest path: a profile edit that reads another field but keys entries as before is a parser change
    a reparse records, as ever (no refusal for a changed title)."""
    db, profile = _doc_listing(tmp_path)
    profile.write_text('name = "papers"\n[selectors]\nentry = "ul > li"\ntitle = "a"\ndate = "a"\n')
    cli("reparse", "--db", db, check=0)
    assert q(db, "SELECT count(*) FROM entries WHERE status = 'listed'") == 3
    assert q(db, "SELECT count(*) FROM crawls WHERE source = 'reparse'") == 1


def _papers_page(links, more):
    rows = "".join(f'<li><a href="{href}">Annual report on wages {year}</a></li>' for href, year in links)
    return f"<html><body><h1>Papers</h1><ul>{rows}</ul>{more}</body></html>"


def test_a_reparse_whose_profile_rekeys_only_a_later_page_keeps_one_listed_entry_an_item(tmp_path):
    """stranger37, 2026-12-08 (issue 20; fixed by fix36's re-keying, which replaced reparse_ids' first-page check): a
    two-page listing whose newer papers link by name (/doc/new-0) and older ones by number (/doc/D0), then
    `document_id = "(D\\d+)"` added to the profile: the check passes (page 1 keyed as before), the reparse says
    'new 3', and 6 items are 9 listed entries."""
    (tmp_path / "site" / "v1").mkdir(parents=True)
    first = _papers_page([(f"/doc/new-{i}", 2020 + i) for i in range(3)], '<a rel="next" href="/p2.htm">Next</a>')
    (tmp_path / "site" / "v1" / "index.htm").write_text(first)
    last = _papers_page([(f"/doc/D{i}", 2010 + i) for i in range(3)], '<a rel="prev" href="/">Previous</a>')
    (tmp_path / "site" / "v1" / "p2.htm").write_text(last)
    profile, db = tmp_path / "papers.toml", tmp_path / "a.db"
    profile.write_text('name = "papers"\n[selectors]\nentry = "ul > li"\ntitle = "a"\n')
    with SiteServer(tmp_path / "site", state="v1") as server:
        cli("crawl", "listing", "--db", db, "--profile", profile, "--start-url", f"{server.base_url}/", *FAST, check=0)
    assert q(db, "SELECT count(*) FROM entries WHERE status = 'listed'") == 6
    profile.write_text('name = "papers"\ndocument_id = "(D\\\\d+)"\n[selectors]\nentry = "ul > li"\ntitle = "a"\n')
    cli("reparse", "--db", db)  # refused, or run: either way one listed entry an item
    assert q(db, "SELECT count(*) FROM entries WHERE status = 'listed'") == 6
