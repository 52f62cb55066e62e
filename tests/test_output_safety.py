"""Every scraped string is untrusted: terminal escapes, XML-invalid characters, raw HTML,
Markdown links and javascript: URLs stored in an archive never reach a terminal, a feed
or a page as anything but text."""

import json
import os
import re
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET

import lxml.html
import pytest
from conftest import ROOT, cli, invoke, printed
from helpers import news_entry, record_crawl

from archive.diff import diff
from archive.reports import FORMATS, render
from archive.reports.safety import for_terminal, md_link, web_link
from archive.store import Archive

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
HOSTILE = {
    "osc-title": "Window \x1b]0;pwned\x07title",
    "osc8": "Link \x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\ here",
    "clear": "Clear\x1b[2J\x1b[H screen \x07 bell \x9b31m C1",
    "xml": "Control \x01 and noncharacter \ufffe in a title",
    "markdown": "[click](javascript:alert(1)) <img src=x onerror=alert(1)> **bold** <script>alert(1)</script>",
}


def entry_in_red_news(eid, **fields):
    """An entry of the News listing, whose title carries a terminal escape."""
    url = f"https://www.ilo.org/asia/{eid}/index.htm"
    return news_entry(eid, **{"url": url, "listing_title": "News \x1b[31mred", **fields})


@pytest.fixture
def hostile(tmp_path):
    """An archive as an old release could have left it: hostile titles, a javascript: link."""
    path = tmp_path / "h.db"
    with Archive(path) as a:
        record_crawl(a, [entry_in_red_news("WCMS_1"), entry_in_red_news("WCMS_2"), entry_in_red_news("WCMS_3")])
        record_crawl(
            a,
            [
                entry_in_red_news("WCMS_1", title=HOSTILE["markdown"], description="Changed \x1b[2J text"),
                entry_in_red_news("WCMS_2", url="javascript:alert(1)", title=HOSTILE["osc8"]),
                *[
                    entry_in_red_news(f"WCMS_{n}", title=t, description=f"About {t}", organisers=["ILO \x07"])
                    for n, t in zip(
                        (10, 11, 12, 13),
                        (HOSTILE["osc-title"], HOSTILE["clear"], HOSTILE["xml"], HOSTILE["markdown"]),
                        strict=True,
                    )
                ],
            ],
        )
    with sqlite3.connect(path) as conn:  # stored text as an older release stored it, unnormalised
        for eid, title in (
            ("WCMS_10", HOSTILE["osc-title"]),
            ("WCMS_11", HOSTILE["clear"]),
            ("WCMS_12", HOSTILE["xml"]),
        ):
            conn.execute("UPDATE entries SET title = ? WHERE entry_id = ?", (title, eid))
            conn.execute("UPDATE entry_versions SET title = ? WHERE entry_id = ?", (title, eid))
        conn.execute("UPDATE crawls SET note = 'failed: \x1b]0;pwned\x07 DNS'")
    return path


def test_for_terminal_keeps_text_newlines_and_tabs():
    assert for_terminal("a\x1b]0;x\x07b\tc\nd\x9b\x7f") == "ab\tc\nd"
    assert for_terminal(None) == ""


@pytest.mark.parametrize(
    "args",
    [
        ["history", "WCMS_10"],
        ["history", "WCMS_11"],
        ["history", "WCMS_2"],
        ["diff", "--format", "text"],
        ["diff", "--from", "1", "--to", "2"],
        ["search", "title"],
        ["search", "screen"],
        ["crawls"],
    ],
)
def test_no_control_character_reaches_the_terminal(hostile, args):
    out = printed(*args, "--db", hostile)
    assert out.strip() and not CONTROLS.search(out), repr(out)


