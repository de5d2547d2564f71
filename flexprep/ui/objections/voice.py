"""Sound for rehearsal: the microphone, playback, the level meter's figure, the manager's voice.

QtMultimedia and QtTextToSpeech (PySide6-Addons) are imported by :class:`VoiceLoader`
in a background thread when rehearsal first starts, never at window start. The
recorder and the player talk to the devices through two small interfaces
(:class:`AudioInput`, :class:`AudioOutput`) so tests drive them with fakes: CI has no
sound card. See "Rehearsing out loud" in docs/design.md.
"""

from __future__ import annotations

import importlib
import math
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QUrl, Signal, Slot

NO_MICROPHONE = "No microphone found: rehearsal goes on without recording."
MICROPHONE_REFUSED = "Microphone access is refused: rehearsal goes on without recording."
NO_SPEAKER = "No speaker or headphones found: the recording cannot be played here."
NO_ENGINE = "No speech engine on this system: the objections are shown, not spoken."
NO_ADDONS = "Sound is not available (PySide6-Addons is not installed)."
#: The rate asked of the microphone (the analysis works at 16 kHz; others are resampled).
RATE = 16_000


class VoiceError(Exception):
    """A device cannot be used; the message is one line for the user."""


class AudioInput(Protocol):
    """A microphone: calls ``on_data`` with 16-bit PCM chunks until stopped."""

    rate: int
    channels: int

    def start(self, on_data: Callable[[bytes], None]) -> None:
        """Start capturing; :class:`VoiceError` when there is no usable microphone."""
        ...

    def stop(self) -> None: ...


class AudioOutput(Protocol):
    """A speaker: plays a WAV file, calls ``on_done`` when it ends or is stopped."""

    def play(self, path: Path, on_done: Callable[[], None]) -> None:
        """Start playing; :class:`VoiceError` when there is nothing to play it on."""
        ...

    def stop(self) -> None: ...


