"""The Self-assessment tab: who it is from and for, guided prompts, and readiness."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from flexprep.core import content
from flexprep.core.errors import FlexPrepError
from flexprep.ui.assessment.scenario_prompts import ScenarioPrompts
from flexprep.ui.assessment.who import WhoSection
from flexprep.ui.shell.context import AppContext
from flexprep.ui.shell.readiness_panel import ReadinessPanel
from flexprep.ui.widgets.common import GrowingTextEdit, heading_label, muted_label, scroll_page
from flexprep.ui.widgets.layout import error_label, show_error
from flexprep.ui.widgets.tab import WorkbookTab

#: Prompts built before the window's first paint; the rest follow right after it.
FIRST_PROMPTS = 4


class SelfAssessmentTab(WorkbookTab):
    """Who I am and who it is for, then one answer box per prompt key.

    Everything is saved as the user types.
    """

    TAB_KEY = "assessment"
    TITLE = "Self-assessment"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._editors: dict[str, GrowingTextEdit] = {}
        self._answers: dict[str, str] = {}
        self._prompts = content.prompts()
        self.scenario_prompts = ScenarioPrompts()  # wording and drafts of the scenario
        self._stretched = False
        page = QWidget()
        self._column = QVBoxLayout(page)
        self._column.setContentsMargins(12, 12, 12, 12)
        self._column.setSpacing(4)
        self.load_error = error_label("assessment_error")
        self._column.addWidget(self.load_error)
        self.who = WhoSection(ctx)
        self._column.addWidget(self.who)
        self._column.addSpacing(14)
        self._column.addWidget(heading_label("Know what you want, and why"))
        self._column.addWidget(
            muted_label(
                "Answer in your own words. These answers are private and only appear in "
                "My brief — except the business case, which is written to be shown."
            )
        )
        for number, prompt in enumerate(self._prompts[:FIRST_PROMPTS], 1):
            self._add_prompt(number, prompt)
        self._column.addStretch(1)
        self._stretched = True

        self.readiness = ReadinessPanel(ctx)
        self.readiness.setMinimumWidth(260)
        self.readiness.setMaximumWidth(360)
        holder = QWidget()
        self.scroll_area = scroll_page(holder, "assessment_scroll", page)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(holder, 1)
        layout.addWidget(self.readiness)

    # -- building ---------------------------------------------------------------------

    def _add_prompt(self, number: int, prompt: dict[str, Any]) -> None:
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
        editor.set_text(self._answers.get(key, ""))
        editor.edited.connect(lambda text, k=key: self._edited(k, text))
        question.setBuddy(editor)
        at = self._column.count() - (1 if self._stretched else 0)  # before the stretch
        coaching_row = self.scenario_prompts.coaching_row(key, question, coaching, editor)
        for offset, widget in enumerate((title, question, coaching_row, editor)):
            self._column.insertWidget(at + offset, widget)
        self._column.insertSpacing(at, 10)
        QWidget.setTabOrder(
            list(self._editors.values())[-1] if self._editors else self.who.focus_chain()[-1],
            editor,
        )
        self._editors[key] = editor

    @Slot()
    def _build_rest(self) -> None:
        for number, prompt in enumerate(self._prompts, 1):
            if prompt["key"] not in self._editors:
                self._add_prompt(number, prompt)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt naming)
        super().paintEvent(event)
        if len(self._editors) < len(self._prompts):
            QTimer.singleShot(0, self._build_rest)

    @property
    def editors(self) -> dict[str, GrowingTextEdit]:
        """Every prompt's answer box, by key."""
        self._build_rest()
        return self._editors

    # -- data -------------------------------------------------------------------------

    def set_workbook(self, workbook_id: int | None) -> None:
        same = workbook_id is not None and workbook_id == self.workbook_id
        if same and self.ctx.saver.has_pending():
            return  # what is shown is newer than what is saved: keep it
        super().set_workbook(workbook_id)
        try:
            self.who.set_workbook(workbook_id)
            self._answers = self.ctx.service.answers(workbook_id) if workbook_id is not None else {}
        except FlexPrepError as exc:
            show_error(self.load_error, f"This workbook could not be read: {exc}")
            return
        show_error(self.load_error, "")
        for key, editor in self._editors.items():
            editor.set_text(self._answers.get(key, ""))
        try:
            scenario = self.ctx.service.workbook(workbook_id).scenario if workbook_id else None
        except FlexPrepError:
            scenario = None  # the general wording; the error above already shows
        self.scenario_prompts.apply(scenario)
        self.readiness.set_workbook(workbook_id)

    def _edited(self, key: str, text: str) -> None:
        self._answers[key] = text
        workbook_id = self.workbook_id
        if workbook_id is None:
            return
        self.ctx.saver.schedule(
            ("answer", workbook_id, key),
            lambda: self.ctx.service.set_answer(workbook_id, key, text),
        )

    def focus_anchor(self, anchor: str) -> None:
        who = self.who
        fields: dict[str, QWidget] = {
            "about": who.about["name"],
            "sender": who.about["name"],
            "manager": who.manager,
            "addressee": who.manager,
            "proposal_title": who.proposal_title,
            "title": who.proposal_title,
        }
        if anchor in fields:
            self.scroll_area.ensureWidgetVisible(fields[anchor], 0, 80)
            fields[anchor].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        editors = self.editors
        editor = editors.get(anchor) or next(
            (e for e in editors.values() if not e.text().strip()), None
        )
        if editor is None:
            return
        self.scroll_area.ensureWidgetVisible(editor, 0, 80)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
