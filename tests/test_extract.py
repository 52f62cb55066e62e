import pytest
from conftest import SEED_URL, labelled_pages

from crawler.entries import FIELDS, build_entries
from crawler.extract import extract_page
from crawler.extract.profiles import ProfileError, get_profile, load_profile_file

SEED_EXPECTED = [
    # (entry_id, group, position, date_text, date_start, date_end, credit, author, holder, year, organisers)
    ("WCMS_866512", "January 2023", 1, None, None, None, None, None, None, None, []),
    ("WCMS_866233", "January 2023", 2, None, None, None, None, None, None, None, []),
    ("WCMS_864211", "December 2022", 1, None, None, None, "© Hoa Tran / ILO 2023", "Hoa Tran", "ILO", 2023, []),
    (
        "WCMS_862455",
        "December 2022",
        2,
        "22 - 23 November 2022",
        "2022-11-22",
        "2022-11-23",
        None,
        None,
        None,
        None,
        ["ILO/China Partnership Programme", "Ministry of Labour and Social Welfare, Lao People Democratic Republic"],
    ),
    (
        "WCMS_862866",
        "December 2022",
        3,
        "29 - 30 November 2022",
        "2022-11-29",
        "2022-11-30",
        None,
        None,
        None,
        None,
        [
            "ILO/China Partnership Programme",
            "Ministry of Labour and Social Welfare of Lao People's Democratic Republic",
        ],
    ),
    ("WCMS_863790", "December 2022", 4, None, None, None, None, None, None, None, []),
    (
        "WCMS_863104",
        "December 2022",
        5,
        "16 December 2022",
        "2022-12-16",
        "2022-12-16",
        None,
        None,
        None,
        None,
        ["Asian Research Centre for Migration", "ILO", "IOM", "Stockholm Environment Institute"],
    ),
    (
        "WCMS_864010",
        "December 2022",
        6,
        "18 December 2022",
        "2022-12-18",
        "2022-12-18",
        None,
        None,
        None,
        None,
        ["ILO’s TRIANGLE in ASEAN programme"],
    ),
    ("WCMS_865548", "December 2022", 7, None, None, None, None, None, None, None, []),
    ("WCMS_857204", "December 2022", 8, None, None, None, None, None, None, None, []),
]


@pytest.mark.parametrize("profile", [None, "ilo", "auto"])
def test_seed_page_every_entry_every_field(seed_html, profile):
    page = extract_page(seed_html, SEED_URL, profile)
    entries = build_entries(page, SEED_URL)
    assert len(entries) == 10
    assert page.title == "Lao People's Democratic Republic resources"
    assert page.language == "en"
    for entry, exp in zip(entries, SEED_EXPECTED, strict=False):
        eid, group, pos, dtext, dstart, dend, credit, author, holder, year, organisers = exp
        assert set(entry) == set(FIELDS)
        assert entry["entry_id"] == eid
        assert entry["url"] == f"https://www.ilo.org{_href(seed_html, eid)}"
        assert entry["group"] == group and entry["group_month"] == (
            "2023-01" if group.startswith("January") else "2022-12"
        )
        assert entry["position"] == pos
        assert (entry["date_text"], entry["date_start"], entry["date_end"]) == (dtext, dstart, dend)
        assert entry["date_precision"] == ("day" if dtext else None)
        assert (entry["credit"], entry["credit_author"], entry["credit_holder"], entry["credit_year"]) == (
            credit,
            author,
            holder,
            year,
        )
        assert entry["organisers"] == organisers
        assert (entry["organiser_text"] is None) == (not organisers)
        assert entry["listing_url"] == SEED_URL and entry["listing_title"] == page.title and entry["language"] == "en"
    assert (
        entries[2]["image_url"]
        == "https://www.ilo.org/wcmsp5/groups/public/---asia/---ro-bangkok/images/pic/wcms_864212.jpg"
    )
    assert all(e["image_url"] is None for i, e in enumerate(entries) if i != 2)
    assert entries[0]["title"].startswith(
        "Understanding informality and expanding social security coverage in Lao People’s"
    )
    assert entries[5]["title"] == "TRIANGLE in ASEAN Newsletter" and entries[5]["description"] is None
    assert entries[3]["description"].startswith("Jointly organized by the ILO/China")
    # The December group's events are dated November: the heading is never copied into the dates.
    assert entries[3]["group_month"] == "2022-12" and entries[3]["date_start"] == "2022-11-22"
    assert page.page_links[0].endswith("/nextRow--10/index.htm")
    assert page.page_number == 1


def _href(html: bytes, eid: str) -> str:
    import re

    return re.search(rf'href="([^"]*{eid}[^"]*)"', html.decode()).group(1)


PAGES = list(labelled_pages())


