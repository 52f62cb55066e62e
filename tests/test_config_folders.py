"""A config file's folders (`jobdir`, `log_dir`) and its listings, checked as the command line's are:
one line naming the file and key, never a traceback from deep inside Scrapy.
"""

import os
import pickle
import re
import subprocess
import sys

import pytest
from conftest import FAST, ROOT, cli, q
from helpers import NOWHERE

from crawler.site_server import SiteServer


@pytest.mark.parametrize("key", ["jobdir", "log_dir"])
@pytest.mark.parametrize("kind", ["file", "fifo"])
def test_a_config_folder_that_is_a_file_is_refused_in_one_line(tmp_path, key, kind):
    """`jobdir = "x"` naming a file crashed the crawl in Scrapy ("Engine slot not assigned", exit 4);
    `log_dir` naming one said only "[Errno 17] File exists"."""
    taken = tmp_path / "taken"
    taken.write_text("mine\n") if kind == "file" else os.mkfifo(taken)
    config = tmp_path / "listings.toml"
    config.write_text(f'db = "a.db"\n{key} = "taken"\n[[listing]]\nurl = "{NOWHERE}"\n')
    result = cli("crawl", "--config", config, timeout=60)
    assert result.returncode == 1, result.stderr
    assert f"{config}: key '{key}'" in result.stderr and "not a folder" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "a.db").exists()
    assert kind == "fifo" or taken.read_text() == "mine\n"


def test_a_jobdir_setting_that_is_a_file_is_refused_in_one_line(tmp_path):
    """`-s JOBDIR=FILE` is --jobdir by another name: refused the same way, not a crash in Scrapy."""
    taken = tmp_path / "taken"
    taken.write_text("")
    result = cli("crawl", "ilo", "--db", tmp_path / "a.db", "-s", f"JOBDIR={taken}", "--start-url", NOWHERE)
    assert result.returncode == 2 and "JOBDIR" in result.stderr and "not a folder" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("url,other", [("list", "list#top"), ("list", "list?"), ("list?a=1&b=2", "list?b=2&a=1")])
def test_a_listing_given_twice_in_other_words_is_refused(tmp_path, url, other):
    """`url` and `url#top` (or `url?`, or its query in another order) are one request to Scrapy: the second
    was never fetched, so every crawl ended partial (exit 3), that listing "INCOMPLETE, 0 pages", for ever."""
    url, other = NOWHERE + url, NOWHERE + other
    config = tmp_path / "listings.toml"
    config.write_text(f'db = "a.db"\n[[listing]]\nurl = "{url}"\n[[listing]]\nurl = "{other}"\n')
    result = cli("crawl", "--config", config, timeout=60)
    assert result.returncode == 1 and f"{config}: [[listing]] #2: key 'url'" in result.stderr, result.stderr
    assert "already [[listing]] #1" in result.stderr
    result = cli("crawl", "ilo", "--db", tmp_path / "a.db", "--start-url", url, "--start-url", other, timeout=60)
    assert result.returncode == 2 and "--start-url" in result.stderr and "same page" in result.stderr, result.stderr
    assert not (tmp_path / "a.db").exists()


def test_a_config_saved_with_a_byte_order_mark_loads(tmp_path):
    """Windows editors save UTF-8 with a byte order mark: the config was refused as "not valid TOML:
    Invalid statement (at line 1, column 1)", a line that points at nothing the user can see."""
    from archive.config import load_config

    config = tmp_path / "listings.toml"
    config.write_bytes(f'\ufeffdb = "a.db"\n[[listing]]\nurl = "{NOWHERE}"\n'.encode())
    assert load_config(str(config)).db == str(tmp_path / "a.db")


