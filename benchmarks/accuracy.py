"""Extraction accuracy over two corpora of labelled listing pages, reported separately.

Fixture pages (tests/fixtures/pages): each page is NAME.html with NAME.json beside it:
{"url": ..., "entries": [{field: value}]}. Entries are matched on their title (then URL); for each
field, precision = right values / values given, recall = right values / values expected.
Also prints parse speed (pages/s) and date-parsing speed (date strings/s).

Real pages (tests/fixtures/real): saved from public sources, labelled by hand (title, url, date).
Per page: entries found / expected / matched, precision, recall; overall: micro and per-page macro
recall and precision, title accuracy (exact after whitespace collapse), date accuracy (of labelled
entries with a date, the share given the right date_start) and crashes (a page whose extraction
raises scores 0). Entries are matched one to one, by URL first, then by title. The held-out part
(tests/fixtures/real/heldout) is scored and printed apart from the tuned part.
--peers adds newspaper4k's article discovery on the same saved HTML, network switched off, as a
reference column (installed into this interpreter on demand; not a project dependency).

    .venv/bin/python benchmarks/accuracy.py [--corpus DIR] [--real DIR] [--profile auto] [--peers] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import socket
import subprocess
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.entries import build_entries
from crawler.extract import extract_page
from crawler.parsers.dates import _parse_cached, parse_date

FIELDS = (
    "title",
    "url",
    "description",
    "group",
    "group_month",
    "date_text",
    "date_start",
    "date_end",
    "credit",
    "credit_author",
    "credit_holder",
    "credit_year",
    "organisers",
    "organiser_text",
    "image_url",
    "position",
    "listing_title",
    "language",
)


def empty(value) -> bool:
    return value is None or value == [] or value == ""


def load(corpus: Path):
    for path in sorted(corpus.glob("*.json")):
        yield path.stem, json.loads(path.read_text()), path.with_suffix(".html").read_bytes()


def score(corpus: Path, profile: str | None):
    counts = defaultdict(lambda: [0, 0, 0])  # field -> [right, given, expected]
    entry_counts = [0, 0, 0]
    pages = list(load(corpus))
    for _name, expected, html in pages:
        got = build_entries(extract_page(html, expected["url"], profile), expected["url"])
        by_title = {g["title"]: g for g in got}
        matched = 0
        for exp in expected["entries"]:
            g = by_title.get(exp["title"]) or next((x for x in got if x["url"] and x["url"] == exp.get("url")), None)
            if g is None:
                for field in FIELDS:
                    if field in exp and not empty(exp[field]):
                        counts[field][2] += 1
                continue
            matched += 1
            for field in FIELDS:
                if field not in exp:
                    continue
                want, have = exp[field], g.get(field)
                counts[field][1] += not empty(have)
                counts[field][2] += not empty(want)
                counts[field][0] += (not empty(have)) and have == want
        entry_counts[0] += matched
        entry_counts[1] += len(got)
        entry_counts[2] += len(expected["entries"])
    return pages, entry_counts, counts


def ratio(a, b):
    return f"{a / b:6.1%}" if b else "     –"


def fixture_report(corpus: Path, profile: str | None) -> dict:
    """The fixture pages' field-by-field scores and the speed of the page path and of the date parser."""
    pages, entries, counts = score(corpus, profile)
    # Speed: the whole page path, then the date parser alone (cache cleared per round).
    bodies = [(e["url"], html) for _, e, html in pages]
    start, rounds = time.perf_counter(), 0
    while time.perf_counter() - start < 2.0:
        for url, html in bodies:
            build_entries(extract_page(html, url, profile), url)
        rounds += 1
    pages_per_s = rounds * len(bodies) / (time.perf_counter() - start)
    dates = [e["date_text"] for _, page, _ in pages for e in page["entries"] if e.get("date_text")]
    start, n = time.perf_counter(), 0
    while time.perf_counter() - start < 1.0:
        _parse_cached.cache_clear()
        for d in dates:
            parse_date(d)
        n += len(dates)
    return {
        "pages": len(pages),
        "entries": dict(zip(("right", "given", "expected"), entries, strict=True)),
        "fields": {f: dict(zip(("right", "given", "expected"), counts[f], strict=True)) for f in FIELDS},
        "pages_per_s": pages_per_s,
        "dates_per_s": n / (time.perf_counter() - start),
    }


def print_fixtures(report: dict) -> None:
    e = report["entries"]
    print(f"Fixture pages: {report['pages']} pages, {e['expected']} labelled entries")
    print(f"{'field':<16} {'precision':>9} {'recall':>9}   right/given/expected")
    for name, c in [("(entries)", e), *report["fields"].items()]:
        row = f"{c['right']}/{c['given']}/{c['expected']}"
        print(f"{name:<16} {ratio(c['right'], c['given']):>9} {ratio(c['right'], c['expected']):>9}   {row}")
    print(
        f"speed: {report['pages_per_s']:,.0f} pages/s (extract + parse), "
        f"{report['dates_per_s']:,.0f} date strings/s (uncached)"
    )


# --- The real-world corpus -------------------------------------------------------------------------------

