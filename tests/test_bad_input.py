"""Bad input gets a clear message and a non-zero exit: never a traceback, never a silent
wrong answer, never lost data.

Exit status: 2 for a bad command-line value (a usage error), 1 for a bad file (a config,
a profile, a page) or an archive that cannot be used. Commands that do not crawl run
in-process (CliRunner); none of these crawls gets as far as fetching anything, and every
start URL here is a closed port on 127.0.0.1 in case one did.
"""

import os

import pytest
from conftest import FIXTURES, invoke
from helpers import NOWHERE, file_state, good_archive

from archive.store import integrity_ok

# -- settings: -s NAME=VALUE ------------------------------------------------------


@pytest.mark.parametrize(
    "setting,message",
    [
        ("DOWNLOAD_TIMEOUT=abc", "DOWNLOAD_TIMEOUT='abc': expected a number"),
        ("DOWNLOAD_DELAY=abc", "DOWNLOAD_DELAY='abc': expected a number"),
        ("DOWNLOAD_DELAY=nan", "expected a number"),
        ("DOWNLOAD_TIMEOUT=inf", "expected a number"),
        ("DOWNLOAD_MAXSIZE=1e400", "expected a whole number"),
        ("CONCURRENT_REQUESTS=-1", "CONCURRENT_REQUESTS='-1': expected a whole number, not negative"),
        ("CONCURRENT_REQUESTS=0", "above 0"),
        ("CONCURRENT_REQUESTS=2.5", "expected a whole number"),
        ("RETRY_TIMES=-2", "RETRY_TIMES='-2': expected a whole number, not negative"),
        ("RETRY_TIMES=many", "expected a whole number"),
        ("DOWNLOAD_DELAY=-1", "not negative"),
        ("ROBOTSTXT_OBEY=maybe", "ROBOTSTXT_OBEY='maybe': expected true or false"),
        ("AUTOTHROTTLE_ENABLED=yes", "expected true or false"),
        ("LOG_LEVEL=LOUD", "expected a log level"),
        ("RETRY_HTTP_CODES=abc", "HTTP status codes"),
        ("RETRY_HTTP_CODES=429,999", "HTTP status codes"),
        ("ARCHIVE_IGNORE_FIELDS=titel", "unknown: titel"),
        ("ITEM_PIPELINES=not-json", "expected a JSON object"),
        ("DOWNLAOD_DELAY=2", "unknown setting; did you mean DOWNLOAD_DELAY?"),
        ("download_delay=2", "setting names are upper case; did you mean DOWNLOAD_DELAY?"),
        ("NO_SUCH_SETTING_AT_ALL=1", "unknown setting"),
        ("NOEQUALS", "NAME=VALUE"),
    ],
)
def test_bad_setting_is_a_usage_error(tmp_path, setting, message):
    result = invoke("crawl", "ilo", "--db", tmp_path / "a.db", "--start-url", NOWHERE, "-s", setting)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not (tmp_path / "a.db").exists()


def test_settings_are_converted_to_their_types():
    from crawler.settings import ITEM_PIPELINES, check_settings

    assert check_settings(
        {
            "ROBOTSTXT_OBEY": "TRUE",
            "AUTOTHROTTLE_ENABLED": "0",
            "DOWNLOAD_DELAY": "0.5",
            "RETRY_TIMES": "2",
            "CONCURRENT_REQUESTS": 4.0,
            "RETRY_HTTP_CODES": "429, 503",
            "LOG_LEVEL": "debug",
            "RETRY_PRIORITY_ADJUST": "-1",
            "ARCHIVE_IGNORE_FIELDS": "image_url,description",
            "ITEM_PIPELINES": '{"pipelines.dedupe.DedupePipeline": 960}',
            "JOBDIR": "jobs",
            "ARCHIVE_DB": "",
        }
    ) == {
        "ROBOTSTXT_OBEY": True,
        "AUTOTHROTTLE_ENABLED": False,
        "DOWNLOAD_DELAY": 0.5,
        "RETRY_TIMES": 2,
        "CONCURRENT_REQUESTS": 4,
        "RETRY_HTTP_CODES": [429, 503],
        "LOG_LEVEL": "DEBUG",
        "RETRY_PRIORITY_ADJUST": -1,
        "ARCHIVE_IGNORE_FIELDS": ["image_url", "description"],
        "ITEM_PIPELINES": {**ITEM_PIPELINES, "pipelines.dedupe.DedupePipeline": 960},  # into the project's
        "JOBDIR": "jobs",
        "ARCHIVE_DB": "",
    }