def test_a_stored_escape_sequence_is_shown_without_any_of_it(hostile):
    """An older archive's title "\\x1b[2J\\x1b[H" was printed as "[2J[H": the ESC dropped, the rest kept as text.
    The whole sequence goes (CSI, OSC ended by BEL or ST, C1 CSI), on every terminal output."""
    assert (
        for_terminal("\x1b[31mRed\x1b[0m \x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\ \x9b1mbold")
        == "Red link bold"
    )
    shown = printed("history", "WCMS_11", "--db", hostile) + printed("history", "WCMS_10", "--db", hostile)
    assert "Clear screen" in shown and "Window title" in shown and "[2J" not in shown and "31m" not in shown


def test_colour_is_ours_alone(hostile):
    with Archive(hostile, readonly=True) as a:
        text = render(diff(a.conn, a.crawl(1), a.crawl(2)), "text", colour=True)
    assert all(m.group(0).startswith("\x1b[") for m in re.finditer("\x1b.", text))
    assert "\x1b]" not in text and "\x07" not in text and "\x9b" not in text


def test_export_csv_to_a_terminal_is_clean(hostile):
    master, slave = os.openpty()
    try:
        printed("export", "--db", hostile, "--format", "csv", "-o", os.ttyname(slave))
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(master)
    shown = b"".join(chunks).decode("utf-8")
    assert "Window title" in shown and not CONTROLS.search(shown.replace("\r", ""))
    # To a file, the export keeps the stored text as it is (it is data, not a terminal).
    assert "\x1b" in printed("export", "--db", hostile, "--format", "jsonl").encode().decode("unicode_escape")


def on_a_terminal(*args) -> str:
    """What `listing-archive ARGS` shows on a terminal (a pseudo-terminal here)."""
    master, slave = os.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "archive.cli", *map(str, args)], cwd=ROOT, stdout=slave, stderr=subprocess.PIPE
        )
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert proc.wait(timeout=60) == 0, proc.stderr.read()
        proc.stderr.close()
    finally:
        os.close(master)
    return b"".join(chunks).decode("utf-8").replace("\r", "")


@pytest.mark.parametrize(
    "args",
    [
        ["history", "WCMS_11", "--format", "json"],
        ["search", "screen", "--format", "jsonl"],
        ["diff", "--format", "json"],
        ["diff", "--format", "markdown"],
        ["diff"],
    ],
)
def test_data_formats_on_a_terminal_are_clean_too(hostile, args):
    shown = on_a_terminal(*args, "--db", hostile)
    assert "C1" in shown or "Clear" in shown
    ours = re.sub("\x1b\\[\\d+m", "", shown)  # the text report's own colours (SGR only); nothing else may remain
    assert not CONTROLS.search(ours), repr(shown)


@pytest.fixture
def report(hostile):
    with Archive(hostile, readonly=True) as a:
        return diff(a.conn, a.crawl(1), a.crawl(2))


def test_every_format_parses_with_hostile_titles(report):
    assert set(FORMATS) >= {"text", "markdown", "html", "json", "atom"}
    root = ET.fromstring(render(report, "atom").encode("utf-8"))  # well-formed XML, or this raises
    ns = "{http://www.w3.org/2005/Atom}"
    titles = [e.findtext(ns + "title") for e in root.iter(ns + "entry")]
    assert "Control  and noncharacter  in a title" in titles
    assert all(link.get("href").startswith("https://") for link in root.iter(ns + "link"))
    page = lxml.html.document_fromstring(render(report, "html"))
    assert (
        not page.xpath("//script")
        and not page.xpath("//img")
        and not page.xpath("//body//@*[starts-with(name(), 'on')]")
    )
    assert all(href.startswith("https://") for href in page.xpath("//a/@href"))
    assert "[click](javascript:alert(1))" in page.text_content()
    assert json.loads(render(report, "json"))["counts"]["new"] == 4


