"""The proposal: from and to, the change, in the order a manager reads, plain words."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from documents_fixtures import (
    ADDRESSEE_PARTS,
    SENDER,
    SENDER_PARTS,
    TITLE,
    WORKBOOK_NAME,
    all_xml,
    sample,
    with_drafts,
)
from reports_fixtures import docx_text

from flexprep.reports.documents import write_document
from flexprep.reports.proposal import decide_by, weeks_phrase

TODAY = date(2026, 11, 30)


def write(wb: dict[str, Any], folder: Path, **options: Any) -> Path:
    return write_document(wb, "proposal", folder / "proposal.docx", today=TODAY, dpi=40, **options)


@pytest.fixture(scope="module")
def proposal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(sample(), tmp_path_factory.mktemp("proposal"))


def headings(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Heading 1"]


def test_says_who_it_is_from_and_to_and_when(proposal: Path) -> None:
    text = docx_text(proposal)
    for part in (*SENDER_PARTS, *ADDRESSEE_PARTS):
        assert part in text, part
    assert "From\tLeah Brennan, Pricing Analyst" in text
    assert "To\tDana Whitfield, Pricing and Forecasting Manager" in text
    assert "Date\t30 November 2026" in text
    assert "Dear Sir or Madam" not in text and "Name: _" not in text
    # Signed by the sender.
    assert text.rindex("Kind regards,") < text.rindex("Leah Brennan")


def test_titled_by_the_proposal_title_never_the_workbook_name(proposal: Path) -> None:
    document = docx.Document(str(proposal))
    assert document.paragraphs[0].text == TITLE
    props = document.core_properties
    assert (props.title, props.author, props.language) == (TITLE, SENDER, "en-GB")
    assert WORKBOOK_NAME not in all_xml(proposal)


def test_a_workbook_without_a_proposal_title_gets_a_neutral_one(tmp_path: Path) -> None:
    wb = sample()
    del wb["proposal_title"]
    path = write(wb, tmp_path)
    assert docx.Document(str(path)).core_properties.title == "Flexible working proposal"
    assert WORKBOOK_NAME not in all_xml(path)


def test_sections_in_the_order_a_manager_reads(proposal: Path) -> None:
    assert headings(proposal) == [
        "The change I am asking for",
        "Why it works for the business",
        "How the work and the team are covered",
        "How we would work day to day",
        "The trial and how we would judge it",
        "What I will deliver",
        "The evidence",
        "What colleagues say",
        "Next step",
    ]


def test_the_change_now_and_proposed_start_and_term(proposal: Path) -> None:
    text = docx_text(proposal)
    change = text[text.index("The change I am asking for") : text.index("Why it works")]
    for ask in sample()["asks"]:
        assert ask["title"] in change
    assert "Office, 08:30\u201316:45" in change and "Remote, 08:00\u201316:30" in change
    assert "start on 11 January 2027, beginning with an eight-week trial" in change
    assert "last until 30 June 2028" in change


def test_cover_trial_and_closing(proposal: Path) -> None:
    text = docx_text(proposal)
    plan = sample()["plan"]
    for measure in plan["success_measures"]:
        assert measure in text
    assert plan["coverage"] in text and plan["escalation"] in text
    for offer in sample()["offers"]:
        assert offer["title"] in text
    assert "25 January 2027; 8 February 2027; 22 February 2027" in text
    assert "I would be grateful for your decision by 17 December 2026" in text


def test_plain_words_no_app_vocabulary(proposal: Path) -> None:
    text = docx_text(proposal)
    for jargon in (
        "speaks to",
        "Speaks to",
        ", other",
        "Must-have",
        "Nice-to-have",
        "draft",
        "Draft",
        "Higher is better",
        "Aim",
        "likelihood",
        "Fallback",
    ):
        assert jargon not in text, jargon
    assert "Sam Okafor, Data Analyst (colleague), November 2026" in text


def test_shares_only_shareable_endorsements_and_no_private_text(proposal: Path) -> None:
    text = docx_text(proposal)
    for item in sample()["endorsements"]:
        assert (item["quote"] in text) == item["shareable"]
    wb = sample()
    for private in (
        wb["walk_away"],
        wb["notes"],
        *wb["meeting"]["talking_points"],
        *(ask["fallback"] for ask in wb["asks"]),
    ):
        assert private not in text


def test_evidence_is_a_table_not_also_a_chart(proposal: Path) -> None:
    document = docx.Document(str(proposal))
    assert len(document.inline_shapes) == 0
    text = docx_text(proposal)
    assert "9 hours" in text and "5 hours" in text and "Down 4 hours" in text
    # The alternatives the scenario suggested never reach the manager.
    assert "Alternatives" not in text and "Asynchronous work" not in text


def test_a_metric_that_got_worse_and_huge_numbers_read_plainly(tmp_path: Path) -> None:
    wb = sample()
    wb["evidence"][0].update(before=95, after=88)  # on-time delivery got worse
    wb["evidence"][1].update(before=2.5e9, after=-3e12, unit="GBP")
    path = write(wb, tmp_path)
    text, xml = docx_text(path), all_xml(path)
    assert "Down 7 pts" in text
    assert "2.5 billion GBP" in text and "\u22123 trillion GBP" in text
    assert "e+" not in text and "worse" not in text
    assert "C0392B" not in xml.upper()  # no red


def test_drafts_are_left_out_unless_asked_for(tmp_path: Path) -> None:
    text = docx_text(write(with_drafts(), tmp_path))
    assert "My own ask, in my own words" in text
    assert "For example Tuesday and Thursday" not in text
    assert "Start at 08:00 on home days" not in text
    kept = docx_text(write(with_drafts(), tmp_path, include_drafts=True))
    assert "For example Tuesday and Thursday at home" in kept


def test_decision_date() -> None:
    wb = sample()
    # Two weeks after the meeting (3 December)...
    assert decide_by(_view(wb), date(2026, 11, 30)) == date(2026, 12, 17)
    # ... brought forward to leave two weeks before a near start ...
    wb["request"]["proposed_start"] = "2026-12-28"
    assert decide_by(_view(wb), date(2026, 11, 30)) == date(2026, 12, 14)
    # ... and never in the past when the meeting is long gone.
    wb["request"]["proposed_start"] = None
    wb["plan"]["trial_start"] = None
    assert decide_by(_view(wb), date(2027, 3, 1)) == date(2027, 3, 15)


def _view(wb: dict[str, Any]) -> dict[str, Any]:
    from flexprep.reports.privacy import manager_view

    return manager_view(wb)


def test_weeks_phrase() -> None:
    assert weeks_phrase(8) == "an eight-week"
    assert weeks_phrase(12) == "a twelve-week"
    assert weeks_phrase(11) == "an eleven-week"
    assert weeks_phrase(26) == "a 26-week"
