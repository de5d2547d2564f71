"""Workbook files and background commands of the window: File › Import workbook file,
Export workbook file (with or without the recordings), and the helper that runs any
command's database or file work in the thread pool so the window never waits on it.

Mixed into :class:`~flexprep.ui.shell.commands.WorkbookCommands`, which sets up the
attributes named below.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QStatusBar, QWidget

from flexprep.core import fileformat
from flexprep.core.errors import FlexPrepError
from flexprep.core.explain import explain
from flexprep.core.service import WorkbookService
from flexprep.ui.shell.autosave import Saver
from flexprep.ui.shell.filenames import safe_filename
from flexprep.ui.shell.folders import LastFolders
from flexprep.ui.shell.host import CommandHost
from flexprep.ui.widgets.pool import PoolRelay, run_in_pool


class WorkbookFiles:
    """Import and export of workbook files, and :meth:`_aside` for every command."""

    dialog_parent: QWidget
    status: QStatusBar
    service: WorkbookService
    saver: Saver
    host: CommandHost
    folders: LastFolders
    database_path: Path
    _aside_running: bool = False

    def _warn(self, title: str, message: str) -> None:
        QMessageBox.warning(self.dialog_parent, title, message)

    def _show_book(self, workbook_id: object) -> None:
        """Show the workbook a background command made (its id, or nothing)."""
        if isinstance(workbook_id, int):
            self.host.switch_to(workbook_id)

    def _aside(
        self,
        busy: str,
        work: Callable[[], object],
        done: Callable[[object], None],
        failure: str,
        describe: Callable[[Exception], str] | None = None,
    ) -> None:
        """Run ``work`` (a read or write of the database, a file) in the thread pool with
        ``busy`` in the status bar, then ``done(result)`` here, or a warning titled
        ``failure`` saying ``describe(error)`` (default: its cause, a lock's holder
        named). One at a time: a command given meanwhile is refused in the status
        bar, so a workbook is never imported twice by an impatient second press."""
        if self._aside_running:
            self.status.showMessage("Still working on the last command: one moment.", 4000)
            return
        self._aside_running = True
        self.status.showMessage(busy)
        relay = PoolRelay(self.dialog_parent)

        def finished() -> None:
            self._aside_running = False
            self.status.clearMessage()
            relay.deleteLater()

        def succeeded(result: object) -> None:
            finished()
            done(result)

        def failed(message: str) -> None:
            finished()
            self._warn(failure, message)

        relay.done.connect(succeeded)
        relay.failed.connect(failed)
        run_in_pool(work, relay, describe or self._explain)

    def _explain(self, exc: BaseException) -> str:
        return explain(exc, self.database_path)

    @Slot()
    def import_workbook(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.dialog_parent,
            "Import workbook file",
            self.folders.suggest("workbook_files"),
            "FlexPrep workbook (*.json);;All files (*)",
        )
        if not path:
            return
        self.folders.remember("workbook_files", path)
        service = self.service

        def work() -> tuple[int, str]:
            book = service.import_data(fileformat.read_file(path))
            return book.id, book.name

        def done(result: object) -> None:
            book_id, book_name = result if isinstance(result, tuple) else (None, "")
            self._show_book(book_id)
            self.status.showMessage(f"Imported “{book_name}”", 5000)

        def describe(exc: Exception) -> str:
            if isinstance(exc, FlexPrepError) and exc.__cause__ is None:
                return f"{Path(path).name}: {exc}"
            return f"{Path(path).name}: {self._explain(exc)}"

        self._aside("Importing the workbook file…", work, done, "Workbook not imported", describe)

    def export_workbook_file(self, *, with_recordings: bool = False) -> None:
        """Write the workbook file (``with_recordings``: and copy the recordings into a
        private folder beside it; the file itself never carries them)."""
        workbook_id = self.host.workbook_id
        if workbook_id is None:
            return
        self.saver.flush()
        current = self.host.workbook_name
        suggested = self.folders.suggest("workbook_files", f"{safe_filename(current)}.json")
        path, _ = QFileDialog.getSaveFileName(
            self.dialog_parent, "Export workbook file", suggested, "FlexPrep workbook (*.json)"
        )
        if not path:
            return
        self.folders.remember("workbook_files", path)
        service, database = self.service, self.database_path

        def work() -> str:
            fileformat.write_file(service.export_data(workbook_id), path)
            if not with_recordings:
                return f"Workbook file written to {path}"
            where = service.export_recordings(workbook_id, database, Path(path))
            return f"Workbook file written to {path}; {where}"

        def describe(exc: Exception) -> str:
            return f"{path}: {explain(exc)}" if isinstance(exc, OSError) else self._explain(exc)

        self._aside(
            "Writing the workbook file…",
            work,
            lambda said: self.status.showMessage(str(said), 10000),
            "Workbook file not written",
            describe,
        )
