"""Rehearsing out loud in the window: recording, playback, feedback, the manager's voice.

The microphone and the speaker are fakes with the devices' small interface (CI has no
sound card); the manager's voice uses Qt's "mock" engine.
"""

from __future__ import annotations

import json
import stat
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from conftest import FIXTURES
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox
from test_ui_rehearsal import FakeClock, key, start

from flexprep.core.speech.audio import read_wav
from flexprep.ui.objections.voice import NO_ENGINE, NO_MICROPHONE, NO_SPEAKER, VoiceError
from tests.uitools import open_window

SPEECH = FIXTURES / "speech"
ANSWER = SPEECH / "steady_150wpm_16k_mono.wav"
BUILT = json.loads((SPEECH / "fixtures.json").read_text("utf-8"))[0]


class FakeMicrophone:
    """Records nothing by itself: the test says what it hears with :meth:`hear`."""

    def __init__(self, problem: str = "") -> None:
        self.rate, self.channels = 16000, 1
        self.problem = problem
        self.on_data: Any = None
        self.stopped = False

    def start(self, on_data: Any) -> None:
        if self.problem:
            raise VoiceError(self.problem)
        self.on_data = on_data

    def hear(self, pcm: bytes, chunk: int = 3200) -> None:
        for offset in range(0, len(pcm), chunk):
            self.on_data(pcm[offset : offset + chunk])

    def stop(self) -> None:
        self.stopped = True


class FakeSpeaker:
    def __init__(self, problem: str = "") -> None:
        self.problem = problem
        self.played: list[Path] = []

    def play(self, path: Path, on_done: Any) -> None:
        if self.problem:
            raise VoiceError(self.problem)
        self.played.append(path)
        on_done()

    def stop(self) -> None:
        pass


def rehearse(qtbot, tmp_path, engine: str = "mock"):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    clock = FakeClock()
    tab, view = start(qtbot, window, clock)
    voice = view.voice
    voice.voice.engine_name = engine
    microphones: list[FakeMicrophone] = []

    def microphone() -> FakeMicrophone:
        microphones.append(FakeMicrophone())
        return microphones[-1]

    voice.input_factory = microphone
    voice.output_factory = FakeSpeaker
    threads: list[str] = []

    def analysis(path: Path) -> dict[str, Any]:
        threads.append(threading.current_thread().name)
        from flexprep.core.speech.analysis import analyse
        from flexprep.core.speech.recognise import default_recogniser

        return analyse(read_wav(path), default_recogniser()).as_dict()

    voice.analysis = analysis
    qtbot.waitUntil(voice.loader.ready, timeout=10000)
    return window, clock, view, voice, microphones, threads


def test_r_records_the_answer_p_plays_it_and_feedback_follows(qtbot, tmp_path) -> None:
    window, clock, view, voice, microphones, threads = rehearse(qtbot, tmp_path)
    objection = view.session.current
    key(qtbot, view, Qt.Key.Key_R)
    assert voice.recorder.recording and "Recording" in voice.panel.status.text()
    pcm = read_wav(ANSWER).pcm16()
    microphones[0].hear(pcm[:64000])  # the first two seconds: speech from 0.5 s
    assert voice.panel.meter.value() > 0, "the level meter shows the microphone is live"
    microphones[0].hear(pcm[64000:])
    clock.now += 14.8
    key(qtbot, view, Qt.Key.Key_Space)  # the reveal stops the recording
    assert microphones[0].stopped and not voice.recorder.recording
    assert voice.panel.meter.value() == 0

    folder = tmp_path / "recordings"
    files = sorted(folder.glob("*.wav"))
    assert len(files) == 1 and files[0].name.startswith(f"db-o{objection}-")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    assert read_wav(files[0]).pcm16() == pcm
    assert voice.panel.model.rowCount() == 1
    assert voice.panel.model.index(0).data().endswith("· 0:15")

    qtbot.waitUntil(lambda: voice.panel.feedback.text() != "", timeout=10000)
    feedback = voice.panel.feedback.text()
    assert feedback.startswith("Spoke for 0:11 of the 1:00 countdown · longest pause 1.8 s")
    assert "words a minute" in feedback and "Heard (approximate): “" in feedback
    assert threads == ["flexprep-feedback"], "analysed off the GUI thread"
    assert " wpm" in voice.panel.model.index(0).data()

    key(qtbot, view, Qt.Key.Key_P)
    assert voice.output.played == [files[0]]
    assert voice.panel.status.text() == "Played."
    window.close()


