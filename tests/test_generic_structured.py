"""Structured data first: schema.org lists (JSON-LD, microdata, RDFa) reconciled with the HTML."""

import json

from crawler.entries import build_entries
from crawler.extract import extract_page
from crawler.extract.structured import structured_items

URL = "https://example.org/events/"


def _ld(data) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


ITEM_LIST = {
    "@context": "https://schema.org",
    "@type": "ItemList",
    "itemListElement": [
        {
            "@type": "ListItem",
            "position": 1,
            "item": {
                "@type": "Event",
                "name": "Workshop on social protection",
                "startDate": "2024-05-01T09:00",
                "endDate": "2024-05-03",
                "url": "/events/workshop",
                "organizer": [{"@type": "Organization", "name": "ILO"}, {"@type": "Organization", "name": "UNDP"}],
            },
        },
        {
            "@type": "ListItem",
            "position": 2,
            "item": {
                "@type": "Event",
                "name": "Tripartite meeting on wages",
                "startDate": "2024-06-12",
                "url": "/events/wages",
            },
        },
        {
            "@type": "ListItem",
            "position": 3,
            "item": {"@type": "Event", "name": "Launch of the youth report", "startDate": "2024-07-01"},
        },
    ],
}


def test_an_item_list_names_entries_the_html_does_not_show():
    html = (
        f"<html><head>{_ld(ITEM_LIST)}</head><body><main><h1>Events</h1><p>Nothing rendered here.</p></main></body>"
        f"</html>"
    )
    entries = build_entries(extract_page(html, URL, "auto"), URL)
    assert [e["title"] for e in entries] == [
        "Workshop on social protection",
        "Tripartite meeting on wages",
        "Launch of the youth report",
    ]
    first = entries[0]
    assert first["url"] == "https://example.org/events/workshop" and entries[2]["url"] is None
    assert (first["date_start"], first["date_end"]) == ("2024-05-01", "2024-05-03")
    assert first["organisers"] == ["ILO", "UNDP"] and [e["position"] for e in entries] == [1, 2, 3]


def test_structured_dates_and_organisers_fill_the_html_entries():
    cards = "".join(
        f"<article><h3><a href='{href}'>{title}</a></h3><p>A description of the event with some words.</p></article>"
        for href, title in [
            ("/events/workshop", "Workshop on social protection"),
            ("/events/wages", "Tripartite meeting on wages"),
            ("/events/youth", "Launch of the youth report"),
        ]
    )
    html = f"<html><head>{_ld(ITEM_LIST)}</head><body><main>{cards}</main></body></html>"
    entries = build_entries(extract_page(html, URL, "auto"), URL)
    assert len(entries) == 3 and entries[0]["description"] == "A description of the event with some words."
    assert entries[0]["date_start"] == "2024-05-01" and entries[0]["organisers"] == ["ILO", "UNDP"]
    assert entries[2]["date_start"] == "2024-07-01"  # matched by title: the structured item has no URL


def test_microdata_and_rdfa_articles():
    micro = "".join(
        '<div itemscope itemtype="https://schema.org/NewsArticle"><h2 itemprop="headline">'
        f'<a itemprop="url" href="/n{i}">News {i} here</a></h2>'
        f'<meta itemprop="datePublished" content="2023-01-0{i}"></div>'
        for i in (1, 2)
    )
    rdfa = "".join(
        f'<div vocab="https://schema.org/" typeof="BlogPosting"><span property="headline">Blog post {i}</span>'
        f'<a property="url" href="/b{i}">link</a><span property="datePublished" content="2023-02-0{i}"></span></div>'
        for i in (1, 2)
    )
    items = structured_items(f"<html><body>{micro}{rdfa}</body></html>", URL)
    got = {(i["title"], i["url"], i["date"]) for i in items}
    assert ("News 1 here", "https://example.org/n1", "2023-01-01") in got
    assert ("Blog post 2", "https://example.org/b2", "2023-02-02") in got


