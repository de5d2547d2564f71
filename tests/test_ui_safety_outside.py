"""Changes made outside the window, by the command line or another process: new workbooks
appear, a changed workbook is reloaded, and text typed over an old version is never
written over the new one but kept aside, where the user can see it."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from conftest import FULL_WORKBOOK
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from test_cli import flexprep, ok

from flexprep.core.models import Ask
from flexprep.ui.shell import safety
from flexprep.ui.shell.banner import KeptTextDialog
from tests.uitools import open_window

#: Another FlexPrep process writing one answer through the service, as the CLI would.
WRITE_ANSWER = """
import sys
from flexprep.core.database import open_database
from flexprep.core.service import WorkbookService
db = open_database(sys.argv[1])
WorkbookService(db.factory).set_answer(int(sys.argv[2]), sys.argv[3], sys.argv[4])
db.close()
"""

#: Another program deleting rows with plain SQL (foreign keys cascade).
DELETE_ROW = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
connection.execute("PRAGMA foreign_keys=ON")
connection.execute(f"DELETE FROM {sys.argv[2]} WHERE id = ?", (int(sys.argv[3]),))
connection.commit()
connection.close()
"""


def run(script: str, *args: object) -> None:
    subprocess.run(
        [sys.executable, "-c", script, *map(str, args)], check=True, timeout=60, capture_output=True
    )


def recovery_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.recovery-*.json"))


def kept_edits(path: Path) -> list[dict[str, object]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "flexprep.recovery"
    return data["edits"]  # type: ignore[no-any-return]


def _answer(window, key):  # type: ignore[no-untyped-def]
    return window.tab_pages["assessment"].editors[key]


def _type_at_end(qtbot, editor, text: str) -> None:  # type: ignore[no-untyped-def]
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, text)


