"""The readiness list calls out the formal request's answer-by date when it is near or
past and no outcome is recorded (flexprep.core.readiness, on plain workbook dicts)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from flexprep.core.readiness import ANSWER_NEAR_DAYS, readiness


def _book(
    sent_on: str | None, outcome: str = "pending", jurisdiction: str = "gb"
) -> dict[str, Any]:
    return {
        "name": "Request",
        "meeting": {"outcome": outcome},
        "request": {"jurisdiction": jurisdiction, "sent_on": sent_on},
    }


def _answer(book: dict[str, Any], today: date) -> str | None:
    found = [item for item in readiness(book, today) if item.key == "answer_due"]
    assert len(found) <= 1
    if found:
        assert (found[0].tab, found[0].anchor) == ("meeting", "sent_on")
    return found[0].text if found else None


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 12, 5), None),  # two months ahead
        (date(2027, 1, 26), None),  # eight days ahead: not near yet
        (
            date(2027, 2, 3) - timedelta(days=ANSWER_NEAR_DAYS),
            "The answer to your formal request is due in 7 days (3 February 2027)",
        ),
        (date(2027, 2, 2), "The answer to your formal request is due in 1 day (3 February 2027)"),
        (date(2027, 2, 3), "The answer to your formal request is due today"),
        (
            date(2027, 2, 4),
            "The answer to your formal request was due by 3 February 2027, 1 day ago",
        ),
        (
            date(2027, 3, 1),
            "The answer to your formal request was due by 3 February 2027, 26 days ago",
        ),
    ],
)
def test_the_answer_by_date_is_called_out_when_near_or_past(
    today: date, expected: str | None
) -> None:
    # Great Britain: two months beginning with 4 December end on 3 February.
    assert _answer(_book("2026-12-04"), today) == expected


def test_nothing_is_said_without_a_sending_date_a_deadline_or_once_answered() -> None:
    late = date(2027, 6, 1)
    assert _answer(_book(None), late) is None
    assert _answer(_book("2026-12-04", jurisdiction="other"), late) is None
    assert _answer({"name": "No request"}, late) is None
    for outcome in ("agreed", "trial", "declined"):
        assert _answer(_book("2026-12-04", outcome), late) is None
    assert _answer(_book("2026-12-04", "deferred"), late) is not None
    # Australia: 21 days after 4 December.
    assert _answer(_book("2026-12-04", jurisdiction="au"), date(2026, 12, 24)) == (
        "The answer to your formal request is due in 1 day (25 December 2026)"
    )
