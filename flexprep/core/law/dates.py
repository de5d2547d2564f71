"""The law's deadlines: the answer-by date, a trial that outlasts it, the appeal's."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any, NamedTuple

from flexprep.core import fields, schedule
from flexprep.core.law.ruleset import Rules
from flexprep.core.law.workbook import _inner, _part, rules_for
from flexprep.core.schedule import iso_day


def answer_by(found: Rules, sent_on: date | str | None) -> date | None:
    """The last day the employer may answer a request it received on ``sent_on``.

    The request is taken to arrive the day it is sent (by hand or email; a posted letter
    starts the clock when it is delivered). None without a sending date, or where no
    deadline applies (``other``). Weekends and public holidays do not move the date.
    """
    received = iso_day(sent_on)
    period = found.decision_period
    if received is None or not (period.months or period.weeks or period.days):
        return None
    try:
        end = received
        if period.months:
            end = schedule.add_months(end, period.months)
        end += timedelta(weeks=period.weeks or 0, days=period.days or 0)
        # A period *beginning with* the day of receipt ends the day before the same
        # date; where that month has no such date (two months from 31 December), it
        # ends on the month's last day, which add_months has already given.
        if period.first_day_counts and end.day == received.day:
            end -= timedelta(days=1)
    except (OverflowError, ValueError):  # a sending date near the year 9999
        return None
    return end


def answer_by_for(wb: Mapping[str, Any]) -> date | None:
    """:func:`answer_by` for the workbook's own jurisdiction and sending date."""
    found = rules_for(wb)
    if found is None:
        return None
    return answer_by(found, _part(_inner(wb), fields.REQUEST)["sent_on"])


def trial_end(wb: Mapping[str, Any]) -> date | None:
    """The last day of the offered trial (``plan.trial_weeks`` from ``plan.trial_start``)."""
    plan = _part(_inner(wb), fields.PLAN)
    return schedule.trial_end(iso_day(plan["trial_start"]), plan["trial_weeks"] or None)


class Overrun(NamedTuple):
    """An offered trial that ends after the decision is due.

    ``extend_to`` is the date to propose extending the decision period to: the review
    date when it falls on or after the trial's end, else the trial's last day.
    """

    trial_end: date
    answer_by: date
    extend_to: date


def trial_outlasts(wb: Mapping[str, Any], received: date | None = None) -> Overrun | None:
    """The :class:`Overrun` when the offered trial ends after the answer-by date.

    The clock starts on ``request.sent_on``, or on ``received`` when given (a letter
    dated today because no sending date is set yet).
    """
    found = rules_for(wb)
    due = answer_by(found, received) if found is not None and received else answer_by_for(wb)
    end = trial_end(wb)
    if due is None or end is None or end <= due:
        return None
    review = iso_day(_part(_inner(wb), fields.PLAN)["review_date"])
    return Overrun(end, due, review if review is not None and review >= end else end)


def appeal_by(found: Rules, decided_on: date | str | None) -> date | None:
    """The last day for a statutory appeal against a refusal given on ``decided_on``.

    Only where the law sets one (Northern Ireland: 14 days after the written refusal);
    the refusal is taken to arrive the day it is dated.
    """
    day = iso_day(decided_on)
    if found.appeal_window is None or day is None:
        return None
    try:
        return day + timedelta(days=found.appeal_window.days)
    except OverflowError:
        return None


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """``3 February 2027`` (the documents' own format, without importing them)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
