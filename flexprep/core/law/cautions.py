"""Timing facts the law makes worth a warning in the window (they never stop a letter)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any, NamedTuple

from flexprep.core import fields
from flexprep.core.law.dates import answer_by, long_date, trial_outlasts
from flexprep.core.law.workbook import _inner, _part, rules_for, short_name
from flexprep.core.schedule import iso_day


class Caution(NamedTuple):
    """Something worth knowing before sending, which does not stop the letter.

    ``key``: ``trial_outlasts``, ``short_notice``, ``service``, ``too_many`` or
    ``overdue``; ``field`` is where to look.
    """

    key: str
    text: str
    field: str


def cautions(wb: Mapping[str, Any], today: date | None = None) -> list[Caution]:
    """Timing facts the law makes worth a warning, for the workbook as it stands."""
    book = _inner(wb)
    found = rules_for(book)
    if found is None:
        return []
    today = today or date.today()
    request = _part(book, fields.REQUEST)
    sent = iso_day(request["sent_on"])
    result: list[Caution] = []
    overrun = trial_outlasts(book)
    if overrun is not None:
        result.append(
            Caution(
                "trial_outlasts",
                f"The trial ends on {long_date(overrun.trial_end)}, after the answer is due "
                f"({long_date(overrun.answer_by)}): the letter proposes extending the decision "
                f"period in writing to {long_date(overrun.extend_to)}.",
                "plan.trial_weeks",
            )
        )
    notice = found.notice_weeks
    start = iso_day(request["proposed_start"])
    if notice and start is not None and start < (sent or today) + timedelta(weeks=notice):
        result.append(
            Caution(
                "short_notice",
                f"{short_name(found)}: the start date should "
                f"be at least {notice} weeks after the request is sent.",
                "request.proposed_start",
            )
        )
    weeks = found.who_may_ask.min_service_weeks
    since = iso_day(_part(book, fields.ABOUT)["employed_since"])
    if weeks and since is not None and since + timedelta(weeks=weeks) > (sent or today):
        result.append(
            Caution(
                "service",
                f"{short_name(found)}: a statutory request needs "
                f"{weeks} weeks' service with the employer (from "
                f"{long_date(since + timedelta(weeks=weeks))}).",
                "about.employed_since",
            )
        )
    limit = found.who_may_ask.requests_per_12_months
    earlier = [
        day
        for day in (iso_day(item) for item in request["previous_requests"] or [])
        if day is not None
    ]
    base = sent or today
    recent = [day for day in earlier if base - timedelta(days=365) < day <= base]
    if limit and len(recent) >= limit:
        result.append(
            Caution(
                "too_many",
                f"{short_name(found)}: at most {limit} statutory "
                f"request{'s' if limit != 1 else ''} in 12 months; you have made "
                f"{len(recent)}.",
                "request.previous_requests",
            )
        )
    due = answer_by(found, sent)
    outcome = _part(book, fields.MEETING)["outcome"]
    if due is not None and today > due and outcome in ("pending", "deferred"):
        result.append(
            Caution("overdue", f"The answer was due by {long_date(due)}.", "request.sent_on")
        )
    return result
