"""Exporting a Word document from the window: read, check, ask where, write.

The steps, none of which waits on the database or python-docx in the GUI thread:

1. the queued edits are saved, then the workbook is read (and, for a document the
   manager reads, checked) in the thread pool (:class:`~flexprep.ui.shell.exporter.
   PrepareJob`);
2. a proposal, follow-up, letter or appeal first shows the check before it leaves
   (:class:`~flexprep.ui.shell.share_check.ShareCheckDialog`): what will be shared,
   drafts (left out unless ticked), scenario suggestions never confirmed, metrics that
   got worse, a missing sender. Cancel stops there;
3. the save dialog, suggesting a file name from the proposal title (the manager sees
   an attachment's name), never from the workbook's own name;
4. the document is written in a worker thread (:class:`~flexprep.ui.shell.exporter.
   ExportJob`), with progress and "Open file" / "Open folder" in the status bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QWidget,
)

from flexprep.core import vocab
from flexprep.core.service import WorkbookService
from flexprep.ui.shell.autosave import Saver
from flexprep.ui.shell.folders import LastFolders

if TYPE_CHECKING:
    from flexprep.ui.shell.exporter import ExportJob, Prepared, PrepareJob
    from flexprep.ui.shell.host import CommandHost


class DocumentExports:
    """The document export commands of :class:`~flexprep.ui.shell.commands.
    WorkbookCommands` (mixed in; the attributes below are set up there)."""

    dialog_parent: QWidget
    status: QStatusBar
    service: WorkbookService
    saver: Saver
    progress: QProgressBar
    open_file_button: QPushButton
    open_folder_button: QPushButton
    last_export: Path | None
    _export_jobs: list[ExportJob]
    host: CommandHost
    folders: LastFolders
    _preparing: PrepareJob | None = None

    def export_document(self, kind: str) -> None:
        """Check the ``kind`` document, ask where to save it and write it."""
        workbook_id = self.host.workbook_id
        if workbook_id is None or self._preparing is not None:
            return
        from flexprep.ui.shell.exporter import PrepareJob  # loaded when first used

        self.saver.flush()
        job = PrepareJob(self.service, workbook_id, kind, self.status)
        job.ready.connect(self._on_export_prepared)
        job.failed.connect(self._on_export_not_prepared)
        self._preparing = job
        self._show_busy(f"Preparing the {vocab.DOCUMENTS[kind].lower()}…")
        job.start()

    def _show_busy(self, message: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.open_file_button.hide()
        self.open_folder_button.hide()
        self.status.showMessage(message)

    def _on_export_not_prepared(self, message: str) -> None:
        self._preparing = None
        self.progress.hide()
        self.status.clearMessage()
        QMessageBox.warning(self.dialog_parent, "Export failed", message)

    def _on_export_prepared(self, prepared: Prepared) -> None:
        from flexprep.ui.shell.exporter import ExportJob
        from flexprep.ui.shell.share_check import ShareCheckDialog

        self._preparing = None
        self.progress.hide()
        self.status.clearMessage()
        include_drafts = False
        if prepared.check is not None:
            choice = ShareCheckDialog.ask(
                prepared.data, prepared.kind, self.dialog_parent, check=prepared.check
            )
            if choice is None:
                self.status.showMessage("Export cancelled: nothing was written.", 5000)
                return
            include_drafts = choice
        label = vocab.DOCUMENTS[prepared.kind]
        path, _ = QFileDialog.getSaveFileName(
            self.dialog_parent,
            f"Export {label}",
            self.folders.suggest("documents", prepared.filename),
            "Word document (*.docx)",
        )
        if not path:
            return
        self.folders.remember("documents", path)
        target = Path(path)
        if target.suffix.lower() != ".docx":
            target = target.with_name(target.name + ".docx")
        job = ExportJob(
            prepared.data, prepared.kind, target, self.status, include_drafts=include_drafts
        )
        job.progress.connect(self._on_export_progress)
        job.finished_ok.connect(lambda p, j=job: self._on_exported(j, p))
        job.failed.connect(lambda m, j=job: self._on_export_failed(j, m))
        self._export_jobs.append(job)
        self._show_busy(f"Exporting {label}…")
        job.start()

    def _on_export_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_exported(self, job: ExportJob, path: str) -> None:
        self._export_jobs.remove(job)
        self.progress.hide()
        self.last_export = Path(path)
        self.status.showMessage(f"{vocab.DOCUMENTS[job.kind]} saved to {path}")
        self.open_file_button.show()
        self.open_folder_button.show()

    def _on_export_failed(self, job: ExportJob, message: str) -> None:
        self._export_jobs.remove(job)
        self.progress.hide()
        self.status.clearMessage()
        QMessageBox.warning(self.dialog_parent, "Export failed", message)

    def open_exported_file(self) -> None:
        if self.last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export)))

    def open_export_folder(self) -> None:
        if self.last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export.parent)))

    def finish_exports(self) -> None:
        """Wait for exports still running (on close)."""
        for job in list(self._export_jobs):
            job.wait()
