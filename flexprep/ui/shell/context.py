"""What every tab is given: the workbook service, app-wide signals and the saver."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from flexprep.core.service import WorkbookService
from flexprep.ui.shell.autosave import Saver


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