def test_good_settings_reach_the_plan_typed(tmp_path):
    from archive.runner import build_plan

    plan = build_plan(
        "ilo",
        str(tmp_path / "a.db"),
        start_urls=[NOWHERE],
        settings={"DOWNLOAD_DELAY": "2", "ROBOTSTXT_OBEY": "false", "RETRY_TIMES": "0"},
    )
    assert plan.overrides == {"DOWNLOAD_DELAY": 2.0, "ROBOTSTXT_OBEY": False, "RETRY_TIMES": 0}


# -- start URLs -------------------------------------------------------------------


@pytest.mark.parametrize(
    "url,message",
    [
        ("http://", "not an http(s) URL with a host"),
        ("http://[::1", "not a valid URL"),
        ("http://example.org:99999/", "not a valid URL"),
        ("http://example.org:port/", "not a valid URL"),
        ("http://a..b/", "not a valid URL"),
        ("http://exa mple.org/", "spaces or control characters"),
        ("http://example.org/\n", "spaces or control characters"),
        ("", "not a valid URL"),
        ("ftp://example.org/", "not an http(s) URL"),
        ("example.org/news", "not an http(s) URL"),
        ("javascript:alert(1)", "not an http(s) URL"),
    ],
)
def test_bad_start_url_is_a_usage_error(tmp_path, url, message):
    result = invoke("crawl", "ilo", "--db", tmp_path / "a.db", "--start-url", url)
    assert result.exit_code == 2, result.output
    assert "--start-url" in result.output and message in result.output
    assert not (tmp_path / "a.db").exists()


@pytest.mark.parametrize("url", ["http://", "http://[::1", "http://a b/", "ftp://example.org/", "https://u:p@h:99999/"])
def test_a_bad_start_url_from_a_config_is_the_same_usage_error(tmp_path, url):
    """A bad start URL exited 2 from --start-url but 1 from a config file: both are the user's bad input.
    Both exit 2 with one message, naming where the URL came from."""
    config = tmp_path / "listings.toml"
    config.write_text(f'[[listing]]\nurl = "{url}"\n')
    from_config = invoke("crawl", "--config", config, "--db", tmp_path / "a.db")
    given = invoke("crawl", "ilo", "--db", tmp_path / "a.db", "--start-url", url)
    assert (from_config.exit_code, given.exit_code) == (2, 2), from_config.output
    why = given.output.split("Error: --start-url: ", 1)[1]
    assert from_config.output == f"Error: {config}: [[listing]] #1: key 'url': {why}", from_config.output
    assert "u:p@" not in from_config.output and not (tmp_path / "a.db").exists()


def test_good_start_urls_pass():
    from archive.runner import _check_urls

    _check_urls(["http://[::1]:8080/", "https://bücher.de/", "http://127.0.0.1:8000/x?y=1#z", "HTTP://EXAMPLE.ORG/"])


def test_crawl_into_a_folder_that_does_not_exist(tmp_path):
    result = invoke("crawl", "ilo", "--db", tmp_path / "no-such-folder" / "a.db", "--start-url", NOWHERE)
    assert result.exit_code == 1 and "cannot crawl into" in result.output and "does not exist" in result.output
    assert not (tmp_path / "no-such-folder").exists()


@pytest.mark.parametrize("under", ["notes.txt", "notes.txt/sub"])
def test_crawl_into_a_folder_that_is_a_file(tmp_path, under):
    (tmp_path / "notes.txt").write_text("not a folder\n")
    result = invoke("crawl", "ilo", "--db", tmp_path / under / "a.db", "--start-url", NOWHERE)
    said = f"{tmp_path / 'notes.txt'} is a file, not a folder"
    assert result.exit_code == 1 and said in result.output and "does not exist" not in result.output, result.output


