"""`listing-archive learn` on the real corpus: one example title per page, then the learnt profile's entries.

For each labelled page of tests/fixtures/real (NAME.html with NAME.json), a profile is learnt from the
page's first labelled title alone, and the page is read with it; the entries are scored with
benchmarks/accuracy.py's own matching and scoring (per-page recall and precision, titles, dates). A page
the learner refuses scores 0 and is listed with its reason.

    .venv/bin/python benchmarks/learn.py [--real DIR] [--example first|middle|last] [--json] [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from accuracy import REAL, load_real, print_real, score_real  # noqa: E402

from crawler.entries import build_entries  # noqa: E402
from crawler.extract import extract_page  # noqa: E402
from crawler.extract.learn_site import learn_profile  # noqa: E402

PICKS = {"first": lambda n: 0, "middle": lambda n: n // 2, "last": lambda n: n - 1}


def learnt_extractor(labels: dict[str, dict], show: bool = False, pick: str = "first"):
    """An extractor for score_real: learn from one labelled title of the page (the first by default),
    read the page with it."""

    def extract(html: bytes, url: str) -> list[dict]:
        label = labels[url]
        example = label["entries"][PICKS[pick](len(label["entries"]))]["title"]
        learned = learn_profile(html, url, [example], "benchmark")
        if show:
            print(f"--- {url}\n{learned.text}", file=sys.stderr)
        page = extract_page(html, url, learned.profile)
        return build_entries(page, url, url, learned.profile)

    return extract


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--real", type=Path, default=REAL, help="the real-world corpus (labelled saved pages)")
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of a table")
    parser.add_argument("--show", action="store_true", help="print each learnt profile (on stderr)")
    parser.add_argument("--example", choices=sorted(PICKS), default="first", help="which labelled title to learn from")
    args = parser.parse_args()
    pages = [p for p in load_real(args.real) if p[1]["entries"]]
    labels = {label["url"]: label for _, label, _ in pages}
    report = score_real(pages, learnt_extractor(labels, args.show, args.example))
    if args.json:
        json.dump(report, sys.stdout, indent=1)
        print()
        return
    print(f"learn, one example title per page (the {args.example} labelled):")
    print_real(report, part="held-out" if args.real.resolve().name == "heldout" else "tuned")


if __name__ == "__main__":
    main()
