"""A reparse fetches nothing: it is no sighting, so each entry's last_seen and last_crawl stay the
last crawl's that read the site; a later crawl answered with 304s sights them again."""

from conftest import FAST, cli, q


def sightings(archive):
    return q(archive, "SELECT group_concat(entry_id || ' ' || last_seen || ' ' || last_crawl, ';') FROM entries")


def test_a_reparse_leaves_last_seen_and_last_crawl_as_they_were(db, site):  # noqa: F811
    before = sightings(db)
    assert q(db, "SELECT count(DISTINCT last_crawl) FROM entries") == 1
    cli("reparse", "--db", db, check=0)
    assert q(db, "SELECT max(id) FROM crawls") == 2
    assert sightings(db) == before
    cli("crawl", "ilo", "--db", db, "--start-url", site.url, *FAST, check=0)  # the pages answer 304
    assert q(db, "SELECT count(*) FROM captures WHERE crawl_id = 3 AND status = 304") == 2
    assert q(db, "SELECT count(*) FROM entries WHERE last_crawl = 3") == q(db, "SELECT count(*) FROM entries")
