"""Secrets stay secret: a start URL's password is sent to its own origin only and never stored or
printed; a crawl opens no remote-control port and writes nothing under $HOME."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest
from conftest import FAST, cli, q
from helpers import write_site
from unattended import PAGE2

from crawler.site_server import DEMO_LISTING_PATH, SiteServer, demo_site_root

USER, PASSWORD = "alice", "pw-Zq8-never-stored"
TOKEN = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
SECRETS = (PASSWORD, TOKEN)


def week1():
    return SiteServer(demo_site_root() / "week1")


def record_auth(site, seen: list, required: bool):
    """Every request's Authorization header goes into `seen`; with `required`, none or a wrong one gets 401."""

    def check(handler):
        got = handler.headers.get("Authorization")
        seen.append((handler.path, got))
        if required and got != f"Basic {TOKEN}":
            handler.send_response(401)
            handler.send_header("WWW-Authenticate", 'Basic realm="listings"')
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return True
        return False

    site.faults["*"] = check


def redirect_to(url: str):
    def answer(handler):
        handler.send_response(302)
        handler.send_header("Location", url)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
        return True

    return answer


def leaks(folder: Path, *texts: str) -> list[str]:
    """Files under `folder` (the archive and its -wal, the logs) whose bytes hold any of `texts`."""
    return [
        str(path)
        for path in folder.rglob("*")
        if path.is_file() and any(t.encode() in path.read_bytes() for t in SECRETS + texts)
    ]


def test_a_password_in_a_start_url_is_sent_to_its_origin_only_and_never_kept(tmp_path):
    a_seen, b_seen = [], []
    with week1() as private, week1() as public:
        record_auth(private, a_seen, required=True)
        record_auth(public, b_seen, required=False)
        # The private listing's page 2 redirects to the public site: the redirect must not carry the password.
        private.faults[PAGE2] = redirect_to(public.base_url + PAGE2)
        secret_url = f"http://{USER}:{PASSWORD}@127.0.0.1:{private.server_address[1]}{DEMO_LISTING_PATH}"
        db, logs = tmp_path / "a.db", tmp_path / "logs"
        crawl = cli(
            "crawl", "ilo", "--db", db, "--log-dir", logs, *FAST, "--start-url", secret_url,
            "--start-url", public.base_url + DEMO_LISTING_PATH,
        )  # fmt: skip
    assert crawl.returncode in (0, 3), crawl.stderr[-3000:]
    assert not any(s in crawl.stdout + crawl.stderr for s in SECRETS)
    assert not leaks(tmp_path)
    assert q(db, "SELECT start_urls FROM crawls").count("@") == 0
    assert q(db, "SELECT count(*) FROM entries") > 0  # the private listing was read: the password worked
    assert a_seen and all(got == f"Basic {TOKEN}" for _, got in a_seen), a_seen
    assert [path for path, _ in b_seen].count(PAGE2) == 2, b_seen  # its own page 2, and the redirect hop
    assert all(got is None for _, got in b_seen), b_seen


def test_a_password_from_the_environment_through_the_config(tmp_path, monkeypatch):
    seen = []
    with week1() as private:
        record_auth(private, seen, required=True)
        config = tmp_path / "listings.toml"
        config.write_text(
            f'db = "a.db"\nlog_dir = "logs"\n[[listing]]\nurl = "{private.base_url}{DEMO_LISTING_PATH}"\n'
            f'username = "{USER}"\npassword_env = "LISTING_PW"\n'
        )
        missing = cli("crawl", "--config", config, *FAST)
        assert missing.returncode != 0 and "LISTING_PW" in missing.stderr, missing.stderr
        monkeypatch.setenv("LISTING_PW", PASSWORD)
        cli("crawl", "--config", config, *FAST, check=0)
    assert seen and all(got == f"Basic {TOKEN}" for _, got in seen)
    assert not leaks(tmp_path)


