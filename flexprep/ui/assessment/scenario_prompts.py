"""Each prompt in the words of the workbook's scenario, with a draft answer to start from.

The wording lives in ``resources/scenarios.json`` (``prompts``), read through
:func:`flexprep.core.content.prompts`. A draft is never written into an answer by
itself: the business case reaches the manager, so the user starts from the draft with
a click and rewrites it.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from flexprep.core import content
from flexprep.ui.widgets.common import GrowingTextEdit, muted_label, name


class ScenarioPrompts:
    """Keeps each prompt's question, coaching and draft button in step with the scenario."""

    def __init__(self) -> None:
        self.scenario: str | None = None
        self._questions: dict[str, QLabel] = {}
        self._coaching: dict[str, QLabel] = {}
        self._editors: dict[str, GrowingTextEdit] = {}
        self.draft_buttons: dict[str, QPushButton] = {}
        self._notes: dict[str, QLabel] = {}
        self.drafts: dict[str, str] = {}

    def coaching_row(
        self, key: str, question: QLabel, coaching: QLabel, editor: GrowingTextEdit
    ) -> QWidget:
        """The coaching note with a "Start from the draft" button under it (hidden
        while the scenario has no draft for this prompt or the answer is not empty)."""
        self._questions[key], self._coaching[key], self._editors[key] = question, coaching, editor
        button = name(
            QPushButton("Start from the draft"),
            f"draft_{key}",
            "Put the scenario's draft answer in the box, to rewrite in your own words",
        )
        button.clicked.connect(lambda _=False, k=key: self.use_draft(k))
        editor.edited.connect(lambda _text, k=key: self._refresh(k))
        self.draft_buttons[key] = button
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(coaching)
        row = QHBoxLayout()
        note = muted_label("A starting point only: make it yours before you share it.")
        self._notes[key] = note
        row.addWidget(button)
        row.addWidget(note, 1)  # beside the button, using the width there is
        column.addLayout(row)
        if self.scenario is not None:
            self._apply_one(key, self._by_key(self.scenario).get(key, {}))
        else:
            self._refresh(key)
        return holder

    def apply(self, scenario_key: str | None) -> None:
        """Show every prompt in the words of ``scenario_key`` (None: the general ones)."""
        self.scenario = scenario_key
        prompts = self._by_key(scenario_key)
        for key in self._questions:
            self._apply_one(key, prompts.get(key, {}))

    @Slot()
    def use_draft(self, key: str) -> None:
        """Fill an empty answer with the draft, as the user would type it."""
        editor = self._editors[key]
        if editor.text().strip() or not self.drafts.get(key):
            return
        editor.setPlainText(self.drafts[key])  # emits ``edited``: saved like typing
        editor.moveCursor(QTextCursor.MoveOperation.End)  # ready to carry on writing
        editor.setFocus()

    @staticmethod
    def _by_key(scenario_key: str | None) -> dict[str, dict[str, str]]:
        return {prompt["key"]: prompt for prompt in content.prompts(scenario_key)}

    def _apply_one(self, key: str, prompt: dict[str, str]) -> None:
        if prompt:
            self._questions[key].setText(prompt["prompt"])
            self._coaching[key].setText(prompt["coaching"])
        self.drafts[key] = prompt.get("draft", "")
        draft = self.drafts[key]
        self._editors[key].setPlaceholderText(
            f"Your answer… (a draft for your scenario is one click away: “{draft[:60]}…”)"
            if draft
            else "Your answer…"
        )
        self._refresh(key)

    def _refresh(self, key: str) -> None:
        show = bool(self.drafts.get(key)) and not self._editors[key].text().strip()
        self.draft_buttons[key].setVisible(show)
        self._notes[key].setVisible(show)  # the note is about the button: it goes with it
