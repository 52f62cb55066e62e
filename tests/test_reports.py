"""Diff reports in every format, on small archives built by the same code a crawl uses."""

import json
import xml.etree.ElementTree as ET

import pytest
from chromium import dump_dom, screenshot
from conftest import cli, printed
from helpers import entry, news_entry, record_crawl

from archive.diff import default_pair, diff
from archive.reports import render
from archive.store import Archive

EVIL = 'Workshop <script>document.title="pwned"</script><img src=x onerror="document.title=\'pwned\'">'
ABOUT = "A workshop in Vientiane & Luang Prabang on <b>migrant</b> workers' rights. " + "It ran for three days. " * 20
LONG = (
    "The ILO delivers assistance directly to migrant workers and their communities "
    "through a network of resource centres in many countries."
)


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "r.db"
    with Archive(path) as a:
        record_crawl(
            a,
            [news_entry("WCMS_1"), news_entry("WCMS_2", description=LONG), news_entry("WCMS_3"), news_entry("WCMS_4")],
        )
        record_crawl(
            a,
            [
                news_entry(
                    "WCMS_1",
                    title="Entry one, renamed",
                    date_text="5 May 2023",
                    date_start="2023-05-05",
                    date_end="2023-05-05",
                ),
                news_entry("WCMS_2", description=LONG.replace("many countries", "ten ASEAN countries")),
                news_entry("WCMS_3"),
                news_entry("WCMS_5", title=EVIL, organisers=["ILO", "UNDP"], credit="© ILO 2023", description=ABOUT),
            ],
        )
        record_crawl(
            a,
            [
                news_entry(
                    "WCMS_1",
                    title="Entry one, renamed",
                    date_text="5 May 2023",
                    date_start="2023-05-05",
                    date_end="2023-05-05",
                ),
                news_entry("WCMS_2", description=LONG.replace("many countries", "ten ASEAN countries")),
                news_entry("WCMS_3"),
                news_entry("WCMS_4"),
                news_entry("WCMS_5", title=EVIL, organisers=["ILO", "UNDP"], credit="© ILO 2023", description=ABOUT),
            ],
        )
        yield a, path


def report(a, frm, to):
    return diff(a.conn, {"id": frm, **a.crawl(frm)} if frm else None, a.crawl(to))


def test_every_kind_of_change(archive):
    a, _ = archive
    r = report(a, 1, 2)
    assert r["counts"] == {"new": 1, "changed": 2, "removed": 1, "restored": 0}
    changed = {e["entry_id"]: e["changes"] for e in r["changed"]}
    assert changed["WCMS_1"]["title"] == ["Title of WCMS_1", "Entry one, renamed"]
    assert changed["WCMS_1"]["date_start"] == [None, "2023-05-05"]
    assert [e["entry_id"] for e in r["removed"]] == ["WCMS_4"]
    r3 = report(a, 2, 3)
    assert r3["counts"] == {"new": 0, "changed": 0, "removed": 0, "restored": 1}
    folded = report(a, 1, 3)  # two crawls folded into one line per entry
    assert folded["counts"] == {"new": 1, "changed": 2, "removed": 0, "restored": 0}
    assert report(a, None, 1)["counts"]["new"] == 4


def test_every_format_shows_a_new_entry_s_description(archive):
    import html as html_lib

    a, _ = archive
    r = report(a, 1, 2)
    start = "A workshop in Vientiane & Luang Prabang on <b>migrant</b> workers' rights."
    text = render(r, "text")
    assert start in text and ABOUT.strip() not in text and "…" in text  # an excerpt
    assert ABOUT.strip() in html_lib.unescape(render(r, "html"))  # all of it
    assert json.loads(render(r, "json"))["new"][0]["description"] == ABOUT
    content = ET.fromstring(render(r, "atom").encode()).find(".//{http://www.w3.org/2005/Atom}content")
    assert content.text == ABOUT
    assert "A workshop in Vientiane \\& Luang Prabang on \\<b\\>migrant\\</b\\>" in render(r, "markdown")
    brief = render(r, "markdown", limit=5)
    assert "It ran for three days. It ran" in brief and ABOUT.strip() not in brief


def test_json_format(archive):
    a, _ = archive
    data = json.loads(render(report(a, 1, 2), "json"))
    assert {"from", "to", "new", "changed", "removed", "restored"} <= set(data)
    assert data["from"]["id"] == 1 and data["to"]["id"] == 2
    for kind in ("new", "changed", "removed"):
        for e in data[kind]:
            assert {"entry_id", "url", "title", "listing_url"} <= set(e)
    assert all(isinstance(v, list) and len(v) == 2 for e in data["changed"] for v in e["changes"].values())


