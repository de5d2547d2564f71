"""Checks of single values; fields (:mod:`flexprep.core.fields`) choose among them."""

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


def key_text(value: Any) -> str:
    """A short key such as a refusal ground (``extra_costs``)."""
    text(value)
    if not value or len(value) > 64 or not value.replace("_", "").isalnum():
        raise ValidationError("must be a key such as extra_costs")
    return str(value)


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