@pytest.mark.parametrize(
    "url",
    [
        f"http://{USER}:{PASSWORD}@127.0.0.1:99999/x",
        f"http://{USER}:{PASSWORD} @127.0.0.1/x",
        f"ftp://{USER}:{PASSWORD}@h/",
        f"{USER}:{PASSWORD}@127.0.0.1/x",  # "http://" forgotten: the password is still not printed
        f"{USER}:pa/{PASSWORD}@127.0.0.1/x",
    ],
)
def test_a_bad_start_url_with_a_password_is_refused_without_printing_it(tmp_path, url):
    refused = cli("crawl", "ilo", "--db", tmp_path / "a.db", "--start-url", url)
    assert refused.returncode == 2 and "***@" in refused.stderr, refused.stderr
    assert PASSWORD not in refused.stdout + refused.stderr


def test_two_passwords_for_one_origin_are_refused(tmp_path):
    one, two = (f"http://{USER}:{pw}@127.0.0.1:8000/{n}" for n, pw in ((1, PASSWORD), (2, "other")))
    refused = cli("crawl", "ilo", "--db", tmp_path / "a.db", "--start-url", one, "--start-url", two)
    assert refused.returncode == 2 and "127.0.0.1:8000" in refused.stderr and PASSWORD not in refused.stderr


def _socket_rows() -> list[tuple[int, int, str, str]]:
    """(local port, remote port, state, inode) of every TCP socket on this machine."""
    rows = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            cols = line.split()
            rows.append((int(cols[1].rsplit(":", 1)[1], 16), int(cols[2].rsplit(":", 1)[1], 16), cols[3], cols[9]))
    return rows


def _listening_ports_of_peer(handler) -> set[int]:
    """The ports the process at the other end of this request listens on (from /proc)."""
    rows = _socket_rows()
    client, server = handler.client_address[1], handler.server.server_address[1]
    inode = next(i for local, remote, _, i in rows if local == client and remote == server)
    for fd_dir in Path("/proc").glob("[0-9]*/fd"):
        try:
            inodes = {os.readlink(fd).removeprefix("socket:[").rstrip("]") for fd in fd_dir.iterdir()}
        except OSError:
            continue
        if inode in inodes:
            return {local for local, _, state, i in rows if state == "0A" and i in inodes}
    raise AssertionError("the crawl's process was not found")


def test_a_crawl_opens_no_port_and_writes_nothing_under_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    ports: list[set[int]] = []
    with week1() as site:
        site.faults[PAGE2] = lambda handler: ports.append(_listening_ports_of_peer(handler)) and False
        cli("crawl", "ilo", "--db", tmp_path / "a.db", *FAST, "--start-url", site.base_url + DEMO_LISTING_PATH, check=0)
    assert ports == [set()]
    assert list(home.rglob("*")) == []


def test_a_listing_behind_a_password_is_not_shared_with_workers(tmp_path):
    url = f"http://{USER}:{PASSWORD}@127.0.0.1:8000/x"
    refused = cli("crawl", "ilo", "--db", tmp_path / "a.db", "--start-url", url, "--frontier", "redis://127.0.0.1:1/0")
    assert refused.returncode == 2 and "--frontier" in refused.stderr and PASSWORD not in refused.stderr
    assert not (tmp_path / "a.db").exists()


@pytest.mark.parametrize(
    "keys,message",
    [
        (f'username = "{USER}"', "takes 'username' and one of 'password', 'password_env'"),
        (f'username = "{USER}"\npassword = "{PASSWORD}"\npassword_env = "X"', "one of 'password', 'password_env'"),
        ("username = 'u'\npassword = 12345678", "key 'password': expected a non-empty string"),
        (f'username = "{USER}"\npassword = "{PASSWORD}"\n[[listing]]\nurl = "http://u:other@h/b"', "two different"),
    ],
)
def test_config_credentials_are_checked_without_printing_them(tmp_path, keys, message):
    from archive.config import ConfigError, load_config

    config = tmp_path / "listings.toml"
    config.write_text(f'[[listing]]\nurl = "http://h/a"\n{keys}\n')
    with pytest.raises(ConfigError) as raised:
        load_config(str(config))
    assert message in str(raised.value) and PASSWORD not in str(raised.value) and "12345678" not in str(raised.value)


