"""`make bench`'s crawl benchmark runs end to end: many listings, wall and CPU ratios, the load."""

import re
import subprocess
import sys

from conftest import ROOT


def test_the_crawl_benchmark_compares_wall_and_cpu_on_many_listings(tmp_path):
    result = subprocess.run(
        [sys.executable, "benchmarks/crawl.py", "--pages", "24", "--listings", "4", "--rounds", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    # The bare spider follows next links only and still reaches every page the project does.
    assert re.search(r"^\(a\) bare Scrapy spider, items dropped\s+24 pages\s+240 items", out, re.M), out
    assert re.search(r"^\(b\) project, fresh archive\s+24 pages\s+240 items", out, re.M), out
    for run in "bcd":
        assert re.search(rf"^{run}/a: wall \d+\.\d\d   CPU \d+\.\d\d$", out, re.M), run
    assert re.search(r"^load average \(1, 5, 15 min\): before [\d. ]+, after [\d. ]+ on \d+ cores$", out, re.M)
    assert re.search(r"^byte-compiled first$", out, re.M), out


def test_the_crawl_benchmark_measures_the_project_byte_compiled_as_installed(tmp_path):
    """Scrapy and every installed package come byte-compiled; under PYTHONDONTWRITEBYTECODE the project's modules
    were compiled from source in every crawl process and parse worker (about 0.1 ms a page of the crawl)."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.crawl import byte_compiled

    for package in ("crawler", "crawler/extract", "archive"):
        (tmp_path / package).mkdir()
        (tmp_path / package / "mod.py").write_text("X = 1\n")
    (tmp_path / "elsewhere.py").write_text("Y = 2\n")
    byte_compiled(tmp_path)
    compiled = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.pyc"))
    assert [c.split(".")[0] for c in compiled] == [
        "archive/__pycache__/mod",
        "crawler/__pycache__/mod",
        "crawler/extract/__pycache__/mod",
    ]
