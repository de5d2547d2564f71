"""The Plan & trial tab: a manager says yes to a plan, not to a wish."""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from flexprep.core import content
from flexprep.core.errors import FlexPrepError
from flexprep.core.models import Plan
from flexprep.ui.plan.alternatives import AlternativesEditor
from flexprep.ui.plan.deliverables import DeliverablesEditor
from flexprep.ui.plan.schedule import HoursEdit, ScheduleEditor
from flexprep.ui.plan.trial import TrialEditor
from flexprep.ui.plan.working import WorkingAgreementEditor
from flexprep.ui.shell.context import AppContext
from flexprep.ui.widgets.common import (
    GrowingTextEdit,
    name,
    scroll_page,
)
from flexprep.ui.widgets.layout import (
    error_label,
    group,
    show_error,
    text_box,
    two_column_page,
)
from flexprep.ui.widgets.list_editor import StringListEditor
from flexprep.ui.widgets.tab import WorkbookTab

#: Fields whose change alters what the readiness panel lists.
_STRUCTURAL = {
    "schedule",
    "trial_weeks",
    "trial_start",
    "checkin",
    "success_measures",
    "alternatives",
    "review_date",
    "deliverables",
}


class PlanTab(WorkbookTab):
    """Schedule, trial and check-ins, success measures, coverage, communication."""

    TAB_KEY = "plan"
    TITLE = "Plan & trial"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._loading = False
        self.load_error = error_label("plan_error")
        self.schedule = ScheduleEditor()
        self.trial = TrialEditor()
        self.measures = StringListEditor(
            "measures",
            "success measure",
            empty_text="No measure yet. Add one, or pick a suggestion below.",
            undo_stack=ctx.undo_stack,
        )
        self.coverage = text_box(
            "coverage",
            "Coverage and hand-offs",
            "Who covers what when you are away or offline; how work is handed over…",
        )
        self.communication = text_box(
            "communication", "Communication", "How the team reaches you and stays informed…"
        )
        self.core_hours = HoursEdit("core_hours", "Core hours")
        self.core_hours.setPlaceholderText("e.g. 10:00-15:00")
        self.core_hours.setMaximumWidth(170)
        self.core_problem = QLabel()
        self.core_problem.setObjectName("core_hours_problem")
        self.core_problem.setWordWrap(True)
        self.core_problem.hide()
        self.response_time = GrowingTextEdit(min_lines=2, max_lines=8)
        name(self.response_time, "response_time", "Response time")
        self.response_time.setPlaceholderText("e.g. urgent within 30 minutes, routine the same day")
        self.escalation = text_box(
            "escalation",
            "Escalation path for urgent matters",
            "If something urgent cannot reach you: who, in what order…",
        )
        coaching = content.plan_coaching()
        self.alternative_editor = AlternativesEditor(coaching)
        self.alternatives = self.alternative_editor.boxes
        self.deliverables = DeliverablesEditor(
            coaching.get("deliverables", ""), undo_stack=ctx.undo_stack
        )
        self.working = WorkingAgreementEditor(coaching)

        self.scroll_area = scroll_page(self, "plan_scroll", self._build_page())
        self._set_tab_order()

        self.schedule.schedule_changed.connect(lambda s: self._save(schedule=s))
        self.schedule.current_changed.connect(lambda s: self._save(current_schedule=s))
        self.trial.fields_changed.connect(lambda fields: self._save(**fields))
        self.measures.items_changed.connect(lambda items: self._save(success_measures=items))
        for field, editor in (
            ("coverage", self.coverage),
            ("communication", self.communication),
            ("escalation", self.escalation),
        ):
            editor.edited.connect(lambda text, f=field: self._save(**{f: text}))
        self.core_hours.textEdited.connect(self._on_core_hours)
        self.response_time.edited.connect(lambda text: self._save(response_time=text))
        self.alternative_editor.fields_changed.connect(lambda fields: self._save(**fields))
        self.deliverables.items_changed.connect(lambda items: self._save(deliverables=items))
        self.working.fields_changed.connect(lambda fields: self._save(**fields))

    # -- building --------------------------------------------------------------------

    def _build_page(self) -> QWidget:
        comm_form = QFormLayout()
        comm_form.setContentsMargins(0, 0, 0, 0)
        for text, field in (
            ("C&ore hours:", self.core_hours),
            ("Respo&nse time:", self.response_time),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            comm_form.addRow(label, field)
            if field is self.core_hours:
                comm_form.addRow("", self.core_problem)
        comm_extra = QWidget()
        comm_extra.setLayout(comm_form)

        left = QVBoxLayout()
        left.addWidget(
            group(
                "Wee&kly schedule",
                "schedule_group",
                self.schedule,
                hint="Where and when you work now, and what you propose.",
            )
        )
        left.addWidget(
            group(
                "&Trial and review",
                "trial_group",
                self.trial,
                hint="A trial with a fixed end makes yes an easier answer.",
            )
        )
        left.addWidget(
            group(
                "&Alternatives to offer",
                "alternatives_group",
                self.alternative_editor,
                hint="If the answer is not yet yes, what else could you offer? Say in one "
                "line how each would work; a phased start can say how the pattern steps up.",
            )
        )
        left.addStretch(1)
        right = QVBoxLayout()
        self.measures_group = group(
            "Success &measures",
            "measures_group",
            self.measures,
            hint="How you and your manager will judge the trial, most important first.",
        )
        right.addWidget(self.measures_group)
        right.addWidget(group("Deli&verables", "deliverables_group", self.deliverables))
        right.addWidget(group("&Coverage and hand-offs", "coverage_group", self.coverage))
        right.addWidget(
            group(
                "Comm&unication",
                "communication_group",
                self.communication,
                comm_extra,
                self.working,
            )
        )
        right.addWidget(
            group("Escalation &path for urgent matters", "escalation_group", self.escalation)
        )
        right.addStretch(1)

        return two_column_page(
            "plan_page",
            "A plan your manager can say yes to",
            "Everything here may appear in the proposal you hand your manager: a concrete "
            "schedule, a trial with check-ins, and how success will be measured.",
            self.load_error,
            left,
            right,
        )

    def _set_tab_order(self) -> None:
        # Down the left column, then down the right one (the day rows order themselves).
        trial = self.trial
        chain: list[QWidget] = [
            self.schedule.hours["sun"],
            trial.weeks,
            trial.start.check,
            trial.start.edit,
            trial.cadence,
            trial.review.check,
            trial.review.edit,
            trial.review_after,
            *self.alternative_editor.focus_chain(),
            self.measures.view,
            self.measures.add_button,
            self.measures.remove_button,
            self.measures.up_button,
            self.measures.down_button,
            *self.deliverables.focus_chain(),
            self.coverage,
            self.communication,
            self.core_hours,
            self.response_time,
            self.working.time_zone,
            self.working.async_guidelines,
            self.escalation,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- loading ---------------------------------------------------------------------

    def set_workbook(self, workbook_id: int | None) -> None:
        same = workbook_id is not None and workbook_id == self.workbook_id
        if same and self.ctx.saver.has_pending():
            return  # what is shown is newer than what is saved: keep it
        super().set_workbook(workbook_id)
        self.setEnabled(workbook_id is not None)
        if workbook_id is None:
            return
        try:
            plan = self.ctx.service.part(Plan, workbook_id)
            scenario = content.scenario(self.ctx.service.workbook(workbook_id).scenario)
        except FlexPrepError as exc:
            show_error(self.load_error, f"The plan could not be read: {exc}")
            return
        show_error(self.load_error, "")
        self._loading = True
        try:
            self.schedule.set_schedule(plan.schedule or {}, keep_typed=same)
            self.schedule.set_current(plan.current_schedule or {}, keep_typed=same)
            self.trial.set_plan(plan)
            self.measures.set_items(plan.success_measures or [], keep_blanks=same)
            self.measures.set_suggestions(
                scenario.get("success_measures", []),
                f"Suggestions for “{scenario.get('label', '')}”:",
            )
            self.coverage.set_text(plan.coverage)
            self.communication.set_text(plan.communication)
            self.escalation.set_text(plan.escalation)
            if not (same and self.core_hours.problem()):
                self.core_hours.setText(plan.core_hours)
            self.response_time.set_text(plan.response_time)
            self.alternative_editor.set_plan(plan)
            self.working.set_plan(plan)
            if not (same and self.deliverables.rows):
                self.deliverables.set_items(plan.deliverables or [])
        finally:
            self._loading = False
        self._show_core_problem()

    # -- saving ----------------------------------------------------------------------

    def _save(self, **fields: Any) -> None:
        workbook_id = self.workbook_id
        if workbook_id is None or self._loading:
            return
        for field, value in fields.items():
            self.ctx.saver.schedule(
                ("plan", workbook_id, field),
                functools.partial(
                    self.ctx.service.update_part, Plan, workbook_id, **{field: value}
                ),
            )
        if _STRUCTURAL & set(fields):
            self.changed("plan")

    @Slot(str)
    def _on_core_hours(self, text: str) -> None:
        self._show_core_problem()
        # Saved as typed even when it is not a valid range: nothing typed is lost, and
        # the mark below comes back with it after a restart.
        self._save(core_hours=text.strip())

    def _show_core_problem(self) -> None:
        problem = self.core_hours.problem()
        self.core_problem.setText(
            f"⚠ “{self.core_hours.text()}” — {problem}. Saved as you "
            "typed it; marked until it is a valid time range."
            if problem
            else ""
        )
        self.core_problem.setVisible(bool(problem))

    # -- navigation ------------------------------------------------------------------

    def focus_anchor(self, anchor: str) -> None:
        targets: dict[str, Any] = {
            "schedule": self.schedule.first_unset,
            "trial": lambda: (
                self.trial.weeks
                if not self.trial.weeks.value()
                else self.trial.start.edit
                if self.trial.start.value()
                else self.trial.start.check
            ),
            "measures": lambda: self.measures.view,
            "review": lambda: (
                self.trial.review.edit if self.trial.review.value() else self.trial.review.check
            ),
            "coverage": lambda: self.coverage,
            "communication": lambda: self.communication,
            "escalation": lambda: self.escalation,
            "deliverables": lambda: (
                self.deliverables.rows[0].text
                if self.deliverables.rows
                else self.deliverables.add_button
            ),
            "working": lambda: self.working.time_zone,
        }
        widget = targets.get(anchor, self.schedule.first_field)()
        self.scroll_area.ensureWidgetVisible(widget, 0, 80)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
