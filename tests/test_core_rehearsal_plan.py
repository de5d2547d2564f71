"""The schedule to the meeting day: at least twice each, the weakest most, the last on the eve."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from flexprep.core.rehearsal_plan import due_on, plan, spread, still_to_do

TODAY = date(2026, 3, 2)
MEETING = date(2026, 3, 12)


def objection(ident: int, *ratings: int, last: date = TODAY - timedelta(days=3)) -> dict[str, Any]:
    at = datetime(last.year, last.month, last.day, 9)
    rehearsals = [
        {"at": (at - timedelta(days=len(ratings) - i)).isoformat(), "confidence": r}
        for i, r in enumerate(ratings, 1)
    ]
    return {"id": ident, "text": f"objection {ident}", "rehearsals": rehearsals}


def test_the_weakest_get_most_and_the_last_is_on_the_eve() -> None:
    items = [objection(1), objection(2, 2), objection(3, 5), objection(4, 4, 5, 5)]
    dues = {due.objection_id: due for due in plan(items, TODAY, MEETING)}
    assert [dues[i].remaining for i in (1, 2, 3, 4)] == [4, 3, 1, 0]
    assert dues[1].next_date == TODAY  # never rehearsed: now
    assert dues[3].next_date == MEETING - timedelta(days=1)  # ready: once more, on the eve
    assert dues[4].next_date == MEETING  # rehearsed enough
    assert due_on(list(dues.values()), TODAY) == 2
    assert due_on(list(dues.values()), MEETING - timedelta(days=1)) == 3


def test_rehearsals_are_spread_with_growing_gaps_up_to_the_eve() -> None:
    days = spread(4, TODAY, MEETING - timedelta(days=1))
    gaps = [(b - a).days for a, b in zip(days, days[1:], strict=False)]
    assert days[0] == TODAY and days[-1] == MEETING - timedelta(days=1)
    assert gaps == sorted(gaps) and all(gap >= 0 for gap in gaps)
    assert spread(3, TODAY, TODAY) == [TODAY] * 3  # the meeting is tomorrow: all today


def test_rehearsed_today_is_next_due_tomorrow() -> None:
    dues = plan([objection(1, 1, last=TODAY)], TODAY, MEETING)
    assert dues[0].next_date == TODAY + timedelta(days=1)


def test_without_a_meeting_date_the_interval_follows_confidence() -> None:
    last = TODAY - timedelta(days=2)
    items = [objection(1), objection(2, 2, last=last), objection(3, 5, last=last)]
    for meeting in (None, TODAY - timedelta(days=1)):
        dues = [due.next_date for due in plan(items, TODAY, meeting)]
        assert dues == [TODAY, TODAY, last + timedelta(days=7)]


def test_objections_without_text_are_left_out() -> None:
    assert plan([{"id": 1, "text": "  ", "rehearsals": []}], TODAY, MEETING) == []


@given(st.lists(st.integers(1, 5), max_size=8))
def test_every_objection_is_rehearsed_at_least_twice_and_shaky_ones_again(
    ratings: list[int],
) -> None:
    item = objection(1, *ratings)
    remaining = still_to_do(item)
    assert len(ratings) + remaining >= 2
    if not ratings or ratings[-1] < 4:
        assert remaining >= 1
    due = plan([item], TODAY, MEETING)[0]
    assert TODAY <= due.next_date <= MEETING
