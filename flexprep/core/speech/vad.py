"""Where the voice is: speech segments from frame loudness (no model, no training).

A frame is speech when it is loud against the recording's own quiet (its noise floor)
and not far below its loudest part. Gaps shorter than :data:`BRIDGE` (between words, a
breath) count as speaking; anything longer is a pause.
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import numpy.typing as npt

from flexprep.core.speech.audio import Audio

FRAME_S = 0.02
#: Silences shorter than this are part of speaking.
BRIDGE_S = 0.3
#: Sounds shorter than this (a click, a knock) are not speech.
MIN_SPEECH_S = 0.08
#: A frame is speech when this much above the noise floor ...
ABOVE_FLOOR_DB = 12.0
#: ... and no more than this below the loud part of the recording ...
BELOW_PEAK_DB = 35.0
#: ... and louder than this at all (digital silence has no floor to measure from).
QUIETEST_DB = -55.0

Segment = tuple[float, float]


def frame_levels(audio: Audio) -> npt.NDArray[np.float64]:
    """Loudness of each :data:`FRAME_S` frame in dB relative to full scale."""
    size = int(audio.rate * FRAME_S)
    count = len(audio.samples) // size
    if not count:
        return np.zeros(0)
    frames = audio.samples[: count * size].astype(np.float64).reshape(count, size)
    power = np.mean(frames * frames, axis=1)
    levels: npt.NDArray[np.float64] = 10 * np.log10(power + 1e-12)
    return levels


def speech_segments(audio: Audio) -> list[Segment]:
    """Start and end times (seconds) of speech, gaps under :data:`BRIDGE_S` joined."""
    levels = frame_levels(audio)
    if not len(levels):
        return []
    floor = float(np.percentile(levels, 10))
    loud = float(np.percentile(levels, 98))
    threshold = max(floor + ABOVE_FLOOR_DB, loud - BELOW_PEAK_DB, QUIETEST_DB)
    voiced = levels > threshold
    runs: list[list[float]] = []
    start = None
    for index, on in enumerate([*voiced.tolist(), False]):
        if on and start is None:
            start = index
        elif not on and start is not None:
            begin, end = start * FRAME_S, index * FRAME_S
            if runs and begin - runs[-1][1] < BRIDGE_S:
                runs[-1][1] = end
            else:
                runs.append([begin, end])
            start = None
    return [(begin, end) for begin, end in runs if end - begin >= MIN_SPEECH_S]


def pauses(segments: list[Segment]) -> list[float]:
    """The silences between speech (not before the first word or after the last)."""
    return [later[0] - earlier[1] for earlier, later in pairwise(segments)]
