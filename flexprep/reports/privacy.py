"""The one place that decides what a manager may read.

:func:`manager_view` is an allow-list: it builds a new workbook from the fields that
DESIGN.md lists as shareable and nothing else. A field added to the domain model later
stays private until someone adds it here on purpose, so it cannot leak into a
manager-facing document by being forgotten in one section.
"""

from __future__ import annotations

from typing import Any

from flexprep.core import vocab
from flexprep.reports.model import Workbook, normalise


def _shareable_asks(asks: list[dict[str, Any]]) -> list[dict[str, str]]:
    # Must-haves first, each group in rank order; the labels themselves stay private.
    ordered = sorted(asks, key=lambda ask: (ask["priority"] != "must", ask["position"]))
    return [{"title": ask["title"], "details": ask["details"]} for ask in ordered]


def manager_view(wb: dict[str, Any]) -> Workbook:
    """Return a copy of ``wb`` holding only what may be shown to the manager.

    Removed: the self-assessment (except ``business_case``); each ask's priority,
    fallback, importance, expected resistance and draft flag; the walk-away position;
    objections with their responses, rehearsals and evidence links; endorsements not
    marked shareable; the meeting's timing notes, talking points, notes and timing
    checks; the workbook notes. The trial log is left out too: it is the user's own
    record and no manager-facing document uses it.
    """
    full = normalise(wb)
    plan, meeting = full["plan"], full["meeting"]
    return {
        "name": full["name"],
        "scenario": full["scenario"],
        "manager": full["manager"],
        "self_assessment": {
            key: text
            for key, text in full["self_assessment"].items()
            if key in vocab.SHAREABLE_PROMPT_KEYS
        },
        "asks": _shareable_asks(full["asks"]),
        "offers": [dict(offer) for offer in full["offers"]],
        "endorsements": [
            {
                "author": item["author"],
                "relationship": item["relationship"],
                "date": item["date"],
                "quote": item["quote"],
                "speaks_to": list(item["speaks_to"]),
                "shareable": True,
            }
            for item in full["endorsements"]
            if item["shareable"]
        ],
        "evidence": [dict(item) for item in full["evidence"]],
        "plan": {
            **plan,
            "schedule": {day: dict(entry) for day, entry in plan["schedule"].items()},
            "success_measures": list(plan["success_measures"]),
            "alternatives": list(plan["alternatives"]),
        },
        "meeting": {
            "at": meeting["at"],
            "outcome": meeting["outcome"],
            "next_steps": list(meeting["next_steps"]),
        },
        "request": dict(full["request"]),
    }