def test_a_config_whose_db_is_a_folder_is_refused_before_any_crawl(tmp_path):
    """A config's `db` naming a folder passed every check (click checks only --db): each crawl then failed late,
    and a schedule that read the edited config again crawled into it every time."""
    config = tmp_path / "c.toml"
    config.write_text(f'db = "{tmp_path}"\n[[listing]]\nurl = "{NOWHERE}"\n')
    result = invoke("crawl", "--config", config)
    assert result.exit_code == 1 and f"cannot crawl into {tmp_path}: it is a folder" in result.output, result.output


# -- the config file ----------------------------------------------------------------

LISTING = f'[[listing]]\nurl = "{NOWHERE}"\n'


@pytest.mark.parametrize(
    "text,messages",
    [
        ('listing = "x"\n', ["key 'listing'", "expected a list of tables ([[listing]])", "got a string 'x'"]),
        ('listing = ["x"]\n', ["key 'listing'", "expected a list of tables"]),
        ("listing = []\n", ["no [[listing]] with a url"]),
        ('db = "a.db"\n', ["no [[listing]] with a url"]),
        ("settings = 5\n" + LISTING, ["key 'settings'", "expected a table ([settings])", "got an integer 5"]),
        ('[settings]\nDOWNLOAD_DELAY = "abc"\n' + LISTING, ["[settings] DOWNLOAD_DELAY='abc'", "expected a number"]),
        ("[settings]\nCONCURRENT_REQUESTS = -1\n" + LISTING, ["[settings] CONCURRENT_REQUESTS=-1", "not negative"]),
        ("[settings]\nRETRY_TIMES = -3\n" + LISTING, ["[settings] RETRY_TIMES=-3", "not negative"]),
        ("[settings]\nRETRY_TIMES = true\n" + LISTING, ["RETRY_TIMES=True", "expected a whole number"]),
        ("[settings]\nROBOTSTXT_OBEY = 2\n" + LISTING, ["ROBOTSTXT_OBEY=2", "expected true or false"]),
        ("[settings]\nUSER_AGENT = 5\n" + LISTING, ["USER_AGENT=5", "expected a string"]),
        ("[settings]\nDOWNLOAD_DELYA = 2\n" + LISTING, ["DOWNLOAD_DELYA", "did you mean DOWNLOAD_DELAY?"]),
        (
            '[[listing]]\nurl = "http://127.0.0.1:9/"\nprofle = "auto"\n',
            ["[[listing]] #1", "unknown key 'profle'", "did you mean 'profile'?"],
        ),
        (
            LISTING + '[[listing]]\nurl = "http://127.0.0.1:9/b"\nspidr = "listing"\n',
            ["[[listing]] #2", "unknown key 'spidr'"],
        ),
        ("[[listing]]\nurl = 5\n", ["[[listing]] #1", "key 'url'", "expected a non-empty string, got an integer 5"]),
        ('[[listing]]\nspider = "ilo"\n', ["[[listing]] #1", "missing key 'url'"]),
        # a url that is a string but no start URL: exit 2, test_a_bad_start_url_from_a_config_is_the_same_usage_error
        (LISTING + LISTING, ["[[listing]] #2", "is already [[listing]] #1"]),
        (f'[[listing]]\nurl = "{NOWHERE}"\nspider = "scrapy"\n', ["key 'spider'", "expected ilo or listing"]),
        (f'[[listing]]\nurl = "{NOWHERE}"\nprofile = 3\n', ["key 'profile'", "expected a non-empty string"]),
        ("db = 5\n" + LISTING, ["key 'db'", "expected a non-empty string, got an integer 5"]),
        ('db = ""\n' + LISTING, ["key 'db'", "expected a non-empty string"]),
        ("notify = 5\n" + LISTING, ["key 'notify'", "expected a string or a list of strings"]),
        ("notify = [1, 2]\n" + LISTING, ["key 'notify'", "expected a string or a list of strings"]),
        ("log_dir = false\n" + LISTING, ["key 'log_dir'", "expected a non-empty string"]),
        ('dbb = "a.db"\n' + LISTING, ["unknown key 'dbb'", "did you mean 'db'?"]),
        ("this is not toml\n", ["not valid TOML"]),
    ],
)
def test_bad_config_names_file_key_and_type(tmp_path, text, messages):
    config = tmp_path / "listings.toml"
    config.write_text(text)
    result = invoke("crawl", "--config", config, "--db", tmp_path / "a.db")
    assert result.exit_code == 1, result.output
    assert str(config) in result.output
    for message in messages:
        assert message in result.output
    assert not (tmp_path / "a.db").exists()


