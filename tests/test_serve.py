"""`serve` on an archive made by real crawls of the demo site: Datasette pages, the search
box with ordinary text, the Atom feed, an entry's versions, the chart; read-only; and
nothing left running after SIGTERM or SIGINT. The pages are opened in headless Chromium."""

import json
import signal
import socket
import subprocess
import urllib.parse
import xml.etree.ElementTree as ET

import pytest
from chromium import dump_dom, screenshot
from conftest import FAST, cli
from helpers import entry, get, local_request, make_archive, record_crawl, serving

from archive.store import Archive
from crawler.site_server import DEMO_BASE, DEMO_LISTING_PATH, SiteServer, demo_site_root

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    db = tmp_path_factory.mktemp("serve") / "a.db"
    with SiteServer(demo_site_root(), state="week1", base=DEMO_BASE) as site:
        cli("crawl", "ilo", "--db", db, "--start-url", site.base_url + DEMO_LISTING_PATH, *FAST, check=0)
        site.state = "week2"
        cli("crawl", "ilo", "--db", db, "--start-url", site.base_url + DEMO_LISTING_PATH, *FAST, check=0)
    return db


@pytest.fixture(scope="module")
def site(crawled):
    with serving(crawled) as (_, base):
        yield base


def test_search_box_takes_ordinary_text(site):
    found = json.loads(get(site + "/a/entries.json?_search=Coffee&_shape=array"))
    assert [r["entry_id"] for r in found] == ["WCMS_857204"]
    lao = json.loads(get(site + "/a/entries.json?_search=Lao-PDR&_shape=array"))
    assert lao and all("lao" in (r["title"] + (r["description"] or "")).lower() for r in lao)
    for text in ("COVID-19", '"', "workers' \"rights", "Lao PDR)"):
        page = get(site + "/a/entries?_search=" + urllib.parse.quote(text))
        assert "no such column" not in page and "syntax error" not in page


def test_read_only_with_stored_queries(site):
    history = json.loads(get(site + "/a/entry_history.json?entry_id=WCMS_862866&_shape=array"))
    assert [v["version"] for v in history] == [1, 2]
    assert json.loads(get(site + "/a/by_organiser.json?organiser=%25&_shape=array")) == []  # % is a character
    assert json.loads(get(site + "/a/by_organiser.json?organiser=chamber&_shape=array"))
    meta = json.loads(get(site + "/-/metadata.json"))
    assert "description" in meta["databases"]["a"]["tables"]["entries"]
    for path, data in (
        ("/a/entries/-/insert", b'{"row": {"entry_id": "x"}}'),
        ("/a/-/query", b"sql=DELETE+FROM+entries"),
    ):
        status, _ = local_request(site + path, "POST", data, {"Content-Type": "application/json"})
        assert status >= 400  # read-only: every write refused
    assert json.loads(get(site + "/a.json?sql=select+count(*)+as+n+from+entries&_shape=array")) == [{"n": 15}]


def test_atom_feed_of_new_entries(site):
    feed = ET.fromstring(get(site + "/-/new-entries.atom").encode("utf-8"))
    entries = feed.findall(ATOM + "entry")
    assert len(entries) == 15 and feed.findtext(ATOM + "id") == "urn:listing-archive:new-entries:a"
    assert entries[0].findtext(ATOM + "id") == "urn:listing-archive:WCMS_867001:new"  # the newest first
    assert feed.find(ATOM + "link[@rel='self']").get("href").endswith("/-/new-entries.atom")
    assert 'type="application/atom+xml"' in get(site + "/")  # a feed reader finds it from the archive's address


def test_entry_page_shows_versions_side_by_side(site):
    page = get(site + "/-/entry/WCMS_862866")
    assert "v1" in page and "v2" in page and 'class="changed"' in page
    assert "30 November - 1 December 2022" in page and "29 - 30 November 2022" in page
    assert local_request(site + "/a/entries?entry_id=WCMS_862866")[0] == 200
    assert "/-/entry/WCMS_862866" in get(site + "/a/entries?entry_id=WCMS_862866")  # the title links to its page
    assert "/-/entry/WCMS_862866" in get(site + "/a/events?entry_id=WCMS_862866")  # and so does the id elsewhere
    assert local_request(site + "/-/entry/nothing-like-this")[0] == 404


