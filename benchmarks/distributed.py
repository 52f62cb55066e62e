"""A crawl shared by workers through a Redis frontier, next to a crawl in one process.

Starts its own redis-server on a free port of 127.0.0.1 and serves generated ILO-style
listings (benchmarks/crawl.py's pages) from SiteServers on loopback addresses
127.0.0.2, 127.0.0.3, ...: each address is one host to politeness.

  one host:   one listing, a per-host delay of --delay seconds. Politeness is the limit:
              more workers must not fetch it faster (the delay is shared).
  many hosts: --hosts listings, one per host, the same delay: politeness is still the limit,
              and pages handed out per host keep every host busy.
  the same with a delay of 0.02s: the machine is the limit; workers add parsing in
              parallel up to its cores (the coordinator and Redis share them here).

For each: a crawl in one process (`crawl`), then a coordinator (`crawl --frontier
--workers 0`) with 1, 2 and 4 separate `worker` processes. Prints pages/s (wall time from
the command's start to its exit, process start-up included), the coordinator's CPU
time per page, and the Redis memory a million queued pages take.

    .venv/bin/python benchmarks/distributed.py [--pages 60] [--hosts 8] [--delay 0.5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.crawl import make_site  # noqa: E402
from crawler.distributed.frontier import Frontier, FrontierError  # noqa: E402
from crawler.site_server import SiteServer, _Handler  # noqa: E402


class HostServer(SiteServer):
    """A SiteServer on another loopback address: another host for politeness."""

    def __init__(self, root: Path, address: str):
        ThreadingHTTPServer.__init__(self, (address, 0), _Handler)
        self.root, self.state, self.base = Path(root), None, None
        self.faults, self.requests, self._thread = {}, [], None

    @property
    def base_url(self) -> str:
        return f"http://{self.server_address[0]}:{self.server_address[1]}"


def start_redis(folder: str) -> tuple[subprocess.Popen, str]:
    exe = shutil.which("redis-server")
    if not exe:
        raise SystemExit("redis-server not installed (apt-get install redis-server)")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 30
    while True:
        try:
            Frontier(url).ping()
            return proc, url
        except FrontierError:
            if time.monotonic() > deadline:
                raise SystemExit("redis-server did not start") from None
            time.sleep(0.05)


def settings(delay: float) -> list[str]:
    pairs = {
        "DOWNLOAD_DELAY": delay,
        "AUTOTHROTTLE_ENABLED": False,
        "ROBOTSTXT_OBEY": False,
        "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 2,
        "RANDOMIZE_DOWNLOAD_DELAY": False,
        "LOG_LEVEL": "WARNING",
    }
    return [arg for name, value in pairs.items() for arg in ("-s", f"{name}={value}")]


def cli(*args) -> list[str]:
    return [sys.executable, "-m", "archive.cli", *map(str, args)]


def pages_in(db: str) -> tuple[int, float]:
    """(pages of the last crawl, seconds from its first page fetched to its last)."""
    with sqlite3.connect(db) as conn:
        crawl, pages = conn.execute("SELECT id, pages FROM crawls ORDER BY id DESC LIMIT 1").fetchone()
        span = conn.execute(
            "SELECT (julianday(max(fetched_at)) - julianday(min(fetched_at))) * 86400 FROM captures WHERE crawl_id=?",
            (crawl,),
        ).fetchone()[0]
    return pages, span or 0.0


def one_process(db: str, urls: list[str], delay: float) -> dict:
    start = time.perf_counter()
    starts = [arg for url in urls for arg in ("--start-url", url)]
    subprocess.run(
        cli("crawl", "ilo", "--db", db, *starts, *settings(delay)), cwd=ROOT, check=True, capture_output=True
    )
    seconds = time.perf_counter() - start
    pages, span = pages_in(db)
    return {"seconds": seconds, "pages": pages, "span": span, "cpu": None}


def distributed(db: str, urls: list[str], delay: float, workers: int, frontier: str) -> dict:
    starts = [arg for url in urls for arg in ("--start-url", url)]
    start = time.perf_counter()
    coord = subprocess.Popen(
        cli("crawl", "ilo", "--db", db, *starts, *settings(delay), "--frontier", frontier, "--workers", 0),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    procs = [
        subprocess.Popen(
            cli("worker", "--frontier", frontier, "--idle-timeout", 30),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(workers)
    ]
    _, status, usage = os.wait4(coord.pid, 0)
    seconds = time.perf_counter() - start
    coord.returncode = os.waitstatus_to_exitcode(status)
    for proc in procs:
        proc.wait(timeout=60)
    if coord.returncode not in (0,):
        raise SystemExit(f"the distributed crawl exited {coord.returncode}")
    pages, span = pages_in(db)
    return {"seconds": seconds, "pages": pages, "span": span, "cpu": usage.ru_utime + usage.ru_stime}


def scenario(name: str, urls: list[str], delay: float, frontier: str, tmp: str) -> list[tuple]:
    rows = []
    result = one_process(os.path.join(tmp, f"{name}-single.db"), urls, delay)
    rows.append((name, "one process", result))
    print(f"  {name}: one process {result}", file=sys.stderr)
    for workers in (1, 2, 4):
        result = distributed(os.path.join(tmp, f"{name}-{workers}.db"), urls, delay, workers, frontier)
        rows.append((name, f"{workers} worker(s)", result))
        print(f"  {name}: {workers} worker(s) {result}", file=sys.stderr)
    return rows


def queue_memory(frontier_url: str, count: int = 200_000) -> float:
    """Bytes of Redis memory per queued page: its message in the queue and its key in the set of
    pages asked for (MEMORY USAGE of both, every element counted). In database 15 of the
    benchmark's Redis, at a port no crawl uses: no worker ever takes these pages."""
    frontier = Frontier(frontier_url.rsplit("/", 1)[0] + "/15")
    listing = "http://127.0.0.1:9/resources/publications/lang--en/index.htm"
    frontier.open_crawl({"spider": "ilo", "start_urls": [listing], "max_pages": 0}, {})
    batch = 1000
    for first in range(0, count, batch):
        links = [(f"{listing[:-9]}nextRow--{(first + n) * 10}/index.htm", first + n) for n in range(batch)]
        frontier.commit([listing], listing, None, None, 0, 0, [], links, 0)
    queued = frontier.redis.llen(frontier.key("q:127.0.0.1"))
    used = sum(frontier.redis.memory_usage(frontier.key(k), samples=0) for k in ("q:127.0.0.1", "seen"))
    frontier.close_crawl()
    return used / queued


