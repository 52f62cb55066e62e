"""The archive write alone, as a crawl's writer thread does it: benchmark pages (benchmarks/crawl.py's, parsed
once beforehand) and their entries into a fresh archive, in the crawl's batches (ARCHIVE_BATCH_SIZE entries).

    .venv/bin/python benchmarks/write_alone.py [--pages 2000] [--rounds 3]   # CPU ms a page, median of rounds
    PYTHONHASHSEED=0 valgrind --tool=callgrind .venv/bin/python benchmarks/write_alone.py --rounds 1   # and --no-write

Instructions: the difference of callgrind's totals with and without --no-write (everything but the writes), over
--pages, is the write's instructions a page.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.writer import ArchiveWriter  # noqa: E402
from benchmarks.parse_alone import bench_pages  # noqa: E402
from crawler.extract.profiles import get_profile  # noqa: E402
from crawler.parse_pool import parse_page  # noqa: E402
from crawler.settings import ARCHIVE_BATCH_SIZE  # noqa: E402
from crawler.validation import checked_entry  # noqa: E402


def page_items(pages: int) -> list[tuple[dict, list[dict]]]:
    """(page item, its entry items) for each benchmark page, as the spider hands them to the archive pipeline."""
    profile, out = get_profile("ilo"), []
    for url, listing, text in bench_pages(pages):
        page = parse_page(text, url, listing, profile)
        entries = [{**e, "page_url": url, "page": page.page_number} for e in map(checked_entry, page.entries) if e]
        item = {"url": url, "listing_url": listing, "page": page.page_number, "status": 200}
        item.update(headers={"content-type": "text/html"}, body=text.encode(), links=page.page_links)
        out.append((item, entries))
    return out


def write_round(items, write: bool = True) -> float:
    """CPU ms a page of the writes (batches as the archive pipeline makes them), into a fresh archive."""
    with tempfile.TemporaryDirectory() as tmp:
        writer = ArchiveWriter(os.path.join(tmp, "bench.db"), 10.0, ARCHIVE_BATCH_SIZE)
        writer.begin("ilo", sorted({page["listing_url"] for page, _ in items}), {})
        spent = 0.0
        for page, entries in items:
            writer.add_page(page)
            for entry in entries:
                if writer.batch_due():
                    spent += _write(writer, write)
                writer.add_entry(entry)
            if writer.batch_due():
                spent += _write(writer, write)
        spent += _write(writer, write)
        writer.close()
    return spent / len(items) * 1000


def _write(writer: ArchiveWriter, write: bool) -> float:
    batch = writer.take_batch()
    start = time.process_time()
    if write:
        writer.write(batch)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="everything but the writes (callgrind's baseline)")
    args = parser.parse_args()
    items = page_items(args.pages)
    times = [write_round(items, write=not args.no_write) for _ in range(args.rounds)]
    spread = ", ".join(f"{t:.3f}" for t in times)
    print(f"archive write: {statistics.median(times):.3f} CPU ms a page, median of {args.rounds} rounds ({spread})")


if __name__ == "__main__":
    main()
