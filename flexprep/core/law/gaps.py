"""What the formal letter still lacks under its jurisdiction (the export gate and the
window's checklist)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from flexprep.core import fields, vocab
from flexprep.core.law.ruleset import Rules
from flexprep.core.law.workbook import (
    _filled,
    _inner,
    _part,
    effect_answered,
    requested_asks,
    rules_for,
    short_name,
)
from flexprep.core.schedule import iso_day


class Missing(NamedTuple):
    """One element the formal letter lacks.

    Attributes:
        key: the rule set's ``must_contain`` key, or ``jurisdiction``, ``name`` (the
            sender) or ``manager`` (the addressee), which every letter needs.
        label: a plain phrase for a one-line message or a checklist.
        field: where to fix it: ``request.proposed_start``, ``asks[].in_request`` ...
    """

    key: str
    label: str
    field: str


JURISDICTION = Missing(
    "jurisdiction", "where you work (which law the request is made under)", "request.jurisdiction"
)
_CHANGE = Missing(
    "change_requested",
    "the change you are asking for (mark the asks the request covers)",
    "asks[].in_request",
)
_START = Missing("proposed_start", "proposed start date", "request.proposed_start")
_PREVIOUS = Missing(
    "previous_requests",
    'earlier requests (say "none" if there were none)',
    "request.previous_requests",
)
_PERMANENT = Missing(
    "duration", "whether the change is permanent or for a set period", "request.permanent"
)
_END = Missing("duration", "the end date of the temporary change", "request.end_date")
_REASONS = Missing("reasons", "your reasons for asking", "request.reason")
_LOCATION = Missing("location", "where you would work remotely", "request.location")
_EFFECT = Missing(
    "effect_on_employer",
    "the effect on your employer and how it could be handled (cover and communication in the plan)",
    "plan.coverage",
)
_NAME = Missing("name", "your name (Who I am)", "about.name")
_MANAGER = Missing("manager", "your manager's name", "manager")


def _circumstance_missing(found: Rules, circumstance: str | None) -> Missing | None:
    if not found.who_may_ask.circumstances_required:
        return None
    if circumstance and found.circumstance(circumstance) is not None:
        return None
    label = "the circumstance your request rests on"
    if circumstance:
        label = (
            f"a circumstance the law of {short_name(found)} lists (not \u201c"
            f"{vocab.CIRCUMSTANCES.get(circumstance, circumstance)}\u201d)"
        )
    return Missing("circumstance", label, "request.circumstance")


def missing(wb: Mapping[str, Any]) -> list[Missing]:
    """What the formal request letter of ``wb`` lacks under its jurisdiction, in letter order.

    ``wb`` is the file format's ``workbook`` object (or the whole file, or the documents'
    normalised view). An empty list means the letter is complete. Without a jurisdiction
    only what every letter needs is checked, after the jurisdiction itself.
    """
    book = _inner(wb)
    request = _part(book, fields.REQUEST)
    about = _part(book, fields.ABOUT)
    plan = _part(book, fields.PLAN)
    found = rules_for(book)
    result: list[Missing] = []
    if found is None:
        result.append(JURISDICTION)
    if not requested_asks(book):
        result.append(_CHANGE)
    if found is not None:
        if found.requires("proposed_start") and iso_day(request["proposed_start"]) is None:
            result.append(_START)
        if found.requires("previous_requests") and request["previous_requests"] is None:
            result.append(_PREVIOUS)
        if found.requires("duration") and request["permanent"] is None:
            result.append(_PERMANENT)
    if request["permanent"] is False and iso_day(request["end_date"]) is None:
        result.append(_END)
    if found is not None:
        gap = _circumstance_missing(found, request["circumstance"])
        if gap is not None:
            result.append(gap)
        if (
            found.requires("location")
            and request["circumstance"] == "remote"
            and not _filled(request["location"])
        ):
            result.append(_LOCATION)
        if found.requires("reasons") and not _filled(request["reason"]):
            result.append(_REASONS)
        if found.requires("effect_on_employer") and not effect_answered(plan):
            result.append(_EFFECT)
    if not _filled(about["name"]):
        result.append(_NAME)
    if not _filled(book.get("manager")):
        result.append(_MANAGER)
    return result


def missing_line(gaps: list[Missing]) -> str:
    """``the letter is not complete: proposed start date, ...`` (one line)."""
    return "the letter is not complete: " + ", ".join(gap.label for gap in gaps)
