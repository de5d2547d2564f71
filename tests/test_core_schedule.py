"""Date and hour arithmetic of the plan (flexprep.core.schedule)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flexprep.core.schedule import (
    checkin_dates,
    format_hours,
    hours_problem,
    hours_valid,
    parse_hours,
    range_hours,
    trial_end,
    weekly_hours,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08:00-16:30", (480, 990)),
        (" 8:00 – 12:15 ", (480, 735)),
        ("22:00-06:00", (1320, 360)),
        ("09:00-24:00", (540, 1440)),
        ("08:00-08:00", None),
        ("8-5", None),
        ("24:00-01:00", None),
        ("", None),
    ],
)
def test_parse_hours(text: str, expected: tuple[int, int] | None) -> None:
    assert parse_hours(text) == expected


def test_range_hours_counts_a_shift_past_midnight() -> None:
    assert range_hours("22:00-06:00") == 8
    assert range_hours("08:00-16:30") == 8.5
    assert range_hours("nonsense") == 0


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("08:00-16:30", ""),
        ("", ""),
        ("   ", ""),
        ("8-5", "e.g. 08:00-16:30"),
        ("09:00 to 17:00", "start-end"),
        ("25:00-26:00", "out of range"),
        ("12:61-13:00", "out of range"),
        ("08:00-08:00", "the same"),
        ("08:00-24:30", "24:00 is the latest end"),
    ],
)
def test_hours_problem_says_what_is_wrong(text: str, words: str) -> None:
    problem = hours_problem(text)
    assert (words in problem) if words else problem == ""
    assert hours_valid(text) == (problem == "")


def test_weekly_hours_by_place() -> None:
    schedule = {
        "mon": {"where": "office", "hours": "08:00-17:30"},
        "tue": {"where": "remote", "hours": "08:00-16:30"},
        "wed": {"where": "flexible"},
        "thu": {"where": "remote", "hours": "bad"},
        "sat": {"where": "off", "hours": "10:00-12:00"},
    }
    assert weekly_hours(schedule) == {"office": 9.5, "remote": 8.5, "flexible": 0.0, "total": 18.0}
    assert weekly_hours({}) == {"office": 0.0, "remote": 0.0, "flexible": 0.0, "total": 0.0}


@pytest.mark.parametrize(
    ("hours", "text"),
    [(0, "0 h"), (8, "8 h"), (7.5, "7 h 30"), (41.25, "41 h 15"), (38.999, "39 h")],
)
def test_format_hours(hours: float, text: str) -> None:
    assert format_hours(hours) == text


def test_trial_end_is_the_last_day() -> None:
    assert trial_end(date(2027, 1, 11), 8) == date(2027, 3, 7)
    assert trial_end(date(2027, 1, 11), 1) == date(2027, 1, 17)
    assert trial_end(None, 8) is None
    assert trial_end(date(2027, 1, 11), None) is None
    assert trial_end(date(9999, 12, 1), 104) is None


def test_checkin_dates_for_each_cadence() -> None:
    start = date(2027, 1, 11)
    # The trial runs Mon 11 Jan to Sun 7 Mar: a fourth fortnight would be 8 March.
    assert checkin_dates(start, 8, "biweekly") == [
        date(2027, 1, 25),
        date(2027, 2, 8),
        date(2027, 2, 22),
    ]
    assert len(checkin_dates(start, 8, "weekly")) == 7
    assert checkin_dates(date(2027, 1, 6), 8, "biweekly")[-1] == date(2027, 2, 17)
    assert checkin_dates(start, 8, "monthly") == [date(2027, 2, 11)]
    assert checkin_dates(start, 9, "monthly") == [date(2027, 2, 11), date(2027, 3, 11)]
    assert checkin_dates(start, 8, None) == []
    assert checkin_dates(None, 8, "weekly") == []


def test_monthly_checkins_do_not_drift_after_a_short_month() -> None:
    dates = checkin_dates(date(2027, 1, 31), 20, "monthly")
    assert dates[:4] == [date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30), date(2027, 5, 31)]


def test_no_checkin_falls_after_the_trial_ends() -> None:
    start = date(2027, 1, 11)  # a Monday; eight weeks end on Sunday 7 March
    end = trial_end(start, 8)
    for cadence in ("weekly", "biweekly", "monthly"):
        assert max(checkin_dates(start, 8, cadence)) <= end == date(2027, 3, 7)
    # A month-long trial from the 31st: the first monthly date (28 Feb) is past its end.
    assert checkin_dates(date(2027, 1, 31), 4, "monthly") == []
    assert checkin_dates(date(2027, 1, 1), 5, "monthly") == [date(2027, 2, 1)]


def test_checkins_near_the_end_of_the_calendar_stop_quietly() -> None:
    assert checkin_dates(date(9999, 11, 1), 8, "monthly") == [date(9999, 12, 1)]
    assert checkin_dates(date(9999, 12, 31), 1, "weekly") == []


@given(
    start=st.dates(min_value=date(1990, 1, 1), max_value=date(2190, 1, 1)),
    weeks=st.integers(1, 104),
    cadence=st.sampled_from(["weekly", "biweekly", "monthly"]),
)
def test_checkins_fall_inside_the_trial_in_order(start: date, weeks: int, cadence: str) -> None:
    end = trial_end(start, weeks)
    assert end is not None and (end - start).days == weeks * 7 - 1
    dates = checkin_dates(start, weeks, cadence)
    assert dates == sorted(set(dates))
    assert all(start < day <= end for day in dates)
    if cadence == "weekly":
        assert len(dates) == weeks - 1


def test_iso_day_reads_every_stored_or_imported_form_of_a_day() -> None:
    from datetime import datetime

    from flexprep.core.schedule import iso_day

    assert iso_day("2027-01-11") == date(2027, 1, 11)
    assert iso_day(" 2027-01-11T09:30:00 ") == date(2027, 1, 11)
    assert iso_day(date(2027, 1, 11)) == date(2027, 1, 11)
    moment = iso_day(datetime(2027, 1, 11, 9, 30))
    assert moment == date(2027, 1, 11) and type(moment) is date  # comparable with days
    for nothing in (None, "", "  ", "next Tuesday", "2027-13-01", 20270111, [], {}):
        assert iso_day(nothing) is None
