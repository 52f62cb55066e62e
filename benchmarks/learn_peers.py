"""`listing-archive learn` beside autoscraper, each given the same hint: one example title per page.

autoscraper (https://github.com/alirezamika/autoscraper) learns from example strings: given the page and one
wanted title, it finds the texts that sit where that title sits. It is the closest peer to `learn` (Scrapy,
parsel and trafilatura take selectors or nothing). Both are given the page's first labelled title (or the
middle or last one) and nothing else; both are scored with benchmarks/accuracy.py's matching. autoscraper
gives texts, not records, so its entries are matched by title alone and have no URL or date: the comparison
is **entries found with the right title, of those labelled** (per page, averaged), and precision.

autoscraper runs in its own virtualenv (~/.cache/listing-archive-bench/autoscraper, made on first use: its
last release needs the beautifulsoup4 of its time), through benchmarks/autoscraper_run.py, network switched off.

    .venv/bin/python benchmarks/learn_peers.py [--real DIR] [--example first|middle|last] [--json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from accuracy import REAL, load_real, pct, score_real  # noqa: E402
from learn import PICKS, learnt_extractor  # noqa: E402

PEER_VENV = Path.home() / ".cache" / "listing-archive-bench" / "autoscraper"
# autoscraper's last release (2022) matches nothing with beautifulsoup4 4.13: it runs with the bs4 of its time.
PEER_PACKAGES = ["autoscraper==1.1.14", "beautifulsoup4==4.11.1"]


def peer_python() -> Path | None:
    """The Python of autoscraper's own virtualenv, made on first use; None (with the reason printed) if it can't be."""
    python = PEER_VENV / "bin" / "python"
    if python.exists():
        return python
    print(f"installing {' '.join(PEER_PACKAGES)} into {PEER_VENV} (not a project dependency) ...", file=sys.stderr)
    for command in (
        [sys.executable, "-m", "venv", str(PEER_VENV)],
        [str(python), "-m", "pip", "install", "-q", *PEER_PACKAGES],
    ):
        proc = subprocess.run(command, capture_output=True, text=True, check=False)
        if proc.returncode:
            print(f"autoscraper could not be installed: {proc.stderr.strip()[-300:]}", file=sys.stderr)
            return None
    return python


def autoscraper_results(python: Path, corpus: Path, pages, pick: str) -> dict:
    """{url: [title, ...] or {"crash": reason}} from benchmarks/autoscraper_run.py in the peer's virtualenv."""
    asks = []
    for name, label, _ in pages:
        entries = label["entries"]
        example = entries[PICKS[pick](len(entries))]["title"]
        asks.append({"html": str(corpus / f"{name}.html"), "url": label["url"], "example": example})
    runner = Path(__file__).with_name("autoscraper_run.py")
    proc = subprocess.run(
        [str(python), str(runner)], input=json.dumps(asks), capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout)


def autoscraper_extractor(results: dict):
    """An extractor for score_real that replays autoscraper's titles for each page."""

    def extract(html: bytes, url: str) -> list[dict]:
        found = results[url]
        if isinstance(found, dict):
            raise RuntimeError(found["crash"])
        return [{"title": title} for title in found]

    return extract


def titles_of_expected(report: dict) -> float | None:
    """Per page, the labelled entries found with their title exactly right, averaged over the pages."""
    shares = []
    for row in report["pages"]:
        if row["expected"]:
            shares.append(row["titles_right"] / row["expected"])
    return sum(shares) / len(shares) if shares else None


def summary(report: dict) -> dict:
    o = report["overall"]
    return {
        "pages": o["pages"],
        "right_titles_of_labelled": titles_of_expected(report),
        "macro_recall": o["macro_recall"],
        "macro_precision": o["macro_precision"],
        "date_accuracy": o["date_accuracy"],
        "crashes": o["crashes"],
    }


def compare(corpus: Path, pick: str) -> dict:
    pages = [p for p in load_real(corpus) if p[1]["entries"]]
    labels = {label["url"]: label for _, label, _ in pages}
    result = {"learn": summary(score_real(pages, learnt_extractor(labels, pick=pick)))}
    python = peer_python()
    if python is not None:
        found = autoscraper_results(python, corpus, pages, pick)
        result["autoscraper"] = summary(score_real(pages, autoscraper_extractor(found)))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--real", type=Path, default=REAL, help="the labelled saved pages")
    parser.add_argument("--example", choices=sorted(PICKS), default="first", help="which labelled title is the hint")
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of a table")
    args = parser.parse_args()
    result = compare(args.real, args.example)
    if args.json:
        json.dump(result, sys.stdout, indent=1)
        print()
        return
    print(f"one example title per page (the {args.example} labelled), {args.real}:")
    print(f"{'tool':12} {'right titles':>13} {'recall':>7} {'precision':>9} {'dates':>7} {'crashes':>7}")
    for tool, s in result.items():
        print(
            f"{tool:12} {pct(s['right_titles_of_labelled']):>13} {pct(s['macro_recall']):>7} "
            f"{pct(s['macro_precision']):>9} {pct(s['date_accuracy']):>7} {s['crashes']:>7}"
        )


if __name__ == "__main__":
    main()