def level_db(chunk: bytes) -> float:
    """Loudness of a 16-bit PCM chunk in dB below full scale (-90 for silence)."""
    import array

    samples = array.array("h")
    samples.frombytes(chunk[: len(chunk) // 2 * 2])
    if not samples:
        return -90.0
    step = max(1, len(samples) // 400)  # a few hundred samples are enough for a meter
    picked = samples[::step]
    power = sum(s * s for s in picked) / len(picked) / (32768.0 * 32768.0)
    return max(-90.0, 10 * math.log10(power + 1e-12))


class QtAudioInput:
    """The default microphone through QtMultimedia's ``QAudioSource``."""

    def __init__(self) -> None:
        self.rate, self.channels = RATE, 1
        self._source: Any = None
        self._device: Any = None
        self._float = False

    def start(self, on_data: Callable[[bytes], None]) -> None:
        from PySide6.QtCore import QCoreApplication, QMicrophonePermission, Qt
        from PySide6.QtMultimedia import QAudioFormat, QAudioSource, QMediaDevices

        app = QCoreApplication.instance()
        if app is not None and (
            app.checkPermission(QMicrophonePermission()) == Qt.PermissionStatus.Denied
        ):
            raise VoiceError(MICROPHONE_REFUSED)
        device = QMediaDevices.defaultAudioInput()
        if device.isNull():
            raise VoiceError(NO_MICROPHONE)
        wanted = QAudioFormat()
        wanted.setSampleRate(RATE)
        wanted.setChannelCount(1)
        wanted.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        audio_format = wanted if device.isFormatSupported(wanted) else device.preferredFormat()
        self._float = audio_format.sampleFormat() == QAudioFormat.SampleFormat.Float
        if not self._float and audio_format.sampleFormat() != QAudioFormat.SampleFormat.Int16:
            audio_format.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self.rate, self.channels = audio_format.sampleRate(), audio_format.channelCount()
        self._source = QAudioSource(device, audio_format)
        self._device = self._source.start()
        if self._device is None:
            self._source = None
            raise VoiceError(NO_MICROPHONE)
        self._device.readyRead.connect(lambda: on_data(self._read()))

    def _read(self) -> bytes:
        data = bytes(self._device.readAll().data())
        if self._float:
            import array

            floats = array.array("f")
            floats.frombytes(data[: len(data) // 4 * 4])
            data = array.array(
                "h", (max(-32768, min(32767, int(v * 32767))) for v in floats)
            ).tobytes()
        return data

    def stop(self) -> None:
        if self._source is not None:
            self._source.stop()
        self._source = self._device = None


class QtAudioOutput:
    """The default speaker through QtMultimedia's ``QMediaPlayer``."""

    def __init__(self) -> None:
        self._player: Any = None
        self._output: Any = None

    def play(self, path: Path, on_done: Callable[[], None]) -> None:
        from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer

        if QMediaDevices.defaultAudioOutput().isNull():
            raise VoiceError(NO_SPEAKER)
        self.stop()
        self._player, self._output = QMediaPlayer(), QAudioOutput()
        self._player.setAudioOutput(self._output)

        def changed(state: Any) -> None:
            if state == QMediaPlayer.PlaybackState.StoppedState:
                on_done()

        self._player.playbackStateChanged.connect(changed)
        self._player.setSource(QUrl.fromLocalFile(str(path)))
        self._player.play()

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()
            self._player.deleteLater()
            self._output.deleteLater()
        self._player = self._output = None


class Recorder(QObject):
    """Collects an answer from an :class:`AudioInput`; reports its level as it goes."""

    #: Loudness of the latest chunk, in dB below full scale.
    level = Signal(float)
    #: The microphone cannot be used (one line).
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.input: AudioInput | None = None
        #: Also given every chunk while recording (the live transcription).
        self.listener: Callable[[bytes], None] | None = None
        self._chunks: list[bytes] = []

    @property
    def recording(self) -> bool:
        return self.input is not None

    def start(self, audio_input: AudioInput) -> bool:
        """Start capturing from ``audio_input``; False (and :attr:`failed`) if it cannot."""
        if self.recording:
            return True
        self._chunks = []
        try:
            audio_input.start(self._take)
        except VoiceError as exc:
            self.failed.emit(str(exc))
            return False
        self.input = audio_input
        return True

    def _take(self, chunk: bytes) -> None:
        if self.input is not None and chunk:
            self._chunks.append(chunk)
            if self.listener is not None:
                self.listener(chunk)
            self.level.emit(level_db(chunk))

    def stop(self) -> tuple[bytes, int, int] | None:
        """Stop; the PCM captured with its rate and channel count (None if not recording)."""
        audio_input = self.input
        if audio_input is None:
            return None
        audio_input.stop()
        self.input = None
        self.listener = None
        self.level.emit(-90.0)
        pcm, self._chunks = b"".join(self._chunks), []
        return pcm, audio_input.rate, audio_input.channels


class ManagerVoice(QObject):
    """The objection read aloud with QtTextToSpeech (created once its module is loaded)."""

    #: Why nothing will be spoken (said once).
    unavailable = Signal(str)

    def __init__(self, engine: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine_name = engine
        self.speech: Any = None
        self.problem = ""

    def create(self) -> bool:
        """Start the engine named, else the first real one (Qt's test engine "mock" is
        used only when named); False, and :attr:`unavailable` once, if none works."""
        if self.speech is not None or self.problem:
            return self.speech is not None
        from PySide6.QtTextToSpeech import QTextToSpeech

        engines = QTextToSpeech.availableEngines()
        if self.engine_name is not None:
            names = [self.engine_name] if self.engine_name in engines else []
        else:
            names = [engine for engine in engines if engine != "mock"]
        for engine in names:
            speech = QTextToSpeech(engine, self)
            if speech.state() != QTextToSpeech.State.Error and speech.availableVoices():
                self.speech = speech
                return True
            speech.deleteLater()
        self.problem = NO_ENGINE
        self.unavailable.emit(self.problem)
        return False

    def voices(self) -> list[str]:
        return [] if self.speech is None else [v.name() for v in self.speech.availableVoices()]

    def set_voice(self, name: str) -> None:
        if self.speech is not None:
            for voice in self.speech.availableVoices():
                if voice.name() == name:
                    self.speech.setVoice(voice)

    def set_rate(self, rate: float) -> None:
        """-1 (slow) to 1 (fast); 0 is the engine's normal pace."""
        if self.speech is not None:
            self.speech.setRate(max(-1.0, min(1.0, rate)))

    def say(self, text: str) -> None:
        if self.speech is not None:
            self.speech.stop()
            self.speech.say(text)

    def stop(self) -> None:
        if self.speech is not None:
            self.speech.stop()

    def speaking(self) -> bool:
        if self.speech is None:
            return False
        from PySide6.QtTextToSpeech import QTextToSpeech

        return bool(self.speech.state() == QTextToSpeech.State.Speaking)


class VoiceLoader(QObject):
    """Imports QtMultimedia and QtTextToSpeech off the GUI thread, once."""

    #: Loading finished: "" when sound is available, else why not (one line).
    loaded = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = "idle"
        self.problem = ""
        self.loaded.connect(self._done)

    def load(self) -> None:
        """Start loading in the background (nothing happens if already started)."""
        if self.state != "idle":
            return
        self.state = "loading"
        threading.Thread(target=self._work, name="flexprep-voice-loader", daemon=True).start()

    def _work(self) -> None:
        problem = ""
        try:
            for module in ("PySide6.QtMultimedia", "PySide6.QtTextToSpeech"):
                importlib.import_module(module)
        except ImportError:
            problem = NO_ADDONS
        # Emitted from this thread, delivered in the GUI thread (queued connection).
        self.loaded.emit(problem)

    @Slot(str)
    def _done(self, problem: str) -> None:
        self.state, self.problem = ("failed" if problem else "ready"), problem

    def ready(self) -> bool:
        return self.state == "ready"
