"""A bare ?key= in a start URL is masked when its value looks like a key, wherever it is printed, and --listing
takes the start URL as it was crawled (found by a stranger, 2026-12-07)."""

from __future__ import annotations

import pytest
from conftest import FAST, cli, invoke
from helpers import NOWHERE, entry, record_crawl

from archive.store import Archive

# -- a watched field settled empty (archive/health.py settled_fields) ------------------------------------------


GOOGLE_KEY = "AIzaSyD-Zq8never-kept-0123"  # as test_secrets.py's: 26 characters, no slug


def test_a_key_in_a_failing_start_url_is_not_printed(tmp_path):
    start = f"{NOWHERE}list?key={GOOGLE_KEY}"
    done = cli(
        "crawl", "listing", "--db", tmp_path / "a.db", "--log-dir", tmp_path / "logs", "--start-url", start, *FAST
    )
    assert done.returncode == 4, done.stdout + done.stderr  # the page failed: exit 4
    assert "key=***" in done.stdout
    logged = "".join(path.read_text() for path in (tmp_path / "logs").rglob("*") if path.is_file())
    assert GOOGLE_KEY not in done.stdout + done.stderr + logged


@pytest.mark.parametrize(
    "value",
    ["dGhpcyBpcyBhIHNlY3JldCBrZXk=", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "AIzaSyD+Zq8/never/kept0123"],
)
def test_a_key_written_in_base64_or_as_a_jwt_is_masked(value):
    from crawler.origins import redact

    assert redact(f"http://h/l?key={value}&page=2") == "http://h/l?key=***&page=2"


@pytest.mark.parametrize("after", [": HTTP 404", ".", ", then", ")"])
def test_a_key_in_a_message_is_masked_whatever_follows_the_url(after):
    from crawler.origins import mask_query_secrets

    assert GOOGLE_KEY not in mask_query_secrets(f"(see http://h/l?key={GOOGLE_KEY}{after}")


@pytest.mark.parametrize(
    "sections",
    [("2024-annual-reports-list", "2023-annual-reports-list"), ("Annual-Reports-Of-The-Board", "Minutes-Of-The-Board")],
)
def test_two_sections_named_in_words_by_a_bare_key_are_two_listings(tmp_path, sections):
    one, two = (f"{NOWHERE}list?key={name}" for name in sections)
    run = cli("crawl", "listing", "--db", tmp_path / "a.db", "--start-url", one, "--start-url", two, *FAST)
    assert "differ only in a secret" not in run.stderr and run.returncode != 2, run.stderr


@pytest.mark.parametrize(
    ("given", "kept"),  # as a crawl of the start URL `given` keeps its listing
    [
        ("https://www.ilo.org/a/index.htm?token=tok-Zq9-never-kept", "https://www.ilo.org/a/index.htm?token=***"),
        ("https://alice:pw-Zq9-never-kept@www.ilo.org/a/index.htm", "https://www.ilo.org/a/index.htm"),
    ],
)
@pytest.mark.parametrize("command", [("search", "forum"), ("diff",)])
def test_listing_option_takes_the_start_url_with_its_secret(tmp_path, command, given, kept):
    with Archive(tmp_path / "a.db") as archive:
        record_crawl(archive, [entry("WCMS_1", title="Forum one", listing_url=kept)])
        record_crawl(archive, [entry("WCMS_1", title="Forum one", listing_url=kept)])
    result = invoke(*command, "--db", tmp_path / "a.db", "--listing", given)
    assert "never-kept" not in result.output
    assert result.exit_code == 0, result.output
