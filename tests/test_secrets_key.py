"""A bare ?key= in a start URL is masked when its value looks like a key, wherever it is printed (found by a
stranger, 2026-12-07)."""

from __future__ import annotations

import pytest
from conftest import FAST, cli
from helpers import NOWHERE

# -- a bare ?key= in a start URL (crawler/origins.py QUERY_SECRET) -------------------------------------------------

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
