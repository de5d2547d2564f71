"""The trial review: after the trial, how it went, what was decided and when it is next looked at.

Every field here is shareable: it is what the ``review`` document tells the manager
(docs/design.md, "Documents"). The results are asked for per success measure of the
plan; a result written for a measure since removed from the plan is kept and shown.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from flexprep.core import vocab
from flexprep.core.errors import FlexPrepError
from flexprep.core.models import Plan, TrialReview
from flexprep.ui.shell.context import AppContext
from flexprep.ui.widgets.common import GrowingTextEdit, muted_label, name
from flexprep.ui.widgets.dates import OptionalDateEdit
from flexprep.ui.widgets.layout import error_label, show_error

COACHING = (
    "When the trial ends, sit down with your manager and go through each measure you "
    "agreed. Decide together: carry on as it is, carry on with changes, or stop. Write "
    "down what must stay true for it to continue, and book the next review now."
)


class TrialReviewEditor(QWidget):
    """Date held, a result per success measure, decision, conditions, next review."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workbook_id: int | None = None
        self._loading = False
        self.setObjectName("trial_review_editor")
        self.held_on = OptionalDateEdit("review_held_on", "Trial review held on")
        self.results: dict[str, QLineEdit] = {}
        self._results_form = QFormLayout()
        self._results_form.setContentsMargins(0, 0, 0, 0)
        # Each measure on its own line, its result below it: measures are sentences.
        self._results_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.no_measures = muted_label(
            "No success measure in the plan yet: add them in Plan & trial, and each gets a "
            "line here for its result."
        )
        self.no_measures.setObjectName("review_no_measures")
        self.decision = name(QComboBox(), "review_decision", "Decision after the trial")
        self.decision.addItem("Not decided yet", None)
        for key, text in vocab.REVIEW_DECISIONS.items():
            self.decision.addItem(text, key)
        self.conditions = GrowingTextEdit(min_lines=2, max_lines=10)
        name(self.conditions, "review_conditions", "Conditions for renewal or adjustment")
        self.conditions.setPlaceholderText(
            "What must stay true for it to continue, or what changes, and from when…"
        )
        self.next_review = OptionalDateEdit("review_next", "Next review date")
        self.export_button = name(
            QPushButton("Export the trial re&view…"),
            "export_review",
            "Export the trial review for your manager",
        )
        self.error = error_label("trial_review_error")

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        held_label = QLabel("Held on:")
        held_label.setBuddy(self.held_on.check)
        form.addRow(held_label, self.held_on)
        decision_label = QLabel("Decision:")
        decision_label.setBuddy(self.decision)
        after = QFormLayout()
        after.setContentsMargins(0, 0, 0, 0)
        after.addRow(decision_label, self.decision)
        conditions_label = QLabel("Conditions:")
        conditions_label.setBuddy(self.conditions)
        after.addRow(conditions_label, self.conditions)
        next_label = QLabel("Next review:")
        next_label.setBuddy(self.next_review.check)
        after.addRow(next_label, self.next_review)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(muted_label(COACHING))
        layout.addLayout(form)
        layout.addWidget(QLabel("<b>Each measure and its result</b>"))
        layout.addLayout(self._results_form)
        layout.addWidget(self.no_measures)
        layout.addLayout(after)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)

        self.held_on.value_changed.connect(lambda day: self._save(held_on=day))
        self.decision.activated.connect(
            lambda _=0: self._save(decision=self.decision.currentData())
        )
        self.conditions.edited.connect(lambda text: self._save(conditions=text))
        self.next_review.value_changed.connect(lambda day: self._save(next_review=day))
        self.export_button.clicked.connect(lambda: ctx.signals.export_requested.emit("review"))

    # -- loading -----------------------------------------------------------------------

    def set_workbook(self, workbook_id: int | None) -> None:
        """Show the review of ``workbook_id`` (and a line per success measure of its plan)."""
        self.workbook_id = workbook_id
        if workbook_id is None:
            self._show({}, [])
            return
        try:
            review = self.ctx.service.part(TrialReview, workbook_id)
            plan = self.ctx.service.part(Plan, workbook_id)
        except FlexPrepError as exc:
            show_error(self.error, f"The trial review could not be read: {exc}")
            return
        show_error(self.error, "")
        values = {key: getattr(review, key) for key in ("held_on", "decision", "conditions")}
        values["next_review"] = review.next_review
        values["results"] = list(review.results or [])
        self._show(values, list(plan.success_measures or []))

    def _show(self, values: dict[str, Any], measures: list[str]) -> None:
        self._loading = True
        try:
            self.held_on.set_value(values.get("held_on"))
            self.decision.setCurrentIndex(max(0, self.decision.findData(values.get("decision"))))
            self.conditions.set_text(values.get("conditions") or "")
            self.next_review.set_value(values.get("next_review"))
            self._build_results(values.get("results", []), measures)
        finally:
            self._loading = False

    def _build_results(self, saved: list[dict[str, Any]], measures: list[str]) -> None:
        while self._results_form.rowCount():
            self._results_form.removeRow(0)
        self.results = {}
        written = {item["measure"]: item.get("result", "") for item in saved}
        shown = [m for m in measures if m.strip()]
        shown += [m for m in written if m not in shown and written[m].strip()]
        for number, measure in enumerate(shown, 1):
            edit = name(QLineEdit(), f"review_result_{number}", f"Result: {measure}")
            edit.setPlaceholderText("What happened, with a figure where you have one")
            edit.setText(written.get(measure, ""))
            edit.textEdited.connect(self._on_result)
            label = QLabel(measure)
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            label.setBuddy(edit)
            self._results_form.addRow(label, edit)
            self.results[measure] = edit
        self.no_measures.setVisible(not shown)

    def focus_target(self) -> QWidget:
        """Where a readiness link puts the focus: the date held, else the first result."""
        if self.held_on.value() is None:
            return self.held_on.check
        return next(iter(self.results.values()), self.decision)

    def focus_chain(self) -> list[QWidget]:
        """The editor's widgets in tab order."""
        return [
            self.held_on.check,
            self.held_on.edit,
            *self.results.values(),
            self.decision,
            self.conditions,
            self.next_review.check,
            self.next_review.edit,
            self.export_button,
        ]

    # -- saving ------------------------------------------------------------------------

    @Slot()
    def _on_result(self) -> None:
        results = [
            {"measure": measure, "result": edit.text()} for measure, edit in self.results.items()
        ]
        self._save(results=results)

    def _save(self, **fields: Any) -> None:
        workbook_id = self.workbook_id
        if workbook_id is None or self._loading:
            return
        for field, value in fields.items():
            if isinstance(value, date):
                value = value.isoformat()
            self.ctx.saver.schedule(
                ("trial_review", workbook_id, field),
                functools.partial(
                    self.ctx.service.update_part, TrialReview, workbook_id, **{field: value}
                ),
            )
        if {"held_on", "decision", "next_review"} & set(fields):  # what readiness reads
            self.ctx.signals.data_changed.emit("trial_review")
