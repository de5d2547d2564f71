"""The page shown when a rehearsal session ends: how it went, what to work on."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from flexprep.core.rehearsal import CONFIDENT, Summary
from flexprep.ui.objections.models import ObjectionItem
from flexprep.ui.widgets.common import heading_label, muted_label, name


def _short(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class RehearsalSummary(QWidget):
    """How many were rehearsed, the average confidence, which are below 4."""

    again = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading_label("Session over")
        self.title.setObjectName("summary_title")
        self.counts = QLabel()
        self.counts.setObjectName("summary_counts")
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.below = QLabel()
        self.below.setObjectName("summary_below")
        self.below.setWordWrap(True)
        self.below.setTextFormat(Qt.TextFormat.RichText)
        self.errors = QLabel()
        self.errors.setObjectName("summary_errors")
        self.errors.setWordWrap(True)
        self.errors.hide()
        self.again_button = name(
            QPushButton("Rehearse &again"), "summary_again", "Rehearse again, weakest first"
        )
        self.back_button = name(
            QPushButton("&Back to my objections"), "summary_back", "Back to my objections"
        )
        for button in (self.again_button, self.back_button):
            button.setAutoDefault(True)
        self.again_button.clicked.connect(self.again)
        self.back_button.clicked.connect(self.back)
        hint = muted_label("Enter or Esc: back to your objections · R: rehearse again")
        buttons = QHBoxLayout()
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        column = QWidget()
        column.setMaximumWidth(860)
        layout = QVBoxLayout(column)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.counts)
        layout.addWidget(self.below)
        layout.addWidget(self.errors)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 100)
        row.addStretch(1)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        QWidget.setTabOrder(self.back_button, self.again_button)

    def show_summary(
        self, summary: Summary, items: Sequence[ObjectionItem], errors: Sequence[str] = ()
    ) -> None:
        """Fill the page from a finished session; ``items`` look up objection texts."""
        by_id = {item.id: item for item in items}
        if not summary.rehearsed:
            self.title.setText("Session over")
            self.counts.setText(
                "No objection was rated this time. Press R to start again: "
                "Space shows your answer, then a number from 1 to 5 rates it."
            )
            self.below.setText("")
        else:
            plural = "objection" if summary.total == 1 else "objections"
            average = summary.average or 0.0
            self.title.setText("Well rehearsed" if not summary.below else "Session over")
            self.counts.setText(
                f"You rehearsed <b>{summary.rehearsed}</b> of {summary.total} {plural}. "
                f"Average confidence: <b>{average:.1f}</b> out of 5."
            )
            if summary.below:
                texts = [_short(by_id[oid].text) if oid in by_id else "?" for oid in summary.below]
                lines = "".join(f"<li>{escape(text, quote=False)}</li>" for text in texts)
                self.below.setText(
                    f"<p>Still below {CONFIDENT}: work on these answers and "
                    f"rehearse them again.</p><ul>{lines}</ul>"
                )
            else:
                self.below.setText(f"<p>Every objection you rated is at {CONFIDENT} or more.</p>")
        self.errors.setText("\n".join(f"⚠ {e}" for e in errors))
        self.errors.setVisible(bool(errors))

    def fit_fonts(self, height: int) -> None:
        """Type sized like the rehearsal card's: readable from a step back on a big screen."""
        base = self.font().pointSizeF()
        if base <= 0:
            return
        big = max(base * 1.6, min(base * 3.0, height / 34))
        for widget, size in (
            (self.title, big),
            (self.counts, max(base * 1.15, big * 0.55)),
            (self.below, max(base * 1.05, big * 0.45)),
            (self.again_button, max(base, big * 0.42)),
            (self.back_button, max(base, big * 0.42)),
        ):
            font = widget.font()
            font.setPointSizeF(size)
            widget.setFont(font)
