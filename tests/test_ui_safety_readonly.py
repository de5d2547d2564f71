"""A read-only database: the window says so with the reason, refuses every save without
losing the text, and says on closing where the text is."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from test_ui_safety_outside import kept_edits

from flexprep.core import backups
from tests.uitools import add_sample, open_window


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def read_only_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """A database in a folder that cannot be written, as another user would find it."""
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "db.sqlite3"
    add_sample(path)
    for side in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        side.unlink(missing_ok=True)
    path.chmod(0o444)
    folder.chmod(0o555)
    if os.geteuid() == 0:
        # Root may write whatever the mode: the check answers as for an ordinary user.
        real_access = os.access

        def access(target: object, how: int, **kwargs: object) -> bool:
            where = Path(os.fsdecode(target))  # type: ignore[arg-type]
            if how & os.W_OK and where.exists() and not _mode(where) & 0o222:
                return False
            return real_access(target, how, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "access", access)
    try:
        yield path
    finally:
        folder.chmod(0o755)


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Close)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)


def test_a_read_only_database_is_shown_as_such_and_no_text_is_lost(
    qtbot, read_only_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, read_only_db, sample=False)
    assert window.database.read_only
    banner = window.safety.read_only_banner
    assert banner.isVisible()
    assert banner.text().startswith(
        "This database is read-only: changes cannot be saved. Reason: the file's "
        "permissions do not allow writing."
    )
    assert not banner.dismiss_button.isVisible()
    for action in (
        window.commands.act_new,
        window.commands.act_import,
        window.commands.act_rename,
        window.commands.act_delete,
        window.act_restore,
    ):
        assert not action.isEnabled()
    assert window.commands.export_actions["brief"].isEnabled()  # reading still works

    editor = window.tab_pages["assessment"].editors["goals"]
    before = window.service.answers(window.workbook_id)["goals"]
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Typed anyway.")
    qtbot.waitUntil(lambda: window.safety.recovery.path is not None, timeout=3000)
    assert window.save_label.text().startswith("⚠ Not saved: this database is read-only")
    kept = window.safety.recovery.path
    assert kept is not None and str(kept) in banner.text()
    assert _mode(kept) == 0o600
    (edit,) = kept_edits(kept)
    assert edit["text"] == before + " Typed anyway."
    assert window.service.answers(window.workbook_id)["goals"] == before
    assert editor.text() == before + " Typed anyway."  # still on screen

    qtbot.keyClicks(editor, " More.")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _title, text, *a: shown.append(text))
    window.close()
    assert len(shown) == 1 and str(kept) in shown[0] and "read-only" in shown[0]
    (edit,) = kept_edits(kept)
    assert edit["text"] == before + " Typed anyway. More."
    assert backups.list_backups(read_only_db) == []  # no daily backup of a read-only file
