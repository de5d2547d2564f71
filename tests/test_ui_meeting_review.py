"""The trial review in the Meeting tab and the trial log's "share" tick, driven as a user would."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QStyle

from flexprep.core.models import TrialLogEntry, TrialReview
from flexprep.ui.meeting.log import TrialLogTableModel
from flexprep.ui.meeting.tab import MeetingTab
from flexprep.ui.shell.share_check import ShareCheckDialog
from tests.shots import dark_palette, save_shot
from tests.uitools import choose, open_window, reopen, show_tab

MEASURE = "On-time delivery of analysis requests stays at 90% or above"


def _meeting(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    return window, show_tab(window, "meeting", MeetingTab)


def _log_entry(qtbot, tab: MeetingTab, text: str) -> None:  # type: ignore[no-untyped-def]
    view = tab.trial_log.view
    qtbot.mouseClick(tab.trial_log.add_button, Qt.MouseButton.LeftButton)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState, timeout=1000)


def _tick_share(qtbot, tab: MeetingTab, row: int) -> None:  # type: ignore[no-untyped-def]
    """Click the entry's Share box, as a user does."""
    view = tab.trial_log.view
    index = tab.trial_log.model.index(row, TrialLogTableModel.COL_SHARE)
    view.scrollTo(index)
    rect = view.visualRect(index)
    # The check box sits at the left of the cell.
    point = rect.center()
    point.setX(
        rect.left() + 3 + view.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) // 2
    )
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_log_entries_are_shared_one_by_one(qtbot, tmp_path: Path) -> None:
    window, tab = _meeting(qtbot, tmp_path)
    _log_entry(qtbot, tab, "Week 1: every request answered on the day")
    _log_entry(qtbot, tab, "Tired on Thursday; moved the gym")
    model = tab.trial_log.model
    assert model.headerData(TrialLogTableModel.COL_SHARE, Qt.Orientation.Horizontal) == "Share"
    _tick_share(qtbot, tab, 0)
    assert (
        model.data(model.index(0, TrialLogTableModel.COL_SHARE), Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Checked
    )
    assert window.saver.flush()
    entries = window.service.items(TrialLogEntry, window.workbook_id)
    assert [(e.text, e.shareable) for e in entries] == [
        ("Week 1: every request answered on the day", True),
        ("Tired on Thursday; moved the gym", False),
    ]
    window = reopen(qtbot, window)
    tab = window.tab_pages["meeting"]
    window.tabs.setCurrentWidget(tab)
    model = tab.trial_log.model
    assert (
        model.data(model.index(0, TrialLogTableModel.COL_SHARE), Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Checked
    )


def test_the_trial_review_is_recorded_and_exported(qtbot, tmp_path: Path, monkeypatch) -> None:
    window, tab = _meeting(qtbot, tmp_path)
    _log_entry(qtbot, tab, "Client praised the Friday turnaround")
    _log_entry(qtbot, tab, "PRIVATE: felt stretched in budget week")
    _tick_share(qtbot, tab, 0)
    review = tab.review
    # A line per success measure of the plan, ready for its result.
    assert MEASURE in review.results
    tab.scroll_area.ensureWidgetVisible(review)
    review.held_on.edit.setFocus()
    qtbot.keyClicks(review.held_on.edit, "2027-03-08")
    qtbot.keyClick(review.held_on.edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(review.results[MEASURE], "96% over the eight weeks")
    choose(qtbot, review.decision, "Renew with changes")
    qtbot.keyClicks(review.conditions, "Thursdays stay at home; budget week in the office")
    review.next_review.edit.setFocus()
    qtbot.keyClicks(review.next_review.edit, "2027-06-07")
    qtbot.keyClick(review.next_review.edit, Qt.Key.Key_Tab)
    assert window.saver.flush()
    saved = window.service.part(TrialReview, window.workbook_id)
    assert str(saved.held_on) == "2027-03-08" and str(saved.next_review) == "2027-06-07"
    assert saved.decision == "adjust"
    assert {"measure": MEASURE, "result": "96% over the eight weeks"} in saved.results
    assert saved.conditions == "Thursdays stay at home; budget week in the office"

    target = tmp_path / "review.docx"
    monkeypatch.setattr(
        "flexprep.ui.shell.document_export.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), ""),
    )
    # The check before sending lists what the review shares; here it is answered "send".
    checked: list[list[str]] = []

    def send(cls, wb, kind, parent=None, *, check=None):  # type: ignore[no-untyped-def]
        checked.append(list(check.shared) if check is not None else [])
        return False

    monkeypatch.setattr(ShareCheckDialog, "ask", classmethod(send))
    window.commands.open_file_button.hide()
    qtbot.mouseClick(review.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.commands.open_file_button.isVisible(), timeout=20000)
    assert checked and "1 trial-log entry you ticked" in checked[0]
    document = Document(str(target))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    assert "96% over the eight weeks" in text and MEASURE in text
    assert "We agreed to continue the arrangement with the changes below." in text
    assert "Client praised the Friday turnaround" in text
    assert "PRIVATE: felt stretched" not in text
    assert "7 June 2027" in text


def test_screenshots_of_the_review(qtbot, tmp_path: Path) -> None:
    window, tab = _meeting(qtbot, tmp_path)
    window.resize(1366, 768)
    tab.scroll_area.ensureWidgetVisible(tab.review.export_button)
    qtbot.keyClicks(tab.review.results[MEASURE], "96% over the eight weeks")
    assert save_shot(window, "review_light", tmp_path).stat().st_size > 0
    assert save_shot(tab.review, "review_editor_light", tmp_path).stat().st_size > 0
    with dark_palette():
        assert save_shot(window, "review_dark", tmp_path).stat().st_size > 0


def test_the_readiness_link_lands_on_the_review(qtbot, tmp_path: Path) -> None:
    window, tab = _meeting(qtbot, tmp_path)
    window.tabs.setCurrentIndex(0)
    window.signals.navigate.emit("meeting", "review")
    assert window.tabs.currentWidget() is tab
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.review.held_on.check, timeout=1000)
