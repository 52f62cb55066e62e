"""Shapes of real listing pages the generic extractor read wrong (issue 21, held-out batches H and I), each in
small synthetic HTML: a heading over a record whose one link follows a label ("Full story:")."""

from synthetic import generic_entries as _entries

RELEASES = [
    ("Agency awards a five-year contract for adult literacy", "News Release: May 11, 2021", "2021-05-11"),
    ("Recommendations for a federal compliance library", "FCW: March 22, 2021", "2021-03-22"),
    ("Fixing government security compliance with rapid ATO", "News Release: February 4, 2021", "2021-02-04"),
]


def test_a_heading_names_a_record_whose_lone_link_follows_a_label_on_its_line():
    # the link says the article's own, differently worded title where it leads; the heading names the record
    rows = "".join(
        f"<div class='release'><h2>{name}</h2><span>{line}</span><p>A teaser of some words about release {i}.</p>"
        f"<p>Full story: <a href='https://press.example.net/{i}'>Elsewhere: the article's own headline {i}</a></p>"
        "</div>"
        for i, (name, line, _) in enumerate(RELEASES)
    )
    entries = _entries(rows, "<html lang='en-US'>")
    assert [e["title"] for e in entries] == [name for name, _, _ in RELEASES]
    assert [e["url"] for e in entries] == [f"https://press.example.net/{i}" for i in range(3)]
    assert [e["date_start"] for e in entries] == [iso for _, _, iso in RELEASES]
