"""Tolerant reading of a workbook dict (the ``workbook`` object of the file format).

:func:`normalise` fills every missing key with an empty default and coerces values to
the expected types, so the renderers can index freely. Dates stay ISO strings (the
result is still JSON-like); the helpers below parse and format them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from flexprep.core import fields, schedule

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


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []


def _dict(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {}


def _ask(raw: Any, index: int) -> dict[str, Any]:
    position = _dict(raw).get("position")
    ranked = isinstance(position, int) and not isinstance(position, bool)
    return {**fields.read_record(fields.ASKS, raw), "position": position if ranked else index}


def _objection(raw: Any, index: int) -> dict[str, Any]:
    item = _dict(raw)
    rehearsals = [
        fields.read_record(fields.REHEARSALS, entry)
        for entry in _list(item.get(fields.REHEARSALS.key))
    ]
    rehearsals.sort(key=lambda entry: parse_datetime(entry["at"]) or datetime.min)
    return {
        "id": _text(item.get("id")) or f"o{index + 1}",
        **fields.read_record(fields.OBJECTIONS, item),
        "evidence": [_text(ref) for ref in _list(item.get("evidence")) if ref is not None],
        fields.REHEARSALS.key: rehearsals,
    }


def _evidence(raw: Any, index: int) -> dict[str, Any]:
    return {
        "id": _text(_dict(raw).get("id")) or f"e{index + 1}",
        **fields.read_record(fields.EVIDENCE, raw),
    }


def _answers(raw: Any) -> dict[str, str]:
    given = _dict(raw)
    read = fields.read_record(fields.ANSWERS, given)
    return {key: read[key] for key in fields.ANSWERS.keys if given.get(key) is not None}


def normalise(wb: dict[str, Any]) -> Workbook:
    """Return a complete copy of ``wb`` with every declared field present and typed.

    Each field is read by its declaration (:mod:`flexprep.core.fields`): a missing or
    malformed value becomes its default or blank. Asks are sorted by rank
    (``position``, else list order), rehearsals by time and the trial log by date.
    The input is not changed.
    """
    wb = _dict(wb)
    result: Workbook = fields.read_record(fields.WORKBOOK, wb)
    result["name"] = result["name"] or "Untitled workbook"
    result[fields.ANSWERS.key] = _answers(wb.get(fields.ANSWERS.key))
    readers = {
        fields.ASKS.key: _ask,
        fields.OBJECTIONS.key: _objection,
        fields.EVIDENCE.key: _evidence,
    }
    for record in fields.ITEMS:
        raw_items = _list(wb.get(record.key))
        reader = readers.get(record.key)
        result[record.key] = [
            reader(raw, index) if reader else fields.read_record(record, raw)
            for index, raw in enumerate(raw_items)
        ]
    result[fields.ASKS.key].sort(key=lambda ask: ask["position"])
    result[fields.TRIAL_LOG.key].sort(key=lambda entry: parse_date(entry["date"]) or date.min)
    for record in fields.PARTS:
        result[record.key] = fields.read_record(record, wb.get(record.key))
    return result


def normalise_own(wb: dict[str, Any]) -> Workbook:
    """:func:`normalise` of the workbook's own fields and parts, every item list empty.

    For what needs only its name, title and people (signing a document): it spares
    reading thousands of objections and rehearsals a second time.
    """
    items = {record.key for record in fields.ITEMS}
    return normalise({key: value for key, value in _dict(wb).items() if key not in items})


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


def trial_end(plan: dict[str, Any]) -> date | None:
    """Last day of the trial (the same date the window shows)."""
    return schedule.trial_end(parse_date(plan["trial_start"]), plan["trial_weeks"] or None)


def checkin_dates(plan: dict[str, Any], limit: int = 60) -> list[date]:
    """Check-in dates at the chosen cadence during the trial (as the window lists them)."""
    dates = schedule.checkin_dates(
        parse_date(plan["trial_start"]), plan["trial_weeks"] or None, plan["checkin"] or None
    )
    return dates[:limit]
