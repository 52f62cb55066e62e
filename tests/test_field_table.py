"""One field table: a field declared once in crawler/field_table.py reaches the schema, the
versions, the export and the JSON diff without touching another file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import FAST, ROOT
from helpers import write_site

from crawler.field_table import FIELD_TABLE, FIELDS, SUMMARY_FIELDS, VERSIONED_FIELDS
from crawler.site_server import SiteServer

EXERCISE = r"""
import json, sys
from click.testing import CliRunner
from archive.cli import main
from archive.store import Archive, Sighting

db, L = sys.argv[1], "https://example.org/news/"
def entry(mood):
    return {"entry_id": "e1", "url": "https://example.org/news/1", "title": "Budget", "listing_url": L, "mood": mood}
with Archive(db) as a:
    for mood in ("calm", "stormy"):
        session = a.begin_crawl("listing", [L])
        a.record_entries(session, [(entry(mood), Sighting(L))])
        a.finish_crawl(session, {L: {"pages_fetched": 1, "complete": True}})
    columns = [r[1] for r in a.conn.execute("PRAGMA table_info(entries)")]
    records = [json.loads(r[0]) for r in a.conn.execute("SELECT record FROM version_records ORDER BY version")]
    changed = json.loads(a.conn.execute("SELECT changed_fields FROM version_records WHERE version=2").fetchone()[0])
runner = CliRunner()
exported = json.loads(runner.invoke(main, ["export", "--db", db, "--format", "json"]).output)
diff = json.loads(runner.invoke(main, ["diff", "--db", db, "--format", "json"]).output)
print(json.dumps({"columns": columns, "records": records, "changed": changed, "exported": exported, "diff": diff}))
"""


def test_the_field_table_is_the_only_list_of_fields():
    assert tuple(f.name for f in FIELD_TABLE) == FIELDS
    assert set(VERSIONED_FIELDS) <= set(FIELDS) and set(SUMMARY_FIELDS) <= set(FIELDS)
    assert not {"group", "position", "listing_url"} & set(VERSIONED_FIELDS)  # placement is a sighting


def test_a_field_declared_once_reaches_schema_versions_export_and_diff(tmp_path):
    copy = tmp_path / "src"
    for package in ("crawler", "archive", "pipelines"):
        shutil.copytree(ROOT / package, copy / package, ignore=shutil.ignore_patterns("__pycache__"))
    items = copy / "crawler" / "field_table.py"
    text = items.read_text()
    anchor = '    Field("language"),\n'
    assert anchor in text
    # The exercise: one line, in one file.
    items.write_text(text.replace(anchor, anchor + '    Field("mood", summary=True),\n'))
    script = tmp_path / "exercise.py"
    script.write_text(EXERCISE)
    proc = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "a.db")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(copy)},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert "mood" in got["columns"]
    assert [r["mood"] for r in got["records"]] == ["calm", "stormy"]
    assert got["changed"] == ["mood"]
    assert got["exported"][0]["mood"] == "stormy"
    assert "mood" in json.dumps(got["diff"]["changed"])


def test_reading_commands_load_neither_scrapy_nor_twisted(tmp_path):
    """The archive's reading commands start without the crawler's stack (it cost ~230 ms a start)."""
    script = (
        "import sys\n"
        "from archive.cli import main\n"
        "try:\n    main(sys.argv[1:], standalone_mode=False)\n"
        "except Exception:  # a command refusing is fine here\n    pass\n"
        "loaded = {m.split('.')[0] for m in sys.modules if m.startswith(('scrapy', 'twisted'))}\n"
        "print(sorted(loaded), file=sys.stderr)\n"
    )
    db = str(tmp_path / "a.db")
    from archive.store import Archive

    with Archive(db):
        pass
    commands = (["schema"], ["export", "--format", "json"], ["history", "x"], ["search", "x"], ["diff"], ["crawls"])
    for command in commands:
        proc = subprocess.run([sys.executable, "-c", script, *command, "--db", db], capture_output=True, text=True)
        assert proc.stderr.strip().splitlines()[-1] == "[]", (command, proc.stderr[-500:])


def test_help_loads_no_archive_store_and_no_crawler():
    """`listing-archive --help` loads the command line only: each command imports what it runs in its body."""
    script = (
        "import sys\n"
        "from archive.cli import main\n"
        "try:\n    main(['--help'])\n"
        "except SystemExit:\n    pass\n"
        "heavy = ('archive.store', 'archive.queries', 'archive.runner', 'crawler.extract', 'scrapy', 'twisted')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert "Usage: " in proc.stdout and proc.stderr.strip().splitlines()[-1] == "[]", proc.stderr[-500:]


def test_a_plain_crawl_loads_no_component_it_has_switched_off(tmp_path):
    """A crawl loads neither the remote control (aiohttp's server), the telnet console, the cookies middleware
    (tldextract) nor Redis's client: off or not asked for, they cost each cron crawl's start ~0.3 s of CPU."""
    write_site(tmp_path / "site", pages=2)
    script = (
        "import sys\n"
        "from archive.cli import main\n"
        "try:\n    main(sys.argv[1:], standalone_mode=False)\n"
        "finally:\n"
        "    unwanted = ('aiohttp', 'tldextract', 'redis', 'twisted.conch', 'scrapy.extensions.remote_control')\n"
        "    print(sorted(m for m in sys.modules if m.startswith(unwanted)), file=sys.stderr)\n"
    )
    with SiteServer(tmp_path / "site") as site:
        crawl = ["crawl", "listing", "--db", str(tmp_path / "a.db"), "--start-url", f"{site.base_url}/list/page-1.html"]
        proc = subprocess.run(
            [sys.executable, "-c", script, *crawl, *FAST], capture_output=True, text=True, cwd=str(ROOT), timeout=120
        )
    assert "COMPLETE" in proc.stdout, proc.stdout + proc.stderr[-2000:]
    assert proc.stderr.strip().splitlines()[-1] == "[]", proc.stderr[-500:]


@pytest.mark.parametrize(
    "switch,table,component",
    [
        ("COOKIES_ENABLED", "DOWNLOADER_MIDDLEWARES", "scrapy.downloadermiddlewares.cookies.CookiesMiddleware"),
        ("TELNETCONSOLE_ENABLED", "EXTENSIONS", "scrapy.extensions.telnet.TelnetConsole"),
        ("REMOTE_CONTROL_ENABLED", "EXTENSIONS", "scrapy.extensions.remote_control.RemoteControl"),
    ],
)
def test_a_component_left_out_comes_back_when_switched_on(switch, table, component):
    """Left out of Scrapy's base tables to start fast, a component a user switches on (`-s COOKIES_ENABLED=True`,
    or a config's settings) is in its table again: a site that needs its session cookie still gets it."""
    from crawler.run import project_settings

    assert component not in project_settings().getwithbase(table)
    assert component in project_settings({switch: "True"}).getwithbase(table)