def test_json_ld_entities_are_decoded_once_and_microdata_text_is_kept_as_shown():
    """A script's JSON is no HTML a parser decoded: "Caf&eacute; &amp; bar" in it is decoded (as clean_text did for
    every text). Microdata is the page's own text, decoded by the parser: "&amp;lt;b&amp;gt;" shows "&lt;b&gt;"."""
    names = ["Caf&eacute; &amp; bar workshop", "Rock &#8217;n&#8217; roll talk"]
    ld = _ld(
        {
            "@type": "ItemList",
            "itemListElement": [{"@type": "Event", "name": n, "url": f"/e{i}"} for i, n in enumerate(names)],
        }
    )
    assert [i["title"] for i in structured_items(f"<html><head>{ld}</head></html>", URL)] == [
        "Café & bar workshop",
        "Rock ’n’ roll talk",
    ]
    micro = "".join(
        '<div itemscope itemtype="https://schema.org/NewsArticle">'
        f'<h2 itemprop="headline">Using &amp;lt;b&amp;gt; in news {i}</h2><a itemprop="url" href="/n{i}">more</a></div>'
        for i in (1, 2)
    )
    items = structured_items(f"<html><body>{micro}</body></html>", URL)
    assert [i["title"] for i in items] == ["Using &lt;b&gt; in news 1", "Using &lt;b&gt; in news 2"]


def test_one_item_is_the_page_not_a_list_and_broken_data_is_ignored():
    one = _ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "The page itself"})
    broken = '<script type="application/ld+json">{"@type": "ItemList", "itemListElement": [</script>'
    html = (
        f"<html><head>{one}{broken}</head><body><ul><li><a href='/a'>An entry of the page</a></li></ul></body></html>"
    )
    entries = build_entries(extract_page(html, URL, "auto"), URL)
    assert [e["title"] for e in entries] == ["An entry of the page"]


def test_graph_and_blog_posts():
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "name": "Blog"},
            {
                "@type": "Blog",
                "blogPost": [
                    {
                        "@type": "BlogPosting",
                        "headline": f"Post {i}",
                        "url": f"https://example.org/p{i}",
                        "datePublished": f"2021-03-0{i}",
                    }
                    for i in (1, 2, 3)
                ],
            },
        ],
    }
    items = structured_items(f"<html><head>{_ld(data)}</head></html>", URL)
    assert [i["title"] for i in items] == ["Post 1", "Post 2", "Post 3"]


def test_the_markers_word_check_finds_what_the_markers_find():
    """The substring check before each marker's regex (crawler/extract/structured.py) never hides a marker,
    in any case, nor where lower() folds differently from the regex ("ſ" matches "s" case-insensitively)."""
    from crawler.extract.structured import _MARKERS, _syntaxes

    pages = [
        '<html><script type="APPLICATION/LD+JSON">{}</script></html>',
        "<div ItemScope itemtype=x>",
        "<div itemſcope>",  # the long s: lower() keeps it, the IGNORECASE regex matches it as "s"
        "<div TypeOf='schema:Event'>",
        "<p>itemscope and typeof in text, ld+json too</p>",
        "<html><body>nothing</body></html>",
    ]
    for page in pages:
        assert _syntaxes(page) == [name for name, marker in _MARKERS.items() if marker.search(page)], page
    assert _syntaxes("<div itemſcope>") == ["microdata"]
    assert _syntaxes("<div ItemScope>") == ["microdata"]


def test_a_title_several_entries_share_takes_no_structured_date_by_its_name():
    """A calendar whose meetings mostly have the same name, each with a hidden microdata Event (name and startDate, no
    url): the name matches no one entry, so the first Event's date is given to none (it went to the last meeting,
    over the date the page shows)."""
    shown = [("January 11, 2024", "2024-01-11"), ("February 8, 2024", "2024-02-08"), ("July 11, 2024", "2024-07-11")]
    row = (
        "<li><h3><a href='/Calendar.aspx?EID={n}'>Planning Committee Meeting</a></h3><div class='date'>{day}, 10:00 AM"
        "</div><div class='hidden' itemscope itemtype='http://schema.org/Event'><span itemprop='name'>Planning "
        "Committee Meeting</span><span itemprop='startDate' class='hidden'>{iso}T10:00:00</span></div></li>"
    )
    items = "".join(row.format(n=n, day=day, iso=iso) for n, (day, iso) in enumerate(shown))
    items += row.format(n=9, day="March 14, 2024", iso="2024-03-14").replace("Meeting<", "Meeting - Cancelled<")
    shown.append(("March 14, 2024", "2024-03-14"))
    html = f"<html lang='en'><body><main><ol>{items}</ol></main></body></html>"
    entries = build_entries(extract_page(html, URL, "auto"), URL)
    assert [e["date_start"] for e in entries] == [iso for _, iso in shown]
