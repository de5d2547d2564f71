"""The trial: length, start, computed end, check-in cadence and dates, review date."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from flexprep.core import vocab
from flexprep.core.schedule import checkin_dates, trial_end
from flexprep.ui.widgets.common import name
from flexprep.ui.widgets.dates import OptionalDateEdit, long_date, short_date


def next_monday(today: date | None = None) -> date:
    """The first Monday after ``today`` (a trial usually starts on one)."""
    today = today or date.today()
    return today + timedelta(days=7 - today.weekday())


class TrialEditor(QWidget):
    """Trial length and start, cadence, review date; shows the end and the check-ins.

    ``fields_changed`` carries the plan fields the user just changed.
    """

    fields_changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trial_editor")
        self._loading = False
        self.weeks = name(QSpinBox(), "trial_weeks", "Trial length in weeks")
        self.weeks.setRange(0, 104)
        self.weeks.setSpecialValueText("Not set")
        self.weeks.setSuffix(" weeks")
        self.weeks.setMinimumWidth(self.weeks.fontMetrics().horizontalAdvance("104 weeks") + 48)
        self.start = OptionalDateEdit("trial_start", "Trial start", default=next_monday)
        self.end = QLabel()
        self.end.setObjectName("trial_end")
        self.end.setAccessibleName("Trial end")
        self.cadence = name(QComboBox(), "checkin", "Check-in cadence")
        self.cadence.addItem("Not set", None)
        for key, text in vocab.CHECKINS.items():
            self.cadence.addItem(text, key)
        self.checkins = QLabel()
        self.checkins.setObjectName("checkin_dates")
        self.checkins.setAccessibleName("Check-in dates")
        self.checkins.setWordWrap(True)
        self.checkins.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.review = OptionalDateEdit("review_date", "Review date", default=self._review_default)
        self.review_after = name(
            QPushButton("Day after the trial"),
            "review_after_trial",
            "Set the review date to the day after the trial ends",
        )
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._row(form, "Trial &length:", self.weeks)
        self._row(form, "&Starts on:", self.start, self.start.check)
        form.addRow("Ends on:", self.end)
        cadence = QWidget()
        cadence_column = QVBoxLayout(cadence)
        cadence_column.setContentsMargins(0, 0, 0, 0)
        cadence_column.addWidget(self.cadence, 0, Qt.AlignmentFlag.AlignLeft)
        cadence_column.addWidget(self.checkins)
        self._row(form, "Check-&ins:", cadence, self.cadence)
        self._row(form, "&Review on:", self.review, self.review.check)
        form.addRow("", self.review_after)
        self.weeks.valueChanged.connect(self._on_weeks)
        self.start.value_changed.connect(lambda day: self._emit(trial_start=day))
        self.cadence.activated.connect(lambda _=0: self._emit(checkin=self.cadence.currentData()))
        self.review.value_changed.connect(lambda day: self._emit(review_date=day))
        self.review_after.clicked.connect(self._review_after_trial)
        for first, second in (
            (self.weeks, self.start.check),
            (self.start.check, self.start.edit),
            (self.start.edit, self.cadence),
            (self.cadence, self.review.check),
            (self.review.check, self.review.edit),
            (self.review.edit, self.review_after),
        ):
            QWidget.setTabOrder(first, second)
        self._refresh()

    @staticmethod
    def _row(form: QFormLayout, text: str, field: QWidget, buddy: QWidget | None = None) -> None:
        label = QLabel(text)
        label.setBuddy(buddy or field)
        form.addRow(label, field)

    def set_plan(self, plan: Any) -> None:
        """Show the trial fields of ``plan`` (a Plan row) without emitting."""
        self._loading = True
        try:
            self.weeks.setValue(plan.trial_weeks or 0)
            self.start.set_value(plan.trial_start)
            self.cadence.setCurrentIndex(max(0, self.cadence.findData(plan.checkin)))
            self.review.set_value(plan.review_date)
        finally:
            self._loading = False
        self._refresh()

    def trial_end(self) -> date | None:
        start = self.start.value()
        return trial_end(start if isinstance(start, date) else None, self.weeks.value() or None)

    def _review_default(self) -> date:
        end = self.trial_end()
        return end + timedelta(days=1) if end else date.today() + timedelta(weeks=8)

    @Slot(int)
    def _on_weeks(self, value: int) -> None:
        self._emit(trial_weeks=value or None)

    @Slot()
    def _review_after_trial(self) -> None:
        end = self.trial_end()
        if end is None:
            return
        self.review.set_value(end + timedelta(days=1))
        self._emit(review_date=end + timedelta(days=1))

    def _emit(self, **fields: Any) -> None:
        self._refresh()
        if not self._loading:
            self.fields_changed.emit(fields)

    def _refresh(self) -> None:
        end = self.trial_end()
        weeks = self.weeks.value()
        if end is not None:
            self.end.setText(
                f"<b>{long_date(end)}</b> (after {weeks} week{'s' if weeks != 1 else ''})"
            )
        else:
            self.end.setText("Set the length and the start to see the end date.")
        start = self.start.value()
        dates = checkin_dates(
            start if isinstance(start, date) else None, weeks or None, self.cadence.currentData()
        )
        if dates:
            self.checkins.setText(
                f"{len(dates)} check-in{'s' if len(dates) != 1 else ''}: "
                + ", ".join(short_date(d) for d in dates)
            )
        elif end is not None and self.cadence.currentData():
            self.checkins.setText("No check-in falls within the trial: shorten the cadence.")
        else:
            self.checkins.setText("Choose a cadence to list the check-in dates.")
        self.review_after.setEnabled(end is not None)
        self.review_after.setText(
            f"Day after the trial ({short_date(end + timedelta(days=1))})"
            if end
            else "Day after the trial"
        )