REAL = ROOT / "tests" / "fixtures" / "real"  # the tuned part: the extractor was improved with these in view
HELDOUT = REAL / "heldout"  # the held-out part: labelled, then left unread until measured


def extract_entries(html: bytes, url: str) -> list[dict]:
    """The one call into the extractor: entries as dicts with at least title, url and date_start."""
    return build_entries(extract_page(html, url, "auto"), url)


def load_real(corpus: Path = REAL) -> list[tuple[str, dict, bytes]]:
    """(name, label, html) for every labelled page of the real corpus."""
    return [
        (p.stem, json.loads(p.read_text()), p.with_suffix(".html").read_bytes()) for p in sorted(corpus.glob("*.json"))
    ]


def same_title(a: str | None, b: str | None) -> bool:
    """Equal once white space is folded and accents composed (NFC: a label keeps a page's combining accents)."""
    return _folded(a) == _folded(b)


def _folded(text: str | None) -> str:
    return unicodedata.normalize("NFC", " ".join((text or "").split()))


def url_key(url: str | None) -> str | None:
    """A URL as compared: scheme and host in lower case, no trailing slash on the path, spaces as %20."""
    if not url:
        return None
    parts = urlsplit(url.strip().replace(" ", "%20"))
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), parts.query, parts.fragment))


def match_entries(expected: list[dict], got: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (expected index, found index) pairs: by URL first, then by title (case-blind)."""
    pairs, used = {}, set()
    for key in (lambda e: url_key(e.get("url")), lambda e: " ".join((e.get("title") or "").split()).casefold() or None):
        free = defaultdict(list)
        for j, g in enumerate(got):
            if j not in used and key(g):
                free[key(g)].append(j)
        for i, e in enumerate(expected):
            if i not in pairs and free.get(key(e)):
                j = free[key(e)].pop(0)
                pairs[i] = j
                used.add(j)
    return sorted(pairs.items())


def score_page(label: dict, got: list[dict]) -> dict:
    """Counts for one page; precision and recall are None where undefined (nothing found or expected)."""
    expected = label["entries"]
    pairs = match_entries(expected, got)
    dated = [i for i, e in enumerate(expected) if e.get("date_start")]
    found_date = {i: got[j].get("date_start") for i, j in pairs}
    return {
        "found": len(got),
        "expected": len(expected),
        "matched": len(pairs),
        "precision": len(pairs) / len(got) if got else None,
        "recall": len(pairs) / len(expected) if expected else None,
        "titles_right": sum(same_title(expected[i]["title"], got[j].get("title")) for i, j in pairs),
        "dated": len(dated),
        "dates_right": sum(found_date.get(i) == expected[i]["date_start"] for i in dated),
    }


def score_real(pages: list[tuple[str, dict, bytes]], extractor=extract_entries) -> dict:
    """Every page scored with `extractor(html, url)`; an exception is a crash and the page scores 0."""
    rows = []
    for name, label, html in pages:
        try:
            got, crash = extractor(html, label["url"]), None
        except Exception as exc:  # noqa: BLE001 - a crash is data, not the end of the run
            got, crash = [], f"{type(exc).__name__}: {exc}"
        row = score_page(label, got)
        if crash:
            row["precision"] = 0.0
        rows.append({"page": name, "kind": label.get("kind"), "language": label.get("language"), "crash": crash, **row})
    return {"pages": rows, "overall": overall(rows)}


def overall(rows: list[dict]) -> dict:
    total = {
        k: sum(r[k] for r in rows) for k in ("found", "expected", "matched", "titles_right", "dated", "dates_right")
    }

    def mean(key):
        values = [r[key] if r[key] is not None else 0.0 for r in rows if r["expected"]]
        return sum(values) / len(values) if values else None

    def share(a, b):
        return total[a] / total[b] if total[b] else None

    return {
        "pages": len(rows),
        **total,
        "crashes": sum(1 for r in rows if r["crash"]),
        "micro_recall": share("matched", "expected"),
        "micro_precision": share("matched", "found"),
        "macro_recall": mean("recall"),
        "macro_precision": mean("precision"),
        "title_accuracy": share("titles_right", "matched"),
        "macro_title_accuracy": mean_of(rows, "titles_right", "matched"),
        "date_accuracy": share("dates_right", "dated"),
    }


def mean_of(rows: list[dict], part: str, whole: str) -> float | None:
    """The per-page share part/whole, averaged over the pages where whole is not 0."""
    values = [r[part] / r[whole] for r in rows if r[whole]]
    return sum(values) / len(values) if values else None


def pct(x: float | None) -> str:
    return f"{x:6.1%}" if x is not None else "     –"


def print_real(report: dict, peers: dict | None = None, part: str = "tuned") -> None:
    rows, o = report["pages"], report["overall"]
    print(f"\nReal pages, {part} part: {o['pages']} pages, {o['expected']} labelled entries, {o['crashes']} crashes")
    peer_head = f" {'np4k P':>7} {'np4k R':>7}" if peers else ""
    print(
        f"{'page':<44} {'kind':<12} {'exp':>4} {'found':>5} {'match':>5} {'prec':>6} {'recall':>6} "
        f"{'title':>6} {'date':>6}{peer_head}"
    )
    peer_rows = {r["page"]: r for r in peers["pages"]} if peers else {}
    for r in rows:
        title = r["titles_right"] / r["matched"] if r["matched"] else None
        date = r["dates_right"] / r["dated"] if r["dated"] else None
        extra = ""
        if peers:
            p = peer_rows.get(r["page"], {})
            extra = f" {pct(p.get('precision')):>7} {pct(p.get('recall')):>7}"
        crash = "  CRASH " + r["crash"][:60] if r["crash"] else ""
        print(
            f"{r['page'][:44]:<44} {str(r['kind'])[:12]:<12} {r['expected']:>4} {r['found']:>5} {r['matched']:>5} "
            f"{pct(r['precision'])} {pct(r['recall'])} {pct(title)} {pct(date)}{extra}{crash}"
        )
    print(
        f"overall: recall micro {pct(o['micro_recall'])} macro {pct(o['macro_recall'])}; "
        f"precision micro {pct(o['micro_precision'])} macro {pct(o['macro_precision'])}; "
        f"titles {pct(o['title_accuracy'])} (per page {pct(o['macro_title_accuracy'])}); "
        f"dates {pct(o['date_accuracy'])}; crashes {o['crashes']}"
    )
    if peers:
        q = peers["overall"]
        print(
            f"newspaper4k: recall micro {pct(q['micro_recall'])} macro {pct(q['macro_recall'])}; "
            f"precision micro {pct(q['micro_precision'])} macro {pct(q['macro_precision'])}; "
            f"titles {pct(q['title_accuracy'])}; crashes {q['crashes']}"
        )


# --- newspaper4k as a reference column ---------------------------------------------------------------------


@contextlib.contextmanager
def no_network():
    """Every socket connection and name lookup fails while inside."""

    def refuse(*args, **kwargs):
        raise OSError("network switched off by benchmarks/accuracy.py")

    saved = socket.socket.connect, socket.socket.connect_ex, socket.create_connection, socket.getaddrinfo
    socket.socket.connect = socket.socket.connect_ex = refuse
    socket.create_connection = socket.getaddrinfo = refuse
    try:
        yield
    finally:
        socket.socket.connect, socket.socket.connect_ex, socket.create_connection, socket.getaddrinfo = saved


def import_newspaper():
    """newspaper4k, pip-installed into this interpreter on first use; None (with a reason printed) if it can't be."""
    try:
        import newspaper
    except ImportError:
        print("installing newspaper4k for --peers (not a project dependency) ...", file=sys.stderr)
        proc = subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "newspaper4k"], capture_output=True, text=True, check=False
        )
        if proc.returncode:
            print(f"newspaper4k could not be installed, --peers skipped: {proc.stderr.strip()[-300:]}", file=sys.stderr)
            return None
    try:
        import newspaper
        from newspaper.source import Source
    except ImportError as exc:
        print(f"newspaper4k could not be imported, --peers skipped: {exc}", file=sys.stderr)
        return None
    return newspaper, Source