@pytest.mark.parametrize("name", sorted(set(FORMATS) - {"json"}))
def test_every_report_format_drops_bidi_overrides(tmp_path, name):
    """Found by a stranger: the Atom report kept a title's U+202E, which the HTML and Markdown reports drop, so a
    feed reader showed 'Report on gpj.exe' reversed (the spoof reports/safety.py names). JSON is data, kept as is."""
    spoof = "Report on \u202egpj.exe\u202c labour"
    with Archive(tmp_path / "a.db") as archive:
        record_crawl(archive, [news_entry("WCMS_1", title="Plain report")])
        record_crawl(archive, [news_entry("WCMS_1", title="Plain report"), news_entry("WCMS_2", title=spoof)])
    shown = printed("diff", "--db", tmp_path / "a.db", "--format", name)
    assert "gpj.exe" in shown
    assert "\u202e" not in shown and "\u202c" not in shown


def test_markdown_shows_hostile_text_as_text(report):
    markdown = pytest.importorskip("markdown")
    md = render(report, "markdown")
    html = lxml.html.document_fromstring(markdown.markdown(md))
    hrefs = html.xpath("//a/@href")
    assert hrefs and all(h.startswith("https://") for h in hrefs), hrefs
    assert not html.xpath("//img") and not html.xpath("//script") and not html.xpath("//strong//strong | //em")
    text = html.text_content()
    assert "[click](javascript:alert(1))" in text and "<img src=x onerror=alert(1)>" in text and "**bold**" in text
    assert "javascript:alert(1)" in md  # the javascript: link is shown as text, never linked
    assert "`title`: ~~Title of WCMS\\_1~~ → **\\[click\\](javascript:alert(1))" in md


def test_only_web_links_become_links():
    assert web_link("https://www.ilo.org/x") == "https://www.ilo.org/x"
    for bad in (
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "//evil.example/",
        "/relative",
        "http://",
        None,
        "https://ok.example/\x1b]8;;",
    ):
        assert web_link(bad) is None
    assert md_link("a]b", "javascript:alert(1)") == "a\\]b"
    assert md_link("x", "https://e.example/a b") == "[x](<https://e.example/a%20b>)"
    assert md_link("x", "https://e.example/a)(b") == "[x](<https://e.example/a%29%28b>)"


def test_a_web_link_is_percent_encoded_and_anything_else_refused():
    encoded = {
        " https://e.example/files/Annual report 2023.pdf ": "https://e.example/files/Annual%20report%202023.pdf",
        'https://e.example/a<b>"c"': "https://e.example/a%3Cb%3E%22c%22",  # nothing that ends an attribute
        "https://e.example/\u00fcber\u00a0x": "https://e.example/%C3%BCber%C2%A0x",
        "https://e.example/a%20b c": "https://e.example/a%20b%20c",  # encoded once, never twice
    }
    for url, link in encoded.items():
        assert web_link(url) == link
    for bad in (
        "https://exa mple.org/x",  # a host with a space: no encoding makes it one
        "https://e.example/a\tb",  # a browser drops tabs and newlines: which URL was meant is unknown
        "https://e.example/a\nb",
        "https://e.example/\u202eevil",  # a bidi override, as before
        "https://e.example:99999/x",
        "javascript:alert(1) x",
        "data:text/html,<b>x</b> y",
        "ftp://e.example/a b",
    ):
        assert web_link(bad) is None, bad


def test_markdown_link_text_keeps_its_apostrophes():
    # Only the address is percent-encoded: "Workers' rights" is no "Workers%27 rights" in a report.
    assert md_link("Workers' rights", "https://e.example/it's") == "[Workers' rights](<https://e.example/it%27s>)"


