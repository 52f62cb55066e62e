"""`make bench`'s archive benchmark runs end to end and prints every figure docs/benchmarks.md's table shows."""

import re
import subprocess
import sys

from conftest import ROOT


def test_the_archive_benchmark_prints_each_figure_and_where_the_bytes_are(tmp_path):
    result = subprocess.run(
        [sys.executable, "benchmarks/archive.py", "--entries", "1500", "--db", str(tmp_path / "b.db")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    for label in (
        "record a crawl of 10,000 entries",
        "diff of that crawl",
        "history of one entry",
        "search 'migrant workers' (50 best)",
        "export --as-of 2021-06-01 (all rows)",
    ):
        assert re.search(re.escape(label) + r".*\s\d+\.\d ms$", out, re.M), label
    assert "as-of export returned 1,500 entries" in out
    assert re.search(r"ratio \d+\.\d\d\n", out) and re.search(r"^  entry_versions\s+[\d.]+ MB", out, re.M)
    assert re.search(r"after compact \(\d+ s\) [\d,]+ MB; ratio \d+\.\d\d", out)
