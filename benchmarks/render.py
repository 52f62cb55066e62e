"""What a rendered listing page costs beside a plain fetch (docs/rendering.md).

Serves tests/rendered_site.py's pages on 127.0.0.1, PAGES copies of each, and crawls them
into a fresh archive, one crawl per process, unthrottled:

  plain   the list as plain HTML, fetched by Scrapy
  script  the list built by an inline script, rendered in Chromium (--render)
  fetch   the list built from fetch('/data.json'), rendered (waits for the network to go idle)
  fetch-304  the same pages crawled again unchanged into the archive of a first (untimed) rendered
          crawl: each page and its data.json revalidated with conditional GETs, all 304s, no browser

Each mode is crawled with 1 page and with PAGES pages: the difference over PAGES-1 is the
cost of one more page, the 1-page crawl the fixed cost (Python, Scrapy, the browser's start).
Wall and CPU time (the crawl and every process under it) are the medians of --rounds; memory
is the peak proportional set size of the browser's processes (Chromium and Playwright's driver),
sampled every 50 ms; the load average is printed before and after, as the machine is shared.

    .venv/bin/python benchmarks/render.py [--pages 20] [--rounds 3] [--concurrency 2]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from rendered_site import build_site  # noqa: E402

from crawler.site_server import SiteServer  # noqa: E402

MODES = {"plain": False, "script": True, "fetch": True, "fetch-304": True}
# A mode read again from the archive its first crawl made: revalidated, not rendered.
AGAIN = "-304"
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=WARNING"]
FAST += ["-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "-s", "FEED_WITNESS=False", "-s", "PARSE_PROCESSES=0"]


def copies(root: Path, pages: int) -> None:
    """PAGES copies of each page, so one crawl reads many listings of the same kind."""
    folder = root / "week1"
    for mode in (m for m in MODES if not m.endswith(AGAIN)):
        for n in range(pages):
            shutil.copy(folder / f"{mode}.htm", folder / f"{mode}-{n}.htm")


class PeakMemory(threading.Thread):
    """The peak summed proportional set size (MB: shared pages split among the processes that share
    them) of the browser's processes: Chromium's and Playwright's driver, found by `marker` in
    their environment, which they inherit from the crawl."""

    def __init__(self, marker: str):
        super().__init__(daemon=True)
        self.marker, self.peak, self.done = f"RENDER_BENCH={marker}".encode(), 0.0, threading.Event()

    def run(self):
        while not self.done.wait(0.05):
            self.peak = max(self.peak, self._now())

    def _now(self) -> float:
        total = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                cmdline = (entry / "cmdline").read_bytes()
                if b"archive.cli" in cmdline or not (b"chromium" in cmdline or b"playwright" in cmdline):
                    continue
                if self.marker not in (entry / "environ").read_bytes():
                    continue
                rollup = (entry / "smaps_rollup").read_text().splitlines()
                pss = next(line for line in rollup if line.startswith("Pss:"))
            except (OSError, StopIteration):
                continue
            total += int(pss.split()[1])
        return total / 1024


def crawl(base_url: str, mode: str, pages: int, concurrency: int, temp: Path) -> dict:
    db = temp / f"{mode}-{pages}-{time.monotonic_ns()}.db"
    page = mode.removesuffix(AGAIN)
    urls = [x for n in range(pages) for x in ("--start-url", f"{base_url}/{page}-{n}.htm")]
    args = [sys.executable, "-m", "archive.cli", "crawl", "listing", "--db", str(db), *urls, *FAST]
    args += ["-s", f"RENDER_CONCURRENCY={concurrency}", "--log-dir", str(temp / "logs")]
    if MODES[mode]:
        args.append("--render")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temp), "RENDER_BENCH": str(temp)}
    if mode.endswith(AGAIN):  # the archive the next crawl revalidates against
        subprocess.run(args, capture_output=True, env=env, cwd=str(ROOT), check=True)
    memory = PeakMemory(str(temp))
    memory.start()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=str(ROOT), check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    memory.done.set()
    memory.join()
    if done.returncode != 0:
        raise SystemExit(f"{mode} crawl failed ({done.returncode}):\n{done.stdout}\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "memory": memory.peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=2, help="RENDER_CONCURRENCY")
    options = parser.parse_args()
    temp = Path(tempfile.mkdtemp(prefix="lr-"))  # short: Chromium's socket path has a length limit
    root = build_site(temp / "site")
    copies(root, options.pages)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")
    results: dict[tuple, list] = {}
    with SiteServer(root, state="week1") as site:
        for _ in range(options.rounds):
            for mode in MODES:
                for pages in (1, options.pages):
                    results.setdefault((mode, pages), []).append(
                        crawl(site.base_url, mode, pages, options.concurrency, temp)
                    )
    print(f"load average after:  {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    report(results, options)
    shutil.rmtree(temp, ignore_errors=True)


def report(results: dict, options) -> None:
    n = options.pages
    print(f"median of {options.rounds} rounds; {n} pages a crawl; RENDER_CONCURRENCY={options.concurrency}")
    print(f"{'mode':<9} {'1 page: wall':>12} {'cpu':>6} {'a page more: wall':>18} {'cpu':>6} {'peak browser MB':>16}")
    for mode in MODES:
        one, many = results[(mode, 1)], results[(mode, n)]
        med = {k: statistics.median(r[k] for r in one) for k in ("wall", "cpu")}
        big = {k: statistics.median(r[k] for r in many) for k in ("wall", "cpu", "memory")}
        per = {k: (big[k] - med[k]) / (n - 1) for k in ("wall", "cpu")}
        memory = f"{big['memory']:.0f}" if MODES[mode] else "-"
        print(
            f"{mode:<9} {med['wall']:>11.2f}s {med['cpu']:>5.2f}s {per['wall']:>17.3f}s {per['cpu']:>5.3f}s "
            f"{memory:>16}"
        )


if __name__ == "__main__":
    main()
