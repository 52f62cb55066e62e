"""How often a crawl's processes look for garbage in reference cycles.

CPython collects its youngest objects after every 700 net allocations of objects that can hold references, and
every object that survives is looked at again by the older generations' collections. A crawl makes such
objects by the thousand a page (Scrapy's requests, responses, Deferreds and their callbacks, the parse's trees,
dicts and lists), most of them freed by reference counting before a collection could matter. At 700 the crawl
process spent about a tenth of its CPU in the collector (0.5 ms of 5.5 a benchmark page, docs/benchmarks.md,
ninth pass); at 10,000 a quarter of that. The cost is memory: cyclic garbage waits up to 10,000 allocations to
be freed instead of 700 (at most some megabytes). What a crawl produces does not depend on when garbage is
freed.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 10_000  # net allocations between collections of the youngest generation (CPython's default: 700)


def collect_less_often() -> None:
    """For a process that only crawls or parses (the parse worker): the young generation collected less often."""
    young, *older = gc.get_threshold()
    if young:  # 0: the collector is off; left off
        gc.set_threshold(max(young, YOUNG_THRESHOLD), *older)


@contextmanager
def collecting_less_often() -> Iterator[None]:
    """The same while a crawl runs in a caller's process; the caller's thresholds come back after it."""
    before = gc.get_threshold()
    collect_less_often()
    try:
        yield
    finally:
        gc.set_threshold(*before)
