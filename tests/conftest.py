import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=1", "-s", "LOG_LEVEL=WARNING"]


def cli(*args, check=None, timeout=120):
    """Run `listing-archive ARGS` in its own process (a crawl starts Twisted once per process)."""
    proc = subprocess.run(
        [sys.executable, "-m", "archive.cli", *map(str, args)],
        capture_output=True, text=True, timeout=timeout, cwd=str(ROOT), env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if check is not None:
        assert proc.returncode == check, f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr[-4000:]}"
    return proc


@pytest.fixture
def seed_html():
    return (FIXTURES / "ilo-lao-resources.html").read_bytes()


SEED_URL = "https://www.ilo.org/asia/countries/lao-peoples-democratic-republic/facet/lang--en/index.htm"


def labelled_pages():
    for path in sorted((FIXTURES / "pages").glob("*.json")):
        yield path.stem, json.loads(path.read_text()), path.with_suffix(".html").read_bytes()
