"""Adding, deleting and moving deliverables are steps on the window's undo history,
driven with the mouse and the keyboard as a user would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from flexprep.core.models import Plan
from tests.shots import dark_palette, save_shot
from tests.test_ui_plan_agreement import _fresh_plan
from tests.uitools import child, reopen, saved_part


def _undo(window) -> QAction:  # type: ignore[no-untyped-def]
    return child(window, QAction, "action_undo")


def _redo(window) -> QAction:  # type: ignore[no-untyped-def]
    return child(window, QAction, "action_redo")


def _texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [item["text"] for item in saved_part(window, Plan).deliverables]


def test_add_type_delete_and_ctrl_z_brings_it_back(qtbot, tmp_path: Path) -> None:
    window, tab = _fresh_plan(qtbot, tmp_path)
    editor = tab.deliverables
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert _undo(window).text() == "&Undo add deliverable"
    qtbot.keyClicks(editor.rows[0].text, "Monthly pricing pack")
    for _ in range(2):  # past the date's tick box, into its text
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.rows[0].due.edit
    qtbot.keyClicks(editor.rows[0].due.edit, "2027-02-05")
    qtbot.keyClick(editor.rows[0].due.edit, Qt.Key.Key_Tab)  # read on leaving the field
    assert QApplication.focusWidget() is editor.rows[0].standard
    qtbot.keyClicks(editor.rows[0].standard, "Signed off by finance")
    saved = saved_part(window, Plan).deliverables
    assert saved == [
        {"text": "Monthly pricing pack", "due": "2027-02-05", "standard": "Signed off by finance"}
    ]

    qtbot.mouseClick(editor.rows[0].remove, Qt.MouseButton.LeftButton)
    assert editor.rows == [] and editor.empty.isVisible()
    assert saved_part(window, Plan).deliverables == []
    assert _undo(window).text() == "&Undo delete deliverable 'Monthly pricing pack'"
    offer = child(window, QLabel, "undo_offer_text")
    assert offer.isVisible() and offer.text() == "Deleted deliverable 'Monthly pricing pack'"
    assert child(window, QPushButton, "undo_offer_button").isVisible()

    # The cursor is on the Add button: Ctrl+Z there is the window's Undo.
    assert QApplication.focusWidget() is editor.add_button
    qtbot.keyClick(editor.add_button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [row.text.text() for row in editor.rows] == ["Monthly pricing pack"]
    assert editor.rows[0].standard.text() == "Signed off by finance"
    assert QApplication.focusWidget() is editor.rows[0].text
    assert saved_part(window, Plan).deliverables == saved
    assert _redo(window).text() == "&Redo delete deliverable 'Monthly pricing pack'"

    # Back after a restart.
    window = reopen(qtbot, window)
    rows = window.tab_pages["plan"].deliverables.rows
    assert [(row.text.text(), row.standard.text()) for row in rows] == [
        ("Monthly pricing pack", "Signed off by finance")
    ]
    assert window.service.part(Plan, window.workbook_id).deliverables == saved


def test_moves_and_adds_are_undone_and_redone(qtbot, tmp_path: Path) -> None:
    window, tab = _fresh_plan(qtbot, tmp_path)
    editor = tab.deliverables
    for text in ("Pricing pack", "Margin model", "Quarterly forecast"):
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(editor.rows[-1].text, text)
    assert _texts(window) == ["Pricing pack", "Margin model", "Quarterly forecast"]
    assert not editor.rows[0].up.isEnabled() and not editor.rows[2].down.isEnabled()

    # Ctrl+Up in the last row's text moves it up; the cursor goes with it.
    qtbot.keyClick(editor.rows[2].text, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert _texts(window) == ["Pricing pack", "Quarterly forecast", "Margin model"]
    assert QApplication.focusWidget() is editor.rows[1].text
    assert _undo(window).text() == "&Undo move deliverable 'Quarterly forecast' up"
    qtbot.mouseClick(editor.rows[0].down, Qt.MouseButton.LeftButton)
    assert _texts(window) == ["Quarterly forecast", "Pricing pack", "Margin model"]
    assert _undo(window).text() == "&Undo move deliverable 'Pricing pack' down"

    _undo(window).trigger()
    _undo(window).trigger()
    assert _texts(window) == ["Pricing pack", "Margin model", "Quarterly forecast"]
    # Undoing the last add takes the row with what was typed in it; redo brings both.
    _undo(window).trigger()
    assert _texts(window) == ["Pricing pack", "Margin model"]
    _redo(window).trigger()
    assert _texts(window) == ["Pricing pack", "Margin model", "Quarterly forecast"]
    assert QApplication.focusWidget() is editor.rows[2].text


def test_deliverables_loaded_again_are_not_undone_blindly(qtbot, tmp_path: Path) -> None:
    window, tab = _fresh_plan(qtbot, tmp_path)
    editor = tab.deliverables
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.rows[0].text, "Pricing pack")
    qtbot.mouseClick(editor.rows[0].remove, Qt.MouseButton.LeftButton)
    assert saved_part(window, Plan).deliverables == []
    # Other deliverables arrive from the database (another window, say).
    other = [{"text": "Someone else's", "due": None, "standard": ""}]
    window.service.update_part(Plan, window.workbook_id, deliverables=other)
    editor.set_items(other)
    _undo(window).trigger()
    assert [row.text.text() for row in editor.rows] == ["Someone else's"]
    message = child(window, QLabel, "undo_offer_text")
    assert "loaded again" in message.text()
    qtbot.waitUntil(lambda: not _undo(window).isEnabled())


def test_screenshots_of_the_deliverables(qtbot, tmp_path: Path) -> None:
    """Not an assertion on looks: the shots are for a person to look at."""
    window, tab = _fresh_plan(qtbot, tmp_path)
    window.resize(1366, 768)
    for text in ("Monthly pricing pack", "Margin model"):
        qtbot.mouseClick(tab.deliverables.add_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(tab.deliverables.rows[-1].text, text)
    qtbot.mouseClick(tab.deliverables.rows[0].remove, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.deliverables.add_button, Qt.MouseButton.LeftButton)
    tab.scroll_area.ensureWidgetVisible(tab.deliverables)
    assert save_shot(window, "deliverables_light", tmp_path).stat().st_size > 0
    with dark_palette():
        assert save_shot(window, "deliverables_dark", tmp_path).stat().st_size > 0
