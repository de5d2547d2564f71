"""Undo and redo of list entries (success measures, talking points, next steps) and of
the trial log, driven with the keyboard and the buttons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox

from flexprep.core.models import Meeting, Offer, Plan, TrialLogEntry
from flexprep.ui.meeting.log import TrialLogTableModel
from flexprep.ui.widgets.undo import quoted
from tests.test_ui_meeting import _finish_editing, _log_entry
from tests.test_ui_plan_measures import _type_new_entry
from tests.uitools import child, open_window


def _undo(window) -> QAction:  # type: ignore[no-untyped-def]
    return child(window, QAction, "action_undo")


def _redo(window) -> QAction:  # type: ignore[no-untyped-def]
    return child(window, QAction, "action_redo")


def _show(qtbot, window, key: str):  # type: ignore[no-untyped-def]
    tab = window.tab_pages[key]
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(tab.isVisible)
    return tab


def _measures(window) -> list[str]:  # type: ignore[no-untyped-def]
    window.saver.flush()
    return list(window.service.part(Plan, window.workbook_id).success_measures)


def _points(window) -> list[str]:  # type: ignore[no-untyped-def]
    window.saver.flush()
    return list(window.service.part(Meeting, window.workbook_id).talking_points)


def test_success_measures_removed_moved_and_added_are_undone(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    measures = _show(qtbot, window, "plan").measures
    start = _measures(window)
    assert len(start) >= 3 and measures.items() == start

    measures.view.setCurrentIndex(measures.model.index(1))
    measures.view.setFocus()
    qtbot.keyClick(measures.view, Qt.Key.Key_Delete)
    assert _measures(window) == [start[0], *start[2:]]
    assert _undo(window).text() == f"&Undo remove success measure {quoted(start[1])}"
    assert (
        child(window, QLabel, "undo_offer_text").text()
        == f"Removed success measure {quoted(start[1])}"
    )
    _undo(window).trigger()
    assert measures.items() == start and _measures(window) == start
    assert measures.view.currentIndex().row() == 1
    _redo(window).trigger()
    assert _measures(window) == [start[0], *start[2:]]
    _undo(window).trigger()

    qtbot.keyClick(measures.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert _measures(window)[0] == start[1]
    assert _undo(window).text() == f"&Undo move success measure {quoted(start[1])} up"
    # A drop inside the list moves the entry through the model's moveRows, as Qt does.
    measures.model.moveRow(QModelIndex(), 2, QModelIndex(), 0)
    assert _measures(window)[0] == start[2]
    assert _undo(window).text() == f"&Undo move success measure {quoted(start[2])} up"
    _undo(window).trigger()
    _undo(window).trigger()
    assert _measures(window) == start

    _type_new_entry(qtbot, measures, "Two check-ins held")
    assert _undo(window).text() == "&Undo add success measure"
    assert "Two check-ins held" in _measures(window)
    _undo(window).trigger()  # the entry goes, with what was typed in it
    assert _measures(window) == start
    _redo(window).trigger()
    assert "Two check-ins held" in measures.items() and "Two check-ins held" in _measures(window)


def test_a_suggestion_added_is_undone(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    book = window.service.create_workbook("Flexible hours", "flexible_hours", drafts=False)
    window.switch_to(book.id)
    measures = _show(qtbot, window, "plan").measures
    button = measures.suggestion_buttons[0]
    suggestion = button.property("suggestion")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert _measures(window) == [suggestion]
    assert _undo(window).text() == f"&Undo add success measure {quoted(suggestion)}"
    _undo(window).trigger()
    assert _measures(window) == [] and measures.items() == []
    assert suggestion in [b.property("suggestion") for b in measures.suggestion_buttons]


def test_talking_points_survive_a_reload_and_are_undone(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _show(qtbot, window, "meeting")
    points = tab.talking_points
    start = _points(window)
    points.view.setCurrentIndex(points.model.index(0))
    points.view.setFocus()
    qtbot.keyClick(points.view, Qt.Key.Key_Insert)  # a new, empty point after the first
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    _finish_editing(qtbot, points.view, Qt.Key.Key_Escape)
    assert points.model.stringList()[1] == ""

    # Elsewhere: an offer added; the meeting tab reads its data again when shown.
    asks = _show(qtbot, window, "asks")
    qtbot.mouseClick(asks.offers.add_button, Qt.MouseButton.LeftButton)
    offers = len(window.service.items(Offer, window.workbook_id))
    _show(qtbot, window, "meeting")
    assert points.model.stringList()[1] == ""  # the empty point is still where it was

    _undo(window).trigger()  # the offer
    assert len(window.service.items(Offer, window.workbook_id)) == offers - 1
    assert window.tabs.currentWidget() is asks
    _undo(window).trigger()  # the empty point
    assert window.tabs.currentWidget() is tab
    assert points.model.stringList() == start
    assert _points(window) == start


def test_a_list_loaded_again_is_not_undone_blindly(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _show(qtbot, window, "meeting")
    points = tab.talking_points
    points.view.setCurrentIndex(points.model.index(0))
    points.view.setFocus()
    qtbot.keyClick(points.view, Qt.Key.Key_Delete)
    # The saved points change underneath (another window, say) and the tab reads them.
    window.saver.flush()
    window.service.update_part(Meeting, window.workbook_id, talking_points=["Only this"])
    tab.set_workbook(window.workbook_id)
    assert points.items() == ["Only this"]
    _undo(window).trigger()
    assert points.items() == ["Only this"] and _points(window) == ["Only this"]
    message = child(window, QLabel, "undo_offer_text")
    assert message.isVisible() and "were loaded again" in message.text()
    qtbot.waitUntil(lambda: not _undo(window).isEnabled())  # the history is cleared


def test_next_steps_removed_are_undone(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _show(qtbot, window, "meeting")
    steps = tab.next_steps
    start = [step["text"] for step in window.service.part(Meeting, window.workbook_id).next_steps]
    qtbot.mouseClick(steps.add_button, Qt.MouseButton.LeftButton)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    qtbot.keyClicks(line, "Send Dana the trial plan by Friday")
    _finish_editing(qtbot, steps.view)
    row = steps.items().index("Send Dana the trial plan by Friday")
    steps.view.setCurrentIndex(steps.model.index(row))
    qtbot.mouseClick(steps.remove_button, Qt.MouseButton.LeftButton)
    assert steps.items() == start
    _undo(window).trigger()
    window.saver.flush()
    saved = window.service.part(Meeting, window.workbook_id).next_steps
    assert saved[row] == {"text": "Send Dana the trial plan by Friday", "owner": "", "due": None}
    _undo(window).trigger()
    assert steps.items() == start


def test_trial_log_entries_added_and_deleted_are_undone(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _show(qtbot, window, "meeting")
    log = tab.trial_log

    def saved() -> list[str]:
        return [r.text for r in window.service.items(TrialLogEntry, window.workbook_id)]

    start = saved()
    undo_text = _undo(window).text()
    # Escape on a new, empty entry takes it back: nothing is left to undo.
    log.view.setFocus()
    qtbot.keyClick(log.view, Qt.Key.Key_Insert)
    _finish_editing(qtbot, log.view, Qt.Key.Key_Escape)
    assert saved() == start
    assert _undo(window).text() == undo_text and not _redo(window).isEnabled()

    _log_entry(qtbot, tab, "Week 1: every deadline met")
    _log_entry(qtbot, tab, "Week 2: fine")
    assert _undo(window).text() == "&Undo add trial log entry"
    log.view.setCurrentIndex(log.model.index(len(start), TrialLogTableModel.COL_TEXT))
    log.view.setFocus()
    qtbot.keyClick(log.view, Qt.Key.Key_Delete)
    assert saved() == [*start, "Week 2: fine"]
    assert _undo(window).text() == "&Undo delete trial log entry 'Week 1: every deadline met'"
    _undo(window).trigger()
    assert saved() == [*start, "Week 1: every deadline met", "Week 2: fine"]
    assert log.view.currentIndex().row() == len(start)
    _undo(window).trigger()  # the second entry, typed text and all
    assert saved() == [*start, "Week 1: every deadline met"]
    _redo(window).trigger()
    assert saved() == [*start, "Week 1: every deadline met", "Week 2: fine"]
    assert [log.model.index(r, 1).data() for r in range(log.model.rowCount())][-1] == "Week 2: fine"
