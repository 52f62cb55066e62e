"""benchmarks/learn_peers.py: learn beside autoscraper, same hint, same scoring (autoscraper itself stands in)."""

import importlib.util
import json
import shutil
import sys

from conftest import ROOT

REAL = ROOT / "tests" / "fixtures" / "real"
PAGES = ["fr-godot-francophone-actualites", "it-adolfo-urso-home"]


def load_benchmark():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location("learn_peers_benchmark", ROOT / "benchmarks" / "learn_peers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def stand_in_peer(tmp_path, answers):
    """An executable in place of the peer's Python: it answers every ask with canned titles, as the runner does."""
    script = tmp_path / "peer-python"
    script.write_text(f"#!{sys.executable}\nimport json, sys\njson.load(sys.stdin)\nsys.stdout.write({answers!r})\n")
    script.chmod(0o755)
    return script


def test_both_tools_are_scored_on_the_same_pages_and_hint(tmp_path):
    corpus = tmp_path / "real"
    corpus.mkdir()
    for name in PAGES:
        for suffix in (".html", ".json"):
            shutil.copy(REAL / f"{name}{suffix}", corpus / f"{name}{suffix}")
    labels = [json.loads((corpus / f"{name}.json").read_text()) for name in PAGES]
    first, second = labels
    # The stand-in finds every title of the first page and one wrong text on the second, and crashes on none.
    answers = {
        first["url"]: [e["title"] for e in first["entries"]],
        second["url"]: ["not a title"],
    }
    bench = load_benchmark()
    bench.peer_python = lambda: stand_in_peer(tmp_path, json.dumps(answers))
    result = bench.compare(corpus, "first")
    peer = result["autoscraper"]
    assert peer["pages"] == 2
    assert peer["right_titles_of_labelled"] == 0.5  # all of one page, none of the other
    assert peer["macro_precision"] == 0.5
    assert peer["date_accuracy"] == 0.0  # it gives titles only
    assert result["learn"]["pages"] == 2 and result["learn"]["crashes"] == 0


def test_a_peer_crash_scores_the_page_zero(tmp_path):
    bench = load_benchmark()
    report = bench.score_real(
        [("p", {"url": "https://example.org/", "entries": [{"title": "A", "url": "https://example.org/a"}]}, b"")],
        bench.autoscraper_extractor({"https://example.org/": {"crash": "ValueError: no"}}),
    )
    assert report["pages"][0]["crash"] == "RuntimeError: ValueError: no"
    assert bench.summary(report)["right_titles_of_labelled"] == 0.0
