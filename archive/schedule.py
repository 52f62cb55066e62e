"""`listing-archive schedule`: crawls on an interval with jitter, stopping cleanly on a signal."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
from datetime import datetime, timedelta


def run_schedule(crawl_argv: list[str], every: float, jitter: float) -> int:
    stop = threading.Event()
    child: list[subprocess.Popen] = []

    def on_signal(signum, frame):
        stop.set()
        for proc in child:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)  # Scrapy stops gracefully: the crawl ends partial

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    while not stop.is_set():
        proc = subprocess.Popen([sys.executable, "-m", "archive.cli", "crawl", *crawl_argv])
        child[:] = [proc]
        code = proc.wait()
        child.clear()
        if stop.is_set():
            break
        pause = every * (1 + random.uniform(-jitter, jitter))
        print(f"crawl exited {code}; next crawl at {datetime.now() + timedelta(seconds=pause):%Y-%m-%d %H:%M:%S}", flush=True)
        stop.wait(pause)
    print("schedule stopped", flush=True)
    return 0