@pytest.fixture(scope="module")
def spoofed(tmp_path_factory):
    """An archive whose second crawl found a title with a bidi override (U+202E) that shows 'gpj.exe' reversed."""
    db = tmp_path_factory.mktemp("spoof") / "a.db"
    spoof = "Report on \u202egpj.exe\u202c labour"
    with Archive(db) as archive:
        record_crawl(archive, [entry("WCMS_1", title="Plain report")])
        record_crawl(archive, [entry("WCMS_1", title="Plain report"), entry("WCMS_2", title=spoof)])
    with serving(db) as (_, base):
        yield base


@pytest.mark.parametrize(
    "path",
    [
        "/-/entry/WCMS_2",
        "/a/entries?entry_id=WCMS_2",
        "/a/entry_history?entry_id=WCMS_2",
        "/a/new_since?since=2000",
        "/a/entries/WCMS_2",
    ],
)
def test_serve_drops_bidi_overrides_as_the_html_report_does(spoofed, path):
    """Found by a stranger: the entry page and the entries table's title link (escaped for HTML only) showed the
    U+202E that the HTML report drops (for_html); Datasette's own cells now drop it too."""
    page = get(spoofed + path)
    assert "gpj.exe" in page
    assert "\u202e" not in page and "\u202c" not in page


def test_pages_in_headless_chromium(site, tmp_path):
    profile = tmp_path / "profile"
    dom = dump_dom(site + "/a/entries?_search=Lao-PDR", profile)
    assert "<table" in dom and "WCMS_" in dom and "no such column" not in dom
    assert "no such column" not in dump_dom(site + "/a/entries?_search=COVID-19", profile)
    entry = dump_dom(site + "/-/entry/WCMS_862866", profile)
    assert "Automotive Sector" in entry and "<ins>the" in entry  # the word the title gained, marked
    chart = dump_dom(site + "/-/chart", profile)
    assert "<svg" in chart and "<script" not in chart.split("<svg")[1].split("</svg>")[0]
    screenshot(site + "/-/entry/WCMS_862866", "serve-entry.png", profile, size="1100,900")
    screenshot(site + "/-/chart", "serve-chart.png", profile, size="1000,700")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_stops_everything_it_started(crawled, sig):
    with serving(crawled) as (proc, base):
        get(base + "/-/versions.json")
        port = int(base.rsplit(":", 1)[1])
        proc.send_signal(sig)
        assert proc.wait(timeout=30) in (0, -sig, 128 + sig)
        with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=5):
            pass  # nothing listens any more
        children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True, check=False).stdout
        assert children.strip() == ""


def test_host_is_the_only_address_served_on(crawled):
    with serving(crawled, host="127.0.0.2") as (_, base):
        assert base.startswith("http://127.0.0.2:")
        assert 'type="application/atom+xml"' in get(base + "/")
        port = int(base.rsplit(":", 1)[1])
        with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=5):
            pass  # 127.0.0.1 is another address: nothing listens there


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--host", "no-such-host.invalid"], "'no-such-host.invalid' is not an address of this machine ("),
        (["--host", ""], "'' is not an address of this machine ("),
        (["--host", "192.0.2.1"], "'192.0.2.1' is not an address of this machine (Cannot assign requested address)"),
        (["--port", "70000"], "Invalid value for '--port': 70000 is not in the range 0<=x<=65535."),
    ],
)
def test_an_address_serve_cannot_listen_on_is_a_usage_error(crawled, args, message):
    refused = cli("serve", "--db", crawled, *args, timeout=60)  # a server that started would hang here
    assert refused.returncode == 2 and refused.stdout == "", refused.stdout  # never announced as served
    assert message in refused.stderr.splitlines()[-1] and "Traceback" not in refused.stderr, refused.stderr


def test_a_port_in_use_is_one_clear_line(crawled):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        refused = cli("serve", "--db", crawled, "--port", port, timeout=60)
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr.strip() == f"Error: cannot serve on 127.0.0.1:{port} (Address already in use); " + (
        "give another, e.g. --port 0"
    )


def test_ctrl_c_twice_stops_serve_without_a_traceback(tmp_path):
    db = tmp_path / "a.db"
    make_archive(db, entries=2)
    with serving(db) as (proc, _):
        proc.send_signal(signal.SIGINT)
        for line in proc.stderr:  # the first Ctrl-C is being handled once uvicorn says so
            if "Shutting down" in line:
                break
        proc.send_signal(signal.SIGINT)  # an impatient user: the second Ctrl-C, while it stops, forces the exit
        proc.wait(timeout=30)
        rest = proc.stderr.read()
    assert "Traceback" not in rest and "ERROR" not in rest, rest
