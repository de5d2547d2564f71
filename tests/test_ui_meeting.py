"""The Meeting & follow-up tab, driven as a user would."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from docx import Document
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
)

from flexprep.core.errors import DatabaseError
from flexprep.core.models import FormalRequest, Meeting, TrialLogEntry
from flexprep.core.readiness import readiness
from flexprep.ui.meeting.log import TrialLogTableModel
from flexprep.ui.meeting.tab import MeetingTab
from tests.sharecheck import answer_share_check
from tests.uitools import child, choose, open_window, reopen, show_tab


def _meeting(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A window on the sample workbook, showing the Meeting tab."""
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    return window, show_tab(window, "meeting", MeetingTab)


def _finish_editing(qtbot, view: QAbstractItemView, key: Qt.Key = Qt.Key.Key_Return) -> None:  # type: ignore[no-untyped-def]
    """Press ``key`` in the open cell editor; the view closes it on its next turn."""
    editor = QApplication.focusWidget()
    assert editor is not None and view.isAncestorOf(editor)
    qtbot.keyClick(editor, key)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState, timeout=1000)


def _log_entry(qtbot, tab: MeetingTab, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(tab.trial_log.add_button, Qt.MouseButton.LeftButton)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    qtbot.keyClicks(line, text)
    _finish_editing(qtbot, tab.trial_log.view)


def test_outcome_next_steps_and_trial_log_survive_reopen(qtbot, tmp_path: Path) -> None:
    window, tab = _meeting(qtbot, tmp_path)
    book_id = window.workbook_id
    choose(qtbot, tab.outcome, "Agreed as a trial")
    qtbot.mouseClick(tab.next_steps.add_button, Qt.MouseButton.LeftButton)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    qtbot.keyClicks(line, "Send Dana the trial plan by Friday")
    _finish_editing(qtbot, tab.next_steps.view)
    qtbot.keyClicks(tab.notes, "Dana asked about month-end cover")

    _log_entry(qtbot, tab, "Week 1: every deadline met")
    rows = window.service.items(TrialLogEntry, book_id)
    assert [(r.date, r.text) for r in rows] == [(date.today(), "Week 1: every deadline met")]
    # F2 on the date cell opens the date for typing, like every date field.
    view = tab.trial_log.view
    view.setCurrentIndex(tab.trial_log.model.index(0, TrialLogTableModel.COL_DATE))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    picker = QApplication.focusWidget()
    assert isinstance(picker, QLineEdit) and picker.objectName() == "trial_log_date_editor"
    picker.selectAll()
    qtbot.keyClicks(picker, "2027-01-18")
    _finish_editing(qtbot, view)
    assert tab.trial_log.model.index(0, 0).data() == "Mon 18 Jan 2027"

    window = reopen(qtbot, window)
    tab = window.tab_pages["meeting"]
    assert window.tabs.currentWidget() is tab
    assert tab.outcome.currentData() == "trial"
    # Added after the sample's own next steps.
    assert tab.next_steps.items()[-1] == "Send Dana the trial plan by Friday"
    assert tab.notes.text() == "Dana asked about month-end cover"
    model = tab.trial_log.model
    assert model.rowCount() == 1
    assert (model.index(0, 0).data(), model.index(0, 1).data()) == (
        "Mon 18 Jan 2027",
        "Week 1: every deadline met",
    )
    meeting = window.service.part(Meeting, window.workbook_id)
    assert meeting.outcome == "trial"
    assert meeting.next_steps[-1] == {
        "text": "Send Dana the trial plan by Friday",
        "owner": "",
        "due": None,
    }


def test_log_entries_are_cancelled_edited_and_deleted(qtbot, tmp_path: Path, monkeypatch) -> None:
    window, tab = _meeting(qtbot, tmp_path)
    log = tab.trial_log
    # Escape on a new, empty entry takes it back.
    log.view.setFocus()
    qtbot.keyClick(log.view, Qt.Key.Key_Insert)
    assert log.model.rowCount() == 1
    _finish_editing(qtbot, log.view, Qt.Key.Key_Escape)
    assert log.model.rowCount() == 0
    assert window.service.items(TrialLogEntry, window.workbook_id) == []

    _log_entry(qtbot, tab, "Check-in moved to Tuesday")
    _log_entry(qtbot, tab, "Week 2 fine")
    log.view.setCurrentIndex(log.model.index(0, TrialLogTableModel.COL_TEXT))
    qtbot.mouseClick(log.edit_button, Qt.MouseButton.LeftButton)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    line.selectAll()
    qtbot.keyClicks(line, "Check-in moved to Wednesday")
    _finish_editing(qtbot, log.view)

    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    log.view.setCurrentIndex(log.model.index(1, TrialLogTableModel.COL_TEXT))
    log.view.setFocus()
    qtbot.keyClick(log.view, Qt.Key.Key_Delete)
    assert len(asked) == 1 and asked[0].startswith("Delete the entry of ")
    texts = [r.text for r in window.service.items(TrialLogEntry, window.workbook_id)]
    assert texts == ["Check-in moved to Wednesday"]
    assert log.model.rowCount() == 1


def test_meeting_date_countdown_timing_and_private_marks(qtbot, tmp_path: Path) -> None:
    window, tab = _meeting(qtbot, tmp_path)
    book_id = window.workbook_id
    assert tab.at.value() == datetime(2026, 12, 3, 10, 0)
    tab.today = lambda: date(2026, 11, 23)
    tab.at.edit.setFocus()
    tab.at.edit.selectAll()
    qtbot.keyClicks(tab.at.edit, "2026-12-04")  # the day only: the time stays
    qtbot.keyClick(tab.at.edit, Qt.Key.Key_Return)
    assert tab.countdown.text() == "<b>In 11 days</b>"
    assert window.saver.flush()
    assert window.service.part(Meeting, book_id).at == datetime(2026, 12, 4, 10, 0)

    # Unticking clears the date; the readiness list then asks for one.
    check = tab.at.check
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert tab.at.value() is None and not tab.countdown.isVisible()
    assert window.saver.flush()
    assert window.service.part(Meeting, book_id).at is None
    keys = [item.key for item in readiness(window.service.export_data(book_id))]
    assert "meeting" in keys

    # A click on a checklist item's text ticks it.
    box = tab.timing.boxes["calm_week"]
    text = next(w for w in tab.timing.findChildren(QLabel) if w.buddy() is box)
    qtbot.mouseClick(text, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
    assert box.isChecked()
    assert window.saver.flush()
    assert window.service.part(Meeting, book_id).timing_checks == [
        "recent_win",
        "calm_week",
        "booked_time",
    ]

    for name in ("timing_group", "talking_points_group", "notes_group"):
        group = child(tab, QGroupBox, name)
        assert group.title().endswith("(private)")
        notes = [w for w in group.findChildren(QLabel) if w.objectName() == "private_note"]
        assert notes and "only in My brief" in notes[0].text()
    assert child(tab, QGroupBox, "outcome_group").title() == "Outcome and next steps"


def test_formal_request_dates(qtbot, tmp_path: Path) -> None:
    window, tab = _meeting(qtbot, tmp_path)
    previous = tab.request.previous
    assert tab.proposed_start.value() == date(2027, 1, 11)
    assert previous.value() == []  # the sample says "none"
    assert previous.choice.currentText() == "No, I have made no earlier request"
    choose(qtbot, previous.choice, "Yes, on these dates")
    previous.date.edit.setFocus()
    qtbot.keyClicks(previous.date.edit, "2025-06-02")
    qtbot.keyClick(previous.date.edit, Qt.Key.Key_Return)
    qtbot.mouseClick(previous.add_button, Qt.MouseButton.LeftButton)
    assert window.saver.flush()
    request = window.service.part(FormalRequest, window.workbook_id)
    assert (request.proposed_start, request.previous_requests) == (
        date(2027, 1, 11),
        ["2025-06-02"],
    )


def test_readiness_links_land_on_the_meeting_fields(qtbot, tmp_path: Path) -> None:
    window, tab = _meeting(qtbot, tmp_path)
    window.tabs.setCurrentIndex(0)
    for anchor, widget in (("at", tab.at.edit), ("talking_points", tab.talking_points.view)):
        window.signals.navigate.emit("meeting", anchor)
        assert window.tabs.currentWidget() is tab
        qtbot.waitUntil(lambda w=widget: QApplication.focusWidget() is w, timeout=1000)


def test_export_follow_up_and_letter_from_the_tab(qtbot, tmp_path: Path, monkeypatch) -> None:
    window, tab = _meeting(qtbot, tmp_path)
    choose(qtbot, tab.outcome, "Agreed as a trial")
    qtbot.mouseClick(tab.next_steps.add_button, Qt.MouseButton.LeftButton)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    qtbot.keyClicks(line, "Book the first check-in for 25 January")
    _finish_editing(qtbot, tab.next_steps.view)
    qtbot.keyClicks(tab.notes, "PRIVATE-NOTE-XYZ")

    def export(button, name: str) -> str:  # type: ignore[no-untyped-def]
        target = tmp_path / name
        monkeypatch.setattr(
            "flexprep.ui.shell.document_export.QFileDialog.getSaveFileName",
            lambda *a, **k: (str(target), ""),
        )
        window.commands.open_file_button.hide()
        checked = answer_share_check()  # the check before it leaves is modal
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.commands.open_file_button.isVisible(), timeout=20000)
        assert checked, "the check before it leaves was shown"
        assert window.commands.last_export == target
        document = Document(str(target))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)

    followup = export(tab.export_followup, "follow-up.docx")
    assert "3 December 2026" in followup
    assert "We agreed to try the change as a trial" in followup
    assert "Book the first check-in for 25 January" in followup
    assert "PRIVATE-NOTE-XYZ" not in followup
    letter = export(tab.export_letter, "letter.docx")
    assert "11 January 2027" in letter
    assert "PRIVATE-NOTE-XYZ" not in letter


