"""Small archives built in tests through the same code a crawl uses: an entry, a crawl of entries."""

from archive.store import Sighting
from crawler.entries import FIELDS

L1, L2 = "https://www.ilo.org/a/lang--en/index.htm", "https://www.ilo.org/b/lang--en/index.htm"


def entry(eid="WCMS_1", **fields):
    base = {f: None for f in FIELDS}
    base.update(
        entry_id=eid,
        url=f"https://www.ilo.org/x/{eid}/lang--en/index.htm",
        title=f"Title of {eid}",
        organisers=[],
        listing_url=L1,
        position=1,
    )
    base.update(fields)
    return base


def crawl(archive, items, listings=None, complete=True, suspect=False, pages=1):
    """items: [(entry, listing_url)]; every listing given is fetched whole (`pages` pages) unless complete=False."""
    cid = archive.begin_crawl("ilo", [L1])
    archive.record_entries(cid, [(e, Sighting(listing)) for e, listing in items])
    listings = listings or sorted({listing for _, listing in items} or {L1})
    return archive.finish_crawl(
        cid,
        {u: {"pages_fetched": pages, "pages_failed": 0 if complete else 1, "complete": complete} for u in listings},
        suspect=suspect,
    )
