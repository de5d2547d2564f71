"""Saving as you type: edits are queued and written within half a second.

The writes run on one worker thread, in the order they were typed, so a database
locked by another program (SQLite waits up to its busy timeout) never freezes the
window. Queued writes may call the service and emit signals; they must not touch
widgets. What cannot be saved comes back as :attr:`Saver.kept` for the window to put
in a recovery file (docs/design.md, "Saving and recovery").
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from datetime import datetime
from typing import Any, Protocol, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThread, QTimer, Signal, Slot

from flexprep.ui.shell.save_batch import KEPT, Edit, Outcome, Result, SaveChecks, typed_value
from flexprep.ui.shell.save_batch import write_batch as _write_batch

SAVE_DELAY_MS = 400
RETRY_DELAY_MS = 3000
#: A wait on the worker longer than this is shown (:attr:`Saver.waiting`).
WAIT_SHOWN_MS = 300
T = TypeVar("T")
S = TypeVar("S")


class Saver(QObject):
    """Coalesces edits per key and writes them soon after the first one.

    The timer is not restarted by later edits, so continuous typing is still saved
    within :data:`SAVE_DELAY_MS`. A write the database cannot take now (locked, disk
    full) stays queued and is retried; one that can never be saved is handed back
    through :attr:`kept`; the others are written all the same.
    """

    saved = Signal(datetime)
    failed = Signal(str)
    #: Edits that did not reach the database (a list of :class:`Result`).
    kept = Signal(object)
    #: True when a wait on the worker (:meth:`Saver.flush`, :meth:`Saver.run`) has
    #: lasted long enough to show; False when it is over.
    waiting = Signal(bool)
    _finished = Signal(int, object)  # from the worker thread: batch number, its future
    _wake = Signal()  # from the worker thread: a waited-for job is done

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[Hashable, Edit] = {}
        self._in_flight: list[Edit] = []
        self._future: Future[list[Result]] | None = None
        self._batch = 0
        self._executor: ThreadPoolExecutor | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_soon)
        self._finished.connect(self._on_finished)
        self.last_error: str | None = None
        #: Asked before each batch (the window's checks); None: write blindly.
        self.checks: SaveChecks | None = None
        #: (id, name) of the workbook an edit belongs to, asked when it is queued.
        self.workbook_of: Callable[[], tuple[int | None, str]] = lambda: (None, "")
        #: Set when nothing can be written (read-only, file gone): the reason.
        self.refusal: str | None = None
        self._refusal_outcome = Outcome.READ_ONLY

    def schedule(self, key: Hashable, write: Callable[[], object], *, text: Any = None) -> None:
        """Queue ``write``; a newer write with the same key replaces it.

        ``text`` is what the user typed, for the recovery file; by default it is read
        back from ``write`` (see :func:`~flexprep.ui.shell.save_batch.typed_value`).
        """
        workbook_id, workbook_name = self.workbook_of()
        self._pending.pop(key, None)
        self._pending[key] = Edit(
            key, write, workbook_id, workbook_name, typed_value(write) if text is None else text
        )
        if not self._timer.isActive():
            self._timer.start(SAVE_DELAY_MS)

    def has_pending(self) -> bool:
        """Whether some edit is queued or being written."""
        return bool(self._pending or self._in_flight)

    def pending_edits(self) -> list[Edit]:
        return [*self._in_flight, *self._pending.values()]

    def refuse(self, reason: str, outcome: Outcome = Outcome.READ_ONLY) -> None:
        """From now on write nothing: every edit is handed back through :attr:`kept`."""
        self.refusal, self._refusal_outcome = reason, outcome

    def take(self, workbook_id: int | None = None) -> list[Edit]:
        """Remove and return the queued edits (of ``workbook_id`` only, if given)."""
        taken = [
            e for e in self._pending.values() if workbook_id is None or e.workbook_id == workbook_id
        ]
        for edit in taken:
            del self._pending[edit.key]
        return taken

    def discard(self) -> None:
        """Forget queued writes (their workbook is being deleted)."""
        self._drain()
        self._pending.clear()
        self._timer.stop()

    @Slot()
    def save_soon(self) -> None:
        """Hand what is queued to the worker now, without waiting for it."""
        if self._future is None and self._pending:
            self._start()

    @Slot()
    def flush(self) -> bool:
        """Write everything queued now and wait; False if something could not be saved.

        Meant for explicit actions (switching workbook, deleting, exporting, closing),
        not for each keystroke. The wait never freezes the window: it paints and its
        timers run while the worker writes (a database locked by another program
        holds a batch for up to the busy timeout), and what the user clicks or types
        meanwhile is handled once the wait is over. :attr:`waiting` says when it is
        long enough to show.
        """
        self._timer.stop()
        was_writing = self._future is not None
        self._drain()
        if self._pending and not (was_writing and self.last_error is not None):
            # (A batch that has just failed on the database is not tried twice in a row.)
            self._start()
            self._drain()
        return not self._pending

    def run(self, work: Callable[[], T]) -> T:
        """Run ``work`` (a database write) on the worker, after what is queued; its result.

        For the window's own writes (add, delete, move): the window keeps painting
        while ``work`` waits on a database lock, as during :meth:`flush`.

        Raises:
            Exception: whatever ``work`` raised.
        """
        self._drain()
        future = self._worker().submit(work)
        self._spin(future)
        return future.result()

    def shutdown(self) -> None:
        """Wait for the worker and stop it (the window closes)."""
        self._timer.stop()
        self._drain()
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None

    # -- the worker -------------------------------------------------------------------

    def _start(self) -> None:
        self._timer.stop()
        batch = list(self._pending.values())
        self._pending.clear()
        self._in_flight = batch
        self._batch += 1
        number = self._batch
        if self.refusal is not None:
            done: Future[list[Result]] = Future()
            done.set_result([Result(e, self._refusal_outcome, self.refusal) for e in batch])
            self._future = done
            self._handle(number, done)
            return
        future = self._worker().submit(_write_batch, batch, self.checks)
        self._future = future

        def report(finished: Future[list[Result]]) -> None:
            with contextlib.suppress(RuntimeError):  # the window is gone
                self._finished.emit(number, finished)

        future.add_done_callback(report)

    def _worker(self) -> ThreadPoolExecutor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="flexprep-save")
        return self._executor

    def _drain(self) -> None:
        """Wait until no batch is in flight (one started by a timer meanwhile too)."""
        while self._future is not None:
            future = self._future
            self._spin(future)
            if future is self._future:  # not yet handled by _on_finished while spinning
                self._handle(self._batch, future)

    def _spin(self, future: Future[Any]) -> None:
        """Wait for ``future`` while the window paints and its timers run.

        User input waits in the queue (it is handled once this returns), so nothing
        the user does can start another action in the middle of this one. Off the
        GUI thread (or with no application) this simply blocks.
        """
        app = QCoreApplication.instance()
        if future.done() or app is None or QThread.currentThread() is not app.thread():
            wait([future])
            return
        loop = QEventLoop()
        self._wake.connect(loop.quit)
        future.add_done_callback(lambda _done: self._wake_up())
        shown = QTimer()
        shown.setSingleShot(True)
        shown.timeout.connect(lambda: self.waiting.emit(True))
        shown.start(WAIT_SHOWN_MS)
        try:
            while not future.done():  # (a wake-up left over from an earlier wait: again)
                loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        finally:
            self._wake.disconnect(loop.quit)
            if not shown.isActive():
                self.waiting.emit(False)
            shown.stop()

    def _wake_up(self) -> None:
        with contextlib.suppress(RuntimeError):  # the window is gone
            self._wake.emit()

    @Slot(int, object)
    def _on_finished(self, number: int, future: Future[list[Result]]) -> None:
        self._handle(number, future)

    def _handle(self, number: int, future: Future[list[Result]]) -> None:
        if future is not self._future or number != self._batch:
            return  # already handled (a flush waited for it)
        self._future = None
        self._in_flight = []
        results = future.result()
        retry = [r for r in results if r.outcome is Outcome.RETRY]
        kept = [r for r in results if r.outcome in KEPT]
        wrote = any(r.outcome is Outcome.SAVED for r in results)
        # Put back what is to be retried, unless a newer edit of the same key came.
        waiting = dict(self._pending)
        self._pending.clear()
        for result in retry:
            if result.edit.key not in waiting:
                self._pending[result.edit.key] = result.edit
        self._pending.update(waiting)
        if kept:
            self.kept.emit(kept)
        if retry:
            self.last_error = retry[0].message
            self.failed.emit(retry[0].message)
            self._timer.start(RETRY_DELAY_MS)
        elif wrote:
            self.last_error = None
            self.saved.emit(datetime.now())
        if self._pending and not self._timer.isActive():
            self._timer.start(SAVE_DELAY_MS)


class Runner(Protocol):
    """Runs a job where it may wait on the database (:meth:`Saver.run`)."""

    def run(self, work: Callable[[], T]) -> T: ...


class _Aside:
    """``service``'s methods, each run by ``saver`` (:meth:`Saver.run`)."""

    def __init__(self, service: object, saver: Runner) -> None:
        self._service, self._saver = service, saver

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._service, name)
        if not callable(found):
            return found
        saver = self._saver

        def call(*args: Any, **kwargs: Any) -> Any:
            return saver.run(lambda: found(*args, **kwargs))

        return call


def aside(service: S, saver: Runner) -> S:
    """``service`` whose calls run on the saver's worker, in order with the typing.

    For the window's structural edits (add, delete, move, undo, redo): a database
    locked by another program makes them wait without freezing the window.
    """
    return cast(S, _Aside(service, saver))
