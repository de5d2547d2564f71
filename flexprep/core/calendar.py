"""The workbook's dates as an iCalendar file (RFC 5545) for the user's own calendar.

The file holds the meeting, each trial check-in, the trial's last day, the review (on
the day it was held once it has been, with its decision), the arrangement's next review,
the date the employer must answer by (:func:`flexprep.core.law.answer_by`) and, where the
law sets one, the last day to appeal a refusal. Calendars are often visible to
colleagues, so the events carry only what a manager may read (dates, the manager's
name, the proposal title, the law's deadlines, the review's decision), never private
preparation.

Times: the meeting is stored as the local clock time the user typed. It is written in
the machine's own IANA time zone (with its VTIMEZONE, so Outlook, Google Calendar and
GNOME Calendar place it right across a daylight-saving change); when that zone cannot
be told, as *floating* local time, which every calendar shows at the same clock time.
A fixed UTC offset is never used: taken today, it would put a meeting after the next
clock change an hour out. Every other event is a whole day.

Each event's UID is stable (the workbook's name and the event's role, e.g. the second
check-in), so importing the file again updates the events instead of doubling them.
``icalendar`` is imported only when a file is made.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any, NamedTuple

from flexprep.core import fields, law, schedule, vocab
from flexprep.core.errors import FlexPrepError
from flexprep.core.files import atomic_write_bytes
from flexprep.core.schedule import iso_day

PRODID = "-//FlexPrep//FlexPrep flexible working request//EN"
#: The meeting's length when nothing says otherwise.
MEETING_MINUTES = 60


class NothingToExportError(FlexPrepError):
    """The workbook has no date to put in a calendar."""


class Event(NamedTuple):
    """One calendar entry.

    Attributes:
        role: what it is, unique in the workbook (``meeting``, ``checkin-2``,
            ``trial-end``, ``review``, ``next-review``, ``answer-by``, ``appeal-by``);
            part of the UID.
        summary: the title shown in the calendar.
        day: the day (all-day events) or the meeting's date.
        at: the meeting's local clock time; None for an all-day event.
        description: a line or two of detail ("" for none).
    """

    role: str
    summary: str
    day: date
    at: datetime | None = None
    description: str = ""


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip()).replace(tzinfo=None)
    except ValueError:
        return None


def _inner(wb: Mapping[str, Any]) -> Mapping[str, Any]:
    inner = wb.get("workbook")
    return inner if isinstance(inner, dict) and "format" in wb else wb


def events(wb: Mapping[str, Any]) -> list[Event]:
    """The workbook's dated events, in date order (the file format's ``workbook``)."""
    book = _inner(wb)
    plan = fields.read_record(fields.PLAN, book.get(fields.PLAN.key))
    meeting = fields.read_record(fields.MEETING, book.get(fields.MEETING.key))
    request = fields.read_record(fields.REQUEST, book.get(fields.REQUEST.key))
    manager = str(book.get("manager") or "").strip()
    title = str(book.get("proposal_title") or "").strip()
    found: list[Event] = []

    at = _moment(meeting["at"])
    if at is not None:
        timed = isinstance(meeting["at"], str) and (
            "T" in meeting["at"] or " " in meeting["at"].strip()
        )
        found.append(
            Event(
                "meeting",
                f"Flexible working meeting with {manager}"
                if manager
                else "Flexible working meeting",
                at.date(),
                at if timed else None,
                title,
            )
        )

    start = iso_day(plan["trial_start"])
    weeks = plan["trial_weeks"] or None
    checkins = schedule.checkin_dates(start, weeks, plan["checkin"] or None)
    for number, day in enumerate(checkins, start=1):
        found.append(
            Event(
                f"checkin-{number}",
                f"Trial check-in {number} of {len(checkins)}",
                day,
                description=vocab.CHECKINS.get(plan["checkin"], ""),
            )
        )
    end = schedule.trial_end(start, weeks)
    if end is not None:
        found.append(
            Event(
                "trial-end",
                "Flexible working trial: last day",
                end,
                description=f"{weeks}-week trial from {law.long_date(start)}" if start else "",
            )
        )
    found.extend(_review_events(plan, book))

    rules = law.rules_for(book)
    if rules is not None:
        due = law.answer_by(rules, request["sent_on"])
        if due is not None:
            sent = iso_day(request["sent_on"])
            cite = f" ({rules.statute.short_cite})" if rules.statute.short_cite else ""
            found.append(
                Event(
                    "answer-by",
                    "Answer due on my flexible working request",
                    due,
                    description=(f"Sent on {law.long_date(sent)}. " if sent else "")
                    + f"{rules.decision_period.summary} Law as of "
                    f"{law.long_date(rules.law_as_of)}{cite}.",
                )
            )
        refusal = meeting["refusal"]
        appeal = (
            law.appeal_by(rules, refusal["decided_on"])
            if (meeting["outcome"] == "declined")
            else None
        )
        if appeal is not None and rules.appeal_window is not None:
            found.append(
                Event(
                    "appeal-by",
                    "Last day to appeal the flexible working decision",
                    appeal,
                    description=rules.appeal_window.summary,
                )
            )
    found.sort(key=lambda event: (event.day, event.at or datetime.min))
    return found


def _review_events(plan: Mapping[str, Any], book: Mapping[str, Any]) -> list[Event]:
    """The trial review (on the day it was held, else the day planned), with its
    decision once made, and the next review the arrangement gets."""
    review = fields.read_record(fields.TRIAL_REVIEW, book.get(fields.TRIAL_REVIEW.key))
    held = iso_day(review["held_on"])
    decision = vocab.REVIEW_DECISIONS.get(review["decision"] or "", "")
    found: list[Event] = []
    day = held or iso_day(plan["review_date"])
    if day is not None:
        found.append(
            Event(
                "review",
                "Flexible working trial review" + (" (held)" if held else ""),
                day,
                description=f"Decision: {decision}." if held and decision else "",
            )
        )
    following = iso_day(review["next_review"])
    if following is not None:
        found.append(
            Event(
                "next-review",
                "Flexible working arrangement: next review",
                following,
                description=(
                    f"Set at the trial review on {law.long_date(held)}"
                    + (f" ({decision.lower()})." if decision else ".")
                    if held
                    else ""
                ),
            )
        )
    return found


# --- the machine's time zone ------------------------------------------------------------------


def machine_zone() -> tzinfo | None:
    """The machine's IANA time zone, or None when it cannot be told for sure.

    Tried in turn: ``TZ``, the ``/etc/localtime`` link (Linux, macOS), ``/etc/timezone``
    (Debian). A name is used only if it agrees with the machine's offset now.
    """
    from zoneinfo import ZoneInfo

    names: list[str] = []
    if os.environ.get("TZ"):
        names.append(os.environ["TZ"].lstrip(":"))
    try:
        link = os.readlink("/etc/localtime")
    except OSError:
        link = ""
    if "zoneinfo/" in link:
        names.append(link.split("zoneinfo/", 1)[1])
    with contextlib.suppress(OSError, UnicodeDecodeError):
        names.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    now = datetime.now().astimezone()
    for name in filter(None, names):
        try:
            zone = ZoneInfo(name)
        except (ValueError, OSError, KeyError):  # ZoneInfoNotFoundError is a KeyError
            continue
        if now.astimezone(zone).utcoffset() == now.utcoffset():
            return zone
    return None


# --- the file ----------------------------------------------------------------------------------


def _uid(wb: Mapping[str, Any], role: str) -> str:
    name = str(_inner(wb).get("name") or "")
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{role}-{digest}@flexprep"


def to_ics(
    wb: Mapping[str, Any], *, zone: tzinfo | None | str = "machine", now: datetime | None = None
) -> bytes:
    """The RFC 5545 text of the workbook's :func:`events`.

    Args:
        zone: the meeting's time zone; ``"machine"`` (default) asks
            :func:`machine_zone`; None writes floating local time.
        now: the DTSTAMP (default: now, in UTC).

    Raises:
        NothingToExportError: the workbook has no date to put in a calendar.
    """
    found = events(wb)
    if not found:
        raise NothingToExportError(
            "nothing to put in a calendar: the workbook has no meeting "
            "time, trial, review or answer-by date"
        )
    import icalendar

    tz = machine_zone() if zone == "machine" else zone
    if isinstance(tz, str):
        raise ValueError(f"zone: not a time zone: {tz!r}")
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Flexible working request")
    for item in found:
        event = icalendar.Event()
        event.add("uid", _uid(wb, item.role))
        event.add("dtstamp", stamp)
        event.add("summary", item.summary)
        if item.at is not None:
            start = item.at.replace(tzinfo=tz) if tz is not None else item.at
            event.add("dtstart", start)
            event.add("dtend", start + timedelta(minutes=MEETING_MINUTES))
        else:
            event.add("dtstart", item.day)
            # 31 December 9999 has no next day: a one-day event needs no end.
            with contextlib.suppress(OverflowError):
                event.add("dtend", item.day + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        if item.description:
            event.add("description", item.description)
        calendar.add_component(event)
    timed = [item.at for item in found if item.at is not None]
    if tz is not None and timed:
        # Only the years around the meeting: the whole 1970-2038 history is 3 kB of
        # daylight-saving dates no calendar needs.
        first = date(max(timed[0].year - 1, 1), 1, 1)
        last = date(min(timed[-1].year + 2, 9999), 1, 1)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return bytes(calendar.to_ical())


def write_ics(wb: Mapping[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write :func:`to_ics` to ``path`` atomically and return the path."""
    return atomic_write_bytes(Path(path), to_ics(wb))
