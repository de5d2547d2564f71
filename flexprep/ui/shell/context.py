"""What every tab is given: the workbook service, app-wide signals, the saver, undo."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from flexprep.core.service import WorkbookService
from flexprep.ui.shell.autosave import Saver
from flexprep.ui.widgets.undo import UndoHistory


class AppSignals(QObject):
    """App-wide notifications between the window and its tabs."""

    #: The current workbook changed (its id, or -1 for none).
    workbook_switched = Signal(int)
    #: A part of the current workbook changed ("asks", "evidence", ...).
    data_changed = Signal(str)
    #: Readiness link followed: tab key, anchor inside the tab.
    navigate = Signal(str, str)
    #: The user asked to export a document ("brief", "proposal", "followup", "letter").
    export_requested = Signal(str)


@dataclass
class AppContext:
    """The services a tab needs, handed to its constructor."""

    service: WorkbookService
    signals: AppSignals
    saver: Saver
    #: The window's undo history of structural edits (cleared when the workbook changes).
    undo_stack: UndoHistory = field(default_factory=UndoHistory)
