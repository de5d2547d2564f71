"""One piece of work in the thread pool, its answer delivered back on the GUI thread.

``PoolRelay`` lives on the GUI thread; :func:`run_in_pool` runs ``work`` in Qt's global
thread pool and emits ``done(result)`` or ``failed(message)`` through it, so slots run
on the GUI thread. Exceptions become the message (never a crash); a window closed
meanwhile drops the answer quietly.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal


class PoolRelay(QObject):
    """Carries a pool task's answer to the GUI thread."""

    done = Signal(object)
    failed = Signal(str)


def run_in_pool(
    work: Callable[[], object],
    relay: PoolRelay,
    describe: Callable[[Exception], str] = str,
) -> None:
    """Run ``work`` aside; ``relay`` says how it ended (``describe`` words a failure)."""

    def run() -> None:
        try:
            result = work()
        except Exception as exc:  # noqa: BLE001 - reported to the user, never a crash
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                relay.failed.emit(describe(exc))
            return
        with contextlib.suppress(RuntimeError):
            relay.done.emit(result)

    QThreadPool.globalInstance().start(run)
