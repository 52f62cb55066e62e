"""Crawl speed against Scrapy itself.

Generates a site of --listings listings of listing pages (10 entries a page, --pages in
all), serves it on 127.0.0.1, and crawls every listing in one crawl, unthrottled, 16
requests at a time:

  (a) a bare Scrapy spider (benchmarks/bare_spider.py) that follows each listing's next
      link only, reads the same fields with plain parsel selectors and drops them;
  (b) the project's crawl into a fresh archive;
  (c) again into that archive (nothing changed), every page fetched and parsed;
  (d) again with conditional requests, as users get them (every page answers 304).

Each crawl runs in a fresh process, a b c d in turn each round; each figure is the median
of --rounds rounds. Prints pages/s, the wall-time ratios and the CPU ratios (every process
of the crawl, parse workers included) b/a, c/a, d/a, the machine's load average before and
after, then where a page's time goes (parse, archive write, Scrapy), measured alone.

    .venv/bin/python benchmarks/crawl.py [--pages 2000] [--listings 200] [--rounds 3]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.site_server import SiteServer  # noqa: E402

LISTING = "/bench/{k}/lang--en/index.htm"
FAST = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    # The project's own value, for every crawl: at Scrapy's default (100 tasks started for each response's
    # output) the bare spider spent about 12% more CPU a page, a baseline that flattered the project.
    "CONCURRENT_ITEMS": 2,
    "LOG_LEVEL": "WARNING",
    "ROBOTSTXT_OBEY": False,
    "LISTING_MAX_PAGES": 100_000,
}
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
RUNS = ("a", "b", "c", "d")
LABELS = {
    "a": "(a) bare Scrapy spider, items dropped",
    "b": "(b) project, fresh archive",
    "c": "(c) project, re-crawl, every page parsed",
    "d": "(d) project, re-crawl, every page 304",
}


def page_path(n: int, listing: int = 0) -> str:
    first = LISTING.format(k=listing)
    return first if n == 1 else first.replace("index.htm", f"nextRow--{(n - 1) * 10}/index.htm")


def page_html(n: int, pages: int, listing: int = 0) -> str:
    items = []
    for i in range(10):
        k = listing * 100_000 + (n - 1) * 10 + i
        month = MONTHS[k % 12]
        items.append(
            f'<li class="item"><h5 class="item-title"><a href="/bench/WCMS_{10_000_000 + k}/lang--en/index.htm">'
            f"Entry number {k} about decent work in {month}</a></h5>"
            f'<p class="item-date">{1 + k % 27} - {2 + k % 27} {month} 2022</p>'
            f'<p class="item-abstract">Jointly organized by the ILO and the Ministry of Labour and Social Welfare '
            f"of region {k % 50}. Text {k}.</p></li>"
        )
    nearby = range(max(1, n - 10), min(pages, n + 10) + 1)
    links = "".join(f'<li><a href="{page_path(m, listing)}">{m}</a></li>' for m in nearby if m != n)
    nxt = f'<li class="next"><a href="{page_path(n + 1, listing)}">Next &gt;</a></li>' if n < pages else ""
    return (
        f'<html lang="en"><body><div class="page-title"><h1>Benchmark listing</h1></div><div class="items-list">'
        f'<h3 class="items-group">December 2022</h3><ol>{"".join(items)}</ol></div>'
        f'<aside class="pagination"><strong>Page {n} of {pages}</strong><ul>{links}{nxt}</ul></aside></body></html>'
    )


def make_site(root: Path, pages: int, listings: int = 1) -> list[str]:
    """`pages` pages split into `listings` listings; returns the listings' first pages' paths."""
    per_listing = max(1, pages // listings)
    for k in range(listings):
        for n in range(1, per_listing + 1):
            path = root / page_path(n, k).lstrip("/")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page_html(n, per_listing, k))
    return [page_path(1, k) for k in range(listings)]


def _stats_json(expr: str) -> str:
    return (
        f"s = {expr}; import json, resource; u = resource.getrusage(resource.RUSAGE_SELF); "
        "print(json.dumps({'elapsed': s.get('elapsed_time_seconds'), 'cpu_self': u.ru_utime + u.ru_stime, "
        "'pages': s.get('response_received_count'), 'items': s.get('item_scraped_count'), "
        "'pooled': s.get('parse_pool/pages', 0), 'waits': u.ru_nvcsw}))"
    )


def one_crawl(urls: list[str], run: str, db: str, settings: dict, cwd: Path = ROOT, prelude: str = "") -> dict:
    """Run one crawl in a fresh process (the project's code in `cwd`; `prelude`: Python run first in it);
    return {elapsed, pages, items, cpu}."""
    if run == "a":
        code = f"from benchmarks.bare_spider import run; {_stats_json(f'run({urls!r}, {settings!r})')}"
    else:
        over = {**settings, "CONDITIONAL_REQUESTS": run == "d"}
        call = f"run_crawl('ilo', {db!r}, {urls!r}, None, {over!r})['stats']"
        # The parse workers' CPU counts too: stopping the forkserver reaps it, and it reaped them.
        reap = "import multiprocessing.forkserver as f; f._forkserver._stop()"
        code = f"from crawler.run import run_crawl; {_stats_json(call)}; {reap}"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([sys.executable, "-c", prelude + code], cwd=cwd, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode or '"elapsed": null' in out.stdout:
        raise SystemExit(f"crawl {run} failed:\n{out.stderr[-3000:]}")
    stats = json.loads(out.stdout.strip().splitlines()[-1])
    # CPU time of the crawl process (start-up included): steadier than wall time on a busy machine.
    stats["cpu"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return stats


def crawl_rounds(urls: list[str], tmp: str, rounds: int, settings: dict, before: Path | None) -> dict[str, list[dict]]:
    runs: dict[str, list[dict]] = {r: [] for r in RUNS + (("b0",) if before else ())}
    for n in range(rounds):
        db = os.path.join(tmp, f"bench-{n}.db")
        for run in runs:
            if run == "b0":  # (b) with the code of another revision, in the same round
                stats = one_crawl(urls, "b", os.path.join(tmp, f"before-{n}.db"), settings, cwd=before)
            else:
                stats = one_crawl(urls, run, db, settings)
            stats["rate"] = (stats["pages"] or 0) / stats["elapsed"]
            if runs["a"] and stats["pages"] != runs["a"][0]["pages"]:  # a baseline that skips pages flatters us
                raise SystemExit(f"crawl {run} fetched {stats['pages']} pages, the bare spider {runs['a'][0]['pages']}")
            runs[run].append(stats)
            print(f"  round {n + 1} {run}: {stats['pages']} pages {stats['rate']:.1f} pages/s", file=sys.stderr)
    return runs


def page_costs(site_root: Path, base_url: str, sample: int = 300) -> dict[str, float]:
    """Milliseconds a page for: the bare spider's parsel reading, the project's parse
    (extract, parsers, checks), and the archive's write of the page and its entries."""
    import scrapy.http

    from archive.session import Sighting
    from archive.store import Archive
    from benchmarks.bare_spider import BareSpider
    from crawler.extract.profiles import get_profile
    from crawler.parse_pool import parse_page
    from crawler.validation import checked_entry

    files = sorted(site_root.rglob("*.htm"))[:sample]
    n = len(files)
    bodies = [(base_url + "/" + str(f.relative_to(site_root)), f.read_bytes()) for f in files]
    spider = BareSpider([base_url + LISTING.format(k=0)])
    start = time.perf_counter()
    for url, body in bodies:
        for _ in spider.parse(scrapy.http.HtmlResponse(url, body=body, encoding="utf-8")):
            pass
    bare = (time.perf_counter() - start) / n
    profile = get_profile("ilo")
    listing = base_url + LISTING.format(k=0)
    start = time.perf_counter()
    parsed = []
    for url, body in bodies:
        page = parse_page(body.decode(), url, listing, profile)  # as the crawl parses it, in-process or in a worker
        entries = [e for e in map(checked_entry, page.entries) if e]
        parsed.append((url, body, page, entries))
    parse = (time.perf_counter() - start) / n
    with tempfile.TemporaryDirectory() as tmp:
        archive = Archive(os.path.join(tmp, "costs.db"))
        session = archive.begin_crawl("ilo", [listing])
        start = time.perf_counter()
        for url, body, page, entries in parsed:
            cap = {
                "url": url,
                "listing_url": listing,
                "page": 1,
                "status": 200,
                "headers": {},
                "body": body,
                "page_links": page.page_links,
            }
            sightings = [(e, Sighting(listing, url, 1, e["group"], e["position"])) for e in entries]
            archive.write_batch(session, [cap], sightings)
        write = (time.perf_counter() - start) / n
        archive.close()
    return {"bare parsel reading": bare * 1000, "project parse": parse * 1000, "archive write": write * 1000}


def reparse_rates(db: str, tmp: str, rounds: int) -> dict[int, float]:
    """{workers: median pages/s} for `reparse` of the archive's latest complete crawl, on a fresh copy each time."""
    import shutil

    from archive.reparse import reparse
    from archive.store import Archive

    rates: dict[int, list[float]] = {1: [], os.cpu_count() or 1: []}
    for _ in range(rounds):
        for workers in rates:
            copy = os.path.join(tmp, f"reparse-{workers}.db")
            shutil.copy(db, copy)
            with Archive(copy) as archive:
                rates[workers].append(reparse(archive, workers=workers)["pages_per_s"])
            os.remove(copy)
    return {w: statistics.median(r) for w, r in rates.items()}


def report(runs: dict[str, list[dict]], costs: dict[str, float], rounds: int) -> None:
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"median of {rounds} rounds"
    )
    rate = {r: statistics.median(s["rate"] for s in runs[r]) for r in RUNS}
    for r in RUNS:
        pages = runs[r][0]["pages"]
        items = runs[r][0]["items"] or 0
        spread = ", ".join(f"{s['rate']:.0f}" for s in runs[r])
        print(f"{LABELS[r]:<44} {pages:>5} pages {items:>6} items {rate[r]:>7.1f} pages/s  (rounds: {spread})")
    a = rate["a"]
    cpu = {r: statistics.median(s["cpu"] / s["pages"] for s in runs[r]) * 1000 for r in RUNS}
    for r in ("b", "c", "d"):
        print(f"{r}/a: wall {a / rate[r]:.2f}   CPU {cpu[r] / cpu['a']:.2f}")
    if runs.get("b0"):
        b0 = statistics.median(s["rate"] for s in runs["b0"])
        cpu0 = statistics.median(s["cpu"] / s["pages"] for s in runs["b0"]) * 1000
        spread = ", ".join(f"{s['rate']:.0f}" for s in runs["b0"])
        print(f"(b) with --before's code: {b0:.1f} pages/s (rounds: {spread}), b/a = {a / b0:.2f}, ", end="")
        print(f"CPU {cpu0:.2f} ms a page")
    own = {r: statistics.median(s["cpu_self"] / s["pages"] for s in runs[r]) * 1000 for r in RUNS}
    print(
        f"CPU ms a page (all processes, start-up included): a {cpu['a']:.2f}  b {cpu['b']:.2f}  c {cpu['c']:.2f}  "
        f"d {cpu['d']:.2f}"
    )
    print(
        f"  of which the crawl process itself: a {own['a']:.2f}  b {own['b']:.2f}  c {own['c']:.2f}  d {own['d']:.2f}"
        f"; pages parsed in the parse worker (b): {runs['b'][0]['pooled']} of {runs['b'][0]['pages']}"
    )
    per_page = {r: 1000 / rate[r] for r in RUNS}
    print("a page's cost (ms; wall time a page at 16 requests at a time, and each part measured alone):")
    print(
        f"  (a) bare spider       {per_page['a']:6.2f}   of which parsel reading {costs['bare parsel reading']:.2f}, "
        f"Scrapy {per_page['a'] - costs['bare parsel reading']:.2f}"
    )
    print(
        f"  (b) project, fresh    {per_page['b']:6.2f}   project parse {costs['project parse']:.2f}, "
        f"archive write {costs['archive write']:.2f} (on the writer thread)"
    )
    print(f"  (c) project, re-crawl {per_page['c']:6.2f}")
    print(f"  (d) project, 304s     {per_page['d']:6.2f}")


