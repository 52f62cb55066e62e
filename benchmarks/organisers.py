"""Organiser accuracy over every labelled description: prints the score and lists the misses.

The labelled set is the union, without repeats, of the cases in tests/test_organisers.py,
the organiser cases in tests/test_parsers.py and the descriptions of the labelled fixture
pages (tests/fixtures/pages/*.json). A description is right when the names found are
exactly the names expected, in order; "wrong organisers" counts the names found that
are not expected (worse than a miss), "missed" the names expected and not found.

    .venv/bin/python benchmarks/organisers.py [--quiet]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.parsers.organisers import parse_organisers
from tests.test_organisers import CASES
from tests.test_parsers import ORGANISERS as FIELD_CASES


def fixture_cases(folder: Path):
    for path in sorted(folder.glob("*.json")):
        for entry in json.loads(path.read_text())["entries"]:
            if entry.get("description") and "organisers" in entry:
                yield entry["description"], entry["organisers"], entry.get("language")


def labelled() -> list[tuple[str, list[str], str | None, str]]:
    seen, cases = set(), []
    sources = [(CASES, "tests/test_organisers.py"), (FIELD_CASES, "tests/test_parsers.py")]
    for table, source in sources:
        for text, names in table:
            if text not in seen:
                seen.add(text)
                cases.append((text, names, None, source))
    for text, names, language in fixture_cases(ROOT / "tests" / "fixtures" / "pages"):
        if text not in seen:
            seen.add(text)
            cases.append((text, names, language, "tests/fixtures/pages"))
    unseen = json.loads((ROOT / "tests" / "fixtures" / "organisers_unseen.json").read_text(encoding="utf-8"))
    for language, lines in unseen.items():  # written to test lines the parser was not made on (issue 21)
        for line in lines:
            if line["text"] not in seen:
                seen.add(line["text"])
                cases.append((line["text"], line["names"], language, "tests/fixtures/organisers_unseen.json"))
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quiet", action="store_true", help="print the scores only")
    args = parser.parse_args()
    cases = labelled()
    right = wrong_names = missed_names = expected_names = found_names = 0
    misses = []
    start = time.perf_counter()
    for text, want, language, source in cases:
        got = parse_organisers(text, language).names
        right += got == want
        wrong_names += sum(n not in want for n in got)
        missed_names += sum(n not in got for n in want)
        expected_names += len(want)
        found_names += len(got)
        if got != want:
            misses.append((source, text, want, got))
    elapsed = time.perf_counter() - start
    with_names = sum(bool(c[1]) for c in cases)
    print(f"{len(cases)} labelled descriptions ({with_names} name organisers, {len(cases) - with_names} name none)")
    print(f"accuracy: {right / len(cases):.1%} ({right}/{len(cases)} exactly right)")
    print(
        f"names: {found_names - wrong_names}/{expected_names} expected found; "
        f"{wrong_names} wrong organisers, {missed_names} missed"
    )
    print(f"speed: {len(cases) / elapsed:,.0f} descriptions/s")
    for source in sorted({c[3] for c in cases}):
        mine = [c for c in cases if c[3] == source]
        ok = sum(parse_organisers(t, lang).names == want for t, want, lang, _ in mine)
        print(f"  {source:<26} {ok:>4}/{len(mine):<4} {ok / len(mine):.1%}")
    if misses and not args.quiet:
        print("\nmisses:")
        for source, text, want, got in misses:
            print(f"- [{source}] {text[:160]}\n    expected {want}\n    found    {got}")


if __name__ == "__main__":
    main()
