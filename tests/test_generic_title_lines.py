"""What a title's element shows besides the name, in the generic extractor: a note of the linked file's size closing
it, a card's second line under the name after a <br>. Each shape in small synthetic HTML."""

from synthetic import generic_entries as _entries


def test_a_bracketed_file_size_closing_a_title_is_no_part_of_it():
    """A document list whose title links say the file's type and size after the name, "<a href=….pdf>Name (pdf,
    128 KB)</a>" (batch Z, a court's decisions table: titles 1/10): a size in brackets says how heavy the file is,
    not what it is called, in any language's units ("1,2 Mo", "75.7 kB"); the title is the words before it. A
    bracket naming only the type ("(PDF)") or another figure ("(2)") stays."""
    notes = [
        ("Decision on the costs of the appeal", " (pdf, 128 KB)"),
        ("Arrêté portant nomination du jury", " [PDF - 1,2 Mo]"),
        ("Minutes of the spring meeting (PDF)", ""),
        ("Bericht zur Anhörung", " (75.7 kB)"),
        ("Volume (2) of the report", " (docx, 3 MB)"),
    ]
    rows = "".join(
        f"<tr><td><em>1{i}.03.2026</em><br>{i} Ta 10/26</td>"
        f"<td><a href='/media/{i}.pdf'>{name}{note}</a><br>Short excerpt of the decision number {i} ...</td></tr>"
        for i, (name, note) in enumerate(notes)
    )
    entries = _entries(f"<h1>Decisions</h1><table>{rows}</table>", "<html lang='de'>")
    assert [e["title"] for e in entries] == [name for name, _ in notes]


def test_a_second_line_closing_most_card_names_after_a_break_is_no_part_of_them():
    """Event cards whose name element holds the name, a <br> and a styled line of its own, "<div class=title><span>
    Name<br><span class=…>for families and friends</span></span></div>", only "More info" linking (batch Z, a
    community centre's events: titles 5/7, the longer second lines kept): where most records show that shape, the
    second line is a kicker, an audience or a recurrence, whatever its length, and the name is the line before it."""
    cards = [
        ("Summer party in the garden", "Event"),
        ("Relationships rethought", "for young people and their families"),
        ("Self-help group on grief", "Every first and third Thursday from March"),
        ("Workshop on setting limits", "past event"),
    ]
    html = "".join(
        f"<div class='card'><img src='/i{i}.jpg'><div class='body'><div class='card-title'><span>{name}<br>"
        f"<span class='muted italic'>{line}</span></span></div><p>A long description of the event number {i}.</p>"
        f"<p>Sat, {i + 4} October 2026, 14:00</p><a href='/events/{i}'>More info</a></div></div>"
        for i, (name, line) in enumerate(cards)
    )
    entries = _entries(f"<h1>Events</h1>{html}", "<html lang='en'>")
    assert [e["title"] for e in entries] == [name for name, _ in cards]


def test_a_second_line_after_a_break_on_a_few_titles_only_stays_in_them():
    # the guard: a line that one record of many shows is part of its name, not the list's second line
    names = ["Summer party", "Reading club", "Choir evening", "Open day"]
    html = "".join(
        f"<div class='card'><h3>{name}{'<br><span>in the garden</span>' if i == 0 else ''}</h3>"
        f"<p>Description of event {i}.</p><a href='/events/{i}'>More info</a></div>"
        for i, name in enumerate(names)
    )
    entries = _entries(f"<h1>Events</h1>{html}", "<html lang='en'>")
    assert entries[0]["title"] == "Summer party in the garden"