def newspaper_entries(source_class):
    """An extractor for score_real: newspaper4k's article discovery on the page alone (no categories, feeds)."""

    def extract(html: bytes, url: str) -> list[dict]:
        with no_network():
            source = source_class(
                url, memorize_articles=False, disable_category_cache=True, honor_robots_txt=False, fetch_images=False
            )
            source.build(input_html=html.decode("utf-8", "replace"), only_homepage=True)
        return [{"url": a.url, "title": a.title, "date_start": None} for a in source.articles]

    return extract


def peer_report(pages) -> dict | None:
    found = import_newspaper()
    if found is None:
        return None
    import logging

    for name in ("newspaper", "tldextract"):  # their complaints about the missing network are expected
        logging.getLogger(name).setLevel(logging.CRITICAL)
    return score_real(pages, newspaper_entries(found[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "fixtures" / "pages")
    parser.add_argument("--real", type=Path, default=REAL, help="the real-world corpus's tuned part")
    parser.add_argument("--heldout", type=Path, default=HELDOUT, help="the real-world corpus's held-out part")
    parser.add_argument("--profile", default=None, help="force a profile (e.g. auto for the generic extractor only)")
    parser.add_argument("--peers", action="store_true", help="add newspaper4k's article discovery as a reference")
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of tables")
    args = parser.parse_args()
    fixtures = fixture_report(args.corpus, args.profile)
    pages = load_real(args.real)
    real = score_real(pages)
    heldout = score_real(load_real(args.heldout)) if args.heldout.is_dir() else None
    peers = peer_report(pages) if args.peers else None
    if args.json:
        json.dump(
            {
                "fixtures": fixtures,
                "real": real,
                "heldout": heldout,
                "peers": {"newspaper4k": peers} if args.peers else None,
            },
            sys.stdout,
            indent=1,
        )
        print()
        return
    print_fixtures(fixtures)
    print_real(real, peers)
    if heldout:
        print_real(heldout, part="held-out")


if __name__ == "__main__":
    main()
