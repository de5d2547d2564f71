"""One window per database: a second window is refused while another process holds the
lock, and a lock left behind by a crashed process is taken over."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QSysInfo
from PySide6.QtWidgets import QApplication, QMessageBox

from flexprep.app import make_window, run_window
from flexprep.ui.shell.lock import DatabaseInUseError, lock_path
from flexprep.ui.shell.window import MainWindow
from tests.uitools import add_sample, open_window, window_settings

#: A second process that takes the lock, says so, and holds it until told to stop.
HOLD_LOCK = """
import sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
lock.setStaleLockTime(0)
print("locked" if lock.tryLock(0) else "refused", flush=True)
sys.stdin.readline()
lock.unlock()
"""

#: A process that takes the lock and dies without releasing it, as a crash would.
CRASH_WITH_LOCK = """
import os, sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
print("locked" if lock.tryLock(0) else "refused", flush=True)
os._exit(0)
"""


def _shown_windows() -> list[MainWindow]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]


def test_a_second_window_is_refused_while_another_process_has_it_open(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "db.sqlite3"
    add_sample(db)
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(lock_path(db))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        _refused_while_held(holder, db, tmp_path, monkeypatch)
    assert holder.returncode == 0
    # Once the other one has closed, the window opens.
    window = open_window(qtbot, db, sample=False)
    assert window.switcher.count() == 1


def _refused_while_held(
    holder: subprocess.Popen[str], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    try:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline().strip() == "locked"
        shown: list[tuple[str, str]] = []
        monkeypatch.setattr(
            QMessageBox, "information", lambda _parent, title, text, *a: shown.append((title, text))
        )
        monkeypatch.setattr(
            QMessageBox, "critical", lambda *a: pytest.fail("an in-use database is no error")
        )
        before = _shown_windows()
        assert run_window(str(db)) == 2
        assert _shown_windows() == before  # no window opened
        assert len(shown) == 1
        title, text = shown[0]
        assert title == "FlexPrep is already open"
        assert "already open in another FlexPrep window" in text
        assert f"process {holder.pid} on {QSysInfo.machineHostName()}" in text
        assert "\n" not in text and "Traceback" not in text
        with pytest.raises(DatabaseInUseError):
            make_window(db, window_settings(tmp_path))
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)


def test_a_lock_left_by_a_crashed_process_is_taken_over(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    add_sample(db)
    crashed = subprocess.run(
        [sys.executable, "-c", CRASH_WITH_LOCK, str(lock_path(db))],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert crashed.stdout.strip() == "locked"
    assert lock_path(db).exists()  # left behind: its process is gone

    window = open_window(qtbot, db, sample=False)
    assert window.switcher.count() == 1
    probe = QLockFile(str(lock_path(db)))
    pid, _host, _app = probe.getLockInfo()
    assert pid == QApplication.applicationPid()
    assert lock_path(db).stat().st_mode & 0o777 == 0o600


def test_the_same_process_cannot_open_two_windows_and_closing_frees_it(
    qtbot, tmp_path: Path
) -> None:
    db = tmp_path / "db.sqlite3"
    window = open_window(qtbot, db)
    with pytest.raises(DatabaseInUseError, match="already open"):
        make_window(db, window_settings(tmp_path))
    window.close()
    assert not lock_path(db).exists()
    again = make_window(db, window_settings(tmp_path))
    qtbot.addWidget(again)
    assert again.switcher.count() == 1
