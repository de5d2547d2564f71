"""When the trial review is due (docs/design.md, "The trial review").

The first review falls on the plan's review date; once one is held, the next falls on
the review's own ``next_review`` date, unless the arrangement was ended.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from flexprep.core.schedule import iso_day

#: How far ahead the readiness panel starts to mention a review.
SOON = timedelta(days=7)


def review_due(data: dict[str, Any]) -> date | None:
    """The date of the next trial review of a workbook (inner file-format object)."""
    review = data.get("trial_review") or {}
    if iso_day(review.get("held_on")) is None:
        return iso_day((data.get("plan") or {}).get("review_date"))
    if review.get("decision") == "end":
        return None
    return iso_day(review.get("next_review"))


def review_reminder(data: dict[str, Any], today: date) -> str:
    """A line for the readiness panel when a review is near or has come; "" otherwise."""
    due = review_due(data)
    if due is None or due - today > SOON:
        return ""
    held = iso_day((data.get("trial_review") or {}).get("held_on"))
    what = "next review of the arrangement" if held else "trial review"
    when = f"{due.day} {due:%B} {due.year}"
    days = (due - today).days
    if days > 0:
        return f"The {what} is in {days} day{'s' if days != 1 else ''} ({when})"
    if days == 0:
        return f"The {what} is today: record the results and the decision"
    return f"The {what} was due on {when}: record the results and the decision"
