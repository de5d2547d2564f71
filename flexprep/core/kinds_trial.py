"""Kinds of value added for the living agreement: deliverables, alternative details, results.

Split from :mod:`flexprep.core.kinds` along the seam of the trial review (docs/design.md,
"One declaration per field"); each is a :class:`~flexprep.core.kinds.Kind` like any other.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from flexprep.core import validation as v
from flexprep.core import vocab
from flexprep.core.errors import ValidationError
from flexprep.core.kinds import Kind, object_list


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _loads(empty: Callable[[], Any]) -> Callable[[Any], Any]:
    return lambda value: empty() if value is None else json.loads(value)


#: What will be delivered: a text, by when (optional date) and to what standard.
DELIVERABLES = object_list(
    "list of deliverables",
    {"text": v.text, "due": v.a_date, "standard": v.text},
    "text",
    {"text": "", "due": None, "standard": ""},
)

#: The trial review's results: each success measure beside what came of it.
REVIEW_RESULTS = object_list(
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
