"""The readiness panel reminds the user when the trial review (or the next one) comes."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from flexprep.core.readiness import readiness
from flexprep.core.trial_review import review_due, review_reminder


def _book(**review: Any) -> dict[str, Any]:
    return {"name": "x", "plan": {"review_date": "2027-03-08"}, "trial_review": review}


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2027, 2, 20), ""),
        (date(2027, 3, 5), "The trial review is in 3 days (8 March 2027)"),
        (date(2027, 3, 8), "The trial review is today: record the results and the decision"),
        (
            date(2027, 3, 20),
            "The trial review was due on 8 March 2027: record the results and the decision",
        ),
    ],
)
def test_the_first_review_falls_on_the_plans_review_date(today: date, expected: str) -> None:
    assert review_reminder(_book(), today) == expected


def test_once_held_the_next_review_is_what_counts() -> None:
    held = _book(held_on="2027-03-08", decision="adjust", next_review="2027-06-07")
    assert review_due(held) == date(2027, 6, 7)
    assert review_reminder(held, date(2027, 3, 20)) == ""
    assert review_reminder(held, date(2027, 6, 7)).startswith(
        "The next review of the arrangement is today"
    )
    ended = _book(held_on="2027-03-08", decision="end", next_review="2027-06-07")
    assert review_due(ended) is None and review_reminder(ended, date(2027, 6, 7)) == ""


def test_the_reminder_is_in_the_readiness_list_and_links_to_the_review() -> None:
    items = readiness(_book(), date(2027, 3, 9))
    found = [item for item in items if item.key == "trial_review"]
    assert len(found) == 1
    assert (found[0].tab, found[0].anchor) == ("meeting", "review")
    assert "was due on 8 March 2027" in found[0].text
    assert not [i for i in readiness(_book(), date(2027, 1, 1)) if i.key == "trial_review"]
