"""What the preparation still lacks (flexprep.core.readiness), on plain workbook dicts.

Every workbook here has the shape of a file-format ``workbook`` object (as an export
writes it); no database and no Qt.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from conftest import FULL_WORKBOOK

from flexprep.core import fileformat, vocab
from flexprep.core import readiness as readiness_module
from flexprep.core.readiness import NEAR_DAYS, ReadinessItem, days_to_meeting, readiness
from flexprep.core.rehearsal import CONFIDENT

#: The meeting of :func:`complete` is ten days after this.
TODAY = date(2026, 11, 23)
MEETING_AT = "2026-12-03T10:00:00"


def rehearsal(at: str, confidence: int) -> dict[str, Any]:
    return {"at": at, "confidence": confidence, "seconds": 30}


def objection(
    text: str, *rehearsals: dict[str, Any], response: str = "Judge my output.", draft: bool = False
) -> dict[str, Any]:
    return {
        "id": f"o{zlib.crc32(text.encode())}",
        "text": text,
        "theme": "other",
        "likelihood": 3,
        "draft": draft,
        "origin": "user",
        "response": response,
        "evidence": [],
        "rehearsals": list(rehearsals),
    }


def complete() -> dict[str, Any]:
    """A workbook that lacks nothing, ten days before its meeting (a fresh dict each call)."""
    return {
        "name": "Ready",
        "scenario": "education",
        "manager": "Dana",
        "notes": "",
        "self_assessment": {key: f"My answer on {key}." for key in vocab.PROMPT_KEYS},
        "asks": [
            {
                "title": "Home on Tuesdays and Thursdays",
                "details": "",
                "priority": "must",
                "fallback": "Thursdays only",
                "importance": 5,
                "resistance": 3,
                "draft": False,
            },
            # A nice-to-have needs no fallback.
            {
                "title": "Exam leave",
                "details": "",
                "priority": "nice",
                "fallback": "",
                "importance": 2,
                "resistance": 2,
                "draft": False,
            },
        ],
        "offers": [{"title": "In the office every Wednesday", "details": ""}],
        "walk_away": "I look elsewhere in spring.",
        "objections": [
            objection(
                "How will I know you are working?",
                rehearsal("2026-11-18T20:00:00", 2),
                rehearsal("2026-11-22T08:30:00", 4),
            ),
            objection("Clients expect you on site.", rehearsal("2026-11-21T12:00:00", 5)),
        ],
        "endorsements": [
            {
                "author": "Ana",
                "relationship": "client",
                "date": None,
                "quote": "Quick replies.",
                "speaks_to": ["reliability"],
                "shareable": True,
            },
        ],
        "evidence": [
            {
                "id": "e1",
                "kind": "metric",
                "title": "On-time delivery",
                "details": "",
                "source": "dashboard",
                "unit": "%",
                "before": 86,
                "before_label": "2024",
                "after": 94,
                "after_label": "2025",
                "higher_is_better": True,
            },
        ],
        "plan": {
            "schedule": {"tue": {"where": "remote"}, "thu": {"where": "remote"}},
            "trial_weeks": 8,
            "trial_start": "2027-01-11",
            "checkin": "biweekly",
            "success_measures": ["On time at or above 90 %"],
            "coverage": "Ravi covers Fridays.",
            "communication": "Chat 10-15.",
            "core_hours": "",
            "response_time": "",
            "escalation": "Call my mobile.",
            "alternatives": [],
            "review_date": "2027-03-08",
        },
        "meeting": {
            "at": MEETING_AT,
            "timing_notes": "",
            "timing_checks": [],
            "talking_points": ["Lead with the business case"],
            "notes": "",
            "outcome": "pending",
            "next_steps": [],
        },
        "trial_log": [],
        "request": {"proposed_start": None, "previous_request": None},
    }


def keys(items: list[ReadinessItem]) -> list[str]:
    return [item.key for item in items]


# -- the baseline ---------------------------------------------------------------------------


def test_the_test_workbooks_are_valid_workbook_files() -> None:
    """The dicts fed below are real file-format objects, not a shape readiness alone accepts."""
    for wb in (complete(), {"name": "Empty"}):
        fileformat.validate({"format": "flexprep.workbook", "version": 1, "workbook": wb})


def test_a_complete_workbook_lacks_nothing() -> None:
    assert readiness(complete(), TODAY) == []


def test_an_empty_workbook_lacks_everything_in_tab_order() -> None:
    expected = [
        ReadinessItem(
            "prompts", "14 self-assessment prompts are unanswered", "assessment", "goals"
        ),
        ReadinessItem("no_must", "No must-have yet: decide what is make-or-break", "asks", "must"),
        ReadinessItem("offers", "Nothing offered in return yet", "asks", "offers"),
        ReadinessItem("walk_away", "No walk-away position", "asks", "walk_away"),
        ReadinessItem("objections", "No objections chosen to prepare for", "objections", "library"),
        ReadinessItem("evidence", "No evidence yet", "evidence", "evidence"),
        ReadinessItem("endorsement", "No endorsement you may share", "evidence", "endorsements"),
        ReadinessItem("schedule", "No weekly schedule", "plan", "schedule"),
        ReadinessItem("trial", "No trial period (length and start)", "plan", "trial"),
        ReadinessItem("measures", "No success measure", "plan", "measures"),
        ReadinessItem("review", "No review date", "plan", "review"),
        ReadinessItem("coverage", "No coverage and hand-offs", "plan", "coverage"),
        ReadinessItem("communication", "No communication plan", "plan", "communication"),
        ReadinessItem("escalation", "No escalation path", "plan", "escalation"),
        ReadinessItem("meeting", "No meeting date", "meeting", "at"),
        ReadinessItem("talking_points", "No talking points", "meeting", "talking_points"),
    ]
    assert readiness({}, TODAY) == expected
    # A workbook with only a name, or with every part present but empty, is the same.
    assert readiness({"name": "Only a name"}, TODAY) == expected
    empty_parts = {
        "name": "x",
        "self_assessment": {},
        "asks": [],
        "offers": [],
        "walk_away": "",
        "objections": [],
        "endorsements": [],
        "evidence": [],
        "plan": {},
        "meeting": {},
    }
    assert readiness(empty_parts, TODAY) == expected


# -- each missing piece, alone: reported with where to fix it ---------------------------------


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(wb: dict[str, Any]) -> None:
        target = wb
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _drop_prompt(key: str) -> Callable[[dict[str, Any]], None]:
    def change(wb: dict[str, Any]) -> None:
        del wb["self_assessment"][key]

    return change


def _blank_prompts(wb: dict[str, Any]) -> None:
    wb["self_assessment"]["timing"] = ""
    wb["self_assessment"]["balance"] = "  \n\t "


def _all_nice(wb: dict[str, Any]) -> None:
    for ask in wb["asks"]:
        ask["priority"] = "nice"


def _all_drafts(wb: dict[str, Any]) -> None:
    for ask in wb["asks"]:
        ask["draft"] = True


def _weak_latest(wb: dict[str, Any]) -> None:
    wb["objections"][1]["rehearsals"].append(rehearsal("2026-11-22T09:00:00", 3))


# (id, change to a complete workbook, the one item it must then report)
ALONE: list[tuple[str, Callable[[dict[str, Any]], None], ReadinessItem]] = [
    (
        "one prompt missing",
        _drop_prompt("timing"),
        ReadinessItem("prompts", "1 self-assessment prompt is unanswered", "assessment", "timing"),
    ),
    (
        "prompts blank or whitespace",
        _blank_prompts,
        ReadinessItem(
            "prompts", "2 self-assessment prompts are unanswered", "assessment", "balance"
        ),
    ),
    (
        "no must-have",
        _all_nice,
        ReadinessItem("no_must", "No must-have yet: decide what is make-or-break", "asks", "must"),
    ),
    (
        "one draft ask",
        _set(("asks", 1, "draft"), True),
        ReadinessItem("ask_drafts", "1 ask is still a draft", "asks", "draft"),
    ),
    (
        "two draft asks",
        _all_drafts,
        ReadinessItem("ask_drafts", "2 asks are still a draft", "asks", "draft"),
    ),
    (
        "must-have fallback blank",
        _set(("asks", 0, "fallback"), " \n "),
        ReadinessItem("fallbacks", "1 must-have has no fallback", "asks", "fallback"),
    ),
    (
        "no offers",
        _set(("offers",), []),
        ReadinessItem("offers", "Nothing offered in return yet", "asks", "offers"),
    ),
    (
        "walk-away whitespace",
        _set(("walk_away",), "   "),
        ReadinessItem("walk_away", "No walk-away position", "asks", "walk_away"),
    ),
    (
        "no objections",
        _set(("objections",), []),
        ReadinessItem("objections", "No objections chosen to prepare for", "objections", "library"),
    ),
    (
        "response whitespace",
        _set(("objections", 0, "response"), "\t\n"),
        ReadinessItem("responses", "1 objection has no response", "objections", "response"),
    ),
    (
        "never rehearsed",
        _set(("objections", 1, "rehearsals"), []),
        ReadinessItem("unrehearsed", "1 objection was never rehearsed", "objections", "rehearse"),
    ),
    (
        "latest rating below confident",
        _weak_latest,
        ReadinessItem(
            "weak",
            "Still below 4 with the meeting in 10 days: Clients expect you on site.",
            "objections",
            "rehearse",
        ),
    ),
    (
        "no evidence",
        _set(("evidence",), []),
        ReadinessItem("evidence", "No evidence yet", "evidence", "evidence"),
    ),
    (
        "evidence but no metric",
        _set(("evidence", 0, "kind"), "achievement"),
        ReadinessItem(
            "metric",
            "No metric yet: a number before and after is hard to argue with",
            "evidence",
            "metric",
        ),
    ),
    (
        "no endorsements",
        _set(("endorsements",), []),
        ReadinessItem("endorsement", "No endorsement you may share", "evidence", "endorsements"),
    ),
    (
        "only a private endorsement",
        _set(("endorsements", 0, "shareable"), False),
        ReadinessItem("endorsement", "No endorsement you may share", "evidence", "endorsements"),
    ),
    (
        "no schedule",
        _set(("plan", "schedule"), {}),
        ReadinessItem("schedule", "No weekly schedule", "plan", "schedule"),
    ),
    (
        "no trial length",
        _set(("plan", "trial_weeks"), None),
        ReadinessItem("trial", "No trial period (length and start)", "plan", "trial"),
    ),
    (
        "no trial start",
        _set(("plan", "trial_start"), None),
        ReadinessItem("trial", "No trial period (length and start)", "plan", "trial"),
    ),
    (
        "no success measure",
        _set(("plan", "success_measures"), []),
        ReadinessItem("measures", "No success measure", "plan", "measures"),
    ),
    (
        "no review date",
        _set(("plan", "review_date"), None),
        ReadinessItem("review", "No review date", "plan", "review"),
    ),
    (
        "coverage blank",
        _set(("plan", "coverage"), ""),
        ReadinessItem("coverage", "No coverage and hand-offs", "plan", "coverage"),
    ),
    (
        "communication whitespace",
        _set(("plan", "communication"), "  "),
        ReadinessItem("communication", "No communication plan", "plan", "communication"),
    ),
    (
        "escalation blank",
        _set(("plan", "escalation"), ""),
        ReadinessItem("escalation", "No escalation path", "plan", "escalation"),
    ),
    (
        "no meeting date",
        _set(("meeting", "at"), None),
        ReadinessItem("meeting", "No meeting date", "meeting", "at"),
    ),
    (
        "no talking points",
        _set(("meeting", "talking_points"), []),
        ReadinessItem("talking_points", "No talking points", "meeting", "talking_points"),
    ),
]


@pytest.mark.parametrize(
    ("change", "expected"), [case[1:] for case in ALONE], ids=[case[0] for case in ALONE]
)
def test_one_missing_piece_is_reported_alone_with_its_anchor(
    change: Callable[[dict[str, Any]], None], expected: ReadinessItem
) -> None:
    wb = complete()
    change(wb)
    assert readiness(wb, TODAY) == [expected]


def test_a_workbook_with_every_part_present_but_lacking() -> None:
    wb = complete()
    wb["self_assessment"]["goals"] = " "
    wb["asks"] = [dict(wb["asks"][0], fallback="", draft=True)]
    wb["objections"] = [
        objection("Who covers Fridays?", response=""),
        objection("Visibility?", rehearsal("2026-11-20T10:00:00", 2)),
    ]
    wb["evidence"] = [dict(wb["evidence"][0], kind="research")]
    lacking = readiness(wb, TODAY)
    assert keys(lacking) == [
        "prompts",
        "ask_drafts",
        "fallbacks",
        "responses",
        "unrehearsed",
        "weak",
        "metric",
    ]
    # Together with the empty workbook, that is every check, and the table above has each.
    every = set(keys(lacking)) | set(keys(readiness({}, TODAY)))
    assert len(every) == 22
    assert {item.key for _, _, item in ALONE} == every


# -- self-assessment --------------------------------------------------------------------------


def test_the_anchor_is_the_first_unanswered_prompt_in_prompt_order() -> None:
    wb = complete()
    # Stored in reverse order; "timing" (last prompt) and "balance" (second) unanswered.
    answers = {key: "An answer." for key in reversed(vocab.PROMPT_KEYS)}
    answers.pop("timing")
    answers["balance"] = ""
    wb["self_assessment"] = answers
    assert readiness(wb, TODAY) == [
        ReadinessItem(
            "prompts", "2 self-assessment prompts are unanswered", "assessment", "balance"
        )
    ]


def test_an_answer_to_an_unknown_prompt_does_not_count() -> None:
    wb = complete()
    del wb["self_assessment"]["goals"]
    wb["self_assessment"]["horoscope"] = "Favourable."
    assert readiness(wb, TODAY) == [
        ReadinessItem("prompts", "1 self-assessment prompt is unanswered", "assessment", "goals")
    ]


# -- asks: drafts and must-haves ------------------------------------------------------------


def test_a_draft_must_have_counts_as_a_must_have_and_is_a_draft() -> None:
    wb = complete()
    wb["asks"] = [
        {
            "title": "Fridays off",
            "details": "",
            "priority": "must",
            "fallback": "",
            "importance": 5,
            "resistance": 4,
            "draft": True,
        }
    ]
    assert readiness(wb, TODAY) == [
        ReadinessItem("ask_drafts", "1 ask is still a draft", "asks", "draft"),
        ReadinessItem("fallbacks", "1 must-have has no fallback", "asks", "fallback"),
    ]


def test_musts_without_fallback_are_counted_nice_ones_are_not() -> None:
    wb = complete()
    must = dict(wb["asks"][0], fallback="")
    nice = dict(wb["asks"][1], fallback="")
    wb["asks"] = [must, dict(must, title="Second must"), nice]
    assert readiness(wb, TODAY) == [
        ReadinessItem("fallbacks", "2 must-haves have no fallback", "asks", "fallback")
    ]


def test_an_ask_without_a_draft_flag_is_not_a_draft() -> None:
    wb = complete()
    for ask in wb["asks"]:
        del ask["draft"]
    assert readiness(wb, TODAY) == []


def test_no_asks_at_all_asks_for_a_must_have_only() -> None:
    wb = complete()
    wb["asks"] = []
    assert keys(readiness(wb, TODAY)) == ["no_must"]


# -- objections: responses, rehearsals, confidence ------------------------------------------


def test_counts_of_unanswered_and_unrehearsed_objections() -> None:
    wb = complete()
    wb["objections"] += [
        objection("Who covers Fridays?", response=""),
        objection("Everyone will want it.", response=" "),
    ]
    assert readiness(wb, TODAY) == [
        ReadinessItem("responses", "2 objections have no response", "objections", "response"),
        ReadinessItem("unrehearsed", "2 objections were never rehearsed", "objections", "rehearse"),
    ]


def test_a_never_rehearsed_objection_is_unrehearsed_not_weak() -> None:
    wb = complete()
    wb["objections"].append(objection("Who covers Fridays?"))
    assert keys(readiness(wb, TODAY)) == ["unrehearsed"]


def test_an_objection_without_a_rehearsals_key_is_unrehearsed() -> None:
    wb = complete()
    del wb["objections"][0]["rehearsals"]
    assert keys(readiness(wb, TODAY)) == ["unrehearsed"]


@pytest.mark.parametrize(
    ("confidence", "weak"),
    [(1, True), (3, True), (4, False), (5, False)],
    ids=["1 weak", "3 weak", "4 confident", "5 confident"],
)
def test_the_confidence_threshold(confidence: int, weak: bool) -> None:
    assert CONFIDENT == 4
    wb = complete()
    wb["objections"] = [objection("Visibility?", rehearsal("2026-11-20T10:00:00", confidence))]
    expected = [
        ReadinessItem(
            "weak",
            "Still below 4 with the meeting in 10 days: Visibility?",
            "objections",
            "rehearse",
        )
    ]
    assert readiness(wb, TODAY) == (expected if weak else [])


def test_the_latest_rehearsal_counts_not_the_best_nor_the_last_listed() -> None:
    wb = complete()
    # Listed newest first: the latest (by time) is the 2, though a 5 is listed last.
    wb["objections"] = [
        objection(
            "Visibility?", rehearsal("2026-11-22T08:00:00", 2), rehearsal("2026-11-20T08:00:00", 5)
        )
    ]
    assert keys(readiness(wb, TODAY)) == ["weak"]
    # The other way round: an old 1 does not matter once the latest is a 4.
    wb["objections"] = [
        objection(
            "Visibility?", rehearsal("2026-11-22T08:00:00", 4), rehearsal("2026-11-20T08:00:00", 1)
        )
    ]
    assert readiness(wb, TODAY) == []


def test_same_time_ratings_take_the_last_listed() -> None:
    """The rule of flexprep.core.rehearsal.latest_rating, which the rehearsal tab shows too."""
    wb = complete()
    wb["objections"] = [
        objection(
            "Visibility?", rehearsal("2026-11-22T08:00:00", 2), rehearsal("2026-11-22T08:00:00", 5)
        )
    ]
    assert readiness(wb, TODAY) == []
    wb["objections"] = [
        objection(
            "Visibility?", rehearsal("2026-11-22T08:00:00", 5), rehearsal("2026-11-22T08:00:00", 2)
        )
    ]
    assert keys(readiness(wb, TODAY)) == ["weak"]


def test_rehearsal_times_as_datetimes_and_text_compare_as_times() -> None:
    wb = complete()
    # Compared as text, str(datetime) "2026-11-22 09:00:00" would sort before
    # "2026-11-22T08:00:00" (a space is less than "T"): 09:00 must win as the later time.
    wb["objections"] = [objection("Visibility?", rehearsal("2026-11-22T08:00:00", 2))]
    wb["objections"][0]["rehearsals"].append(
        {"at": datetime(2026, 11, 22, 9, 0), "confidence": 5, "seconds": 30}
    )
    assert readiness(wb, TODAY) == []
    wb["objections"][0]["rehearsals"][1]["at"] = datetime(2026, 11, 22, 7, 0)
    assert keys(readiness(wb, TODAY)) == ["weak"]


@pytest.mark.parametrize(
    ("today", "words"),
    [
        (date(2026, 12, 4), None),
        (date(2026, 12, 3), "in 0 days"),
        (date(2026, 12, 2), "in 1 day"),
        (date(2026, 11, 19), "in 14 days"),
        (date(2026, 11, 18), None),
    ],
    ids=[
        "meeting was yesterday",
        "meeting today",
        "1 day before",
        "14 days before",
        "15 days before",
    ],
)
def test_weak_objections_are_called_out_only_near_the_meeting(
    today: date, words: str | None
) -> None:
    assert NEAR_DAYS == 14
    wb = complete()
    wb["objections"][0]["rehearsals"].append(rehearsal("2026-11-22T09:00:00", 2))
    items = readiness(wb, today)
    if words is None:
        assert items == []
    else:
        assert items == [
            ReadinessItem(
                "weak",
                f"Still below 4 with the meeting {words}: How will I know you are working?",
                "objections",
                "rehearse",
            )
        ]


def test_weak_names_are_whole_and_the_rest_counted() -> None:
    wb = complete()
    long_text = "If I say yes to you,   everyone\nin the team will want the very same thing"
    wb["objections"] = [
        objection(long_text, rehearsal("2026-11-20T10:00:00", 1)),
        objection("Visibility?", rehearsal("2026-11-20T10:00:00", 2)),
        objection("Clients?", rehearsal("2026-11-20T10:00:00", 3)),
        objection("Confident one", rehearsal("2026-11-20T10:00:00", 5)),
        objection("Cost?", rehearsal("2026-11-20T10:00:00", 3)),
        objection("Tools?", rehearsal("2026-11-20T10:00:00", 2)),
    ]
    [item] = readiness(wb, TODAY)
    # On one line and whole: the panel wraps long text rather than cutting it.
    short = "If I say yes to you, everyone in the team will want the very same thing"
    assert item == ReadinessItem(
        "weak",
        f"Still below 4 with the meeting in 10 days: {short}; Visibility?; Clients? and 2 more",
        "objections",
        "rehearse",
    )


def test_exactly_three_weak_objections_have_no_more() -> None:
    wb = complete()
    wb["objections"] = [
        objection(text, rehearsal("2026-11-20T10:00:00", 2)) for text in ("A?", "B?", "C?")
    ]
    [item] = readiness(wb, TODAY)
    assert item.text == "Still below 4 with the meeting in 10 days: A?; B?; C?"


def test_no_meeting_date_means_no_weak_item() -> None:
    wb = complete()
    wb["objections"][0]["rehearsals"].append(rehearsal("2026-11-22T09:00:00", 1))
    wb["meeting"]["at"] = None
    assert keys(readiness(wb, TODAY)) == ["meeting"]
    del wb["meeting"]
    assert keys(readiness(wb, TODAY)) == ["meeting", "talking_points"]


def test_a_meeting_datetime_object_works_like_its_text() -> None:
    wb = complete()
    wb["objections"][0]["rehearsals"].append(rehearsal("2026-11-22T09:00:00", 1))
    as_text = readiness(wb, TODAY)
    wb["meeting"]["at"] = datetime(2026, 12, 3, 10, 0)
    assert readiness(wb, TODAY) == as_text
    assert keys(as_text) == ["weak"]


def test_today_defaults_to_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    class FrozenDate(date):
        @classmethod
        def today(cls) -> FrozenDate:
            return cls(2026, 12, 1)

    monkeypatch.setattr(readiness_module, "date", FrozenDate)
    wb = complete()
    wb["objections"][0]["rehearsals"].append(rehearsal("2026-11-22T09:00:00", 1))
    [item] = readiness(wb)
    assert item.text.startswith("Still below 4 with the meeting in 2 days: ")


# -- evidence and endorsements ----------------------------------------------------------------


def test_any_metric_among_other_evidence_is_enough() -> None:
    wb = complete()
    wb["evidence"] = [dict(wb["evidence"][0], id="e2", kind="precedent"), wb["evidence"][0]]
    assert readiness(wb, TODAY) == []


def test_one_shareable_endorsement_among_private_ones_is_enough() -> None:
    wb = complete()
    private = dict(wb["endorsements"][0], shareable=False)
    wb["endorsements"] = [private, private, wb["endorsements"][0]]
    assert readiness(wb, TODAY) == []


def test_no_evidence_does_not_also_ask_for_a_metric() -> None:
    wb = complete()
    wb["evidence"] = []
    assert keys(readiness(wb, TODAY)) == ["evidence"]


# -- helpers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("meeting", "days"),
    [
        (None, None),
        ({}, None),
        ({"at": None}, None),
        ({"at": ""}, None),
        ({"at": "2026-12-03T10:00:00"}, 10),
        ({"at": "2026-11-23T23:59:59"}, 0),
        ({"at": "2026-11-20T08:00:00"}, -3),
        ({"at": datetime(2027, 1, 1, 9, 0)}, 39),
    ],
    ids=[
        "no meeting",
        "empty meeting",
        "at None",
        "at empty",
        "10 days ahead",
        "later today",
        "3 days ago",
        "datetime object",
    ],
)
def test_days_to_meeting(meeting: dict[str, Any] | None, days: int | None) -> None:
    assert days_to_meeting({"meeting": meeting}, TODAY) == days


# -- a whole workbook file --------------------------------------------------------------------


FULL_LACKS = [
    ReadinessItem("ask_drafts", "1 ask is still a draft", "asks", "draft"),
    ReadinessItem("responses", "1 objection has no response", "objections", "response"),
    ReadinessItem("unrehearsed", "1 objection was never rehearsed", "objections", "rehearse"),
    ReadinessItem(
        "weak",
        "Still below 4 with the meeting in 10 days: Clients expect you on site.",
        "objections",
        "rehearse",
    ),
]


def test_the_full_fixture_file_as_json() -> None:
    wb = json.loads(FULL_WORKBOOK.read_text(encoding="utf-8"))["workbook"]
    assert readiness(wb, TODAY) == FULL_LACKS


def test_the_full_fixture_file_as_read_strictly(full_data: dict[str, Any]) -> None:
    # read_file turns dates into date and datetime objects: the same items come out.
    assert readiness(full_data, TODAY) == FULL_LACKS