def test_text_and_markdown(archive):
    a, _ = archive
    text = render(report(a, 1, 2), "text")
    assert text.index("NEW") < text.index("CHANGED") < text.index("REMOVED")
    assert "1 new, 2 changed, 1 removed" in text and "\033[" not in text
    assert "Compares crawl 1 (complete, 0 pages captured) with crawl 2 (complete, 0 pages captured)." in text
    assert "[-many-]" in text or "[-many" in text  # word-level diff of long text
    assert "\033[" in render(report(a, 1, 2), "text", colour=True)
    md = render(report(a, 1, 2), "markdown")
    assert "## New (1)" in md and "`title`: ~~Title of WCMS\\_1~~ → **Entry one, renamed**" in md


def test_atom_feed_is_valid_escaped_and_stable(archive):
    a, _ = archive
    feed = render(report(a, 1, 2), "atom")
    root = ET.fromstring(feed.encode())  # well-formed XML: the <script> title is escaped
    ns = "{http://www.w3.org/2005/Atom}"
    ids = [e.find(ns + "id").text for e in root.findall(ns + "entry")]
    assert len(ids) == 3 and len(set(ids)) == 3
    titles = [e.find(ns + "title").text for e in root.findall(ns + "entry")]
    assert EVIL in titles
    # The same change reported again (a wider range) keeps its id: a reader shows it once.
    again = ET.fromstring(render(report(a, 1, 3), "atom").encode())
    assert set(ids) >= {e.find(ns + "id").text for e in again.findall(ns + "entry")}


def test_empty_report_says_so_in_one_line(archive):
    a, _ = archive
    record_crawl(
        a,
        [
            news_entry(
                "WCMS_1",
                title="Entry one, renamed",
                date_text="5 May 2023",
                date_start="2023-05-05",
                date_end="2023-05-05",
            ),
            news_entry("WCMS_2", description=LONG.replace("many countries", "ten ASEAN countries")),
            news_entry("WCMS_3"),
            news_entry("WCMS_4"),
            news_entry("WCMS_5", title=EVIL, organisers=["ILO", "UNDP"], credit="© ILO 2023", description=ABOUT),
        ],
    )
    r = report(a, 3, 4)
    assert len(render(r, "text").strip().splitlines()) == 1
    assert "nothing new, changed or removed" in render(r, "text")
    assert "Nothing new, changed or removed." in render(r, "markdown")


def test_partial_crawl_is_noted(archive):
    a, _ = archive
    record_crawl(
        a,
        [
            news_entry(
                "WCMS_1",
                title="Entry one, renamed",
                date_text="5 May 2023",
                date_start="2023-05-05",
                date_end="2023-05-05",
            )
        ],
        complete=False,
    )
    r = report(a, 3, 4)
    assert r["partial_crawls"] == [4] and r["counts"]["removed"] == 0
    assert "did not complete" in render(r, "text") and "did not complete" in render(r, "html")
    # The default pair skips the partial crawl: the last two complete crawls.
    frm, to = default_pair(a.conn)
    assert (frm["id"], to["id"]) == (2, 3)


def test_cli_diff_options(archive, tmp_path):
    _, path = archive
    data = json.loads(printed("diff", "--db", path, "--from", "1", "--to", "2", "--only", "new", "--format", "json"))
    assert len(data["new"]) == 1 and data["changed"] == [] and data["removed"] == []
    # An ad-hoc diff leaves the team's mark alone: the first report since the mark covers everything.
    first = json.loads(printed("diff", "--db", path, "--since-last-report", "--format", "json"))
    assert first["from"] is None and first["to"]["id"] == 3 and first["counts"]["new"] == 5
    again = printed("diff", "--db", path, "--since-last-report")
    assert again.strip().splitlines() == [again.strip()] and "Nothing new since crawl 3" in again
    html = tmp_path / "r.html"
    printed("diff", "--db", path, "--from", "1", "--to", "2", "--format", "html", "-o", html)
    assert "&lt;script&gt;" in html.read_text() and "<script>" not in html.read_text()


def test_report_marks_are_moved_only_on_request_and_per_team(archive):
    a, path = archive
    printed("diff", "--db", path, "--from", "1", "--to", "2", "--mark-reported=asia")
    assert "Nothing new since" not in printed(
        "diff", "--db", path, "--only", "new", "-o", path.parent / "adhoc.json", "--format", "json"
    )
    asia = json.loads(printed("diff", "--db", path, "--since-last-report=asia", "--format", "json"))
    assert (asia["from"]["id"], asia["to"]["id"], asia["counts"]["restored"]) == (2, 3, 1)
    africa = json.loads(printed("diff", "--db", path, "--since-last-report=africa", "--format", "json"))
    assert africa["from"] is None and africa["counts"]["new"] == 5
    assert "Nothing new since crawl 3" in printed("diff", "--db", path, "--since-last-report=asia")
    assert "Nothing new since crawl 3" in printed(
        "diff", "--db", path, "--since-last-report=africa", "--format", "markdown"
    )
    same = json.loads(printed("diff", "--db", path, "--since-last-report=asia", "--format", "json"))
    assert same["counts"] == {"new": 0, "changed": 0, "removed": 0, "restored": 0}
    assert "no default" not in printed("diff", "--db", path, "--since-last-report")  # the default mark is its own
    assert "report_mark" not in printed("diff", "--db", path, "--since-last-report=bad name", code=2)  # a usage error
    keys = dict(
        a.conn.execute("SELECT key, value FROM meta WHERE key LIKE 'report_mark:%' OR key = 'last_report_crawl'")
    )
    assert keys == {"report_mark:asia": "3", "report_mark:africa": "3", "last_report_crawl": "3"}


