"""Reading 16-bit PCM WAV files (any rate, any channel count) as 16 kHz mono samples."""

from __future__ import annotations

import os
import struct
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from flexprep.core.errors import FlexPrepError

#: The rate every analysis works at (the recogniser's acoustic model is 16 kHz).
RATE = 16_000
#: Longer recordings are refused rather than read into memory (a rehearsal lasts minutes).
MAX_SECONDS = 3 * 3600
MAX_BYTES = 1 << 30
_PCM, _EXTENSIBLE = 1, 0xFFFE

Samples = npt.NDArray[np.float32]


class AudioError(FlexPrepError):
    """A file is not audio FlexPrep can read (16-bit PCM WAV)."""


@dataclass(frozen=True)
class Audio:
    """Mono samples in -1..1 at :data:`RATE`."""

    samples: Samples
    rate: int = RATE

    @property
    def duration(self) -> float:
        return len(self.samples) / self.rate

    def pcm16(self) -> bytes:
        """The samples as little-endian 16-bit PCM (what the recogniser takes)."""
        clipped = np.clip(self.samples * 32768.0, -32768, 32767)
        return bytes(clipped.astype("<i2").tobytes())


def _chunks(data: bytes) -> dict[bytes, bytes]:
    """The chunks of a RIFF/WAVE file (a truncated last chunk keeps what is there)."""
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise AudioError("not a WAV file")
    found: dict[bytes, bytes] = {}
    offset = 12
    while offset + 8 <= len(data):
        tag, size = data[offset : offset + 4], struct.unpack_from("<I", data, offset + 4)[0]
        found.setdefault(tag, data[offset + 8 : offset + 8 + size])
        offset += 8 + size + (size & 1)
    return found


def _format(fmt: bytes) -> tuple[int, int]:
    """Channels and rate of a 16-bit PCM ``fmt `` chunk; anything else is refused."""
    if len(fmt) < 16:
        raise AudioError("not a WAV file (no format chunk)")
    tag, channels, rate, _rate, _align, bits = struct.unpack_from("<HHIIHH", fmt)
    if tag == _EXTENSIBLE and len(fmt) >= 26:
        tag = struct.unpack_from("<H", fmt, 24)[0]
    if tag != _PCM:
        raise AudioError(
            "not PCM audio (compressed or floating-point WAV); convert it to 16-bit PCM WAV"
        )
    if bits != 16:
        raise AudioError(f"{bits}-bit audio; only 16-bit PCM WAV is read")
    if not channels or not 1000 <= rate <= 384_000:
        raise AudioError(f"implausible WAV format ({channels} channels at {rate} Hz)")
    return channels, rate


def read_wav(path: str | Path) -> Audio:
    """The file's audio as 16 kHz mono; :class:`AudioError` if it is not 16-bit PCM WAV.

    The RIFF chunks are read here rather than with :mod:`wave`, which before Python
    3.12 refuses the "extensible" header that phones and editors often write.
    """
    with open(path, "rb") as handle:
        head = handle.read(12)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            raise AudioError("not a WAV file")
        if os.fstat(handle.fileno()).st_size > MAX_BYTES:
            raise AudioError("larger than 1 GiB; cut it shorter")
        data = head + handle.read()
    chunks = _chunks(data)
    if b"fmt " not in chunks or b"data" not in chunks:
        raise AudioError("not a WAV file (no format or data chunk)")
    channels, rate = _format(chunks[b"fmt "])
    return from_pcm(chunks[b"data"], rate, channels)


def from_pcm(data: bytes, rate: int, channels: int = 1) -> Audio:
    """16-bit little-endian PCM (interleaved channels) as :class:`Audio`."""
    frames = len(data) // (2 * channels)
    if frames > MAX_SECONDS * rate:
        raise AudioError("longer than three hours; cut it shorter")
    raw = np.frombuffer(data[: frames * 2 * channels], dtype="<i2")
    mono = raw.reshape(frames, channels).mean(axis=1, dtype=np.float32) / 32768.0
    return Audio(resample(mono.astype(np.float32), rate, RATE))


def resample(samples: Samples, rate: int, target: int = RATE) -> Samples:
    """``samples`` at ``rate`` resampled to ``target`` (low-passed first when lowering)."""
    if rate == target or not len(samples):
        return samples
    if rate > target:
        # A windowed-sinc low-pass below the new Nyquist frequency against aliasing.
        cutoff = 0.45 * target / rate
        taps = np.arange(-32, 33, dtype=np.float64)
        kernel = 2 * cutoff * np.sinc(2 * cutoff * taps) * np.hamming(len(taps))
        samples = np.convolve(samples, (kernel / kernel.sum()).astype(np.float32), "same")
    count = int(round(len(samples) * target / rate))
    positions = np.arange(count, dtype=np.float64) * (rate / target)
    return np.interp(positions, np.arange(len(samples)), samples).astype(np.float32)


def write_wav(path: str | Path, data: bytes, rate: int, channels: int = 1) -> None:
    """Write 16-bit PCM ``data`` as a WAV file (the caller decides where and how private)."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(data)
