"""Check before it leaves: the findings, and the dialog that shows them."""

from __future__ import annotations

from documents_fixtures import sample, with_drafts
from PySide6.QtCore import Qt

from flexprep.ui.shell.share_check import WARNING, ShareCheckDialog, findings


def keys(wb: dict, kind: str = "proposal") -> set[str]:  # type: ignore[type-arg]
    return {finding.key for finding in findings(wb, kind).findings}


def test_the_sample_proposal_has_only_notes() -> None:
    check = findings(sample(), "proposal")
    assert "3 asks" not in check.shared and "5 asks" in check.shared
    assert "your weekly pattern, now and proposed" in check.shared
    assert "3 shareable endorsements" in check.shared
    assert {f.key for f in check.findings} == {"alternatives", "private"}
    assert all(f.level != WARNING for f in check.findings)


def test_drafts_worse_metrics_and_missing_people_are_flagged() -> None:
    wb = with_drafts()
    wb["evidence"][0].update(before=95, after=88)
    del wb["about"]
    wb["manager"] = ""
    wb["proposal_title"] = ""
    check = findings(wb, "proposal")
    assert check.draft_asks == 2
    assert {"drafts", "worse", "sender", "addressee", "title"} <= {f.key for f in check.findings}
    # The drafts are not counted among what is shared.
    assert "1 ask" in check.shared


def test_the_follow_up_lists_outcome_and_next_steps() -> None:
    check = findings(sample(), "followup")
    # The two steps due before the meeting were part of preparing for it.
    assert check.shared == ["5 asks", "the outcome (pending)", "1 next step"]
    assert "worse" not in keys(sample(), "followup")


def test_the_dialog_shows_the_findings_and_the_drafts_choice(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ShareCheckDialog(with_drafts(), "proposal")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.drafts_box.isVisible() and not dialog.include_drafts
    assert any("still a draft" in label.text() for label in dialog.finding_labels)
    dialog.drafts_box.setFocus()
    qtbot.keyClick(dialog.drafts_box, Qt.Key.Key_Space)
    assert dialog.include_drafts
    plain = ShareCheckDialog(sample(), "proposal")
    qtbot.addWidget(plain)
    plain.show()
    assert not plain.drafts_box.isVisible()
