"""The deadline clock: when the employer must answer a formal request, and how long is left."""

from __future__ import annotations

from datetime import date

from flexprep.core import law
from flexprep.core.readiness import ANSWER_NEAR_DAYS as NEAR_DAYS
from flexprep.ui.widgets.dates import long_date


def deadline_text(rules: law.Rules | None, sent_on: date | None, today: date) -> str:
    """One line for the clock: ``Answer due by Thu 4 Feb 2027: 65 days left``.

    Says what is missing instead when no date can be worked out: where the user works,
    the sending date, or a law that sets no deadline.
    """
    if rules is None:
        return "Choose where you work to see when the answer is due."
    if not rules.statutory:
        return "No law sets a deadline for this request: ask for an answer by a date."
    if sent_on is None:
        period = rules.decision_period.words
        return (
            f"Once you send it, your employer has {period} to answer. "
            "Set the date you send it to start the clock."
        )
    due = law.answer_by(rules, sent_on)
    if due is None:
        return "The answer-by date cannot be worked out from that sending date."
    days = (due - today).days
    if days > 1:
        left = f"{days} days left"
    elif days == 1:
        left = "1 day left (tomorrow)"
    elif days == 0:
        left = "due today"
    else:
        left = f"passed {-days} day{'s' if days < -1 else ''} ago"
    return f"Answer due by {long_date(due)}: {left}"


def deadline_state(rules: law.Rules | None, sent_on: date | None, today: date) -> str:
    """``""`` (nothing to say), ``ok``, ``near`` (within ``ANSWER_NEAR_DAYS``) or ``passed``."""
    if rules is None or sent_on is None:
        return ""
    due = law.answer_by(rules, sent_on)
    if due is None:
        return ""
    days = (due - today).days
    if days < 0:
        return "passed"
    return "near" if days <= NEAR_DAYS else "ok"
