"""Where the parse worker's CPU goes in a crawl, beside the parse alone measured in the same rounds.

    .venv/bin/python benchmarks/worker_parts.py [--pages 2000] [--listings 200] [--rounds 3]

Each round crawls benchmarks/crawl.py's site into a fresh archive (its crawl (b)) in a fresh process whose parse
worker runs `probed_worker_main`: crawler.parse_worker's own loop, with the CPU time spent in the parse and in the
collector counted, and the worker's CPU read before its loop (its start-up: the forkserver's fork, the imports) and
after it. Then, in a fresh process, the parse alone (`parse_page`, as the worker runs it, the worker's collector
setting) of as many benchmark pages it never parsed, after 100 to warm it. Prints CPU ms a page of each part: the
worker's start-up, parse and the rest of its loop (reading and writing its pipes, pickling), the crawl process,
and the rest (the forkserver, multiprocessing's resource tracker, the crawl process's exit); and how often a page
the crawl process and the worker blocked (voluntary context switches: each wake-up costs, most on an idle machine).

Both parses run on a machine as loaded as the crawl leaves it: compare them with each other, not with a parse timed
on an idle machine (docs/benchmarks.md, fourteenth pass).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.crawl import FAST, byte_compiled, make_site, one_crawl  # noqa: E402
from crawler.site_server import SiteServer  # noqa: E402

PARTS_FILE = "WORKER_PARTS_FILE"  # where a probed worker writes its figures (an environment variable)
WARM = 100


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def probed_worker_main(requests, answers) -> None:
    """The parse worker's loop (crawler.parse_worker._worker_main), its parse and collector timed."""
    from crawler import parse_worker

    start_up = _cpu()
    parse, pages, collector, collecting = [0.0], [0], [0.0], [0.0]
    parse_in_worker = parse_worker._parse_in_worker

    def timed_parse(*args):
        begun = time.process_time()
        try:
            return parse_in_worker(*args)
        finally:
            parse[0] += time.process_time() - begun
            pages[0] += 1

    def timed_collection(phase, info):
        if phase == "start":
            collecting[0] = time.process_time()
        else:
            collector[0] += time.process_time() - collecting[0]

    parse_worker._parse_in_worker = timed_parse
    gc.callbacks.append(timed_collection)
    parse_worker._worker_main(requests, answers)
    figures = {"start_up": start_up, "total": _cpu(), "parse": parse[0], "pages": pages[0], "collector": collector[0]}
    figures["waits"] = resource.getrusage(resource.RUSAGE_SELF).ru_nvcsw  # times it blocked: mostly for a page
    with open(os.environ[PARTS_FILE], "a", encoding="utf-8") as out:
        out.write(json.dumps(figures) + "\n")


def parse_alone(pages: int) -> float:
    """CPU ms a page of `parse_page` over `pages` benchmark pages never parsed before, after WARM others."""
    from benchmarks.parse_alone import bench_pages
    from crawler.extract.profiles import get_profile
    from crawler.gc_threshold import collect_less_often
    from crawler.parse_worker import parse_page

    collect_less_often()  # as the worker does
    every = bench_pages(pages + WARM)
    profile = get_profile("ilo")
    for url, listing, text in every[:WARM]:
        parse_page(text, url, listing, profile)
    begun = time.process_time()
    for url, listing, text in every[WARM:]:
        parse_page(text, url, listing, profile)
    return (time.process_time() - begun) / pages * 1000


def one_round(urls: list[str], tmp: str, n: int, pages: int) -> dict[str, float]:
    parts_file = os.path.join(tmp, f"parts-{n}.jsonl")
    os.environ[PARTS_FILE] = parts_file
    prelude = "import crawler.parse_pool as p, benchmarks.worker_parts as w; p._worker_main = w.probed_worker_main; "
    stats = one_crawl(urls, "b", os.path.join(tmp, f"parts-{n}.db"), FAST, prelude=prelude)
    workers = [json.loads(line) for line in Path(parts_file).read_text().splitlines()]
    crawled = stats["pages"]
    ms = 1000 / crawled  # CPU seconds of the whole crawl -> ms a page
    alone = subprocess.run(
        [sys.executable, __file__, "--alone", str(pages)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    worker_total = sum(w["total"] for w in workers)
    return {
        "all": stats["cpu"] * ms,
        "crawl process": stats["cpu_self"] * ms,
        "worker": worker_total * ms,
        "start-up": sum(w["start_up"] for w in workers) * ms,
        "parse": sum(w["parse"] for w in workers) * ms,
        "rest": sum(w["total"] - w["start_up"] - w["parse"] for w in workers) * ms,
        "collector": sum(w["collector"] for w in workers) * ms,
        "others": (stats["cpu"] - stats["cpu_self"] - worker_total) * ms,
        "parsed in the worker": sum(w["pages"] for w in workers),
        "pages": crawled,
        "parse alone": float(alone.stdout.split()[-1]),
        "crawl process waits": stats["waits"] / crawled,
        "worker waits": sum(w["waits"] for w in workers) / crawled,
    }


def report(rounds: list[dict[str, float]]) -> None:
    median = {name: statistics.median(r[name] for r in rounds) for name in rounds[0]}
    print(
        f"CPU ms a page of a crawl into a fresh archive, {int(median['pages'])} pages "
        f"({int(median['parsed in the worker'])} parsed in the worker), median of {len(rounds)} rounds:"
    )
    print(f"  every process         {median['all']:.2f}")
    print(f"  the crawl process     {median['crawl process']:.2f}")
    print(
        f"  the parse worker      {median['worker']:.2f}: start-up {median['start-up']:.2f}, "
        f"parse {median['parse']:.2f}, the rest of its loop {median['rest']:.2f} "
        f"(the collector {median['collector']:.2f} of the parse and the rest)"
    )
    print(f"  the other processes   {median['others']:.2f} (forkserver, resource tracker, the crawl process's exit)")
    spread = ", ".join(f"{r['parse alone']:.2f}" for r in rounds)
    print(f"the parse alone, one process, the same rounds: {median['parse alone']:.2f} ({spread})")
    print(
        f"times a process blocked (waited for the network, a page, an answer), a page: the crawl process "
        f"{median['crawl process waits']:.2f}, the worker {median['worker waits']:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--listings", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--alone", type=int, metavar="N", help=argparse.SUPPRESS)  # one round's parse alone
    args = parser.parse_args()
    if args.alone:
        print(f"{parse_alone(args.alone):.4f}")
        return
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        site_root = Path(tmp) / "site"
        first_pages = make_site(site_root, args.pages, args.listings)
        byte_compiled(ROOT)
        with SiteServer(site_root) as site:
            urls = [site.base_url + p for p in first_pages]
            rounds = []
            for n in range(args.rounds):
                rounds.append(one_round(urls, tmp, n, args.pages))
                print(f"  round {n + 1}: " + ", ".join(f"{k} {v:.2f}" for k, v in rounds[-1].items()), file=sys.stderr)
    report(rounds)
    load = " ".join(f"{x:.2f}" for x in load_before) + ", after " + " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average (1, 5, 15 min): before {load} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
