"""The generic extractor's entry dates read from free text beside the title: a press clipping's date and outlet
after its link, a date range at the end of a link's text, ranges whose first end leaves out the year, event dates
in words on cards. Each shape in small synthetic HTML."""

from synthetic import generic_entries as _entries


def test_a_date_and_an_outlet_after_a_clippings_link_date_it_though_the_outlet_ends_on_a_full_stop():
    """<li><a>Headline</a> February 14, 2013. The Daily Paper.</li>: the line after the link opens on the date,
    set apart by a comma or a full stop from the outlet's name in a few words; the full stop closing the name
    makes no sentence of it (the date ends no prose)."""
    rows = [
        ("February 14, 2013, The Daily Paper.", "2013-02-14"),
        ("February 13, 2013. The Evening Post.", "2013-02-13"),
        ("July, 25th, 2012, Wired.", "2012-07-25"),
        ("October 3rd, 2012. Radio Four", "2012-10-03"),
        ("March 2, 2013. Al Jazeera, The Stream.", "2013-03-02"),
    ]
    items = "".join(
        f"<li><a href='https://news{i}.example.com/story'>What the council decided about the park {i}</a> {line}</li>"
        for i, (line, _) in enumerate(rows)
    )
    entries = _entries(f"<ul>{items}</ul>", "<html lang='en'>")
    assert [e["title"] for e in entries] == [f"What the council decided about the park {i}" for i in range(5)]
    assert [e["date_start"] for e in entries] == [day for _, day in rows]


def test_a_sentence_closing_on_a_date_after_a_clippings_link_still_dates_nothing_new():
    """Prose after the link that merely mentions a day ("The vote is due on 3 May 2022 in the hall.") is no
    dateline: the date is inside a sentence, not opening a short line."""
    items = "".join(
        f"<li><a href='/n/{i}'>Library plans for the coming year {i}</a> The vote on the plan for the new reading "
        f"rooms is due on 3 May 2022 in the town hall.</li>"
        for i in range(3)
    )
    entries = _entries(f"<ul>{items}</ul>", "<html lang='en'>")
    assert [e["date_start"] for e in entries] == [None] * 3
