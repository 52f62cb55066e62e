"""tests/fixtures/build_pages.py: the pages it builds from a small embedded source are read back by the extractor.

The source sample is literal data copied from the hand-checked texts (two listings, trimmed); the tests never
read /work/shared or any file outside the repository.
"""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.entries import build_entries
from crawler.extract import extract_page
from crawler.extract.profiles import get_profile

BUILDER = Path(__file__).resolve().parent / "fixtures" / "build_pages.py"
_spec = importlib.util.spec_from_file_location("build_pages", BUILDER)
build_pages = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_pages)

LABEL_FIELDS = list(
    build_pages.label({"url": "http://x/", "office": "o", "language": "en"}, {"title": "t"}, None, 1, "", None)
)
CHECKED = ("title", "url", "date_start", "date_end", "group")


def source_entry(
    title, description=None, date=(None, None, None), credit=None, parts=None, organisers=(), organiser_text=None
):
    """An entry as the hand-checked texts give it, in build_pages' source format (not a parser's entry)."""
    date_text, date_start, date_end = date
    return {
        "title": title,
        "credit": credit,
        "credit_parts": parts,
        "date_text": date_text,
        "date_start": date_start,
        "date_end": date_end,
        "description": description,
        "organisers": list(organisers),
        "organiser_text": organiser_text,
        "borderline_organisers": None,
    }


