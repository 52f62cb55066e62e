"""The real-world corpus (tests/fixtures/real): saved public listing pages with hand-checked labels.

Scored with the code of benchmarks/accuracy.py, so the test and the benchmark cannot disagree.
"""

import fcntl
import functools
import importlib.util
import json
import os
import re
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "fixtures" / "real"  # the tuned part
HELDOUT = REAL / "heldout"  # the held-out part: labelled, then left unread until measured
LABELS = sorted(REAL.glob("*.json")) + sorted(HELDOUT.glob("*.json"))

_spec = importlib.util.spec_from_file_location("accuracy_benchmark", ROOT / "benchmarks" / "accuracy.py")
accuracy = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(accuracy)
sys.modules.setdefault("accuracy", accuracy)  # benchmarks/learn.py imports it by that name
_spec = importlib.util.spec_from_file_location("learn_benchmark", ROOT / "benchmarks" / "learn.py")
learn_benchmark = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(learn_benchmark)

# Floors: what the generic extractor reaches on each part today, less a margin of about 2-3 points. Whoever
# improves the extractor raises these (never lowers them to make a test pass).
# Tuned part, 327 pages (batches A to Q measured once each, then moved up and their misses fixed by general
# rules, issue 21), measured on 2026-12-07 at 07:12 after the fixes of batches P and Q (ext16a): recall 100% (100% per
# page), precision 100% (100% per page), titles 99.9% (99.7% per page), dates 99.6%. With batch R moved up (351
# pages), after its title and record misses were fixed (ext17b, 09:45): recall, precision and titles 100% (100% per
# page, 8280 of 8280 entries), dates 97.0%.
# With batch S moved up (372 pages) and its misses fixed (ext19a/b, 12:30): recall 100% (100% per page), precision
# 99.8% (99.9% per page), titles 99.8% (99.6% per page), dates 99.8%.
# With batch T moved up (394 pages), after its record and title misses were fixed (ext20a, 13:10; one label fixed):
# recall 100% (100% per page), precision 99.8% (99.9% per page), titles 99.7% (99.6% per page), dates 98.3%; the
# precision and title floors raised to about 1 point under.
# With batch T moved up (394 pages), after its date misses were fixed (ext20b, 13:15): dates 99.7% (98.3% at 158a139).
# With batch U moved up (416 pages), after its misses were fixed (ext21a, ext21b, 16:00): recall 100% (100% per page),
# precision 99.9% (99.9% per page), titles 99.9% (99.8% per page), dates 99.8% (titles 98.5% before the fixes).
# With batch V moved up (433 pages), after its misses were fixed (ext22a, ext22b, 19:00): recall 100% (100% per page),
# precision 99.9% (99.9% per page), titles 99.9% (99.8% per page), dates 99.8% (98.4% before the fixes).
# With batches W and X moved up (467 pages), after their misses were fixed (ext24a/b, ext25a/b, 22:20): recall 100%
# (100% per page), precision 99.95% (99.95% per page), titles 99.93% (99.84% per page), dates 99.92%.
# With batches Y and Z moved up (498 pages), after their misses were fixed (ext26, ext27a, ext27b, 00:55 on 2026-12-08):
# recall 99.98% (99.96% per page), precision 100% (100% per page), titles 100%, dates 100%; every floor raised to half a
# point under.
FLOORS = {
    "micro_recall": 0.995,
    "macro_recall": 0.995,
    "micro_precision": 0.995,
    "macro_precision": 0.995,
    "title_accuracy": 0.995,
    "macro_title_accuracy": 0.995,
    "date_accuracy": 0.995,
}
# The held-out part says what users see on pages nobody tuned for: batch AA (4 pages, 134 entries; de, es, fr, pt:
# two research groups' publication lists whose titles are unlinked and named by buttons, a health project's cards, a
# climate group's archive), labelled from the HTML alone and checked by a second labeller, measured once at 00:58 on
# 2026-12-08 after batch Z's fixes: recall 54.5% (81.6% per page: one group's 84 publications, 24 found), precision
# 57.9% (82.3% per page), titles 91.8% (96.0% per page), dates 100%, no crash. Kept held out: nobody has looked at its
# pages' misses beyond these counts. Batch Z (17 pages, 567 entries; de, en, es, fr, pt:
# research groups, courts, gazettes, a school board, associations), labelled from the HTML alone and checked by a second
# labeller, measured once at 00:15 on 2026-12-08 after batch Y's fixes: recall 96.6% (85.6% per page), precision 85.4%
# (84.2% per page), titles 92.9% (84.1% per page), dates 95.9%, one crash (a court's search results); `learn` from the
# first title: recall 72.0% per page, precision 80.7%, titles 87.3%, dates 44.1%, two examples refused; moved up at
# 00:25 to fix what it showed. Batch Y (14 pages, 247 entries; cs, de, en, es, it,
# nb, nl, pl, sv), from sites and repositories new to the corpus, labelled from the HTML alone and checked by a second
# labeller (one page removed as having two equal lists), measured once at 22:25 on 2026-12-07 after batch X's fixes:
# recall 100% (100% per page), precision 100% (100% per page), titles 89.9% (92.9% per page: one council's table whose
# only link is an image, 0 of 25), dates 100%, no crash; moved up at 23:31 on 2026-12-07 to fix what it showed.
# (Batch X, 15 pages measured at 21:50, then moved up at 21:57 and fixed: recall 99.7% (99.8%), precision 99.0%
# (98.1%), titles 91.8% (93.1%), dates 78.2%. Batch W, 19 pages measured at 19:03, then moved up at 20:45: recall
# 100%, precision 99.1% (97.9%), titles 98.0% (94.7%), dates 94.0%.)
# Floors are the measured figures less about 2-3 points.
HELDOUT_PAGES = 4  # batch AA (batch Z moved up at 00:25 on 2026-12-08, batch Y at 23:31 on the 7th)
HELDOUT_FLOORS = {
    "micro_recall": 0.52,
    "macro_recall": 0.79,
    "micro_precision": 0.55,
    "macro_precision": 0.80,
    "title_accuracy": 0.89,
    "macro_title_accuracy": 0.93,
    "date_accuracy": 0.97,
}
# `learn` from each held-out page's first labelled title (batch AA, measured once with the extractor): recall 100% per
# page, precision 98.9% per page (two extra entries of 45 on one page), titles 100%, dates 100%, no example refused.
# Floors about 3 under.
LEARN_HELDOUT_FLOORS = {
    "macro_recall": 0.97,
    "macro_precision": 0.96,
    "macro_title_accuracy": 0.97,
    "date_accuracy": 0.97,
}
LEARN_HELDOUT_REFUSED = 0  # pages where learn refuses the example (a LearnError, scored 0 and counted as a crash)


