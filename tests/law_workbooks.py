"""Workbooks whose formal request is complete under each jurisdiction (no Qt, no database).

Each is the full test workbook (``tests/fixtures/full_workbook_v2.json``, a complete
Great Britain request) with what its jurisdiction also asks for: a circumstance and
reasons in Australia, a remote-working location and reasons in Ireland, and so on.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

FULL = Path(__file__).resolve().parent / "fixtures" / "full_workbook_v2.json"
JURISDICTIONS = ("gb", "ni", "ie", "au", "nz", "other")
#: The day the letters are made in the tests.
TODAY = date(2026, 11, 30)
SENT_ON = "2026-12-04"

_EXTRA: dict[str, dict[str, Any]] = {
    "gb": {},
    "ni": {},
    "ie": {
        "circumstance": "remote",
        "reason": "I do my analysis work best without the commute.",
        "location": "My home office in Galway, with a desk, fibre broadband and a lockable cabinet",
        "proposed_start": "2027-02-01",
    },
    "au": {
        "circumstance": "parent",
        "reason": "I collect my daughter from school at 15:30 on Tuesdays and Thursdays.",
    },
    "nz": {"permanent": True, "end_date": None},
    "other": {},
}


def complete(jurisdiction: str) -> dict[str, Any]:
    """A workbook (the file format's ``workbook`` object) with a complete request."""
    wb: dict[str, Any] = copy.deepcopy(json.loads(FULL.read_text(encoding="utf-8"))["workbook"])
    wb["request"].update({"jurisdiction": jurisdiction, "sent_on": SENT_ON, **_EXTRA[jurisdiction]})
    if jurisdiction == "ie":  # at least eight weeks' notice: the trial starts later too
        wb["plan"].update(trial_start="2027-02-01", review_date="2027-03-29")
    return wb


def envelope(wb: dict[str, Any]) -> dict[str, Any]:
    """The whole file for ``wb`` (for ``flexprep import``)."""
    return {"format": "flexprep.workbook", "version": 2, "workbook": wb}


def declined(jurisdiction: str, **refusal: Any) -> dict[str, Any]:
    """A complete request that was refused; ``refusal`` overrides the recorded refusal."""
    wb = complete(jurisdiction)
    wb["meeting"]["outcome"] = "declined"
    wb["meeting"]["refusal"] = {
        "reasons": "",
        "grounds": [],
        "decided_on": "2026-12-20",
        "meeting_held": True,
        **refusal,
    }
    return wb
