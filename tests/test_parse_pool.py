"""Pages parsed in a worker process (crawler/parse_pool.py): the same archive as
in-process, no process left behind by a killed crawl, and a dead worker costs nothing."""

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import ROOT, q, wait_for
from helpers import ALL, PAGES, page_html, write_site

from crawler.extract.profiles import ProfileError
from crawler.parse_pool import ParsePool, parse_page
from crawler.site_server import SiteServer

FIELDS_SQL = "SELECT entry_id, url, title, date_start, description, organisers FROM entries ORDER BY entry_id"
FAST = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "LOG_LEVEL": "WARNING", "CONDITIONAL_REQUESTS": False}


@pytest.fixture
def site(tmp_path):
    write_site(tmp_path / "site")
    with SiteServer(tmp_path / "site") as server:
        server.url = server.base_url + "/list/page-1.html"
        yield server


def crawl_process(db, url: str, settings: dict) -> subprocess.Popen:
    code = (
        "import json; from crawler.run import run_crawl; "
        f"r = run_crawl('listing', {str(db)!r}, [{url!r}], None, {settings!r}); "
        "print(json.dumps({'status': r['status'], 'pooled': r['stats'].get('parse_pool/pages', 0)}))"
    )
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)


def run(db, url: str, **settings) -> dict:
    proc = crawl_process(db, url, {**FAST, **settings})
    out, _ = proc.communicate(timeout=180)
    assert proc.returncode == 0, out
    return json.loads(out.strip().splitlines()[-1])


def rows(db) -> list:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return conn.execute(FIELDS_SQL).fetchall()
    finally:
        conn.close()


def test_a_pooled_crawl_archives_what_an_in_process_crawl_does(tmp_path, site):
    pooled = run(tmp_path / "pool.db", site.url, PARSE_PROCESS_AFTER=0)
    alone = run(tmp_path / "alone.db", site.url, PARSE_PROCESSES=0)
    assert pooled["status"] == alone["status"] == "complete"
    assert pooled["pooled"] == PAGES
    assert alone["pooled"] == 0
    assert len(rows(tmp_path / "alone.db")) == ALL
    assert rows(tmp_path / "pool.db") == rows(tmp_path / "alone.db")


def test_a_small_crawl_starts_no_worker(tmp_path, site):
    assert run(tmp_path / "a.db", site.url, PARSE_PROCESS_AFTER=PAGES + 1)["pooled"] == 0


def _descendants(pid: int) -> set[int]:
    """Every process below `pid` (Linux /proc), the pool's forkserver and workers among them."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


LINUX = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="skipped: needs Linux /proc")


@LINUX
def test_a_crawl_killed_with_sigkill_leaves_no_worker_behind(tmp_path, site):
    reached, release = threading.Event(), threading.Event()
    site.faults["/list/page-8.html"] = lambda h: (reached.set(), release.wait(60), False)[2]
    proc = crawl_process(tmp_path / "k.db", site.url, {**FAST, "PARSE_PROCESS_AFTER": 0})
    try:
        assert reached.wait(120), "the crawl never reached page 8"
        wait_for(lambda: len(_descendants(proc.pid)) >= 2)  # the forkserver and its worker
        pool = _descendants(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        wait_for(lambda: not any(_alive(p) for p in pool), seconds=30)
    finally:
        release.set()
        if proc.poll() is None:
            proc.kill()


HTML = page_html(3)
URL = "https://example.org/list/page-3.html"


def test_a_dead_worker_leaves_the_pages_to_the_crawl_process():
    pool = ParsePool(processes=1, after=0)
    pool.start_if_due(0)

    async def parse():
        return await pool.parse(HTML, URL, URL, None, None)

    try:
        assert asyncio.run(parse()) == parse_page(HTML, URL, URL, None)
        for worker in list(pool._workers):
            os.kill(worker.process.pid, signal.SIGKILL)
        assert asyncio.run(parse()) == parse_page(HTML, URL, URL, None)
        assert not pool.active
        assert asyncio.run(parse()).entries  # and so on, in-process
    finally:
        pool.close()


def test_a_worker_starts_without_the_pools_own_imports():
    """A worker process imports what its target's module imports (the forkserver unpickles the target by name): the
    pool's module imports asyncio for the crawl's event loop, which a worker never runs (docs/benchmarks.md, eleventh
    pass)."""
    import pickle

    from crawler import parse_pool

    target = pickle.dumps(parse_pool._worker_main)
    code = "import pickle, sys; pickle.loads(sys.stdin.buffer.read()); "
    code += "print(sorted({'asyncio', 'crawler.entries'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], input=target, capture_output=True, cwd=ROOT, check=True)
    assert out.stdout.decode().strip() == "['crawler.entries']"


def _pages_in_flight(pool, pages: list[str]) -> list:
    """Every page sent before any answer is read, as a crawl's concurrent requests send them."""

    async def parse_all():
        return await asyncio.gather(*(pool.parse(text, URL, URL, None, None) for text in pages))

    return asyncio.run(parse_all())