def test_html_report_in_headless_chromium(archive, tmp_path):
    """The hostile title shows as text and runs nothing; the chart is drawn; a screenshot is kept."""
    a, _ = archive
    page = tmp_path / "report.html"
    page.write_text(render(report(a, 1, 2), "html"), encoding="utf-8")
    dom = dump_dom(page.as_uri(), tmp_path / "profile")
    assert "pwned" not in dom.split("<title>")[1].split("</title>")[0]  # no script changed the title
    assert "&lt;script&gt;" in dom and "<script>" not in dom.split("</title>")[1]
    assert '<img src="x"' not in dom
    assert "<svg" in dom and dom.index("<svg") < dom.index("<h2>New")  # the chart, above the lists
    screenshot(page.as_uri(), "diff-report.png", tmp_path / "profile", size="800,1400")


def test_formats_come_from_one_registry(archive):
    from archive.cli.reporting import diff as diff_command
    from archive.reports import FORMATS, ReportFormat, notify_formats, register

    assert list(FORMATS) == ["text", "markdown", "html", "json", "atom"]
    assert FORMATS["atom"].media_type == "application/atom+xml" and FORMATS["html"].suffix == ".html"
    assert notify_formats() == ["text", "markdown", "html"]
    choices = next(p for p in diff_command.params if p.name == "fmt").type.choices
    assert list(choices) == list(FORMATS)
    a, _ = archive
    register(ReportFormat("ids", lambda r, **_: " ".join(e["entry_id"] for e in r["new"]), "text/plain", ".txt"))
    try:
        assert render(report(a, 1, 2), "ids") == "WCMS_5"  # a new format is one registration
    finally:
        del FORMATS["ids"]


def test_a_report_counts_as_the_crawl_counted(archive):
    """An entry back with a new title is restored and changed, in the crawl's counts and in the report alike."""
    a, _ = archive
    kept = [news_entry("WCMS_1"), news_entry("WCMS_2"), news_entry("WCMS_4"), news_entry("WCMS_5")]
    record_crawl(a, kept)
    back = record_crawl(a, [*kept, news_entry("WCMS_3", title="Entry three, back and renamed")])
    r = report(a, 4, 5)
    named = {k: [e["entry_id"] for e in r[k]] for k in ("restored", "changed")}
    assert named == {"restored": ["WCMS_3"], "changed": ["WCMS_3"]}
    assert r["changed"][0]["changes"]["title"] == ["Title of WCMS_3", "Entry three, back and renamed"]
    row = a.crawl(5)
    assert r["counts"] == {k: row[k] for k in ("new", "changed", "removed", "restored")}, back


def test_atom_entries_without_a_link_carry_content_and_read_back():
    """RFC 4287: an entry with no alternate link has content; feedparser reads every id and title back."""
    import feedparser

    from archive.reports import atom

    items = [
        {
            "id": atom.entry_id("e1"),
            "title": "No link <b>",
            "url": "javascript:x",
            "updated": None,
            "author": "L",
            "summary": "",
            "content": None,
        },
        {
            "id": atom.entry_id("e2", "changed", 3),
            "title": "Linked",
            "url": "https://example.org/2",
            "updated": "2026-01-02T00:00:00+00:00",
            "author": "L",
            "summary": "s",
            "content": None,
        },
    ]
    parsed = feedparser.parse(atom.feed("urn:x", "T", None, items))
    assert not parsed.bozo
    assert [(e.id, e.title) for e in parsed.entries] == [
        ("urn:listing-archive:e1:new", "No link <b>"),
        ("urn:listing-archive:e2:v3", "Linked"),
    ]
    assert parsed.entries[0].content[0].value == "No link <b>" and "content" not in parsed.entries[1]


@pytest.mark.parametrize(("fmt", "linked"), [("markdown", "](<"), ("html", "<a href="), ("atom", "<link href=")])
def test_an_entry_whose_link_has_a_space_keeps_its_link_in_reports(tmp_path, fmt, linked):
    """A file name with spaces ('/files/Annual report 2023.pdf', common on sites) is linked, percent-encoded."""
    archive = Archive(tmp_path / "a.db")
    url = "https://example.org/files/Annual report 2023.pdf"
    record_crawl(archive, [entry("report-2023", url=url, title="Annual report 2023")])
    archive.close()
    shown = cli("diff", "--db", tmp_path / "a.db", "--format", fmt, check=0).stdout
    assert "Annual report 2023" in shown
    assert linked in shown and "Annual%20report%202023.pdf" in shown
    assert "files/Annual report" not in shown  # never the raw address, in a link or beside it