def test_config_credentials_in_the_url_or_in_keys(tmp_path):
    from archive.runner import build_plan

    config = tmp_path / "listings.toml"
    config.write_text(
        f'db = "a.db"\n[[listing]]\nurl = "http://{USER}:{PASSWORD}@h/a"\nprofile = "auto"\n'
        f'[[listing]]\nurl = "https://k/b"\nusername = "{USER}"\npassword = "{PASSWORD}"\n'
    )
    plan = build_plan(config_path=str(config))
    assert plan.start_urls == ["http://h/a", "https://k/b"] and set(plan.listing_profiles) == set(plan.start_urls)
    assert plan.credentials == {"http://h:80": (USER, PASSWORD), "https://k:443": (USER, PASSWORD)}
    assert PASSWORD not in repr(plan)


def test_credentials_go_to_their_origin_exactly():
    from types import SimpleNamespace

    from scrapy import Request

    from crawler.credentials import BasicAuthMiddleware

    spider = SimpleNamespace(http_credentials={"http://h:80": (USER, PASSWORD)})
    middleware = BasicAuthMiddleware(SimpleNamespace(spider=spider))
    sent = {}
    for url in ("http://h/a", "https://h/a", "http://h:8080/a", "http://www.h/a", "http://sub.h/a", "https://k/"):
        request = Request(url, headers={"Authorization": f"Basic {TOKEN}"} if "k/" in url else None)
        middleware.process_request(request)
        sent[url] = request.headers.get("Authorization")
    mine = f"Basic {TOKEN}".encode()
    assert sent == {
        "http://h/a": mine,
        "https://h/a": mine,  # the same site upgraded to https
        "http://h:8080/a": None,
        "http://www.h/a": None,
        "http://sub.h/a": None,
        "https://k/": None,  # copied by a redirect: taken off
    }


def test_scrapy_crawl_with_a_password_in_a_start_url_keeps_the_url_bare():
    from crawler.spiders.listing import GenericListingSpider

    spider = GenericListingSpider(start_urls=f"http://{USER}:{PASSWORD}@h/a,https://k/b")
    assert spider.start_urls == ["http://h/a", "https://k/b"] and list(spider.listings) == spider.start_urls
    assert spider.http_credentials == {"http://h:80": (USER, PASSWORD)}
    with pytest.raises(ValueError) as raised:
        GenericListingSpider(start_urls=f"ftp://{USER}:{PASSWORD}@h/a")
    assert PASSWORD not in str(raised.value)


LEARN_EXAMPLE = "Social Protection Training of Trainers Toolkit for the Lao People’s Democratic Republic"


def test_learn_sends_a_urls_password_to_its_origin_and_never_prints_or_writes_it(tmp_path):
    seen = []
    with week1() as private:
        record_auth(private, seen, required=True)
        secret_url = f"http://{USER}:{PASSWORD}@127.0.0.1:{private.server_address[1]}{DEMO_LISTING_PATH}"
        out = tmp_path / "p.toml"
        learned = cli("learn", secret_url, "--example", LEARN_EXAMPLE, "-o", out, check=0)
        saved = tmp_path / "saved.html"
        saved.write_bytes((demo_site_root() / "week1" / DEMO_LISTING_PATH.lstrip("/")).read_bytes())
        cli("learn", saved, "--url", secret_url, "--example", LEARN_EXAMPLE, "-o", tmp_path / "s.toml", check=0)
        gone = cli(
            "learn", f"http://{USER}:{PASSWORD}@127.0.0.1:1/list", "--example", "x", "-o", tmp_path / "g.toml", check=1
        )
    assert seen and all(got == f"Basic {TOKEN}" for _, got in seen), seen
    assert "reads" in learned.stdout
    assert not any(s in result.stdout + result.stderr for result in (learned, gone) for s in SECRETS)
    assert "127.0.0.1:1/list" in gone.stderr
    assert not leaks(tmp_path, f"{USER}:")


