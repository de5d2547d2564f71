"""Tolerant reading of a workbook dict (the ``workbook`` object of file format v1).

:func:`normalise` fills every missing key with an empty default and coerces values to
the expected types, so the renderers can index freely. Dates stay ISO strings (the
result is still JSON-like); the helpers below parse and format them.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime
from typing import Any

from flexprep.core import schedule, vocab

Workbook = dict[str, Any]

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _rating(value: Any) -> int | None:
    """1-5 rating, or None when missing or not a number in range."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = int(float(value))
    except ValueError:
        return None
    return number if 1 <= number <= 5 else None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []


def _dict(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {}


def _texts(value: Any) -> list[str]:
    return [_text(item) for item in _list(value) if item is not None]


def _choice(value: Any, allowed: dict[str, str], default: str) -> str:
    return value if isinstance(value, str) and value in allowed else default


def _ask(raw: Any, index: int) -> dict[str, Any]:
    item = _dict(raw)
    position = item.get("position")
    return {
        "title": _text(item.get("title")),
        "details": _text(item.get("details")),
        "priority": _choice(item.get("priority"), vocab.PRIORITIES, "nice"),
        "position": position
        if isinstance(position, int) and not isinstance(position, bool)
        else index,
        "fallback": _text(item.get("fallback")),
        "importance": _rating(item.get("importance")),
        "resistance": _rating(item.get("resistance")),
        "draft": bool(item.get("draft", False)),
    }


def _objection(raw: Any, index: int) -> dict[str, Any]:
    item = _dict(raw)
    rehearsals = []
    for rehearsal in _list(item.get("rehearsals")):
        entry = _dict(rehearsal)
        rehearsals.append(
            {
                "at": _text(entry.get("at")),
                "confidence": _rating(entry.get("confidence")),
                "seconds": _number(entry.get("seconds")),
            }
        )
    rehearsals.sort(key=lambda entry: parse_datetime(entry["at"]) or datetime.min)
    origin = item.get("origin")
    return {
        "id": _text(item.get("id")) or f"o{index + 1}",
        "text": _text(item.get("text")),
        "theme": _choice(item.get("theme"), vocab.THEMES, "other"),
        "likelihood": _rating(item.get("likelihood")),
        "draft": bool(item.get("draft", False)),
        "origin": origin if origin in vocab.ORIGINS else "",
        "response": _text(item.get("response")),
        "evidence": _texts(item.get("evidence")),
        "rehearsals": rehearsals,
    }


def _endorsement(raw: Any) -> dict[str, Any]:
    item = _dict(raw)
    return {
        "author": _text(item.get("author")),
        "relationship": _choice(item.get("relationship"), vocab.RELATIONSHIPS, "other"),
        "date": _text(item.get("date")),
        "quote": _text(item.get("quote")),
        "speaks_to": [key for key in _texts(item.get("speaks_to")) if key in vocab.SPEAKS_TO],
        "shareable": item.get("shareable") is True,
    }


def _evidence(raw: Any, index: int) -> dict[str, Any]:
    item = _dict(raw)
    return {
        "id": _text(item.get("id")) or f"e{index + 1}",
        "kind": _choice(item.get("kind"), vocab.EVIDENCE_KINDS, "achievement"),
        "title": _text(item.get("title")),
        "details": _text(item.get("details")),
        "source": _text(item.get("source")),
        "unit": _text(item.get("unit")),
        "before": _number(item.get("before")),
        "before_label": _text(item.get("before_label")),
        "after": _number(item.get("after")),
        "after_label": _text(item.get("after_label")),
        "higher_is_better": item.get("higher_is_better") is not False,
    }


def _plan(raw: Any) -> dict[str, Any]:
    item = _dict(raw)
    schedule: dict[str, dict[str, str]] = {}
    raw_schedule = _dict(item.get("schedule"))
    for day in vocab.WEEKDAYS:
        entry = _dict(raw_schedule.get(day))
        where = _choice(entry.get("where"), vocab.WHERE, "")
        hours = _text(entry.get("hours"))
        if where or hours:
            schedule[day] = {"where": where, "hours": hours}
    weeks = _number(item.get("trial_weeks"))
    return {
        "schedule": schedule,
        "trial_weeks": int(weeks) if weeks is not None and 0 < weeks < 10_000 else None,
        "trial_start": _text(item.get("trial_start")),
        "checkin": _choice(item.get("checkin"), vocab.CHECKINS, ""),
        "success_measures": _texts(item.get("success_measures")),
        "coverage": _text(item.get("coverage")),
        "communication": _text(item.get("communication")),
        "core_hours": _text(item.get("core_hours")),
        "response_time": _text(item.get("response_time")),
        "escalation": _text(item.get("escalation")),
        "alternatives": [
            key for key in _texts(item.get("alternatives")) if key in vocab.ALTERNATIVES
        ],
        "review_date": _text(item.get("review_date")),
    }


def _meeting(raw: Any) -> dict[str, Any]:
    item = _dict(raw)
    return {
        "at": _text(item.get("at")),
        "timing_notes": _text(item.get("timing_notes")),
        "talking_points": _texts(item.get("talking_points")),
        "notes": _text(item.get("notes")),
        "outcome": _choice(item.get("outcome"), vocab.OUTCOMES, "pending"),
        "next_steps": _texts(item.get("next_steps")),
        "timing_checks": _texts(item.get("timing_checks")),
    }


def normalise(wb: dict[str, Any]) -> Workbook:
    """Return a complete copy of ``wb`` with every key present and typed.

    Missing or malformed values become empty defaults; asks are sorted by rank
    (``position``, else list order); rehearsals by time. The input is not changed.
    """
    wb = _dict(wb)
    asks = [_ask(raw, index) for index, raw in enumerate(_list(wb.get("asks")))]
    asks.sort(key=lambda ask: ask["position"])
    request = _dict(wb.get("request"))
    return {
        "name": _text(wb.get("name")) or "Untitled workbook",
        "scenario": _choice(wb.get("scenario"), vocab.SCENARIOS, "other"),
        "manager": _text(wb.get("manager")),
        "notes": _text(wb.get("notes")),
        "self_assessment": {
            _text(key): _text(value)
            for key, value in _dict(wb.get("self_assessment")).items()
            if value is not None
        },
        "asks": asks,
        "offers": [
            {"title": _text(_dict(raw).get("title")), "details": _text(_dict(raw).get("details"))}
            for raw in _list(wb.get("offers"))
        ],
        "walk_away": _text(wb.get("walk_away")),
        "objections": [_objection(raw, i) for i, raw in enumerate(_list(wb.get("objections")))],
        "endorsements": [_endorsement(raw) for raw in _list(wb.get("endorsements"))],
        "evidence": [_evidence(raw, i) for i, raw in enumerate(_list(wb.get("evidence")))],
        "plan": _plan(wb.get("plan")),
        "meeting": _meeting(wb.get("meeting")),
        "trial_log": sorted(
            (
                {"date": _text(_dict(raw).get("date")), "text": _text(_dict(raw).get("text"))}
                for raw in _list(wb.get("trial_log"))
            ),
            key=lambda entry: parse_date(entry["date"]) or date.min,
        ),
        "request": {
            "proposed_start": _text(request.get("proposed_start")),
            "previous_request": _text(request.get("previous_request")),
        },
    }


# --- dates -------------------------------------------------------------------------


def parse_datetime(value: Any) -> datetime | None:
    """Parse an ISO date or date-time string; None when empty or malformed."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip()).replace(tzinfo=None)
    except ValueError:
        return None


def parse_date(value: Any) -> date | None:
    """Parse an ISO date (a date-time gives its date); None when empty or malformed."""
    moment = parse_datetime(value)
    return moment.date() if moment else None


def format_date(value: date | None, *, weekday: bool = False) -> str:
    """``3 December 2026`` (``Thursday 3 December 2026`` with ``weekday``); "" for None."""
    if value is None:
        return ""
    text = f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    return f"{_DAYS[value.weekday()]} {text}" if weekday else text


def format_when(value: Any) -> str:
    """A meeting date-time for reading: ``Thursday 3 December 2026, 10:00``.

    The time is left out when the string holds a date only; unparseable text is
    returned as it is, so nothing the user typed is lost.
    """
    moment = parse_datetime(value)
    if moment is None:
        return _text(value)
    text = format_date(moment.date(), weekday=True)
    has_time = isinstance(value, str) and ("T" in value or " " in value.strip())
    return f"{text}, {moment:%H:%M}" if has_time else text


def show_date(value: Any) -> str:
    """Format an ISO date string for reading, or return it as typed if unparseable."""
    parsed = parse_date(value)
    return format_date(parsed) if parsed else _text(value)


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole calendar months, clamped to the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def trial_end(plan: dict[str, Any]) -> date | None:
    """Last day of the trial (the same date the window shows)."""
    return schedule.trial_end(parse_date(plan["trial_start"]), plan["trial_weeks"] or None)


def checkin_dates(plan: dict[str, Any], limit: int = 60) -> list[date]:
    """Check-in dates at the chosen cadence during the trial (as the window lists them)."""
    dates = schedule.checkin_dates(parse_date(plan["trial_start"]), plan["trial_weeks"] or None,
                                   plan["checkin"] or None)
    return dates[:limit]
