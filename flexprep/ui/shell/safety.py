"""Keeping what the user typed safe around the saver (docs/design.md, "Saving and
recovery"): changes made outside the window, a database file that disappears, a
read-only database, recovery files, the daily backup and restoring a backup.
"""

from __future__ import annotations

import contextlib
import sqlite3
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from flexprep.core import backups
from flexprep.core.database import Database
from flexprep.core.errors import FlexPrepError
from flexprep.core.explain import explain
from flexprep.core.recovery import RecoveredEdit, RecoveryFile
from flexprep.core.service import WorkbookService
from flexprep.core.summaries import WorkbookInfo
from flexprep.core.watch import ChangeWatcher, FileIdentity, Poll, WriteTracker, read_only_reason
from flexprep.ui.shell.autosave import Saver
from flexprep.ui.shell.banner import Banner, KeptTextDialog
from flexprep.ui.shell.save_batch import Edit, Outcome, Result
from flexprep.ui.widgets.kept import KeptInputs

POLL_INTERVAL_MS = 2000


class SafetyHost(Protocol):
    """What the safety net needs from the window (the window provides it)."""

    @property
    def workbook_id(self) -> int | None: ...

    def refresh_switcher(self) -> None:
        """Fill the workbook list again from the database."""

    def switch_to(self, workbook_id: int | None) -> None:
        """Show the workbook ``workbook_id`` (None: the welcome page)."""

    def reload_workbook(self) -> None:
        """Read the current workbook again and show it as it is now."""


class DatabaseChecks:
    """The saver's checks before each batch (run on its worker thread)."""

    def __init__(
        self,
        path: Path,
        identity: FileIdentity | None,
        service: WorkbookService,
        tracker: WriteTracker,
    ) -> None:
        self.path, self.identity, self.service, self.tracker = path, identity, service, tracker

    def database_problem(self) -> str | None:
        return None if self.identity is None else self.identity.problem(self.path)

    def workbook_problem(self, workbook_id: int) -> str | None:
        info = self.service.workbook(workbook_id)  # NotFoundError: deleted elsewhere
        known = self.tracker.known(workbook_id)
        if known is None:
            self.tracker.note(workbook_id, info.updated_at)
            return None
        if info.updated_at != known:
            return f"“{info.name}” was changed outside this window"
        return None


class _Relay(QObject):
    """Carries results from the watch thread back to the GUI thread."""

    polled = Signal(object)
    backed_up = Signal(str)


