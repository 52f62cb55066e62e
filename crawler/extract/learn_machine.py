"""A date element's machine-readable date that is no entry's own: a <time datetime> holding the site's build time,
the same on every entry while the text each shows differs. The profile reader takes such an attribute for the date;
`learn` names the element around it instead, which shows the date without the attribute."""

from __future__ import annotations

from .date_boxes import other_days_shown
from .fields import date_from_element
from .html import machine_date


def one_machine_date(hits: list) -> bool:
    """The elements carry one machine date between them while they show other days (the generic extractor's rule,
    date_boxes.without_shared_machine_dates): it dates none of them. Posts of one day showing their hours do not."""
    machine = {machine_date(el) for el in hits}
    if len(hits) < _MIN_HITS or len(machine) != 1 or None in machine:
        return False
    return other_days_shown([date_from_element(el) for el in hits], machine.pop()) >= 2


def shown_around(el, stop):
    """For an element carrying a machine date, the element around it, inside `stop`, that shows its date and
    carries none (the `<li class="date">` around `<time datetime="build time">2021-10-18</time>`); else None."""
    parent = el.getparent()
    if not machine_date(el) or parent is None or parent is stop or parent is stop.getparent() or machine_date(parent):
        return None
    return parent if date_from_element(parent) == date_from_element(el) else None


_MIN_HITS = 3  # two entries of one day may share a datetime rightly
