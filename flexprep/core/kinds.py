"""The kinds of value a field can hold, each with every way the app treats it.

A :class:`Kind` knows how to check a value strictly (the service and the file format),
how to read it tolerantly for the documents (a malformed value becomes the blank), how
to turn a stored value into its file-format form, and which SQL type stores it. Fields
(:mod:`flexprep.core.fields`) name a kind and so inherit all four at once.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from flexprep.core import validation as v
from flexprep.core import vocab
from flexprep.core.errors import ValidationError

Convert = Callable[[Any], Any]


@dataclass(frozen=True)
class Kind:
    """One kind of value.

    Attributes:
        name: a short name for messages and tests.
        check: strict check; returns the Python value to store or raises
            :class:`~flexprep.core.errors.ValidationError`.
        tolerant: lenient reading for the documents; never raises, returns the
            JSON-like value (dates stay ISO text) or the blank.
        stored: from what a plain SQL read gives back to the file-format value.
        sql: the storage type (``TEXT``, ``INTEGER``, ``REAL``, ``BOOLEAN``, ``DATE``,
            ``DATETIME``, ``JSON``), compared with the ORM columns by a test.
        defaulted: a tolerant reading of None means "use the field's default".
        options: the keys a choice (or list of choices) takes.
    """

    name: str
    check: v.Check
    tolerant: Convert
    stored: Convert
    sql: str
    defaulted: bool = False
    options: tuple[str, ...] = ()


# --- tolerant readers (documents) ---------------------------------------------------


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _as_rating(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = int(float(value))
    except (ValueError, OverflowError):
        return None
    return number if 1 <= number <= 5 else None


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _as_count(value: Any) -> int | None:
    number = _as_number(value)
    return int(number) if number is not None and 0 <= number <= v.MAX_COUNT else None


def _as_weeks(value: Any) -> int | None:
    number = _as_number(value)
    return int(number) if number is not None and 0 < number < 10_000 else None


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []


def _as_texts(value: Any) -> list[str]:
    return [_as_text(item) for item in _as_list(value) if item is not None]


# --- stored values (plain SQL reads) -----------------------------------------------


def _iso_date(value: Any) -> str | None:
    return None if value is None else str(value)[:10]


def _iso_datetime(value: Any) -> str | None:
    # Stored as "YYYY-MM-DD HH:MM:SS[.ffffff]"; the file carries whole seconds with a "T".
    return None if value is None else str(value)[:19].replace(" ", "T")


def _file_number(value: Any) -> float | int | None:
    if value is None:
        return None
    value = float(value)
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _loads(empty: Callable[[], Any]) -> Convert:
    return lambda value: empty() if value is None else json.loads(value)


# --- the kinds ----------------------------------------------------------------------

TEXT = Kind("text", v.text, _as_text, lambda value: value or "", "TEXT")
OPTIONAL_TEXT = Kind(
    "optional text",
    lambda value: value if value is None else v.text(value),
    lambda value: None if value is None else _as_text(value),
    lambda value: value,
    "TEXT",
)
RATING = Kind("rating", v.rating, _as_rating, lambda value: value, "INTEGER")
COUNT = Kind("count", v.count, _as_count, lambda value: value, "INTEGER")
WEEKS = Kind("weeks", v.weeks, _as_weeks, lambda value: value, "INTEGER")
NUMBER = Kind("number", v.number, _as_number, _file_number, "REAL")
DATE = Kind("date", v.a_date, _as_text, _iso_date, "DATE")
DATETIME = Kind("date-time", v.a_datetime, _as_text, _iso_datetime, "DATETIME")
TEXTS = Kind("list of text", v.list_of(v.text), _as_texts, _loads(list), "JSON")
UNIQUE_TEXTS = Kind(
    "list of distinct text", v.list_of(v.text, unique=True), _as_texts, _loads(list), "JSON"
)


FLAG = Kind(
    "flag",
    v.flag,
    lambda value: value if isinstance(value, bool) else None,
    lambda value: bool(value),
    "BOOLEAN",
    defaulted=True,
)


def choice(options: Mapping[str, str]) -> Kind:
    """One key of ``options``; the documents read a bad value as the field's default."""

    def tolerant(value: Any) -> Any:
        return value if isinstance(value, str) and value in options else None

    return Kind(
        "choice",
        v.one_of(options),
        tolerant,
        lambda value: value,
        "TEXT",
        defaulted=True,
        options=tuple(options),
    )


def optional_choice(options: Mapping[str, str]) -> Kind:
    """One key of ``options`` or null (not chosen); documents read a bad value as ""."""

    def tolerant(value: Any) -> str:
        return value if isinstance(value, str) and value in options else ""

    return Kind(
        "optional choice",
        v.one_of(options, optional=True),
        tolerant,
        lambda value: value,
        "TEXT",
        options=tuple(options),
    )


def choices(options: Mapping[str, str]) -> Kind:
    """Distinct keys of ``options`` in the user's order."""

    def tolerant(value: Any) -> list[str]:
        return [key for key in _as_texts(value) if key in options]

    return Kind(
        "list of choices",
        v.list_of(v.one_of(options), unique=True),
        tolerant,
        _loads(list),
        "JSON",
        options=tuple(options),
    )


