"""A redis-server of the tests' own on a free port of 127.0.0.1 (the `redis_url` fixture).

Where redis-server is not installed the tests that need it skip ("skipped: redis-server not
installed"); REQUIRE_REDIS=1, as CI sets it, makes that a failure.
"""

import os
import shutil
import subprocess

import pytest
from conftest import wait_for
from helpers import free_port

from crawler.distributed.frontier import Frontier, FrontierError

REDIS_SERVER = shutil.which("redis-server")


def _answers(url: str) -> bool:
    try:
        Frontier(url).ping()
        return True
    except FrontierError:
        return False


@pytest.fixture
def redis_url(tmp_path):
    if REDIS_SERVER is None:
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail("redis-server not installed, and REQUIRE_REDIS=1")
        pytest.skip("skipped: redis-server not installed")
    port = free_port()
    command = [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    proc = subprocess.Popen([*command, "--dir", str(tmp_path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        wait_for(lambda: proc.poll() is not None or _answers(url), 30)
        assert proc.poll() is None, "redis-server did not start"
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)
