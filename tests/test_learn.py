"""`listing-archive learn`: a site profile from one example title, on the main shapes of listing
pages, and the three ways a learnt profile is used (parse, crawl --profile, a config's profile)."""

import json
import os
from pathlib import Path

import pytest
from conftest import FAST, FIXTURES, cli, q
from synthetic import DATES, ISO, TITLES, URL, page, read

from crawler.entries import build_entries
from crawler.errors import OutputExists
from crawler.extract import extract_page
from crawler.extract.learn import LearnError
from crawler.extract.learn_site import MARK, learn_profile
from crawler.site_server import SiteServer


def cards() -> str:
    return "".join(
        f'<div class="card"><img src="/img/{i}.jpg" alt=""><h3 class="card-title"><a href="/n/{i}">{t}</a></h3>'
        f'<p class="meta">Posted {d}</p><p class="teaser">A few words about this story, long enough to read.</p></div>'
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )


def items() -> str:
    rows = "".join(
        f'<li><span class="when">{d}</span> <a href="/n/{i}">{t}</a></li>'
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    return f'<ul class="news">{rows}</ul>'


def table() -> str:
    rows = "".join(
        f'<tr><td>{d}</td><td><a href="/n/{i}">{t}</a></td><td><a href="/n/{i}.pdf">Agenda</a></td></tr>'
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    return f'<table class="meetings"><thead><tr><th>Date</th><th>Title</th><th>Files</th></tr></thead>{rows}</table>'


def definitions() -> str:
    rows = "".join(
        f'<dt><a href="/n/{i}">{t}</a></dt><dd class="date">{d}</dd><dd>A short summary of the story in a line.</dd>'
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    return f"<dl>{rows}</dl>"


def headings() -> str:
    rows = "".join(
        f'<h3><a href="/n/{i}">{t}</a></h3><p class="date">{d}</p><p>A short summary of the story in a line.</p>'
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    return f'<div class="posts">{rows}</div>'


@pytest.mark.parametrize("shape", [cards, items, table, definitions, headings])
def test_one_example_reads_every_entry_title_link_and_date(shape):
    text, entries = read(page(shape()), [TITLES[1]])
    assert [e["title"] for e in entries] == TITLES, text
    assert [e["url"] for e in entries] == [f"https://example.org/n/{i}" for i in range(4)]
    assert [e["date_start"] for e in entries] == ISO, text
    assert text.startswith(MARK) and f'"{TITLES[1]}"' in text  # says where it came from


def test_report_cards_with_the_name_in_a_caption_beside_a_linked_cover():
    html = page(
        '<div class="reports">'
        + "".join(
            f'<figure class="report"><a href="/r/{i}.pdf"><img src="/c/{i}.png"></a>'
            f'<figcaption><p class="name">{t}</p><p class="when">{d}</p></figcaption></figure>'
            for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
        )
        + '</div><div class="cookies"><a href="/privacy">We use cookies on this site</a></div>'
    )
    text, entries = read(html, [TITLES[3]])
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (t, f"https://example.org/r/{i}.pdf", iso) for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))
    ], text


def test_cards_give_description_and_image_selectors():
    text, entries = read(page(cards()), [TITLES[0]])
    assert 'description = "p.teaser"' in text and "image = " in text
    assert entries[2]["description"].startswith("A few words") and entries[2]["image_url"].endswith("/img/2.jpg")
    assert 'entry = "div.card"' in text and 'title = "h3.card-title a"' in text  # readable, by class


def test_a_next_link_gives_next_and_page_numbers_alone_do_not():
    pager = '<div class="pager"><a href="?page=1">1</a> <a href="?page=2">2</a> <a class="go" href="?page=2">Next ›</a>'
    pager += "</div>"
    text, _ = read(page(cards() + pager), [TITLES[0]])
    assert 'next = "a.go"' in text
    numbers = '<div class="pager"><a class="num" href="?page=2">2</a> <a class="num" href="?page=3">3</a></div>'
    text, _ = read(page(cards() + numbers), [TITLES[0]])
    assert "next =" not in text


def test_definition_list_is_flat():
    text, _ = read(page(definitions()), [TITLES[0]])
    assert "flat = true" in text


def test_matching_tolerates_spacing_case_entities_and_a_date_before_the_title():
    html = page(
        "".join(
            f'<div class="ev"><h3><small>{d}</small><br/>{t.replace("&", "&amp;")}</h3><a href="/e/{i}">More</a></div>'
            for i, (t, d) in enumerate(zip(["Fish & chips fair", *TITLES[1:]], DATES, strict=True))
        )
    )
    _, entries = read(html, ["  fish &amp; CHIPS   fair "])
    assert [e["date_start"] for e in entries] == ISO
    assert [e["title"] for e in entries] == ["Fish & chips fair", *TITLES[1:]]  # the heading's date is no title
    assert entries[1]["url"] == "https://example.org/e/1"  # the heading links nowhere: its entry's "More" link
    _, entries = read(html, ["Town council meets on budget"])  # the heading starts with a date: trimmed
    assert len(entries) == 4


def test_one_word_titles():
    names = ["Finance", "Audit", "Planning", "Transport"]
    html = page('<ul class="committees">' + "".join(f'<li><a href="/c/{n}">{n}</a></li>' for n in names) + "</ul>")
    _, entries = read(html, ["Audit"])
    assert [e["title"] for e in entries] == names


def test_no_fuzzy_match():
    with pytest.raises(LearnError, match='"Annual report"'):
        read(page(cards()), ["Annual report"])  # a short part of a longer title is not that title
    with pytest.raises(LearnError, match='"New rules for river fishing!"'):
        read(page(cards()), ["New rules for river fishing!"])


HOMEPAGE = page(
    '<section class="latest">'
    + cards()
    + '</section><section class="agenda"><h2>Coming up</h2><ul class="events">'
    + "".join(f'<li><a href="/ev/{i}">Concert number {i} in the park</a> <em>{i} May 2024</em></li>' for i in range(3))
    + "</ul></section>"
)


def test_on_a_homepage_the_example_picks_the_list():
    _, news = read(HOMEPAGE, [TITLES[2]])
    assert [e["title"] for e in news] == TITLES
    _, events = read(HOMEPAGE, ["Concert number 1 in the park"])
    assert [e["title"] for e in events] == [f"Concert number {i} in the park" for i in range(3)]
    assert [e["date_start"] for e in events] == [f"2024-05-0{i}" if i else None for i in range(3)]


def test_lists_of_the_same_cards_in_two_sections_stay_apart():
    html = page(
        f'<section class="latest"><h2>Latest</h2><div class="cards">{cards()}</div></section>'
        f'<section class="popular"><h2>Most read</h2><div class="cards">{cards().replace("/n/", "/p/")}</div></section>'
    )
    text, entries = read(html, [TITLES[0]])
    assert [e["url"] for e in entries] == [f"https://example.org/n/{i}" for i in range(4)], text


def test_a_list_grouped_by_day_is_one_list_whichever_group_the_example_is_in():
    days = [[TITLES[0]], TITLES[1:3], [TITLES[3]]]
    html = page(
        "".join(
            f'<div class="day"><h2>{DATES[n]}</h2>'
            + "".join(
                f'<div class="post"><h3><a href="/n/{t[:4]}">{t}</a></h3><p>Some words here.</p></div>' for t in day
            )
            + "</div>"
            for n, day in enumerate(days)
        )
    )
    for example in (TITLES[0], TITLES[1], TITLES[3]):
        text, entries = read(html, [example])
        assert [e["title"] for e in entries] == TITLES, text


def test_two_examples_of_one_list_are_fine_of_two_lists_an_error():
    _, entries = read(HOMEPAGE, [TITLES[0], TITLES[3]])
    assert len(entries) == 4
    with pytest.raises(LearnError, match='"Concert number 2 in the park" does not share a block structure'):
        read(HOMEPAGE, [TITLES[0], "Concert number 2 in the park"])


def test_a_title_that_repeats_nowhere_is_an_error():
    with pytest.raises(LearnError, match="in no list"):
        read(page("<h1>The only heading here</h1><p>Text</p>"), ["The only heading here"])


# --- the command ------------------------------------------------------------------------------------------


def saved(tmp_path: Path, html: str) -> Path:
    path = tmp_path / "page.html"
    path.write_text(html)
    return path


def test_learn_writes_the_profile_and_shows_the_entries(tmp_path):
    out = tmp_path / "site.toml"
    result = cli("learn", saved(tmp_path, page(items())), "--url", URL, "--example", TITLES[0], "-o", out, check=0)
    assert "reads 4 entries" in result.stdout and TITLES[3] in result.stdout and "2023-01-05" in result.stdout
    assert out.read_text().startswith(MARK)
    cli("learn", saved(tmp_path, page(items())), "--url", URL, "--example", TITLES[1], "-o", out, "--force", check=0)


def test_errors_name_the_example_and_exit_1(tmp_path):
    html = saved(tmp_path, HOMEPAGE)
    out = tmp_path / "site.toml"
    missing = cli("learn", html, "--url", URL, "--example", "Nowhere on this page", "-o", out, check=1)
    assert 'example "Nowhere on this page" is not on the page' in missing.stderr
    apart = cli(
        "learn", html, "--url", URL, "--example", TITLES[0], "--example", "Concert number 2 in the park", "-o", out
    )
    assert apart.returncode == 1 and '"Concert number 2 in the park" does not share' in apart.stderr
    assert not out.exists() and "Traceback" not in apart.stderr
    no_url = cli("learn", html, "--example", TITLES[0], "-o", out, check=1)
    assert "--url" in no_url.stderr


def test_output_never_silently_replaces_another_file(tmp_path):
    html = saved(tmp_path, page(items()))
    out = tmp_path / "notes.toml"
    out.write_text('name = "mine"\n')
    refused = cli("learn", html, "--url", URL, "--example", TITLES[0], "-o", out, check=1)
    assert "--force" in refused.stderr and out.read_text() == 'name = "mine"\n'
    cli("learn", html, "--url", URL, "--example", TITLES[0], "-o", out, "--force", check=0)
    assert out.read_text().startswith(MARK)
    nowhere = cli("learn", html, "--url", URL, "--example", TITLES[0], "-o", tmp_path / "no" / "x.toml", check=1)
    assert "no folder" in nowhere.stderr


def test_output_that_exists_is_refused_as_export_refuses_it_even_a_profile_learn_wrote(tmp_path):
    """`learn -o P.toml` replaced a profile it had written, hand-edited since, silently: it refuses any file
    that holds something, in export's and diff's words and exit 1, unless --force; an empty one it fills."""
    html = saved(tmp_path, page(items()))
    out = tmp_path / "site.toml"
    cli("learn", html, "--url", URL, "--example", TITLES[0], "-o", out, check=0)
    edited = out.read_text() + "# the dates are in the second column\n"
    out.write_text(edited)
    refused = cli("learn", html, "--url", URL, "--example", TITLES[1], "-o", out, check=1)
    assert refused.stderr == f"Error: {OutputExists(out)}\n" and out.read_text() == edited
    cli("learn", html, "--url", URL, "--example", TITLES[1], "-o", out, "--force", check=0)
    assert out.read_text().startswith(MARK) and "second column" not in out.read_text()
    empty = tmp_path / "empty.toml"
    empty.touch()
    cli("learn", html, "--url", URL, "--example", TITLES[0], "-o", empty, check=0)
    assert empty.read_text().startswith(MARK)


def test_learn_fetches_a_url_once_and_obeys_robots(tmp_path):
    site = tmp_path / "site"
    (site / "news").mkdir(parents=True)
    (site / "news" / "index.htm").write_text(page(items()))
    (site / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    out = tmp_path / "site.toml"
    with SiteServer(site) as server:
        url = server.base_url + "/news/"
        result = cli("learn", url, "--example", TITLES[2], "-o", out, check=0)
        assert "reads 4 entries" in result.stdout and server.requests.count("/news/") == 1
        assert "/robots.txt" in server.requests
        other = tmp_path / "other.toml"  # not the profile just written, which -o refuses without --force
        refused = cli("learn", server.base_url + "/private/x.htm", "--example", TITLES[2], "-o", other, check=1)
        assert "robots.txt" in refused.stderr and "/private/x.htm" not in server.requests
        missing = cli("learn", server.base_url + "/gone.htm", "--example", TITLES[2], "-o", other, check=1)
        assert "HTTP 404" in missing.stderr and "Traceback" not in missing.stderr


# --- the three routes that use a learnt profile ----------------------------------------------------------


@pytest.fixture(scope="module")
def learnt(tmp_path_factory):
    """The homepage's events list learnt from one example, saved and served on 127.0.0.1."""
    tmp = tmp_path_factory.mktemp("routes")
    (tmp / "site").mkdir()
    (tmp / "site" / "index.htm").write_text(HOMEPAGE)
    profile = tmp / "events.toml"
    cli("learn", tmp / "site" / "index.htm", "--url", URL, "--example", "Concert number 0 in the park", "-o", profile)
    return tmp, profile


EVENTS = {f"Concert number {i} in the park" for i in range(3)}


def test_parse_uses_the_learnt_profile(learnt):
    tmp, profile = learnt
    html = tmp / "site" / "index.htm"
    titles = {
        json.loads(line)["title"] for line in cli("parse", html, "--url", URL, "--profile", profile).stdout.splitlines()
    }
    assert titles == EVENTS
    generic = cli("parse", html, "--url", URL, "--profile", "auto").stdout.splitlines()
    assert {json.loads(line)["title"] for line in generic} != EVENTS  # the profile is what made the difference


def test_crawl_uses_the_learnt_profile(learnt, tmp_path):
    tmp, profile = learnt
    db = tmp_path / "a.db"
    with SiteServer(tmp / "site") as server:
        cli("crawl", "listing", "--db", db, "--profile", profile, "--start-url", server.base_url + "/", *FAST, check=0)
    assert q(db, "SELECT count(*) FROM entries") == 3
    assert q(db, "SELECT count(*) FROM entries WHERE title LIKE 'Concert number %'") == 3


def test_a_configs_profile_uses_the_learnt_profile(learnt, tmp_path):
    tmp, profile = learnt
    db = tmp_path / "a.db"
    with SiteServer(tmp / "site") as server:
        config = tmp_path / "listings.toml"
        config.write_text(
            f'db = "{db}"\n[[listing]]\nurl = "{server.base_url}/"\nspider = "listing"\nprofile = "{profile}"\n'
        )
        cli("crawl", "--config", config, *FAST, check=0)
    assert q(db, "SELECT count(*) FROM entries") == 3
    assert q(db, "SELECT count(*) FROM entries WHERE title LIKE 'Concert number %'") == 3


# --- real pages ---------------------------------------------------------------------------------------------

REAL_PAGES = ["en-oregon-doj-news", "en-rand-paul-senate-press", "en-pennsylvania-ag-taking-action"]


@pytest.mark.parametrize(
    "name", ["en-oregon-doj-news", "en-rand-paul-senate-press", "en-pennsylvania-ag-taking-action"]
)
def test_real_pages_from_their_first_title(name):
    label = json.loads((FIXTURES / "real" / f"{name}.json").read_text())
    html = (FIXTURES / "real" / f"{name}.html").read_bytes()
    learned = learn_profile(html, label["url"], [label["entries"][0]["title"]], name)
    entries = build_entries(extract_page(html, label["url"], learned.profile), label["url"], label["url"])
    want = [(e["title"], e["url"], e.get("date_start")) for e in label["entries"]]
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == want, learned.text


@pytest.mark.parametrize("kind", ["folder", "device", "pipe"])
def test_output_that_is_no_regular_file_is_refused_even_with_force(tmp_path, kind):
    html = saved(tmp_path, page(items()))
    if kind == "folder":
        out = tmp_path / "profiles"
        out.mkdir()
    elif kind == "device":
        out = Path("/dev/null")
    else:
        out = tmp_path / "pipe"
        os.mkfifo(out)  # writing would wait for a reader for ever: refused before anything is opened
    refused = cli("learn", html, "--url", URL, "--example", TITLES[0], "-o", out, "--force", check=1)
    assert f"{out} is not a regular file" in refused.stderr and "wrote" not in refused.stdout
    assert len(refused.stderr.strip().splitlines()) == 1
