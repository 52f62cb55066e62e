"""Titles the list as a whole corrects, once each record has one: a heading naming a pointer link, a line naming a
record whose link says where it ran, labels, badges and marks beside the name (the generic extractor's last pass)."""

from __future__ import annotations

from .count_badges import without_count_badges
from .date_led_links import names_after_bare_days
from .field_labels import without_field_labels
from .file_notes import without_file_notes
from .heading_names import headings_over_named_buttons
from .kicker_lines import without_kicker_lines
from .label_pairs import without_pair_labels
from .quoted_titles import quoted_titles
from .repeated_headings import lines_under_shared_headings
from .source_lines import titles_over_credits
from .state_marks import without_state_marks, without_status_badges
from .venue_links import names_before_venues
from .wordings import headings_name_pointers


def named_by_the_list(entries, records, links, pointing) -> None:
    """Titles the list as a whole corrects. `records`: each entry's block; `links`: its link."""
    headings_name_pointers(entries, links, pointing)  # <h3>Name</h3><p><a>Ver publicación</a></p>: the heading's
    # a heading, bold or plain line names a record whose link says where it ran ("<a>Water World, May 2017</a>")
    titles_over_credits(entries, records, links)
    quoted_titles(entries, links)  # <a>7th Oct 2026</a> Ada (UCL) "Talk": the talk's
    names_after_bare_days(entries, links)  # "<a>Sonntag, 8. Mai Muttertag</a>" among "<a>… um 16 Uhr</a>": Muttertag
    # <a><h5>Team Name</h5><p>What happened</p></a> on most cards: the shared heading is a label, the line the title
    lines_under_shared_headings(entries, records)
    without_kicker_lines(entries, records)  # "Name<br><span class=…>für Familien</span>": the card's second line
    without_state_marks(entries, records)  # "Concurso Publico <span class=…>cerrado</span>": the state, no name
    without_status_badges(entries, records)  # "<span class=…cancelled>Cancelled</span> May 5 - Board": no name
    without_count_badges(entries, records)  # "<a>Accident <span>(1)</span></a>": a count of likes, no name
    without_file_notes(entries)  # "<a>Decision (pdf, 128 KB)</a>": the file's size, no name
    without_pair_labels(entries, records)  # "<p><strong>Título:</strong> Concurso …</p>": the words after the label
    without_field_labels(entries, links)  # an icon's row named by "Description: Boundary Adjustment": no label
    headings_over_named_buttons(entries, records, links)  # <h3>Foo</h3> <a>Site do Foo</a> beside cards named so
    names_before_venues(entries, records, links)  # "7/10/2025: Panel on AI at <a>Forum</a>": the talk, not the venue
