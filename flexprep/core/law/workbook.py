"""Reading a workbook tolerantly: a file-format dict or the documents' normalised view."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flexprep.core import fields, vocab
from flexprep.core.law.reading import rules
from flexprep.core.law.ruleset import Rules


def _inner(wb: Mapping[str, Any]) -> Mapping[str, Any]:
    inner = wb.get("workbook")
    return inner if isinstance(inner, dict) and "format" in wb else wb


def _part(wb: Mapping[str, Any], record: fields.Record) -> dict[str, Any]:
    return fields.read_record(record, wb.get(record.key))


def _filled(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def requested_asks(wb: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The asks the formal request covers (``in_request``), each read tolerantly."""
    raw = _inner(wb).get(fields.ASKS.key)
    asks = [fields.read_record(fields.ASKS, item) for item in raw or [] if isinstance(item, dict)]
    return [
        ask
        for ask in asks
        if ask["in_request"] is True and (_filled(ask["title"]) or _filled(ask["details"]))
    ]


def jurisdiction_of(wb: Mapping[str, Any]) -> str | None:
    """The chosen jurisdiction's key, or None when not chosen."""
    key = _part(_inner(wb), fields.REQUEST)["jurisdiction"]
    return key if key in vocab.JURISDICTIONS else None


def rules_for(wb: Mapping[str, Any]) -> Rules | None:
    """The rules of the workbook's jurisdiction, for its circumstance; None if not chosen."""
    key = jurisdiction_of(wb)
    if key is None:
        return None
    circumstance = _part(_inner(wb), fields.REQUEST)["circumstance"]
    return rules(key).for_circumstance(circumstance)


def short_name(found: Rules) -> str:
    """``Great Britain``, ``Australia`` ... (the rule set's name without its gloss)."""
    return found.name.split(" (", 1)[0]


def effect_answered(plan: Mapping[str, Any]) -> bool:
    """The plan says how the work would be covered (what NI and NZ ask the letter to say)."""
    return any(
        _filled(plan.get(key))
        for key in ("coverage", "communication", "response_time", "escalation")
    )
