"""The examples in the README and docs/ work: every SQL example runs against the demo archive
(and the ones with a known answer give it), the reading and report commands they show run,
and the JSON report has the keys docs/reports.md lists."""

import json
import re
import shlex
import sqlite3

import pytest
from conftest import ROOT, cli, invoke

from archive.config import load_config
from crawler.extract.profiles import load_profile_file

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Commands that only read the archive: any line of them a page shows runs on the demo archive.
READING = {"diff", "export", "history", "search", "crawls", "schema"}
JSON_REPORT_KEYS = [
    "from",
    "to",
    "crawls",
    "partial_crawls",
    "held_back",
    "captures",
    "listing",
    "counts",
    "new",
    "changed",
    "removed",
    "restored",
    "activity",
]


def blocks(language: str) -> list[str]:
    return [
        block
        for page in PAGES
        for block in re.findall(rf"```{language}\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)
    ]


def statements(block: str) -> list[str]:
    out, current = [], ""
    for line in block.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    assert not current.strip(), f"an unfinished SQL statement in the docs: {current!r}"
    return out


def _state(path):
    return path.stat().st_mtime_ns if path.exists() else None


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    db = folder / "demo.db"
    in_repository = ROOT / "demo-report.html"
    before = _state(in_repository)
    cli("demo", "--db", db, "--report", folder / "demo-report.html", check=0, timeout=300)
    assert _state(in_repository) == before, "the demo wrote its report into the repository"
    assert (folder / "demo-report.html").is_file()
    return db


def test_every_sql_example_runs_on_the_demo_archive(demo):
    examples = [s for block in blocks("sql") for s in statements(block)]
    assert len(examples) >= 2
    conn = sqlite3.connect(f"file:{demo}?mode=ro", uri=True)
    try:
        for sql in examples:
            conn.execute(sql).fetchall()  # raises on any mistake
        titles = next(s for s in examples if "change to a title" in s)
        rows = conn.execute(titles).fetchall()
        assert [(r[0], r[1]) for r in rows] == [("WCMS_862866", 2)]  # the one title change, not the first versions
        assert "the Automotive Sector" in rows[0][3]
        listed = next(s for s in examples if "latest crawl" in s)
        assert len({title for title, _ in conn.execute(listed)}) == 14
    finally:
        conn.close()


def _shown_reading_lines() -> list[str]:
    lines = [line.split(" #")[0].strip() for block in blocks("sh") for line in block.splitlines()]
    return [line for line in lines if line.startswith("listing-archive ") and line.split()[1] in READING]


def test_the_reading_and_report_commands_shown_run(demo, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # files they write (-o) land here
    shown = _shown_reading_lines()
    assert len([line for line in shown if line.startswith("listing-archive diff")]) >= 4
    assert {line.split()[1] for line in shown} >= {"diff", "export", "search", "history", "crawls"}
    for line in shown:
        # The demo archive is given last: it wins over a --db the line names (the tour's tour.db).
        result = invoke(*shlex.split(line)[1:], "--db", demo)
        assert result.exit_code == 0, (line, result.output)


def test_the_json_report_has_the_keys_the_docs_list(demo):
    result = invoke("diff", "--db", demo, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert list(report) == JSON_REPORT_KEYS
    text = (ROOT / "docs" / "reports.md").read_text(encoding="utf-8")
    described = text[text.index("The JSON report's keys") :].split("\n\n")[0]
    positions = [described.index(f"`{key}`") for key in JSON_REPORT_KEYS]
    assert positions == sorted(positions), "docs/reports.md lists the keys out of order"
    entry_keys = set(report["changed"][0]) - {"changes"}
    assert all(key in described for key in entry_keys), entry_keys
    assert report["changed"][0]["changes"]["title"][1].endswith("of the Automotive Sector")
    assert {"crawls", "rows"} == set(report["activity"])


FEED = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>News</title>
<item><title>A news item</title><link>https://example.org/news/1</link></item></channel></rss>"""


def test_the_parse_commands_shown_run_on_a_saved_page(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_bytes((ROOT / "tests" / "fixtures" / "ilo-lao-resources.html").read_bytes())
    (tmp_path / "feed.xml").write_text(FEED, encoding="utf-8")
    lines = [line.strip() for block in blocks("sh") for line in block.splitlines()]
    shown = [line for line in lines if line.startswith("listing-archive parse page.html ")]
    assert len(shown) >= 2
    for line in shown:
        result = invoke(*shlex.split(line)[1:])
        assert result.exit_code == 0, (line, result.output)
        assert "Lao People" in result.output  # the page's entries, read


def test_every_config_file_and_profile_shown_loads(tmp_path, monkeypatch):
    monkeypatch.setenv("LISTING_PW", "a password the example reads from the environment")
    shown = blocks("toml")
    configs = [block for block in shown if "[[listing]]" in block]
    assert configs, "no listings.toml example in the docs"
    for number, block in enumerate(configs):
        path = tmp_path / f"listings{number}.toml"
        path.write_text(block, encoding="utf-8")
        config = load_config(str(path))  # raises ConfigError on an unknown key or a wrong type
        assert config.listings, block
    profiles = [block for block in shown if "[selectors]" in block]
    assert profiles, "no site profile example in the docs"
    for block in profiles:
        path = tmp_path / "mysite.toml"
        path.write_text(block, encoding="utf-8")
        profile = load_profile_file(path)  # raises ProfileError on a mistake
        assert profile.name == "mysite"


def test_the_cron_lines_shown_have_their_log_folder_made_first():
    # cron opens `>> logs/cron.log` before the crawl runs: in a fresh folder the line failed every time
    # ("Directory nonexistent") and the crawl, which would make logs/, never ran.
    text = "\n".join(page.read_text(encoding="utf-8") for page in PAGES)
    redirects = re.findall(r"cd (\S+) && .*>> (\S+)/\S+", "\n".join(blocks("cron")))
    assert redirects, "no cron line with a log file in the docs"
    for folder, log_folder in redirects:
        assert f"mkdir -p {folder}/{log_folder}" in text, (folder, log_folder)


def test_the_benchmark_passes_are_numbered_in_order():
    """docs/benchmarks.md once had two "Fifth pass" headings (issue 20): each pass's heading names the next ordinal,
    so "the sixth pass" in the code's comments points at one pass."""
    ordinals = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"]
    ordinals += ["Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth"]
    text = (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    headings = re.findall(r"^\*\*(\w+) pass\b", text, flags=re.M)
    assert headings == ordinals[1 : len(headings) + 1]


def test_the_failures_table_says_what_a_stop_before_any_page_gives():
    row = next(line for line in (ROOT / "docs" / "failures.md").read_text().splitlines() if "DOWNLOAD_DELAY" in line)
    assert "if no page was read" not in row or "`PARTIAL` (exit 3) even if no page was read" in row, row
