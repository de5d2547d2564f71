"""Writing Word documents off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot


class _Worker(QObject):
    progress = Signal(int, int)
    done = Signal(str)
    failed = Signal(str)

    def __init__(self, data: dict[str, Any], kind: str, path: Path) -> None:
        super().__init__()
        self._data, self._kind, self._path = data, kind, path

    @Slot()
    def run(self) -> None:
        try:
            from flexprep.reports.documents import write_document

            written = write_document(
                self._data, self._kind, self._path, progress=self.progress.emit
            )
        except OSError as exc:
            where = exc.filename or self._path
            self.failed.emit(f"Could not write {where}: {exc.strerror or exc}")
        except Exception as exc:  # noqa: BLE001 - any failure is reported, never a crash
            self.failed.emit(f"Could not export: {exc}")
        else:
            self.done.emit(str(written))


class ExportJob(QObject):
    """One export in a worker thread; emits ``finished_ok`` or ``failed`` once."""

    progress = Signal(int, int)
    finished_ok = Signal(str)
    failed = Signal(str)

    def __init__(
        self, data: dict[str, Any], kind: str, path: Path, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.path = path
        self._thread = QThread(self)
        self._worker = _Worker(data, kind, path)
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