def _tolerant_schedule(value: Any) -> dict[str, dict[str, str]]:
    raw = value if isinstance(value, dict) else {}
    result: dict[str, dict[str, str]] = {}
    for day in vocab.WEEKDAYS:
        found = raw.get(day)
        entry: dict[str, Any] = found if isinstance(found, dict) else {}
        place = entry.get("where")
        where = place if isinstance(place, str) and place in vocab.WHERE else ""
        hours = _as_text(entry.get("hours"))
        if where or hours:
            result[day] = {"where": where, "hours": hours}
    return result


def _stored_schedule(value: Any) -> dict[str, dict[str, str]]:
    schedule = {} if value is None else json.loads(value)
    return {day: dict(schedule[day]) for day in vocab.WEEKDAYS if day in schedule}


SCHEDULE = Kind("weekly schedule", v.schedule, _tolerant_schedule, _stored_schedule, "JSON")


def to_file(kind: Kind, value: Any) -> Any:
    """A checked Python value (dates as ``date``) in its file-format form."""
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if kind is NUMBER:
        return _file_number(value)
    return value


# --- version 2 shapes ---------------------------------------------------------------


def _check_optional_flag(value: Any) -> bool | None:
    return None if value is None else v.flag(value)


#: True, false, or null (the user has not answered).
OPTIONAL_FLAG = Kind(
    "true, false or unanswered",
    _check_optional_flag,
    lambda value: value if isinstance(value, bool) else None,
    lambda value: None if value is None else bool(value),
    "BOOLEAN",
)


def _check_dates(value: Any) -> list[str] | None:
    # Stored as JSON: dates stay ISO text once checked.
    if value is None:
        return None
    checked = v.list_of(v.a_date, unique=True)(value)
    return [day.isoformat() for day in checked]


def _tolerant_dates(value: Any) -> list[str] | None:
    if value is None or not isinstance(value, list | tuple):
        return None
    return [_as_text(item) for item in value if item is not None]


#: A list of dates, or null (not answered); ``[]`` says "none".
OPTIONAL_DATES = Kind(
    "list of dates or unanswered",
    _check_dates,
    _tolerant_dates,
    lambda value: None if value is None else json.loads(value),
    "JSON",
)


def object_list(
    name: str,
    checks: dict[str, v.Check],
    required: str,
    blank: dict[str, Any],
) -> Kind:
    """A list of small objects: each has ``required``; the other keys are optional.

    The checked form always carries every key (``blank`` gives the missing ones), so
    an export writes the same shape whatever the file it came from left out.
    """

    def check(value: Any) -> list[dict[str, Any]]:
        if not isinstance(value, list):
            raise ValidationError("must be a list")
        result = []
        for index, entry in enumerate(value):
            where = f"[{index}]"
            if not isinstance(entry, dict):
                raise ValidationError(f"must be an object with a {required}", where)
            unknown = sorted(set(entry) - set(checks))
            if unknown:
                raise ValidationError("unknown key", f"{where}.{unknown[0]}")
            if required not in entry:
                raise ValidationError("missing", f"{where}.{required}")
            item = dict(blank)
            for key, item_check in checks.items():
                if key not in entry:
                    continue
                try:
                    checked = item_check(entry[key])
                except ValidationError as exc:
                    raise ValidationError(str(exc), f"{where}.{key}{exc.where}") from None
                item[key] = checked.isoformat() if isinstance(checked, date) else checked
            result.append(item)
        return result

    def tolerant(value: Any) -> list[dict[str, str]]:
        found = []
        for entry in _as_list(value):
            if isinstance(entry, dict):
                found.append({key: _as_text(entry.get(key)) for key in checks})
            elif entry is not None:
                found.append({key: _as_text(entry) if key == required else "" for key in checks})
        return found

    return Kind(name, check, tolerant, _loads(list), "JSON")


#: Next steps: each a text, with an optional owner and due date.
NEXT_STEPS = object_list(
    "list of next steps",
    {"text": v.text, "owner": v.text, "due": v.a_date},
    "text",
    {"text": "", "owner": "", "due": None},
)

_REFUSAL_KEYS = ("reasons", "grounds", "decided_on", "meeting_held")


def _check_refusal(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ValidationError("must be an object")
    unknown = sorted(set(value) - set(_REFUSAL_KEYS))
    if unknown:
        raise ValidationError("unknown key", f".{unknown[0]}")
    checks: dict[str, v.Check] = {
        "reasons": v.text,
        "grounds": v.list_of(v.key_text, unique=True),
        "decided_on": v.a_date,
        "meeting_held": _check_optional_flag,
    }
    result: dict[str, Any] = {
        "reasons": "",
        "grounds": [],
        "decided_on": None,
        "meeting_held": None,
    }
    for key, item in value.items():
        try:
            checked = checks[key](item)
        except ValidationError as exc:
            raise ValidationError(str(exc), f".{key}{exc.where}") from None
        result[key] = checked.isoformat() if isinstance(checked, date) else checked
    return result


def _tolerant_refusal(value: Any) -> dict[str, Any]:
    raw = value if isinstance(value, dict) else {}
    held = raw.get("meeting_held")
    return {
        "reasons": _as_text(raw.get("reasons")),
        "grounds": _as_texts(raw.get("grounds")),
        "decided_on": _as_text(raw.get("decided_on")),
        "meeting_held": held if isinstance(held, bool) else None,
    }


#: What a refusal said: the reasons, the grounds they map to, when, and whether a
#: meeting was held. Null until the user records a refusal.
REFUSAL = Kind(
    "refusal",
    _check_refusal,
    _tolerant_refusal,
    lambda value: None if value is None else json.loads(value),
    "JSON",
)
