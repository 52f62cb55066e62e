"""`crawl listing` with no --start-url or --config: the generic spider has no listing of its own. It printed
Scrapy's traceback (ValueError: spider 'listing' needs start URLs: -a start_urls=URL,URL), exit 1, and left a
new empty archive behind."""

import pytest
from conftest import cli, printed

from archive.store import Archive


@pytest.mark.parametrize("command", [["crawl", "listing"], ["schedule", "--every", "1h", "listing"]])
def test_a_spider_without_default_listings_asks_for_one(tmp_path, command):
    db = tmp_path / "new.db"
    result = cli(*command, "--db", db, timeout=60)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "--start-url" in result.stderr and "--config" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("Error:"), result.stderr
    assert not db.exists() and not (tmp_path / "logs").exists()


def test_crawls_of_an_archive_with_none_says_so(tmp_path):
    """An archive no crawl has written yet listed a bare table header."""
    Archive(tmp_path / "new.db").close()
    assert printed("crawls", "--db", tmp_path / "new.db").strip() == (
        f"no crawls in {tmp_path / 'new.db'} yet: run `listing-archive crawl`"
    )
