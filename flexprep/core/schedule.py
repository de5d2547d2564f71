"""Date and hour arithmetic for the plan: hours per week, trial end, check-in dates."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from typing import Any

_RANGE = re.compile(r"^\s*([01]?\d|2[0-3]):([0-5]\d)\s*[-–]\s*([01]?\d|2[0-4]):([0-5]\d)\s*$")
CHECKIN_DAYS = {"weekly": 7, "biweekly": 14}


def iso_day(value: Any) -> date | None:
    """The day ``value`` names, read tolerantly: a date (a date-time gives its day), or
    text starting ``YYYY-MM-DD``; anything else (empty, malformed, a number) is None.
    Every reader of a stored or imported day uses this one rule."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def parse_hours(text: str) -> tuple[int, int] | None:
    """Minutes since midnight (start, end) of ``"08:00-16:30"``; None when not a range.

    An end before the start means the shift runs past midnight.
    """
    match = _RANGE.match(text or "")
    if not match:
        return None
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if end > 24 * 60 or start == end:
        return None
    return start, end


def hours_valid(text: str) -> bool:
    """Empty, or a valid ``HH:MM-HH:MM`` range."""
    return not (text or "").strip() or parse_hours(text) is not None


def range_hours(text: str) -> float:
    parsed = parse_hours(text)
    if parsed is None:
        return 0.0
    start, end = parsed
    minutes = end - start if end > start else end + 24 * 60 - start
    return minutes / 60


def weekly_hours(schedule: dict[str, Any]) -> dict[str, float]:
    """Hours per week by place (office, remote, flexible) and ``total``."""
    result = {"office": 0.0, "remote": 0.0, "flexible": 0.0, "total": 0.0}
    for entry in (schedule or {}).values():
        where = entry.get("where")
        if where in ("off", None):
            continue
        hours = range_hours(entry.get("hours", ""))
        result[where] = result.get(where, 0.0) + hours
        result["total"] += hours
    return result


def trial_end(start: date | None, weeks: int | None) -> date | None:
    """Last day of a trial of ``weeks`` weeks starting on ``start``."""
    if start is None or not weeks:
        return None
    try:
        return start + timedelta(weeks=weeks) - timedelta(days=1)
    except OverflowError:  # a start near the year 9999
        return None


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` months, on the last day of a shorter month (31 Jan → 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def checkin_dates(start: date | None, weeks: int | None, cadence: str | None) -> list[date]:
    """Check-ins during the trial: one per cadence after the start, none after its last day.

    A check-in that would fall after the trial's last day is left out: the end of the
    trial is met by the review, not by one more check-in. Monthly check-ins count from
    the start each time, so a trial starting on the 31st meets on the last day of
    shorter months and back on the 31st after them.
    """
    end = trial_end(start, weeks)
    if start is None or end is None or cadence is None:
        return []
    dates: list[date] = []
    step = 1
    while True:
        try:
            current = (
                start + timedelta(days=CHECKIN_DAYS[cadence] * step)
                if cadence in CHECKIN_DAYS
                else add_months(start, step)
            )
        except (OverflowError, ValueError):
            break
        if current > end:
            break
        dates.append(current)
        step += 1
    return dates


def hours_problem(text: str) -> str:
    """Why ``text`` is not a usable ``HH:MM-HH:MM`` range, in plain words; "" when it is."""
    if hours_valid(text):
        return ""
    stripped = (text or "").strip()
    times = re.findall(r"(\d{1,2}):(\d{2})", stripped)
    if len(times) == 2 and re.fullmatch(r"\d{1,2}:\d{2}\s*[-–]\s*\d{1,2}:\d{2}", stripped):
        (h1, m1), (h2, m2) = times
        if int(h1) > 23 or int(h2) > 24 or int(m1) > 59 or int(m2) > 59:
            return "a time is out of range (hours 00-23, minutes 00-59)"
        if (int(h1), int(m1)) == (int(h2), int(m2)):
            return "the start and the end are the same"
        return "24:00 is the latest end; a shift past midnight ends e.g. at 06:00"
    return "write it as start-end, e.g. 08:00-16:30"


def format_hours(hours: float) -> str:
    """``7.5`` → ``"7 h 30"``, ``8`` → ``"8 h"``, ``0`` → ``"0 h"`` (rounded to the minute)."""
    minutes = round(hours * 60)
    whole, rest = divmod(minutes, 60)
    return f"{whole} h {rest:02d}" if rest else f"{whole} h"
