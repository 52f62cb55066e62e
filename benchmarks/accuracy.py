"""Extraction accuracy, field by field, over a corpus of labelled listing pages.

Each page is NAME.html with NAME.json beside it: {"url": ..., "entries": [{field: value}]}
(see tests/fixtures/pages). Entries are matched on their title (then URL); for each
field, precision = right values / values given, recall = right values / values expected.
Also prints parse speed (pages/s) and date-parsing speed (date strings/s).

    .venv/bin/python benchmarks/accuracy.py [--corpus DIR] [--profile auto]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.entries import build_entries  # noqa: E402
from crawler.extract import extract_page  # noqa: E402
from crawler.parsers.dates import _parse_cached, parse_date  # noqa: E402

FIELDS = ("title", "url", "description", "group", "group_month", "date_text", "date_start", "date_end", "credit",
          "credit_author", "credit_holder", "credit_year", "organisers", "organiser_text", "image_url", "position", "listing_title", "language")


def empty(value) -> bool:
    return value is None or value == [] or value == ""


def load(corpus: Path):
    for path in sorted(corpus.glob("*.json")):
        yield path.stem, json.loads(path.read_text()), path.with_suffix(".html").read_bytes()


def score(corpus: Path, profile: str | None):
    counts = defaultdict(lambda: [0, 0, 0])  # field -> [right, given, expected]
    entry_counts = [0, 0, 0]
    pages = list(load(corpus))
    for name, expected, html in pages:
        got = build_entries(extract_page(html, expected["url"], profile), expected["url"])
        by_title = {g["title"]: g for g in got}
        matched = 0
        for exp in expected["entries"]:
            g = by_title.get(exp["title"]) or next((x for x in got if x["url"] and x["url"] == exp.get("url")), None)
            if g is None:
                for field in FIELDS:
                    if field in exp and not empty(exp[field]):
                        counts[field][2] += 1
                continue
            matched += 1
            for field in FIELDS:
                if field not in exp:
                    continue
                want, have = exp[field], g.get(field)
                counts[field][1] += not empty(have)
                counts[field][2] += not empty(want)
                counts[field][0] += (not empty(have)) and have == want
        entry_counts[0] += matched
        entry_counts[1] += len(got)
        entry_counts[2] += len(expected["entries"])
    return pages, entry_counts, counts


def ratio(a, b):
    return f"{a / b:6.1%}" if b else "     –"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "fixtures" / "pages")
    parser.add_argument("--profile", default=None, help="force a profile (e.g. auto for the generic extractor only)")
    args = parser.parse_args()
    pages, entries, counts = score(args.corpus, args.profile)
    print(f"{len(pages)} pages, {entries[2]} labelled entries")
    print(f"{'field':<16} {'precision':>9} {'recall':>9}   right/given/expected")
    print(f"{'(entries)':<16} {ratio(entries[0], entries[1]):>9} {ratio(entries[0], entries[2]):>9}   {entries[0]}/{entries[1]}/{entries[2]}")
    for field in FIELDS:
        right, given, expected = counts[field]
        print(f"{field:<16} {ratio(right, given):>9} {ratio(right, expected):>9}   {right}/{given}/{expected}")
    # Speed: the whole page path, then the date parser alone (cache cleared per round).
    bodies = [(e["url"], html) for _, e, html in pages]
    start, rounds = time.perf_counter(), 0
    while time.perf_counter() - start < 2.0:
        for url, html in bodies:
            build_entries(extract_page(html, url, args.profile), url)
        rounds += 1
    pages_per_s = rounds * len(bodies) / (time.perf_counter() - start)
    dates = [e["date_text"] for _, page, _ in pages for e in page["entries"] if e.get("date_text")]
    start, n = time.perf_counter(), 0
    while time.perf_counter() - start < 1.0:
        _parse_cached.cache_clear()
        for d in dates:
            parse_date(d)
        n += len(dates)
    print(f"speed: {pages_per_s:,.0f} pages/s (extract + parse), {n / (time.perf_counter() - start):,.0f} date strings/s (uncached)")


if __name__ == "__main__":
    main()
