"""Saving that cannot jam: one failing edit holds up no other, a database file deleted or
replaced under the window is noticed at the next save and the text kept aside, closing
never throws text away, and a database locked by another process never freezes the
window."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox
from test_ui_safety_outside import kept_edits, recovery_files

from flexprep.core.database import open_database
from flexprep.core.errors import DatabaseError
from flexprep.core.recovery import RecoveryFile
from flexprep.core.service import WorkbookService
from tests.uitools import add_sample, open_window


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test that fails half-way must not hang on a real message box when it closes."""
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Close)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)


def _answer(window, key):  # type: ignore[no-untyped-def]
    return window.tab_pages["assessment"].editors[key]


def _type_at_end(qtbot, editor, text: str) -> None:  # type: ignore[no-untyped-def]
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, text)


def test_a_failing_field_holds_up_no_other_and_is_retried(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    original = WorkbookService.set_answer

    def failing_on_timing(self, workbook_id, key, text):  # type: ignore[no-untyped-def]
        if key == "timing":
            raise DatabaseError("could not save: disk I/O error")
        return original(self, workbook_id, key, text)

    monkeypatch.setattr(WorkbookService, "set_answer", failing_on_timing)
    _answer(window, "timing").set_text("")
    qtbot.keyClicks(_answer(window, "timing"), "After the launch")
    _type_at_end(qtbot, _answer(window, "goals"), " And study.")  # queued after the failing one
    with qtbot.waitSignal(window.saver.failed, timeout=2000):
        pass
    answers = window.service.answers(window.workbook_id)
    assert answers["goals"].endswith(" And study.")
    assert answers["timing"] != "After the launch"
    assert window.save_label.text().startswith("⚠ Not saved: could not save: disk I/O error")
    # Retried on its own once the disk is back.
    monkeypatch.setattr(WorkbookService, "set_answer", original)
    with qtbot.waitSignal(window.saver.saved, timeout=8000):
        pass
    assert window.service.answers(window.workbook_id)["timing"] == "After the launch"
    assert recovery_files(tmp_path) == []


def _delete(db: Path, _folder: Path) -> str:
    for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        path.unlink(missing_ok=True)
    return "was deleted or moved"


def _move(db: Path, folder: Path) -> str:
    (folder / "elsewhere").mkdir()
    shutil.move(db, folder / "elsewhere" / db.name)
    return "was deleted or moved"


def _replace(db: Path, folder: Path) -> str:
    other = folder / "other.sqlite3"
    add_sample(other)
    os.replace(other, db)
    return "was replaced by another file"


@pytest.mark.parametrize("happen", [_delete, _move, _replace], ids=["deleted", "moved", "replaced"])
def test_a_database_file_gone_or_replaced_is_noticed_and_the_text_kept(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, happen
) -> None:
    db = tmp_path / "db.sqlite3"
    window = open_window(qtbot, db)
    editor = _answer(window, "goals")
    _type_at_end(qtbot, editor, " One.")
    with qtbot.waitSignal(window.saver.saved, timeout=3000):
        pass
    words = happen(db, tmp_path)

    _type_at_end(qtbot, editor, " Two.")
    banner = window.safety.read_only_banner
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    assert f"The database file {db} {words}" in banner.text()
    assert "Nothing more can be saved into it" in banner.text()
    assert window.save_label.text().startswith(f"⚠ Not saved: the database file {db} {words}")
    (kept,) = recovery_files(tmp_path)
    assert str(kept) in banner.text()
    (edit,) = kept_edits(kept)
    assert str(edit["text"]).endswith(" One. Two.")
    assert kept.stat().st_mode & 0o777 == 0o600

    # Typing goes on into the same file; closing right after typing says where it is.
    _type_at_end(qtbot, editor, " Three.")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _title, text, *a: shown.append(text))
    window.close()
    assert recovery_files(tmp_path) == [kept]
    (edit,) = kept_edits(kept)
    assert str(edit["text"]).endswith(" One. Two. Three.")
    assert len(shown) == 1 and str(kept) in shown[0]


