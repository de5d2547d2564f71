"""Exporting from the window: the check before a manager-facing document leaves.

A workbook whose asks are partly drafts, exported as a proposal through File > Export
document: the check lists the drafts; accepted as it is, the .docx leaves them out;
ticked, it keeps them; cancelled, nothing is written. The brief (private) goes
straight to the save dialog. The workbook is read off the GUI thread.
"""

from __future__ import annotations

import threading
from pathlib import Path

from documents_fixtures import TITLE, WORKBOOK_NAME, with_drafts
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from flexprep.core import fileformat
from flexprep.ui.shell.share_check import ShareCheckDialog
from tests.sharecheck import answer_share_check, stop_answering
from tests.uitools import open_window

DRAFT = "For example Tuesday and Thursday at home"
OWN = "My own ask, in my own words"


def _window_on_drafts(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    data = fileformat.validate(
        {"format": "flexprep.workbook", "version": 2, "workbook": with_drafts()}
    )
    book = window.service.import_data(data)
    window.switch_to(book.id)
    return window


def _export(qtbot, window, target: Path, act, monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """Export the proposal to ``target``, ``act`` on the check; the suggested names."""
    asked: list[str] = []

    def save_name(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    seen = answer_share_check(act)
    window.commands.export_actions["proposal"].trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    return asked


def _text(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def test_the_check_lists_drafts_and_leaves_them_out(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = _window_on_drafts(qtbot, tmp_path)
    reads: list[bool] = []
    export_data = window.service.export_data

    def recorded(workbook_id: int):  # type: ignore[no-untyped-def]
        reads.append(threading.current_thread() is threading.main_thread())
        return export_data(workbook_id)

    monkeypatch.setattr(window.service, "export_data", recorded)
    shown: list[str] = []

    def accept(dialog: ShareCheckDialog) -> None:
        shown.extend(label.text() for label in dialog.finding_labels)
        shown.append(dialog.shared_label.text())
        assert dialog.drafts_box.isVisible() and not dialog.drafts_box.isChecked()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    target = tmp_path / "proposal.docx"
    asked = _export(qtbot, window, target, accept, monkeypatch)
    # The manager sees the attachment's name: the proposal title, not the workbook's.
    assert asked == [str(Path.home() / f"{TITLE} - Proposal.docx")]
    assert WORKBOOK_NAME not in asked[0]
    assert any("2 asks are still a draft" in text for text in shown)
    assert "\u2022 1 ask" in shown[-1]
    qtbot.waitUntil(lambda: window.commands.open_file_button.isVisible(), timeout=20000)
    assert window.commands.last_export == target
    text = _text(target)
    assert OWN in text and DRAFT not in text
    assert reads and not any(reads)  # never read in the GUI thread


def test_ticking_include_keeps_the_drafts(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = _window_on_drafts(qtbot, tmp_path)

    def include(dialog: ShareCheckDialog) -> None:
        dialog.drafts_box.setFocus()
        qtbot.keyClick(dialog.drafts_box, Qt.Key.Key_Space)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    target = tmp_path / "with drafts.docx"
    _export(qtbot, window, target, include, monkeypatch)
    qtbot.waitUntil(lambda: window.commands.open_file_button.isVisible(), timeout=20000)
    text = _text(target)
    assert OWN in text and DRAFT in text


def test_cancel_writes_nothing(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = _window_on_drafts(qtbot, tmp_path)

    def cancel(dialog: ShareCheckDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    target = tmp_path / "never.docx"
    _export(qtbot, window, target, cancel, monkeypatch)
    qtbot.waitUntil(lambda: "cancelled" in window.statusBar().currentMessage(), timeout=5000)
    assert not target.exists()
    assert not window.commands.progress.isVisible()


def test_the_brief_needs_no_check(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = _window_on_drafts(qtbot, tmp_path)
    target = tmp_path / "brief.docx"
    suggested: list[str] = []

    def save_name(_parent, _title, name, _filter):  # type: ignore[no-untyped-def]
        suggested.append(name)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    checks = answer_share_check(lambda dialog: dialog.reject())
    window.commands.export_actions["brief"].trigger()
    qtbot.waitUntil(lambda: window.commands.open_file_button.isVisible(), timeout=20000)
    stop_answering()
    assert not checks and target.exists()
    # The brief is the user's own: named after the workbook, drafts and all.
    assert "Tue Thu at home" in suggested[0]
    assert DRAFT in _text(target)


def test_the_appeal_flags_alternatives_never_looked_at() -> None:
    from flexprep.ui.shell.share_check import findings

    wb = with_drafts()
    wb["plan"]["alternatives"] = ["async", "phased_start", "compressed_week"]  # as seeded
    check = findings(wb, "appeal")
    flagged = [f.text for f in check.findings if f.key == "suggested"]
    assert flagged and "compressed week" in flagged[0] and "Plan tab" in flagged[0]
    wb["plan"]["alternatives"] = ["compressed_week", "async"]  # the user's own choice
    assert "suggested" not in {f.key for f in findings(wb, "appeal").findings}
    assert "suggested" not in {f.key for f in findings(with_drafts(), "proposal").findings}
