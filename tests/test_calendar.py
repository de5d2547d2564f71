"""The calendar file (RFC 5545): built with icalendar and read back with it."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from law_workbooks import complete, declined
from reports_fixtures import PRIVATE_MARKERS, marked_workbook

from flexprep.core import calendar

STAMP = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
LONDON = ZoneInfo("Europe/London")


def parse(payload: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(payload)


def by_role(cal: icalendar.Calendar) -> dict[str, Any]:
    return {str(event["UID"]).rsplit("-", 1)[0]: event for event in cal.walk("VEVENT")}


def test_the_workbook_dates_become_events() -> None:
    cal = parse(calendar.to_ics(complete("gb"), zone=LONDON, now=STAMP))
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]) == calendar.PRODID
    events = by_role(cal)
    assert sorted(events) == [
        "answer-by",
        "checkin-1",
        "checkin-2",
        "checkin-3",
        "meeting",
        "next-review",
        "review",
        "trial-end",
    ]
    meeting = events["meeting"]
    assert str(meeting["SUMMARY"]) == "Flexible working meeting with Dana Okafor"
    start = meeting.decoded("DTSTART")
    assert start == datetime(2026, 12, 3, 10, 0, tzinfo=LONDON)
    assert meeting.decoded("DTEND") - start == timedelta(minutes=60)
    assert meeting["DTSTART"].params["TZID"] == "Europe/London"
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/London"]
    # Whole days: the answer-by date, the check-ins, the trial's last day, the review.
    assert events["answer-by"].decoded("DTSTART") == date(2027, 2, 3)
    assert events["answer-by"].decoded("DTEND") == date(2027, 2, 4)
    assert "Law as of 30 November 2026" in str(events["answer-by"]["DESCRIPTION"])
    assert events["trial-end"].decoded("DTSTART") == date(2027, 3, 7)
    assert events["review"].decoded("DTSTART") == date(2027, 3, 8)
    # None after the trial's last day (8 March is the review, not a fourth check-in).
    assert [events[f"checkin-{n}"].decoded("DTSTART") for n in range(1, 4)] == [
        date(2027, 1, 25),
        date(2027, 2, 8),
        date(2027, 2, 22),
    ]
    for event in events.values():
        assert event.decoded("DTSTAMP") == STAMP
        assert "UID" in event and "SUMMARY" in event


def test_the_trial_review_and_the_next_review_are_in_the_calendar() -> None:
    wb = complete("gb")
    # Planned for 8 March; held on the 9th, renewed with changes, next looked at in June.
    wb["trial_review"].update(held_on="2027-03-09", decision="adjust", next_review="2027-06-07")
    events = by_role(parse(calendar.to_ics(wb, zone=LONDON, now=STAMP)))
    review = events["review"]
    assert str(review["SUMMARY"]) == "Flexible working trial review (held)"
    assert review.decoded("DTSTART") == date(2027, 3, 9)  # the day it was held
    assert str(review["DESCRIPTION"]) == "Decision: Renew with changes."
    following = events["next-review"]
    assert str(following["SUMMARY"]) == "Flexible working arrangement: next review"
    assert following.decoded("DTSTART") == date(2027, 6, 7)
    assert following.decoded("DTEND") == date(2027, 6, 8)
    assert str(following["TRANSP"]) == "TRANSPARENT"
    assert str(following["DESCRIPTION"]) == (
        "Set at the trial review on 9 March 2027 (renew with changes)."
    )
    # The review's conditions and results stay out: a calendar is often shared.
    payload = calendar.to_ics(wb, zone=LONDON, now=STAMP).decode()
    assert "Tuesday moves to the office" not in payload and "95 %" not in payload
    # Not held yet: the review stays on the day planned, and no next review is set.
    wb["trial_review"] = {"held_on": None, "results": [], "decision": None}
    events = by_role(parse(calendar.to_ics(wb, zone=LONDON, now=STAMP)))
    assert str(events["review"]["SUMMARY"]) == "Flexible working trial review"
    assert events["review"].decoded("DTSTART") == date(2027, 3, 8)
    assert "DESCRIPTION" not in events["review"] and "next-review" not in events
    # A next review alone is enough for a calendar.
    bare = {"name": "Later", "trial_review": {"next_review": "2027-09-01"}}
    (only,) = by_role(parse(calendar.to_ics(bare, zone=None, now=STAMP))).values()
    assert only.decoded("DTSTART") == date(2027, 9, 1) and "DESCRIPTION" not in only


def test_uids_are_unique_and_stable() -> None:
    first = by_role(parse(calendar.to_ics(complete("gb"), zone=None)))
    again = by_role(
        parse(calendar.to_ics(complete("gb"), zone=None, now=STAMP + timedelta(days=3)))
    )
    assert {str(e["UID"]) for e in first.values()} == {str(e["UID"]) for e in again.values()}
    assert len({str(e["UID"]) for e in first.values()}) == len(first)
    other = complete("gb")
    other["name"] = "Another negotiation"
    uids = {str(e["UID"]) for e in by_role(parse(calendar.to_ics(other, zone=None))).values()}
    assert not uids & {str(e["UID"]) for e in first.values()}


def test_floating_time_when_the_zone_is_unknown() -> None:
    payload = calendar.to_ics(complete("gb"), zone=None, now=STAMP)
    assert b"DTSTART:20261203T100000\r\n" in payload  # no Z, no TZID: local clock time
    assert b"VTIMEZONE" not in payload
    start = by_role(parse(payload))["meeting"].decoded("DTSTART")
    assert start == datetime(2026, 12, 3, 10, 0) and start.tzinfo is None


def test_a_date_only_meeting_is_a_whole_day() -> None:
    wb = complete("other")
    wb["meeting"]["at"] = "2026-12-03"
    events = by_role(parse(calendar.to_ics(wb, zone=LONDON)))
    assert events["meeting"].decoded("DTSTART") == date(2026, 12, 3)
    assert "answer-by" not in events  # no deadline for a request under no statute


def test_the_appeal_date_where_the_law_sets_one() -> None:
    events = by_role(parse(calendar.to_ics(declined("ni"), zone=None)))
    assert events["appeal-by"].decoded("DTSTART") == date(2027, 1, 3)  # 14 days
    assert events["answer-by"].decoded("DTSTART") == date(2027, 1, 15)
    assert "appeal-by" not in by_role(parse(calendar.to_ics(declined("gb"), zone=None)))
    pending = complete("ni")  # no refusal: no appeal date
    assert "appeal-by" not in by_role(parse(calendar.to_ics(pending, zone=None)))


def test_nothing_to_export() -> None:
    with pytest.raises(calendar.NothingToExportError, match="nothing to put in a calendar"):
        calendar.to_ics({"name": "empty"})


def test_no_private_material_in_the_calendar() -> None:
    wb = marked_workbook()
    payload = calendar.to_ics(wb, zone=None).decode("utf-8").lower()
    for marker in PRIVATE_MARKERS.values():
        assert marker not in payload


def test_odd_values_are_tolerated() -> None:
    wb = {
        "name": "Odd \x00 \U0001f600",
        "manager": "Dana\nWhitfield",
        "meeting": {"at": "yesterday"},
        "plan": {"trial_start": "2027-13-01", "trial_weeks": "8", "review_date": "9999-12-31"},
    }
    events = by_role(parse(calendar.to_ics(wb, zone=None)))
    assert list(events) == ["review"]
    assert events["review"].decoded("DTSTART") == date(9999, 12, 31)


@pytest.fixture
def tz_env() -> Iterator[None]:
    before = os.environ.get("TZ")
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_the_machine_zone_is_an_iana_zone(tz_env: None) -> None:
    os.environ["TZ"] = "Australia/Sydney"
    time.tzset()
    assert calendar.machine_zone() == ZoneInfo("Australia/Sydney")
    os.environ["TZ"] = ":Europe/London"
    time.tzset()
    assert calendar.machine_zone() == ZoneInfo("Europe/London")
    # An offset that names no zone: floating time rather than a guess.
    os.environ["TZ"] = "XYZ-3"
    time.tzset()
    zone = calendar.machine_zone()
    assert zone is None or zone.utcoffset(datetime.now()) == timedelta(hours=3)


def test_write_ics_is_atomic_and_private(tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    target.write_bytes(b"old")
    assert calendar.write_ics(complete("au"), target) == target
    assert parse(target.read_bytes())["PRODID"] == calendar.PRODID
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.ics"]
