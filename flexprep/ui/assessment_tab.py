"""The Self-assessment tab: guided prompts with coaching notes, and readiness."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from flexprep.core import content
from flexprep.ui.context import AppContext
from flexprep.ui.readiness_panel import ReadinessPanel
from flexprep.ui.tab_base import WorkbookTab
from flexprep.ui.widgets import GrowingTextEdit, heading_label, muted_label


class SelfAssessmentTab(WorkbookTab):
    """One answer box per prompt key; answers are saved as the user types."""

    TAB_KEY = "assessment"
    TITLE = "Self-assessment"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.editors: dict[str, GrowingTextEdit] = {}
        self.scroll = QScrollArea()
        self.scroll.setObjectName("assessment_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(4)
        column.addWidget(heading_label("Know what you want, and why"))
        column.addWidget(muted_label(
            "Answer in your own words. Everything here is private and only appears in "
            "My brief — except the business case, which is written to be shown."))
        for number, prompt in enumerate(content.prompts(), 1):
            key = prompt["key"]
            title = heading_label(f"{number}. {prompt['title']}", 2)
            if prompt.get("shareable"):
                title.setText(title.text() + "  (shared with your manager)")
            question = QLabel(prompt["prompt"])
            question.setWordWrap(True)
            coaching = muted_label(prompt["coaching"])
            coaching.setObjectName(f"coaching_{key}")
            editor = GrowingTextEdit()
            editor.setObjectName(f"answer_{key}")
            editor.setAccessibleName(prompt["title"])
            editor.setAccessibleDescription(prompt["prompt"])
            editor.setPlaceholderText("Your answer…")
            editor.edited.connect(lambda text, k=key: self._edited(k, text))
            question.setBuddy(editor)
            column.addSpacing(10)
            for widget in (title, question, coaching, editor):
                column.addWidget(widget)
            self.editors[key] = editor
        column.addStretch(1)
        self.scroll.setWidget(page)

        self.readiness = ReadinessPanel(ctx)
        self.readiness.setMinimumWidth(260)
        self.readiness.setMaximumWidth(360)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.readiness)
        keys = list(self.editors)
        for first, second in zip(keys, keys[1:], strict=False):
            QWidget.setTabOrder(self.editors[first], self.editors[second])

    def set_workbook(self, workbook_id: int | None) -> None:
        super().set_workbook(workbook_id)
        answers = self.ctx.service.answers(workbook_id) if workbook_id is not None else {}
        for key, editor in self.editors.items():
            editor.set_text(answers.get(key, ""))
        self.readiness.set_workbook(workbook_id)

    def _edited(self, key: str, text: str) -> None:
        workbook_id = self.workbook_id
        if workbook_id is None:
            return
        self.ctx.saver.schedule(
            ("answer", workbook_id, key),
            lambda: self.ctx.service.set_answer(workbook_id, key, text))

    def focus_anchor(self, anchor: str) -> None:
        editor = self.editors.get(anchor) or next(
            (e for e in self.editors.values() if not e.text().strip()), None)
        if editor is None:
            return
        self.scroll.ensureWidgetVisible(editor, 0, 80)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
