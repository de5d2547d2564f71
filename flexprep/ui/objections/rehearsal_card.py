"""The card of rehearsal mode: the objection in large type, the clock, the answer."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from flexprep.core import vocab
from flexprep.ui.objections.models import ObjectionItem
from flexprep.ui.widgets.common import muted_label, name
from flexprep.ui.widgets.numbers import figure_text

KEYS_HINT = "Space: show my answer · 1–5: rate · N: next · R: record · P: play · Esc: end"


def clock_text(seconds: float) -> str:
    """``m:ss``, rounded up: a countdown shows 0:01 until it really is over."""
    whole = int(seconds + 0.999)
    return f"{whole // 60}:{whole % 60:02d}"


def _clip(text: str, limit: int) -> str:
    """Long pasted text is cut for display: laying out a megabyte would freeze the window."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _label(object_name: str, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(align)
    return label


class RehearsalCard(QWidget):
    """Shows one objection; its buttons mirror the keys (which the view handles)."""

    reveal_clicked = Signal()
    rate_clicked = Signal(int)
    next_clicked = Signal()
    end_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress_label = muted_label("")
        self.progress_label.setObjectName("rehearsal_progress")
        keys = muted_label(KEYS_HINT)
        keys.setWordWrap(False)
        keys.setAlignment(Qt.AlignmentFlag.AlignRight)
        top = QHBoxLayout()
        top.addWidget(self.progress_label, 1)
        top.addWidget(keys)
        self.objection_label = _label("rehearsal_objection", Qt.AlignmentFlag.AlignCenter)
        self.clock_label = _label("rehearsal_clock", Qt.AlignmentFlag.AlignCenter)
        self.countdown_bar = QProgressBar()
        self.countdown_bar.setObjectName("rehearsal_countdown")
        self.countdown_bar.setAccessibleName("Time left to answer")
        self.countdown_bar.setTextVisible(False)
        self.countdown_bar.setMaximumHeight(8)
        self.prompt = muted_label("")
        self.prompt.setObjectName("rehearsal_prompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.answer_box = QFrame()
        self.answer_box.setObjectName("rehearsal_answer_box")
        self.answer_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.answer_title = QLabel("<b>Your prepared answer</b>")
        self.response_label = _label("rehearsal_response")
        self.evidence_label = _label("rehearsal_evidence")
        self.evidence_label.setTextFormat(Qt.TextFormat.RichText)
        answer = QVBoxLayout(self.answer_box)
        for widget in (self.answer_title, self.response_label, self.evidence_label):
            answer.addWidget(widget)

        self.rating_label = QLabel("How confident were you?")
        self.rating_buttons: list[QPushButton] = []
        ratings = QHBoxLayout()
        ratings.addStretch(1)
        ratings.addWidget(self.rating_label)
        for value in range(1, 6):
            button = name(QPushButton(str(value)), f"rate_{value}", f"Confidence {value} of 5")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, v=value: self.rate_clicked.emit(v))
            ratings.addWidget(button)
            self.rating_buttons.append(button)
        ratings.addStretch(1)
        self.reveal_button = name(
            QPushButton("Show my answer  (Space)"), "rehearsal_reveal", "Show my prepared answer"
        )
        self.next_button = name(QPushButton("Next  (N)"), "rehearsal_next", "Next objection")
        self.end_button = name(QPushButton("End  (Esc)"), "rehearsal_end", "End the session")
        self.reveal_button.clicked.connect(self.reveal_clicked)
        self.next_button.clicked.connect(self.next_clicked)
        self.end_button.clicked.connect(self.end_clicked)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for button in (self.reveal_button, self.next_button, self.end_button):
            actions.addWidget(button)
        for button in (*self.rating_buttons, self.reveal_button, self.next_button, self.end_button):
            # The keys belong to the view: a focused button would take Space.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        column = QWidget()
        column.setObjectName("rehearsal_column")
        column.setMaximumWidth(1100)
        body = QVBoxLayout(column)
        body.setSpacing(12)
        # A fixed top gap (not a stretch) keeps the objection still when the answer shows.
        self.top_gap = QWidget()
        for part in (
            self.top_gap,
            self.objection_label,
            self.clock_label,
            self.countdown_bar,
            self.prompt,
            self.answer_box,
        ):
            body.addWidget(part)
        body.addLayout(ratings)
        self._body = body
        body.addStretch(1)
        holder = QWidget()
        centre = QHBoxLayout(holder)
        # Stretches, not an alignment: the column takes all the width it may, and its
        # wrapped labels get the height they need.
        centre.addStretch(1)
        centre.addWidget(column, 100)
        centre.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("rehearsal_scroll")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addLayout(actions)

    def show_question(
        self, item: ObjectionItem, position: int, total: int, duration: float
    ) -> None:
        """A new card: the objection, a full countdown, the answer hidden."""
        facts = [
            f"Objection {position} of {total}",
            vocab.THEMES.get(item.theme, item.theme),
            f"likelihood {item.likelihood}",
        ]
        latest = item.latest
        facts.append("never rehearsed" if latest is None else f"last confidence {latest}")
        self.progress_label.setText(" · ".join(facts))
        self.objection_label.setText(f"“{_clip(item.text.strip(), 1500)}”")
        self.answer_box.hide()
        for button in self.rating_buttons:
            button.setChecked(False)
            button.setEnabled(False)
        self.reveal_button.setEnabled(True)
        self.countdown_bar.setRange(0, int(duration * 10))
        self.prompt.setText(
            "Answer aloud, as you would in the meeting. Press Space to see your prepared answer."
        )

    def show_time(self, remaining: float) -> None:
        self.clock_label.setText(clock_text(remaining))
        self.countdown_bar.setValue(int(remaining * 10))

    def show_answer(
        self, item: ObjectionItem, evidence: Iterable[Any], seconds: int, timed_out: bool
    ) -> None:
        """The prepared response and the linked evidence (titles and figures)."""
        self.countdown_bar.setValue(0)
        self.clock_label.setText("Time's up" if timed_out else f"Answered in {clock_text(seconds)}")
        self.response_label.setText(
            _clip(item.response.strip(), 6000)
            or "(No prepared answer yet: write one after this session.)"
        )
        lines = []
        for row in evidence:
            text = f"<b>{escape(_clip(row.title or '(untitled)', 300), quote=False)}</b>"
            figure = figure_text(row, labels=True)
            if figure:
                text += f" — {escape(figure, quote=False)}"
            lines.append(f"<li>{text}</li>")
        self.evidence_label.setText(
            f"Evidence to mention:<ul style='margin-top:2px'>{''.join(lines)}</ul>"
        )
        self.evidence_label.setVisible(bool(lines))
        self.answer_box.show()
        self.reveal_button.setEnabled(False)
        for button in self.rating_buttons:
            button.setEnabled(True)
        self.prompt.setText(
            "How did your answer compare? Rate your confidence from 1 "
            "(shaky) to 5 (ready), then press N for the next one."
        )

    def show_rating(self, confidence: int) -> None:
        for value, button in enumerate(self.rating_buttons, 1):
            button.setChecked(value == confidence)
        self.prompt.setText(
            f"Confidence {confidence}. Press N for the next objection "
            "(or another number to change it)."
        )

    def add_panel(self, panel: QWidget) -> None:
        """Put ``panel`` (the voice panel) under the rating buttons."""
        self._body.insertWidget(self._body.count() - 1, panel)

    def fit_fonts(self, height: int) -> None:
        """Type sized to the page: large on a full screen, still readable on a laptop."""
        base = self.font().pointSizeF()
        if base <= 0:
            return
        self.top_gap.setFixedHeight(int(height * 0.12))
        big = max(base * 1.6, min(base * 3.0, height / 34))
        for label, size, bold in (
            (self.objection_label, big, True),
            (self.clock_label, big * 0.9, False),
            (self.response_label, max(base * 1.15, big * 0.55), False),
            (self.evidence_label, max(base * 1.05, big * 0.45), False),
        ):
            font = label.font()
            font.setPointSizeF(size)
            font.setBold(bold)
            label.setFont(font)
        small = max(base, big * 0.42)
        for widget in (self.prompt, self.rating_label, self.answer_title, *self.rating_buttons):
            font = widget.font()
            font.setPointSizeF(small)
            widget.setFont(font)
        for button in self.rating_buttons:
            button.setFixedSize(int(small * 4), int(small * 2.6))
