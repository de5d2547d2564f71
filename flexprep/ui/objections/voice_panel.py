"""Rehearsing out loud: what drives the voice panel under the rehearsal card.

:class:`VoiceController` is the rehearsal view's one contact with sound. R records the
answer (from the countdown's start on every card until R is pressed again), the reveal
or the end of the countdown stops it, P plays it back; each recording is analysed in
worker processes and its feedback shown on the card. The devices are made by
``input_factory`` and ``output_factory``, which tests replace with fakes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from flexprep.core.recordings import Recording, RecordingStore, database_file
from flexprep.ui.objections.rehearsal_menu import confirm_delete_all
from flexprep.ui.objections.voice import (
    AudioInput,
    AudioOutput,
    ManagerVoice,
    QtAudioInput,
    QtAudioOutput,
    Recorder,
    VoiceError,
    VoiceLoader,
)
from flexprep.ui.objections.voice_feedback import FeedbackRunner, PoolAnalysis
from flexprep.ui.objections.voice_widgets import VoicePanel, feedback_text

#: Shorter takes (a stray key press) are not kept.
SHORTEST_S = 0.3


class VoiceController(QObject):
    """Sound in rehearsal: recording, playback, feedback and the manager's voice."""

    #: A recording was analysed or deleted (the progress chart redraws).
    recordings_changed = Signal()

    def __init__(self, ctx: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.input_factory: Callable[[], AudioInput] = QtAudioInput
        self.output_factory: Callable[[], AudioOutput] = QtAudioOutput
        self.analysis: Callable[[Path], dict[str, Any]] = PoolAnalysis()
        self.panel = VoicePanel()
        self.loader = VoiceLoader(self)
        self.loader.loaded.connect(self._loaded)
        self.recorder = Recorder(self)
        self.recorder.level.connect(self.panel.show_level)
        self.recorder.failed.connect(self._microphone_failed)
        self.voice = ManagerVoice(parent=self)
        self.voice.unavailable.connect(self._no_voice)
        self.feedback = FeedbackRunner(self._analyse, self)
        self.feedback.done.connect(self._feedback_ready)
        self.feedback.failed.connect(lambda _recording, message: self._say(message))
        self.store: RecordingStore | None = None
        self.output: AudioOutput | None = None
        self.objection: Any = None
        self.countdown = 60.0
        self.asking = False
        self.armed = False
        self._pending_start = False
        self._recorded_for: int | None = None
        self._live: Any = None
        self.panel.record_button.clicked.connect(self.toggle_record)
        self.panel.play_button.clicked.connect(self.play)
        self.panel.delete_button.clicked.connect(self.delete_selected)
        self.panel.delete_all_button.clicked.connect(self.delete_all)
        self.panel.voice_combo.currentTextChanged.connect(self.voice.set_voice)
        self.panel.rate_slider.valueChanged.connect(lambda v: self.voice.set_rate(v / 5))
        self.panel.speak_box.toggled.connect(self._speak_toggled)

    def _analyse(self, path: Path) -> dict[str, Any]:
        return self.analysis(path)

    @Slot(str)
    def _say(self, message: str) -> None:
        self.panel.status.setText(message)

    @Slot(str)
    def _no_voice(self, message: str) -> None:
        self._say(message)
        for widget in (self.panel.speak_box, self.panel.voice_combo, self.panel.rate_slider):
            widget.setEnabled(False)

    # -- the session ------------------------------------------------------------------

    def session_started(self, countdown: float) -> None:
        """Load sound in the background; find the recordings folder; drop orphans."""
        from sqlalchemy import text

        self.countdown = countdown
        self.loader.load()
        try:
            with self.ctx.service.transaction() as session:
                path = database_file(session.connection())
                ids = [row[0] for row in session.execute(text("SELECT id FROM objection"))]
        except Exception:  # noqa: BLE001 - sound is optional; rehearsal goes on
            path, ids = None, []
        self.store = RecordingStore(path) if path is not None else None
        if self.store is not None:
            with contextlib.suppress(OSError):
                if self.store.prune(ids):
                    self.recordings_changed.emit()

    def recording_store(self) -> RecordingStore | None:
        """The recordings of this database, before any rehearsal too (None in memory)."""
        if self.store is None:
            try:
                with self.ctx.service.transaction() as session:
                    path = database_file(session.connection())
            except Exception:  # noqa: BLE001 - no recordings to show, nothing worse
                path = None
            self.store = RecordingStore(path) if path is not None else None
        return self.store

    def card_shown(self, objection: Any) -> None:
        """A new card: its recordings listed, the objection spoken, recording if armed."""
        self.stop_recording()
        self.objection = objection
        self.asking = True
        self.panel.feedback.clear()
        self._refresh()
        self._speak()
        if self.armed:
            self.start_recording()

    def revealed(self) -> None:
        """The reveal (by the user or the countdown) ends the answer."""
        self.asking = False
        self.voice.stop()
        self.stop_recording()

    def session_ended(self) -> None:
        self.asking = False
        self.armed = False
        self.voice.stop()
        self.stop_recording()
        if self.output is not None:
            self.output.stop()

    # -- recording --------------------------------------------------------------------

    @Slot()
    def toggle_record(self) -> None:
        """R: record (this card and, from the countdown's start, the next ones) or stop."""
        if self.recorder.recording or self._pending_start or self.armed:
            self.armed = False
            self._pending_start = False
            self.stop_recording()
            self._say("Recording is off. R records again.")
        else:
            self.armed = True
            if self.asking:
                self.start_recording()
            else:
                self._say("The next answer will be recorded as its countdown starts.")

    def start_recording(self) -> None:
        if self.objection is None or self.recorder.recording:
            return
        if self.store is None:
            self.armed = False
            self._say("Recordings need the database to be a file; nothing is recorded.")
            return
        if not self.loader.ready():
            self._pending_start = True
            self._say("Getting the microphone ready…")
            self.loader.load()
            if self.loader.state != "failed":
                return
            self._pending_start = False
            self._say(self.loader.problem)
            return
        if isinstance(self.analysis, PoolAnalysis):
            self.analysis.warm_up()
        if self.recorder.start(self.input_factory()):
            self._recorded_for = int(self.objection.id)
            start_take = getattr(self.analysis, "start_take", None)
            if start_take is not None and self.recorder.input is not None:
                audio_input = self.recorder.input
                self._live = start_take(audio_input.rate, audio_input.channels)
                self.recorder.listener = self._live.feed
            self._say("● Recording your answer. R stops; the reveal stops it too.")

    def stop_recording(self) -> None:
        """Stop, keep the take (if long enough) and start its analysis."""
        self._pending_start = False
        taken = self.recorder.stop()
        if taken is None or self._recorded_for is None:
            return
        pcm, rate, channels = taken
        objection_id, self._recorded_for = self._recorded_for, None
        live, self._live = self._live, None
        if len(pcm) < SHORTEST_S * rate * channels * 2 or self.store is None:
            self._say("Nothing was recorded.")
            return
        try:
            recording = self.store.save(objection_id, pcm, rate, channels)
        except OSError as exc:
            self._say(f"The recording could not be saved: {exc.strerror or exc}")
            return
        self._refresh()
        self._say("Recorded. P plays it back; feedback follows in a moment.")
        if live is not None:
            # Most of the answer was transcribed while it was spoken.
            self.feedback.submit(recording, lambda _path: live.finish().as_dict())
        else:
            self.feedback.submit(recording)

    @Slot(str)
    def _microphone_failed(self, message: str) -> None:
        self.armed = False
        self._recorded_for = None
        self._say(message)

    @Slot(str)
    def _loaded(self, problem: str) -> None:
        if problem:
            self._say(problem)
            self.armed = self._pending_start = False
            return
        self._speak()
        if self._pending_start and self.asking:
            self._pending_start = False
            self.start_recording()

    @Slot(object, object)
    def _feedback_ready(self, recording: Recording, feedback: dict[str, Any]) -> None:
        if self.store is not None and recording.path.exists():
            with contextlib.suppress(OSError):
                self.store.save_feedback(recording, feedback)
            self.recordings_changed.emit()
        if self.objection is not None and recording.objection_id == self.objection.id:
            self.panel.feedback.setText(feedback_text(feedback, self.countdown))
            self._refresh()

    # -- playback, the list -----------------------------------------------------------

    @Slot()
    def play(self) -> None:
        """P: play the selected recording, else this objection's latest."""
        if self.recorder.recording:
            self._say("Stop recording first (R).")
            return
        recording = self.panel.selected() or (
            self.panel.model.recordings[0] if self.panel.model.recordings else None
        )
        if recording is None:
            self._say("No recording of this objection yet: press R while you answer.")
            return
        if not self.loader.ready() and self.loader.state != "failed":
            self.loader.load()
            self._say("Getting sound ready… press P again in a moment.")
            return
        if self.output is None:
            self.output = self.output_factory()
        self._say(f"Playing your answer of {recording.made_at:%d %b %H:%M}.")
        try:
            self.output.play(recording.path, lambda: self._say("Played."))
        except VoiceError as exc:
            self._say(str(exc))

    def _refresh(self) -> None:
        found: list[Recording] = []
        paces: dict[Path, float | None] = {}
        if self.store is not None and self.objection is not None:
            try:
                found = self.store.recordings(int(self.objection.id))
            except OSError:
                found = []
            for recording in found:
                stored = self.store.feedback(recording) or {}
                paces[recording.path] = stored.get("words_per_minute")
        self.panel.model.set_recordings(found, paces)

    @Slot()
    def delete_selected(self) -> None:
        recording = self.panel.selected()
        if recording is None or self.store is None:
            self._say("Select a recording to delete.")
            return
        self.store.delete(recording)
        self._refresh()
        self.recordings_changed.emit()
        self._say("The recording was deleted.")

    @Slot()
    def delete_all(self) -> None:
        """Delete every recording of this database, after asking."""
        if self.store is None:
            return
        try:
            deleted = confirm_delete_all(self.panel, self.store)
        except OSError as exc:
            self._say(f"Not all recordings could be deleted: {exc.strerror or exc}")
            return
        if deleted is None:
            return
        self.recordings_deleted()
        self._say("All recordings were deleted." if deleted else "There are no recordings.")

    def recordings_deleted(self) -> None:
        """Every recording is gone (from the panel or the Rehearsal menu): show it."""
        self._refresh()
        self.panel.feedback.clear()
        self.recordings_changed.emit()

    # -- the manager's voice ----------------------------------------------------------

    def _speak(self) -> None:
        if (
            not self.asking
            or self.objection is None
            or not self.panel.speak_box.isChecked()
            or not self.loader.ready()
        ):
            return
        if self.voice.speech is None and not self.voice.problem and self.voice.create():
            self.panel.voice_combo.blockSignals(True)
            self.panel.voice_combo.addItems(self.voice.voices())
            self.panel.voice_combo.blockSignals(False)
        self.voice.say(str(self.objection.text)[:1500])

    @Slot(bool)
    def _speak_toggled(self, on: bool) -> None:
        if on:
            self._speak()
        else:
            self.voice.stop()
