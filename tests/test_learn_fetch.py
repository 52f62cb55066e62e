"""`learn URL` fetches as a crawl would, and says in one line why a page it cannot read is none:
compressed answers, answers that are no HTML, answers cut off or trickled, and no HTTP server at all."""

import gzip
import zlib

import pytest
from conftest import cli
from helpers import page_html, write_site
from synthetic import TITLES, page

from crawler import polite_fetch
from crawler.site_server import SiteServer

LIST = page("".join(f'<p class="item"><a href="/n/{i}">{t}</a></p>' for i, t in enumerate(TITLES)))


def answer(body: bytes, kind: str = "text/html", **headers):
    """A fault handler that answers 200 with `body` as it is, under these headers."""

    def send(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", kind)
        named = {name.replace("_", "-"): value for name, value in headers.items()}
        for name, value in {"Content-Length": str(len(body)), **named}.items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)
        return True

    return send


def redirect_to(url: str):
    """A fault handler that answers 302 to `url`."""

    def send(handler):
        handler.send_response(302)
        handler.send_header("Location", url)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
        return True

    return send


@pytest.mark.parametrize("other_origin", ["another port", "another host name"])
def test_learn_follows_no_redirect_to_another_origin(tmp_path, other_origin):
    """As a crawl's guard: another port of the same host is another site (its own robots.txt), and so is
    another name of the same machine; the refusal says so in the crawl's words."""
    write_site(tmp_path / "other", pages=1)
    (tmp_path / "site").mkdir()
    with SiteServer(tmp_path / "other") as other, SiteServer(tmp_path / "site") as site:
        target = other.base_url if other_origin == "another port" else site.base_url.replace("127.0.0.1", "localhost")
        site.faults["/start.html"] = redirect_to(f"{target}/list/page-1.html")
        profile = tmp_path / "p.toml"
        learnt = cli("learn", f"{site.base_url}/start.html", "--example", "Report 1-2 on labour", "-o", profile)
        assert "/list/page-1.html" not in site.requests, learnt.stdout
    assert other.requests == [], learnt.stdout
    assert learnt.returncode == 1 and not profile.exists()
    assert "off the start hosts (a redirect)" in learnt.stdout + learnt.stderr


def test_learn_follows_a_redirect_on_its_own_origin(tmp_path):
    write_site(tmp_path / "site", pages=1)
    with SiteServer(tmp_path / "site") as site:
        site.faults["/start.html"] = redirect_to(f"{site.base_url}/list/page-1.html")
        profile = tmp_path / "p.toml"
        cli("learn", f"{site.base_url}/start.html", "--example", "Report 1-2 on labour", "-o", profile, check=0)
    assert profile.exists()


def test_learn_obeys_robots_txt_for_the_address_it_is_redirected_to(tmp_path):
    """A redirect on the page's own host to a path robots.txt forbids is refused, as a crawl refuses it (stranger26's
    finding: robots.txt was checked for the address given only; the forbidden page was fetched and learnt)."""
    (tmp_path / "site" / "private").mkdir(parents=True)
    (tmp_path / "site" / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    (tmp_path / "site" / "private" / "page-1.html").write_text(page_html(1, pages=1))
    profile = tmp_path / "p.toml"
    with SiteServer(tmp_path / "site") as site:
        site.faults["/start.html"] = redirect_to("/private/page-1.html?token=s3cr3t")
        learnt = cli("learn", f"{site.base_url}/start.html", "--example", "Report 1-2 on labour", "-o", profile)
        assert "/private/page-1.html" not in site.requests, learnt.stdout
    assert learnt.returncode == 1 and "robots.txt" in learnt.stderr, learnt.stderr
    assert "s3cr3t" not in learnt.stderr + learnt.stdout  # the refused address is shown masked, as any
    assert len(learnt.stderr.strip().splitlines()) == 1, learnt.stderr  # one line, no traceback
    assert not profile.exists()


@pytest.fixture
def site(tmp_path):
    with SiteServer(tmp_path) as server:
        yield server


def learn(site, tmp_path, path, check):
    return cli("learn", site.base_url + path, "--example", TITLES[1], "-o", tmp_path / "p.toml", check=check)


@pytest.mark.parametrize(
    "packed, encoding",
    [(gzip.compress(LIST.encode()), "gzip"), (zlib.compress(LIST.encode()), "deflate")],
)
def test_a_compressed_answer_is_read_as_a_crawl_reads_it(site, tmp_path, packed, encoding):
    site.faults["/news"] = answer(packed, Content_Encoding=encoding)
    result = learn(site, tmp_path, "/news", check=0)
    assert f"reads {len(TITLES)} entries" in result.stdout


def test_a_compressed_answer_over_the_size_limit_once_unpacked_is_refused(site, tmp_path, monkeypatch):
    monkeypatch.setattr(polite_fetch, "_settings", lambda: ("agent", 30, 64 * 1024))
    site.faults["/news"] = answer(gzip.compress(b"<html>" + b" " * 10**6), Content_Encoding="gzip")
    result = learn(site, tmp_path, "/news", check=1)
    assert "size limit" in result.stderr and "once unpacked" in result.stderr


@pytest.mark.parametrize("kind", ["application/pdf", "application/json", "image/png"])
def test_an_answer_that_is_no_html_page_says_so(site, tmp_path, kind):
    site.faults["/news"] = answer(f"%PDF {TITLES[1]}".encode(), kind)
    result = learn(site, tmp_path, "/news", check=1)
    assert f"is not an HTML page ({kind})" in result.stderr and not (tmp_path / "p.toml").exists()


def test_an_answer_cut_short_is_no_page(site, tmp_path):
    site.faults["/news"] = answer(LIST.encode()[:200], Content_Length=str(len(LIST)))
    assert "was cut off" in learn(site, tmp_path, "/news", check=1).stderr


def test_a_server_that_answers_no_http_is_one_line(site, tmp_path):
    site.faults["/news"] = lambda handler: True  # the connection closed without a word
    result = learn(site, tmp_path, "/news", check=1)
    assert "/news could not be fetched" in result.stderr and "Traceback" not in result.stderr


def test_a_page_trickled_past_the_timeout_is_given_up(site, tmp_path, monkeypatch):
    """A crawl's timeout bounds the whole answer: bytes now and then (each within the socket's
    timeout) do not keep `learn` waiting for ever. The clock moves 10 s a look."""
    clock = iter(range(0, 10**6, 10))
    monkeypatch.setattr(polite_fetch, "monotonic", lambda: next(clock))
    site.faults["/news"] = answer(LIST.encode() + b" " * (2 * 1024 * 1024))
    result = learn(site, tmp_path, "/news", check=1)
    assert "did not answer within 30 s" in result.stderr


def test_a_servers_reason_phrase_reaches_the_terminal_without_its_escapes(site, tmp_path):
    def hostile(handler):
        handler.wfile.write(b"HTTP/1.1 404 \x1b]0;owned\x07Gone\x1b[2J\r\nContent-Length: 0\r\n\r\n")
        return True

    site.faults["/news"] = hostile
    result = learn(site, tmp_path, "/news", check=1)
    assert "answered HTTP 404" in result.stderr and "\x1b" not in result.stderr and "\x07" not in result.stderr


def test_an_address_with_letters_beyond_ascii_is_sent_percent_encoded_as_a_crawl_sends_it(site, tmp_path):
    site.faults["/actualit%C3%A9s"] = answer(LIST.encode())
    result = learn(site, tmp_path, "/actualités", check=0)
    assert f"reads {len(TITLES)} entries" in result.stdout
