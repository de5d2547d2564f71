"""File › Restore from backup…: choose a backup, back up the present state, restore, reload.

Part of the window's safety net (:mod:`flexprep.ui.shell.safety`).
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from flexprep.core import backups
from flexprep.core.database import Database
from flexprep.core.errors import FlexPrepError
from flexprep.core.explain import explain
from flexprep.core.service import WorkbookService
from flexprep.ui.shell.autosave import Saver
from flexprep.ui.shell.restore_dialog import RestoreDialog, when_text
from flexprep.ui.shell.save_batch import Edit


class RestoringNet(Protocol):
    """What restoring needs of the window's safety net (:class:`SafetyNet` has it)."""

    host: Any  # the window: refresh_switcher, switch_to, workbook_id
    window: QWidget
    status: QStatusBar
    database: Database
    service: WorkbookService
    saver: Saver
    path: Path
    read_only_reason: str | None

    def keep(self, edits: list[tuple[Edit, str]]) -> Path: ...

    def forget_versions(self) -> None: ...


def restore_from_backup(net: RestoringNet) -> None:
    """Choose, confirm, back up, restore, reload (the window of ``net``)."""
    if net.database.read_only:
        QMessageBox.warning(
            net.window,
            "Cannot restore",
            f"This database is read-only ({net.read_only_reason}).",
        )
        return
    chosen = RestoreDialog.choose(net.window, backups.list_backups(net.path))
    if chosen is None:
        return
    if not net.saver.flush():
        with contextlib.suppress(OSError):
            net.keep([(edit, "not saved before restoring a backup") for edit in net.saver.take()])
    try:
        info = backups.describe(chosen)
        kept = backups.restore(net.path, chosen)
    except (FlexPrepError, OSError, sqlite3.Error) as exc:
        QMessageBox.warning(net.window, "Backup not restored", explain(exc))
        return
    net.forget_versions()
    net.host.refresh_switcher()
    current = net.host.workbook_id
    books = net.service.list_workbooks()
    ids = [book.id for book in books]
    net.host.switch_to(current if current in ids else (ids[0] if ids else None))
    net.status.showMessage(
        f"Restored the backup of {when_text(info)}. What was there before is kept in "
        f"the backup {kept.name}.",
        15000,
    )
