"""crawler/site_server.py, the local server of the demo site and of the tests' sites."""

import socket

import pytest
from helpers import get, local_request

from crawler.site_server import SiteServer


def _error_output(server: SiteServer, exc: BaseException, capsys) -> str:
    try:
        raise exc
    except BaseException:
        server.handle_error(None, ("127.0.0.1", 0))
    return capsys.readouterr().err


def test_a_client_that_hangs_up_is_no_server_error(tmp_path, capsys):
    """A crawl stopped mid-answer cuts the connection: no traceback on the test's output for it,
    while a real error in a handler is still printed."""
    with SiteServer(tmp_path) as server:
        assert _error_output(server, BrokenPipeError(32, "Broken pipe"), capsys) == ""
        assert _error_output(server, ConnectionResetError(104, "reset"), capsys) == ""
        assert "ZeroDivisionError" in _error_output(server, ZeroDivisionError("a bug"), capsys)


def test_serves_the_state_then_the_base(tmp_path):
    (tmp_path / "week1").mkdir()
    (tmp_path / "week2").mkdir()
    (tmp_path / "week1" / "a.htm").write_text("one")
    (tmp_path / "week2" / "b.htm").write_text("two")
    with SiteServer(tmp_path, state="week2", base="week1") as server:
        assert server.resolve("/b.htm").read_text() == "two"
        assert server.resolve("/a.htm").read_text() == "one"  # the state lacks it: from the base
        assert server.resolve("/missing.htm") is None
        assert server.resolve("/../../etc/passwd") is None  # nothing outside the folder
        with socket.create_connection(("127.0.0.1", server.server_address[1])) as conn:
            conn.sendall(b"GET /b.htm HTTP/1.0\r\n\r\n")
            assert b"two" in conn.recv(4096) + conn.recv(4096)


def test_the_tests_fetch_only_from_loopback_addresses(tmp_path):
    """tests/helpers.local_request (behind get) is how a test reads a page: nothing off 127.0.0.0/8 or ::1."""
    for url in ("http://example.org/", "https://127.0.0.1/", "http://10.0.0.1:8001/", "ftp://127.0.0.1/"):
        with pytest.raises(ValueError, match="loopback"):
            local_request(url)
    (tmp_path / "a.htm").write_text("here")
    with SiteServer(tmp_path) as server:
        assert get(server.base_url + "/a.htm") == "here"
        assert local_request(server.base_url + "/missing.htm")[0] == 404