def test_learn_keeps_a_token_in_the_urls_query_out_of_the_profile(tmp_path):
    """Found by a stranger: learn URL?token=... wrote the token into the profile's header comment (a file made to be
    shared) and printed it, where a user:password in the same URL was kept out of both. Fixed with the query-secret
    masking (fix20b): this fetched URL's case."""
    write_site(tmp_path / "site", pages=1)
    profile = tmp_path / "p.toml"
    with SiteServer(tmp_path / "site") as site:
        url = f"{site.base_url.replace('://', '://usr:pw-Zq7-secret@')}/list/page-1.html?token=tok-Zq7-secret"
        learnt = cli("learn", url, "--example", "Report 1-2 on labour", "-o", profile, check=0)
    written = profile.read_text()
    assert "selectors" in written and "token=***" in written
    assert "pw-Zq7-secret" not in written + learnt.stdout + learnt.stderr
    assert "tok-Zq7-secret" not in written + learnt.stdout + learnt.stderr


# A start URL's query secrets, and how the archive keeps its listing: as printed, `token=***`.
QUERY = "token=tok-Zq8-never-kept&api_key=key-Zq8-never-kept"
KEPT_QUERY = "token=***&api_key=***"


def crawl_with_token(tmp_path, site, *extra):
    start = f"{site.base_url}/list/page-1.html?{QUERY}"
    db, logs = tmp_path / "a.db", tmp_path / "logs"
    return cli(
        "crawl", "listing", "--db", db, "--log-dir", logs, "--start-url", start, "--profile", "auto", *FAST, *extra
    )


@pytest.mark.parametrize("log_level", ["WARNING", "INFO"])  # Scrapy logs every request at INFO
def test_a_token_in_a_start_urls_query_is_not_printed(tmp_path, log_level):
    """The crawl sends the URL whole; its summary and its log mask it."""
    write_site(tmp_path / "site", pages=1)
    asked = []
    with SiteServer(tmp_path / "site") as site:
        site.faults["*"] = lambda handler: asked.append(handler.path)  # then served as it is
        done = crawl_with_token(tmp_path, site, "-s", f"LOG_LEVEL={log_level}")
    assert f"/list/page-1.html?{QUERY}" in asked  # the crawl sent it whole
    assert "COMPLETE" in done.stdout and KEPT_QUERY in done.stdout
    assert "never-kept" not in done.stdout + done.stderr, done.stdout + done.stderr[-3000:]
    assert not leaks(tmp_path, "never-kept")


def test_a_start_urls_token_is_never_kept_and_the_next_crawl_finds_its_listing(tmp_path):
    """The archive keeps the listing at its URL as printed: the next crawl of the same URL finds it (its
    health baseline, its pages' last captures, revalidated: 304), and no output nor file holds the token."""
    write_site(tmp_path / "site", pages=2)
    asked = []
    with SiteServer(tmp_path / "site") as site:
        site.faults["*"] = lambda handler: asked.append((handler.path, handler.headers.get("If-None-Match")))
        first = crawl_with_token(tmp_path, site)
        second = crawl_with_token(tmp_path, site)
    assert [bool(etag) for path, etag in asked if path == f"/list/page-1.html?{QUERY}"] == [False, True], asked
    assert "COMPLETE" in second.stdout and "new 0, changed 0, removed 0" in second.stdout, second.stdout
    db = tmp_path / "a.db"
    listing = f"{site.base_url}/list/page-1.html?{KEPT_QUERY}"
    assert q(db, "SELECT group_concat(DISTINCT listing_url) FROM listing_crawls") == listing
    entries = q(db, "SELECT count(*) FROM entries")
    outputs = [first, second]
    for command in (("diff", "--format", "json"), ("crawls",), ("export", "--format", "csv"), ("reparse",)):
        outputs.append(cli(*command, "--db", db, check=0))
    assert KEPT_QUERY in outputs[2].stdout  # the diff names the listing as the archive keeps it
    assert q(db, "SELECT count(*) FROM entries") == entries  # the reparse keyed every entry as the crawl did
    assert not [out.stdout + out.stderr for out in outputs if "never-kept" in out.stdout + out.stderr]
    assert not leaks(tmp_path, "never-kept")


