"""Crawls against a local site that misbehaves on purpose. In every case: the archive
passes PRAGMA integrity_check, nothing is falsely removed or blanked, the exit status
and summary say what happened, and the next normal crawl records the truth."""

import http.server
import json
import threading
import time

from conftest import FAST, cli, q
from unattended import PAGE2, crawl_demo, healthy

from archive.store import integrity_ok
from crawler.site_server import DEMO_LISTING_PATH


def test_server_errors_make_a_partial_crawl(db, site):
    site.faults[PAGE2] = lambda h: (h.send_error(503), True)[1]
    result = crawl_demo(db, site, check=3)
    assert "PARTIAL" in result.stdout and "1 failed" in result.stdout
    healthy(db)
    site.faults.clear()
    crawl_demo(db, site, check=0)
    healthy(db)


def test_429_is_retried_after_retry_after(db, site):
    times = []

    def busy_once(handler):
        times.append(time.monotonic())
        if len(times) == 1:
            handler.send_response(429)
            handler.send_header("Retry-After", "1")
            handler.end_headers()
            return True
        return False

    site.faults[PAGE2] = busy_once
    result = crawl_demo(db, site, "-s", "RETRY_TIMES=2", check=0)
    assert "COMPLETE" in result.stdout
    assert len(times) == 2 and times[1] - times[0] >= 0.9  # Retry-After honoured
    healthy(db)