def _scored(corpus: Path, tmp_path_factory) -> dict:
    """The corpus scored once a run. Under `pytest -n` this file's tests spread over the workers (an `xdist_group`
    mark cannot hold them together: pytest-xdist 3.8 renames the item's `_nodeid`, which pytest 9.2 no longer reads).
    Each page is scored by one worker and its row written where the others read it, so workers that need the score
    at the same time share the pages out instead of one scoring them all while the others wait (~45 s of CPU)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return _scored_alone(corpus)
    return _scored_shared(corpus, tmp_path_factory.getbasetemp().parent)


@functools.cache
def _scored_alone(corpus: Path) -> dict:
    return accuracy.score_real(accuracy.load_real(corpus))


@functools.cache
def _scored_shared(corpus: Path, run_dir: Path) -> dict:
    """`run_dir` is this run's temporary root, shared by its workers and new each run."""
    rows_dir = run_dir / f"real-pages-{corpus.name}"
    rows_dir.mkdir(exist_ok=True)
    pages = accuracy.load_real(corpus)
    worker = int(os.environ["PYTEST_XDIST_WORKER"].removeprefix("gw") or 0)
    start = worker * len(pages) // max(int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", 1)), 1)
    rows = {}
    for page in pages[start:] + pages[:start]:  # each worker starts at its own share
        rows[page[0]] = _page_row(rows_dir, page, wait=False)
    for page in pages:  # the pages another worker was scoring: wait for its row
        rows[page[0]] = rows[page[0]] or _page_row(rows_dir, page, wait=True)
    ordered = [rows[name] for name, _, _ in pages]
    return {"pages": ordered, "overall": accuracy.overall(ordered)}


