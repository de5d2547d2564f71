"""Transcribing an answer while it is being spoken, so feedback is ready when it ends.

The recogniser runs at about a sixth of real time per worker; left until the answer
ends, a minute's answer would take seconds to transcribe. A :class:`LiveTake` instead
hands each stretch of speech to the workers as soon as a pause closes it, and at the end
only the last stretch is left to wait for.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future

from flexprep.core.speech.analysis import Delivery, chunks, measure, pcm_spans
from flexprep.core.speech.audio import Audio, from_pcm
from flexprep.core.speech.vad import BRIDGE_S, Segment, speech_segments

#: How much new audio is gathered before looking for closed stretches of speech.
STEP_S = 3.0

Submit = Callable[[bytes], "Future[list[str]]"]


class LiveTake:
    """One recording in progress: :meth:`feed` it chunks, then :meth:`finish`.

    Args:
        rate, channels: of the 16-bit PCM fed.
        submit: starts transcribing 16 kHz mono PCM (in a worker process) and returns
            the future words.
    """

    def __init__(self, rate: int, channels: int, submit: Submit) -> None:
        self.rate, self.channels = rate, channels
        self._submit = submit
        self._lock = threading.Lock()
        self._chunks: list[bytes] = []
        self._size = 0
        self._looked_at = 0
        self._worker: threading.Thread | None = None
        self._futures: list[Future[list[str]]] = []
        self._done_until = 0.0

    def feed(self, pcm: bytes) -> None:
        """Add captured audio; now and then looks for speech to transcribe (in a thread)."""
        with self._lock:
            self._chunks.append(pcm)
            self._size += len(pcm)
            due = self._size - self._looked_at >= STEP_S * self.rate * self.channels * 2
            if not due or (self._worker is not None and self._worker.is_alive()):
                return
            self._looked_at = self._size
            self._worker = threading.Thread(
                target=self._advance, daemon=True, name="flexprep-live-take"
            )
        self._worker.start()

    def _audio(self) -> Audio:
        with self._lock:
            data = b"".join(self._chunks)
            self._chunks = [data]
        return from_pcm(data, self.rate, self.channels)

    def _advance(self) -> None:
        audio = self._audio()
        segments = speech_segments(audio)
        # A stretch is closed once a pause longer than the bridge follows it.
        closed = [s for s in segments if s[1] + BRIDGE_S < audio.duration]
        if closed and closed[-1][1] > self._done_until:
            self._send(audio, segments, closed[-1][1] + BRIDGE_S / 2)

    def _send(self, audio: Audio, segments: list[Segment], cut: float) -> None:
        wanted = [
            (max(start, self._done_until), min(end, cut))
            for start, end in segments
            if end > self._done_until and start < cut
        ]
        for piece in pcm_spans(audio, chunks(wanted)):
            self._futures.append(self._submit(piece))
        self._done_until = cut

    def finish(self) -> Delivery:
        """The delivery of the whole take, once the last stretch is transcribed."""
        worker = self._worker
        if worker is not None:
            worker.join()
        audio = self._audio()
        segments = speech_segments(audio)
        self._send(audio, segments, audio.duration + 1.0)
        words = [word for future in self._futures for word in future.result()]
        return measure(audio, segments, words)
