"""A crawl that fails says why in its summary (refused, timeout...), not only in its log;
`crawls` shows it under a header, with its note."""

import socket

from conftest import FAST, cli, invoke

QUICK = [*FAST, "-s", "RETRY_TIMES=0", "-s", "ROBOTSTXT_OBEY=False"]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens here once the socket is closed


def test_a_refused_connection_is_named(tmp_path):
    db = tmp_path / "a.db"
    out = cli(
        "crawl", "listing", "--db", db, "--start-url", f"http://127.0.0.1:{closed_port()}/news/", *QUICK, check=4
    ).stdout
    assert "FAILED" in out and "why: connection refused" in out, out
    assert out.count("Connection was refused") == 1, out  # said once: no "note:" line repeating the "why:"
    table = invoke("crawls", "--db", db).output.splitlines()
    assert table[0].split()[:2] == ["crawl", "started"] and " site " in table[1] and "failed" in table[1]


def test_a_timeout_is_named(tmp_path):
    with socket.socket() as silent:  # accepts connections (the kernel's backlog) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        out = cli(
            "crawl",
            "listing",
            "--db",
            tmp_path / "a.db",
            "--start-url",
            f"http://127.0.0.1:{port}/news/",
            *QUICK,
            "-s",
            "DOWNLOAD_TIMEOUT=1",
            check=4,
        ).stdout
    assert "why: timeout" in out, out
