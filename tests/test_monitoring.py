"""A monitoring team's month against a local site: weekly crawls with new, changed, removed
and restored entries, ad-hoc diffs in between, two teams with their own report marks,
notifications to a local catcher, the HTML report and Datasette in headless Chromium.

Every report and notification must name exactly the entries that changed."""

import html
import json
import os
import shutil

import pytest
from chromium import OUTPUT, dump_dom, screenshot
from conftest import FAST, ROOT, cli, printed
from helpers import Catcher, get, serving

from crawler.site_server import SiteServer

NEWS, EVENTS = "/news/index.htm", "/events/index.htm"
TEXT = {  # doc number: (title, date, description)
    1: ("Workshop on the rights of migrant workers", "3 November 2026", "A tripartite workshop in Vientiane."),
    2: ("Skills week opens in Savannakhet", "5 November 2026", "Five days of demonstrations by apprentices."),
    3: ("Labour force survey key indicators", "9 November 2026", "Employment and unemployment by province."),
    4: ("Autumn newsletter of the country office", "12 November 2026", "Projects, people and publications."),
    5: ("New decent work country programme signed", "16 November 2026", "Government, workers and employers signed it."),
    6: ("Occupational safety convention ratified", "24 November 2026", "The country ratifies Convention No. 155."),
    11: ("Forum on social protection", "20 November 2026", "Regional forum in Bangkok."),
    12: ("Training of labour inspectors", "23 November 2026", "Two weeks of training."),
    13: ("Youth employment hackathon", "27 November 2026", "Ideas from young people, in three cities."),
}
RENAMED = "Migrant workers rights workshop moved to December"
NEW_DESCRIPTION = "Seven days of demonstrations by apprentices, with employers."
WEEKS = {  # what each listing shows each week: doc numbers, with changes from TEXT
    1: {NEWS: [1, 2, 3, 4], EVENTS: [11, 12]},
    2: {NEWS: [1, 2, 3, 5], EVENTS: [11, 12, 13]},  # 5, 13 new; 1 renamed; 4 gone
    3: {NEWS: [1, 2, 3, 4, 5, 6], EVENTS: [11, 12, 13]},  # 6 new; 2's description changed; 4 back
    4: {NEWS: [1, 2, 3, 4, 5, 6], EVENTS: [11, 12, 13]},  # nothing changed
}
PROFILE = """name = "team-site"
domains = ["127.0.0.1"]
document_id = '(DOC-\\d+)'
[selectors]
page_title = "h1"
container = "div.news-list"
group = "h2.month"
entry = "div.news-item"
title = "h3 a"
date = ".date"
description = ".teaser"
"""


def text_of(doc: int, week: int) -> tuple[str, str, str]:
    title, date, description = TEXT[doc]
    if doc == 1 and week >= 2:
        title = RENAMED
    if doc == 2 and week >= 3:
        description = NEW_DESCRIPTION
    return title, date, description


def page(heading: str, docs: list[int], week: int) -> str:
    items = []
    for doc in docs:
        title, date, description = text_of(doc, week)
        items.append(
            f'<div class="news-item"><h3><a href="/docs/DOC-{doc}.htm">{html.escape(title)}</a></h3>'
            f'<p class="date">{date}</p><p class="teaser">{html.escape(description)}</p></div>'
        )
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{heading}</title></head><body><h1>{heading}</h1>"
        f"<div class='news-list'><h2 class='month'>November 2026</h2>{''.join(items)}</div></body></html>"
    )


def build_site(root):
    for week, listings in WEEKS.items():
        folder = root / f"week{week}"
        for path, docs in listings.items():
            target = folder / path.lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page("Team news" if path == NEWS else "Team events", docs, week), encoding="utf-8")
        (folder / "robots.txt").write_text("User-agent: *\nAllow: /\n")


def kinds_of(report: dict) -> dict[str, set[str]]:
    return {k: {e["entry_id"] for e in report[k]} for k in ("new", "changed", "removed", "restored") if report[k]}


def titles_named(text: str, week: int) -> set[int]:
    """Which entries a rendered report or message names, by any title they had up to `week`."""
    text = html.unescape(text).replace("\\", "")
    names = {doc: {text_of(doc, w)[0] for w in range(1, week + 1)} for doc in TEXT}
    return {doc for doc, titles in names.items() if any(t in text for t in titles)}


EXPECTED = {  # crawl -> what changed in it
    1: {"new": {"DOC-1", "DOC-2", "DOC-3", "DOC-4", "DOC-11", "DOC-12"}},
    2: {"new": {"DOC-5", "DOC-13"}, "changed": {"DOC-1"}, "removed": {"DOC-4"}},
    3: {"new": {"DOC-6"}, "changed": {"DOC-2"}, "restored": {"DOC-4"}},
    4: {},
}


def docs(expected: dict) -> set[int]:
    return {int(e.split("-")[1]) for ids in expected.values() for e in ids}