def _next_second(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Wait until the clock has passed the current workbook's stamp (kept to the second)."""
    known = window.safety.tracker.known(window.workbook_id)
    qtbot.waitUntil(lambda: datetime.now().replace(microsecond=0) > known, timeout=3000)


def test_a_workbook_imported_from_the_command_line_appears_in_the_list(
    qtbot, tmp_path: Path
) -> None:
    db = tmp_path / "db.sqlite3"
    window = open_window(qtbot, db)
    current = window.switcher.currentText()
    assert window.switcher.count() == 1
    name = ok(flexprep("--db", db, "import", FULL_WORKBOOK, cwd=tmp_path)).strip()
    qtbot.waitUntil(lambda: window.switcher.findText(name) >= 0, timeout=10000)
    assert window.switcher.count() == 2
    assert window.switcher.currentText() == current  # the open workbook stays open


def test_a_workbook_changed_elsewhere_is_reloaded_when_nothing_is_being_typed(
    qtbot, tmp_path: Path
) -> None:
    db = tmp_path / "db.sqlite3"
    window = open_window(qtbot, db)
    editor = _answer(window, "goals")
    _next_second(qtbot, window)
    run(WRITE_ANSWER, db, window.workbook_id, "goals", "Written by another process")
    qtbot.waitUntil(lambda: editor.text() == "Written by another process", timeout=10000)
    assert "changed outside this window" in window.statusBar().currentMessage()
    # Typing on the new version saves normally.
    _type_at_end(qtbot, editor, ", then by me")
    with qtbot.waitSignal(window.saver.saved, timeout=3000):
        pass
    assert (
        window.service.answers(window.workbook_id)["goals"]
        == "Written by another process, then by me"
    )
    assert not window.safety.notice.isVisible()
    assert recovery_files(tmp_path) == []


def test_text_typed_over_an_old_version_is_kept_aside_not_written_over_the_new(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The poll has not noticed the change yet: the save itself finds it.
    monkeypatch.setattr(safety, "POLL_INTERVAL_MS", 3_600_000)
    db = tmp_path / "db.sqlite3"
    window = open_window(qtbot, db)
    book = window.service.workbook(window.workbook_id)
    editor = _answer(window, "goals")
    mine = editor.text() + " and mine"
    _next_second(qtbot, window)
    run(WRITE_ANSWER, db, book.id, "goals", "Theirs")

    _type_at_end(qtbot, editor, " and mine")
    notice = window.safety.notice
    qtbot.waitUntil(notice.isVisible, timeout=5000)
    assert f"“{book.name}” was changed outside this window" in notice.text()
    (kept,) = recovery_files(tmp_path)
    assert str(kept) in notice.text()
    qtbot.waitUntil(lambda: editor.text() == "Theirs", timeout=3000)  # the newer version
    assert window.service.answers(book.id)["goals"] == "Theirs"  # not written over
    assert kept.name.startswith("db.sqlite3.recovery-")
    assert kept.stat().st_mode & 0o777 == 0o600
    (edit,) = kept_edits(kept)
    assert (edit["workbook"], edit["field"], edit["text"]) == (
        book.name,
        "Self-assessment: goals",
        mine,
    )
    assert "changed outside this window" in str(edit["reason"])
    assert window.save_label.text().startswith("⚠ Not saved:")

    # "Show my text" shows what was kept, to copy back.
    seen: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, KeptTextDialog)
        seen.append(dialog.text_view.toPlainText())
        dialog.reject()

    QTimer.singleShot(0, read_and_close)
    qtbot.mouseClick(notice.show_text_button, Qt.MouseButton.LeftButton)
    assert seen and mine in seen[0] and book.name in seen[0]

    # From now on typing saves over the version the window shows.
    _type_at_end(qtbot, editor, " (merged)")
    with qtbot.waitSignal(window.saver.saved, timeout=3000):
        pass
    assert window.service.answers(book.id)["goals"] == "Theirs (merged)"
    qtbot.mouseClick(notice.dismiss_button, Qt.MouseButton.LeftButton)
    assert not notice.isVisible()


def test_a_workbook_deleted_elsewhere_keeps_the_text_and_others_keep_saving(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safety, "POLL_INTERVAL_MS", 3_600_000)
    db = tmp_path / "db.sqlite3"
    window = open_window(qtbot, db)
    gone = window.service.workbook(window.workbook_id)
    other = window.service.create_workbook("Still here", "other", drafts=False)
    run(DELETE_ROW, db, "workbook", gone.id)

    _type_at_end(qtbot, _answer(window, "balance"), " Typed into a deleted workbook")
    notice = window.safety.notice
    qtbot.waitUntil(notice.isVisible, timeout=5000)
    assert f"“{gone.name}” was deleted outside this window" in notice.text()
    qtbot.waitUntil(lambda: window.workbook_id == other.id, timeout=3000)
    (kept,) = recovery_files(tmp_path)
    (edit,) = kept_edits(kept)
    assert edit["workbook"] == gone.name and edit["field"] == "Self-assessment: balance"
    assert str(edit["text"]).endswith(" Typed into a deleted workbook")
    assert window.switcher.findText(gone.name) < 0

    _type_at_end(qtbot, _answer(window, "balance"), "Evenings free")
    with qtbot.waitSignal(window.saver.saved, timeout=3000):
        pass
    assert window.service.answers(other.id)["balance"] == "Evenings free"


def test_an_item_deleted_elsewhere_fails_alone(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    window = open_window(qtbot, db)
    tab = window.tab_pages["asks"]
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(tab.isVisible)
    ask = tab.board.asks()[0]
    tab.board.select(ask["id"])
    run(DELETE_ROW, db, "ask", ask["id"])  # plain SQL: the workbook's stamp is unchanged

    tab.editor.title_edit.setFocus()
    tab.editor.title_edit.end(False)
    qtbot.keyClicks(tab.editor.title_edit, " (firm)")
    tab.walk_away.set_text("")
    qtbot.keyClicks(tab.walk_away, "A formal request")
    notice = window.safety.notice
    qtbot.waitUntil(notice.isVisible, timeout=5000)
    assert notice.text().startswith(f"Not saved: Ask #{ask['id']}: title: ")
    assert "no longer exists" in notice.text()
    # The other field was saved all the same.
    qtbot.waitUntil(lambda: not window.saver.has_pending(), timeout=3000)
    assert window.service.workbook(window.workbook_id).walk_away == "A formal request"
    assert [a.id for a in window.service.items(Ask, window.workbook_id)].count(ask["id"]) == 0
    (kept,) = recovery_files(tmp_path)
    (edit,) = kept_edits(kept)
    assert edit["text"] == ask["title"] + " (firm)"


def test_the_poll_costs_one_pragma_when_nothing_changed(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    window = open_window(qtbot, db)
    watcher = window.safety.watcher
    qtbot.waitUntil(lambda: watcher.poll() is None, timeout=5000)
    statements: list[str] = []
    watcher._connection.driver_connection.set_trace_callback(statements.append)
    assert watcher.poll() is None
    assert statements == ["PRAGMA data_version"]
    other = sqlite3.connect(db)
    other.execute("UPDATE workbook SET manager = 'Kim'")
    other.commit()
    other.close()
    assert watcher.poll() is not None
