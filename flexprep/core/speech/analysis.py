"""Feedback on a spoken answer: speaking time, the longest pause, pace, a rough transcript.

``analyse_file`` is what ``flexprep analyse FILE.wav`` and the rehearsal window run.
Long answers are cut at their pauses into chunks that separate processes transcribe at
once (the recogniser holds Python's global lock while it works, so threads would not
help and would freeze a window).
"""

from __future__ import annotations

import multiprocessing
import os
import struct
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from flexprep.core.speech.audio import Audio, read_wav
from flexprep.core.speech.recognise import (
    Recogniser,
    default_recogniser,
    transcribe_in_worker,
    warm_up_worker,
)
from flexprep.core.speech.vad import Segment, pauses, speech_segments

#: Chunks handed to the recogniser are cut at pauses and kept about this long.
CHUNK_S = 12.0
#: Speech kept either side of a chunk, so a cut never clips a word.
MARGIN_S = 0.15


@dataclass(frozen=True)
class Delivery:
    """How an answer was delivered. ``words`` and what follows are None without a
    recogniser; the transcript is approximate."""

    duration_s: float
    speaking_s: float
    longest_pause_s: float
    words: int | None
    words_per_minute: float | None
    transcript: str | None

    def as_dict(self) -> dict[str, Any]:
        """The JSON object ``flexprep analyse`` prints (times to the hundredth)."""
        data = asdict(self)
        for key in ("duration_s", "speaking_s", "longest_pause_s", "words_per_minute"):
            if data[key] is not None:
                data[key] = round(float(data[key]), 2)
        return data


def measure(audio: Audio, segments: Sequence[Segment], words: Sequence[str] | None) -> Delivery:
    """The delivery of ``audio`` from its speech ``segments`` and recognised ``words``."""
    speaking = sum(end - start for start, end in segments)
    longest = max(pauses(list(segments)), default=0.0)
    if words is None:
        return Delivery(audio.duration, speaking, longest, None, None, None)
    pace = len(words) * 60.0 / speaking if speaking > 0 else 0.0
    return Delivery(audio.duration, speaking, longest, len(words), pace, " ".join(words))


def chunks(segments: Sequence[Segment], limit: float = CHUNK_S) -> list[Segment]:
    """Speech grouped into stretches of about ``limit`` seconds, each cut at a pause."""
    grouped: list[Segment] = []
    for start, end in segments:
        if grouped and end - grouped[-1][0] <= limit:
            grouped[-1] = (grouped[-1][0], end)
        else:
            grouped.append((start, end))
    return grouped


def pcm_spans(audio: Audio, spans: Sequence[Segment]) -> list[bytes]:
    """The 16-bit PCM of each span, widened by :data:`MARGIN_S` either side."""
    out = []
    for start, end in spans:
        first = max(0, int((start - MARGIN_S) * audio.rate))
        last = min(len(audio.samples), int((end + MARGIN_S) * audio.rate))
        out.append(Audio(audio.samples[first:last], audio.rate).pcm16())
    return out


def process_pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes for transcription, started fresh (never forked from a window);
    each loads the recogniser as it starts."""
    return ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("spawn"), initializer=warm_up_worker
    )


def analyse(
    audio: Audio, recogniser: Recogniser | None = None, pool: Executor | None = None
) -> Delivery:
    """Measure ``audio`` and transcribe its speech.

    Args:
        recogniser: transcribes in this process (None: without ``pool``, no words).
        pool: transcribes the chunks in its workers instead (with the bundled engine).
    """
    segments = speech_segments(audio)
    pieces = pcm_spans(audio, chunks(segments))
    transcribe: Callable[[bytes], list[str]]
    if pool is not None:
        results = list(pool.map(transcribe_in_worker, pieces))
    elif recogniser is not None:
        transcribe = recogniser.transcribe
        results = [transcribe(piece) for piece in pieces]
    else:
        return measure(audio, segments, None)
    return measure(audio, segments, [word for words in results for word in words])


def analyse_file(path: str | Path, workers: int = 1) -> Delivery:
    """Read a WAV file and analyse it with the bundled recogniser.

    ``workers`` above 1 transcribes a long answer in that many processes at once.
    """
    recogniser = default_recogniser()
    if recogniser is None or workers <= 1 or _seconds(path) <= 2 * CHUNK_S:
        return analyse(read_wav(path), recogniser)
    with process_pool(workers) as pool:
        # The workers start and load their model while this process reads the file.
        loading = [pool.submit(warm_up_worker) for _ in range(workers)]
        audio = read_wav(path)
        for future in loading:
            future.result()
        return analyse(audio, pool=pool)


def _seconds(path: str | Path) -> float:
    """The length a WAV header claims (0 when it cannot tell): is a pool worth starting?"""
    try:
        with open(path, "rb") as handle:
            head = handle.read(64)
        channels, rate = (int(v) for v in struct.unpack_from("<HI", head, 22))
        return (os.path.getsize(path) - 44) / (2 * channels * rate)
    except (OSError, struct.error, ZeroDivisionError):
        return 0.0