def test_r_keeps_recording_each_answer_until_pressed_again(qtbot, tmp_path) -> None:
    window, clock, view, voice, microphones, _threads = rehearse(qtbot, tmp_path)
    key(qtbot, view, Qt.Key.Key_R)
    microphones[0].hear(bytes(16000))
    key(qtbot, view, Qt.Key.Key_Space, Qt.Key.Key_3, Qt.Key.Key_N)
    assert len(microphones) == 2 and voice.recorder.recording, "starts with the countdown"
    microphones[1].hear(bytes(16000))
    clock.now += 61
    view.timer.timeout.emit()  # the countdown runs out: the reveal stops the recording
    assert view.card.clock_label.text() == "Time's up"
    assert not voice.recorder.recording
    key(qtbot, view, Qt.Key.Key_N)
    assert voice.recorder.recording
    key(qtbot, view, Qt.Key.Key_R)  # R again: stopped, and no more recording
    assert not voice.recorder.recording and microphones[2].stopped
    key(qtbot, view, Qt.Key.Key_Space, Qt.Key.Key_N)
    assert len(microphones) == 3
    key(qtbot, view, Qt.Key.Key_Space, Qt.Key.Key_R)  # R after the reveal: on for the next
    assert voice.armed and "next answer will be recorded" in voice.panel.status.text()
    key(qtbot, view, Qt.Key.Key_R)  # and off again before it starts
    assert not voice.armed and voice.panel.status.text() == "Recording is off. R records again."
    assert len(list((tmp_path / "recordings").glob("*.wav"))) == 2  # the empty take is not kept
    window.close()


def test_without_a_microphone_or_speaker_rehearsal_goes_on(qtbot, tmp_path) -> None:
    window, clock, view, voice, _microphones, _threads = rehearse(qtbot, tmp_path)
    voice.input_factory = lambda: FakeMicrophone(NO_MICROPHONE)
    key(qtbot, view, Qt.Key.Key_R)
    assert voice.panel.status.text() == NO_MICROPHONE
    assert not voice.recorder.recording and not voice.armed
    key(qtbot, view, Qt.Key.Key_P)
    assert voice.panel.status.text().startswith("No recording of this objection yet")
    key(qtbot, view, Qt.Key.Key_Space, Qt.Key.Key_4)
    assert view.session.rating == 4, "rehearsal goes on"
    store = voice.store
    store.save(view.session.current, bytes(32000), 16000)
    voice._refresh()
    voice.output = FakeSpeaker(NO_SPEAKER)
    key(qtbot, view, Qt.Key.Key_P)
    assert voice.panel.status.text() == NO_SPEAKER
    window.close()


def test_recordings_are_deleted_one_by_one_and_all_at_once(qtbot, tmp_path, monkeypatch) -> None:
    window, clock, view, voice, _microphones, _threads = rehearse(qtbot, tmp_path)
    current = view.session.current
    store = voice.store
    for _ in range(2):
        store.save(current, bytes(32000), 16000)
    other = [item for item in view.items if item != current][0]
    store.save(other, bytes(32000), 16000)
    voice._refresh()
    assert voice.panel.model.rowCount() == 2
    voice.panel.list.selectionModel().select(
        voice.panel.model.index(1), QItemSelectionModel.SelectionFlag.Select
    )
    doomed = voice.panel.selected()
    qtbot.mouseClick(voice.panel.delete_button, Qt.MouseButton.LeftButton)
    assert not doomed.path.exists() and voice.panel.model.rowCount() == 1

    asked: list[str] = []

    def answer(reply):  # type: ignore[no-untyped-def]
        def question(_parent, _title, text, *args):  # type: ignore[no-untyped-def]
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    qtbot.mouseClick(voice.panel.delete_all_button, Qt.MouseButton.LeftButton)
    assert len(store.recordings()) == 2
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(voice.panel.delete_all_button, Qt.MouseButton.LeftButton)
    assert asked[-1].startswith("Delete all 2 recordings")
    assert list((tmp_path / "recordings").iterdir()) == []
    assert voice.panel.model.rowCount() == 0
    window.close()


