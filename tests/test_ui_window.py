"""The window driven as a user would: workbooks, saving as you type, readiness, export."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
)

from flexprep.core.errors import DatabaseError
from flexprep.core.models import Ask
from flexprep.core.service import WorkbookService
from flexprep.ui.shell.dialogs import NewWorkbookDialog
from tests.sharecheck import answer_share_check
from tests.uitools import child, open_window, reopen


def _answer(window, key):  # type: ignore[no-untyped-def]
    return window.tab_pages["assessment"].editors[key]


def _wait_saved(qtbot, window):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.saver.has_pending(), timeout=3000)


def test_first_launch_offers_sample_and_new(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3", sample=False)
    assert window.stack.currentWidget() is window.welcome
    assert not window.commands.export_actions["brief"].isEnabled()
    qtbot.mouseClick(window.welcome_sample, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.tabs)
    assert window.switcher.currentText().startswith("Tue/Thu")
    assert window.commands.export_actions["brief"].isEnabled()
    assert "— FlexPrep" in window.windowTitle()


def test_new_workbook_through_the_dialog_starts_with_drafts(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3", sample=False)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewWorkbookDialog)
        qtbot.keyClicks(dialog.name_edit, "Fridays at home")
        dialog.scenario_combo.setCurrentIndex(dialog.scenario_combo.findData("remote_hybrid"))
        qtbot.keyClicks(dialog.manager_edit, "Sam")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(window.welcome_new, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.switcher.currentText() == "Fridays at home")
    book = window.service.workbook(window.workbook_id)
    assert (book.scenario, book.manager) == ("remote_hybrid", "Sam")
    asks = window.service.items(Ask, book.id)
    assert asks and all(a.draft for a in asks)


def test_answers_are_saved_as_you_type_and_survive_reopen(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    sample_id = window.workbook_id
    editor = _answer(window, "goals")
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Plus")
    # Pasted, as QTest can type ASCII only.
    editor.insertPlainText(" עברית and a 🚀.")
    with qtbot.waitSignal(window.saver.saved, timeout=1000) as blocker:
        pass
    assert window.service.answers(sample_id)["goals"].endswith(" Plus עברית and a 🚀.")
    assert window.save_label.text() == f"All changes saved at {blocker.args[0]:%H:%M:%S}"

    other = window.service.create_workbook("Second", "flexible_hours", drafts=False)
    window.refresh_switcher()
    window.switcher.setCurrentIndex(window.switcher.findData(other.id))
    window.switcher.activated.emit(window.switcher.currentIndex())
    assert window.workbook_id == other.id
    assert _answer(window, "goals").text() == ""
    qtbot.keyClicks(_answer(window, "balance"), "Evenings free")
    window.tabs.setCurrentIndex(2)
    window.resize(760, 560)

    again = reopen(qtbot, window)
    assert again.workbook_id == other.id
    assert again.tabs.currentIndex() == 2
    assert (again.width(), again.height()) == (760, 560)
    assert again.service.answers(other.id)["balance"] == "Evenings free"
    again.tabs.setCurrentIndex(0)
    again.switch_to(sample_id)
    assert _answer(again, "goals").text().endswith("עברית and a 🚀.")


def test_a_failed_save_is_shown_and_retried(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    original = WorkbookService.set_answer

    def broken(self, *args):  # type: ignore[no-untyped-def]
        raise DatabaseError("could not save: database or disk is full")

    monkeypatch.setattr(WorkbookService, "set_answer", broken)
    editor = _answer(window, "timing")
    editor.set_text("")
    qtbot.keyClicks(editor, "After the Q4 launch")
    with qtbot.waitSignal(window.saver.failed, timeout=1000):
        pass
    assert window.save_label.text().startswith(
        "⚠ Not saved: could not save: database or disk is full"
    )
    assert editor.text() == "After the Q4 launch"
    monkeypatch.setattr(WorkbookService, "set_answer", original)
    with qtbot.waitSignal(window.saver.saved, timeout=1000) as blocker:
        assert window.saver.flush()
    assert window.service.answers(window.workbook_id)["timing"] == "After the Q4 launch"
    assert window.save_label.text() == f"All changes saved at {blocker.args[0]:%H:%M:%S}"


def test_readiness_link_takes_you_to_the_place_to_fix(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3", sample=False)
    book = window.service.create_workbook("Blank", "other", drafts=False)
    window.switch_to(book.id)
    window.tabs.setCurrentIndex(0)
    panel = window.tab_pages["assessment"].readiness
    qtbot.waitUntil(lambda: bool(panel.buttons))
    prompts = next(b for b in panel.buttons if b.objectName() == "readiness_prompts")
    qtbot.mouseClick(prompts, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is _answer(window, "goals")
    must = next(b for b in panel.buttons if b.objectName() == "readiness_no_must")
    qtbot.mouseClick(must, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.tab_pages["asks"]
    # The list updates once the thing is fixed.
    window.tabs.setCurrentIndex(0)
    qtbot.keyClicks(_answer(window, "goals"), "x")
    qtbot.waitUntil(lambda: "13 self-assessment" in " ".join(b.text() for b in panel.buttons))


def test_tab_shortcuts(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    window.tabs.setCurrentIndex(0)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 5
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentIndex() == 2


def test_rename_duplicate_delete(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Hybrid plan", True))
    window.commands.act_rename.trigger()
    qtbot.waitUntil(lambda: window.switcher.currentText() == "Hybrid plan")
    window.commands.act_duplicate.trigger()
    qtbot.waitUntil(lambda: window.switcher.currentText() == "Hybrid plan (2)")
    assert window.service.answers(window.workbook_id)["goals"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.commands.act_delete.trigger()
    assert window.switcher.count() == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.commands.act_delete.trigger()
    window.commands.act_delete.trigger()  # while the first runs: refused, said so
    assert "Still working" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.switcher.count() == 1)
    window.commands.act_delete.trigger()
    qtbot.waitUntil(lambda: window.switcher.count() == 0)
    assert window.stack.currentWidget() is window.welcome


def test_rename_clash_is_explained(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    window.service.create_workbook("Taken", drafts=False)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Taken", True))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    window.commands.act_rename.trigger()
    qtbot.waitUntil(lambda: bool(shown))
    assert "already exists" in shown[0]
    assert window.switcher.currentText().startswith("Tue/Thu")


def test_workbook_file_export_and_import(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    target = tmp_path / "backup.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.commands.act_export_file.trigger()
    qtbot.waitUntil(lambda: "written to" in window.statusBar().currentMessage())
    assert target.exists()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    window.commands.act_import.trigger()
    qtbot.waitUntil(lambda: window.switcher.currentText().endswith("(2)"))
    assert window.statusBar().currentMessage().startswith("Imported “")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "flexprep.workbook", "version": 1, "workbook": {"name": 3}}')
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    window.commands.act_import.trigger()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == ["bad.json: workbook.name: must be text"]


def test_export_the_brief_with_its_shortcut(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    editor = _answer(window, "goals")
    editor.set_text("")
    qtbot.keyClicks(editor, "Finish the MBA, keep delivery steady")
    target = tmp_path / "out" / "my brief"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.keyClick(editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.commands.progress.isVisible()
    written = target.with_name("my brief.docx")
    qtbot.waitUntil(lambda: window.commands.open_file_button.isVisible(), timeout=20000)
    assert window.commands.last_export == written
    assert "saved to" in window.statusBar().currentMessage()
    text = "\n".join(p.text for p in Document(str(written)).paragraphs)
    assert "Finish the MBA, keep delivery steady" in text


def test_export_failure_is_reported(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    target = tmp_path / "missing-folder" / "x.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    checked = answer_share_check()  # the check before it leaves: "Export…"
    window.commands.export_actions["proposal"].trigger()
    qtbot.waitUntil(lambda: bool(checked), timeout=20000)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "missing-folder" in shown[0]
    assert not target.exists()


def test_every_prompt_is_shown_in_order_with_its_answer(qtbot, tmp_path: Path) -> None:
    """The first prompts are built before the first paint, the rest right after it."""
    from flexprep.core import vocab

    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = window.tab_pages["assessment"]
    qtbot.waitUntil(lambda: len(tab._editors) == len(vocab.PROMPT_KEYS))
    column = tab._column
    shown = [
        column.itemAt(i).widget().objectName()
        for i in range(column.count())
        if column.itemAt(i).widget() is not None
        and column.itemAt(i).widget().objectName().startswith("answer_")
    ]
    assert shown == [f"answer_{key}" for key in vocab.PROMPT_KEYS]
    saved = window.service.answers(window.workbook_id)
    assert all(tab.editors[key].text() == saved.get(key, "") for key in vocab.PROMPT_KEYS)
    assert tab.editors["timing"].text()


def test_child_finds_a_widget_by_name_and_type(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3", show=False)
    assert child(window, QComboBox, "workbook_switcher") is window.switcher
    with pytest.raises(LookupError, match="no child named 'nothing_here' in 'main_window'"):
        child(window, QComboBox, "nothing_here")
    with pytest.raises(LookupError, match="'workbook_switcher' is a QComboBox, not a QLabel"):
        child(window, QLabel, "workbook_switcher")
