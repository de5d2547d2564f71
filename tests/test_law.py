"""The rule sets (resources/law) and what core/law.py computes from them."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from law_workbooks import JURISDICTIONS, SENT_ON, TODAY, complete

from flexprep.core import law, vocab
from flexprep.core.content import resource_dir
from flexprep.reports.model import normalise

# --- the rule sets ---------------------------------------------------------------------------


def test_every_jurisdiction_has_a_rule_set_that_reads() -> None:
    assert law.KEYS == tuple(vocab.JURISDICTIONS) == JURISDICTIONS
    for key in law.KEYS:
        rules = law.rules(key)
        assert rules.key == key
        assert rules.law_as_of == date(2026, 11, 30)
        assert rules.letter_title
        assert rules.statutory is (key != "other")


@pytest.mark.parametrize("key", JURISDICTIONS)
def test_every_fact_cites_a_source_in_its_file(key: str) -> None:
    rules = law.rules(key)
    ids = {source.id for source in rules.sources}
    cited = [
        rules.statute.source,
        rules.who_may_ask.source,
        rules.decision_period.source,
        rules.consultation.source,
    ]
    cited += [item.source for item in (*rules.must_contain, *rules.grounds, *rules.circumstances)]
    cited += [step.source for step in rules.after_refusal]
    cited += [change.source for change in rules.pending_changes]
    if key == "other":
        assert not ids and not any(cited)  # claims no law, cites none
    else:
        assert all(source in ids for source in cited if source), sorted(
            str(source) for source in cited if source not in ids
        )


def test_circumstances_are_the_file_formats() -> None:
    for key in JURISDICTIONS:
        for item in law.rules(key).circumstances:
            assert item.key in vocab.CIRCUMSTANCES, (key, item.key)
    assert [item.key for item in law.rules("ie").circumstances] == ["remote", "parent", "carer"]
    assert len(law.rules("au").circumstances) == 7


def test_ireland_cites_the_act_of_the_right_used() -> None:
    remote = law.rules("ie").for_circumstance("remote")
    caring = law.rules("ie").for_circumstance("carer")
    assert remote.statute.short_cite == (
        "s.20 Work Life Balance and Miscellaneous Provisions Act 2023"
    )
    assert caring.statute.short_cite == "s.13B Parental Leave Act 1998"
    assert "section 13B of the Parental Leave Act 1998" in caring.statutory_statement
    assert law.rules("gb").for_circumstance("remote") is law.rules("gb")


def test_an_unknown_jurisdiction_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown jurisdiction 'fr'"):
        law.rules("fr")


def test_a_malformed_rule_set_says_where() -> None:
    raw: dict[str, Any] = json.loads((resource_dir() / "law" / "gb.json").read_text("utf-8"))
    raw["must_contain"].append({"key": "blood_type", "label": "x", "source": "S1"})
    with pytest.raises(law.RulesError, match="gb.must_contain: no check for 'blood_type'"):
        law.parse(raw)
    raw = json.loads((resource_dir() / "law" / "nz.json").read_text("utf-8"))
    raw["decision_period"]["months"] = "one"
    with pytest.raises(law.RulesError, match="must be a whole number"):
        law.parse(raw)


# --- the answer-by date ------------------------------------------------------------------------

#: Sent (and so received) on Friday 4 December 2026.
ANSWER_BY = {
    "gb": date(2027, 2, 3),  # two months *beginning with* the day of receipt
    "ni": date(2027, 1, 15),  # 28 days to meet + 14 days to decide
    "ie": date(2027, 1, 1),  # four weeks
    "au": date(2026, 12, 25),  # 21 days (public holidays do not move it)
    "nz": date(2027, 1, 4),  # one month after receipt
    "other": None,  # no deadline in law
}


@pytest.mark.parametrize("key", JURISDICTIONS)
def test_answer_by_for_a_known_sending_date(key: str) -> None:
    assert law.answer_by(law.rules(key), SENT_ON) == ANSWER_BY[key]
    assert law.answer_by(law.rules(key), date(2026, 12, 4)) == ANSWER_BY[key]
    assert law.answer_by_for(complete(key)) == ANSWER_BY[key]


@pytest.mark.parametrize(
    ("sent", "due"),
    [
        ("2026-12-31", date(2027, 2, 28)),  # no 31 February: the month's last day
        ("2026-12-28", date(2027, 2, 27)),
        ("2027-01-01", date(2027, 2, 28)),
        ("2027-12-30", date(2028, 2, 29)),  # a leap year
    ],
)
def test_great_britain_months_at_the_end_of_a_month(sent: str, due: date) -> None:
    assert law.answer_by(law.rules("gb"), sent) == due


def test_no_answer_by_without_a_sending_date_or_past_the_calendar() -> None:
    for bad in (None, "", "not a date", "2026-13-01"):
        assert law.answer_by(law.rules("gb"), bad) is None
    assert law.answer_by(law.rules("au"), "9999-12-25") is None
    assert law.answer_by_for({"name": "x"}) is None


def test_the_trial_outlasting_the_decision_period() -> None:
    overrun = law.trial_outlasts(complete("gb"))
    assert overrun == law.Overrun(date(2027, 3, 7), date(2027, 2, 3), date(2027, 3, 8))
    short = complete("gb")
    short["plan"].update(trial_start="2026-12-07", trial_weeks=4)
    assert law.trial_outlasts(short) is None  # ends 3 January, well before 3 February
    review_before_end = complete("gb")
    review_before_end["plan"]["review_date"] = "2027-02-20"
    assert law.trial_outlasts(review_before_end).extend_to == date(2027, 3, 7)  # type: ignore[union-attr]
    assert law.trial_outlasts(complete("other")) is None  # no deadline to outlast


def test_appeal_by_only_where_the_law_sets_one() -> None:
    assert law.appeal_by(law.rules("ni"), "2026-12-20") == date(2027, 1, 3)
    for key in ("gb", "ie", "au", "nz", "other"):
        assert law.appeal_by(law.rules(key), "2026-12-20") is None
    assert law.appeal_by(law.rules("ni"), None) is None


# --- what the letter lacks -----------------------------------------------------------------------


@pytest.mark.parametrize("key", JURISDICTIONS)
def test_a_complete_request_lacks_nothing(key: str) -> None:
    assert law.missing(complete(key)) == []
    # The same through the documents' view and the whole file.
    assert law.missing(normalise(complete(key))) == []
    assert (
        law.missing({"format": "flexprep.workbook", "version": 2, "workbook": complete(key)}) == []
    )


def _without(key: str, change: dict[str, Any]) -> dict[str, Any]:
    wb = complete(key)
    for path, value in change.items():
        part, _, field = path.partition(".")
        if field:
            wb[part][field] = value
        else:
            wb[part] = value
    return wb


#: (jurisdiction, what is changed, the key and field reported)
GAPS = [
    ("gb", {"request.jurisdiction": None}, "jurisdiction", "request.jurisdiction"),
    ("gb", {"request.proposed_start": None}, "proposed_start", "request.proposed_start"),
    ("gb", {"request.previous_requests": None}, "previous_requests", "request.previous_requests"),
    ("gb", {"request.end_date": None}, "duration", "request.end_date"),
    ("gb", {"about.name": ""}, "name", "about.name"),
    ("gb", {"manager": "  "}, "manager", "manager"),
    ("ni", {"request.proposed_start": None}, "proposed_start", "request.proposed_start"),
    (
        "ni",
        {
            "plan.coverage": "",
            "plan.communication": "",
            "plan.response_time": "",
            "plan.escalation": "",
        },
        "effect_on_employer",
        "plan.coverage",
    ),
    ("ie", {"request.circumstance": None}, "circumstance", "request.circumstance"),
    ("ie", {"request.location": ""}, "location", "request.location"),
    ("ie", {"request.reason": " "}, "reasons", "request.reason"),
    ("ie", {"request.permanent": None}, "duration", "request.permanent"),
    ("au", {"request.circumstance": None}, "circumstance", "request.circumstance"),
    ("au", {"request.circumstance": "remote"}, "circumstance", "request.circumstance"),
    ("au", {"request.reason": ""}, "reasons", "request.reason"),
    ("nz", {"request.permanent": None}, "duration", "request.permanent"),
    ("nz", {"about.name": ""}, "name", "about.name"),
    ("other", {"manager": ""}, "manager", "manager"),
]


@pytest.mark.parametrize(
    ("key", "change", "gap", "field"),
    GAPS,
    ids=[f"{key}-{gap}-{field}" for key, _, gap, field in GAPS],
)
def test_each_required_element_removed_is_named(
    key: str, change: dict[str, Any], gap: str, field: str
) -> None:
    found = law.missing(_without(key, change))
    assert [(item.key, item.field) for item in found] == [(gap, field)]
    assert found[0].label


def test_only_asks_marked_for_the_request_count() -> None:
    wb = complete("gb")
    for ask in wb["asks"]:
        ask["in_request"] = False
    assert [item.key for item in law.missing(wb)] == ["change_requested"]
    assert law.missing(wb)[0].field == "asks[].in_request"
    wb["asks"][1]["in_request"] = True
    assert law.missing(wb) == []
    assert [ask["title"] for ask in law.requested_asks(wb)] == ["Leave at 13:00 on Fridays"]


def test_requirements_follow_the_jurisdiction() -> None:
    # No start date: required in GB, not in Australia's rule set.
    assert law.missing(_without("au", {"request.proposed_start": None})) == []
    # A parent's flexible working in Ireland names no remote location.
    assert (
        law.missing(_without("ie", {"request.circumstance": "parent", "request.location": ""}))
        == []
    )
    # "None" must be said in Great Britain; elsewhere an unanswered line is left out.
    assert law.missing(_without("nz", {"request.previous_requests": None})) == []


def test_without_a_jurisdiction_only_the_common_elements_are_checked() -> None:
    found = law.missing({"name": "x"})
    assert [item.key for item in found] == ["jurisdiction", "change_requested", "name", "manager"]
    line = law.missing_line(found)
    assert line.startswith("the letter is not complete: where you work")
    assert "\n" not in line


def test_missing_tolerates_any_shape() -> None:
    odd = {
        "name": 3,
        "request": {"jurisdiction": "mars", "previous_requests": "no"},
        "asks": ["not an ask", {"in_request": "yes", "title": "x"}],
        "about": None,
    }
    assert law.missing(odd)[0] == law.JURISDICTION


# --- after a refusal ------------------------------------------------------------------------------


def _flags(key: str, **refusal: Any) -> list[str]:
    base = {"reasons": "", "grounds": [], "decided_on": "2026-12-20", "meeting_held": True}
    return [flag.key for flag in law.refusal_flags(law.rules(key), {**base, **refusal}, SENT_ON)]


def test_refusal_flags_per_jurisdiction() -> None:
    assert _flags("gb") == ["no_ground", "no_reasons"]
    assert _flags("gb", reasons="Cover", grounds=["extra_costs"]) == []
    assert _flags("gb", reasons="Cover", grounds=["too_costly"]) == ["no_ground", "unknown_ground"]
    assert _flags("gb", reasons="x", grounds=["quality"], meeting_held=False) == ["no_meeting"]
    assert _flags("gb", reasons="x", grounds=["quality"], meeting_held=None) == []  # unknown
    assert _flags("gb", reasons="x", grounds=["quality"], decided_on="2027-02-04") == ["late"]
    assert _flags("gb", reasons="x", grounds=["quality"], decided_on="2027-02-03") == []
    assert _flags("au", reasons="x") == ["no_ground"]  # reasonable business grounds
    assert _flags("au", reasons="x", grounds=["too_costly"], meeting_held=False) == ["no_meeting"]
    assert _flags("ie") == ["no_reasons"]  # no list of grounds; reasons required
    assert _flags("ie", meeting_held=False) == ["no_reasons"]  # no meeting required
    assert _flags("nz", reasons="x", grounds=["recruit"], decided_on="2027-01-05") == ["late"]
    assert _flags("other", reasons="x", meeting_held=False, decided_on="2030-01-01") == []


def test_grounds_are_cited_where_the_law_sets_them_out() -> None:
    assert law.rules("gb").grounds_cite == "section 80G of the Employment Rights Act 1996"
    assert law.rules("nz").grounds_cite == "section 69AAF of the Employment Relations Act 2000"
    assert law.rules("au").grounds_cite == "the Fair Work Act 2009 (Cth)"  # secondary source
    assert law.rules("other").grounds_cite == ""


# --- cautions ---------------------------------------------------------------------------


def test_cautions_before_sending() -> None:
    assert [c.key for c in law.cautions(complete("gb"), TODAY)] == ["trial_outlasts"]
    assert law.cautions({"name": "x"}, TODAY) == []
    ie = complete("ie")
    ie["request"]["proposed_start"] = "2027-01-11"  # under eight weeks after 4 December
    assert "short_notice" in [c.key for c in law.cautions(ie, TODAY)]
    ni = complete("ni")
    ni["about"]["employed_since"] = "2026-09-01"  # 26 weeks' service from 2 March 2027
    found = {c.key: c for c in law.cautions(ni, TODAY)}
    assert "2 March 2027" in found["service"].text
    gb = complete("gb")
    gb["request"]["previous_requests"] = ["2026-02-01", "2026-06-01"]
    assert "too_many" in [c.key for c in law.cautions(gb, TODAY)]
    gb["request"]["previous_requests"] = ["2025-06-01", "2026-06-01"]  # one is over a year ago
    assert "too_many" not in [c.key for c in law.cautions(gb, TODAY)]
    late = complete("au")
    assert "overdue" in [c.key for c in law.cautions(late, date(2026, 12, 26))]
    assert "overdue" not in [c.key for c in law.cautions(late, date(2026, 12, 25))]


def test_rules_are_frozen_and_shared() -> None:
    rules = law.rules("gb")
    assert law.rules("gb") is rules
    with pytest.raises(AttributeError):
        rules.key = "ni"  # type: ignore[misc]
    assert rules._replace(key="x").key == "x" and rules.key == "gb"
