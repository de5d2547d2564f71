"""Speech analysis benchmark: ``flexprep analyse`` and the rehearsal feedback, 60 s answers.

Usage (from the repository root): ``python benchmarks/bench_speech.py [--rounds 3]``

A 60-second answer is built from the committed espeak-ng fixture (its sentences and
pauses, repeated), once as 16 kHz mono and once as 44.1 kHz stereo (so resampling is
timed too).

1. ``flexprep analyse FILE.wav`` end to end, a fresh process each round (the start,
   the recogniser's model load and two worker processes included). Target: under 5 s.
2. The feedback the rehearsal window shows after an answer, from the moment recording
   stops: the answer is fed to a ``LiveTake`` at four times real time (as a microphone
   would, only faster: workers that keep up at 4x keep up at 1x), with the window's
   pool of two warm workers; the time of ``finish()`` is measured. Target: under 3 s.
   For reference, the same analysis with nothing transcribed before the end.

Exit status 1 when a median is over its target.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from flexprep.core.speech import audio  # noqa: E402
from flexprep.core.speech.analysis import analyse, process_pool  # noqa: E402
from flexprep.core.speech.recognise import warm_up_worker  # noqa: E402

FIXTURE = REPO / "tests" / "fixtures" / "speech" / "steady_150wpm_16k_mono.wav"
CLI_LIMIT_S = 5.0
FEEDBACK_LIMIT_S = 3.0


def sixty_seconds(folder: Path) -> list[Path]:
    """The fixture repeated to 60 s, as 16 kHz mono and as 44.1 kHz stereo WAV files."""
    once = audio.read_wav(FIXTURE).samples
    samples = np.tile(once, int(np.ceil(60 * audio.RATE / len(once))))[: 60 * audio.RATE]
    mono = folder / "answer-16k-mono.wav"
    audio.write_wav(mono, audio.Audio(samples).pcm16(), audio.RATE)
    wide = audio.resample(samples, audio.RATE, 44100)
    pcm = np.clip(wide * 32768, -32768, 32767).astype("<i2")
    stereo = folder / "answer-44k-stereo.wav"
    audio.write_wav(stereo, np.repeat(pcm, 2).tobytes(), 44100, 2)
    return [mono, stereo]


def time_cli(path: Path, rounds: int) -> float:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "flexprep", "analyse", str(path)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        times.append(time.perf_counter() - start)
    print(f"  {path.name}: {result.stdout.strip()[:150]}…")
    return statistics.median(times)


def time_live_feedback(path: Path, rounds: int) -> float:
    from flexprep.core.speech.live import LiveTake
    from flexprep.core.speech.recognise import transcribe_in_worker

    raw = path.read_bytes()
    pcm = raw[raw.index(b"data") + 8 :]
    channels = 2 if "stereo" in path.name else 1
    rate = 44100 if "44k" in path.name else audio.RATE
    block = rate * channels * 2 // 10  # a tenth of a second
    with process_pool(2) as pool:
        list(pool.map(warm_up, range(4)))
        times = []
        for _ in range(rounds):
            take = LiveTake(rate, channels, lambda piece: pool.submit(transcribe_in_worker, piece))
            start = time.perf_counter()
            for index, offset in enumerate(range(0, len(pcm), block)):
                take.feed(pcm[offset : offset + block])
                time.sleep(max(0.0, start + (index + 1) * 0.025 - time.perf_counter()))
            stopped = time.perf_counter()
            take.finish()
            times.append(time.perf_counter() - stopped)
    return statistics.median(times)


def time_feedback(path: Path, rounds: int) -> float:
    with process_pool(2) as pool:
        list(pool.map(warm_up, range(4)))
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            analyse(audio.read_wav(path), pool=pool)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def warm_up(_index: int) -> bool:
    return warm_up_worker()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        for path in sixty_seconds(Path(folder)):
            cli = time_cli(path, rounds)
            live = time_live_feedback(path, rounds)
            at_end = time_feedback(path, rounds)
            print(
                f"{path.name}: flexprep analyse {cli:.2f} s (target < {CLI_LIMIT_S} s); "
                f"feedback after stopping {live:.2f} s (target < {FEEDBACK_LIMIT_S} s; "
                f"{at_end:.2f} s with nothing transcribed before the end)"
            )
            failed |= cli >= CLI_LIMIT_S or live >= FEEDBACK_LIMIT_S
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
