"""`benchmarks/worker_parts.py` runs end to end: the parse worker's CPU split into its parts, beside the parse alone
(docs/benchmarks.md, fourteenth pass)."""

import re
import subprocess
import sys

from conftest import ROOT


def test_the_worker_parts_add_up_to_the_workers_cpu_and_the_parse_alone_is_printed_beside_them():
    result = subprocess.run(
        [sys.executable, "benchmarks/worker_parts.py", "--pages", "120", "--listings", "2", "--rounds", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    pages = re.search(r"fresh archive, (\d+) pages \((\d+) parsed in the worker\)", out)
    assert pages, out
    assert int(pages[1]) == 120 and 0 < int(pages[2]) <= 120  # the worker starts after PARSE_PROCESS_AFTER pages
    n = r"([\d.]+)"
    parts = re.search(rf"the parse worker +{n}: start-up {n}, parse {n}, the rest of its loop {n}", out)
    assert parts, out
    worker, start_up, parse, rest = map(float, parts.groups())
    assert parse > 0
    assert abs(worker - (start_up + parse + rest)) <= 0.02  # each figure rounded to 0.01
    assert re.search(r"^the parse alone, one process, the same rounds: \d+\.\d\d \(\d+\.\d\d\)$", out, re.M), out
    waits = re.search(r"blocked .*, a page: the crawl process (\d+\.\d\d), the worker (\d+\.\d\d)$", out, re.M)
    assert waits and float(waits[1]) > 0, out  # a crawl process waits for the network at least once a page or so
