"""Saving as you type: edits are queued and written within half a second."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from flexprep.core.errors import FlexPrepError

SAVE_DELAY_MS = 400
RETRY_DELAY_MS = 3000


class Saver(QObject):
    """Coalesces edits per key and writes them soon after the first one.

    The timer is not restarted by later edits, so continuous typing is still saved
    within :data:`SAVE_DELAY_MS`. A failed write stays queued and is retried.
    """

    saved = Signal(datetime)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[Hashable, Callable[[], object]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        self.last_error: str | None = None

    def schedule(self, key: Hashable, write: Callable[[], object]) -> None:
        """Queue ``write``; a newer write with the same key replaces it."""
        self._pending.pop(key, None)
        self._pending[key] = write
        if not self._timer.isActive():
            self._timer.start(SAVE_DELAY_MS)

    def has_pending(self) -> bool:
        return bool(self._pending)

    def discard(self) -> None:
        """Forget queued writes (their workbook was deleted)."""
        self._pending.clear()
        self._timer.stop()

    @Slot()
    def flush(self) -> bool:
        """Write everything queued now; False if something could not be saved."""
        self._timer.stop()
        wrote = False
        while self._pending:
            key = next(iter(self._pending))
            write = self._pending[key]
            try:
                write()
            except FlexPrepError as exc:
                self.last_error = str(exc)
                self.failed.emit(str(exc))
                self._timer.start(RETRY_DELAY_MS)
                return False
            wrote = True
            if self._pending.get(key) is write:
                del self._pending[key]
        if wrote:
            self.last_error = None
            self.saved.emit(datetime.now())
        return True