def test_a_log_folder_that_cannot_be_made_is_refused_before_the_crawl(tmp_path):
    """`--log-dir` under a file (or anywhere it cannot be made or written) failed only once Scrapy had
    started, as a bare "[Errno 20] Not a directory: '…/crawl-….log'"."""
    (tmp_path / "file").write_text("")
    logs = tmp_path / "file" / "logs"
    result = cli("crawl", "ilo", "--db", tmp_path / "a.db", "--start-url", NOWHERE, "--log-dir", logs, timeout=60)
    assert result.returncode == 1, result.stderr
    problem = f"{logs} cannot be made a folder: {tmp_path / 'file'} is a file, not a folder"
    assert result.stderr.strip().splitlines()[-1] == f"Error: cannot keep the crawl's log: {problem}"
    assert not (tmp_path / "a.db").exists()


def test_profile_on_the_command_line_wins_over_the_configs(tmp_path):
    """Options win over the config file, but `--config FILE --profile auto` was ignored without a word:
    every config listing kept its own (by default the ILO profile). The spider reads a listing with
    `listing_profiles.get(url, profile)`."""
    from archive.runner import build_plan

    config = tmp_path / "listings.toml"
    listings = f'[[listing]]\nurl = "{NOWHERE}"\n[[listing]]\nurl = "{NOWHERE}b"\nprofile = "ilo"\n'
    config.write_text(f'db = "a.db"\n{listings}')
    plan = build_plan(config_path=str(config), profile="auto")
    for url in (NOWHERE, NOWHERE + "b"):
        assert (plan.listing_profiles or {}).get(url, plan.profile) == "auto"
    plan = build_plan(config_path=str(config))  # without --profile, the config's own
    assert (plan.listing_profiles or {}).get(NOWHERE, plan.profile) == "ilo"


@pytest.mark.parametrize("name", ["DOWNLOADER_MIDDLEWARES", "ITEM_PIPELINES", "EXTENSIONS"])
def test_a_component_table_given_as_a_setting_adds_to_the_projects(name):
    """`-s DOWNLOADER_MIDDLEWARES='{"myproxy.Middleware": 543}'` (Scrapy's way to add one) replaced the
    project's table whole: the host guard, the password's origin check and the archive's pipelines went
    without a word, and pages off the start hosts could be fetched."""
    from crawler import settings as project
    from crawler.run import project_settings
    from crawler.settings import check_settings

    added = "scrapy.extensions.logstats.LogStats"  # any component that loads
    given = check_settings({name: f'{{"{added}": 543}}'})  # as -s and [settings] are read
    table = project_settings(given).getdict(name)
    assert table[added] == 543
    assert {key: table[key] for key in getattr(project, name)} == getattr(project, name)


