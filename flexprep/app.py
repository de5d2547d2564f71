"""QApplication set-up and the main window factory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from flexprep.core.database import default_db_path, open_database
from flexprep.core.errors import DatabaseError
from flexprep.ui.shell.icons import app_icon
from flexprep.ui.shell.lock import DatabaseInUseError, DatabaseLock
from flexprep.ui.shell.window import MainWindow

ORGANISATION = "FlexPrep"
APPLICATION = "FlexPrep"


def settings() -> QSettings:
    """Window settings (size, position, tab, last workbook) in the user's config folder."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


def make_window(
    db_path: str | os.PathLike[str], window_settings: QSettings | None = None
) -> MainWindow:
    """The main window over the database at ``db_path``, not yet shown.

    ``window_settings`` replaces the user's settings (tests use a file of their own).

    Raises:
        DatabaseInUseError: another FlexPrep window has this database open.
        DatabaseError: the database cannot be opened.
    """
    database = open_database(Path(db_path))
    # One window per database: the lock is taken once the file is known to be ours.
    lock = DatabaseLock(database.path)
    try:
        lock.acquire()
        window = MainWindow(database, window_settings or settings(), lock)
    except BaseException:
        lock.release()
        database.close()
        raise
    window.destroyed.connect(database.close)
    window.destroyed.connect(lock.release)
    return window


def run_window(db: str | None = None) -> int:
    """Open the window (the ``flexprep`` command without a subcommand)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName("FlexPrep")
    # The desktop entry (resources/flexprep.desktop) names the window's icon and app id.
    app.setDesktopFileName("flexprep")
    app.setWindowIcon(app_icon())
    try:
        window = make_window(db or default_db_path())
    except DatabaseInUseError as exc:
        QMessageBox.information(None, "FlexPrep is already open", str(exc))
        print(f"flexprep: {exc}", file=sys.stderr)
        return 2
    except DatabaseError as exc:
        QMessageBox.critical(None, "FlexPrep cannot open its database", str(exc))
        print(f"flexprep: {exc}", file=sys.stderr)
        return 2
    window.show()
    status = app.exec()
    window.database.close()
    return int(status)