def test_two_start_urls_alike_but_for_a_secret_are_refused(tmp_path):
    one, two = (f"http://127.0.0.1:9/list?page=1&token=tok-{n}-never-kept" for n in (1, 2))
    refused = cli("crawl", "listing", "--db", tmp_path / "a.db", "--start-url", one, "--start-url", two)
    assert refused.returncode == 2 and "differ only in a secret" in refused.stderr, refused.stderr
    assert "never-kept" not in refused.stdout + refused.stderr and not (tmp_path / "a.db").exists()


def test_a_bare_key_is_a_secret_only_when_its_value_looks_like_one(tmp_path):
    from crawler.origins import redact

    google = "AIzaSyD-Zq8never-kept-0123"
    assert redact(f"http://h/l?key={google}&sort_key=date-desc") == "http://h/l?key=***&sort_key=date-desc"
    assert redact("http://h/l?key=news&page_key=2") == "http://h/l?key=news&page_key=2"
    assert redact("http://h/l?key=annual-reports-of-the-board") == "http://h/l?key=annual-reports-of-the-board"
    # two listings that differ in a key the site uses for its sections are two listings, not one secret
    news, events = (f"http://127.0.0.1:9/list?key={name}" for name in ("news", "events"))
    run = cli("crawl", "listing", "--db", tmp_path / "a.db", "--start-url", news, "--start-url", events, *FAST)
    assert "differ only in a secret" not in run.stderr and run.returncode != 2, run.stderr


def test_the_archive_keeps_a_start_urls_secrets_masked_and_gives_them_back():
    from crawler.credentials import QuerySecrets

    secrets = QuerySecrets(["http://h/l?page=1&token=a%2Fb&sig=s1"])
    kept = secrets.hide("http://h/l?page=2&token=a%2Fb&sig=s1#x; http://h/l?token=other&sig=s10&key=k")
    assert kept == "http://h/l?page=2&token=***&sig=***#x; http://h/l?token=other&sig=s10&key=k"
    assert secrets.restore("http://h/l?page=2&token=***&sig=***#x") == "http://h/l?page=2&token=a%2Fb&sig=s1#x"
    assert QuerySecrets(["http://h/l?page=1"]).hide("http://h/l?token=t") == "http://h/l?token=t"


def test_an_entry_on_a_listing_with_a_token_keeps_its_id_from_crawl_to_reparse():
    """A crawl reads the listing at its URL with the token, a reparse at the URL the archive keeps."""
    from crawler.parsers.ids import entry_id

    fetched, kept = (f"http://h/list?page=1&{query}" for query in (QUERY, KEPT_QUERY))
    assert entry_id(None, "Report", fetched) == entry_id(None, "Report", kept)
    assert entry_id(fetched + "#r1", "Report", fetched) == entry_id(kept + "#r1", "Report", kept)
    assert entry_id(None, "Report", fetched) != entry_id(None, "Report", "http://h/list?page=2&" + KEPT_QUERY)


def test_a_logged_url_has_its_query_secrets_masked(tmp_path):
    import logging

    from crawler.log_records import clean_log_records

    handler, make_record = logging.FileHandler(tmp_path / "a.log"), logging.getLogRecordFactory()
    root = logging.getLogger()
    try:
        clean_log_records()
        root.addHandler(handler)  # added after: a handler Scrapy puts in place once the crawl starts
        logging.getLogger("scrapy.core.engine").warning("Crawled (200) <GET %s>", "http://h/l?page=2&token=tok-Zq8")
    finally:
        root.removeHandler(handler)
        handler.close()
        logging.setLogRecordFactory(make_record)
    assert (tmp_path / "a.log").read_text() == "Crawled (200) <GET http://h/l?page=2&token=***>\n"


def test_a_secret_in_a_query_is_masked_and_other_parameters_kept():
    from crawler.origins import redact

    url = "https://u:pw@h/list?page=2&access_token=a1&X-Amz-Signature=s1&keyword=k&monkey=m&client_secret=c1#top"
    shown = redact(url)
    assert (
        shown
        == "https://***@h/list?page=2&access_token=***&X-Amz-Signature=***&keyword=k&monkey=m&client_secret=***#top"
    )
