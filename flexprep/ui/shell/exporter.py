"""Exporting Word documents off the GUI thread.

:class:`PrepareJob` reads the saved workbook and, for a manager-facing document, works
out what the check before sending shows (:func:`~flexprep.ui.shell.share_check.
findings`); :class:`ExportJob` writes the file. Neither waits on the database or on
python-docx in the GUI thread.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, QThreadPool, Signal, Slot

if TYPE_CHECKING:
    from flexprep.core.service import WorkbookService
    from flexprep.ui.shell.share_check import ShareCheck

#: The documents the manager (or HR) reads: checked before they are written.
MANAGER_FACING = frozenset({"proposal", "followup", "letter", "appeal", "review"})


@dataclass(frozen=True)
class Prepared:
    """A workbook read for one export: its data, the suggested file name (without the
    folder) and, for a manager-facing document, what the check before sending shows."""

    kind: str
    data: dict[str, Any]
    filename: str
    check: ShareCheck | None


def prepare(service: WorkbookService, workbook_id: int, kind: str) -> Prepared:
    """Read workbook ``workbook_id`` and work out what exporting ``kind`` needs.

    A manager-facing file is named by the proposal title, never by the workbook's own
    name (the manager sees the file name of an attachment).
    """
    from flexprep.core import vocab
    from flexprep.ui.shell.filenames import safe_filename

    data = service.export_data(workbook_id)
    label = vocab.DOCUMENTS[kind]
    if kind in MANAGER_FACING:
        from flexprep.reports import model, people
        from flexprep.ui.shell.share_check import findings

        title = people.document_title(model.normalise(data))
        return Prepared(kind, data, f"{safe_filename(title)} - {label}.docx", findings(data, kind))
    return Prepared(kind, data, f"{safe_filename(data['name'])} - {label}.docx", None)


class _Relay(QObject):
    ready = Signal(object)
    failed = Signal(str)


class PrepareJob(QObject):
    """:func:`prepare` in the thread pool; emits ``ready(Prepared)`` or ``failed`` once."""

    ready = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        service: WorkbookService,
        workbook_id: int,
        kind: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self._relay = _Relay(self)
        self._relay.ready.connect(self.ready)
        self._relay.failed.connect(self.failed)
        relay = self._relay

        def work() -> None:
            try:
                prepared = prepare(service, workbook_id, kind)
            except Exception as exc:  # noqa: BLE001 - reported to the user, never a crash
                with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                    relay.failed.emit(f"Could not read the workbook: {exc}")
                return
            with contextlib.suppress(RuntimeError):
                relay.ready.emit(prepared)

        self._work = work

    def start(self) -> None:
        QThreadPool.globalInstance().start(self._work)


class _Worker(QObject):
    progress = Signal(int, int)
    done = Signal(str)
    failed = Signal(str)

    def __init__(self, data: dict[str, Any], kind: str, path: Path, include_drafts: bool) -> None:
        super().__init__()
        self._data, self._kind, self._path = data, kind, path
        self._include_drafts = include_drafts

    @Slot()
    def run(self) -> None:
        try:
            from flexprep.reports.documents import write_document

            written = write_document(
                self._data,
                self._kind,
                self._path,
                progress=self.progress.emit,
                include_drafts=self._include_drafts,
            )
        except OSError as exc:
            where = exc.filename or self._path
            self.failed.emit(f"Could not write {where}: {exc.strerror or exc}")
        except Exception as exc:  # noqa: BLE001 - any failure is reported, never a crash
            self.failed.emit(f"Could not export: {exc}")
        else:
            self.done.emit(str(written))


class ExportJob(QObject):
    """One export in a worker thread; emits ``finished_ok`` or ``failed`` once.

    ``include_drafts`` keeps draft asks in a manager-facing document (the user ticked
    it in the check before sending); they are left out otherwise.
    """

    progress = Signal(int, int)
    finished_ok = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        data: dict[str, Any],
        kind: str,
        path: Path,
        parent: QObject | None = None,
        *,
        include_drafts: bool = False,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.path = path
        self.include_drafts = include_drafts
        self._thread = QThread(self)
        self._worker = _Worker(data, kind, path, include_drafts)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._thread.finished.connect(self._worker.deleteLater)

    def start(self) -> None:
        self._thread.start()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self) -> None:
        self._thread.quit()
        self._thread.wait()

    @Slot(str)
    def _on_done(self, path: str) -> None:
        self.wait()
        self.finished_ok.emit(path)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.wait()
        self.failed.emit(message)
