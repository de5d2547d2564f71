"""Reading a typed date (or date and time): the locale's short format, ISO, or as shown."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QLocale

#: How the date fields show a date: locale-independent, like the documents.
SHOWN_FORMATS = ("ddd d MMM yyyy", "d MMM yyyy", "d MMMM yyyy", "ddd d MMMM yyyy")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_TIME = re.compile(r"^(.*?)[\sT,]+(\d{1,2})[:.](\d{2})\s*([AaPp][Mm])?\s*$")
#: The numeric fields of a short format: day, month and year in some order and separators.
_SHORT_PART = re.compile(r"(d+|M+|y+)")


def _short_pattern(locale: QLocale) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
    """A lenient pattern for the locale's short date format and the order of its fields."""
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    parts = _SHORT_PART.findall(fmt)
    if sorted(p[0] for p in parts) != ["M", "d", "y"] or any(
        p[0] == "M" and len(p) > 2 for p in parts
    ):
        return None  # month names or a missing field: the other formats cover it
    order = tuple(p[0] for p in parts)
    # Any run of non-digits separates the fields, so "1.2.2027" reads in a "d/M/yyyy" locale.
    pattern = r"^\s*(\d{1,4})\D+(\d{1,2})\D+(\d{1,4})\s*$"
    return re.compile(pattern), order


def _full_year(text: str) -> int:
    year = int(text)
    return 2000 + year if len(text) <= 2 else year


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day) if year >= 1 else None
    except ValueError:
        return None


def parse_date(text: str, locale: QLocale | None = None) -> date | None:
    """The date ``text`` names, or None when it names none.

    Read, in turn: ISO (``2027-01-25``); the locale's short format with any
    separator and a two- or four-digit year (``25/01/2027``, ``1/25/27``); and the
    way the fields show a date (``Mon 25 Jan 2027``, ``25 January 2027``).
    """
    stripped = " ".join(text.split())
    if not stripped:
        return None
    iso = _ISO.match(stripped)
    if iso:
        return _make(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    short = _short_pattern(locale or QLocale())
    if short is not None:
        pattern, order = short
        match = pattern.match(stripped)
        if match:
            fields = dict(zip(order, match.groups(), strict=True))
            if len(fields["d"]) <= 2 and len(fields["M"]) <= 2 and len(fields["y"]) in (2, 4):
                return _make(_full_year(fields["y"]), int(fields["M"]), int(fields["d"]))
            return None
    for fmt in SHOWN_FORMATS:
        shown = QDate.fromString(stripped, fmt)
        if shown.isValid():
            return date(shown.year(), shown.month(), shown.day())
    return None


def parse_datetime(text: str, when_no_time: time, locale: QLocale | None = None) -> datetime | None:
    """A date with an optional ``HH:MM`` (or ``h:mm pm``) after it; None when unreadable.

    Without a time, the day gets ``when_no_time``.
    """
    stripped = " ".join(text.split())
    match = _TIME.match(stripped)
    clock = when_no_time
    if match:
        hour, minute = int(match.group(2)), int(match.group(3))
        half = (match.group(4) or "").lower()
        if half:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if half == "pm" else 0)
        if hour > 23 or minute > 59:
            return None
        clock = time(hour, minute)
        stripped = match.group(1)
    day = parse_date(stripped, locale)
    return None if day is None else datetime.combine(day, clock)


def example(locale: QLocale | None = None, *, with_time: bool = False) -> str:
    """How to type a date here, e.g. ``25/01/2027 or 2027-01-25``."""
    sample = QDate(2027, 1, 25)
    short = (locale or QLocale()).toString(sample, QLocale.FormatType.ShortFormat)
    text = f"{short} or 2027-01-25" if short != "2027-01-25" else short
    return f"{text}, then a time like 14:30" if with_time else text
