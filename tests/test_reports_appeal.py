"""The reply to a refusal: the law's view of the refusal, the proposal, the next route."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from law_workbooks import JURISDICTIONS, complete, declined
from reports_fixtures import PRIVATE_MARKERS, docx_text, docx_xml, marked_workbook

from flexprep.reports.documents import write_document

TODAY = date(2026, 12, 28)


def appeal(wb: dict[str, Any], folder: Path, today: date = TODAY) -> str:
    return docx_text(write_document(wb, "appeal", folder / "appeal.docx", today=today))


def test_a_refusal_without_a_ground_asks_for_the_reasons_in_writing(tmp_path: Path) -> None:
    text = appeal(declined("gb"), tmp_path)
    assert text.startswith("Appeal against the decision on my flexible working request")
    assert (
        "Thank you for your decision of 20 December 2026 on my flexible working request of "
        "4 December 2026. I am writing to appeal against it"
    ) in text
    assert (
        "Your decision does not say which of the grounds in section 80G of the Employment "
        "Rights Act 1996 it rests on"
    ) in text
    assert (
        "Please set out in writing the reasons for your decision, including which of the "
        "grounds in section 80G of the Employment Rights Act 1996 apply"
    ) in text
    # A procedural failure: the tribunal is the route beyond the appeal.
    assert "complaint to an employment tribunal" in text
    assert "within the two-month decision period, which ends on 3 February 2027" in text
    assert "Dear Dana," in text and "Signature: ____" in text
    assert "Law as of 30 November 2026" in text


def test_recorded_grounds_are_mapped_onto_the_law(tmp_path: Path) -> None:
    wb = declined(
        "gb",
        reasons="We cannot cover the client line on Tuesdays.",
        grounds=["customer_demand", "reorganise_work"],
    )
    text = appeal(wb, tmp_path)
    assert "\u201cWe cannot cover the client line on Tuesdays.\u201d" in text
    assert "they rest on these grounds in section 80G of the Employment Rights Act 1996" in text
    assert "It would harm the employer's ability to meet customer demand." in text
    assert "The work cannot be reorganised among existing staff." in text
    assert "What the decision leaves out" not in text  # nothing is
    assert "Please set out in writing" not in text
    assert "tribunal" not in text  # no process failure: only the appeal itself


def test_no_meeting_and_a_late_answer_are_flagged(tmp_path: Path) -> None:
    wb = declined(
        "gb", reasons="Cost.", grounds=["extra_costs"], meeting_held=False, decided_on="2027-02-10"
    )
    text = appeal(wb, tmp_path, today=date(2027, 2, 12))
    assert (
        "We did not meet to discuss my request before it was refused; the law requires "
        "you to consult me before refusing it." in text
    )
    assert (
        "The decision came on 10 February 2027, after 3 February 2027, the date by which "
        "the law required it."
    ) in text
    assert "The two-month decision period ended on 3 February 2027" in text
    # The planned trial dates have passed: the trial starts on a date to be agreed.
    assert "a trial period of 8 weeks, from a date we agree" in text


def test_the_trial_and_alternatives_are_proposed(tmp_path: Path) -> None:
    text = appeal(declined("au", reasons="Cost."), tmp_path)
    assert (
        "I propose that we try the arrangement for a trial period (8 weeks, from 11 January "
        "2027 to 7 March 2027) and review it together on 8 March 2027"
    ) in text
    assert "On-time delivery stays at or above 90 %" in text
    assert "I would also consider a compressed week or a phased start instead." in text


@pytest.mark.parametrize(
    ("key", "refusal", "route"),
    [
        (
            "ni",
            {"reasons": "Cost.", "grounds": ["extra_costs"]},
            "asking the Labour Relations Agency to help us resolve it",
        ),
        ("ie", {}, "a complaint to the Workplace Relations Commission"),
        (
            "au",
            {"reasons": "Cost.", "grounds": ["too_costly"]},
            "an application to the Fair Work Commission to deal with the dispute (section 65B of "
            "the Fair Work Act 2009)",
        ),
        (
            "nz",
            {},
            "asking a Labour Inspector to help us resolve it and, if that does not settle "
            "it, mediation through Employment New Zealand's mediation services",
        ),
    ],
)
def test_the_next_route_that_applies(
    tmp_path: Path, key: str, refusal: dict[str, Any], route: str
) -> None:
    text = appeal(declined(key, **refusal), tmp_path)
    assert f"If we cannot, the next step open to me is {route}." in text


def test_northern_ireland_appeals_within_fourteen_days(tmp_path: Path) -> None:
    wb = declined("ni", reasons="Cost.", grounds=["extra_costs"])
    text = appeal(wb, tmp_path)
    assert text.startswith("Appeal against the decision on my flexible working application")
    assert (
        "under the statutory procedure, within 14 days of receiving your written decision" in text
    )
    assert "Please arrange a meeting to hear this appeal within 14 days" in text
    late = appeal(wb, tmp_path, today=date(2027, 1, 4))  # the 14 days ended on 3 January
    assert "within 14 days of receiving your written decision" not in late


def test_process_routes_only_after_a_process_failure(tmp_path: Path) -> None:
    text = appeal(declined("ie", reasons="The role needs to be on site."), tmp_path)
    assert "Workplace Relations Commission" not in text
    assert "I am writing to ask you to reconsider it." in text


def test_other_claims_no_law(tmp_path: Path) -> None:
    text = appeal(declined("other"), tmp_path)
    assert text.startswith("Reply to the decision on my flexible working request")
    assert "Please set out in writing the reasons for your decision, so that" in text
    for word in ("statute", "section", "Law as of", "tribunal", "Commission"):
        assert word not in text


def test_without_a_refusal_the_reply_is_a_marked_draft(tmp_path: Path) -> None:
    path = write_document(complete("gb"), "appeal", tmp_path / "a.docx", today=TODAY)
    text = docx_text(path)
    assert (
        "Draft, not ready to send: no refusal is recorded (the outcome is \u201cPending\u201d)"
        in text
    )
    assert "Please set out in writing" not in text


@pytest.mark.parametrize("key", JURISDICTIONS)
def test_no_private_material_in_the_appeal(tmp_path: Path, key: str) -> None:
    wb = marked_workbook()
    wb["request"] = complete(key)["request"]
    wb["meeting"].update(
        outcome="declined",
        refusal={"reasons": "Refusal reasons shown.", "grounds": [], "meeting_held": False},
    )
    path = write_document(wb, "appeal", tmp_path / "a.docx", today=TODAY)
    text, xml = docx_text(path), docx_xml(path).lower()
    assert "Refusal reasons shown." in text  # the refusal: in the appeal and the follow-up
    for marker in PRIVATE_MARKERS.values():
        assert marker not in text.lower() and marker not in xml, (key, marker)
    # The follow-up confirms the reasons given; no other document carries them.
    followup = docx_text(write_document(wb, "followup", tmp_path / "f.docx", today=TODAY))
    assert "Refusal reasons shown." in followup
    for kind in ("proposal", "letter"):
        other = docx_text(write_document(wb, kind, tmp_path / f"{kind}.docx", today=TODAY))
        assert "Refusal reasons shown." not in other, kind