def test_tab_order_reads_down_each_column(qtbot, tmp_path: Path) -> None:
    window, tab = _meeting(qtbot, tmp_path)
    tab.at.check.setFocus()
    names: list[str] = []
    # The last field leads back to the top of the window (tab bar, then workbook switcher).
    while QApplication.focusWidget() not in (window.switcher, window.tabs.tabBar()):
        widget = QApplication.focusWidget()
        if not names or names[-1] != widget.objectName():
            names.append(widget.objectName())
        assert len(names) < 60, names
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert names == [
        "meeting_at_set",
        "meeting_at",
        "timing_recent_win",
        "timing_calm_week",
        "timing_booked_time",
        "timing_numbers_ready",
        "timing_no_bad_news",
        "timing_lead_time",
        "timing_notes",
        "talking_points_list",
        "talking_points_add",
        "talking_points_remove",
        "talking_points_down",
        # The formal request (its checklist has no link: the sample's letter is complete).
        "jurisdiction",
        "sent_on_set",
        "sent_on",
        "proposed_start_set",
        "proposed_start",
        "previous_choice",
        "duration",
        "end_date_set",
        "end_date",
        "reason",
        "adjustment",
        *(f"in_request_{n}" for n in range(1, 6)),
        "meeting_notes",
        "outcome",
        *(name for n in range(1, 6) for name in (f"ask_outcome_{n}", f"ask_note_{n}")),
        "next_steps_list",
        "next_steps_add",
        "next_steps_remove",
        "next_steps_down",
        "next_step_owner",
        "next_step_due_set",
        "next_step_due",
        "trial_log_table",
        "trial_log_add",
        "review_held_on_set",
        "review_held_on",
        "review_decision",
        "review_conditions",
        "review_next_set",
        "review_next",
        "export_review",
        "export_followup",
        "export_letter",
    ]


def test_database_errors_are_shown_not_raised(qtbot, tmp_path: Path, monkeypatch) -> None:
    window, tab = _meeting(qtbot, tmp_path)

    def locked(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise DatabaseError("could not save: database is locked")

    monkeypatch.setattr(window.service, "add_item", locked)
    qtbot.mouseClick(tab.trial_log.add_button, Qt.MouseButton.LeftButton)
    assert tab.trial_log.error.isVisible()
    assert "Entry not added: could not save: database is locked" in tab.trial_log.error.text()
    assert tab.trial_log.model.rowCount() == 0

    monkeypatch.setattr(window.service, "part", locked)
    tab.set_workbook(window.workbook_id)
    assert tab.load_error.isVisible() and "database is locked" in tab.load_error.text()