def test_closing_while_saves_fail_keeps_the_text_in_a_recovery_file(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    name = window.switcher.currentText()

    def full(self, *args):  # type: ignore[no-untyped-def]
        raise DatabaseError("could not save: database or disk is full")

    monkeypatch.setattr(WorkbookService, "set_answer", full)
    editor = _answer(window, "timing")
    editor.set_text("")
    qtbot.keyClicks(editor, "Before the reorganisation")
    answers = iter(
        [
            QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Retry,
            QMessageBox.StandardButton.Close,
        ]
    )
    asked: list[str] = []

    def warning(_parent, _title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "warning", warning)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _title, text, *a: shown.append(text))
    assert not window.close()  # Cancel: the window stays open
    assert window.isVisible() and len(asked) == 1
    assert "database or disk is full" in asked[0] and "Traceback" not in asked[0]
    assert window.close()  # Retry (fails again), then Close
    assert len(asked) == 3
    (kept,) = recovery_files(tmp_path)
    assert len(shown) == 1 and str(kept) in shown[0]
    (edit,) = kept_edits(kept)
    assert edit == {
        **edit,
        "workbook": name,
        "field": "Self-assessment: timing",
        "text": "Before the reorganisation",
    }
    assert "database or disk is full" in str(edit["reason"])


#: A second process holding the database's write lock for a few seconds.
HOLD_EXCLUSIVE = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("ROLLBACK")
connection.close()
"""
HOLD_SECONDS = 9
STALL_LIMIT_MS = 50


@contextmanager
def lock_held(db: Path, seconds: float) -> Iterator[subprocess.Popen[str]]:
    """Another process holding ``db``'s write lock for ``seconds``; ended on leaving."""
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_EXCLUSIVE, str(db), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "locked"
            yield holder
        finally:
            holder.terminate()


def heartbeat(beat: Callable[[], None]) -> QTimer:
    """A 5 ms timer calling ``beat``: the gaps between beats are the window's stalls."""
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(5)
    timer.timeout.connect(beat)
    return timer


class StallMeter:
    """The gaps (ms) between the beats of a :func:`heartbeat` while it runs: how long the
    window's event loop stalled each time."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last = 0.0
        self.timer = heartbeat(self._beat)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()


def test_a_locked_database_never_freezes_the_window(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    window = open_window(qtbot, db)
    editor = _answer(window, "goals")
    qtbot.wait(500)  # let the window settle: the prompts built after the first paint
    beats = StallMeter()
    with lock_held(db, HOLD_SECONDS) as holder:
        beats.start()
        typed = ""
        for word in ("while ", "another ", "program ", "holds ", "the ", "lock"):
            _type_at_end(qtbot, editor, word)
            typed += word
            qtbot.wait(700)  # typing on while saves wait on the lock
        with qtbot.waitSignal(window.saver.failed, timeout=10000):
            pass
        assert "locked by another program" in window.save_label.text()
        if sys.platform.startswith("linux"):  # and which: named from /proc
            assert "held open by python" in window.save_label.text()
            assert f"(process {holder.pid})" in window.save_label.text()
        # The retry may land the moment the lock goes, before a wait could start:
        # count saves from here on rather than waiting for the next one.
        saves: list[object] = []
        window.saver.saved.connect(lambda *args: saves.append(args))
        qtbot.waitUntil(lambda: holder.poll() is not None, timeout=20000)
        qtbot.waitUntil(lambda: bool(saves), timeout=10000)
        beats.stop()
    assert window.service.answers(window.workbook_id)["goals"].endswith(typed)
    longest = max(beats.gaps)
    print(
        f"longest event-loop stall while the database was locked: {longest:.1f} ms "
        f"({len(beats.gaps)} beats)"
    )
    assert longest < STALL_LIMIT_MS


def test_a_read_only_look_at_the_same_database_sees_the_saved_text(qtbot, tmp_path: Path) -> None:
    """What the window saved is in the file for any other reader (WAL, committed)."""
    db = tmp_path / "db.sqlite3"
    window = open_window(qtbot, db)
    _type_at_end(qtbot, _answer(window, "goals"), " Seen elsewhere.")
    with qtbot.waitSignal(window.saver.saved, timeout=3000):
        pass
    reader = open_database(db, read_only=True)
    try:
        answers = WorkbookService(reader.factory).answers(window.workbook_id)
    finally:
        reader.close()
    assert answers["goals"].endswith(" Seen elsewhere.")


def test_with_no_room_even_for_a_recovery_file_closing_asks_before_losing_text(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")

    def full(*args: object) -> None:
        raise DatabaseError("could not save: database or disk is full")

    def no_space(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(WorkbookService, "set_answer", full)
    monkeypatch.setattr(RecoveryFile, "keep", no_space)
    qtbot.keyClicks(_answer(window, "timing"), "x")
    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.Close, QMessageBox.StandardButton.Cancel])

    def warning(_parent, _title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return next(answers, QMessageBox.StandardButton.Close)

    monkeypatch.setattr(QMessageBox, "warning", warning)
    assert not window.close()
    assert window.isVisible() and window.saver.has_pending()
    assert "No recovery file could be written either (the disk is full)" in asked[1]
    assert window.close()  # Close, then Close anyway
    assert recovery_files(tmp_path) == []
