"""The parse alone, as the parse worker runs it, over benchmarks/crawl.py's pages; and a dump of
every parse result for checking that a speed change changes none of them.

    .venv/bin/python benchmarks/parse_alone.py [--pages 300] [--rounds 5]   # ms a page, median of rounds
    .venv/bin/python benchmarks/parse_alone.py --profile-calls             # cProfile of one round
    .venv/bin/python benchmarks/parse_alone.py --dump out.json             # every result, for a diff
    PYTHONHASHSEED=0 valgrind --tool=callgrind .venv/bin/python benchmarks/parse_alone.py --after-warm 100  # and 0

Instructions: --after-warm N parses 100 benchmark pages, then N more (up to 100), and prints nothing; the difference of
callgrind's totals for N=100 and N=0, over 100, is the parse's instructions a page with the caches warm.
Timing: --pages benchmark pages parsed once to warm the process, then --rounds times --pages others, each round
pages never parsed before (as in a crawl); each round's figure is CPU ms a page (`parse_page` and `checked_entry`,
as in the worker).
The dump holds what the parse gives for every fixture page (tests/fixtures: the labelled pages
with their profile and with the generic extractor, the tuned real pages: never the held-out ones, kept unread) and
for the benchmark pages, with a fixed capture time: two dumps from code that parses alike are
byte for byte equal.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import pstats
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.crawl import LISTING, make_site  # noqa: E402
from crawler.entries import build_entries  # noqa: E402
from crawler.extract import extract_page  # noqa: E402
from crawler.extract.profiles import get_profile  # noqa: E402
from crawler.parse_pool import parse_page  # noqa: E402
from crawler.validation import checked_entry  # noqa: E402

BASE = "http://127.0.0.1:8000"
FIXTURES = ROOT / "tests" / "fixtures"
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def bench_pages(pages: int) -> list[tuple[str, str, str]]:
    """(url, listing url, text) of `pages` benchmark pages in 10 listings."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_site(root, pages, max(1, pages // 100) if pages >= 100 else 1)
        files = sorted(root.rglob("*.htm"))
        out = []
        for f in files:
            path = "/" + str(f.relative_to(root))
            listing = BASE + LISTING.format(k=path.split("/")[2])
            out.append((BASE + path, listing, f.read_text()))
    return out


def parse_round(pages, profile) -> float:
    start = time.process_time()
    for url, listing, text in pages:
        page = parse_page(text, url, listing, profile)
        [e for e in map(checked_entry, page.entries) if e]
    return (time.process_time() - start) / len(pages) * 1000


def fixture_results() -> dict:
    """Every fixture page's raw page and entries, with its profile (None: by URL) and with the generic extractor."""
    out = {}
    labelled = sorted((FIXTURES / "pages").glob("*.json")) + sorted((FIXTURES / "real").glob("*.json"))
    for label in labelled:
        url = json.loads(label.read_text())["url"]
        html = label.with_suffix(".html").read_bytes()
        for profile in (None, "auto"):
            try:
                page = extract_page(html, url, profile, now=NOW)
                out[f"{label.relative_to(FIXTURES)} {profile}"] = {
                    "page": {k: v for k, v in dataclasses.asdict(page).items() if k not in ("entries", "now")},
                    "raw": [dataclasses.asdict(e) for e in page.entries],
                    "entries": build_entries(page, url),
                }
            except Exception as exc:  # noqa: BLE001  (a crash is a result too)
                out[f"{label.relative_to(FIXTURES)} {profile}"] = repr(exc)
    return out


def dump(path: str) -> None:
    results = fixture_results()
    profile = get_profile("ilo")
    for url, listing, text in bench_pages(300):
        results[url] = dataclasses.asdict(parse_page(text, url, listing, profile))
    Path(path).write_text(json.dumps(results, indent=1, sort_keys=True, default=str))
    print(f"{len(results)} results written to {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile-calls", action="store_true", help="print a cProfile of one round instead")
    parser.add_argument("--dump", metavar="FILE", help="write every parse result (fixtures and benchmark) as JSON")
    parser.add_argument("--after-warm", type=int, metavar="N", help="parse 100 pages, then N more; print nothing")
    args = parser.parse_args()
    if args.dump:
        return dump(args.dump)
    if args.after_warm is not None:
        pages = bench_pages(200)  # the same pages whatever N: the first 100 alike in both runs
        parse_round(pages[:100], get_profile("ilo"))
        if args.after_warm:
            parse_round(pages[100 : 100 + args.after_warm], get_profile("ilo"))
        return None
    # Each round parses pages no round before it parsed, as a crawl does: a cache keyed by a page's text (a title,
    # a date line) answers a page parsed again, and would hide what a fresh page costs (eleventh pass).
    every = bench_pages(args.pages * (args.rounds + 1))
    rounds = [every[n * args.pages : (n + 1) * args.pages] for n in range(args.rounds + 1)]
    profile = get_profile("ilo")
    parse_round(rounds[0], profile)  # warm: imports, the profile's selectors
    if args.profile_calls:
        prof = cProfile.Profile()
        prof.runcall(parse_round, rounds[1], profile)
        pstats.Stats(prof).sort_stats("tottime").print_stats(40)
        return None
    times = [parse_round(pages, profile) for pages in rounds[1:]]
    spread = ", ".join(f"{t:.3f}" for t in times)
    print(f"parse: {statistics.median(times):.3f} CPU ms a page, median of {args.rounds} rounds ({spread})")
    return None


if __name__ == "__main__":
    main()
