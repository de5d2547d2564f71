"""The voice panel under the rehearsal card: record and play, the level meter, the
feedback, the objection's recordings, the manager's voice. Driven by
:class:`~flexprep.ui.objections.voice_panel.VoiceController`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from flexprep.core.recordings import Recording
from flexprep.ui.widgets.common import muted_label, name

Index = QModelIndex | QPersistentModelIndex


def clock(seconds: float) -> str:
    whole = int(round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def feedback_text(feedback: dict[str, Any], countdown: float) -> str:
    """One line of figures, then the approximate transcript (when there is one)."""
    parts = [
        f"Spoke for {clock(feedback['speaking_s'])} of the {clock(countdown)} countdown",
        f"longest pause {feedback['longest_pause_s']:.1f} s",
    ]
    if feedback.get("words_per_minute") is not None:
        parts.append(f"about {round(feedback['words_per_minute'])} words a minute")
    text = " · ".join(parts)
    if feedback.get("transcript"):
        text += f"\nHeard (approximate): “{feedback['transcript'][:600]}”"
    return text


class RecordingListModel(QAbstractListModel):
    """The recordings of one objection, newest first: date, length, pace."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.recordings: list[Recording] = []
        self.paces: dict[Path, float | None] = {}

    def set_recordings(self, recordings: list[Recording], paces: dict[Path, float | None]) -> None:
        self.beginResetModel()
        self.recordings, self.paces = list(recordings), dict(paces)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.recordings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        recording = self.recordings[index.row()]
        text = f"{recording.made_at:%d %b %Y %H:%M} · {clock(recording.seconds)}"
        pace = self.paces.get(recording.path)
        return text + (f" · {round(pace)} wpm" if pace else "")


class VoicePanel(QWidget):
    """Record/play buttons, the level meter, feedback, recordings, the manager's voice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voice_panel")
        self.record_button = name(QPushButton("Record  (R)"), "voice_record", "Record my answer")
        self.play_button = name(QPushButton("Play  (P)"), "voice_play", "Play my answer")
        self.meter = name(QProgressBar(), "voice_level", "Microphone level")
        self.meter.setRange(0, 60)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(10)
        self.status = muted_label("R: record your answer · P: play it back")
        self.status.setObjectName("voice_status")
        self.feedback = QLabel()
        self.feedback.setObjectName("voice_feedback")
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.model = RecordingListModel(self)
        self.list = name(QListView(), "voice_recordings", "Recordings of this objection")
        self.list.setModel(self.model)
        self.list.setMaximumHeight(90)
        self.delete_button = name(
            QPushButton("Delete recording"), "voice_delete", "Delete the selected recording"
        )
        self.delete_all_button = name(
            QPushButton("Delete all recordings"), "voice_delete_all", "Delete all recordings"
        )
        self.speak_box = name(
            QCheckBox("Manager's voice"), "voice_speak", "Read each objection aloud"
        )
        self.speak_box.setChecked(True)
        self.voice_combo = name(QComboBox(), "voice_choice", "Voice of the manager")
        self.rate_slider = name(
            QSlider(Qt.Orientation.Horizontal), "voice_rate", "Speaking rate of the manager"
        )
        self.rate_slider.setRange(-5, 5)
        self.rate_slider.setMaximumWidth(120)
        for widget in (
            self.record_button,
            self.play_button,
            self.list,
            self.delete_button,
            self.delete_all_button,
            self.speak_box,
            self.voice_combo,
            self.rate_slider,
        ):
            # The keys belong to the rehearsal view: a focused button would take Space.
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        controls = QHBoxLayout()
        for widget in (self.record_button, self.play_button):
            controls.addWidget(widget)
        controls.addWidget(QLabel("microphone"))
        controls.addWidget(self.meter, 1)
        voice = QHBoxLayout()
        voice.addWidget(self.speak_box)
        voice.addWidget(self.voice_combo)
        voice.addWidget(QLabel("pace"))
        voice.addWidget(self.rate_slider)
        voice.addStretch(1)
        voice.addWidget(self.delete_button)
        voice.addWidget(self.delete_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addWidget(self.feedback)
        layout.addWidget(self.list)
        layout.addLayout(voice)

    @Slot(float)
    def show_level(self, db: float) -> None:
        self.meter.setValue(int(max(0.0, min(60.0, db + 60.0))))

    def selected(self) -> Recording | None:
        rows = self.list.selectionModel().selectedRows()
        return self.model.recordings[rows[0].row()] if rows else None
