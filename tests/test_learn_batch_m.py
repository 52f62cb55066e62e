"""`listing-archive learn` on the shapes held-out batch M showed it missing: meetings whose rows repeat two names on
other days, a title in its own unlinked element beside a pointer link, a <time datetime> the same on every entry."""

from crawler.extract.raw import RawEntry
from crawler.extract.rows import once


def test_rows_repeating_two_names_on_other_days_are_no_copy_of_the_list():
    names = ["Zoning Committee", "City Council"]
    rows = [RawEntry(title=n, href=None, date_text=d) for d in ("2/23/2026", "2/9/2026") for n in names]
    assert [(e.title, e.date_text) for e in once(rows)] == [(e.title, e.date_text) for e in rows]
    copy = [RawEntry(title=n, href=f"/{n}", date_text="2/9/2026") for n in names] * 2
    assert len(once(copy)) == 2  # the same list drawn twice (a desktop and a mobile copy) is read once