def test_corpus_is_big_and_varied():
    assert len(PAGES) >= 30
    assert len({p[1]["markup"] for p in PAGES}) >= 4
    assert {e["language"] for p in PAGES for e in p[1]["entries"]} >= {"en", "fr", "es"}


@pytest.mark.parametrize("name,expected,html", PAGES, ids=[p[0] for p in PAGES])
def test_labelled_page(name, expected, html):
    page = extract_page(html, expected["url"])
    got = build_entries(page, expected["url"])
    assert [g["title"] for g in got] == [e["title"] for e in expected["entries"]]
    for g, e in zip(got, expected["entries"], strict=False):
        for field, value in e.items():
            assert g[field] == value, f"{field} of {e['title'][:40]!r}"


def test_empty_group_heading_is_not_inherited():
    html = (
        b'<html><body><div class="items-list"><h3 class="items-group">March 2020</h3><ol>\n'
        b'      <li class="item"><h5 class="item-title"><a href="/a/WCMS_1/lang--en/index.htm">First entry '
        b"title</a></h5></li></ol>\n"
        b'      <h3 class="items-group"></h3><ol><li class="item"><h5 class="item-title">'
        b'<a href="/a/WCMS_2/lang--en/index.htm">Second entry title</a></h5></li></ol>\n'
        b"      </div></body></html>"
    )
    entries = build_entries(
        extract_page(html, "https://www.ilo.org/x/lang--en/index.htm"), "https://www.ilo.org/x/lang--en/index.htm"
    )
    assert [(e["group"], e["position"]) for e in entries] == [("March 2020", 1), (None, 1)]


def test_profile_falls_back_to_generic_when_it_finds_nothing():
    html = (
        b'<html lang="en"><body><nav><a href="/home">Home page of the whole site</a></nav><main><h1>News</h1>\n'
        b'      <section><h2>May 2021</h2><div class="n"><h4><a href="/n/1">A first piece of news here</a></h4>'
        b"<span>3 May 2021</span></div>\n"
        b'      <div class="n"><h4><a href="/n/2">A second piece of news here</a></h4><span>1 May 2021</span>'
        b"</div></section></main></body></html>"
    )
    page = extract_page(html, "https://www.ilo.org/news/lang--en/index.htm", "ilo")
    assert page.extractor == "generic"
    entries = build_entries(page, "https://www.ilo.org/news/lang--en/index.htm")
    assert [(e["title"], e["date_start"], e["group_month"]) for e in entries] == [
        ("A first piece of news here", "2021-05-03", "2021-05"),
        ("A second piece of news here", "2021-05-01", "2021-05"),
    ]


def test_a_date_in_the_title_or_description_is_not_the_entry_date():
    html = (
        b'<html><body><ul><li><a href="/e/1">Conference 2022 on 16 December 2022</a>'
        b"<p>Held on 16 December 2022 in Vientiane with partners.</p></li>\n"
        b'      <li><a href="/e/2">Another conference title here</a>'
        b"<p>It will take place on 3 March 2023, with many partners.</p></li></ul></body></html>"
    )
    entries = build_entries(extract_page(html, "https://example.org/events/", "auto"), "https://example.org/events/")
    assert [e["date_start"] for e in entries] == [None, None]


def test_profile_files(tmp_path):
    good = tmp_path / "site.toml"
    good.write_text('name = "site"\ndomains = ["example.org"]\n[selectors]\nentry = "div.news"\ntitle = "h2 a"\n')
    profile = load_profile_file(good)
    assert profile.name == "site" and profile.matches("https://www.example.org/x")
    html = (
        b'<div class="news"><h2><a href="/1">One title</a></h2><p>Text one.</p></div><div class="news"><h2>'
        b'<a href="/2">Two title</a></h2></div>'
    )
    entries = build_entries(
        extract_page(html, "https://example.org/", profile), "https://example.org/", profile=profile
    )
    assert [(e["title"], e["description"]) for e in entries] == [("One title", "Text one."), ("Two title", None)]
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "bad"\n[selectors]\nentry = "div[["\n')
    with pytest.raises(ProfileError, match="not valid CSS"):
        load_profile_file(bad)
    with pytest.raises(ProfileError, match="unknown profile"):
        get_profile("nope")


def test_broken_and_empty_pages_do_not_raise():
    for body in (b"", b"<html", b"\xff\xfe garbage", b"<html><body><p>No entries at all.</p></body></html>"):
        page = extract_page(body, "https://example.org/")
        assert build_entries(page, "https://example.org/") == []


