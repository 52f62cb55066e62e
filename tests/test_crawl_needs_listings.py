"""`crawl listing` with no --start-url or --config: the generic spider has no listing of its own. It printed
Scrapy's traceback (ValueError: spider 'listing' needs start URLs: -a start_urls=URL,URL), exit 1, and left a
new empty archive behind."""

import pytest
from conftest import cli


@pytest.mark.parametrize("command", [["crawl", "listing"], ["schedule", "--every", "1h", "listing"]])
def test_a_spider_without_default_listings_asks_for_one(tmp_path, command):
    db = tmp_path / "new.db"
    result = cli(*command, "--db", db, timeout=60)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "--start-url" in result.stderr and "--config" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("Error:"), result.stderr
    assert not db.exists() and not (tmp_path / "logs").exists()
