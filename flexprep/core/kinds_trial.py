"""Kinds of value added for the living agreement: deliverables, alternative details, results.

Split from :mod:`flexprep.core.kinds` along the seam of the trial review (docs/design.md,
"One declaration per field"); each is a :class:`~flexprep.core.kinds.Kind` like any other.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from flexprep.core import validation as v
from flexprep.core import vocab
from flexprep.core.errors import ValidationError
from flexprep.core.kinds import Kind


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _objects(
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
        items = value if isinstance(value, list | tuple) else []
        found = []
        for entry in items:
            if isinstance(entry, dict):
                found.append({key: _as_text(entry.get(key)) for key in checks})
            elif entry is not None:
                found.append({key: _as_text(entry) if key == required else "" for key in checks})
        return found

    return Kind(name, check, tolerant, _loads(list), "JSON")


def _loads(empty: Callable[[], Any]) -> Callable[[Any], Any]:
    return lambda value: empty() if value is None else json.loads(value)


#: What will be delivered: a text, by when (optional date) and to what standard.
DELIVERABLES = _objects(
    "list of deliverables",
    {"text": v.text, "due": v.a_date, "standard": v.text},
    "text",
    {"text": "", "due": None, "standard": ""},
)

#: The trial review's results: each success measure beside what came of it.
REVIEW_RESULTS = _objects(
    "list of results",
    {"measure": v.text, "result": v.text},
    "measure",
    {"measure": "", "result": ""},
)


def _check_details(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValidationError("must be an object from an alternative to a line of text")
    result = {}
    for key, line in value.items():
        if key not in vocab.ALTERNATIVES:
            raise ValidationError(
                "unknown alternative (one of " + ", ".join(vocab.ALTERNATIVES) + ")", f".{key}"
            )
        try:
            result[key] = v.text(line)
        except ValidationError as exc:
            raise ValidationError(str(exc), f".{key}") from None
    # Kept in the vocabulary's order, so export writes the same file for equal data.
    return {key: result[key] for key in vocab.ALTERNATIVES if key in result}


def _tolerant_details(value: Any) -> dict[str, str]:
    raw = value if isinstance(value, dict) else {}
    return {
        key: _as_text(raw[key])
        for key in vocab.ALTERNATIVES
        if key in raw and raw[key] is not None and _as_text(raw[key])
    }


#: A line of detail per alternative (``{"phased_start": "Two days at home at first ..."}``).
ALTERNATIVE_DETAILS = Kind(
    "alternative details", _check_details, _tolerant_details, _loads(dict), "JSON"
)
