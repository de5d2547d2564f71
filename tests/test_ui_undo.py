"""The window's undo history: the Edit menu, its shortcuts, the status bar's offer, a
history per workbook, and an undo that can no longer be done."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QPushButton

from flexprep.core.models import Ask
from flexprep.ui.widgets.undo import UndoHistory, quoted
from tests.uitools import child, open_window


def _asks(qtbot, window):  # type: ignore[no-untyped-def]
    tab = window.tab_pages["asks"]
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(tab.isVisible)
    return tab


def _titles(window) -> list[str]:  # type: ignore[no-untyped-def]
    window.saver.flush()
    return [a.title for a in window.service.items(Ask, window.workbook_id)]


def _yes(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )


def test_the_edit_menu_offers_undo_and_redo_with_the_standard_keys(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert isinstance(edit, QMenu)
    names = [a.objectName() for a in edit.actions() if not a.isSeparator()]
    assert names[:2] == ["action_undo", "action_redo"]
    undo, redo = child(window, QAction, "action_undo"), child(window, QAction, "action_redo")
    assert undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert redo.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    assert (undo.text(), undo.isEnabled(), redo.text(), redo.isEnabled()) == (
        "&Undo",
        False,
        "&Redo",
        False,
    )
    # One history per window, handed to every tab.
    assert isinstance(window.undo_stack, UndoHistory)
    assert all(
        window.tab_pages[key].ctx.undo_stack is window.undo_stack
        for key in ("asks", "objections", "evidence", "plan", "meeting")
    )


def test_ctrl_z_in_a_list_undoes_and_ctrl_shift_z_redoes(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _yes(monkeypatch)
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _asks(qtbot, window)
    before = _titles(window)
    view = tab.board.views["nice"]
    tab.board.select(tab.board.models["nice"].item(0)["id"], focus=True)
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert len(_titles(window)) == len(before) - 1
    undo_keys = QKeySequence(QKeySequence.StandardKey.Undo)[0]
    redo_keys = QKeySequence(QKeySequence.StandardKey.Redo)[0]
    qtbot.keyClick(view, undo_keys.key(), undo_keys.keyboardModifiers())
    assert _titles(window) == before
    qtbot.keyClick(view, redo_keys.key(), redo_keys.keyboardModifiers())
    assert len(_titles(window)) == len(before) - 1


def test_another_workbook_starts_a_new_history(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _yes(monkeypatch)
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    sample = window.workbook_id
    tab = _asks(qtbot, window)
    tab.board.select(tab.board.models["must"].item(0)["id"])
    qtbot.mouseClick(tab.board.delete_button, Qt.MouseButton.LeftButton)
    undo = child(window, QAction, "action_undo")
    assert undo.isEnabled()
    other = window.service.create_workbook("Hours", "flexible_hours")
    window.switch_to(other.id)
    assert not undo.isEnabled() and window.undo_stack.count() == 0
    window.switch_to(sample)
    assert not undo.isEnabled()


def test_the_status_bar_offer_goes_when_something_else_is_done(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _yes(monkeypatch)
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _asks(qtbot, window)
    tab.board.select(tab.board.models["must"].item(0)["id"])
    qtbot.mouseClick(tab.board.delete_button, Qt.MouseButton.LeftButton)
    offer = child(window, QPushButton, "undo_offer_button")
    assert offer.isVisible()
    qtbot.mouseClick(tab.board.add_buttons["nice"], Qt.MouseButton.LeftButton)
    assert not offer.isVisible()  # its Undo would now undo the new ask


def test_an_undo_that_cannot_be_done_says_so_and_clears_the_history(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _yes(monkeypatch)
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _asks(qtbot, window)
    last = max(a.id for a in window.service.items(Ask, window.workbook_id))
    tab.board.select(last)
    title = tab.board.current()["title"]
    qtbot.mouseClick(tab.board.delete_button, Qt.MouseButton.LeftButton)
    # Another program adds an ask, which gets the freed id.
    window.service.add_item(Ask, window.workbook_id, title="From elsewhere")
    undo = child(window, QAction, "action_undo")
    undo.trigger()
    message = child(window, QLabel, "undo_offer_text")
    assert message.isVisible()
    assert message.text().startswith(
        f"⚠ Could not undo “Delete ask {quoted(title)}”: this ask cannot be put back"
    )
    assert "The undo history was cleared." in message.text()
    assert not child(window, QPushButton, "undo_offer_button").isVisible()
    qtbot.waitUntil(lambda: window.undo_stack.count() == 0)
    assert not undo.isEnabled()
    assert title not in _titles(window) and "From elsewhere" in _titles(window)
