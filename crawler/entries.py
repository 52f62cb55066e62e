"""From raw entry blocks to Entry records: every field parsed by crawler.parsers."""

from __future__ import annotations

from datetime import UTC, date, datetime

from .extract import RawPage
from .extract.profiles import Profile, document_patterns
from .field_table import FIELDS  # noqa: F401  (the field table lives in crawler.field_table)
from .parsers.credits import parse_credit
from .parsers.date_order import figures_are_scores, numeric_order
from .parsers.datelines import YEARLESS_FIGURES, year_in, yearless_date, yearless_span
from .parsers.dates import parse_date
from .parsers.dates_neighbours import date_languages
from .parsers.groups import parse_group_heading
from .parsers.ids import entry_id, join_url, tell_apart, without_visit_ids
from .parsers.organisers import parse_organisers
from .parsers.page_years import near_page_years, years_around
from .parsers.shown_dates import closing_month, shows_only_a_year
from .parsers.text import clean_paragraphs, clean_text
from .parsers.title_dates import date_named_in_title
from .parsers.weekdays import neighbour_years, opening_weekday_date, weekday_dated, weekday_named


def _shown_or_machine(raw, languages, now, month_first):
    """The date as shown, else the machine-readable one (<time datetime>, structured data);
    the machine date when the shown one is another date altogether (a line of the post's
    text taken for its date): more than a day apart and outside the shown range."""
    shown = parse_date(raw.date_text, languages, now, month_first) if raw.date_text else None
    machine = parse_date(raw.date_iso, languages, now, month_first) if raw.date_iso else None
    if shown is None and machine is not None:
        month = closing_month(raw.date_text, languages, now, month_first)
        if month is not None and month.start <= machine.start <= month.end:
            return month, raw.date_text  # "Fin juillet 2027" over datetime="2027-07-29": the month shown
        if shows_only_a_year(raw.date_text):
            return None, raw.date_text  # "Automne 2026": the page shows no date finer than a year
    if shown is None:
        return machine, raw.date_text or (raw.date_iso if machine else None)
    elsewhere = machine is not None and not shown.start <= machine.start <= shown.end
    if elsewhere and abs((machine.start - shown.start).days) > _MACHINE_DATE_SLACK_DAYS:
        return machine, raw.date_iso
    return shown, raw.date_text


# A machine date a day off the shown one is the same moment in another time zone, not another date.
_MACHINE_DATE_SLACK_DAYS = 1


def _date_under_heading(raw, title, languages, now, month_first, scores=False):
    """A date the entry's group heading gives or completes: posts under a day's heading
    ("mercredi 14 octobre 2020") take that day; "August 9" (in the date line or opening the
    title) under "Agendas - 2022" is 9 August 2022. The year is read off the page, never guessed."""
    heading = parse_date(raw.group, languages, now, month_first)
    # a day and month of the entry's own ("Mardi 1er décembre", a line of its text) yield to a day's heading
    own = raw.date_text and yearless_date(raw.date_text) != raw.date_text
    if heading is not None and heading.precision == "day" and not own:
        return heading, raw.group
    year = year_in(raw.group)
    for text in filter(None, (raw.date_text, title)):
        day_month = yearless_date(text)
        figures = YEARLESS_FIGURES.match(day_month or "")  # "7/24" and 2020: "7/24/2020"
        if figures and (text is not raw.date_text or scores):
            continue  # a title of bare figures ("3.1" under "2020") is a version or a number; "4/5" a rating
        if year and day_month:
            whole = f"{figures[1]}{figures[2]}{figures[3]}{figures[2]}{year}" if figures else f"{day_month} {year}"
            when = parse_date(whole, languages, now, month_first)
            if when is not None:
                return when, day_month
    return None


def _entry_date(raw, title, languages, now, month_first, scores):
    """The entry's date and the text it was read from: shown or machine-readable, else given or completed by its
    group heading, else the day an act's title names ("Arrêté N°24:239 du 18/07/2024 portant …")."""
    when, date_text = _shown_or_machine(raw, languages, now, month_first)
    if when is None and raw.group:
        when, date_text = _date_under_heading(raw, title, languages, now, month_first, scores) or (None, date_text)
    if when is None:
        when = date_named_in_title(title, languages, now, month_first)
        date_text = when.text if when else date_text
    return when, date_text