def test_config_that_is_missing_binary_or_a_folder(tmp_path):
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00\x01" * 50)
    for path, code, message in (
        (tmp_path / "nope.toml", 1, "no config file at"),
        (binary, 1, "not valid TOML"),
        (tmp_path, 2, "is a directory"),
    ):
        result = invoke("crawl", "--config", path, "--db", tmp_path / "a.db")
        assert result.exit_code == code and message in result.output, result.output
    from archive.config import ConfigError, load_config

    with pytest.raises(ConfigError, match="is a folder, not a config file"):
        load_config(str(tmp_path))


def test_a_good_config_loads(tmp_path):
    from archive.config import load_config

    config = tmp_path / "listings.toml"
    config.write_text(
        f'db = "a.db"\nnotify = "json://localhost"\n[settings]\nDOWNLOAD_DELAY = "2"\nROBOTSTXT_OBEY = false\n'
        f'{LISTING}spider = "listing"\nprofile = "auto"\n'
    )
    cfg = load_config(str(config))
    assert cfg.db == str(tmp_path / "a.db") and cfg.notify == ["json://localhost"]
    assert cfg.settings == {"DOWNLOAD_DELAY": 2.0, "ROBOTSTXT_OBEY": False}
    assert cfg.profiles == {NOWHERE: "auto"}


def test_config_profiles_are_checked_and_relative_to_the_file(tmp_path):
    from archive.config import load_config

    (tmp_path / "conf").mkdir()
    config = tmp_path / "conf" / "listings.toml"
    config.write_text(f'{LISTING}profile = "nosuch"\n')
    result = invoke("crawl", "--config", config, "--db", tmp_path / "a.db")
    assert result.exit_code == 1 and str(config) in result.output and "key 'profile'" in result.output
    assert "unknown profile 'nosuch'" in result.output
    config.write_text(f'{LISTING}profile = "mysite.toml"\n')
    result = invoke("crawl", "--config", config, "--db", tmp_path / "a.db")
    assert result.exit_code == 1 and "key 'profile'" in result.output and "no profile file at" in result.output
    (tmp_path / "conf" / "mysite.toml").write_text('name = "mysite"\n[selectors]\nentry = "div.item"\n')
    assert load_config(str(config)).profiles == {NOWHERE: str(tmp_path / "conf" / "mysite.toml")}


def test_profile_with_a_selector_of_the_wrong_type(tmp_path):
    profile = tmp_path / "mysite.toml"
    profile.write_text('name = "mysite"\n[selectors]\nentry = 5\n')
    result = invoke("parse", FIXTURES / "ilo-lao-resources.html", "--url", NOWHERE, "--profile", profile)
    assert result.exit_code == 1
    assert str(profile) in result.output and "entry" in result.output and "string" in result.output


# -- parse ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "is empty: nothing to parse"),
        (b"  \n\t \n", "is empty: nothing to parse"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "not an HTML page (it holds binary data)"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 300, "not an HTML page"),
    ],
)
def test_parse_of_an_empty_or_binary_file(tmp_path, content, message):
    page = tmp_path / "page.html"
    page.write_bytes(content)
    result = invoke("parse", page, "--url", NOWHERE)
    assert result.exit_code == 1 and message in result.output and str(page) in result.output, result.output


