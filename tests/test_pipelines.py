"""The item pipelines, each on its own: constructed, fed items, outputs checked.

(pipelines/archive.py is tested through crawls: tests/test_archive.py and the crawl tests.)
"""

import csv
import io

import pytest
from scrapy.exceptions import DropItem

from crawler.field_table import FIELDS, INTEGER_FIELDS, LIST_FIELDS
from crawler.items import EntryItem, PageItem
from crawler.run import project_settings
from pipelines.csv_feed import FormulaSafeCsvItemExporter
from pipelines.dedupe import DedupePipeline, DuplicateEntry
from pipelines.normalise import NormalisePipeline
from pipelines.validate import InvalidEntry, ValidatePipeline

LISTING = "https://www.ilo.org/asia/publications/lang--en/index.htm"


def entry_item(**fields) -> EntryItem:
    """An entry as a spider yields it: only the fields its parser found."""
    return EntryItem({"entry_id": "WCMS_1", "title": "A report", "listing_url": LISTING, **fields})


def page_item() -> PageItem:
    return PageItem(url=LISTING, listing_url=LISTING, page=1, status=200, outcome="parsed")


def test_the_pipelines_run_in_the_documented_order():
    order = sorted(project_settings().getwithbase("ITEM_PIPELINES").items(), key=lambda kv: kv[1])
    assert [name for name, _ in order] == [
        "pipelines.normalise.NormalisePipeline",
        "pipelines.validate.ValidatePipeline",
        "pipelines.archive.ArchivePipeline",
        "pipelines.dedupe.DedupePipeline",
    ]


# -- normalise -----------------------------------------------------------------------------


def test_normalise_gives_every_field_null_or_empty_list():
    item = NormalisePipeline().process_item(entry_item(url="https://www.ilo.org/r/1"))
    assert set(item.keys()) == set(FIELDS)
    assert {name: item[name] for name in LIST_FIELDS} == {name: [] for name in LIST_FIELDS}
    assert item["description"] is None and item["credit_year"] is None
    assert (item["entry_id"], item["title"], item["url"]) == ("WCMS_1", "A report", "https://www.ilo.org/r/1")


@pytest.mark.parametrize(("given", "kept"), [("2021", 2021), (7, 7), ("2021a", None), ("", None), ([2021], None)])
def test_normalise_makes_numbers_numbers_or_null(given, kept):
    assert INTEGER_FIELDS == ("credit_year", "position")
    item = NormalisePipeline().process_item(entry_item(credit_year=given, position=given))
    assert (item["credit_year"], item["position"]) == (kept, kept)


def test_normalise_keeps_a_found_list_and_leaves_pages_alone():
    item = NormalisePipeline().process_item(entry_item(organisers=["ILO", "UNDP"]))
    assert item["organisers"] == ["ILO", "UNDP"]
    page = page_item()
    assert NormalisePipeline().process_item(page) is page
    assert dict(page) == dict(page_item())  # no entry fields added to a page capture


def test_normalise_of_a_whole_entry_as_the_parse_gives_it():
    """Every field there (crawler.entries builds them all): the same outcome, the keys in the same order."""
    whole = {name: None for name in FIELDS} | {"entry_id": "WCMS_1", "title": "A report", "credit_year": "2021"}
    item = NormalisePipeline().process_item(EntryItem.seen_on({**whole, "position": True}, LISTING, 2))
    assert (item["organisers"], item["credit_year"], item["position"], item["description"]) == ([], 2021, 1, None)
    assert list(item.keys()) == [*FIELDS, "page_url", "page"] and item["page_url"] == LISTING


def test_an_entry_item_made_at_once_is_the_item_made_field_by_field():
    entry = {"entry_id": "WCMS_1", "title": "A report", "organisers": ["ILO"]}
    made = EntryItem.seen_on(entry, LISTING, 3)
    assert made == EntryItem(entry, page_url=LISTING, page=3) and list(made.keys()) == [*entry, "page_url", "page"]
    assert "page" not in entry  # the parse's dict is left as it was
    with pytest.raises(KeyError, match="does not support field: body"):
        EntryItem.seen_on({**entry, "body": b""}, LISTING, 3)


# -- validate ------------------------------------------------------------------------------


def valid(**fields) -> EntryItem:
    return ValidatePipeline().process_item(NormalisePipeline().process_item(entry_item(**fields)))


