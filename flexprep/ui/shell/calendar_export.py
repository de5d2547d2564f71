"""File › Export › Calendar: the workbook's dates as an .ics file, off the GUI thread.

The saved workbook is read and turned into RFC 5545 text (:func:`flexprep.core.calendar.
to_ics`, which loads ``icalendar``) in the thread pool; only then is the user asked
where to save it (nothing to ask when there is no date to export), and the file is
written atomically in the thread pool too. The save dialog starts in the folder last
used for a calendar.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QStatusBar, QWidget

from flexprep.core.service import WorkbookService
from flexprep.ui.shell.folders import LastFolders
from flexprep.ui.widgets.pool import PoolRelay, run_in_pool

FOLDER_KIND = "calendar"


class CalendarHost(Protocol):
    """What the export needs of the window's commands."""

    dialog_parent: QWidget
    status: QStatusBar
    service: WorkbookService
    folders: LastFolders
    last_export: Path | None
    open_file_button: QPushButton
    open_folder_button: QPushButton


def calendar_filename(data: dict[str, Any]) -> str:
    """``<proposal title> - dates.ics`` (a calendar may be shared: never the workbook's
    own name, which is the user's private label)."""
    from flexprep.ui.shell.filenames import safe_filename

    title = str(data.get("proposal_title") or "").strip() or "Flexible working request"
    return f"{safe_filename(title)} - dates.ics"


class CalendarExport(QObject):
    """One export: read and build, ask where, write. ``finished(path or "")`` at the end."""

    finished = Signal(str)

    def __init__(self, host: CalendarHost, workbook_id: int, parent: QObject) -> None:
        super().__init__(parent)
        self.host, self.workbook_id = host, workbook_id
        self._relay = PoolRelay(self)
        self._step: Callable[[object], None] = self._on_built
        self._relay.done.connect(lambda result: self._step(result))
        self._relay.failed.connect(self._on_failed)

    def start(self) -> None:
        service, workbook_id = self.host.service, self.workbook_id
        self.host.status.showMessage("Preparing the calendar…")

        def build() -> tuple[bytes, str]:
            from flexprep.core import calendar

            data = service.export_data(workbook_id)
            return calendar.to_ics(data), calendar_filename(data)

        run_in_pool(build, self._relay)

    def _on_built(self, result: object) -> None:
        content, filename = result if isinstance(result, tuple) else (b"", "")
        self.host.status.clearMessage()
        folders = self.host.folders
        path, _ = QFileDialog.getSaveFileName(
            self.host.dialog_parent,
            "Export calendar",
            folders.suggest(FOLDER_KIND, filename),
            "Calendar (*.ics)",
        )
        if not path:
            self._finish("")
            return
        folders.remember(FOLDER_KIND, path)
        target = Path(path)
        if target.suffix.lower() != ".ics":
            target = target.with_name(target.name + ".ics")
        self._step = self._on_written

        def write() -> str:
            from flexprep.core.files import atomic_write_bytes

            return str(atomic_write_bytes(target, content))

        run_in_pool(write, self._relay)

    def _on_written(self, result: object) -> None:
        path = str(result)
        self.host.last_export = Path(path)
        self.host.status.showMessage(f"Calendar saved to {path}")
        self.host.open_file_button.show()
        self.host.open_folder_button.show()
        self._finish(path)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.host.status.clearMessage()
        QMessageBox.warning(self.host.dialog_parent, "Calendar not exported", message)
        self._finish("")

    def _finish(self, path: str) -> None:
        self.finished.emit(path)
        self.deleteLater()
