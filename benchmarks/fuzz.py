"""Fuzz the extraction path: generated markup and mutated real pages, counting crashes.

Every input goes through extract_page (the generic extractor and the ILO profile, in
turn) and build_entries; any exception is a crash, reported with the input that caused
it (saved under --out for replay). Inputs are made from a seeded random generator, so a
run can be repeated exactly.

    .venv/bin/python benchmarks/fuzz.py [--n 10000] [--seed 1] [--out /tmp/fuzz-crashes]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.entries import build_entries  # noqa: E402
from crawler.extract import extract_page  # noqa: E402

TAGS = [
    "div",
    "p",
    "li",
    "ul",
    "ol",
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "span",
    "time",
    "article",
    "header",
    "footer",
    "nav",
    "section",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "main",
    "aside",
    "strong",
    "b",
    "em",
    "br",
    "hr",
    "img",
    "form",
]
ATTRS = [
    "",
    " class='item'",
    " class='title entry-title'",
    " href='/a/1'",
    " href='#'",
    " href='javascript:x'",
    " hidden",
    " datetime='2021-02-03'",
    " datetime='December 15, 2020'",
    " itemscope itemtype='https://schema.org/Article'",
    " itemprop='headline'",
    " typeof='BlogPosting'",
    " style='display:none'",
    " class='sr-only'",
    " role='navigation'",
]
ODD = [
    "<!-- comment -->",
    "<?php echo 1 ?>",
    "<![CDATA[ x ]]>",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&bogus;",
    "<!DOCTYPE html>",
    "\x00",
    "\x1b[31m",
    "\ue001",
    "\ud7ff",
    "\u202e",
    "<?xml version='1.0'?>",
    "</>",
    "<a",
    "<<<",
    "\r\n",
    '<script type="application/ld+json">{"@type": "ItemList", "itemListElement": '
    '[{"@type": "ListItem", "url": 5}]}</script>',
    '<script type="application/ld+json">[[[[</script>',
    '<link rel="alternate" type="application/rss+xml" href="/feed">',
]
WORDS = [
    "16 December 2022",
    "3 hours ago",
    "hace 2 días",
    "il y a 3 jours",
    "le 1er mars 2021",
    "Read more",
    "Lire la suite",
    "Leer más",
    "12/14/23",
    "2026.01.30",
    "Posted on September  3, 2019 at  6:09 AM",
    "Monday, January 29th, 2018",
    "Title of an entry about labour",
    "© ILO 2023",
    "Organised by the ILO and UNDP",
    "January 2023",
    "»",
    "1",
    "2",
]


def generated(rng: random.Random) -> str:
    """Random markup built from tags, attributes, odd nodes and date-like words."""
    out = []
    for _ in range(rng.randint(0, 120)):
        r = rng.random()
        if r < 0.35:
            out.append(f"<{rng.choice(TAGS)}{rng.choice(ATTRS)}>")
        elif r < 0.55:
            out.append(f"</{rng.choice(TAGS)}>")
        elif r < 0.65:
            out.append(rng.choice(ODD))
        elif r < 0.9:
            out.append(rng.choice(WORDS))
        else:
            out.append("".join(chr(rng.randint(0, 0x2FFFF)) for _ in range(rng.randint(1, 8))))
    if rng.random() < 0.02:
        out.append("<div>" * rng.randint(1000, 20000))  # deep nesting
    if rng.random() < 0.02:
        out.append(
            "<li><h3><a href='/x'>Entry title</a></h3><p>1 May 2020</p></li>" * rng.randint(100, 2000)
        )  # many entries
    return "".join(out)


def mutated(rng: random.Random, pages: list[bytes]) -> bytes:
    """A real page with bytes cut, repeated, or spliced in."""
    body = rng.choice(pages)
    for _ in range(rng.randint(1, 6)):
        at = rng.randint(0, max(len(body) - 1, 0))
        cut = rng.randint(0, 400)
        insert = rng.choice(
            [
                b"",
                b"<!-- x -->",
                b"<?pi ?>",
                b"</div>",
                b"<li>",
                b"\x00",
                b"\xff\xfe",
                b"<a href=x>",
                b"<![CDATA[",
                body[at : at + rng.randint(0, 2000)],
                bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 30))),
            ]
        )
        body = body[:at] + insert + body[at + cut :]
    return body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None, help="save each crashing input here")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    fixtures = ROOT / "tests" / "fixtures"
    pages = [p.read_bytes() for d in ("pages", "real") for p in sorted((fixtures / d).glob("*.html"))]
    crashes: dict[str, int] = {}
    start = time.perf_counter()
    for i in range(args.n):
        body = mutated(rng, pages) if pages and rng.random() < 0.5 else generated(rng)
        url = rng.choice(
            ["https://www.ilo.org/asia/news/index.htm", "https://example.org/news/", "https://example.org/list?page=2"]
        )
        profile = rng.choice([None, "auto"])
        try:
            build_entries(extract_page(body, url, profile), url)
        except Exception as exc:  # every exception is a finding
            where = traceback.extract_tb(exc.__traceback__)[-1]
            key = f"{type(exc).__name__} at {Path(where.filename).name}:{where.lineno}: {str(exc)[:120]}"
            crashes[key] = crashes.get(key, 0) + 1
            if args.out:
                args.out.mkdir(parents=True, exist_ok=True)
                (args.out / f"crash-{i}.html").write_bytes(
                    body if isinstance(body, bytes) else body.encode("utf-8", "surrogatepass")
                )
        if (i + 1) % 1000 == 0:
            print(f"{i + 1} inputs, {sum(crashes.values())} crashes, {time.perf_counter() - start:.0f}s", flush=True)
    print(f"{args.n} inputs in {time.perf_counter() - start:.0f}s: {sum(crashes.values())} crashes")
    for key, count in sorted(crashes.items(), key=lambda kv: -kv[1]):
        print(f"  {count:5d}  {key}")
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
