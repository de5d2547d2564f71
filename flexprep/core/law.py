"""The law of flexible working requests, per jurisdiction (docs/design.md, "The formal
request and the law").

The facts live in ``resources/law/<key>.json``, one cited rule set per jurisdiction
(see ``resources/law/README.md``); this module reads them into typed :class:`Rules` and
computes from a workbook what the law asks of the request:

- :func:`missing`: what a formal letter still lacks (the export gate and the window's
  checklist), each item naming the field to fix;
- :func:`answer_by`: the date the employer must answer by, counted from receipt;
- :func:`trial_outlasts`: whether an offered trial ends after that date;
- :func:`appeal_by` and :func:`refusal_flags`: what applies after a refusal.

Everything here reads the workbook tolerantly (a file-format dict or the documents'
normalised view) and never imports Qt or the reports.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date, timedelta
from functools import cache
from typing import Any, NamedTuple

from flexprep.core import fields, schedule, vocab
from flexprep.core.content import resource_dir

#: The jurisdictions with a rule set, in the order the window offers them.
KEYS: tuple[str, ...] = tuple(vocab.JURISDICTIONS)

#: ``must_contain`` keys the letter meets by being what it is: written, dated (the
#: sending date, else the day it is made) and, where a statute applies, saying so.
MET_BY_THE_LETTER = frozenset({"in_writing", "dated", "states_statutory"})
#: ``must_contain`` keys that depend on what the user entered.
FROM_THE_WORKBOOK = frozenset(
    {
        "change_requested",
        "proposed_start",
        "previous_requests",
        "duration",
        "reasons",
        "circumstance",
        "location",
        "name",
        "effect_on_employer",
    }
)
#: Where the refusal grounds are a closed list in the statute (a refusal must name one).
#: Australia's are examples of reasonable business grounds; Ireland has no list (README).
CLOSED_GROUNDS = frozenset({"gb", "ni", "nz"})


# --- the rule set ---------------------------------------------------------------------


class Source(NamedTuple):
    """A cited source: ``id`` is what the facts point to (``S1``, ``A3`` ...)."""

    id: str
    title: str
    publisher: str
    url: str
    text_as_of: str
    read_on: str
    confirmed: bool
    note: str


class Statute(NamedTuple):
    """What the letter cites; all None for ``other`` (a request under no statute)."""

    title: str | None
    section: str | None
    short_cite: str | None
    source: str | None


class Item(NamedTuple):
    """One keyed, labelled, cited fact: a required element, a ground, a circumstance."""

    key: str
    label: str
    source: str | None


class Eligibility(NamedTuple):
    """Who may ask, and how often."""

    summary: str
    min_service_weeks: int | None
    requests_per_12_months: int | None
    circumstances_required: bool
    source: str | None


class DecisionPeriod(NamedTuple):
    """How long the employer has to answer, counted from the day it receives the request.

    ``first_day_counts``: the period *begins with* the day of receipt (GB: two months
    beginning with that day end the day before the same date two months later);
    otherwise it runs *after* that day (within 21 days after, one month after ...).
    """

    summary: str
    months: int | None
    weeks: int | None
    days: int | None
    counted_from: str | None
    first_day_counts: bool
    extendable: str | None
    source: str | None

    @property
    def words(self) -> str:
        """``two months``, ``4 weeks``, ``21 days``; "" when no period applies."""
        for amount, unit in ((self.months, "month"), (self.weeks, "week"), (self.days, "day")):
            if amount:
                number = _NUMBERS.get(amount, str(amount)) if unit == "month" else str(amount)
                return f"{number} {unit}{'s' if amount != 1 else ''}"
        return ""


_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 6: "six"}


class Consultation(NamedTuple):
    summary: str
    required: bool
    source: str | None


class Step(NamedTuple):
    """A step open to the employee after a refusal (``appeal``, ``wrc_complaint`` ...)."""

    step: str
    text: str
    source: str | None


class AppealWindow(NamedTuple):
    """A statutory time limit for the employee's appeal (Northern Ireland: 14 days)."""

    days: int
    counted_from: str
    summary: str
    source: str | None


