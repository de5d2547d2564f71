"""A jurisdiction's rule set as typed, immutable records, and the readers of its JSON."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, NamedTuple

from flexprep.core import vocab

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
#: Where disability law speaks of a duty to make *reasonable adjustments*, the words the
#: letter uses when the user marks the request as one: Great Britain (Equality Act 2010,
#: s.20), Northern Ireland (Disability Discrimination Act 1995, s.4A) and Australia
#: (Disability Discrimination Act 1992 (Cth), s.4 and s.5(2)). Ireland ("appropriate
#: measures") and New Zealand ("reasonable accommodation") use other terms, and the rule
#: sets do not cite these Acts: stated from the statutes' titles, not confirmed offline.
ADJUSTMENT_DUTY = frozenset({"gb", "ni", "au"})


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

    @property
    def adjustment_allowed(self) -> bool:
        """The request may also be put as a reasonable adjustment (see ADJUSTMENT_DUTY)."""
        return self.key in ADJUSTMENT_DUTY

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
