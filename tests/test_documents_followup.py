"""The follow-up confirms an agreement: dated after the meeting, each ask marked,
commitments from both sides, next steps with who and when, a trial's dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from documents_fixtures import (
    ADDRESSEE_PARTS,
    REFUSAL_REASONS,
    SENDER,
    SENDER_PARTS,
    TITLE,
    WORKBOOK_NAME,
    after_meeting,
    all_xml,
    sample,
)
from reports_fixtures import docx_text

from flexprep.reports.documents import write_document


def write(wb: dict[str, Any], folder: Path, today: date = date(2026, 11, 30)) -> Path:
    return write_document(wb, "followup", folder / "followup.docx", today=today, dpi=40)


@pytest.fixture(scope="module")
def trial(tmp_path_factory: pytest.TempPathFactory) -> str:
    return docx_text(
        write(after_meeting("trial"), tmp_path_factory.mktemp("trial"), date(2026, 12, 4))
    )


def test_never_dated_before_the_meeting(tmp_path: Path) -> None:
    # Written three days early: dated on the meeting day.
    assert "Date\t3 December 2026" in docx_text(write(sample(), tmp_path))
    # Written the day after: dated that day.
    later = docx_text(write(sample(), tmp_path, date(2026, 12, 4)))
    assert "Date\t4 December 2026" in later


def test_from_to_title_and_author(tmp_path: Path) -> None:
    path = write(after_meeting("trial"), tmp_path)
    text = docx_text(path)
    for part in (*SENDER_PARTS, *ADDRESSEE_PARTS):
        assert part in text, part
    assert "Dear Dana," in text
    assert "Thank you for meeting me on Thursday 3 December 2026" in text
    props = docx.Document(str(path)).core_properties
    assert (props.title, props.author, props.language) == (TITLE, SENDER, "en-GB")
    assert WORKBOOK_NAME not in all_xml(path)
    assert text.rindex("Kind regards,") < text.rindex(SENDER)


def test_each_ask_is_marked_with_its_note(trial: str) -> None:
    asks = sample()["asks"]
    assert f"{asks[0]['title']} \u2014 Agreed" in trial
    assert (
        f"{asks[1]['title']} \u2014 Agreed with changes: only on the eight seminar "
        "Fridays each term"
    ) in trial
    assert (
        f"{asks[3]['title']} \u2014 Not agreed: to look at again after the trial review"
    ) in trial
    assert f"{asks[4]['title']} \u2014 Agreed" in trial
    undecided = trial[trial.index("Still to be decided") :]
    assert asks[2]["title"] in undecided


def test_commitments_from_both_sides(trial: str) -> None:
    agreed = trial[trial.index("You agreed to try:") : trial.index("In return, I committed to:")]
    assert sample()["asks"][0]["title"] in agreed
    mine = trial[trial.index("In return, I committed to:") : trial.index("What was not agreed")]
    for offer in sample()["offers"]:
        assert offer["title"] in mine


def test_next_steps_have_an_owner_and_a_date(trial: str) -> None:
    assert "Agreed next steps" in trial
    assert "Confirm the trial to HR and the team\nDana Whitfield\n10 December 2026" in trial
    assert (
        "Book the fortnightly check-ins in both calendars\nLeah Brennan\n18 December 2026"
    ) in trial


def test_a_trial_has_its_dates_and_is_temporary(trial: str) -> None:
    assert "Start: Monday 11 January 2027" in trial
    assert "End: Sunday 7 March 2027" in trial
    assert (
        "Check-ins: Every two weeks: Monday 25 January 2027; Monday 8 February 2027; "
        "Monday 22 February 2027"
    ) in trial
    assert "Review: Monday 8 March 2027" in trial
    assert "The change is temporary" in trial
    assert "returns to what it was before the trial" in trial
    for measure in sample()["plan"]["success_measures"]:
        assert measure in trial


def test_an_agreed_change_says_when_it_starts_and_how_long_it_lasts(tmp_path: Path) -> None:
    text = docx_text(write(after_meeting("agreed"), tmp_path, date(2026, 12, 4)))
    assert "You agreed to the change set out below" in text
    assert "The change starts on 11 January 2027" in text
    assert "lasts until 30 June 2028" in text
    assert "The trial" not in text


def test_a_refusal_records_the_reasons_the_date_and_my_next_step(tmp_path: Path) -> None:
    path = write(after_meeting("declined"), tmp_path, date(2026, 12, 4))
    text = docx_text(path)
    assert "Thank you for meeting me on Thursday 3 December 2026" in text
    assert "not able to agree to my request" in text
    assert "Put my request in writing as a statutory request" in text
    assert "11 December 2026" in text
    assert REFUSAL_REASONS in text
    # The statutory grounds are my analysis for the appeal, not what the manager said.
    assert "Extra costs" not in text and "extra_costs" not in all_xml(path)


def test_before_a_decision_it_asks_for_one(tmp_path: Path) -> None:
    text = docx_text(write(sample(), tmp_path))
    assert "We have not reached a decision yet" in text
    assert "I would be grateful for your decision by 17 December 2026" in text
    # Asks still open are listed as such, none marked agreed.
    assert "Still to be decided" in text and "\u2014 Agreed" not in text


def test_private_text_stays_out(tmp_path: Path) -> None:
    wb = after_meeting("trial")
    text = docx_text(write(wb, tmp_path))
    for private in (
        wb["walk_away"],
        wb["notes"],
        wb["meeting"]["timing_notes"],
        *wb["meeting"]["talking_points"],
        *(a["fallback"] for a in wb["asks"]),
    ):
        assert private not in text


def test_an_agreement_without_per_ask_outcomes_covers_every_ask(tmp_path: Path) -> None:
    # A version 1 workbook: "agreed as a trial", but no ask has an outcome of its own.
    wb = sample()
    wb["meeting"]["outcome"] = "trial"
    text = docx_text(write(wb, tmp_path, date(2026, 12, 4)))
    agreed = text[text.index("You agreed to try:") : text.index("In return, I committed to:")]
    for ask in wb["asks"]:
        assert ask["title"] in agreed
    assert "Still to be decided" not in text and "\u2014 Agreed" not in text
