"""Field rules shared by the workbook service and the file format."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from flexprep.core import vocab
from flexprep.core.errors import ValidationError

Check = Callable[[Any], Any]

#: The largest whole number a float (and SQLite REAL) holds exactly.
MAX_EXACT_INT = 2**53
#: The largest count (e.g. seconds taken) accepted.
MAX_COUNT = 1_000_000_000


def text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValidationError("must be text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError("must be text without unpaired surrogates") from None
    return value


def flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValidationError("must be true or false")
    return value


def rating(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("must be a whole number 1-5")
    if not 1 <= value <= 5:
        raise ValidationError("must be 1-5")
    return value


def count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("must be a whole number")
    if value < 0:
        raise ValidationError("must not be negative")
    if value > MAX_COUNT:
        # SQLite integers stop at 2**63; no count here comes near this.
        raise ValidationError(f"must be at most {MAX_COUNT}")
    return value


def weeks(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("must be a whole number of weeks")
    if not 1 <= value <= 104:
        raise ValidationError("must be 1-104 weeks")
    return value


def number(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError("must be a number")
    # A whole number beyond 2**53 would silently lose digits as a float.
    if isinstance(value, int) and abs(value) > MAX_EXACT_INT:
        raise ValidationError("must be a number of reasonable size (at most 2^53)")
    result = float(value)
    if not math.isfinite(result):
        raise ValidationError("must be a finite number")
    return result


def one_of(choices: Iterable[str], *, optional: bool = False) -> Check:
    allowed = tuple(choices)

    def check(value: Any) -> Any:
        if value is None and optional:
            return None
        if not isinstance(value, str) or value not in allowed:
            raise ValidationError("must be one of " + ", ".join(allowed))
        return value

    return check


def list_of(item: Check, *, unique: bool = False) -> Check:
    def check(value: Any) -> list[Any]:
        if not isinstance(value, list):
            raise ValidationError("must be a list")
        result = []
        for index, entry in enumerate(value):
            try:
                checked = item(entry)
            except ValidationError as exc:
                raise ValidationError(str(exc), f"[{index}]{exc.where}") from None
            if unique and checked in result:
                raise ValidationError("repeats an earlier entry", f"[{index}]")
            result.append(checked)
        return result

    return check


def a_date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            result = date.fromisoformat(value)
        except ValueError:
            pass
        else:
            # fromisoformat also takes week dates (2026-W47-5) and compact forms.
            if result.isoformat() == value:
                return result
        raise ValidationError("must be a date YYYY-MM-DD")
    raise ValidationError("must be a date YYYY-MM-DD")


def a_datetime(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(microsecond=0, tzinfo=None)
    if isinstance(value, str):
        try:
            result = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            # Only the plain local form: no time zone, no fractions, no week dates.
            if result.tzinfo is None and result.isoformat() == value:
                return result
        raise ValidationError("must be a date and time YYYY-MM-DDTHH:MM:SS")
    raise ValidationError("must be a date and time YYYY-MM-DDTHH:MM:SS")


def schedule(value: Any) -> dict[str, dict[str, str]]:
    if not isinstance(value, dict):
        raise ValidationError("must be an object of weekdays")
    result: dict[str, dict[str, str]] = {}
    for day in vocab.WEEKDAYS:
        if day not in value:
            continue
        entry = value[day]
        if not isinstance(entry, dict):
            raise ValidationError("must be an object", f".{day}")
        unknown = set(entry) - {"where", "hours"}
        if unknown:
            raise ValidationError("unknown key", f".{day}.{sorted(unknown)[0]}")
        if "where" not in entry:
            raise ValidationError("missing", f".{day}.where")
        try:
            where = one_of(vocab.WHERE)(entry["where"])
        except ValidationError as exc:
            raise ValidationError(str(exc), f".{day}.where") from None
        day_entry = {"where": where}
        if "hours" in entry:
            try:
                day_entry["hours"] = text(entry["hours"])
            except ValidationError as exc:
                raise ValidationError(str(exc), f".{day}.hours") from None
        result[day] = day_entry
    unknown_days = set(value) - set(vocab.WEEKDAYS)
    if unknown_days:
        raise ValidationError("unknown key (weekdays are mon-sun)", f".{sorted(unknown_days)[0]}")
    return result


ANSWER: dict[str, Check] = {"text": text}
ASK: dict[str, Check] = {
    "title": text,
    "details": text,
    "priority": one_of(vocab.PRIORITIES),
    "fallback": text,
    "importance": rating,
    "resistance": rating,
    "draft": flag,
}
OFFER: dict[str, Check] = {"title": text, "details": text}
OBJECTION: dict[str, Check] = {
    "text": text,
    "theme": one_of(vocab.THEMES),
    "likelihood": rating,
    "response": text,
    "origin": one_of(vocab.ORIGINS),
    "library_key": lambda v: v if v is None else text(v),
    "draft": flag,
}
REHEARSAL: dict[str, Check] = {"at": a_datetime, "confidence": rating, "seconds": count}
ENDORSEMENT: dict[str, Check] = {
    "author": text,
    "relationship": one_of(vocab.RELATIONSHIPS),
    "date": a_date,
    "quote": text,
    "speaks_to": list_of(one_of(vocab.SPEAKS_TO), unique=True),
    "shareable": flag,
}
EVIDENCE: dict[str, Check] = {
    "kind": one_of(vocab.EVIDENCE_KINDS),
    "title": text,
    "details": text,
    "source": text,
    "unit": text,
    "before": number,
    "before_label": text,
    "after": number,
    "after_label": text,
    "higher_is_better": flag,
}
PLAN: dict[str, Check] = {
    "schedule": schedule,
    "trial_weeks": weeks,
    "trial_start": a_date,
    "checkin": one_of(vocab.CHECKINS, optional=True),
    "success_measures": list_of(text),
    "coverage": text,
    "communication": text,
    "core_hours": text,
    "response_time": text,
    "escalation": text,
    "alternatives": list_of(one_of(vocab.ALTERNATIVES), unique=True),
    "review_date": a_date,
}
MEETING: dict[str, Check] = {
    "at": a_datetime,
    "timing_notes": text,
    "timing_checks": list_of(text, unique=True),
    "talking_points": list_of(text),
    "notes": text,
    "outcome": one_of(vocab.OUTCOMES),
    "next_steps": list_of(text),
}
TRIAL_LOG: dict[str, Check] = {"date": a_date, "text": text}
REQUEST: dict[str, Check] = {"proposed_start": a_date, "previous_request": a_date}
WORKBOOK: dict[str, Check] = {
    "name": text,
    "scenario": one_of(vocab.SCENARIOS),
    "manager": text,
    "notes": text,
    "walk_away": text,
}


def clean(spec: dict[str, Check], fields: dict[str, Any]) -> dict[str, Any]:
    """Validate ``fields`` against ``spec``; raise naming the first bad field."""
    result = {}
    for key, value in fields.items():
        if key not in spec:
            raise ValidationError(f"{key}: unknown field")
        try:
            result[key] = spec[key](value)
        except ValidationError as exc:
            raise ValidationError(f"{key}{exc.where}: {exc}") from None
    return result


#: Ranked item kinds (by model name): field rules.
ITEMS: dict[str, dict[str, Check]] = {
    "Ask": ASK,
    "Offer": OFFER,
    "Objection": OBJECTION,
    "Endorsement": ENDORSEMENT,
    "Evidence": EVIDENCE,
    "TrialLogEntry": TRIAL_LOG,
}
#: One-per-workbook parts (by model name): field rules.
PARTS: dict[str, dict[str, Check]] = {
    "Plan": PLAN,
    "Meeting": MEETING,
    "FormalRequest": REQUEST,
}
