"""Schema 5: an archive made by the release before it migrates in place and reads the same.

tests/schema4/ holds a schema-4 archive (as SQL) and what that release read from it: every
entry's history, diffs between many pairs of crawls, and exports now and as of many dates
(tests/schema4/build.py made both).
"""

import json
import sqlite3
from pathlib import Path

import pytest

from archive.schema import SCHEMA_VERSION
from archive.store import Archive, integrity_ok

HERE = Path(__file__).resolve().parent / "schema4"


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    path = tmp_path_factory.mktemp("schema4") / "archive.db"
    conn = sqlite3.connect(path)
    conn.executescript((HERE / "archive.sql").read_text(encoding="utf-8"))
    conn.close()
    with Archive(path):  # a writer migrates
        pass
    return path


def outputs(conn):
    import importlib.util

    spec = importlib.util.spec_from_file_location("schema4_build", HERE / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return build.outputs(conn)


def test_migrated_archive_reads_as_before(migrated):
    expected = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
    with Archive(migrated, readonly=True) as a:
        assert a.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        got = outputs(a.conn)
    assert got["history"] == expected["history"]
    for key in expected["diff"]:
        assert got["diff"][key] == expected["diff"][key], key
    for key in expected["export"]:
        assert got["export"][key] == expected["export"][key], key
    assert integrity_ok(str(migrated))
