"""Rehearsal order, the session's clock and its summary (no Qt)."""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

from flexprep.core.readiness import readiness
from flexprep.core.rehearsal import (
    ASKING,
    DONE,
    REVEALED,
    Attempt,
    RehearsalSession,
    latest_rating,
    order_key,
    rehearsal_order,
)


def _objection(text: str, likelihood: int = 3, *ratings: tuple[str, int]) -> dict:
    return {
        "text": text,
        "likelihood": likelihood,
        "rehearsals": [{"at": at, "confidence": c, "seconds": 30} for at, c in ratings],
    }


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_never_rehearsed_first_then_least_confident_then_most_likely() -> None:
    objections = [
        _objection("confident", 5, ("2026-11-01T10:00:00", 5)),
        _objection("shaky but rare", 1, ("2026-11-01T10:00:00", 2)),
        _objection("new and unlikely", 1),
        _objection("shaky and likely", 5, ("2026-11-01T10:00:00", 2)),
        _objection("new and likely", 4),
    ]
    order = [objections[i]["text"] for i in rehearsal_order(objections)]
    assert order == [
        "new and likely",
        "new and unlikely",
        "shaky and likely",
        "shaky but rare",
        "confident",
    ]


def test_the_latest_rating_counts_not_the_best() -> None:
    improved = _objection("improved", 3, ("2026-11-01T10:00:00", 1), ("2026-11-09T10:00:00", 5))
    slipped = _objection("slipped", 3, ("2026-11-09T10:00:00", 2), ("2026-11-01T10:00:00", 5))
    assert latest_rating(improved) == 5
    assert latest_rating(slipped) == 2
    assert rehearsal_order([improved, slipped]) == [1, 0]


def test_same_time_ratings_take_the_last_listed() -> None:
    twice = _objection("twice", 3, ("2026-11-01T10:00:00", 2), ("2026-11-01T10:00:00", 4))
    assert latest_rating(twice) == 4
    again = _objection("again", 3, ("2026-11-01T10:00:00", 4), ("2026-11-01T10:00:00", 2))
    assert latest_rating(again) == 2


def test_same_time_rows_take_the_one_recorded_last_whatever_the_list_order() -> None:
    at = datetime(2026, 11, 1, 10, 0)
    rows = SimpleNamespace(
        rehearsals=[
            SimpleNamespace(id=7, at=at, confidence=5),
            SimpleNamespace(id=3, at=at, confidence=1),
            SimpleNamespace(id=5, at=at, confidence=2),
        ]
    )
    assert latest_rating(rows) == 5


def test_a_later_time_beats_a_later_place_and_a_higher_id() -> None:
    rows = SimpleNamespace(
        rehearsals=[
            SimpleNamespace(id=1, at=datetime(2026, 11, 2, 9, 0), confidence=3),
            SimpleNamespace(id=2, at=datetime(2026, 11, 1, 18, 0), confidence=5),
        ]
    )
    assert latest_rating(rows) == 3


def test_times_are_compared_as_times_not_as_text() -> None:
    # The same minute written three ways is a tie, so the last listed wins.
    same = {
        "rehearsals": [
            {"at": datetime(2026, 11, 1, 10, 0), "confidence": 1},
            {"at": "2026-11-01T10:00:00", "confidence": 2},
            {"at": "2026-11-01T10:00", "confidence": 3},
        ]
    }
    assert latest_rating(same) == 3
    # As text, 10:00+02:00 sorts after 09:30+00:00, yet it is half an hour earlier.
    zoned = {
        "rehearsals": [
            {"at": "2026-11-01T10:00:00+02:00", "confidence": 4},
            {"at": "2026-11-01T09:30:00+00:00", "confidence": 2},
        ]
    }
    assert latest_rating(zoned) == 2
    assert latest_rating({"rehearsals": []}) is None
    assert latest_rating({}) is None


def test_readiness_and_order_use_the_same_latest_rating() -> None:
    # Equal times: first rated 5, then 2. Both the order and readiness see the 2.
    tie = _objection(
        "Who covers Fridays?", 3, ("2026-11-01T10:00:00", 5), ("2026-11-01T10:00:00", 2)
    )
    tie["response"] = "Sam and I swap."
    data = {"objections": [tie], "meeting": {"at": "2026-11-05T10:00:00"}}
    weak = [item for item in readiness(data, date(2026, 11, 2)) if item.key == "weak"]
    assert len(weak) == 1 and "Who covers Fridays?" in weak[0].text
    assert latest_rating(tie) == 2
    assert order_key(tie)[:2] == (1, 2)


def test_order_accepts_rows_and_skips_blank_text() -> None:
    rows = [
        SimpleNamespace(
            text="rated",
            likelihood=3,
            rehearsals=[SimpleNamespace(at=datetime(2026, 11, 1), confidence=3)],
        ),
        SimpleNamespace(text="   ", likelihood=5, rehearsals=[]),
        SimpleNamespace(text="fresh", likelihood=2, rehearsals=[]),
    ]
    assert rehearsal_order(rows) == [2, 0]
    assert rehearsal_order([]) == []


def test_ties_keep_list_order() -> None:
    objections = [_objection(f"o{i}", 3) for i in range(5)]
    assert rehearsal_order(objections) == [0, 1, 2, 3, 4]


def test_session_counts_down_and_records_seconds_until_reveal() -> None:
    clock = FakeClock()
    session = RehearsalSession(["a", "b"], duration=60, clock=clock)
    assert session.current == "a" and session.phase == ASKING
    assert session.remaining() == 60
    clock.now += 12.4
    assert abs(session.remaining() - 47.6) < 1e-9
    assert not session.rate(3), "no rating before the reveal"
    assert session.reveal()
    assert session.phase == REVEALED and session.seconds == 12
    clock.now += 100
    assert session.elapsed() == 12, "the clock stops at the reveal"
    assert session.rate(2) and session.rate(3), "the rating may be changed"
    assert session.advance() == Attempt("a", 3, 12)
    assert session.current == "b" and session.phase == ASKING
    assert session.remaining() == 60, "each card starts a fresh countdown"


def test_countdown_runs_out_at_the_duration() -> None:
    clock = FakeClock()
    session = RehearsalSession(["a"], duration=5, clock=clock)
    clock.now += 4.9
    assert not session.expired()
    clock.now += 3
    assert session.expired() and session.remaining() == 0
    session.reveal()
    assert session.seconds == 5, "time past the countdown is not counted"


def test_skipping_and_ending_store_only_rated_cards() -> None:
    clock = FakeClock()
    session = RehearsalSession(["a", "b", "c"], duration=30, clock=clock)
    assert session.advance() is None, "skipped before the reveal"
    session.reveal()
    assert session.advance() is None, "revealed but not rated"
    session.reveal()
    clock.now += 3
    session.rate(4)
    assert session.end() == Attempt("c", 4, 0)
    assert session.phase == DONE and session.current is None
    assert session.advance() is None and session.end() is None


def test_summary_counts_average_and_those_below_four() -> None:
    clock = FakeClock()
    session = RehearsalSession([1, 2, 3], duration=30, clock=clock)
    for rating in (2, 5, 3):
        session.reveal()
        session.rate(rating)
        session.advance()
    assert session.phase == DONE
    summary = session.summary()
    assert (summary.rehearsed, summary.total) == (3, 3)
    assert summary.average == 10 / 3
    assert summary.below == (1, 3)
    empty = RehearsalSession([], clock=clock)
    assert empty.phase == DONE and empty.summary().average is None
