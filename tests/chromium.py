"""Headless Chromium for the tests that look at pages as a person would.

Without Chromium these tests are skipped ("skipped: chromium not installed"), unless
REQUIRE_CHROMIUM is set (.ci/run sets it after installing Debian's chromium): then a
missing browser fails them, so CI never skips them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

OUTPUT = Path(__file__).resolve().parent / "output"


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("REQUIRE_CHROMIUM"):
        pytest.fail("REQUIRE_CHROMIUM is set but chromium is not installed")
    pytest.skip("skipped: chromium not installed")


def _flags(profile: Path) -> list[str]:
    return [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
    ]


def dump_dom(url: str, profile: Path) -> str:
    """The page's DOM after it loaded (and ran whatever it runs), as Chromium serialises it."""
    done = subprocess.run(
        [*_flags(profile), "--dump-dom", url], capture_output=True, text=True, timeout=120, check=False
    )
    return done.stdout


def screenshot(url: str, name: str, profile: Path, size: str = "900,1200") -> Path:
    """A PNG of the page in tests/output/NAME (kept: the README and docs/reports.md show two of them)."""
    OUTPUT.mkdir(exist_ok=True)
    shot = OUTPUT / name
    if shot.exists():
        shot.unlink()
    subprocess.run(
        [*_flags(profile), f"--screenshot={shot}", f"--window-size={size}", url],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.exists() and shot.stat().st_size > 5_000, f"no screenshot of {url}"
    return shot