def _page_row(rows_dir: Path, page: tuple, wait: bool) -> dict | None:
    """The page's score row, scored here unless another worker has it; None if another is scoring it and not `wait`."""
    scored = rows_dir / f"{page[0]}.json"
    with open(rows_dir / f"{page[0]}.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return None
        if not scored.is_file():
            partial = scored.with_suffix(".part")
            partial.write_text(json.dumps(accuracy.score_real([page])["pages"][0]))
            partial.replace(scored)  # a worker that dies mid-write leaves no half file to read
    return json.loads(scored.read_text())


@pytest.fixture
def report(tmp_path_factory):
    return _scored(REAL, tmp_path_factory)


@pytest.fixture
def heldout_report(tmp_path_factory):
    return _scored(HELDOUT, tmp_path_factory)


def test_workers_sharing_the_score_give_the_whole_score(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for label in LABELS[:4]:
        for path in (label, label.with_suffix(".html")):
            (corpus / path.name).write_bytes(path.read_bytes())
    monkeypatch.setenv("PYTEST_XDIST_WORKER_COUNT", "3")
    whole = accuracy.score_real(accuracy.load_real(corpus))
    rows_dir = tmp_path / "run" / "real-pages-corpus"
    rows_dir.mkdir(parents=True)
    theirs = {**whole["pages"][0], "kind": "scored by another worker"}
    (rows_dir / f"{LABELS[0].stem}.json").write_text(json.dumps(theirs))
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw2")
    shared = _scored_shared.__wrapped__(corpus, tmp_path / "run")
    assert shared["pages"] == [theirs, *whole["pages"][1:]]  # its row read, not scored again; the rest scored here
    assert shared["overall"] == whole["overall"]
    assert sorted(p.name for p in rows_dir.glob("*.json")) == sorted(f"{label.stem}.json" for label in LABELS[:4])


def test_corpus_is_there():
    assert len(LABELS) >= 10
    assert len(list(HELDOUT.glob("*.json"))) >= HELDOUT_PAGES, f"the held-out part needs its {HELDOUT_PAGES} pages"
    for label in LABELS:
        assert label.with_suffix(".html").is_file(), f"{label.name} has no page beside it"


def test_no_page_crashes(report):
    crashed = {r["page"]: r["crash"] for r in report["pages"] if r["crash"]}
    assert not crashed


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_overall_floor(report, metric):
    value = report["overall"][metric]
    assert value is not None and value >= FLOORS[metric], f"{metric} {value:.3f} < floor {FLOORS[metric]}"


@pytest.mark.parametrize("metric", sorted(HELDOUT_FLOORS))
@pytest.mark.skipif(not HELDOUT_PAGES, reason="no held-out pages: the last were moved up to be looked at")
def test_heldout_floor(heldout_report, metric):
    assert not [r for r in heldout_report["pages"] if r["crash"]]
    value = heldout_report["overall"][metric]
    assert value is not None and value >= HELDOUT_FLOORS[metric], (
        f"{metric} {value:.3f} < floor {HELDOUT_FLOORS[metric]}"
    )


@pytest.mark.skipif(not HELDOUT_PAGES, reason="no held-out pages: the last were moved up to be looked at")
def test_learn_heldout_floor():
    pages = [p for p in accuracy.load_real(HELDOUT) if p[1]["entries"]]
    labels = {label["url"]: label for _, label, _ in pages}
    found = accuracy.score_real(pages, learn_benchmark.learnt_extractor(labels))["overall"]
    assert found["crashes"] <= LEARN_HELDOUT_REFUSED
    low = {k: round(found[k], 3) for k, floor in LEARN_HELDOUT_FLOORS.items() if (found[k] or 0) < floor}
    assert not low, f"learn on the held-out part under its floors: {low}"


def test_the_two_parts_hold_different_pages():
    assert {p.stem for p in HELDOUT.glob("*.json")}.isdisjoint(p.stem for p in REAL.glob("*.json"))


def _day(value):
    assert isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
    return date.fromisoformat(value)


@pytest.mark.parametrize("path", LABELS, ids=[p.stem for p in LABELS])
def test_label_file_is_well_formed(path):
    label = json.loads(path.read_text())
    assert re.fullmatch(r"https?://\S+", label["url"])
    assert label["language"] == path.stem.split("-")[0]
    assert label.get("kind")
    source = label["source"]
    from_repo = source.get("repo") and re.fullmatch(r"[0-9a-f]{40}", source.get("commit") or "") and source.get("path")
    assert from_repo or source.get("original_url"), "provenance: repo, commit and path, or the original URL"
    assert label["entries"]
    for entry in label["entries"]:
        assert entry.get("title") and entry["title"] == " ".join(entry["title"].split()), entry
        url = entry.get("url") or ""  # a space inside is kept as the href has it (a browser sends it as %20)
        assert re.fullmatch(r"https?://[^\s/]+(/[^\n\t]*)?", url) and url == url.strip(), entry
        if entry.get("date_start") or entry.get("date_end"):
            assert _day(entry["date_start"]) <= _day(entry["date_end"]), entry


def test_matching_is_one_to_one_url_first():
    expected = [{"title": "A", "url": "https://x.org/a"}, {"title": "A", "url": "https://x.org/b"}]
    got = [{"title": "A", "url": "https://x.org/b/"}, {"title": "a", "url": "https://x.org/c"}]
    assert accuracy.match_entries(expected, got) == [(0, 1), (1, 0)]


def test_a_crash_scores_zero_and_is_counted():
    def boom(html, url):
        raise ValueError("broken")

    label = {"url": "https://x.org/", "kind": "news", "entries": [{"title": "A", "url": "https://x.org/a"}]}
    result = accuracy.score_real([("xx-broken", label, b"<html></html>")], boom)
    assert result["overall"]["crashes"] == 1
    assert result["overall"]["micro_recall"] == 0 and result["pages"][0]["precision"] == 0
