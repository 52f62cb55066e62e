"""Files the user names (--config, a profile, parse's page and --url): refused in one line naming the file
(and the key), never a hang, a traceback or a memory error.

No crawl here gets as far as fetching: each is refused while its config is read.
"""

import os

import pytest
from conftest import FIXTURES, SEED_URL, cli

NOWHERE = "http://127.0.0.1:9/"
LISTING = f'[[listing]]\nurl = "{NOWHERE}"\nspider = "listing"\n'


def crawl_with(config, tmp_path):
    return cli("crawl", "--config", config, "--db", tmp_path / "a.db", timeout=60)


@pytest.mark.parametrize(
    "text",
    ["a = " + "[" * 5000 + "]" * 5000 + "\n", "a = " + "{b = " * 5000 + "1" + "}" * 5000 + "\n"],
    ids=["arrays", "tables"],
)
def test_a_config_nested_5000_deep(tmp_path, text):
    config = tmp_path / "deep.toml"
    config.write_text(text + LISTING)
    result = crawl_with(config, tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert f"{config}: not valid TOML: nested too deeply" in result.stderr
    assert not (tmp_path / "a.db").exists()


def test_a_config_that_is_dev_zero_a_fifo_or_huge(tmp_path):
    fifo, huge = tmp_path / "fifo.toml", tmp_path / "huge.toml"
    os.mkfifo(fifo)
    huge.write_text(LISTING + "# padding\n" * 200_000)
    for path, message in (
        ("/dev/zero", "/dev/zero is not a regular file"),  # was: 16 s, then a MemoryError
        (fifo, f"{fifo} is not a regular file"),  # was: waits for ever for a writer
        (huge, f"{huge} is larger than 1,024 KB"),
    ):
        result = crawl_with(path, tmp_path)
        assert result.returncode == 1 and message in result.stderr, result.stderr[-2000:]
        assert len(result.stderr.strip().splitlines()) == 1


def test_a_profile_that_is_a_folder_names_the_config_and_key(tmp_path):
    (tmp_path / "some-directory").mkdir()
    config = tmp_path / "listings.toml"
    config.write_text(LISTING + 'profile = "some-directory/"\n')
    result = crawl_with(config, tmp_path)
    assert result.returncode == 1, result.stderr
    assert f"{config}: [[listing]] #1: key 'profile': " in result.stderr
    assert "some-directory is a folder, not a profile file" in result.stderr


@pytest.mark.parametrize("pattern", ["(a+)+$", "(?:x|y*)*z", "([a-z]{1,9})+_", "(?:(\\d+))+"])
def test_a_profile_regex_that_repeats_a_repetition_is_refused(tmp_path, pattern):
    """'(a+)+$' against a long link of a's backtracks for hours; it is refused when the profile is read."""
    profile = tmp_path / "mysite.toml"
    profile.write_text(f'name = "mysite"\ndocument_id = \'{pattern}\'\n[selectors]\nentry = "li"\n')
    result = cli("parse", FIXTURES / "ilo-lao-resources.html", "--url", SEED_URL, "--profile", profile)
    assert result.returncode == 1, result.stdout[-500:] + result.stderr
    assert f"{profile}: document_id = " in result.stderr and "repeats a repetition" in result.stderr


def test_a_profile_regex_without_nested_repeats_loads(tmp_path):
    profile = tmp_path / "mysite.toml"
    profile.write_text("name = \"mysite\"\ndocument_id = '\\b(WCMS_\\d+)\\b'\npage_offset = '((ab){2})+(\\d+)'\n")
    profile.write_text(profile.read_text() + '[selectors]\nentry = "li"\n')
    from crawler.extract.profiles import load_profile_file

    assert load_profile_file(profile).document_id.pattern == "\\b(WCMS_\\d+)\\b"


def test_parse_of_a_fifo_or_a_device_is_refused(tmp_path):
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)
    for path in (fifo, "/dev/zero"):
        result = cli("parse", path, "--url", SEED_URL)  # was: waits for ever (or reads /dev/zero to the end)
        assert result.returncode == 1 and f"{path} is not a regular file" in result.stderr, result.stderr


@pytest.mark.parametrize("url", ["not a url", "example.org/news", "ftp://example.org/", ""])
def test_parse_with_a_url_that_is_not_one_names_url(url):
    """It used to exit 0 with a warning per entry (every link resolved against nothing) and no word of --url."""
    result = cli("parse", FIXTURES / "ilo-lao-resources.html", "--url", url)
    assert result.returncode == 2 and "Invalid value for --url" in result.stderr, result.stderr
    assert result.stdout == ""
