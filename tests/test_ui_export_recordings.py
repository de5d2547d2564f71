"""File › Export workbook file with recordings: the window's route to the recordings
(the command line's ``--with-recordings``). The file is the plain workbook file; the
WAVs go to a private folder beside it, and the window never waits on the copying."""

from __future__ import annotations

import json
import sqlite3
import stat
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QFileDialog

from flexprep.core.recordings import RecordingStore
from tests.uitools import open_window

TONE = bytes(range(256)) * 64


def _through_the_file_menu(qtbot, window, object_name: str) -> None:  # type: ignore[no-untyped-def]
    """Open the File menu and press the action's underlined letter, as a user would."""
    menu = window.menuBar().actions()[0].menu()
    action = next(a for a in menu.actions() if a.objectName() == object_name)
    letter = action.text()[action.text().index("&") + 1]
    menu.popup(window.mapToGlobal(QPoint(10, 20)))
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClicks(menu, letter.lower())
    qtbot.waitUntil(lambda: not menu.isVisible())


def test_recordings_go_beside_the_file_only_from_the_recordings_action(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    db = tmp_path / "db.sqlite3"
    window = open_window(qtbot, db)
    book = window.workbook_id
    with sqlite3.connect(db) as connection:
        (ident,) = connection.execute(
            "SELECT id FROM objection WHERE workbook_id = ? ORDER BY position, id LIMIT 1",
            (book,),
        ).fetchone()
    RecordingStore(db).save(ident, TONE, 16000, when=datetime(2026, 11, 30, 14, 15, 2))
    targets = iter([tmp_path / "plain.json", tmp_path / "with.json"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(next(targets)), ""))

    _through_the_file_menu(qtbot, window, "action_export_file")
    qtbot.waitUntil(lambda: "written to" in window.statusBar().currentMessage())
    assert not (tmp_path / "plain.recordings").exists()

    _through_the_file_menu(qtbot, window, "action_export_with_recordings")
    qtbot.waitUntil(lambda: "recording" in window.statusBar().currentMessage())
    message = window.statusBar().currentMessage()
    folder = tmp_path / "with.recordings"
    assert f"1 recording written to {folder}" in message
    (wav,) = folder.iterdir()
    assert wav.name == "objection-01-2026-11-30-141502.wav"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(wav.stat().st_mode) == 0o600
    # The file itself is the same workbook file either way: no sound in it.
    plain = json.loads((tmp_path / "plain.json").read_text("utf-8"))
    assert json.loads((tmp_path / "with.json").read_text("utf-8")) == plain
    assert "RIFF" not in (tmp_path / "with.json").read_text("utf-8")