def test_timeout_connection_cut_and_oversized_page(db, site):
    release = threading.Event()
    site.faults[PAGE2] = lambda h: (release.wait(30), True)[1]
    try:
        result = crawl_demo(db, site, "-s", "DOWNLOAD_TIMEOUT=1", "-s", "RETRY_TIMES=0", check=3)
        assert "PARTIAL" in result.stdout
    finally:
        release.set()
    healthy(db)

    def cut(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        handler.wfile.write(b"<html><body><div class='items-list'><h3 class='items-group'>November 2022</h3><ol>")
        handler.wfile.flush()
        handler.connection.shutdown(2)
        return True

    site.faults[PAGE2] = cut
    crawl_demo(db, site, "-s", "RETRY_TIMES=0", check=3)
    healthy(db)

    def huge(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(20 * 1024 * 1024))
        handler.end_headers()
        try:
            for _ in range(20 * 16):
                handler.wfile.write(b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n")
        except OSError:
            pass  # the crawler hung up: what we wanted
        return True

    site.faults[PAGE2] = huge
    result = crawl_demo(db, site, "-s", "RETRY_TIMES=0", check=3)
    assert "PARTIAL" in result.stdout
    healthy(db)
    site.faults.clear()
    crawl_demo(db, site, check=0)
    healthy(db)


def test_empty_listing_served_with_200_is_suspect(db, site):
    empty = b"<html><body><h1>Lao People's Democratic Republic resources</h1><p>No results.</p></body></html>"

    def blank(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        handler.wfile.write(empty)
        return True

    site.faults[DEMO_LISTING_PATH] = blank
    result = crawl_demo(db, site, check=5)
    assert "SUSPECT" in result.stdout and "no entries" in result.stdout
    healthy(db)


def test_markup_change_loses_nothing(db, site):
    # A redesign: other class names, headings of another level, dates in <time>.
    page = site.page_root / DEMO_LISTING_PATH.lstrip("/")
    html = page.read_text()
    for old, new in (
        ('class="items-list"', 'class="results"'),
        ('<h3 class="items-group">', "<h2>"),
        ("</h3>", "</h2>"),
        ('<li class="item">', '<li class="result">'),
        ('<h5 class="item-title">', "<h4>"),
        ("</h5>", "</h4>"),
        ('<p class="item-date">', "<time>"),
        ('<p class="item-abstract">', '<div class="summary">'),
    ):
        html = html.replace(old, new)
    html = html.replace("</time>", "</time>") if "<time>" in html else html
    import re

    html = re.sub(r"<time>([^<]*)</p>", r"<time>\1</time>", html)
    html = re.sub(r'<div class="summary">([^<]*)</p>', r'<div class="summary">\1</div>', html)
    page.write_text(html)
    result = crawl_demo(db, site, check=0)
    assert "new 0, changed 0, removed 0" in result.stdout
    healthy(db)


def test_redirect_to_another_domain_is_not_followed(db, site):
    port = site.server_address[1]

    def away(handler):
        handler.send_response(302)
        handler.send_header("Location", f"http://localhost:{port}{PAGE2}")
        handler.end_headers()
        return True

    site.faults[PAGE2] = away
    result = crawl_demo(db, site, "-s", "RETRY_TIMES=0")
    assert result.returncode == 3 and "PARTIAL" in result.stdout
    assert q(db, "SELECT count(*) FROM captures WHERE url LIKE 'http://localhost%'") == 0
    healthy(db)


def test_wrong_or_missing_charset(tmp_path, site):
    page = site.page_root / DEMO_LISTING_PATH.lstrip("/")
    html = page.read_text().replace(
        "Lao People's Democratic Republic resources", "Ressources — République démocratique populaire lao"
    )
    page.write_bytes(html.replace('<meta charset="utf-8">', "").encode("cp1252", errors="replace"))
    db = tmp_path / "c.db"

    def latin(handler):
        body = page.read_bytes()
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")  # no charset anywhere
        handler.end_headers()
        handler.wfile.write(body)
        return True

    site.faults[DEMO_LISTING_PATH] = latin
    crawl_demo(db, site, check=0)
    assert (
        q(db, "SELECT listing_title FROM entries WHERE entry_id='WCMS_866512'")
        == "Ressources — République démocratique populaire lao"
    )

    def lying(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")  # but the bytes are cp1252
        handler.end_headers()
        handler.wfile.write(page.read_bytes())
        return True

    site.faults[DEMO_LISTING_PATH] = lying
    result = crawl_demo(db, site)
    assert result.returncode in (0, 5) and "Traceback" not in result.stderr
    assert integrity_ok(str(db)) and q(db, "SELECT count(*) FROM entries WHERE status='removed'") == 0


def test_robots_crawl_delay_is_obeyed(tmp_path, site):
    (site.page_root / "robots.txt").write_text("User-agent: *\nCrawl-delay: 1\n")
    times = {}
    for path in (DEMO_LISTING_PATH, PAGE2):
        site.faults[path] = lambda h, p=path: (times.setdefault(p, time.monotonic()), False)[1]
    crawl_demo(tmp_path / "r.db", site, check=0)
    assert times[PAGE2] - times[DEMO_LISTING_PATH] >= 0.9


def test_robots_disallow_is_obeyed(tmp_path, site):
    (site.page_root / "robots.txt").write_text("User-agent: *\nDisallow: /asia/\n")
    result = crawl_demo(tmp_path / "r.db", site)
    assert result.returncode == 4
    assert DEMO_LISTING_PATH not in site.requests


def test_conditional_requests_cost_no_parsing(db, site):
    seen = []
    site.faults[DEMO_LISTING_PATH] = lambda h: (seen.append(h.headers.get("If-None-Match")), False)[1]
    result = cli("crawl", "ilo", "--db", db, "--start-url", site.url, *FAST, check=0)
    assert seen and seen[0]  # the archive's ETag was sent
    assert "entries 14: new 0, changed 0, removed 0" in result.stdout
    assert q(db, "SELECT count(*) FROM captures WHERE status=304") == 2
    healthy(db)


class _Catcher(http.server.BaseHTTPRequestHandler):
    posts: list = []

    def do_POST(self):
        _Catcher.posts.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *a):
        pass


def test_config_file_log_file_and_notifications(tmp_path, site):
    catcher = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Catcher)
    threading.Thread(target=catcher.serve_forever, daemon=True).start()
    _Catcher.posts.clear()
    config = tmp_path / "listings.toml"
    config.write_text(
        f'db = "cfg.db"\nlog_dir = "crawl-logs"\nnotify = ["json://127.0.0.1:{catcher.server_address[1]}/hook"]\n'
        f"[settings]\nAUTOTHROTTLE_ENABLED = false\nDOWNLOAD_DELAY = 0\n"
        f'[[listing]]\nurl = "{site.url}"\nspider = "ilo"\n'
    )
    try:
        result = cli("crawl", "--config", config, check=0)
        assert (tmp_path / "cfg.db").exists()
        logs = list((tmp_path / "crawl-logs").glob("crawl-*.log"))
        assert len(logs) == 1 and "Spider opened" in logs[0].read_text()
        assert "log:" in result.stdout
        assert _Catcher.posts and "14 new entries" in _Catcher.posts[0]["title"]
        site.faults[DEMO_LISTING_PATH] = lambda h: (h.send_error(500), True)[1]
        cli("crawl", "--config", config, "-s", "RETRY_TIMES=0", check=4)
        assert "ALERT" in _Catcher.posts[-1]["title"]
    finally:
        catcher.shutdown()
    bad = tmp_path / "bad.toml"
    bad.write_text('[[listing]]\nurl = "ftp://nope"\n')
    out = cli("crawl", "--config", bad)
    assert out.returncode == 2 and "not an http(s) URL" in out.stderr  # a usage error, as with --start-url


def test_user_agent_names_the_project_and_the_contact(tmp_path, site):
    agents = []
    site.faults[DEMO_LISTING_PATH] = lambda h: (agents.append(h.headers.get("User-Agent")), False)[1]
    crawl_demo(tmp_path / "u.db", site, "--contact", "research-team@example.org", check=0)
    assert agents and "listing-archive" in agents[0] and "research-team@example.org" in agents[0]
