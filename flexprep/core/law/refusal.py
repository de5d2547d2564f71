"""After a refusal: what the law says the decision lacked."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, NamedTuple

from flexprep.core.law.dates import answer_by, long_date
from flexprep.core.law.ruleset import Item, Rules
from flexprep.core.law.workbook import _filled
from flexprep.core.schedule import iso_day


class Flag(NamedTuple):
    """Something the law says a refusal lacked.

    ``key``: ``no_ground`` (no statutory ground named), ``unknown_ground`` (a ground
    outside the closed list), ``no_reasons`` (no reasons given), ``no_meeting`` (no
    meeting or consultation where one is required) or ``late`` (decided after the
    answer-by date).
    """

    key: str
    text: str


def grounds_named(found: Rules, keys: list[str]) -> tuple[list[Item], list[str]]:
    """The recorded ground keys split into the rule set's grounds and the unknown ones."""
    known = [item for item in (found.ground(key) for key in keys) if item is not None]
    unknown = [key for key in keys if found.ground(key) is None]
    return known, unknown


def refusal_flags(
    found: Rules, refusal: Mapping[str, Any], sent_on: date | str | None
) -> list[Flag]:
    """What the law says the recorded refusal lacked (an empty list when nothing)."""
    grounds = [str(key) for key in refusal.get("grounds") or [] if isinstance(key, str)]
    reasons = refusal.get("reasons")
    flags: list[Flag] = []
    known, unknown = grounds_named(found, grounds)
    cite = found.grounds_cite
    if found.grounds_closed and not known:
        flags.append(
            Flag(
                "no_ground",
                "The decision does not name any of the grounds "
                f"{cite} allows for refusing a request.",
            )
        )
    elif found.reasonable_refusal_required and not known:
        flags.append(
            Flag(
                "no_ground",
                "The decision does not say which reasonable business grounds it rests on.",
            )
        )
    if found.grounds_closed and unknown:
        flags.append(
            Flag("unknown_ground", f"A reason recorded is not one of the grounds {cite} allows.")
        )
    if not _filled(reasons):
        flags.append(Flag("no_reasons", "The decision gives no reasons in writing."))
    if found.consultation.required and refusal.get("meeting_held") is False:
        flags.append(
            Flag(
                "no_meeting",
                "There was no meeting to discuss the request before "
                "it was refused, although the law requires one.",
            )
        )
    due, decided = answer_by(found, sent_on), iso_day(refusal.get("decided_on"))
    if due is not None and decided is not None and decided > due:
        flags.append(
            Flag(
                "late",
                f"The decision came on {long_date(decided)}, after "
                f"{long_date(due)}, the last day the law allowed.",
            )
        )
    return flags