def test_parse_and_learn_read_a_page_with_a_stray_nul_byte(tmp_path):
    # A crawl reads such a page (the parser drops what XML cannot hold): `parse` and `learn` refused it as binary.
    rows = "".join(f'<li><a href="/r{n}">Report number {n}\x00</a> {n} May 2024</li>' for n in range(1, 4))
    page = tmp_path / "page.html"
    page.write_bytes(f"<html><body><ul>{rows}</ul></body></html>".encode())
    parsed = invoke("parse", page, "--url", NOWHERE)
    assert parsed.exit_code == 0 and parsed.output.count('"title": "Report number') == 3, parsed.output
    learnt = invoke("learn", page, "--url", NOWHERE, "--example", "Report number 2", "-o", tmp_path / "p.toml")
    assert learnt.exit_code == 0 and "binary" not in learnt.output, learnt.output


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_parse_and_learn_read_a_small_listing_whose_titles_hold_control_characters(tmp_path, encoding):
    # A crawl reads it (the parser drops what XML cannot hold); `parse` refused it as "binary data" once control
    # bytes were more than one in 64 of a small file.
    controls = "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f\x10\x1b\x1f"
    rows = "".join(f'<li><a href="/r{n}">Réport {controls}number {n}</a> {n} May 2024</li>' for n in range(1, 4))
    page = tmp_path / "controls.html"
    page.write_bytes(f"<ul>{rows}</ul>".encode(encoding))
    parsed = invoke("parse", page, "--url", NOWHERE)
    assert parsed.exit_code == 0 and parsed.output.count('"title": "R') == 3, parsed.output
    learnt = invoke("learn", page, "--url", NOWHERE, "--example", "Réport number 2", "-o", tmp_path / "p.toml")
    assert learnt.exit_code == 0 and "reads 3 entries" in learnt.output, learnt.output


def test_parse_refuses_binary_data_without_a_known_start(tmp_path):
    # Random-looking bytes (an encrypted or compressed file) have no magic number: they printed 0 entries, exit 0.
    page = tmp_path / "page.html"
    page.write_bytes(bytes((n * 7919 + n // 3) % 256 for n in range(20000)))
    result = invoke("parse", page, "--url", NOWHERE)
    assert result.exit_code == 1 and "not an HTML page (it holds binary data)" in result.output, result.output


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_parse_and_learn_read_a_utf16_page_with_or_without_its_byte_order_mark(tmp_path, encoding):
    # Without the mark, the page was refused as "binary data" (a NUL in every other byte).
    rows = "".join(f'<li><a href="/r{n}">Report number {n}</a> {n} May 2024</li>' for n in range(1, 4))
    page = tmp_path / "page.html"
    page.write_bytes(f"<html><body><ul>{rows}</ul></body></html>".encode(encoding))
    parsed = invoke("parse", page, "--url", NOWHERE)
    assert parsed.exit_code == 0 and parsed.output.count('"title": "Report number') == 3, parsed.output
    learnt = invoke("learn", page, "--url", NOWHERE, "--example", "Report number 2", "-o", tmp_path / "p.toml")
    assert learnt.exit_code == 0 and "reads 3 entries" in learnt.output, learnt.output


def test_parse_of_a_folder_or_missing_file(tmp_path):
    assert invoke("parse", tmp_path, "--url", NOWHERE).exit_code == 2
    result = invoke("parse", tmp_path / "missing.html", "--url", NOWHERE)
    assert result.exit_code == 2 and "does not exist" in result.output


# -- -o naming the archive ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--format", "csv"],
        ["diff"],
        ["diff", "--format", "html"],
        ["export-warc", "--force"],
    ],
)
@pytest.mark.parametrize("name", ["a.db", "a.db-wal", "a.db-shm", "link.db", "hard.db"])
def test_no_output_is_written_over_the_archive(tmp_path, command, name):
    # `export --db a.db -o a.db` truncated the archive and filled it with CSV; `diff -o a.db` did it with exit 0.
    db = good_archive(tmp_path / "a.db")
    (tmp_path / "link.db").symlink_to(db)
    os.link(db, tmp_path / "hard.db")
    before = file_state(db)
    result = invoke(*command, "--db", db, "-o", tmp_path / name)
    assert result.exit_code == 1 and "is the archive itself" in result.output, result.output
    assert file_state(db) == before and integrity_ok(str(db))
    assert not (tmp_path / "a.db-wal").exists() or (tmp_path / "a.db-wal").stat().st_size == 0