class PendingChange(NamedTuple):
    summary: str
    expected: str
    source: str | None
    confirmed: bool


class Rules(NamedTuple):
    """One jurisdiction's rule set, as ``resources/law/<key>.json`` states it."""

    key: str
    name: str
    law_as_of: date
    statute: Statute
    letter_title: str
    statutory_statement: str
    who_may_ask: Eligibility
    circumstances: tuple[Item, ...]
    must_contain: tuple[Item, ...]
    decision_period: DecisionPeriod
    consultation: Consultation
    grounds: tuple[Item, ...]
    reasonable_refusal_required: bool
    after_refusal: tuple[Step, ...]
    appeal_window: AppealWindow | None
    notice_weeks: int | None
    pending_changes: tuple[PendingChange, ...]
    sources: tuple[Source, ...]
    unconfirmed: tuple[str, ...]
    variants: Mapping[str, Mapping[str, Any]]

    @property
    def statutory(self) -> bool:
        """The request is made under a statute (every jurisdiction but ``other``)."""
        return self.statute.short_cite is not None

    def requires(self, key: str) -> bool:
        """The law asks the request to contain ``key`` (a ``must_contain`` key)."""
        return any(item.key == key for item in self.must_contain)

    def requirement(self, key: str) -> Item | None:
        return next((item for item in self.must_contain if item.key == key), None)

    def ground(self, key: str) -> Item | None:
        return next((item for item in self.grounds if item.key == key), None)

    def circumstance(self, key: str) -> Item | None:
        return next((item for item in self.circumstances if item.key == key), None)

    def source(self, source_id: str | None) -> Source | None:
        return next((item for item in self.sources if item.id == source_id), None)

    def step(self, step: str) -> Step | None:
        return next((item for item in self.after_refusal if item.step == step), None)

    @property
    def grounds_cite(self) -> str:
        """Where the refusal grounds are set out, for a sentence: ``section 80G of the
        Employment Rights Act 1996`` (from their source where it is a confirmed text of
        the law), else ``the Fair Work Act 2009 (Cth)``; "" under no statute."""
        first = self.source(self.grounds[0].source) if self.grounds else None
        if first is not None and first.confirmed:
            title = re.sub(r"\s*\([^()]*\)$", "", first.title)
            act, _, section = title.rpartition(", ")
            if act and re.match(r"(section|article|part) ", section, re.IGNORECASE):
                return f"{section} of the {act}"
        return f"the {self.statute.title}" if self.statute.title else ""

    @property
    def grounds_closed(self) -> bool:
        """A refusal must rest on one of :attr:`grounds` (a closed statutory list)."""
        return self.key in CLOSED_GROUNDS

    def for_circumstance(self, circumstance: str | None) -> Rules:
        """The rule set as it applies to a request resting on ``circumstance``.

        Ireland has two rights (remote working for anyone; flexible working for parents
        and carers) under different Acts: the variant gives the title, statement and
        statute of the one that applies. Elsewhere the rules are returned unchanged.
        """
        variant = self.variants.get(circumstance or "")
        if not variant:
            return self
        statute = variant.get("statute")
        return self._replace(
            letter_title=str(variant.get("letter_title", self.letter_title)),
            statutory_statement=str(variant.get("statutory_statement", self.statutory_statement)),
            statute=_statute(statute) if isinstance(statute, dict) else self.statute,
        )


class RulesError(ValueError):
    """A rule set file does not have the expected shape (a packaging or editing error)."""


