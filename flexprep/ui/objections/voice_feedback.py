"""Feedback on a recorded answer, computed away from the window.

:class:`FeedbackRunner` runs an analysis in a background thread and reports back by
signal; :class:`PoolAnalysis`, the default analysis, transcribes in two worker
processes (pocketsphinx holds Python's global lock while it decodes), started when the
user first records.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from flexprep.core.recordings import Recording


class FeedbackRunner(QObject):
    """Analyses recordings in a background thread (the recogniser in worker processes)."""

    done = Signal(object, object)  # Recording, the feedback dict
    failed = Signal(object, str)

    def __init__(
        self, analyse: Callable[[Path], dict[str, Any]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.analyse = analyse

    def submit(
        self, recording: Recording, analyse: Callable[[Path], dict[str, Any]] | None = None
    ) -> None:
        """Analyse ``recording`` with ``analyse`` (default: :attr:`analyse`)."""
        threading.Thread(
            target=self._work,
            args=(recording, analyse or self.analyse),
            daemon=True,
            name="flexprep-feedback",
        ).start()

    def _work(self, recording: Recording, analyse: Callable[[Path], dict[str, Any]]) -> None:
        try:
            result = analyse(recording.path)
        except Exception as exc:  # noqa: BLE001 - reported on the card, never a crash
            self.failed.emit(recording, f"Feedback could not be computed: {exc}")
        else:
            self.done.emit(recording, result)


class PoolAnalysis:
    """The default analysis: two worker processes, started when first recording."""

    def __init__(self) -> None:
        self._pool: Executor | None = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        threading.Thread(target=self._get, daemon=True, name="flexprep-pool").start()

    def _get(self) -> Executor | None:
        from flexprep.core.speech.recognise import default_recogniser

        with self._lock:
            if self._pool is None and default_recogniser() is not None:
                from flexprep.core.speech.analysis import process_pool

                self._pool = process_pool(2)
                self._pool.submit(int)  # starts the workers, which load the model
            return self._pool

    def shutdown(self) -> None:
        """Stop the workers (they also stop when the program exits)."""
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def start_take(self, rate: int, channels: int) -> Any:
        """A :class:`~flexprep.core.speech.live.LiveTake` transcribing in the workers."""
        from flexprep.core.speech.live import LiveTake
        from flexprep.core.speech.recognise import transcribe_in_worker

        def submit(pcm: bytes) -> Any:
            pool = self._get()
            if pool is None:  # no recogniser installed: figures without words
                done: Future[list[str]] = Future()
                done.set_result([])
                return done
            return pool.submit(transcribe_in_worker, pcm)

        return LiveTake(rate, channels, submit)

    def __call__(self, path: Path) -> dict[str, Any]:
        from flexprep.core.speech.analysis import analyse
        from flexprep.core.speech.audio import read_wav

        return analyse(read_wav(path), pool=self._get()).as_dict()