def test_the_manager_asks_aloud_with_a_choice_of_voice(qtbot, tmp_path) -> None:
    window, clock, view, voice, _microphones, _threads = rehearse(qtbot, tmp_path)
    qtbot.waitUntil(lambda: voice.voice.speech is not None)
    assert voice.voice.speech.engine() == "mock"
    assert voice.voice.speaking()
    combo = voice.panel.voice_combo
    assert [combo.itemText(i) for i in range(combo.count())] == voice.voice.voices()
    assert combo.count() >= 1
    combo.setCurrentIndex(combo.count() - 1)
    assert voice.voice.speech.voice().name() == combo.currentText()
    voice.panel.rate_slider.setValue(5)
    assert voice.voice.speech.rate() == 1.0
    key(qtbot, view, Qt.Key.Key_Space)
    assert not voice.voice.speaking(), "the reveal stops the question"
    voice.panel.speak_box.setChecked(False)
    key(qtbot, view, Qt.Key.Key_3, Qt.Key.Key_N)
    assert not voice.voice.speaking()
    window.close()


def test_without_a_speech_engine_the_card_says_so_once(qtbot, tmp_path) -> None:
    window, clock, view, voice, _microphones, _threads = rehearse(
        qtbot, tmp_path, engine="none here"
    )
    assert voice.panel.status.text() == NO_ENGINE  # said when the first card showed
    said: list[str] = []
    voice.voice.unavailable.connect(said.append)
    key(qtbot, view, Qt.Key.Key_Space, Qt.Key.Key_3, Qt.Key.Key_N, Qt.Key.Key_Space)
    assert said == [] and voice.voice.speech is None, "said once, not on every card"
    assert not voice.panel.voice_combo.isEnabled() and not voice.panel.speak_box.isEnabled()
    window.close()


def test_the_window_starts_without_sound_or_the_recogniser(tmp_path) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from flexprep.app import make_window\n"
        "from PySide6.QtCore import QSettings\n"
        f"w = make_window({str(tmp_path / 'db.sqlite3')!r}, "
        f"QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat))\n"
        "w.show(); app.processEvents()\n"
        "heavy = ('PySide6.QtMultimedia', 'PySide6.QtTextToSpeech', 'pocketsphinx',"
        " 'flexprep.core.speech.analysis')\n"
        "print(sorted(m for m in sys.modules if m in heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).parent.parent,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert not (tmp_path / "recordings").exists()


def test_the_real_devices_report_their_absence_in_one_line(qtbot, tmp_path) -> None:
    from PySide6.QtMultimedia import QMediaDevices

    window = open_window(qtbot, tmp_path / "db.sqlite3")
    _tab, view = start(qtbot, window, FakeClock())
    voice = view.voice
    voice.voice.engine_name = "mock"
    qtbot.waitUntil(voice.loader.ready, timeout=10000)
    if QMediaDevices.audioInputs() or QMediaDevices.audioOutputs():
        window.close()
        return  # a machine with a sound card: the fakes above stand in for it
    key(qtbot, view, Qt.Key.Key_R)
    assert voice.panel.status.text() == NO_MICROPHONE and not voice.recorder.recording
    voice.store.save(view.session.current, bytes(32000), 16000)
    voice._refresh()
    key(qtbot, view, Qt.Key.Key_P)
    assert voice.panel.status.text() == NO_SPEAKER
    window.close()


def test_feedback_from_the_worker_processes(qtbot, tmp_path) -> None:
    window, clock, view, voice, microphones, _threads = rehearse(qtbot, tmp_path)
    from flexprep.ui.objections.voice_panel import PoolAnalysis

    voice.analysis = pool = PoolAnalysis()
    try:
        key(qtbot, view, Qt.Key.Key_R)
        microphones[0].hear(read_wav(ANSWER).pcm16())
        key(qtbot, view, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: voice.panel.feedback.text() != "", timeout=60000)
        assert "words a minute" in voice.panel.feedback.text()
        stored = voice.store.feedback(voice.store.recordings()[0])
        assert abs(stored["speaking_s"] - BUILT["speaking_s"]) <= 0.3
    finally:
        pool.shutdown()
        window.close()