class SafetyNet(QObject):
    """Wires the saver's checks, the change poll, recovery files and backups to a window."""

    def __init__(
        self,
        host: SafetyHost,
        window: QWidget,
        status: QStatusBar,
        save_label: QLabel,
        database: Database,
        service: WorkbookService,
        saver: Saver,
    ) -> None:
        super().__init__(window)
        self.host, self.window, self.status, self.save_label = host, window, status, save_label
        self.database, self.service, self.saver = database, service, saver
        self.path = database.path
        self.tracker = WriteTracker(database.factory)
        try:
            identity: FileIdentity | None = FileIdentity.of(self.path)
        except OSError:
            identity = None
        saver.checks = DatabaseChecks(self.path, identity, service, self.tracker)
        saver.kept.connect(self._on_kept)
        saver.waiting.connect(self._on_waiting)
        self.recovery = RecoveryFile(self.path)
        #: Field text that fails its check, kept as typed across restarts.
        self.kept_input = KeptInputs(window, self.path, lambda: host.workbook_id)
        self.read_only_banner = Banner("read_only_banner", "error", dismissable=False)
        self.notice = Banner("notice_banner", "warning")
        self.notice.show_text_requested.connect(self.show_kept_text)
        self.read_only_banner.show_text_requested.connect(self.show_kept_text)
        self.read_only_reason: str | None = None
        if database.read_only:
            self.read_only_reason = read_only_reason(self.path)
            saver.refuse(f"this database is read-only ({self.read_only_reason})")
            self.read_only_banner.show_message(self._read_only_text())
        self.watcher = ChangeWatcher(database.engine, self.tracker)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="flexprep-watch")
        self._polling: Future[Poll | None] | None = None
        self._stamps: Poll | None = None
        self._relay = _Relay(self)
        self._relay.polled.connect(self._on_polled)
        self._relay.backed_up.connect(self._on_backed_up)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_INTERVAL_MS)
        self.poll_timer.timeout.connect(self.poll_soon)
        self._started = False
        self._closed = False
        #: Why the last recovery file could not be written (one line).
        self.keep_error = ""

    def _read_only_text(self) -> str:
        text = (
            f"This database is read-only: changes cannot be saved. Reason: {self.read_only_reason}."
        )
        if self.recovery.path is not None:
            text += f" What you type is kept in {self.recovery.path}."
        else:
            text += " What you type is kept in a recovery file beside it."
        return text

    def start(self) -> None:
        """Start watching, and take today's backup (once the window has painted)."""
        if self._started or self._closed:
            return
        self._started = True
        self.poll_timer.start()
        if not self.database.read_only:
            self._submit(self._daily_backup)

    def noticed(self, book: WorkbookInfo) -> None:
        """The window has just read ``book``: edits to it are based on this version."""
        self.tracker.note(book.id, book.updated_at)

    # -- work off the GUI thread -------------------------------------------------------

    def _submit(self, job: object) -> Future[object] | None:
        if self._closed:
            return None
        return self._executor.submit(job)  # type: ignore[arg-type]

    def _daily_backup(self) -> None:
        try:
            made = backups.daily_backup(self.path)
        except (FlexPrepError, OSError, sqlite3.Error) as exc:
            message = f"Today's backup could not be made: {explain(exc)}"
        else:
            message = "" if made is None else f"Today's backup was made in {made.parent}"
        with contextlib.suppress(RuntimeError):
            self._relay.backed_up.emit(message)

    @Slot(str)
    def _on_backed_up(self, message: str) -> None:
        if message:
            self.status.showMessage(message, 6000)

    @Slot()
    def poll_soon(self) -> None:
        """Look for changes made outside the window (off the GUI thread)."""
        if self._polling is not None or self._closed:
            return

        def work() -> Poll | None:
            try:
                found = self.watcher.poll()
            except Exception:  # noqa: BLE001 - a failed look is tried again next time
                found = None
            with contextlib.suppress(RuntimeError):
                self._relay.polled.emit(found)
            return found

        self._polling = self._submit(work)  # type: ignore[assignment]

    @Slot(object)
    def _on_polled(self, poll: Poll | None) -> None:
        self._polling = None
        if poll is None or self._closed:
            return
        before, self._stamps = self._stamps, poll
        names = {i: stamp.name for i, stamp in poll.stamps.items()}
        current = self.host.workbook_id  # (perhaps made since the poll looked)
        self.kept_input.prune(set(names) | ({current} if current is not None else set()))
        if before is None or names != {i: stamp.name for i, stamp in before.stamps.items()}:
            self.host.refresh_switcher()
        workbook_id = self.host.workbook_id
        if workbook_id is None:
            return
        stamp = poll.stamps.get(workbook_id)
        known = poll.known.get(workbook_id)
        if stamp is not None and (known is None or stamp.updated_at == known):
            return
        if any(e.workbook_id == workbook_id for e in self.saver.pending_edits()):
            self.saver.save_soon()  # the save finds the change and keeps the text aside
        elif stamp is None:
            self._workbook_gone(workbook_id, self._name_of(workbook_id, before))
        else:
            self.host.reload_workbook()
            self.status.showMessage(
                f"“{stamp.name}” was changed outside this window; it now shows the newer version",
                8000,
            )

    @staticmethod
    def _name_of(workbook_id: int, poll: Poll | None) -> str:
        stamp = poll.stamps.get(workbook_id) if poll is not None else None
        return stamp.name if stamp is not None else "The workbook"

    def _workbook_gone(self, workbook_id: int, name: str, kept: str = "") -> None:
        self.notice.show_message(
            f"“{name}” was deleted outside this window." + kept, with_text=bool(kept)
        )
        if self.host.workbook_id == workbook_id:
            remaining = self.service.list_workbooks()
            self.host.switch_to(remaining[0].id if remaining else None)
        else:
            self.host.refresh_switcher()

    # -- text that could not be saved ------------------------------------------------------

    def keep(self, edits: list[tuple[Edit, str]]) -> Path:
        """Write each (edit, why it was not saved) to the recovery file; its path.

        Raises:
            OSError: no recovery file could be written.
        """
        return self.recovery.keep(
            [
                RecoveredEdit(
                    edit.workbook_name or "(no workbook)",
                    edit.field_label,
                    edit.text,
                    edit.typed_at,
                    reason,
                )
                for edit, reason in edits
            ]
        )

    @Slot(object)
    def _on_kept(self, results: list[Result]) -> None:
        by_outcome: dict[Outcome, list[Result]] = {}
        for result in results:
            by_outcome.setdefault(result.outcome, []).append(result)
        # Edits still queued for a workbook changed or deleted elsewhere were typed over
        # the old version too: they are kept aside with the others.
        for outcome in (Outcome.CONFLICT, Outcome.GONE):
            for result in list(by_outcome.get(outcome, [])):
                for edit in self.saver.take(result.edit.workbook_id):
                    by_outcome[outcome].append(Result(edit, outcome, result.message))
        try:
            written = self.keep(
                [(r.edit, r.message) for group in by_outcome.values() for r in group]
            )
        except OSError as exc:
            where = (
                f"could not be put in a recovery file either ({explain(exc)}): copy "
                "it somewhere safe"
            )
            short = where
        else:
            where, short = f"is kept in {written}", f"is kept in {written.name}"
        first = results[0]
        self.save_label.setText(f"⚠ Not saved: {first.message} — your text {short}")
        self.save_label.setToolTip(f"{first.message}. Your text {where}.")
        if Outcome.DETACHED in by_outcome:
            reason = by_outcome[Outcome.DETACHED][0].message
            self.saver.refuse(reason, Outcome.DETACHED)
            self.poll_timer.stop()
            self.read_only_banner.show_message(
                f"{reason[0].upper()}{reason[1:]}. Nothing more can be saved into it: what "
                f"you type {where}. Put the file back and reopen FlexPrep.",
                with_text=True,
            )
        if Outcome.READ_ONLY in by_outcome:
            self.read_only_banner.show_message(self._read_only_text(), with_text=True)
        if Outcome.CONFLICT in by_outcome:
            conflict = by_outcome[Outcome.CONFLICT][0]
            self.notice.show_message(
                f"{conflict.message}, so it now shows the newer version. What you had typed "
                f"there was not saved over it: it {where}.",
                with_text=True,
            )
            if conflict.edit.workbook_id == self.host.workbook_id:
                QTimer.singleShot(0, self.host.reload_workbook)
        if Outcome.GONE in by_outcome:
            gone = by_outcome[Outcome.GONE][0].edit
            QTimer.singleShot(
                0,
                lambda: self._workbook_gone(
                    gone.workbook_id if gone.workbook_id is not None else -1,
                    gone.workbook_name or "The workbook",
                    f" What you typed in it {where}.",
                ),
            )
        if Outcome.FAILED in by_outcome:
            failed = by_outcome[Outcome.FAILED][0]
            self.notice.show_message(
                f"Not saved: {failed.edit.field_label}: {failed.message}. Your text {where}.",
                with_text=True,
            )

    @Slot()
    def show_kept_text(self) -> None:
        where = (
            str(self.recovery.path) if self.recovery.path else "no file (it could not be written)"
        )
        KeptTextDialog(self.recovery.edits, where, self.window).exec()

    def keep_on_close(self, reason: str) -> str | None:
        """Put everything still queued in the recovery file; the message saying where.

        None when no recovery file could be written: the edits stay queued.
        """
        edits = self.saver.pending_edits()
        try:
            path = self.keep([(edit, reason) for edit in edits])
        except OSError as exc:
            self.keep_error = explain(exc)
            return None
        self.saver.take()
        return (
            f"Your latest changes could not be saved in the database ({reason}).\n\n"
            f"They are kept in:\n{path}\n\nOpen that file to copy them back."
        )

    # -- restoring a backup ---------------------------------------------------------------

    @Slot()
    def restore_from_backup(self) -> None:
        """File › Restore from backup…: choose, confirm, back up, restore, reload."""
        from flexprep.ui.shell.restoring import restore_from_backup

        restore_from_backup(self)

    def forget_versions(self) -> None:
        """Forget which version of each workbook the window has read (all are new)."""
        self.tracker.forget()
        self._stamps = None

    @Slot(bool)
    def _on_waiting(self, waiting: bool) -> None:
        if waiting:  # (saved or failed says what came of it)
            self.save_label.setText("Saving… the database is busy; one moment")

    # -- closing -----------------------------------------------------------------------

    def close(self) -> None:
        """Stop watching and wait for the work in progress."""
        if self._closed:
            return
        self._closed = True
        self.poll_timer.stop()
        self.kept_input.close()
        self._executor.shutdown(wait=True)
        self.watcher.close()
        self.tracker.detach()