LAO = (
    "Jointly organized by the ILO/China Partnership Programme and Ministry of Labour and Social Welfare, "
    "Lao People Democratic Republic"
)
SOURCE = [
    {
        "id": "ilo-001",
        "url": "http://www.ilo.org/asia/countries/lao-peoples-democratic-republic/facet/lang--en/index.htm",
        "office": "ILO Regional Office for Asia and the Pacific – country facet Lao PDR",
        "language": "en",
        "page_heading": "Lao People's Democratic Republic resources",
        "intro": None,
        "groups": [
            {
                "heading": "January 2023",
                "entries": [
                    source_entry(
                        "Social Protection Training of Trainers Toolkit for the Lao People’s Democratic Republic",
                        "ILO has developed the Social Protection Training Toolkit to equip future trainers "
                        "to facilitate trainings for provincial and local stakeholders.",
                    )
                ],
            },
            {
                "heading": "December 2022",
                "entries": [
                    source_entry(
                        "Protection of Indonesian migrant workers should be included in the upcoming national "
                        "development plan",
                        "The ILO’s Ship to Shore Rights South-East Asia Programme supports the two-day public "
                        "dialogues to improve services and protection of Indonesian migrant workers.",
                        credit="© Hoa Tran / ILO 2023",
                        parts={"author": "Hoa Tran", "holder": "ILO", "year": 2023},
                    ),
                    source_entry(
                        "A Consultation Workshop to develop Employment Promotion Law of Lao PDR",
                        LAO,
                        ("22 - 23 November 2022", "2022-11-22", "2022-11-23"),
                        organisers=[
                            "ILO/China Partnership Programme",
                            "Ministry of Labour and Social Welfare, Lao People Democratic Republic",
                        ],
                        organiser_text=LAO,
                    ),
                    source_entry("TRIANGLE in ASEAN Newsletter"),
                ],
            },
        ],
    },
    {
        "id": "ilo-066",
        "url": "http://ilo.org/ipec/Campaignandadvocacy/wdacl/2015/news/lang--fr/index.htm",
        "office": "ILO IPEC (Geneva)",
        "language": "fr",
        "page_heading": "Nouvelles",
        "intro": "Les dernières nouvelles de la Journée mondiale contre le travail des enfants.",
        "groups": [
            {
                "heading": None,
                "entries": [
                    source_entry(
                        "Lutter contre le travail des enfants grâce à une éducation de qualité",
                        "Message de Guy Ryder, Directeur général du Bureau international du Travail à l’occasion de la "
                        "Journée mondiale contre le travail des enfants",
                        ("12 juin 2015", "2015-06-12", "2015-06-12"),
                        credit="© ILO/Luu Van Tien 2024",
                        parts={"author": "Luu Van Tien", "holder": "ILO", "year": 2024},
                    ),
                    source_entry(
                        "Le Pape François parle de la Journée mondiale contre le travail des enfants de cette année",
                        "Le Pape François s'est exprimé sur la Journée mondiale contre le travail des enfants de 2015 "
                        "lors de son angélus du 7 juin",
                        ("8 juin 2015", "2015-06-08", "2015-06-08"),
                    ),
                ],
            }
        ],
    },
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Every listing of SOURCE in every markup: {name: (labels, html bytes)}."""
    out = tmp_path_factory.mktemp("pages")
    build_pages.build(SOURCE, out, markups=list(build_pages.MARKUPS), seed=1)
    return {
        p.stem: (json.loads(p.read_text()), p.with_suffix(".html").read_bytes()) for p in sorted(out.glob("*.json"))
    }


def test_every_listing_in_every_markup_with_the_committed_label_format(built):
    assert sorted(built) == sorted(f"{s['id']}-{m}" for s in SOURCE for m in build_pages.MARKUPS)
    committed = json.loads((BUILDER.parent / "pages" / "ilo-001-ilo.json").read_text())
    assert list(committed) == ["url", "markup", "entries"] and list(committed["entries"][0]) == LABEL_FIELDS
    labels, html = built["ilo-001-ilo"]
    assert labels["url"] == SOURCE[0]["url"] and labels["markup"] == "ilo"
    assert [list(e) for e in labels["entries"]] == [LABEL_FIELDS] * 4
    first, credited, event, bare = labels["entries"]
    assert first["url"].startswith("http://www.ilo.org/ilo-001/docs/WCMS_") and first["url"].endswith(
        "/lang--en/index.htm"
    )
    assert (first["group"], first["group_month"], first["position"]) == ("January 2023", "2023-01", 1)
    assert (credited["group_month"], credited["position"], credited["image_url"]) == (
        "2022-12",
        1,
        "http://www.ilo.org/images/pic2.jpg",
    )
    assert (credited["credit_author"], credited["credit_holder"], credited["credit_year"]) == ("Hoa Tran", "ILO", 2023)
    assert (event["date_start"], event["date_end"], event["position"], len(event["organisers"])) == (
        "2022-11-22",
        "2022-11-23",
        2,
        2,
    )
    assert bare["description"] is None and bare["listing_title"] == SOURCE[0]["page_heading"]
    assert b"<nav>" in html and b'<aside class="related">' in html and b"<footer>" in html
    french = built["ilo-066-cards"][0]["entries"]
    assert [(e["group"], e["group_month"], e["language"]) for e in french] == [(None, None, "fr")] * 2


def test_document_ids_follow_the_seed(built, tmp_path):
    urls = {name: [e["url"] for e in labels["entries"]] for name, (labels, _) in built.items()}
    assert len({tuple(urls[f"ilo-001-{m}"]) for m in build_pages.MARKUPS}) == 1  # same ids in every markup
    build_pages.build(SOURCE, tmp_path / "again", markups=["flat"], seed=1)
    build_pages.build(SOURCE, tmp_path / "other", markups=["flat"], seed=2)
    again = json.loads((tmp_path / "again" / "ilo-001-flat.json").read_text())
    other = json.loads((tmp_path / "other" / "ilo-001-flat.json").read_text())
    assert [e["url"] for e in again["entries"]] == urls["ilo-001-flat"]
    assert [e["url"] for e in other["entries"]] != urls["ilo-001-flat"]


def found(html: bytes, url: str, profile) -> list[dict]:
    return build_entries(extract_page(html, url, profile), url)


def empty(value) -> bool:
    return value is None or value == [] or value == ""


@pytest.mark.parametrize(("markup", "profile"), [("ilo", "ilo")] + [(m, "auto") for m in build_pages.MARKUPS])
def test_the_extractor_reads_back_the_labels(built, markup, profile):
    """Matched by title, then URL, and compared field by field as benchmarks/accuracy.py does.

    With "auto", every checked field round-trips in all five markups (the `table` markup's credit, which no
    committed page has, included); the ILO profile is meant for the `ilo` markup only.
    """
    for listing in SOURCE:
        labels, html = built[f"{listing['id']}-{markup}"]
        got = found(html, labels["url"], get_profile(profile) if profile == "ilo" else "auto")
        assert len(got) == len(labels["entries"])
        by_title = {g["title"]: g for g in got}
        for want in labels["entries"]:
            have = by_title.get(want["title"]) or next((g for g in got if g["url"] and g["url"] == want["url"]), None)
            assert have is not None, want["title"]
            for field in CHECKED:
                if empty(want[field]):
                    assert empty(have.get(field)), (field, want["title"], have.get(field))
                else:
                    assert have.get(field) == want[field], (field, want["title"])


def test_command_line_writes_only_the_requested_pages(tmp_path):
    source = tmp_path / "source.json"
    source.write_text(json.dumps(SOURCE, ensure_ascii=False))
    out = tmp_path / "pages"
    args = [sys.executable, str(BUILDER), str(source), "--out", str(out), "--ids", "ilo-066", "--markups", "dl,table"]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "ilo-066-dl.html",
        "ilo-066-dl.json",
        "ilo-066-table.html",
        "ilo-066-table.json",
    ]
    # Without --markups, each listing gets the committed rotation (index % 5, plus `ilo` for 1 to 4).
    assert build_pages.default_markups(0) == ["ilo"] and build_pages.default_markups(1) == ["flat", "ilo"]
    assert build_pages.default_markups(6) == ["flat"]
    bad = subprocess.run([*args[:3], "--markups", "grid"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "unknown markup" in bad.stderr
