"""The generic extractor stays linear on big or hostile pages: many dashes in a title, thousands of links, a long table
of contents, many entries stamped alike."""

import time
from types import SimpleNamespace

from synthetic import URL
from synthetic import generic_entries as _entries

from crawler.extract.date_boxes import without_shared_machine_dates


def _long_page(link_to: str, count: int) -> str:
    rows = "".join(f"<li><a href='{link_to}{n}'>Section number {n} of the long page</a></li>" for n in range(count))
    parts = "".join(f"<div id='a{n}'><h3>Section {n}</h3><p>Its text.</p></div>" for n in range(count))
    return f"<ul>{rows}</ul>{parts}"


def test_a_long_table_of_contents_in_full_addresses_reads_as_fast_as_other_links():
    # a hang guard, not a speed measure: each link to a part of the page once searched the whole page for its id
    # (1,500 links: tens of seconds against one or two); now the page's ids are gathered once
    count = 1500
    start = time.perf_counter()
    _entries(_long_page("https://example.org/elsewhere/a", count))
    elsewhere = time.perf_counter() - start
    start = time.perf_counter()
    _entries(_long_page(f"{URL}#a", count))
    assert time.perf_counter() - start < 3 * elsewhere + 2


def test_many_entries_stamped_alike_are_weighed_once_per_stamp():
    # a hang guard: 20,000 posts of one day, each with the day's datetime; the dates they show were once weighed
    # again for every post (hundreds of millions of checks)
    posts = [SimpleNamespace(date_iso="2024-01-01", date_text="1 January 2024") for _ in range(20000)]
    start = time.perf_counter()
    without_shared_machine_dates(posts)
    assert time.perf_counter() - start < 10
    assert {p.date_iso for p in posts} == {"2024-01-01"}


def test_a_huge_title_of_many_dashes_is_not_cut_at_every_dash(monkeypatch):
    """A hostile title of thousands of " - " parts was cut at each one and every cut read as a possible date
    (seconds a title, quadratic); only cuts near its edges, in a title of sensible length, are looked at."""
    from crawler.extract import edge_dates

    assert edge_dates.without_edge_date("Annual Conference on Wages - 12 May 2020") == "Annual Conference on Wages"
    calls = []
    read = edge_dates.date_in_line
    monkeypatch.setattr(edge_dates, "date_in_line", lambda text: calls.append(text) or read(text))
    assert edge_dates.without_edge_date(" - ".join(["word 12 May 2020"] * 3000)).startswith("word 12 May 2020 - ")
    assert len(calls) <= 4


def test_a_list_of_thousands_of_links_is_read_in_linear_work(monkeypatch):
    """A page of thousands of list items: every one an entry. Looking for a featured entry beside the list
    scanned every record for each of its siblings (a stranger's 4,000 items took 17 s, 30,000 over 10 min)."""
    from crawler.extract import companions

    calls = []
    contains = companions.contains
    monkeypatch.setattr(companions, "contains", lambda anc, el: calls.append(1) or contains(anc, el))
    items = "".join(f"<li><a href='/{i}'>Title {i}</a></li>" for i in range(10_000))
    entries = _entries(f"<ul>{items}</ul>")
    assert len(entries) == 10_000 and entries[-1]["title"] == "Title 9999"
    assert len(calls) < 1_000  # it was one call per record for every sibling: 10,000 x 10,000


def test_a_title_without_a_dash_or_bar_is_not_read_for_a_date(monkeypatch):
    """Every title of every page went through the date-line reader to ask whether it is a date whole (a seventh of a
    fresh page's parse, docs/benchmarks.md eleventh pass): only a title with an edge to cut at is asked."""
    from crawler.extract import edge_dates

    calls = []
    read = edge_dates.date_in_line
    monkeypatch.setattr(edge_dates, "date_in_line", lambda text: calls.append(text) or read(text))
    assert edge_dates.without_edge_date("Entry number 7 about decent work in May 2020") == (
        "Entry number 7 about decent work in May 2020"
    )
    assert calls == []
    assert edge_dates.without_edge_date("Junio - Octubre 2024") == "Junio - Octubre 2024"  # a date whole stays
    assert calls


def test_a_title_without_a_dash_or_bar_is_not_scanned_for_cuts(monkeypatch):
    """Each of the three cuts at a title's edge holds a dash or bar; a title with none (most titles) skips their
    patterns, each tried at every character of it (8 µs a title, docs/benchmarks.md eleventh pass)."""
    import random
    import re

    from crawler.extract import edge_dates

    cuts = (edge_dates._EDGE_SEPARATOR, edge_dates._OPEN_DASH, edge_dates._CLOSED_DASH)
    rng = random.Random(20)
    for _ in range(3000):  # what none of the marks lies in, none of the cuts finds
        text = "".join(rng.choice(" 1a|·•–—-\u2212_.:") for _ in range(rng.randrange(1, 12)))
        if not edge_dates._ANY_SEPARATOR.search(text):
            assert not any(cut.search(text) for cut in cuts), text
    scanned = []

    class Recorded:
        def __init__(self, pattern: re.Pattern) -> None:
            self.pattern = pattern

        def finditer(self, *args):
            scanned.append(args[0])
            return self.pattern.finditer(*args)

    for name in ("_EDGE_SEPARATOR", "_OPEN_DASH", "_CLOSED_DASH"):
        monkeypatch.setattr(edge_dates, name, Recorded(getattr(edge_dates, name)))
    assert (
        edge_dates.without_edge_date("Entry number 7 about decent work in May")
        == "Entry number 7 about decent work in May"
    )
    assert scanned == []
    assert edge_dates.without_edge_date("Annual Conference on Wages - 12 May 2020") == "Annual Conference on Wages"


def test_a_long_two_column_table_is_weighed_as_label_value_pairs_once(monkeypatch):
    """A table of thousands of two-cell rows (a date, a linked title) is looked at as a record of label/value pairs
    (label_pairs.py) from each of its rows: its rows and its name are read once a page, not once a row (quadratic:
    1,500 rows took 2.25 million label checks)."""
    from crawler.extract import label_pairs

    calls = []
    is_label = label_pairs._is_label
    monkeypatch.setattr(label_pairs, "_is_label", lambda el: calls.append(1) or is_label(el))
    rows = "".join(
        f"<tr><td>{1 + i % 28} May 2026</td><td><a href='/n/{i}'>News item {i}</a></td></tr>" for i in range(1500)
    )
    entries = _entries(f"<table>{rows}</table>", "<html lang='en'>")
    assert [e["url"] for e in entries][-1] == "https://example.org/n/1499"
    assert len(calls) < 3 * 1500


def test_a_facet_on_thousands_of_records_is_weighed_once(monkeypatch):
    """ "Press release" under each of 2,000 posts: whether its copies are one event's rows (event_days.py) is asked once
    for the address and words, not once for each copy (each asking looks at every copy: quadratic)."""
    from crawler.extract import records

    calls = []
    days = records.days_of_one_event
    monkeypatch.setattr(records, "days_of_one_event", lambda copies: calls.append(1) or days(copies))
    posts = "".join(
        f"<li><a href='/p/{i}'>Story number {i} of the town</a> <a href='/kind/press'>Press release</a></li>"
        for i in range(2000)
    )
    entries = _entries(f"<ul>{posts}</ul>", "<html lang='en'>")
    assert len(entries) == 2000 and "Press release" not in {e["title"] for e in entries}
    assert len(calls) <= 3  # once per look at the page's links