def _str(raw: Mapping[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str):
        raise RulesError(f"{where}.{key}: must be text")
    return value


def _opt_str(raw: Mapping[str, Any], key: str, where: str) -> str | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise RulesError(f"{where}.{key}: must be text or null")
    return value


def _opt_int(raw: Mapping[str, Any], key: str, where: str) -> int | None:
    value = raw.get(key)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise RulesError(f"{where}.{key}: must be a whole number or null")
    return value


def _bool(raw: Mapping[str, Any], key: str, where: str, default: bool | None = None) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        raise RulesError(f"{where}.{key}: must be true or false")
    return value


def _obj(raw: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(raw, dict):
        raise RulesError(f"{where}: must be an object")
    return raw


def _objs(raw: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
    value = raw.get(key)
    if not isinstance(value, list):
        raise RulesError(f"{where}.{key}: must be a list")
    return [_obj(item, f"{where}.{key}[{index}]") for index, item in enumerate(value)]


def _statute(raw: Mapping[str, Any], where: str = "statute") -> Statute:
    return Statute(
        _opt_str(raw, "title", where),
        _opt_str(raw, "section", where),
        _opt_str(raw, "short_cite", where),
        _opt_str(raw, "source", where),
    )


def _items(raw: Mapping[str, Any], key: str) -> tuple[Item, ...]:
    return tuple(
        Item(_str(item, "key", key), _str(item, "label", key), _opt_str(item, "source", key))
        for item in _objs(raw, key, key)
    )


def parse(raw: Any) -> Rules:
    """A :class:`Rules` from the JSON of one rule set; :class:`RulesError` if malformed."""
    top = _obj(raw, "rules")
    key = _str(top, "key", "rules")
    try:
        as_of = date.fromisoformat(_str(top, "law_as_of", key))
    except ValueError:
        raise RulesError(f"{key}.law_as_of: must be an ISO date") from None
    who = _obj(top.get("who_may_ask"), f"{key}.who_may_ask")
    period = _obj(top.get("decision_period"), f"{key}.decision_period")
    consult = _obj(top.get("consultation"), f"{key}.consultation")
    window_raw = top.get("appeal_window")
    window = None
    if window_raw is not None:
        window_obj = _obj(window_raw, f"{key}.appeal_window")
        days = _opt_int(window_obj, "days", f"{key}.appeal_window")
        if not days:
            raise RulesError(f"{key}.appeal_window.days: must be a whole number")
        window = AppealWindow(
            days,
            _str(window_obj, "counted_from", "appeal_window"),
            _str(window_obj, "summary", "appeal_window"),
            _opt_str(window_obj, "source", "appeal_window"),
        )
    must = _items(top, "must_contain")
    unknown = {item.key for item in must} - MET_BY_THE_LETTER - FROM_THE_WORKBOOK
    if unknown:
        raise RulesError(f"{key}.must_contain: no check for {sorted(unknown)[0]!r}")
    variants = top.get("variants") or {}
    if not isinstance(variants, dict):
        raise RulesError(f"{key}.variants: must be an object")
    return Rules(
        key=key,
        name=_str(top, "name", key),
        law_as_of=as_of,
        statute=_statute(_obj(top.get("statute"), f"{key}.statute")),
        letter_title=_str(top, "letter_title", key),
        statutory_statement=_str(top, "statutory_statement", key),
        who_may_ask=Eligibility(
            _str(who, "summary", "who_may_ask"),
            _opt_int(who, "min_service_weeks", key),
            _opt_int(who, "requests_per_12_months", key),
            _bool(who, "circumstances_required", key),
            _opt_str(who, "source", key),
        ),
        circumstances=_items(top, "circumstances"),
        must_contain=must,
        decision_period=DecisionPeriod(
            _str(period, "summary", "decision_period"),
            _opt_int(period, "months", key),
            _opt_int(period, "weeks", key),
            _opt_int(period, "days", key),
            _opt_str(period, "counted_from", key),
            _bool(period, "first_day_counts", key, default=False),
            _opt_str(period, "extendable", key),
            _opt_str(period, "source", key),
        ),
        consultation=Consultation(
            _str(consult, "summary", "consultation"),
            _bool(consult, "required", key),
            _opt_str(consult, "source", key),
        ),
        grounds=_items(top, "grounds"),
        reasonable_refusal_required=_bool(top, "reasonable_refusal_required", key),
        after_refusal=tuple(
            Step(
                _str(item, "step", "after_refusal"),
                _str(item, "text", "after_refusal"),
                _opt_str(item, "source", "after_refusal"),
            )
            for item in _objs(top, "after_refusal", key)
        ),
        appeal_window=window,
        notice_weeks=_opt_int(
            _obj(top.get("notice_weeks") or {}, f"{key}.notice_weeks"),
            "weeks",
            f"{key}.notice_weeks",
        ),
        pending_changes=tuple(
            PendingChange(
                _str(item, "summary", "pending_changes"),
                _str(item, "expected", "pending_changes"),
                _opt_str(item, "source", "pending_changes"),
                _bool(item, "confirmed", "pending_changes"),
            )
            for item in _objs(top, "pending_changes", key)
        ),
        sources=tuple(
            Source(
                _str(item, "id", "sources"),
                _str(item, "title", "sources"),
                _str(item, "publisher", "sources"),
                _str(item, "url", "sources"),
                _str(item, "text_as_of", "sources"),
                _str(item, "read_on", "sources"),
                _bool(item, "confirmed", "sources"),
                _str(item, "note", "sources"),
            )
            for item in _objs(top, "sources", key)
        ),
        unconfirmed=tuple(str(text) for text in top.get("unconfirmed") or []),
        variants={name: dict(value) for name, value in variants.items() if isinstance(value, dict)},
    )


@cache
def rules(jurisdiction: str) -> Rules:
    """The rule set of ``jurisdiction`` (a key of :data:`vocab.JURISDICTIONS`).

    Raises:
        ValueError: not a known jurisdiction (or its file is malformed:
            :class:`RulesError`).
    """
    if jurisdiction not in vocab.JURISDICTIONS:
        raise ValueError(
            f"unknown jurisdiction {jurisdiction!r}: choose " + ", ".join(vocab.JURISDICTIONS)
        )
    path = resource_dir() / "law" / f"{jurisdiction}.json"
    with open(path, encoding="utf-8") as handle:
        loaded = parse(json.load(handle))
    if loaded.key != jurisdiction:
        raise RulesError(f"{path.name}: its key is {loaded.key!r}")
    return loaded


# --- reading a workbook tolerantly ------------------------------------------------------


def _inner(wb: Mapping[str, Any]) -> Mapping[str, Any]:
    inner = wb.get("workbook")
    return inner if isinstance(inner, dict) and "format" in wb else wb


def _part(wb: Mapping[str, Any], record: fields.Record) -> dict[str, Any]:
    return fields.read_record(record, wb.get(record.key))


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _filled(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def requested_asks(wb: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The asks the formal request covers (``in_request``), each read tolerantly."""
    raw = _inner(wb).get(fields.ASKS.key)
    asks = [fields.read_record(fields.ASKS, item) for item in raw or [] if isinstance(item, dict)]
    return [
        ask
        for ask in asks
        if ask["in_request"] is True and (_filled(ask["title"]) or _filled(ask["details"]))
    ]


def jurisdiction_of(wb: Mapping[str, Any]) -> str | None:
    """The chosen jurisdiction's key, or None when not chosen."""
    key = _part(_inner(wb), fields.REQUEST)["jurisdiction"]
    return key if key in vocab.JURISDICTIONS else None


def rules_for(wb: Mapping[str, Any]) -> Rules | None:
    """The rules of the workbook's jurisdiction, for its circumstance; None if not chosen."""
    key = jurisdiction_of(wb)
    if key is None:
        return None
    circumstance = _part(_inner(wb), fields.REQUEST)["circumstance"]
    return rules(key).for_circumstance(circumstance)


# --- what the letter still lacks ----------------------------------------------------------


class Missing(NamedTuple):
    """One element the formal letter lacks.

    Attributes:
        key: the rule set's ``must_contain`` key, or ``jurisdiction``, ``name`` (the
            sender) or ``manager`` (the addressee), which every letter needs.
        label: a plain phrase for a one-line message or a checklist.
        field: where to fix it: ``request.proposed_start``, ``asks[].in_request`` ...
    """

    key: str
    label: str
    field: str


JURISDICTION = Missing(
    "jurisdiction", "where you work (which law the request is made under)", "request.jurisdiction"
)
_CHANGE = Missing(
    "change_requested",
    "the change you are asking for (mark the asks the request covers)",
    "asks[].in_request",
)
_START = Missing("proposed_start", "proposed start date", "request.proposed_start")
_PREVIOUS = Missing(
    "previous_requests",
    'earlier requests (say "none" if there were none)',
    "request.previous_requests",
)
_PERMANENT = Missing(
    "duration", "whether the change is permanent or for a set period", "request.permanent"
)
_END = Missing("duration", "the end date of the temporary change", "request.end_date")
_REASONS = Missing("reasons", "your reasons for asking", "request.reason")
_LOCATION = Missing("location", "where you would work remotely", "request.location")
_EFFECT = Missing(
    "effect_on_employer",
    "the effect on your employer and how it could be handled (cover and communication in the plan)",
    "plan.coverage",
)
_NAME = Missing("name", "your name (Who I am)", "about.name")
_MANAGER = Missing("manager", "your manager's name", "manager")


def _circumstance_missing(found: Rules, circumstance: str | None) -> Missing | None:
    if not found.who_may_ask.circumstances_required:
        return None
    if circumstance and found.circumstance(circumstance) is not None:
        return None
    label = "the circumstance your request rests on"
    if circumstance:
        label = (
            f"a circumstance the law of {short_name(found)} lists (not \u201c"
            f"{vocab.CIRCUMSTANCES.get(circumstance, circumstance)}\u201d)"
        )
    return Missing("circumstance", label, "request.circumstance")


def short_name(found: Rules) -> str:
    """``Great Britain``, ``Australia`` ... (the rule set's name without its gloss)."""
    return found.name.split(" (", 1)[0]


def effect_answered(plan: Mapping[str, Any]) -> bool:
    """The plan says how the work would be covered (what NI and NZ ask the letter to say)."""
    return any(
        _filled(plan.get(key))
        for key in ("coverage", "communication", "response_time", "escalation")
    )


def missing(wb: Mapping[str, Any]) -> list[Missing]:
    """What the formal request letter of ``wb`` lacks under its jurisdiction, in letter order.

    ``wb`` is the file format's ``workbook`` object (or the whole file, or the documents'
    normalised view). An empty list means the letter is complete. Without a jurisdiction
    only what every letter needs is checked, after the jurisdiction itself.
    """
    book = _inner(wb)
    request = _part(book, fields.REQUEST)
    about = _part(book, fields.ABOUT)
    plan = _part(book, fields.PLAN)
    found = rules_for(book)
    result: list[Missing] = []
    if found is None:
        result.append(JURISDICTION)
    if not requested_asks(book):
        result.append(_CHANGE)
    if found is not None:
        if found.requires("proposed_start") and _day(request["proposed_start"]) is None:
            result.append(_START)
        if found.requires("previous_requests") and request["previous_requests"] is None:
            result.append(_PREVIOUS)
        if found.requires("duration") and request["permanent"] is None:
            result.append(_PERMANENT)
    if request["permanent"] is False and _day(request["end_date"]) is None:
        result.append(_END)
    if found is not None:
        gap = _circumstance_missing(found, request["circumstance"])
        if gap is not None:
            result.append(gap)
        if (
            found.requires("location")
            and request["circumstance"] == "remote"
            and not _filled(request["location"])
        ):
            result.append(_LOCATION)
        if found.requires("reasons") and not _filled(request["reason"]):
            result.append(_REASONS)
        if found.requires("effect_on_employer") and not effect_answered(plan):
            result.append(_EFFECT)
    if not _filled(about["name"]):
        result.append(_NAME)
    if not _filled(book.get("manager")):
        result.append(_MANAGER)
    return result


def missing_line(gaps: list[Missing]) -> str:
    """``the letter is not complete: proposed start date, ...`` (one line)."""
    return "the letter is not complete: " + ", ".join(gap.label for gap in gaps)


# --- dates ----------------------------------------------------------------------------------


def answer_by(found: Rules, sent_on: date | str | None) -> date | None:
    """The last day the employer may answer a request it received on ``sent_on``.

    The request is taken to arrive the day it is sent (by hand or email; a posted letter
    starts the clock when it is delivered). None without a sending date, or where no
    deadline applies (``other``). Weekends and public holidays do not move the date.
    """
    received = _day(sent_on)
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
    return schedule.trial_end(_day(plan["trial_start"]), plan["trial_weeks"] or None)


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
    review = _day(_part(_inner(wb), fields.PLAN)["review_date"])
    return Overrun(end, due, review if review is not None and review >= end else end)


def appeal_by(found: Rules, decided_on: date | str | None) -> date | None:
    """The last day for a statutory appeal against a refusal given on ``decided_on``.

    Only where the law sets one (Northern Ireland: 14 days after the written refusal);
    the refusal is taken to arrive the day it is dated.
    """
    day = _day(decided_on)
    if found.appeal_window is None or day is None:
        return None
    try:
        return day + timedelta(days=found.appeal_window.days)
    except OverflowError:
        return None


# --- after a refusal ----------------------------------------------------------------------


class Flag(NamedTuple):
    """Something the law says a refusal lacked.

    ``key``: ``no_ground`` (no statutory ground named), ``unknown_ground`` (a ground
    outside the closed list), ``no_reasons`` (no reasons given), ``no_meeting`` (no
    meeting or consultation where one is required) or ``late`` (decided after the
    answer-by date).
    """

    key: str
    text: str


def grounds_named(found: Rules, keys: list[str]) -> tuple[list[Item], list[str]]:
    """The recorded ground keys split into the rule set's grounds and the unknown ones."""
    known = [item for item in (found.ground(key) for key in keys) if item is not None]
    unknown = [key for key in keys if found.ground(key) is None]
    return known, unknown


def refusal_flags(
    found: Rules, refusal: Mapping[str, Any], sent_on: date | str | None
) -> list[Flag]:
    """What the law says the recorded refusal lacked (an empty list when nothing)."""
    grounds = [str(key) for key in refusal.get("grounds") or [] if isinstance(key, str)]
    reasons = refusal.get("reasons")
    flags: list[Flag] = []
    known, unknown = grounds_named(found, grounds)
    cite = found.grounds_cite
    if found.grounds_closed and not known:
        flags.append(
            Flag(
                "no_ground",
                "The decision does not name any of the grounds "
                f"{cite} allows for refusing a request.",
            )
        )
    elif found.reasonable_refusal_required and not known:
        flags.append(
            Flag(
                "no_ground",
                "The decision does not say which reasonable business grounds it rests on.",
            )
        )
    if found.grounds_closed and unknown:
        flags.append(
            Flag("unknown_ground", f"A reason recorded is not one of the grounds {cite} allows.")
        )
    if not _filled(reasons):
        flags.append(Flag("no_reasons", "The decision gives no reasons in writing."))
    if found.consultation.required and refusal.get("meeting_held") is False:
        flags.append(
            Flag(
                "no_meeting",
                "There was no meeting to discuss the request before "
                "it was refused, although the law requires one.",
            )
        )
    due, decided = answer_by(found, sent_on), _day(refusal.get("decided_on"))
    if due is not None and decided is not None and decided > due:
        flags.append(
            Flag(
                "late",
                f"The decision came on {long_date(decided)}, after "
                f"{long_date(due)}, the last day the law allowed.",
            )
        )
    return flags


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


# --- cautions for the window -----------------------------------------------------------------


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
    sent = _day(request["sent_on"])
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
    start = _day(request["proposed_start"])
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
    since = _day(_part(book, fields.ABOUT)["employed_since"])
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
        for day in (_day(item) for item in request["previous_requests"] or [])
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