@pytest.fixture(scope="module")
def month(tmp_path_factory):
    """The month's four weekly crawls, each followed by what the teams do that week."""
    tmp = tmp_path_factory.mktemp("month")
    build_site(tmp / "site")
    profile = tmp / "team-site.toml"
    profile.write_text(PROFILE)
    db = tmp / "team.db"
    log = {"notifications": {}, "asia": {}, "africa": {}, "adhoc": {}}
    with SiteServer(tmp / "site", state="week1") as site, Catcher() as catcher:
        notify = f"json://127.0.0.1:{catcher.server_address[1]}/notify"
        for week in WEEKS:
            site.state = f"week{week}"
            cli(
                "crawl",
                "listing",
                "--db",
                db,
                "--profile",
                profile,
                "--notify",
                notify,
                "--start-url",
                site.base_url + NEWS,
                "--start-url",
                site.base_url + EVENTS,
                *FAST,
                check=0,
            )
            log["notifications"][week] = catcher.take()
            log["adhoc"][week] = json.loads(printed("diff", "--db", db, "--only", "new", "--format", "json"))
            printed(
                "diff", "--db", db, "--only", "new", "-o", tmp / "adhoc.json", "--format", "json", "--force"
            )  # the ad-hoc diff of the issue
            log["asia"][week] = json.loads(printed("diff", "--db", db, "--since-last-report=asia", "--format", "json"))
            if week in (1, 3):  # the Africa team reads its report every other week
                log["africa"][week] = printed("diff", "--db", db, "--since-last-report=africa", "--format", "markdown")
            if week == 3:
                log["html"] = tmp / "week3.html"
                printed("diff", "--db", db, "--from", 2, "--to", 3, "--format", "html", "-o", log["html"])
    log["db"], log["tmp"] = db, tmp
    return log


def test_each_crawl_notifies_exactly_what_changed(month):
    for week, expected in EXPECTED.items():
        messages = month["notifications"][week]
        assert len(messages) == 1, messages
        title, body = messages[0]["title"], messages[0]["message"]
        counts = {k: len(expected.get(k, ())) for k in ("new", "changed", "removed", "restored")}
        if expected:
            said = ", ".join(f"{n} {kind}" for kind, n in counts.items()).replace(" new,", " new entries,")
            said = said.replace("1 new entries", "1 new entry")
            assert said in title, title
        else:
            assert "nothing new, changed or removed" in title
        assert titles_named(body, week) == docs(expected), (week, body)
        for doc in docs(expected):
            assert f"/docs/DOC-{doc}.htm" in body  # each named with its link
    week2 = month["notifications"][2][0]["message"]
    assert "Workshop on the rights of migrant workers" in week2 and RENAMED in week2  # the field before and after
    assert "Government, workers and employers signed it" in week2  # a new entry's description


def test_each_team_keeps_its_own_mark(month):
    asia = month["asia"]
    for week, expected in EXPECTED.items():
        assert kinds_of(asia[week]) == expected, week
        assert asia[week]["to"]["id"] == week and (asia[week]["from"] or {}).get("id") == (week - 1 or None)
    africa = month["africa"]
    assert titles_named(africa[1], 1) == docs(EXPECTED[1])
    # Weeks 2 and 3 folded into one report: entry 4 went and came back, so it is not named.
    assert titles_named(africa[3], 3) == {1, 2, 5, 6, 13}
    assert "Changed (2)" in africa[3] and "Removed" not in africa[3] and "Restored" not in africa[3]


def test_ad_hoc_diffs_use_up_nobody_s_report(month):
    for week in (2, 3):
        assert month["adhoc"][week]["counts"]["new"] == len(EXPECTED[week]["new"])
    db = month["db"]
    again = printed("diff", "--db", db, "--since-last-report=asia")
    assert again.strip() == again.strip().splitlines()[0] and "Nothing new since crawl 4" in again
    africa = printed("diff", "--db", db, "--since-last-report=africa", "--format", "json")
    assert kinds_of(json.loads(africa)) == {}  # week 4 changed nothing
    fresh = json.loads(printed("diff", "--db", db, "--since-last-report=latecomers", "--format", "json"))
    assert fresh["from"] is None and len(fresh["new"]) == 9


def test_long_notifications_are_cut_with_a_pointer(month):
    from archive.notify import message_for
    from archive.store import Archive

    with Archive(month["db"], readonly=True) as archive:
        title, body = message_for(archive.conn, archive.crawl(1), limit=2)
    assert "6 new entries, 0 changed" in title
    assert "and 4 more new entries" in body and "listing-archive diff --to 1" in body
    assert len(titles_named(body, 1)) == 2


def test_html_report_and_datasette_in_chromium(month):
    report = month["html"].read_text(encoding="utf-8")
    assert titles_named(report, 3) == docs(EXPECTED[3])
    assert NEW_DESCRIPTION in report and "Team news" in report and "<svg" in report
    profile = month["tmp"] / "chromium"
    dom = dump_dom(month["html"].as_uri(), profile)
    assert "<svg" in dom and dom.index("<svg") < dom.index("<h2>New")
    shots = [screenshot(month["html"].as_uri(), "report-chart.png", profile, size="800,900")]
    with serving(month["db"]) as (_, base):
        assert "Forum on social protection" in get(base + "/-/new-entries.atom")
        entry = dump_dom(base + "/-/entry/DOC-1", profile)
        assert RENAMED in entry and "Workshop on the rights of migrant workers" in entry
        search = dump_dom(base + "/team/entries?_search=migrant-workers", profile)
        assert "DOC-1" in search and "no such column" not in search
        shots.append(screenshot(base + "/-/entry/DOC-1", "datasette-entry.png", profile, size="1000,820"))
    docs_dir = ROOT / "docs"
    for shot in shots:  # the README and docs/reports.md show these two; refresh them with UPDATE_DOCS_PICTURES=1
        if os.environ.get("UPDATE_DOCS_PICTURES"):
            shutil.copy(shot, docs_dir / shot.name)
    assert (OUTPUT / "report-chart.png").exists() and (OUTPUT / "datasette-entry.png").exists()
