"""A local site whose listing pages a browser builds (the render tests and benchmarks/render.py).

    /script.htm  a list built by an inline script at load
    /fetch.htm   a list built from fetch('/data.json')
    /more.htm    4 entries, then a "Load more" button that fetches /more-1.json … /more-5.json
    /scroll.htm  the same, loaded as the page is scrolled to its end (an infinite scroll)
    /plain.htm   the same entries as plain HTML (the benchmark's plain fetch)

`build_site(root)` writes two states, week1 and week2 (served with SiteServer(root, state,
base="week1")); week2 changes one entry on each page, as CHANGES says.
"""

from __future__ import annotations

import json
from pathlib import Path

MORE_CLICKS = 5
PER_BATCH = 4
MORE_PROFILE = """name = "load-more-test"
load_more = "button#more"
wait_for = "#list li.item"
[selectors]
container = "#list"
entry = "li.item"
title = ".item-title a"
date = ".item-date"
"""
SCROLL_PROFILE = MORE_PROFILE.replace('name = "load-more-test"', 'name = "scroll-test"').replace(
    'load_more = "button#more"', "scroll = true"
)
# What week2 changes, page by page: (entry whose title changes, its new title).
CHANGES = {
    "script": ("DOC_1003", "Labour market outlook for the region (revised)"),
    "fetch": ("DOC_2002", "Skills survey of small enterprises, second edition"),
    "more": ("DOC_3013", "Migration statistics, third quarter (corrected)"),
}
_TOPICS = (
    "Labour market outlook",
    "Skills survey of small enterprises",
    "Social protection coverage",
    "Migration statistics",
    "Youth employment brief",
    "Wages and working time",
)

_HEAD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><nav><a href="/">Home</a> <a href="/about.htm">About</a></nav>
<main><h1>{title}</h1>
<noscript>This page needs JavaScript to show its list.</noscript>
<ul id="list">{items}</ul>
"""
_BUILD = """<script>
function show(items) {
  const list = document.getElementById('list');
  for (const it of items) {
    const li = document.createElement('li');
    li.className = 'item';
    li.innerHTML = '<h5 class="item-title"><a href="/pub/' + it.id + '/index.htm"></a></h5>'
      + '<p class="item-date">' + it.date + '</p>';
    li.querySelector('a').textContent = it.title;
    list.appendChild(li);
  }
}
"""
_MORE = """let round = 0;
document.getElementById('more').addEventListener('click', function () {
  round += 1;
  fetch('/more-' + round + '.json').then(r => r.json()).then(function (data) {
    show(data.items);
    if (data.last) document.getElementById('more').remove();
  });
});
"""
_SCROLL = """let round = 0, loading = false, done = false;
window.addEventListener('scroll', function () {
  if (loading || done || innerHeight + scrollY < document.documentElement.scrollHeight - 20) return;
  loading = true;
  round += 1;
  fetch('/more-' + round + '.json').then(r => r.json()).then(function (data) {
    show(data.items);
    done = data.last;
    loading = false;
  });
});
"""


def entries(prefix: int, count: int, start: int = 1) -> list[dict]:
    """`count` entries numbered from DOC_<prefix><start>, with titles and dates."""
    out = []
    for n in range(start, start + count):
        topic = _TOPICS[n % len(_TOPICS)]
        out.append(
            {"id": f"DOC_{prefix}{n:03d}", "title": f"{topic} {prefix}{n:03d}", "date": f"{n % 28 + 1} May 2026"}
        )
    return out


def _changed(items: list[dict], page: str, week: str) -> list[dict]:
    if week == "week1":
        return items
    entry_id, title = CHANGES[page]
    return [{**it, "title": title} if it["id"] == entry_id else it for it in items]


def _li(it: dict) -> str:
    return (
        f'<li class="item"><h5 class="item-title"><a href="/pub/{it["id"]}/index.htm">{it["title"]}</a></h5>'
        f'<p class="item-date">{it["date"]}</p></li>'
    )


def _week(folder: Path, week: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    script = _changed(entries(1, 8), "script", week)
    (folder / "script.htm").write_text(
        _HEAD.format(title="Publications (script)", items="")
        + _BUILD
        + f"show({json.dumps(script)});\n"
        # What the browser must not load: an image, anything from another host, what robots.txt forbids.
        + "fetch('http://localhost:' + location.port + '/offsite.json').catch(() => null);\n"
        + "fetch('/private/extra.json').catch(() => null);\n"
        + '</script><img src="/logo.png" alt=""></main></body></html>\n'
    )
    (folder / "plain.htm").write_text(
        _HEAD.format(title="Publications (plain)", items="".join(_li(it) for it in script)) + "</main></body></html>\n"
    )
    (folder / "data.json").write_text(json.dumps(_changed(entries(2, 8), "fetch", week)))
    (folder / "fetch.htm").write_text(
        _HEAD.format(title="Publications (fetch)", items="")
        + _BUILD
        + "fetch('/data.json').then(r => r.json()).then(show);\n</script></main></body></html>\n"
    )
    more = _changed(entries(3, PER_BATCH * (MORE_CLICKS + 1)), "more", week)
    first = "".join(_li(it) for it in more[:PER_BATCH])
    (folder / "more.htm").write_text(
        _HEAD.format(title="Publications (load more)", items=first)
        + '<button id="more" type="button">Load more</button>\n'
        + _BUILD
        + _MORE
        + "</script></main></body></html>\n"
    )
    (folder / "scroll.htm").write_text(
        _HEAD.format(title="Publications (scroll)", items=first).replace(
            "<main>", "<style>li { height: 400px }</style><main>"
        )
        + _BUILD
        + _SCROLL
        + "</script></main></body></html>\n"
    )
    for n in range(1, MORE_CLICKS + 1):
        batch = more[PER_BATCH * n : PER_BATCH * (n + 1)]
        (folder / f"more-{n}.json").write_text(json.dumps({"items": batch, "last": n == MORE_CLICKS}))


def build_site(root: Path) -> Path:
    """Both weeks of the site under `root`, and the "Load more" and scroll profiles (root/more.toml, scroll.toml)."""
    for week in ("week1", "week2"):
        _week(root / week, week)
    (root / "more.toml").write_text(MORE_PROFILE)
    (root / "scroll.toml").write_text(SCROLL_PROFILE)
    return root