def test_long_menus_and_sidebars_do_not_win_over_the_listing():
    menu = "".join(f'<li><a href="/topic/{i}">Decent work topic number {i} overview</a></li>' for i in range(40))
    plain_links = "".join(f'<li><a href="/see/{i}">Another related resource page {i}</a></li>' for i in range(30))
    entries = "".join(
        f'<div class="row"><span>News | {i + 1} May 2021</span><div>'
        f'<a href="/news/{i}">A piece of news number {i} in the listing</a></div>'
        f"<p>Some words of description for entry {i}, long enough to count. Read more »</p></div>"
        for i in range(8)
    )
    html = f"""<html lang="en"><body><div id="main-menu"><ul>{menu}</ul></div><div class="content"><h1>News</h1>
      <h2>May 2021</h2>{entries}</div><div><ul>{plain_links}</ul></div></body></html>""".encode()
    entries_found = build_entries(extract_page(html, "https://example.org/news/", "auto"), "https://example.org/news/")
    assert [e["url"] for e in entries_found] == [f"https://example.org/news/{i}" for i in range(8)]
    assert entries_found[0]["date_text"] == "1 May 2021" and entries_found[0]["group_month"] == "2021-05"
    assert entries_found[0]["description"] == "Some words of description for entry 0, long enough to count."


@pytest.mark.parametrize(
    "first,second",
    [
        (
            "<p><strong>16 December 2022</strong> | The meeting brings partners together for two days.</p>",
            "<p><span>3 March 2023</span> Another text that describes it.</p>",
        ),
        (
            "<p>16 December 2022 | The meeting brings partners together for two days.</p>",
            "<p>3 March 2023 | Another text that describes it.</p>",
        ),
        (
            '<p class="meta"><span>News</span> <span>16 December 2022</span></p>'
            "<p>The meeting brings partners together for two days.</p>",
            '<p class="meta"><span>News</span> <span>3 March 2023</span></p><p>Another text that describes it.</p>',
        ),
    ],
)
def test_date_lines_run_into_paragraphs_or_labels(first, second):
    html = (
        f'<ul><li><a href="/a">First title of the list</a>{first}</li><li><a href="/b">Second title of the list'
        f"</a>{second}</li></ul>"
    ).encode()
    entries = build_entries(extract_page(html, "https://x.org/", "auto"), "https://x.org/")
    assert [(e["date_start"], e["description"]) for e in entries] == [
        ("2022-12-16", "The meeting brings partners together for two days."),
        ("2023-03-03", "Another text that describes it."),
    ]


def test_a_date_in_the_middle_of_the_prose_is_not_the_entry_date():
    html = (
        b'<ul><li><a href="/a">First title of the list</a><p>The event on <strong>16 December 2022'
        b"</strong> will bring partners "
        b'together, with enough words to make it prose.</p></li><li><a href="/b">Second title of the list'
        b"</a><p>Another text.</p></li></ul>"
    )
    entries = build_entries(extract_page(html, "https://x.org/", "auto"), "https://x.org/")
    assert entries[0]["date_start"] is None and "16 December 2022" in entries[0]["description"]


def test_profile_with_drifted_group_headings_still_groups(seed_html):
    drifted = seed_html.replace(b'<h3 class="items-group">', b'<h2 class="month-heading">').replace(b"</h3>", b"</h2>")
    entries = build_entries(extract_page(drifted, SEED_URL, "ilo"), SEED_URL)
    assert [(e["group_month"], e["position"]) for e in entries][:4] == [
        ("2023-01", 1),
        ("2023-01", 2),
        ("2022-12", 1),
        ("2022-12", 2),
    ]


@pytest.mark.parametrize("more", ["", ' <a class="more-link" href="/2023/05/0{i}/post-{i}/">Continue reading</a>'])
def test_blog_articles_with_their_own_header_and_linked_dates(more):
    posts = "".join(
        '<article class="post"><header class="entry-header"><h2 class="entry-title">'
        f'<a href="/2023/05/0{i}/post-{i}/">Post number {i} about labour rights</a></h2>'
        f'<div class="entry-meta"><span class="posted-on">Posted on <a href="/2023/05/0{i}/">'
        f'<time datetime="2023-05-0{i}T10:00:00+00:00">May {i}, 2023</time></a>'
        f'</span><span class="byline"> by <a href="/author/admin/">admin</a></span></div></header>'
        f'<div class="entry-summary"><p>Summary of post {i} with some words.{more.format(i=i)}</p></div></article>'
        for i in range(1, 4)
    )
    html = (
        '<html lang="en"><body><header id="masthead"><nav>'
        '<a href="/about/">About our organisation and team</a></nav></header>'
        f'<main><h1>News</h1>{posts}<nav class="pagination"><a class="next" href="/page/2/">Next</a></nav>'
        "</main></body></html>"
    ).encode()
    page = extract_page(html, "https://blog.example.org/", "auto")
    entries = build_entries(page, "https://blog.example.org/")
    assert [(e["title"], e["date_start"], e["description"]) for e in entries] == [
        (f"Post number {i} about labour rights", f"2023-05-0{i}", f"Summary of post {i} with some words.")
        for i in range(1, 4)
    ]
    assert page.page_links == ["https://blog.example.org/page/2/"]