def test_pages_in_flight_come_back_each_to_its_own_caller():
    """Twelve pages at once, one of them larger than a pipe holds (it waits for the worker to read)."""
    pages = [page_html(n) for n in range(1, PAGES + 1)] + [page_html(2, pad="y" * 3_000_000), page_html(4)]
    pool = ParsePool(processes=1, after=0)
    pool.start_if_due(0)
    try:
        assert _pages_in_flight(pool, pages) == [parse_page(text, URL, URL, None) for text in pages]
        assert pool.active
    finally:
        pool.close(wait=True)


def test_a_worker_killed_with_pages_in_flight_leaves_each_of_them_to_the_crawl_process():
    pages = [page_html(n, pad="z" * 200_000) for n in range(1, PAGES + 1)]  # slow enough to be killed mid-way
    pool = ParsePool(processes=1, after=0)
    pool.start_if_due(0)
    process = pool._workers[0].process

    async def parse_all_then_kill():
        parses = [asyncio.ensure_future(pool.parse(text, URL, URL, None, None)) for text in pages]
        await asyncio.sleep(0)  # every page sent
        os.kill(process.pid, signal.SIGKILL)
        return await asyncio.gather(*parses)

    try:
        assert asyncio.run(parse_all_then_kill()) == [parse_page(text, URL, URL, None) for text in pages]
        assert not pool.active
        process.join(30)
        assert not process.is_alive()
    finally:
        pool.close()


def test_an_error_in_the_worker_reaches_the_spider_as_it_would_in_process():
    pool = ParsePool(processes=1, after=0)
    pool.start_if_due(0)
    try:
        with pytest.raises(ProfileError) as raised:
            asyncio.run(pool.parse(HTML, URL, URL, "no-such-profile", None))
        assert "get_profile" in str(raised.value.__cause__)  # where in the worker it failed
        assert pool.active  # one page's error is not a dead worker
    finally:
        pool.close()


@LINUX
def test_ctrl_c_stops_a_pooled_crawl_as_it_stops_any_crawl(tmp_path, site):
    """Ctrl-C reaches the whole process group: the worker leaves the stopping to the crawl."""
    reached, release = threading.Event(), threading.Event()
    site.faults["/list/page-8.html"] = lambda h: (reached.set(), release.wait(60), False)[2]
    args = [sys.executable, "-m", "archive.cli", "crawl", "listing", "--db", tmp_path / "c.db", "--start-url", site.url]
    args += ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "PARSE_PROCESS_AFTER=0"]
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        assert reached.wait(120), "the crawl never reached page 8"
        wait_for(lambda: len(_descendants(proc.pid)) >= 2)
        os.killpg(proc.pid, signal.SIGINT)
        release.set()
        out, err = proc.communicate(timeout=120)
    finally:
        release.set()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 3, err.decode()[-2000:]
    assert b"PARTIAL" in out
    assert b"worker died" not in err and b"Traceback" not in err


def test_a_script_without_a_main_guard_is_not_run_again_by_the_worker(tmp_path, site):
    """multiprocessing re-imports the main script in new processes; the pool hides it, so
    an unguarded script that calls run_crawl() makes one crawl, not one more per worker."""
    script = tmp_path / "unguarded.py"
    script.write_text(
        "from crawler.run import run_crawl\n"
        f"r = run_crawl('listing', {str(tmp_path / 'u.db')!r}, [{site.url!r}], None, "
        f"{ {**FAST, 'PARSE_PROCESS_AFTER': 0}!r})\n"
        "print('RESULT', r['status'], r['stats'].get('parse_pool/pages'))\n"
    )
    out = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert [line for line in out.stdout.splitlines() if line.startswith("RESULT")] == [f"RESULT complete {PAGES}"]
    assert rows(tmp_path / "u.db") and q(tmp_path / "u.db", "SELECT count(*) FROM crawls") == 1


