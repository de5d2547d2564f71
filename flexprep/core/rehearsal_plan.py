"""When to rehearse each objection next, compressed to the meeting day.

No Qt. A simple rule rather than a spaced-repetition model such as FSRS: FSRS fits
memory over months from many reviews and schedules for retention at any future time,
while here the horizon is one known day, usually days or a few weeks away, with a
handful of ratings per objection. What matters is that every objection is said aloud
at least twice before the meeting, the shaky ones more, and the last time close to
the day. So:

- Each objection is due a number of rehearsals in all (:data:`TARGETS`, by its latest
  confidence: never rehearsed 4, shaky 5, ready 2); those still to do are the target
  less those done, but never fewer than one while it is below "confident" (4), nor
  fewer than two in all.
- The ones still to do are spread from today to the meeting day with growing gaps
  (1, 2, 4 ...: the expanding rehearsal that memory research favours), scaled to fit,
  the last on the eve of the meeting (or on the day itself when it is tomorrow).
- Without a meeting date, the next rehearsal follows the last one by
  :data:`INTERVALS` days (by confidence; never rehearsed: today).
- An objection rehearsed today is next due tomorrow at the earliest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from flexprep.core.rehearsal import CONFIDENT, _get, _moment, latest_rating

#: Rehearsals wanted in all before the meeting, by latest confidence (None: never).
TARGETS: dict[int | None, int] = {None: 4, 1: 5, 2: 4, 3: 3, 4: 2, 5: 2}
#: Days from the last rehearsal to the next when there is no meeting date.
INTERVALS: dict[int, int] = {1: 1, 2: 1, 3: 2, 4: 4, 5: 7}
AT_LEAST = 2


@dataclass(frozen=True)
class Due:
    """The next rehearsal of one objection, and how many are still planned."""

    objection_id: Any
    next_date: date
    remaining: int


def _last_day(objection: Any) -> date | None:
    moments = [_moment(_get(r, "at")) for r in _get(objection, "rehearsals") or []]
    return max(moments).date() if moments else None


def still_to_do(objection: Any) -> int:
    """Rehearsals still wanted before the meeting."""
    rating = latest_rating(objection)
    done = len(list(_get(objection, "rehearsals") or []))
    wanted = max(TARGETS[rating] - done, AT_LEAST - done, 0)
    if rating is None or rating < CONFIDENT:
        wanted = max(wanted, 1)
    return wanted


def spread(count: int, today: date, last: date) -> list[date]:
    """``count`` days from ``today`` to ``last`` with growing gaps, ``last`` included."""
    if count <= 0:
        return []
    span = max(0, (last - today).days)
    weights = [2**i for i in range(count - 1)]
    total = sum(weights) or 1
    days, used = [], 0.0
    for weight in weights:
        days.append(today + timedelta(days=int(round(used * span / total))))
        used += weight
    days.append(last)
    return days


def plan(objections: Sequence[Any], today: date, meeting: date | None) -> list[Due]:
    """Each objection's next rehearsal (objections without text are left out).

    Args:
        objections: file-format dicts or ORM rows with ``id``, ``text``, ``rehearsals``.
        meeting: the day of the meeting, or None when not set (or past).
    """
    out = []
    for objection in objections:
        if not str(_get(objection, "text", "") or "").strip():
            continue
        last = _last_day(objection)
        earliest = today + timedelta(days=1) if last is not None and last >= today else today
        remaining = still_to_do(objection)
        if meeting is not None and meeting > today:
            eve = max(earliest, meeting - timedelta(days=1))
            days = spread(remaining, earliest, eve) if remaining else []
            next_date = days[0] if days else meeting
        else:
            rating = latest_rating(objection)
            if rating is None or last is None:
                next_date = today
            else:
                next_date = max(earliest, last + timedelta(days=INTERVALS[rating]))
        out.append(Due(_get(objection, "id"), next_date, remaining))
    return out


def due_on(dues: Sequence[Due], day: date) -> int:
    """How many objections are due on ``day`` (or overdue by then)."""
    return sum(1 for due in dues if due.next_date <= day)


def due_today(objections: Sequence[Any], today: date, meeting: date | None) -> int:
    """How many objections are due for rehearsal on ``today`` (meeting past: no date)."""
    ahead = meeting if meeting is not None and meeting > today else None
    return due_on(plan(objections, today, ahead), today)


def due_in_workbook(data: dict[str, Any], today: date) -> int:
    """:func:`due_today` for a file-format workbook (its objections and meeting time)."""
    from flexprep.core.readiness import days_to_meeting

    try:
        days = days_to_meeting(data, today)
    except ValueError:  # a meeting time that is not a time: as if there were none
        days = None
    meeting = None if days is None else today + timedelta(days=days)
    return due_today(list(data.get("objections") or []), today, meeting)