# The project's packages, byte-compiled before the rounds.
PACKAGES = ("crawler", "archive", "pipelines", "benchmarks")


def byte_compiled(code_root: Path) -> None:
    """The project's modules under `code_root` compiled to bytecode once, as an installed copy is (pip compiles at
    install): under PYTHONDONTWRITEBYTECODE (this machine's setting) every crawl process and parse worker compiled
    some 100 modules from source, about 0.1 ms a page of (b), while Scrapy and every installed package came compiled
    (docs/benchmarks.md, eleventh pass). The files go to each package's __pycache__, which git ignores."""
    for package in PACKAGES:
        if (code_root / package).is_dir():
            compileall.compile_dir(code_root / package, quiet=1)


def _load(averages: tuple[float, float, float]) -> str:
    return " ".join(f"{x:.2f}" for x in averages)


def _checkout(rev: str, tmp: str) -> Path:
    """The project's files at `rev`, in a folder of their own (git archive: no worktree left behind)."""
    folder = Path(tmp) / "before"
    folder.mkdir()
    tar = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=tar, check=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--listings", type=int, default=200, help="listings the pages are split into (1: one long one)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; each figure is the median")
    parser.add_argument(
        "-s",
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a Scrapy setting for every crawl (JSON value), e.g. -s CONCURRENT_ITEMS=50",
    )
    parser.add_argument("--before", metavar="REV", help="also run (b) with the code of this git revision, each round")
    parser.add_argument(
        "--from-source",
        action="store_true",
        help="do not byte-compile the project first (under PYTHONDONTWRITEBYTECODE each process compiles it anew)",
    )
    args = parser.parse_args()
    settings = dict(FAST)
    for pair in args.set:
        name, _, value = pair.partition("=")
        settings[name] = json.loads(value)
    with tempfile.TemporaryDirectory() as tmp:
        site_root = Path(tmp) / "site"
        first_pages = make_site(site_root, args.pages, args.listings)
        load_before = os.getloadavg()
        with SiteServer(site_root) as site:
            before = _checkout(args.before, tmp) if args.before else None
            for code_root in (ROOT, before) if not args.from_source else ():
                if code_root is not None:
                    byte_compiled(code_root)
            runs = crawl_rounds([site.base_url + p for p in first_pages], tmp, args.rounds, settings, before)
            costs = page_costs(site_root, site.base_url)
        reparsed = reparse_rates(os.path.join(tmp, "bench-0.db"), tmp, args.rounds)
    report(runs, costs, args.rounds)
    after = os.getloadavg()
    print(f"load average (1, 5, 15 min): before {_load(load_before)}, after {_load(after)} on {os.cpu_count()} cores")
    print("the project's modules compiled from source in each process" if args.from_source else "byte-compiled first")
    one, many = reparsed[1], reparsed[max(reparsed)]
    print(
        f"reparse of the last crawl: {one:.1f} pages/s in one process, {many:.1f} pages/s on {max(reparsed)} "
        f"processes ({many / one:.2f}x)"
    )


if __name__ == "__main__":
    main()
