"""The trial review (``--document review``): what it says, and that it keeps private things out.

Also the plan's working agreement in the proposal and the brief (deliverables, time
zone, async rules, alternatives' lines), and the file format's new keys.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import FULL_WORKBOOK
from reports_fixtures import docx_text

from flexprep.core import fileformat
from flexprep.core.errors import FileFormatError
from flexprep.reports.documents import write_document

TODAY = date(2027, 3, 10)


def _full() -> dict[str, Any]:
    return json.loads(FULL_WORKBOOK.read_text(encoding="utf-8"))["workbook"]


def _write(wb: dict[str, Any], kind: str, folder: Path) -> str:
    return docx_text(write_document(wb, kind, folder / f"{kind}.docx", today=TODAY, dpi=30))


def test_the_review_carries_the_results_decision_and_next_date(tmp_path: Path) -> None:
    text = _write(_full(), "review", tmp_path)
    # From / To / Date, as the other letters to the manager.
    assert "Priya Shah" in text and "Dana Okafor" in text and "10 March 2027" in text
    assert "Dear Dana," in text
    assert "Monday 8 March 2027" in text  # the date it was held
    # Each success measure beside its result.
    assert "On-time delivery stays at or above 90 %" in text
    assert "95 % over the eight weeks" in text
    assert "One call moved by a day, agreed with the client" in text
    assert "We agreed to continue the arrangement with the changes below." in text
    assert "Tuesday moves to the office in budget weeks." in text
    assert "We will review the arrangement again on 7 June 2027." in text
    # The deliverables committed to, by when and to what standard.
    assert "Monthly pricing pack for the category leads" in text
    assert "Signed off by Dana, no open queries" in text


def test_only_the_trial_log_entries_marked_to_share_reach_the_review(tmp_path: Path) -> None:
    wb = _full()
    text = _write(wb, "review", tmp_path)
    shared, private = wb["trial_log"]
    assert shared["shareable"] is True and private["shareable"] is False
    assert shared["text"] in text
    assert private["text"] not in text
    # Nothing private of the rest of the workbook either.
    for secret in (
        wb["walk_away"],
        wb["notes"],
        wb["self_assessment"]["goals"],
        wb["meeting"]["talking_points"][0],
    ):
        assert secret not in text
    assert wb["name"] not in text  # the user's own label; the manager sees the title


@pytest.mark.parametrize("kind", ["proposal", "followup", "letter"])
def test_no_trial_log_entry_reaches_the_other_manager_documents(tmp_path: Path, kind: str) -> None:
    wb = _full()
    text = _write(wb, kind, tmp_path)
    assert wb["trial_log"][1]["text"] not in text


def test_a_review_not_yet_decided_says_so(tmp_path: Path) -> None:
    wb = _full()
    wb["trial_review"] = {"held_on": None, "results": [], "decision": None}
    text = _write(wb, "review", tmp_path)
    assert "We have not decided yet whether to continue the arrangement." in text
    # The agreed measures are listed even before their results are recorded.
    assert "No missed client call" in text and "Not recorded" in text
    assert "Draft, not ready to send: the date it was held is not recorded yet" in text


def test_a_held_review_with_a_decision_is_no_draft(tmp_path: Path) -> None:
    text = _write(_full(), "review", tmp_path)
    assert "Draft, not ready to send" not in text


def test_the_proposal_shows_deliverables_and_how_the_pattern_runs(tmp_path: Path) -> None:
    wb = _full()
    text = _write(wb, "proposal", tmp_path)
    assert "What I will deliver" in text
    assert "Margin model for the spring range" in text and "1 March 2027" in text
    assert "Tuesdays at home for the first four weeks" in text  # the phased start's steps
    assert "overlap with the Lisbon team 09:00\u201315:00" in text
    assert "anything that needs a decision the same day is a call" in text
    # Alternatives kept in reserve stay in the brief.
    assert "Four 9.5-hour days" not in text
    brief = _write(wb, "brief", tmp_path)
    assert "Four 9.5-hour days" in brief and "Tuesdays at home for the first four" in brief
    assert "95 % over the eight weeks" in brief and wb["trial_log"][1]["text"] in brief


def test_the_review_document_is_offered_everywhere() -> None:
    from flexprep import cli
    from flexprep.core import vocab
    from flexprep.reports.documents import KINDS

    assert vocab.DOCUMENTS["review"] == "Trial review"
    assert "review" in KINDS and "review" in cli.DOCUMENTS


def test_a_version_2_file_without_the_new_keys_still_imports(service: Any) -> None:
    book = _full()
    for key in ("deliverables", "async_guidelines", "time_zone", "alternative_details"):
        del book["plan"][key]
    del book["trial_review"]
    for entry in book["trial_log"]:
        del entry["shareable"]
    clean = fileformat.validate({"format": fileformat.FORMAT, "version": 2, "workbook": book})
    exported = service.export_data(service.import_data(clean).id)
    assert exported["plan"]["deliverables"] == [] and exported["plan"]["time_zone"] == ""
    assert exported["plan"]["alternative_details"] == {}
    assert [entry["shareable"] for entry in exported["trial_log"]] == [False, False]
    assert exported["trial_review"] == {
        "held_on": None,
        "results": [],
        "decision": None,
        "conditions": "",
        "next_review": None,
    }


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        ("plan", {"deliverables": [{"due": "2027-01-01"}]}, "plan.deliverables[0].text: missing"),
        (
            "plan",
            {"deliverables": [{"text": "x", "due": "soon"}]},
            "plan.deliverables[0].due: must be a date",
        ),
        ("plan", {"alternative_details": {"sabbatical": "x"}}, "alternative_details.sabbatical"),
        ("trial_review", {"decision": "maybe"}, "trial_review.decision: must be one of"),
        ("trial_review", {"results": [{"result": "x"}]}, "results[0].measure: missing"),
    ],
)
def test_the_new_keys_are_read_strictly(where: str, value: Any, message: str) -> None:
    book = _full()
    book[where] = {**book.get(where, {}), **value}
    with pytest.raises(FileFormatError, match=message.replace("[", r"\[").replace("]", r"\]")):
        fileformat.validate({"format": fileformat.FORMAT, "version": 2, "workbook": book})


def test_a_version_1_file_may_not_carry_the_trial_review() -> None:
    book = {"name": "Old", "trial_review": {}}
    with pytest.raises(FileFormatError, match="workbook.trial_review: unknown key"):
        fileformat.validate({"format": fileformat.FORMAT, "version": 1, "workbook": book})
    book = {"name": "Old", "trial_log": [{"text": "x", "shareable": True}]}
    with pytest.raises(FileFormatError, match=r"trial_log\[0\].shareable: unknown key"):
        fileformat.validate({"format": fileformat.FORMAT, "version": 1, "workbook": book})


def test_the_command_line_writes_the_review(tmp_path: Path, capsys: Any) -> None:
    from flexprep.cli import main

    db = tmp_path / "db.sqlite3"
    assert main(["--db", str(db), "import", str(FULL_WORKBOOK)]) == 0
    name = capsys.readouterr().out.strip()
    out = tmp_path / "review.docx"
    assert main(["--db", str(db), "export", name, "-o", str(out), "--document", "review"]) == 0
    text = docx_text(out)
    assert "95 % over the eight weeks" in text
    assert "First week: all releases on time." in text and "Undated note." not in text