def test_cards_whose_only_link_is_read_more():
    cards = "".join(
        f'<div class="col"><div class="card"><img src="/img/{i}.jpg"><div class="card-body">'
        f"<h5>Report number {i} on wages</h5>"
        f"<p><small>1{i} March 2022</small></p><p>What the report {i} finds about wages.</p>"
        f'<a href="/pub/{i}">Read more</a></div></div></div>'
        for i in range(3)
    )
    html = f'<html lang="en"><body><h1>Publications</h1><div class="row">{cards}</div></body></html>'.encode()
    entries = build_entries(extract_page(html, "https://pubs.example.org/", "auto"), "https://pubs.example.org/")
    assert [(e["title"], e["url"], e["date_start"], e["description"]) for e in entries] == [
        (
            f"Report number {i} on wages",
            f"https://pubs.example.org/pub/{i}",
            f"2022-03-1{i}",
            f"What the report {i} finds about wages.",
        )
        for i in range(3)
    ]


@pytest.mark.parametrize(
    "shown,date_text,start,end",
    [
        ("22 - 23 November 2022<br>Vientiane, Lao PDR", "22 - 23 November 2022", "2022-11-22", "2022-11-23"),
        ("Event | 16 December 2022", "16 December 2022", "2022-12-16", "2022-12-16"),
        ("Date: 1 de marzo de 2021", "1 de marzo de 2021", "2021-03-01", "2021-03-01"),
        ("Ongoing", "Ongoing", None, None),
    ],
)
def test_profile_date_lines_with_more_than_the_date(seed_html, shown, date_text, start, end):
    html = seed_html.replace(b"22 - 23 November 2022", shown.encode())
    entry = build_entries(extract_page(html, SEED_URL, "ilo"), SEED_URL)[3]
    assert (entry["date_text"], entry["date_start"], entry["date_end"]) == (date_text, start, end)


@pytest.mark.parametrize(
    "text,message",
    [
        ('name = "x"\nentry = 5\n[selectors]\nentry = "li"\n', r"x\.toml: unknown key 'entry'"),
        (
            'name = "x"\n[selectors]\nentry = 5\n',
            r"x\.toml: selectors\.entry must be a CSS selector \(a string\), not a whole number",
        ),
        (
            'name = "x"\nrows_per_page = "ten"\n[selectors]\nentry = "li"\n',
            r"rows_per_page must be a whole number, not a string",
        ),
        (
            'name = "x"\ndomains = "example.org"\n[selectors]\nentry = "li"\n',
            r"domains must be a list of host names, not a string",
        ),
        (
            'name = "x"\ndocument_id = "(unclosed"\n[selectors]\nentry = "li"\n',
            r"document_id is not a valid regular expression",
        ),
        ('name = "x"\n[selectors]\nentry = "li"\nheadline = "h2"\n', r"unknown selector 'headline'"),
        ('name = 3\n[selectors]\nentry = "li"\n', r"name must be a string, not a whole number"),
        ('name = "x"\n', r"needs \[selectors\]"),
        ('name = "x"\n[selectors\n', r"not valid TOML"),
    ],
)
def test_profiles_are_checked_against_a_schema(tmp_path, text, message):
    path = tmp_path / "x.toml"
    path.write_text(text)
    with pytest.raises(ProfileError, match=message):
        load_profile_file(path)


def test_site_specifics_come_from_the_profile(tmp_path):
    # The ILO's document numbers and nextRow paging are data in ilo.toml, not code.
    from crawler.extract.profiles import document_patterns
    from crawler.parsers.ids import document_number

    ilo = get_profile("ilo")
    assert ilo.document_id.search("x/WCMS_865548/y") and ilo.page_offset.search("/nextRow--20/index.htm")
    for link, number in (("https://www.ilo.org/a/WCMS_865548/", "WCMS_865548"), ("https://example.org/WCMS_1/", None)):
        assert document_number(link, document_patterns(link)) == number  # another site: its own ids, not the ILO's
    page = extract_page(b"<html><body><p>Page</p></body></html>", "https://www.ilo.org/x/nextRow--20/index.htm", "auto")
    assert page.page_number == 3
    other = tmp_path / "other.toml"
    other.write_text(
        "name = \"other\"\ndomains = [\"example.org\"]\ndocument_id = 'doc-(\\d+)'\npage_offset = 'start=(\\d+)'\n"
        'rows_per_page = 25\n[selectors]\nentry = "li.x"\n'
    )
    profile = load_profile_file(other)
    page = extract_page(
        b"<html><body><ul><li><a href='/doc-7'>A document title here</a></li></ul></body></html>",
        "https://example.org/list?start=50",
        profile,
    )
    assert page.page_number == 3
    assert build_entries(page, "https://example.org/list", profile=profile)[0]["entry_id"] == "7"
