"""The parse pool's round trip alone: the crawl process's CPU a page for handing pages to the parse
worker and taking its results back, the parse itself being in the worker.

    .venv/bin/python benchmarks/pool_round_trip.py [--pages 2000] [--rounds 3] [--before REV]

Benchmark pages (benchmarks/crawl.py's) go through `ParsePool.parse` 16 at a time on one event loop,
as a crawl's 16 concurrent requests do, after 100 pages that warm the worker. Prints, per round, the CPU
ms a page of the crawl process (every thread: user + system) and of the worker; with --before REV, REV's
crawler/parse_pool.py in the same rounds, alternating.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.parse_alone import bench_pages  # noqa: E402

CONCURRENT = 16
WARM = 100


def pool_module(rev: str | None):
    """This tree's crawler.parse_pool, or REV's loaded beside it (inside the crawler package: its imports hold)."""
    if rev is None:
        import crawler.parse_pool as module

        return module
    source = subprocess.run(
        ["git", "show", f"{rev}:crawler/parse_pool.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    # Inside crawler/ while it runs: the worker imports it by name to find the functions it is sent.
    path = ROOT / "crawler" / "_parse_pool_before.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("crawler._parse_pool_before", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def worker_pids(pool) -> list[int]:
    if hasattr(pool, "_workers"):
        return [worker.process.pid for worker in pool._workers]
    return list(pool._executor._processes)


def process_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100  # utime, stime in clock ticks of 1/100 s


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def parse_all(pool, pages) -> None:
    queue = iter(pages)

    async def one_at_a_time():
        for url, listing, text in queue:
            await pool.parse(text, url, listing, "ilo", None)

    await asyncio.gather(*(one_at_a_time() for _ in range(CONCURRENT)))


def one_round(module, pages) -> tuple[float, float]:
    """(crawl process, worker) CPU ms a page."""
    pool = module.ParsePool(processes=1, after=0)
    pool.start_if_due(0)
    try:
        asyncio.run(parse_all(pool, pages[:WARM]))
        pids = worker_pids(pool)
        before, workers_before = own_cpu(), sum(map(process_cpu, pids))
        asyncio.run(parse_all(pool, pages[WARM:]))
        own, workers = own_cpu() - before, sum(map(process_cpu, pids)) - workers_before
    finally:
        pool.close(wait=True)
    measured = len(pages) - WARM
    return own * 1000 / measured, workers * 1000 / measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--before", metavar="REV")
    args = parser.parse_args()
    pages = bench_pages(args.pages + WARM)
    modules = {"now": pool_module(None)}
    if args.before:
        modules[args.before] = pool_module(args.before)
    figures = {name: [] for name in modules}
    try:
        for _ in range(args.rounds):
            for name, module in modules.items():
                figures[name].append(one_round(module, pages))
    finally:
        (ROOT / "crawler" / "_parse_pool_before.py").unlink(missing_ok=True)
    for name, rounds in figures.items():
        own = statistics.median(r[0] for r in rounds)
        worker = statistics.median(r[1] for r in rounds)
        spread = ", ".join(f"{r[0]:.3f}" for r in rounds)
        print(f"{name:>10}: crawl process {own:.3f} CPU ms a page ({spread}), worker {worker:.3f}")


if __name__ == "__main__":
    main()
