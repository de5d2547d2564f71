"""Closing the window: nothing typed is lost, and a document being written is finished."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog, QWidget

from flexprep.core import vocab
from flexprep.ui.shell.autosave import Saver
from flexprep.ui.shell.commands import WorkbookCommands
from flexprep.ui.shell.safety import SafetyNet


def save_or_keep(window: QWidget, saver: Saver, safety: SafetyNet) -> bool:
    """Save what is queued; when that fails, ask. False: the user chose not to close."""
    kept_message = ""
    writes_before = safety.recovery.writes
    while not saver.flush():
        answer = QMessageBox.warning(
            window,
            "Changes not saved",
            f"FlexPrep could not save your latest changes: {saver.last_error}.\n\n"
            "Try again, or close and keep them in a recovery file beside the database.",
            QMessageBox.StandardButton.Retry
            | QMessageBox.StandardButton.Close
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Retry,
        )
        if answer == QMessageBox.StandardButton.Close:
            kept = safety.keep_on_close(saver.last_error or "not saved")
            if kept is not None:
                kept_message = kept
                break
            # Not even a recovery file: only an explicit "lose them" closes now.
            lose = QMessageBox.warning(
                window,
                "Changes not saved",
                f"No recovery file could be written either ({safety.keep_error}).\n"
                "Close anyway and lose your latest changes?",
                QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if lose != QMessageBox.StandardButton.Close:
                return False
            saver.discard()
            break
        if answer != QMessageBox.StandardButton.Retry:
            return False
    if not kept_message and safety.recovery.writes > writes_before:
        kept_message = (
            f"Some of what you typed could not be saved in the database "
            f"({saver.refusal or 'see the notice in the window'}).\n\n"
            f"It is kept in:\n{safety.recovery.path}"
        )
    if kept_message:
        QMessageBox.information(window, "Your text is kept", kept_message)
    return True


class FinishingExports:
    """While a document is being written, closing waits for it, and says so."""

    def __init__(self, window: QMainWindow, commands: WorkbookCommands) -> None:
        self.window, self.commands = window, commands
        self.dialog: QProgressDialog | None = None

    def running(self) -> bool:
        return bool(self.commands._export_jobs)

    def close_when_done(self) -> None:
        """Show that the file is being finished; close the window once it is."""
        if self.dialog is not None:
            self.dialog.raise_()
            return
        jobs = list(self.commands._export_jobs)
        names = ", ".join(f"“{vocab.DOCUMENTS.get(job.kind, job.kind)}”" for job in jobs)
        dialog = QProgressDialog(
            f"Finishing {names} before closing…\nFlexPrep closes as soon as the file is written.",
            "",
            0,
            0,
            self.window,
        )
        dialog.setObjectName("closing_progress")
        dialog.setWindowTitle("Closing FlexPrep")
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        for job in jobs:
            job.progress.connect(self._progress)
            job.finished_ok.connect(self._check)
            job.failed.connect(self._check)
        self.dialog = dialog
        self.window.statusBar().showMessage(f"Finishing {names}, then closing…")
        dialog.show()

    def _progress(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setRange(0, total)
            self.dialog.setValue(done)

    def _check(self, *_args: object) -> None:
        # After the commands' own handlers: a finished job has left their list.
        QTimer.singleShot(0, self._close_if_done)

    def _close_if_done(self) -> None:
        if self.running() or self.dialog is None:
            return
        self.dialog.close()
        self.dialog.deleteLater()
        self.dialog = None
        self.window.close()