def test_a_component_that_cannot_be_loaded_is_refused_in_one_line(tmp_path):
    """A middleware path with a typo crashed the crawl with Scrapy's traceback (exit 4), an archive made."""
    setting = 'DOWNLOADER_MIDDLEWARES={"no.such.Middleware": 500}'
    result = cli("crawl", "ilo", "--db", tmp_path / "a.db", "-s", setting, "--start-url", NOWHERE, timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "DOWNLOADER_MIDDLEWARES: cannot load 'no.such.Middleware'" in result.stderr
    assert not (tmp_path / "a.db").exists()


@pytest.mark.parametrize(
    "table, said",
    [
        ('{"crawler.middlewares.PoliteDelayMiddleware": "abc"}', "'abc' is no order"),
        ('{"crawler.middlewares.PoliteDelayMiddleware": true}', "True is no order"),
        ('{"crawler.middlewares.PoliteDelayMiddleware": NaN}', "nan is no order"),
        ('{"crawler.middlewares.PoliteDelayMiddleware": Infinity}', "inf is no order"),
        ('{"os.sep": 5}', "'os.sep' is no class"),
        ('{"json.dumps": 5}', "'json.dumps' is no class"),
        ('{"crawler.middlewares.NoSuchMiddleware": null}', "cannot load 'crawler.middlewares.NoSuchMiddleware'"),
    ],
)
def test_a_component_table_entry_scrapy_cannot_start_is_refused_in_one_line(table, said):
    """An order that is no number, or a path to something that is no class, passed the check and crashed the
    crawl with Scrapy's traceback (exit 4); a null on a misspelt name turned nothing off without a word."""
    from crawler.settings import SettingError, check_settings

    with pytest.raises(SettingError, match=re.escape(said)):
        check_settings({"DOWNLOADER_MIDDLEWARES": table})


def test_the_archive_pipeline_cannot_be_taken_out(tmp_path):
    """-s ITEM_PIPELINES='{"pipelines.archive.ArchivePipeline": null}' crawled, recorded nothing and said "The crawl
    did not start" (exit 4) with an archive file made."""
    setting = 'ITEM_PIPELINES={"pipelines.archive.ArchivePipeline": null}'
    result = cli("crawl", "ilo", "--db", tmp_path / "a.db", "-s", setting, "--start-url", NOWHERE, timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "'pipelines.archive.ArchivePipeline' writes the archive and cannot be taken out" in result.stderr
    assert not (tmp_path / "a.db").exists()


@pytest.mark.parametrize(
    "refused",
    [
        ["-s", "JOBDIR={jobdir}"],  # a file where the crawl's queue would go
        ["--frontier", "redis://127.0.0.1:9/x"],  # a frontier URL naming no database
    ],
)
def test_a_plan_refused_after_its_log_folder_was_checked_leaves_no_folder(tmp_path, refused):
    """fix30: checking the plan made the --log-dir folder (archive/log_places.py made it to see whether it could),
    so a plan refused by a later check (the jobdir, the frontier) left an empty folder behind. The check asks
    config_folders.folder_problem and makes nothing; refused twice, nothing is left."""
    jobdir, logs = tmp_path / "queue", tmp_path / "new" / "logs"
    jobdir.write_text("not a folder")
    options = [option.format(jobdir=jobdir) for option in refused]
    for _ in range(2):
        result = cli("crawl", "ilo", "--db", tmp_path / "a.db", "--start-url", NOWHERE, "--log-dir", logs, *options)
        assert result.returncode in (1, 2) and result.stderr.splitlines()[-1].startswith("Error: "), result.stderr
        assert "Traceback" not in result.stderr
        assert sorted(path.name for path in tmp_path.iterdir()) == ["queue"]


def _two_listings(root):
    """one.htm and two.htm (each links the other), news.htm a copy of one.htm."""
    (root / "v1").mkdir(parents=True)
    for name, other in (("one", "two"), ("two", "one")):
        rows = "".join(f'<li><a href="/{name}/d{i}">Report {name} number {i} on wages</a></li>' for i in range(4))
        link = f'<a href="/{other}.htm">{"Next" if name == "one" else "Previous"}</a>'
        (root / "v1" / f"{name}.htm").write_text(f"<html><body><ul>{rows}</ul>{link}</body></html>")
    (root / "v1" / "news.htm").write_text((root / "v1" / "one.htm").read_text())


@pytest.mark.parametrize("how", ["--jobdir", "-s JOBDIR="])
def test_a_jobdir_resumed_with_another_start_url_crawls_it_or_says_why_in_one_line(tmp_path, how):
    """stranger35, 2026-12-08 (issue 20): a crawl stopped early with --jobdir (here CLOSESPIDER_PAGECOUNT=1; SIGINT
    alike), then the next run with the same jobdir and a new --start-url (a cron line edited between two runs): the
    job's saved spider state knew only the old listing, `start` raised KeyError on the new URL (the traceback
    printed twice), the new listing was never fetched and only the old job's queue was crawled. Now refused in
    one line before anything is fetched, the job kept; with its own start URL (and a secret's name masked in the
    line), it resumes. The nearest path: `-s JOBDIR=` is the same job folder by another name."""
    _two_listings(tmp_path / "site")
    db, jobs = tmp_path / "a.db", tmp_path / "jobs"
    job = ["--jobdir", jobs] if how == "--jobdir" else ["-s", f"JOBDIR={jobs}"]
    given = "--jobdir" if how == "--jobdir" else "the JOBDIR setting"
    with SiteServer(tmp_path / "site", state="v1") as server:
        one = f"{server.base_url}/one.htm?token=s3cret"
        first = ["--start-url", one, "-s", "CLOSESPIDER_PAGECOUNT=1"]
        cli("crawl", "listing", "--db", db, "--profile", "auto", *job, *first, *FAST, check=3)
        news = f"{server.base_url}/news.htm"
        done = cli("crawl", "listing", "--db", db, "--profile", "auto", *job, "--start-url", news, *FAST)
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr[-1500:]
        assert done.stderr.strip().splitlines() == [
            f"Error: {given}: {jobs} holds a stopped crawl of {server.base_url}/one.htm"
            f"?token=***, not of {news}: resume it with its own start URLs, or give another jobdir"
        ]
        assert q(db, "SELECT count(*) FROM captures WHERE url = ?", news) == 0 and (jobs / "spider.state").exists()
        resumed = cli("crawl", "listing", "--db", db, "--profile", "auto", *job, "--start-url", one, *FAST, check=3)
    assert "resumed" in resumed.stdout and q(db, "SELECT count(*) FROM captures WHERE url LIKE '%two.htm'") == 1


def test_a_corrupt_job_state_is_refused_in_one_line(tmp_path):
    """stranger37, 2026-12-08: resumed_job_problem catches only UnpicklingError, EOFError, OSError... when it reads a
    jobdir's spider.state; one byte changed in a stopped crawl's state (a disk fault) raised TypeError (traceback,
    exit 1), and others give ValueError, OverflowError, UnicodeDecodeError, AttributeError."""
    url = "http://127.0.0.1:9/news"
    state = pickle.dumps({"requested": {url}, "listings": {url: {"pages": 1}}}, protocol=4)
    jobdir = tmp_path / "job"
    jobdir.mkdir()
    (jobdir / "spider.state").write_bytes(state[:11] + b")" + state[12:])  # the dict's opcode turned into a tuple's
    run = [sys.executable, "-m", "archive.cli", "crawl", "ilo", "--start-url", url, "--jobdir", str(jobdir)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([*run, "--db", "a.db"], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert "Traceback" not in done.stderr and "job" in done.stderr, done.stderr  # names the job it cannot read
    assert done.returncode != 0 and len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_a_jobdir_refused_for_a_new_query_secret_says_what_differs(tmp_path):
    """stranger37, 2026-12-08: a stopped job of `...?api_key=OLD` and a cron line whose key was rotated
    (`?api_key=NEW`) is refused, rightly (the job's state knows the old URL), as "J holds a stopped crawl of
    http://127.0.0.1:9/news?api_key=***, not of http://127.0.0.1:9/news?api_key=***: resume it with its own
    start URLs": two identical URLs, and the old key (revoked) cannot be given back."""
    jobdir = tmp_path / "job"
    jobdir.mkdir()
    listings = {"http://127.0.0.1:9/news?api_key=OLDSECRET1": {}}
    (jobdir / "spider.state").write_bytes(pickle.dumps({"requested": {"x"}, "listings": listings}))
    url = "http://127.0.0.1:9/news?api_key=NEWSECRET2"
    done = cli("crawl", "listing", "--start-url", url, "--jobdir", jobdir, "--db", tmp_path / "a.db")
    stored, _, asked = done.stderr.partition("holds a stopped crawl of ")[2].partition(", not of ")
    assert done.returncode != 0 and stored and stored != asked.partition(": resume")[0], done.stderr
    assert "differs from the one given only in a secret" in done.stderr and "delete" in done.stderr, done.stderr
    assert "OLDSECRET1" not in done.stderr and "NEWSECRET2" not in done.stderr, done.stderr
