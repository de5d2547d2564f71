"""Date and hour arithmetic for the plan: hours per week, trial end, check-in dates."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

_RANGE = re.compile(r"^\s*([01]?\d|2[0-3]):([0-5]\d)\s*[-–]\s*([01]?\d|2[0-4]):([0-5]\d)\s*$")
CHECKIN_DAYS = {"weekly": 7, "biweekly": 14}


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
    return start + timedelta(weeks=weeks) - timedelta(days=1)


def _add_month(day: date) -> date:
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def checkin_dates(start: date | None, weeks: int | None, cadence: str | None) -> list[date]:
    """Check-ins during the trial: one per cadence after the start, up to its end."""
    end = trial_end(start, weeks)
    if start is None or end is None or cadence is None:
        return []
    dates: list[date] = []
    current = start
    while True:
        current = (current + timedelta(days=CHECKIN_DAYS[cadence]) if cadence in CHECKIN_DAYS
                   else _add_month(current))
        if current > end + timedelta(days=1):
            break
        dates.append(current)
    return dates
