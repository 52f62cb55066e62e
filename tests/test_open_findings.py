"""Strict xfails for bugs found and not yet fixed; each moves to its component's test file when fixed."""

import pytest

from crawler.origins import redact
from crawler.spiders.whole_page import start_page_cut


@pytest.mark.xfail(
    strict=True,
    reason="a secret name run together with its prefix in lower case (?accesstoken=, ?apitoken=, ?authtoken=) "
    "is not masked: the URL is printed, logged and kept with the secret",
)
@pytest.mark.parametrize("name", ["accesstoken", "apitoken", "authtoken"])
def test_a_secret_name_run_together_is_masked(name):
    """Found attacking issue 20 (stranger30): `_NAME_END` needs '_', '-', '.' or a camelCase capital before the
    secret word, so an all-lower-case compound name is read as no secret."""
    assert "s3cr3tvalue" not in redact(f"https://a.org/feed?{name}=s3cr3tvalue")


@pytest.mark.xfail(
    strict=True,
    reason="html_closes finds '</body></html>' anywhere in the page: a start page whose head script writes a print "
    "window ('<html><body>' + ... + '</body></html>') and that is then cut mid-list is taken as whole, and the "
    "entries past the cut are recorded as removed",
)
def test_a_closing_tag_in_a_script_does_not_make_a_cut_start_page_whole():
    """Found attacking issue 20 (stranger30): `_CLOSING` is searched for, not matched at the end of the document."""
    head = "<html><head><script>function printIt(c){w.document.write('<html><body>'+c+'</body></html>')}</script>"
    cut_page = head + "</head><body><ul><li><a href='/n/1'>One</a></li><li><a href='/n/2'>Tw"
    last = {"closed": True, "listed": 1, "entry_ids": ["e1", "e2", "e3"], "page_links": []}
    last["whole"] = {"listed": 3, "paged": False, "read_as": {"e1": ["One", None]}}
    last["last_entry"] = {"entry_id": "e1", "title": "One", "description": None}
    assert start_page_cut(cut_page, [], last) is not None
