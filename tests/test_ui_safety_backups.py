"""Backups in the window: one a day when it opens, taken off the GUI thread, and File ›
Restore from backup…, driven through its dialog."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from flexprep.core import backups
from flexprep.core.database import open_database
from flexprep.core.service import WorkbookService
from flexprep.ui.shell.restore_dialog import RestoreDialog
from tests.uitools import add_sample, open_window, reopen


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Close)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)


def _reasons(db: Path) -> list[str]:
    return [info.reason for info in backups.list_backups(db)]


def test_a_backup_is_taken_once_a_day_off_the_gui_thread(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "db.sqlite3"
    calls: list[tuple[str, Path | None]] = []
    original = backups.daily_backup

    def recording(path: Path) -> Path | None:
        made = original(path)
        calls.append((threading.current_thread().name, made))
        return made

    monkeypatch.setattr(backups, "daily_backup", recording)
    window = open_window(qtbot, db)
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=5000)
    thread, made = calls[0]
    assert thread != threading.main_thread().name
    assert made is not None and made.parent == db.parent / "backups"
    assert _reasons(db) == ["daily"]
    assert backups.describe(made).workbooks == (window.switcher.currentText(),)

    again = reopen(qtbot, window)
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=5000)
    assert calls[1][1] is None  # one a day
    assert _reasons(db) == ["daily"]
    assert again.isVisible()


def _add_workbook(db: Path, name: str) -> None:
    database = open_database(db)
    try:
        WorkbookService(database.factory).create_workbook(name, drafts=False)
    finally:
        database.close()


def test_restore_a_backup_through_the_dialog(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "db.sqlite3"
    add_sample(db)
    sample_only = backups.make_backup(db, "manual")
    _add_workbook(db, "Added later")
    backups.make_backup(db, "manual")  # so today's backup is taken: none is added on opening
    window = open_window(qtbot, db, sample=False)
    sample = window.service.list_workbooks()
    (sample_name,) = [b.name for b in sample if b.name != "Added later"]
    assert window.switcher.count() == 2

    questions: list[str] = []
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])

    def question(_parent, _title, text, *args):  # type: ignore[no-untyped-def]
        questions.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    seen: dict[str, object] = {}

    def use_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        model = dialog.model
        rows = [
            [model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ]
        seen["rows"] = rows
        seen["headers"] = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
        dialog.table.selectRow(1)  # the older one
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)  # Cancel
        seen["still_open"] = dialog.isVisible()
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)  # Yes

    QTimer.singleShot(0, use_the_dialog)
    window.act_restore.trigger()

    assert seen["headers"] == ["Taken", "Why", "Workbooks"]
    rows = seen["rows"]
    assert isinstance(rows, list) and len(rows) == 2
    names = sorted(b.name for b in sample)
    assert rows[0][1] == "On request" and rows[0][2] == ", ".join(names)
    assert rows[1][1] == "On request" and rows[1][2] == sample_name
    assert seen["still_open"] is True
    assert len(questions) == 2 and f"“{sample_name}”" in questions[0]
    # The window shows the restored state at once.
    assert [window.switcher.itemText(i) for i in range(window.switcher.count())] == [sample_name]
    assert window.workbook_id is not None
    assert "Restored the backup of" in window.statusBar().currentMessage()
    # The state before was backed up first, so the restore can be undone.
    before = [info for info in backups.list_backups(db) if info.reason == "before-restore"]
    assert len(before) == 1 and sorted(before[0].workbooks) == names
    assert sample_only.exists()
    # And saving goes on into the restored database.
    editor = window.tab_pages["assessment"].editors["goals"]
    editor.setFocus()
    qtbot.keyClicks(editor, "After the restore. ")
    with qtbot.waitSignal(window.saver.saved, timeout=3000):
        pass
    assert window.service.answers(window.workbook_id)["goals"].startswith("After the restore. ")
    assert not window.safety.notice.isVisible()


def test_the_dialog_says_when_there_are_no_backups(qtbot) -> None:
    dialog = RestoreDialog([])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible()
    assert not dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