def test_a_machine_that_cannot_start_a_worker_parses_in_process(monkeypatch):
    """No /dev/shm (some containers) or a process limit: the crawl parses pages itself."""
    import crawler.parse_pool as parse_pool

    def refuse(*args, **kwargs):
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(parse_pool._Worker, "__init__", refuse)
    pool = ParsePool(processes=1, after=0)
    pool.start_if_due(0)
    assert not pool.active
    assert asyncio.run(pool.parse(HTML, URL, URL, None, None)) == parse_page(HTML, URL, URL, None)
    pool.start_if_due(100)  # and it does not try again for every page
    assert not pool.active


def test_hostile_huge_and_empty_pages_come_out_of_the_worker_as_they_do_in_process(tmp_path):
    """Control characters, escapes and markup in titles, a 4 MB page and an empty page mid-listing:
    the worker's archive and verdict are the in-process crawl's."""
    root = tmp_path / "site"
    write_site(root)
    hostile = (
        '<article><h2><a href="/item/x.html">\x1b[31mRed\x1b[0m \u202eevil\u202c <b>bold</b> &lt;script&gt;'
        "\x00\x07 title</a></h2><p>Text \x85with\u2028controls.</p></article>"
    )
    (root / "list" / "page-3.html").write_text(page_html(3, hostile=hostile))
    (root / "list" / "page-5.html").write_text(page_html(5, pad="x" * 4_000_000))
    (root / "list" / "page-9.html").write_text("")
    with SiteServer(root) as server:
        url = server.base_url + "/list/page-1.html"
        pooled = run(tmp_path / "pool.db", url, PARSE_PROCESS_AFTER=0)
        alone = run(tmp_path / "alone.db", url, PARSE_PROCESSES=0)
    assert pooled["status"] == alone["status"] == "partial"  # the empty page: nothing it did not list is removed
    assert pooled["pooled"] > 0
    titles = rows(tmp_path / "alone.db")
    assert titles == rows(tmp_path / "pool.db")
    assert not any(c in str(r) for r in titles for c in ("\x1b", "\x00", "\x07", "\u202e", "<b>"))


def test_a_library_caller_gets_its_own_ctrl_c_and_sigterm_back_after_a_crawl(tmp_path, site):
    """run_crawl() left Ctrl-C ignored for good once the crawl closed (what the CLI wants while it prints its
    summary): a script that crawled, then went on working, could no longer be stopped with Ctrl-C."""
    code = (
        "import signal; from crawler.run import run_crawl\n"
        "def mine(signum, frame): pass\n"
        "signal.signal(signal.SIGINT, mine)\n"
        "def my_term(signum, frame): pass\n"
        "signal.signal(signal.SIGTERM, my_term)\n"
        f"r = run_crawl('listing', {str(tmp_path / 'c.db')!r}, [{site.url!r}], None, {FAST!r})\n"
        "print(r['status'], signal.getsignal(signal.SIGINT) is mine, signal.getsignal(signal.SIGTERM) is my_term)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=180).stdout
    # SIGTERM too: Scrapy's handler stayed, and a later SIGTERM to the script reached a stopped reactor, unheard
    assert out.split()[-3:] == ["complete", "True", "True"], out


def test_a_worker_that_stops_answering_is_given_up_and_its_pages_parsed_here():
    """A stopped worker (SIGSTOP, or a parse that never ends) kept the pages sent to it for ever: the crawl hung,
    and Ctrl-C could not end it. After PARSE_ANSWER_TIMEOUT its pages, and every later one, are parsed here."""
    pages = [page_html(n) for n in range(1, 4)]
    pool = ParsePool(processes=1, after=0, answer_timeout=2)
    pool.start_if_due(0)
    process = pool._workers[0].process
    os.kill(process.pid, signal.SIGSTOP)
    try:
        assert _pages_in_flight(pool, pages) == [parse_page(text, URL, URL, None) for text in pages]
        assert not pool.active
        process.join(30)  # killed, not left stopped
        assert not process.is_alive()
    finally:
        pool.close()
