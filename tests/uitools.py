"""Helpers for the window tests: a window over a fresh database with its own settings."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QComboBox, QWidget

from flexprep.app import make_window
from flexprep.core import content, fileformat
from flexprep.core.database import open_database
from flexprep.core.service import WorkbookService
from flexprep.ui.shell.window import MainWindow

W = TypeVar("W", bound=QObject)
P = TypeVar("P", bound=QWidget)
M = TypeVar("M")


def child(parent: QObject, cls: type[W], name: str) -> W:
    """The ``cls`` named ``name`` inside ``parent``, typed as such.

    Raises:
        LookupError: there is none, or the one of that name is not a ``cls``.
    """
    found = parent.findChild(QObject, name)
    if found is None:
        raise LookupError(f"no child named {name!r} in {parent.objectName() or parent!r}")
    if not isinstance(found, cls):
        raise LookupError(f"{name!r} is a {type(found).__name__}, not a {cls.__name__}")
    return found


def window_settings(folder: Path) -> QSettings:
    """Settings kept in ``folder`` so tests never share window state."""
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def add_sample(db_path: Path) -> int:
    """Put the bundled sample workbook in the database; its id."""
    database = open_database(db_path)
    try:
        data = fileformat.read_file(content.sample_workbook_path())
        return WorkbookService(database.factory).import_data(data).id
    finally:
        database.close()


def open_window(qtbot, db_path: Path, *, sample: bool = True, show: bool = True) -> MainWindow:  # type: ignore[no-untyped-def]
    """A window over ``db_path`` (with the sample workbook unless told otherwise)."""
    if sample:
        add_sample(db_path)
    window = make_window(db_path, window_settings(db_path.parent))
    qtbot.addWidget(window)
    if show:
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    return window


def reopen(qtbot, window: MainWindow) -> MainWindow:  # type: ignore[no-untyped-def]
    """Close ``window`` as the user would and open a new one on the same database."""
    path = window.database.path
    window.close()
    window.database.close()
    again = make_window(path, window_settings(path.parent))
    qtbot.addWidget(again)
    again.show()
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow)
    return again


def open_on_new_workbook(  # type: ignore[no-untyped-def]
    qtbot, db_path: Path, name: str = "Fridays at home", *, sample: bool = True
) -> MainWindow:
    """A window over ``db_path`` switched to a new, empty remote-hybrid workbook ``name``."""
    window = open_window(qtbot, db_path, sample=sample)
    book = window.service.create_workbook(name, "remote_hybrid", drafts=False)
    window.switch_to(book.id)
    return window


def show_tab(window: MainWindow, key: str, cls: type[P]) -> P:
    """Bring ``window``'s tab ``key`` to the front; the tab, typed as the ``cls`` it is."""
    tab = window.tab_pages[key]
    window.tabs.setCurrentWidget(tab)
    assert isinstance(tab, cls)
    return tab


def saved_part(window: MainWindow, model: type[M]) -> M:
    """The open workbook's ``model`` part (plan, meeting ...) as saved, once edits are in."""
    assert window.saver.flush()
    book = window.workbook_id
    assert book is not None, "no workbook open"
    part = window.service.part(model, book)
    assert isinstance(part, model)
    return part


def choose(qtbot, combo: QComboBox, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick ``text`` in a closed combo box with the arrow keys, as a keyboard user does."""
    combo.setFocus()
    target = combo.findText(text)
    assert target >= 0, text
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)