@pytest.mark.parametrize("missing", [{"title": ""}, {"title": None}, {"entry_id": ""}, {"entry_id": None}])
def test_validate_drops_an_entry_without_title_or_id(missing):
    item = NormalisePipeline().process_item(entry_item(**missing))
    with pytest.raises(InvalidEntry, match=f"entry without a title or id on {LISTING}"):
        ValidatePipeline().process_item(item)
    assert issubclass(InvalidEntry, DropItem)  # Scrapy counts it as dropped, the crawl goes on


def test_validate_keeps_a_good_entry_as_it_is():
    good = {
        "url": "https://www.ilo.org/r/1",
        "image_url": "http://www.ilo.org/i.png",
        "date_start": "2022-05-03",
        "date_end": "2022-05-04",
        "date_precision": "day",
    }
    item = valid(**good)
    assert {name: item[name] for name in good} == good


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "data:text/html,<script>x</script>", "/relative/path", "ftp://x.org/f", 42]
)
def test_validate_empties_a_link_that_is_not_http(link, caplog):
    item = valid(url=link, image_url=link)
    assert (item["url"], item["image_url"]) == (None, None)
    assert item["title"] == "A report"  # the entry itself is kept
    assert "is not an http(s) link; left empty" in caplog.text


def test_validate_drops_a_data_image_without_a_warning(caplog):
    """A lazy-loading placeholder (`data:image/gif;base64,…`) is on every entry of many pages: no warning each."""
    item = valid(image_url="DATA:image/gif;base64,R0lGODlhAQABAAAAACw=")
    assert item["image_url"] is None and "not an http(s) link" not in caplog.text


def test_validate_accepts_http_links_in_any_case():
    assert valid(url="HTTPS://www.ilo.org/R/1")["url"] == "HTTPS://www.ilo.org/R/1"


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2022-05-04", "2022-05-03"),  # ends before it starts
        ("3 May 2022", "3 May 2022"),  # not ISO
        ("2022-05-03", None),  # half a range
        (None, "2022-05-03"),
        ("2022-05-03T10:00", "2022-05-03T11:00"),  # a time is not a day
    ],
)
def test_validate_empties_dates_that_are_no_range(start, end, caplog):
    item = valid(date_start=start, date_end=end, date_precision="day", date_text="3 May 2022")
    assert (item["date_start"], item["date_end"], item["date_precision"]) == (None, None, None)
    assert item["date_text"] == "3 May 2022"  # what the page said is kept
    assert "are not a valid range; left empty" in caplog.text


def test_validate_leaves_pages_alone():
    page = page_item()
    assert ValidatePipeline().process_item(page) is page


# -- dedupe --------------------------------------------------------------------------------


def test_dedupe_passes_each_entry_once_per_crawl():
    dedupe = DedupePipeline()
    first = entry_item()
    assert dedupe.process_item(first) is first
    assert dedupe.process_item(entry_item(entry_id="WCMS_2"))["entry_id"] == "WCMS_2"
    with pytest.raises(DuplicateEntry, match="duplicate entry WCMS_1"):
        dedupe.process_item(entry_item(title="The same entry, listed again"))
    # A new crawl has a new pipeline: the entry is exported again.
    assert DedupePipeline().process_item(entry_item())["entry_id"] == "WCMS_1"


def test_dedupe_keeps_page_captures_out_of_feed_exports():
    with pytest.raises(DropItem, match="a page capture, not an entry"):
        DedupePipeline().process_item(page_item())


# -- csv feed (-O items.csv) -----------------------------------------------------------------


def csv_rows(items, fields) -> list[dict]:
    out = io.BytesIO()
    exporter = FormulaSafeCsvItemExporter(out, fields_to_export=fields)
    exporter.start_exporting()
    for item in items:
        exporter.export_item(item)
    exporter.finish_exporting()
    return list(csv.DictReader(io.StringIO(out.getvalue().decode(), newline="")))


def test_csv_feed_guards_formulas_and_leaves_text_and_numbers_alone():
    items = [
        entry_item(title="Decent work in Lao PDR", position=-1, organisers=["ILO", "UNDP"]),
        entry_item(title="+Plus: a report", position=2, organisers=["=cmd|' /C calc'!A0", "ILO"]),
    ]
    rows = csv_rows(items, ["title", "position", "organisers"])
    assert rows == [
        {"title": "Decent work in Lao PDR", "position": "-1", "organisers": "ILO,UNDP"},
        {"title": "'+Plus: a report", "position": "2", "organisers": "'=cmd|' /C calc'!A0,ILO"},
    ]