def test_search_syntax_and_organiser_wildcards(hostile):
    assert "no matches" in printed("search", "title", "--db", hostile, "--organiser", "%")
    assert "WCMS_10" in printed("search", "title", "--db", hostile, "--organiser", "ILO")
    for query in ('"', "COVID-19", "Lao-PDR", 'a"b'):
        printed("search", query, "--db", hostile, code=0 if query != '"' else 1)
    hits = json.loads(printed("search", "screen", "--db", hostile, "--format", "jsonl").splitlines()[0])
    assert hits["rank"] == 1 and hits["entry_id"] == "WCMS_11" and hits["status"] == "listed"
    table = printed("search", "screen", "--db", hostile).splitlines()
    assert (
        table[0].split()[:3] == ["rank", "entry_id", "status"]
        and "https://www.ilo.org/asia/WCMS_11/index.htm" in table[2]
    )
    raw = printed("search", "--raw", "title OR screen", "--db", hostile)
    assert "WCMS_11" in raw and "WCMS_10" in raw
    bad = invoke("search", "--raw", '"unbalanced', "--db", hostile)
    assert bad.exit_code == 1 and len(bad.output.strip().splitlines()) == 1 and "--raw" in bad.output


def test_export_into_a_closed_pipe_exits_quietly(hostile):
    done = subprocess.run(
        f"'{sys.executable}' -m archive.cli export --db '{hostile}' | head -c 10",
        shell=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and "Broken pipe" not in done.stderr and "Error" not in done.stderr, done.stderr
    many = subprocess.run(
        f"'{sys.executable}' -m archive.cli search title --db '{hostile}' --limit 500 | head -1",
        shell=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "Broken pipe" not in many.stderr


def saved_page(tmp_path, heading: str, title: str) -> str:
    """A saved listing of five reports under `heading`, each titled `title` with its number."""
    records = "".join(
        f'<article><h3><a href="/item/c{n}.html">{title.format(n=n)}</a></h3>'
        f'<time datetime="2024-03-1{n}">1{n} Mar 2024</time><p>Findings of study {n} on decent work.</p></article>'
        for n in range(5)
    )
    page = tmp_path / "page.html"
    page.write_text(f"<html lang=en><body><main><h1>{heading}</h1>{records}</main></body></html>")
    return page


def test_parse_table_heading_reaches_the_terminal_clean(tmp_path):
    page = saved_page(tmp_path, "Reports \u202eEVIL\u202c", "Report {n} on labour rights")
    shown = cli("parse", page, "--url", "https://example.org/list/", "--format", "table", check=0).stdout
    assert "Report 3 on labour rights" in shown
    assert "\u202e" not in shown and "\u202c" not in shown


def test_parse_jsonl_on_a_terminal_is_cleaned_as_export_is(tmp_path):
    page = saved_page(tmp_path, "Reports", "Report {n} \u202eEVIL\u202c on labour rights")
    shown = on_a_terminal("parse", page, "--url", "https://example.org/list/")
    assert "on labour rights" in shown
    assert "\u202e" not in shown


def test_parse_jsonl_into_a_file_keeps_the_words_without_the_bidi_override(tmp_path):
    """A pipe or file gets the page's words as stored, as export's does; a bidi override is none of them (stranger34:
    an unclosed one reverses what follows it wherever the JSON is shown)."""
    page = saved_page(tmp_path, "Reports", "Report {n} \u202e&lt;EVIL&gt;\u202c on labour rights")
    piped = cli("parse", page, "--url", "https://example.org/list/").stdout
    assert '"Report 3 <EVIL> on labour rights"' in piped and "\u202e" not in piped


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--db", "a\u202eb.db"],
        ["crawls", "--db", "a\u202eb.db"],
        ["backup", "--db", "a\u202eb.db", "o\u202e.db"],
        ["crawl", "--config", "c\u202e.toml"],
        ["crawl", "--config", "bad\u202e.toml"],
    ],
)
def test_a_file_name_the_user_typed_is_echoed_in_errors_without_bidi_characters(tmp_path, args):
    (tmp_path / "bad\u202e.toml").write_text("not = toml = at all\n")
    typed = [str(tmp_path / arg) if "\u202e" in arg else arg for arg in args]
    refused = cli(*typed, check=1)
    named = next(arg for arg in typed if "\u202e" in arg).replace("\u202e", "")
    assert named in refused.stderr and "\u202e" not in refused.stderr, refused.stderr
