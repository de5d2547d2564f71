"""The Rehearsal menu of the window: start, record, play, delete every recording.

Built by the window with :func:`build_rehearsal_menu`. Light to import (the objection
tab and sound load only when used): it reaches the objection tab through the window's
``tab_pages`` and the recordings through :class:`~flexprep.core.recordings.RecordingStore`
over the window's database file. R and P are shown beside their items but are not
shortcuts of the window: outside a rehearsal they are letters typed into a field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from flexprep.core.recordings import RecordingStore
from flexprep.ui.shell.commands import add_action

TAB_KEY = "objections"


def confirm_delete_all(parent: QWidget, store: RecordingStore) -> int | None:
    """Ask, then delete every recording of ``store``; how many were deleted (None: kept)."""
    count = len(store.recordings())
    if not count:
        return 0
    plural = "recording" if count == 1 else "recordings"
    answer = QMessageBox.question(
        parent,
        "Delete all recordings",
        f"Delete all {count} {plural} of your answers? This cannot be undone: the "
        "files are removed from the recordings folder beside the database.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    return store.delete_all()


class RehearsalMenu(QObject):
    """The actions of the Rehearsal menu, kept up to date as the menu opens."""

    def __init__(self, menu: QMenu, window: Any) -> None:
        super().__init__(menu)
        self.menu = menu
        self.window = window
        menu.setObjectName("rehearsal_menu")
        self.start = add_action(
            menu, window, "&Start rehearsal", self.start_rehearsal, None, "action_rehearse"
        )
        self.record = add_action(
            menu, window, "&Record my answer\tR", self.toggle_record, None, "action_record"
        )
        self.play = add_action(
            menu, window, "&Play my answer\tP", self.play_answer, None, "action_play"
        )
        menu.addSeparator()
        self.delete_all: QAction = add_action(
            menu,
            window,
            "&Delete all recordings…",
            self.delete_all_recordings,
            None,
            "action_delete_recordings",
        )
        # Brought up to date as the menu opens: building the window reads no folder.
        menu.aboutToShow.connect(self.update_actions)

    def _tab(self) -> Any:
        """The objection tab if it has been built (never builds it)."""
        return self.window.tab_pages.get(TAB_KEY)

    def _rehearsing(self) -> Any:
        """The rehearsal view while a card is showing, else None."""
        tab = self._tab()
        view = getattr(tab, "rehearsal", None)
        return view if view is not None and view.active() else None

    def store(self) -> RecordingStore | None:
        path = getattr(self.window.database, "path", None)
        return RecordingStore(Path(path)) if path else None

    def update_actions(self) -> None:
        rehearsing = self._rehearsing() is not None
        self.start.setEnabled(self.window.workbook_id is not None and not rehearsing)
        self.record.setEnabled(rehearsing)
        self.play.setEnabled(rehearsing)
        store = self.store()
        try:
            any_recording = store is not None and bool(store.recordings())
        except OSError:
            any_recording = False
        self.delete_all.setEnabled(any_recording)

    def start_rehearsal(self) -> None:
        if self.window.workbook_id is None:
            return
        self.window.navigate(TAB_KEY, "rehearse")
        tab = self._tab()
        if tab is not None and not tab.rehearsal.active():
            tab.start_rehearsal()

    def toggle_record(self) -> None:
        view = self._rehearsing()
        if view is not None:
            view.voice.toggle_record()

    def play_answer(self) -> None:
        view = self._rehearsing()
        if view is not None:
            view.voice.play()

    def delete_all_recordings(self) -> None:
        store = self.store()
        if store is None:
            return
        try:
            deleted = confirm_delete_all(self.window, store)
        except OSError as exc:
            QMessageBox.warning(
                self.window, "Delete all recordings", f"Not all were deleted: {exc}"
            )
            return
        if deleted is None:
            return
        tab = self._tab()
        if tab is not None:
            tab.rehearsal.voice.recordings_deleted()
        message = (
            "There were no recordings."
            if not deleted
            else (f"{deleted} recording{'s' if deleted != 1 else ''} deleted.")
        )
        self.window.statusBar().showMessage(message, 8000)


def build_rehearsal_menu(window: Any, menu: QMenu) -> RehearsalMenu:
    """Fill ``menu`` (the window's Rehearsal menu; it keeps the result alive)."""
    return RehearsalMenu(menu, window)
