"""Hearing an answer: the analysis on committed espeak-ng fixtures, and `flexprep analyse`.

The fixtures (tests/fixtures/speech, made by make_fixtures.py) record what they were
built with; the issue's tolerances: duration within 0.1 s, speaking time and the
longest pause within 0.3 s, words per minute within 35 % of the synthesis rate.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import FIXTURES

from flexprep import cli
from flexprep.core.speech import analysis, audio, vad
from flexprep.core.speech.audio import AudioError, read_wav
from flexprep.core.speech.recognise import (
    PocketsphinxRecogniser,
    clean_words,
    default_recogniser,
)

SPEECH = FIXTURES / "speech"
BUILT: list[dict[str, Any]] = json.loads((SPEECH / "fixtures.json").read_text("utf-8"))
KEYS = ["duration_s", "speaking_s", "longest_pause_s", "words", "words_per_minute", "transcript"]


@pytest.fixture(scope="module")
def recogniser() -> PocketsphinxRecogniser:
    found = default_recogniser()
    assert isinstance(found, PocketsphinxRecogniser), "pocketsphinx is a dependency"
    return found


def close_to_what_was_built(result: dict[str, Any], built: dict[str, Any]) -> None:
    assert abs(result["duration_s"] - built["duration_s"]) <= 0.1
    assert abs(result["speaking_s"] - built["speaking_s"]) <= 0.3
    assert abs(result["longest_pause_s"] - built["longest_pause_s"]) <= 0.3
    assert abs(result["words_per_minute"] - built["wpm"]) <= 0.35 * built["wpm"]
    assert result["words"] > 0 and len(result["transcript"].split()) == result["words"]


def wav_bytes(
    pcm: bytes, rate: int, channels: int, bits: int = 16, tag: int = 1, extensible: bool = False
) -> bytes:
    """A WAV file made by hand, so headers other programs write can be tried."""
    align = channels * bits // 8
    if extensible:
        fmt = (
            struct.pack(
                "<HHIIHHHHI", 0xFFFE, channels, rate, rate * align, align, bits, 22, bits, 0
            )
            + struct.pack("<H", tag)
            + bytes(14)
        )
    else:
        fmt = struct.pack("<HHIIHH", tag, channels, rate, rate * align, align, bits)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt
    body += b"data" + struct.pack("<I", len(pcm)) + pcm
    return b"RIFF" + struct.pack("<I", len(body)) + body


@pytest.mark.parametrize("built", BUILT, ids=[b["file"] for b in BUILT])
def test_the_fixtures_are_measured_within_tolerance(
    built: dict[str, Any], recogniser: PocketsphinxRecogniser
) -> None:
    delivery = analysis.analyse(read_wav(SPEECH / built["file"]), recogniser)
    close_to_what_was_built(delivery.as_dict(), built)


def test_any_rate_and_channel_count_gives_the_same_answer(
    tmp_path: Path, recogniser: PocketsphinxRecogniser
) -> None:
    built = BUILT[0]
    samples = read_wav(SPEECH / built["file"]).samples
    wide = audio.resample(samples, audio.RATE, 44100)
    pcm = np.clip(wide * 32768, -32768, 32767).astype("<i2")
    stereo = np.stack([pcm, pcm // 2], axis=1).tobytes()  # a quieter right channel
    path = tmp_path / "phone.wav"
    path.write_bytes(wav_bytes(stereo, 44100, 2, extensible=True))
    delivery = analysis.analyse(read_wav(path), recogniser)
    close_to_what_was_built(delivery.as_dict(), built)


def test_silence_and_an_empty_file_have_no_speech() -> None:
    quiet = audio.from_pcm(bytes(2 * 16000), 16000)
    assert vad.speech_segments(quiet) == []
    delivery = analysis.analyse(quiet, None)
    assert delivery.as_dict() == {
        "duration_s": 1.0,
        "speaking_s": 0.0,
        "longest_pause_s": 0.0,
        "words": None,
        "words_per_minute": None,
        "transcript": None,
    }
    assert audio.from_pcm(b"", 8000, 2).duration == 0.0


def test_long_answers_are_cut_at_pauses_and_transcribed_in_worker_processes(tmp_path: Path) -> None:
    built = BUILT[0]
    once = read_wav(SPEECH / built["file"]).samples
    path = tmp_path / "long.wav"
    audio.write_wav(path, audio.Audio(np.tile(once, 2)).pcm16(), audio.RATE)
    spans = analysis.chunks(vad.speech_segments(read_wav(path)))
    assert len(spans) > 2 and all(end - start <= analysis.CHUNK_S for start, end in spans)
    delivery = analysis.analyse_file(path, workers=2).as_dict()
    assert abs(delivery["speaking_s"] - 2 * built["speaking_s"]) <= 0.6
    assert abs(delivery["words_per_minute"] - built["wpm"]) <= 0.35 * built["wpm"]


def test_recogniser_output_is_cleaned() -> None:
    assert clean_words("<s> i understand(2) the <sil> [NOISE] concern </s>") == [
        "i",
        "understand",
        "the",
        "concern",
    ]


# -- refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not a WAV file"),
        (b"hello, this is text, not sound", "not a WAV file"),
        (wav_bytes(bytes(100), 8000, 1)[:30], "no format or data chunk"),
        (wav_bytes(bytes(90), 8000, 1, bits=24), "24-bit audio; only 16-bit PCM WAV is read"),
        (wav_bytes(bytes(100), 8000, 1, bits=8), "8-bit audio"),
        (wav_bytes(bytes(100), 8000, 1, bits=32, tag=3), "not PCM audio"),
        (wav_bytes(bytes(100), 8000, 1, bits=32, tag=3, extensible=True), "not PCM audio"),
        (wav_bytes(bytes(100), 8000, 0), "implausible WAV format"),
        (wav_bytes(bytes(100), 12, 1), "implausible WAV format"),
    ],
    ids=[
        "empty",
        "text",
        "truncated",
        "24-bit",
        "8-bit",
        "float",
        "float-extensible",
        "no-channels",
        "silly-rate",
    ],
)
def test_what_is_not_16_bit_pcm_wav_is_refused(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "x.wav"
    path.write_bytes(content)
    with pytest.raises(AudioError, match=message):
        read_wav(path)


def test_a_truncated_data_chunk_keeps_what_is_there(tmp_path: Path) -> None:
    path = tmp_path / "cut.wav"
    path.write_bytes(wav_bytes(bytes(16000 * 2), 16000, 1)[:-3001])
    assert read_wav(path).duration == pytest.approx(0.906, abs=0.01)


# -- the command ------------------------------------------------------------------------


def test_flexprep_analyse_prints_one_json_object(tmp_path: Path) -> None:
    built = BUILT[1]
    result = subprocess.run(
        [sys.executable, "-m", "flexprep", "analyse", str(SPEECH / built["file"])],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert list(data) == KEYS
    close_to_what_was_built(data, built)
    assert list(tmp_path.iterdir()) == []  # no database, no recordings folder


@pytest.mark.parametrize("content", [b"not audio", wav_bytes(bytes(9), 8000, 1, bits=8)])
def test_flexprep_analyse_refuses_unreadable_audio_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    path = tmp_path / "memo.wav"
    path.write_bytes(content)
    for target in (path, tmp_path / "missing.wav", tmp_path):
        assert cli.main(["analyse", str(target)]) == 2
        out, err = capsys.readouterr()
        assert out == "" and len(err.splitlines()) == 1
        assert err.startswith(f"flexprep: {target}: ")


def test_a_live_take_transcribes_while_the_answer_is_spoken(
    recogniser: PocketsphinxRecogniser,
) -> None:
    from concurrent.futures import Future

    from flexprep.core.speech.live import LiveTake

    built = BUILT[1]  # 8 kHz stereo: what a microphone might give
    path = SPEECH / built["file"]
    raw = path.read_bytes()
    pcm = raw[raw.index(b"data") + 8 :]
    sent: list[int] = []

    def submit(piece: bytes) -> Future[list[str]]:
        sent.append(len(piece))
        done: Future[list[str]] = Future()
        done.set_result(recogniser.transcribe(piece))
        return done

    take = LiveTake(8000, 2, submit)
    second = 8000 * 2 * 2
    for offset in range(0, len(pcm), second // 10):  # a tenth of a second at a time
        take.feed(pcm[offset : offset + second // 10])
        if take._worker is not None:
            take._worker.join()  # as if the speaker took their time
    assert len(sent) >= 1, "the first sentence went to the recogniser before the end"
    before_end = len(sent)
    delivery = take.finish().as_dict()
    assert len(sent) == before_end + 1, "only the last stretch was left"
    close_to_what_was_built(delivery, built)
