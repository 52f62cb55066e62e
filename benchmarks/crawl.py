"""Crawl speed: does the archive limit a crawl?

Generates a site of 2,000 listing pages (10 entries each), serves it on 127.0.0.1,
and crawls it (a) dropping the items, (b) into a fresh archive, (c) again into that
archive (nothing changed) with every page fetched and parsed again, and (d) again
with conditional requests, as users get them (every page answers 304 and costs no
parsing). Prints pages/s for each and the time ratios b/a, c/a and d/a.

    .venv/bin/python benchmarks/crawl.py [--pages 2000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.site_server import SiteServer  # noqa: E402

LISTING = "/bench/lang--en/index.htm"
FAST = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "CONCURRENT_REQUESTS": 16, "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
        "LOG_LEVEL": "WARNING", "ROBOTSTXT_OBEY": False}
MONTHS = "January February March April May June July August September October November December".split()


def page_path(n: int) -> str:
    return LISTING if n == 1 else LISTING.replace("index.htm", f"nextRow--{(n - 1) * 10}/index.htm")


def make_site(root: Path, pages: int) -> None:
    for n in range(1, pages + 1):
        items = []
        for i in range(10):
            k = (n - 1) * 10 + i
            month = MONTHS[k % 12]
            items.append(
                f'<li class="item"><h5 class="item-title"><a href="/bench/WCMS_{100000 + k}/lang--en/index.htm">Entry number {k} about decent work in {month}</a></h5>'
                f'<p class="item-date">{1 + k % 27} - {2 + k % 27} {month} 2022</p>'
                f'<p class="item-abstract">Jointly organized by the ILO and the Ministry of Labour and Social Welfare of region {k % 50}. Text {k}.</p></li>'
            )
        links = "".join(f'<li><a href="{page_path(m)}">{m}</a></li>' for m in range(max(1, n - 10), min(pages, n + 10) + 1) if m != n)
        nxt = f'<li class="next"><a href="{page_path(n + 1)}">Next &gt;</a></li>' if n < pages else ""
        html = (
            f'<html lang="en"><body><div class="page-title"><h1>Benchmark listing</h1></div><div class="items-list">'
            f'<h3 class="items-group">December 2022</h3><ol>{"".join(items)}</ol></div>'
            f'<aside class="pagination"><strong>Page {n} of {pages}</strong><ul>{links}{nxt}</ul></aside></body></html>'
        )
        path = root / page_path(n).lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html)


def one_crawl(url: str, db: str | None, conditional: bool = False) -> dict:
    """Run a crawl in a fresh process; return Scrapy's stats."""
    settings = {**FAST, "CONDITIONAL_REQUESTS": conditional}
    code = (
        "import json,sys; from crawler.run import run_crawl; "
        f"r = run_crawl('ilo', {db!r}, [{url!r}], None, {settings!r}); "
        "s = r['stats']; print(json.dumps({'elapsed': s.get('elapsed_time_seconds'), 'pages': s.get('response_received_count'), 'items': s.get('item_scraped_count')}))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=2, help="rounds; each figure is the best round (timings on a shared machine are noisy)")
    args = parser.parse_args()
    runs: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        site_root = Path(tmp) / "site"
        make_site(site_root, args.pages)
        with SiteServer(site_root) as site:
            url = site.base_url + LISTING
            for round_ in range(args.repeat):
                db = str(Path(tmp) / f"bench-{round_}.db")
                for name, stats in (
                    ("a: items dropped", one_crawl(url, None)),
                    ("b: fresh archive", one_crawl(url, db)),
                    ("c: same archive again", one_crawl(url, db)),
                    ("d: again, conditional", one_crawl(url, db, conditional=True)),
                ):
                    if name not in runs or stats["elapsed"] < runs[name]["elapsed"]:
                        runs[name] = stats
    rates = {}
    for name, stats in runs.items():
        rates[name] = stats["pages"] / stats["elapsed"]
        print(f"{name:<24} {stats['pages']:>5} pages {stats['items'] or 0:>6} items {stats['elapsed']:>7.2f} s {rates[name]:>8.1f} pages/s")
    a = rates["a: items dropped"]
    print(f"time ratios: b/a = {a / rates['b: fresh archive']:.2f}   c/a = {a / rates['c: same archive again']:.2f}   d/a = {a / rates['d: again, conditional']:.2f}")


if __name__ == "__main__":
    main()