def build_entries(
    page: RawPage,
    page_url: str,
    listing_url: str | None = None,
    profile: Profile | None = None,
    now: datetime | None = None,
) -> list[dict]:
    """One record per raw entry; entries without a title are left out.

    `now` is the capture time relative dates ("3 hours ago") count back from; default the
    time the page was extracted with, else the current UTC time.
    """
    listing_url = listing_url or page_url
    # The page's language first; English after it, for the month names a page in another language borrows.
    languages = [page.language] + (["en"] if page.language != "en" else []) if page.language else None
    languages = date_languages(languages, (raw.date_text for raw in page.entries))
    now = now or page.now
    # "03/04/2022": one reading for the whole page, from its column of dates and its locale.
    month_first = numeric_order((raw.date_text for raw in page.entries), page.locale or page.language)
    scores = figures_are_scores(raw.date_text for raw in page.entries)
    out, weekdays = [], []
    for raw in page.entries:
        title = clean_text(raw.title)
        if not title:
            continue
        url = without_visit_ids(join_url(page_url, raw.href))  # a session id: a credential, new each crawl
        description = clean_paragraphs(raw.paragraphs)
        group, group_month = parse_group_heading(raw.group)
        when, date_text = _entry_date(raw, title, languages, now, month_first, scores)
        weekdays += [] if when else [(len(out), _weekday_line(raw, title, description))]  # "Apr 22 Mon": below
        credit = parse_credit(raw.credit_text)
        organisers = parse_organisers(description, page.language)
        out.append(
            {
                "entry_id": entry_id(url, title, listing_url, _id_patterns(profile, url)),
                "url": url,
                "title": title,
                "description": description,
                "group": group,
                "group_month": group_month,
                "date_text": clean_text(date_text),
                "date_start": when.start.isoformat() if when else None,
                "date_end": when.end.isoformat() if when else None,
                "date_precision": when.precision if when else None,
                "credit": credit.text if credit else None,
                "credit_author": credit.author if credit else None,
                "credit_holder": credit.holder if credit else None,
                "credit_year": credit.year if credit else None,
                "organisers": raw.organisers or organisers.names,
                "organiser_text": organisers.text,
                "image_url": without_visit_ids(join_url(page_url, raw.image_src)),
                "listing_url": listing_url,
                "listing_title": page.title,
                "position": raw.position,
                "language": page.language,
            }
        )
    _dated_by_weekday(out, weekdays, languages, now or datetime.now(UTC), month_first, page.years)
    tell_apart(out)  # entries sharing one link (a venue, a form) are as many entries as the page shows
    return out


def _weekday_line(raw, title: str, description: str | None) -> str | None:
    """Where an undated entry may show a weekday, day and month without a year: its date line, else the opening of
    its title ("Domenica 11 Novembre a Pradamano") or of a first line of text no longer than a date line."""
    if raw.date_text and yearless_span(raw.date_text):
        return raw.date_text  # "Sun 25 Aug + Sun 1 Sep": both days, not the first alone
    if raw.date_text:  # "martedì 21 marzo dalle 20:30": its opening day, the time after it left
        return opening_weekday_date(raw.date_text) or raw.date_text
    return opening_weekday_date(title) or opening_weekday_date((description or "").split("\n")[0], short=True)


def _dated_by_weekday(out: list[dict], waiting, languages, now, month_first, page_years=()) -> None:
    """An entry showing a weekday, day and month takes the one year that fits among those of its nearest dated
    neighbours in the list (one either side of theirs), else among those the page's address and title name (one
    either side, the day within half a year of a year named), else among those around the capture time; none when
    no year, or more than one, fits. Only the dates the entries show are neighbours, not the years found here."""
    shown = [date.fromisoformat(e["date_start"]) if e["date_start"] else None for e in out]
    for index, text in waiting:
        near = neighbour_years(shown, index)
        when = weekday_dated(text, now, languages, month_first, near or years_around(page_years)) if text else None
        if when is not None and (near or not page_years or near_page_years(when.start, page_years)):
            out[index].update(
                date_text=clean_text(when.text),
                date_start=when.start.isoformat(),
                date_end=when.end.isoformat(),
                date_precision=when.precision,
            )
    _dated_by_confirmed_year(out, waiting, languages, now, month_first, page_years)


# So many entries' weekdays must agree with the page's year before a day shown without one takes it.
_MIN_WEEKDAY_WITNESSES = 3


def _dated_by_confirmed_year(out: list[dict], waiting, languages, now, month_first, page_years) -> None:
    """A day and month shown with neither year nor weekday ("30 Aug" among "Tue 27 Aug" cards) take the year the
    page's address or title names when the weekdays of at least three entries put them in that year and every
    dated entry of the page is of it: a festival's or a season's page of one year, its weekdays the witnesses."""
    if not page_years or not waiting:
        return
    years = {e["date_start"][:4] for e in out if e["date_start"]}
    witnesses = sum(bool(out[index]["date_start"]) for index, _ in waiting)
    if len(years) != 1 or witnesses < _MIN_WEEKDAY_WITNESSES or int(min(years)) not in page_years:
        return
    for index, text in waiting:
        if out[index]["date_start"] or not text or yearless_date(text) != text or weekday_named(text):
            continue  # a weekday shown and not fitting the year: no date
        when = parse_date(f"{text} {min(years)}", languages, now, month_first)
        if when is not None:
            out[index].update(
                date_text=clean_text(text),
                date_start=when.start.isoformat(),
                date_end=when.end.isoformat(),
                date_precision=when.precision,
            )


def _id_patterns(profile: Profile | None, url: str | None):
    """The page's profile's document-number pattern, else the bundled profiles' for the link's site."""
    if profile is not None and profile.document_id is not None:
        return profile.document_id
    return document_patterns(url) if url else None
