"""Loading a rule set: ``resources/law/<key>.json`` into :class:`~.ruleset.Rules`."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any

from flexprep.core import vocab
from flexprep.core.content import resource_dir
from flexprep.core.law.ruleset import (
    FROM_THE_WORKBOOK,
    MET_BY_THE_LETTER,
    AppealWindow,
    Consultation,
    DecisionPeriod,
    Eligibility,
    Item,
    PendingChange,
    Rules,
    RulesError,
    Source,
    Step,
    _bool,
    _obj,
    _objs,
    _opt_int,
    _opt_str,
    _statute,
    _str,
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
