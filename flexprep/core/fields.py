"""Every field of a workbook, declared once (docs/design.md, "One declaration per field").

A field names its file-format key (also its column), its :class:`~flexprep.core.kinds.Kind`
(how it is checked, read and stored), its default and whether the manager may see it.
Everything else is derived from these declarations: the service's checks, the file
format's strict reading and its writing, duplication (which goes through the file
format), the documents' tolerant view (:func:`read_record`) and the manager's view
(:func:`shareable_record`). A field is private unless it says ``shareable=True``.
A test checks that the ORM models agree column by column.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any

from flexprep.core import kinds as k
from flexprep.core import kinds_trial as kt
from flexprep.core import validation as v
from flexprep.core import vocab


@dataclass(frozen=True)
class Field:
    """One field of a record.

    Attributes:
        key: the file-format key, the column and the attribute of the ORM model.
        kind: how the value is checked, read and stored.
        default: the file-format value when the key is absent.
        shareable: the manager may see it (manager-facing documents).
        omit_when_none: left out of an exported file when it holds null.
        required: a file must give it (no default applies).
        since: the file-format version that introduced it.
        only_in: the manager-facing documents it may appear in (empty: all of them).
    """

    key: str
    kind: k.Kind
    default: Any = None
    shareable: bool = False
    omit_when_none: bool = False
    required: bool = False
    since: int = 1
    only_in: tuple[str, ...] = ()

    def fresh_default(self) -> Any:
        """The default, as a new object when it is a list or an object."""
        return deepcopy(self.default)

    def read(self, raw: Mapping[str, Any]) -> Any:
        """The documents' reading of this field in ``raw``: never raises.

        A missing or malformed value reads as blank (no rating, empty text), except
        for choices and flags, which read as the field's default.
        """
        value = self.kind.tolerant(raw.get(self.key))
        if value is None and self.kind.defaulted:
            return self.kind.tolerant(self.default)
        return value


@dataclass(frozen=True)
class Record:
    """A group of fields stored together: the workbook's own, a ranked item, a part.

    Attributes:
        key: the key under the file's ``workbook`` object ("" for the workbook itself).
        table: the database table.
        model: the ORM class name.
        fields: the user's fields, in file order.
        many: a ranked list (asks, offers ...) rather than one per workbook.
        row_flag: a flag field that alone lets a row reach the manager.
    """

    key: str
    table: str
    model: str
    fields: tuple[Field, ...]
    many: bool = True
    row_flag: str | None = None
    _by_key: dict[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {f.key: f for f in self.fields})

    def __getitem__(self, key: str) -> Field:
        return self._by_key[key]

    def __iter__(self) -> Iterator[Field]:
        return iter(self.fields)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    @property
    def spec(self) -> dict[str, v.Check]:
        """Strict checks by key, for :func:`flexprep.core.validation.clean`."""
        return {f.key: f.kind.check for f in self.fields}

    def spec_for(self, version: int) -> dict[str, v.Check]:
        """The checks of the fields a file of format ``version`` may carry."""
        return {f.key: f.kind.check for f in self.fields if f.since <= version}

    @property
    def required_keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if f.required)

    @property
    def shareable_keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if f.shareable)


def _text(key: str, *, shareable: bool = False, since: int = 1) -> Field:
    return Field(key, k.TEXT, "", shareable, since=since)


WORKBOOK = Record(
    "",
    "workbook",
    "Workbook",
    (
        Field("name", k.TEXT, "", shareable=True, required=True),
        Field("scenario", k.choice(vocab.SCENARIOS), "other", shareable=True),
        Field("manager", k.TEXT, "", shareable=True),
        _text("notes"),
        _text("walk_away"),
        _text("manager_role", shareable=True, since=2),
        _text("proposal_title", shareable=True, since=2),
    ),
    many=False,
)

#: Who the user is: the sender of every manager-facing document.
ABOUT = Record(
    "about",
    "about",
    "About",
    (
        _text("name", shareable=True, since=2),
        _text("role", shareable=True, since=2),
        _text("team", shareable=True, since=2),
        _text("employer", shareable=True, since=2),
        _text("email", shareable=True, since=2),
        Field("employed_since", k.DATE, None, shareable=True, since=2),
    ),
    many=False,
)

#: The self-assessment: one text per prompt, stored as (key, text) rows.
ANSWERS = Record(
    "self_assessment",
    "answer",
    "Answer",
    tuple(_text(key, shareable=key in vocab.SHAREABLE_PROMPT_KEYS) for key in vocab.PROMPT_KEYS),
    many=False,
)

ASKS = Record(
    "asks",
    "ask",
    "Ask",
    (
        _text("title", shareable=True),
        _text("details", shareable=True),
        Field("priority", k.choice(vocab.PRIORITIES), "must"),
        _text("fallback"),
        Field("importance", k.RATING, 3),
        Field("resistance", k.RATING, 3),
        Field("draft", k.FLAG, False),
        Field("in_request", k.FLAG, False, shareable=True, since=2),
        Field("outcome", k.choice(vocab.ASK_OUTCOMES), "open", shareable=True, since=2),
        _text("outcome_note", shareable=True, since=2),
    ),
)

OFFERS = Record(
    "offers",
    "offer",
    "Offer",
    (
        _text("title", shareable=True),
        _text("details", shareable=True),
    ),
)

OBJECTIONS = Record(
    "objections",
    "objection",
    "Objection",
    (
        _text("text"),
        Field("theme", k.choice(vocab.THEMES), "other"),
        Field("likelihood", k.RATING, 3),
        Field("draft", k.FLAG, False),
        Field("origin", k.choice(vocab.ORIGINS), "user"),
        Field("library_key", k.OPTIONAL_TEXT, None, omit_when_none=True),
        _text("response"),
    ),
)

#: Rehearsals sit inside their objection (``objections[].rehearsals``).
REHEARSALS = Record(
    "rehearsals",
    "rehearsal",
    "Rehearsal",
    (
        Field("at", k.DATETIME, None, required=True),
        Field("confidence", k.RATING, None, required=True),
        Field("seconds", k.COUNT, 0),
    ),
)

ENDORSEMENTS = Record(
    "endorsements",
    "endorsement",
    "Endorsement",
    (
        _text("author", shareable=True),
        Field("relationship", k.choice(vocab.RELATIONSHIPS), "other", shareable=True),
        Field("date", k.DATE, None, shareable=True),
        _text("quote", shareable=True),
        Field("speaks_to", k.choices(vocab.SPEAKS_TO), [], shareable=True),
        Field("shareable", k.FLAG, False, shareable=True),
    ),
    row_flag="shareable",
)

EVIDENCE = Record(
    "evidence",
    "evidence",
    "Evidence",
    (
        Field("kind", k.choice(vocab.EVIDENCE_KINDS), "achievement", shareable=True),
        _text("title", shareable=True),
        _text("details", shareable=True),
        _text("source", shareable=True),
        _text("unit", shareable=True),
        Field("before", k.NUMBER, None, shareable=True),
        _text("before_label", shareable=True),
        Field("after", k.NUMBER, None, shareable=True),
        _text("after_label", shareable=True),
        Field("higher_is_better", k.FLAG, True, shareable=True),
    ),
)

PLAN = Record(
    "plan",
    "plan",
    "Plan",
    (
        Field("schedule", k.SCHEDULE, {}, shareable=True),
        Field("trial_weeks", k.WEEKS, None, shareable=True),
        Field("trial_start", k.DATE, None, shareable=True),
        Field("checkin", k.optional_choice(vocab.CHECKINS), None, shareable=True),
        Field("success_measures", k.TEXTS, [], shareable=True),
        _text("coverage", shareable=True),
        _text("communication", shareable=True),
        _text("core_hours", shareable=True),
        _text("response_time", shareable=True),
        _text("escalation", shareable=True),
        Field("alternatives", k.choices(vocab.ALTERNATIVES), [], shareable=True),
        Field("review_date", k.DATE, None, shareable=True),
        Field("current_schedule", k.SCHEDULE, {}, shareable=True, since=2),
        Field("deliverables", kt.DELIVERABLES, [], shareable=True, since=2),
        _text("async_guidelines", shareable=True, since=2),
        _text("time_zone", shareable=True, since=2),
        Field("alternative_details", kt.ALTERNATIVE_DETAILS, {}, shareable=True, since=2),
    ),
    many=False,
)

MEETING = Record(
    "meeting",
    "meeting",
    "Meeting",
    (
        Field("at", k.DATETIME, None, shareable=True),
        _text("timing_notes"),
        Field("timing_checks", k.UNIQUE_TEXTS, []),
        Field("talking_points", k.TEXTS, []),
        _text("notes"),
        Field("outcome", k.choice(vocab.OUTCOMES), "pending", shareable=True),
        Field("next_steps", k.NEXT_STEPS, [], shareable=True),
        Field("refusal", k.REFUSAL, None, shareable=True, since=2, only_in=("appeal", "followup")),
    ),
    many=False,
)

TRIAL_LOG = Record(
    "trial_log",
    "trial_log",
    "TrialLogEntry",
    (
        Field("date", k.DATE, None, shareable=True),
        _text("text", shareable=True),
        Field("shareable", k.FLAG, False, shareable=True, since=2),
    ),
    # Only entries the user marks "share with my manager" reach a manager's document.
    row_flag="shareable",
)

REQUEST = Record(
    "request",
    "formal_request",
    "FormalRequest",
    (
        Field(
            "jurisdiction", k.optional_choice(vocab.JURISDICTIONS), None, shareable=True, since=2
        ),
        Field("sent_on", k.DATE, None, shareable=True, since=2),
        Field("proposed_start", k.DATE, None, shareable=True),
        Field("previous_requests", k.OPTIONAL_DATES, None, shareable=True, since=2),
        Field("permanent", k.OPTIONAL_FLAG, None, shareable=True, since=2),
        Field("end_date", k.DATE, None, shareable=True, since=2),
        _text("reason", shareable=True, since=2),
        Field("adjustment", k.FLAG, False, shareable=True, since=2),
        Field(
            "circumstance", k.optional_choice(vocab.CIRCUMSTANCES), None, shareable=True, since=2
        ),
        _text("location", shareable=True, since=2),
    ),
    many=False,
)

#: After the trial: how it went, what was decided and when it is looked at again.
TRIAL_REVIEW = Record(
    "trial_review",
    "trial_review",
    "TrialReview",
    (
        Field("held_on", k.DATE, None, shareable=True, since=2),
        Field("results", kt.REVIEW_RESULTS, [], shareable=True, since=2),
        Field("decision", k.optional_choice(vocab.REVIEW_DECISIONS), None, shareable=True, since=2),
        _text("conditions", shareable=True, since=2),
        Field("next_review", k.DATE, None, shareable=True, since=2),
    ),
    many=False,
)

#: Ranked lists under ``workbook`` in file order (rehearsals live inside objections).
ITEMS: tuple[Record, ...] = (ASKS, OFFERS, OBJECTIONS, ENDORSEMENTS, EVIDENCE, TRIAL_LOG)
#: One-per-workbook parts under ``workbook``.
PARTS: tuple[Record, ...] = (ABOUT, PLAN, MEETING, REQUEST, TRIAL_REVIEW)
#: Every record with columns of its own (the self-assessment is key/text rows).
TABLES: tuple[Record, ...] = (WORKBOOK, *ITEMS, REHEARSALS, *PARTS)
#: Records by ORM model name.
BY_MODEL: dict[str, Record] = {record.model: record for record in (*TABLES, ANSWERS)}


def record_for(model: type[Any] | str) -> Record:
    """The record an ORM model (or its name) stores."""
    name = model if isinstance(model, str) else model.__name__
    return BY_MODEL[name]


def read_record(record: Record, raw: Any) -> dict[str, Any]:
    """Every field of ``record`` read tolerantly from ``raw`` (anything at all)."""
    source = raw if isinstance(raw, dict) else {}
    return {f.key: f.read(source) for f in record.fields}


def shareable_record(
    record: Record, item: Mapping[str, Any], document: str | None = None
) -> dict[str, Any]:
    """Only the fields of ``item`` (already read) that the manager may see.

    A field kept for some documents (``only_in``) is included only for ``document``.
    """
    return {
        f.key: _copy(item[f.key])
        for f in record.fields
        if f.shareable and (not f.only_in or document in f.only_in)
    }


def _copy(value: Any) -> Any:
    return deepcopy(value)