def report(rows: list[tuple], per_page: float, args) -> None:
    print(
        f"\nDistributed crawl: {args.pages} pages a listing, per-host delay {args.delay}s, {os.cpu_count()} cores.\n"
        "wall: from the command's start to its exit (process start-up included); crawling: from the first\n"
        "page fetched to the last (captures' fetched_at, to the second); coordinator CPU includes its start-up.\n"
    )
    print("| scenario | run | pages | wall s | pages/s (wall) | pages/s (crawling) | coordinator CPU ms/page |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, run, r in rows:
        cpu = f"{1000 * r['cpu'] / r['pages']:.1f}" if r["cpu"] is not None else "-"
        steady = f"{(r['pages'] - 1) / r['span']:.1f}" if r["span"] else "-"
        wall = f"{r['seconds']:.1f} | {r['pages'] / r['seconds']:.1f}"
        print(f"| {name} | {run} | {r['pages']} | {wall} | {steady} | {cpu} |")
    runs = {(name, run): r for name, run, r in rows}
    one, wide = rows[1][0], rows[5][0]
    for workers in ("1 worker(s)", "2 worker(s)", "4 worker(s)"):
        a, b = runs[(one, workers)], runs[(wide, workers)]
        cpu_ms = 1000 * (b["cpu"] - a["cpu"]) / (b["pages"] - a["pages"])
        print(f"\nCoordinator CPU per page, start-up left out ({wide} less {one}, {workers}): {cpu_ms:.2f} ms")
    print(f"\nRedis memory per queued page: {per_page:.0f} bytes, {per_page * 1e6 / 2**20:.0f} MiB per million")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=60, help="pages a listing")
    parser.add_argument("--hosts", type=int, default=8, help="hosts in the wide scenario")
    parser.add_argument("--delay", type=float, default=0.5, help="per-host delay (DOWNLOAD_DELAY)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        (first_page,) = make_site(site, args.pages)
        redis_proc, frontier = start_redis(tmp)
        servers = [HostServer(site, f"127.0.0.{n + 2}").start() for n in range(args.hosts)]
        try:
            urls = [server.base_url + first_page for server in servers]
            rows = scenario("one host", urls[:1], args.delay, frontier, tmp)
            rows += scenario(f"{args.hosts} hosts", urls, args.delay, frontier, tmp)
            # The same hosts with a short delay: the machine, not politeness, is the limit.
            rows += scenario(f"{args.hosts} hosts, 0.02s", urls, 0.02, frontier, tmp)
            per_page = queue_memory(frontier)
        finally:
            for server in servers:
                server.stop()
            redis_proc.terminate()
            redis_proc.wait()
    report(rows, per_page, args)


if __name__ == "__main__":
    main()
