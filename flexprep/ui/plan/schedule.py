"""The weekly schedule grid: where each day is worked, its hours, and hours per week."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from flexprep.core import vocab
from flexprep.core.schedule import format_hours, hours_problem, range_hours, weekly_hours
from flexprep.ui.widgets.common import muted_label, name

#: Places whose days have working hours.
WORKING = ("office", "remote", "flexible")


class HoursEdit(QLineEdit):
    """A line edit for ``HH:MM-HH:MM`` that flags a bad range but keeps the typed text.

    ``problem()`` says what is wrong ("" when the text is empty or valid).
    """

    def __init__(self, object_name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name(self, object_name, accessible)
        self.setPlaceholderText("e.g. 08:00-16:30")
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._warning = QAction(icon, "Not a valid time range", self)
        self.addAction(self._warning, QLineEdit.ActionPosition.TrailingPosition)
        self._warning.setVisible(False)
        self.textChanged.connect(self._check)

    def problem(self) -> str:
        return hours_problem(self.text()) if self.isEnabled() else ""

    @Slot()
    def _check(self, *_args: object) -> None:
        problem = self.problem()
        self._warning.setVisible(bool(problem))
        self._warning.setToolTip(problem)
        self.setToolTip(f"Not saved: {problem}" if problem else "")
        self.setAccessibleDescription(f"Not a valid time range: {problem}" if problem else "")

    def setEnabled(self, enabled: bool) -> None:  # noqa: N802 (Qt naming)
        super().setEnabled(enabled)
        self._check()


class ScheduleEditor(QWidget):
    """Monday to Sunday: a place (or not set) and optional hours per day.

    ``schedule_changed`` carries the schedule to save, in the file-format shape. A day
    whose hours are not a valid range keeps its last valid hours there (the typed text
    stays in the box, flagged) until the user fixes it.
    """

    schedule_changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("schedule_editor")
        self._loading = False
        self._saved_hours: dict[str, str] = {}
        self._last: dict[str, Any] = {}
        self.where: dict[str, QComboBox] = {}
        self.hours: dict[str, HoursEdit] = {}
        self.day_totals: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        for column, title in enumerate(("Day", "Where", "Hours", "")):
            header = QLabel(f"<b>{title}</b>")
            grid.addWidget(header, 0, column)
        for row, (day, label) in enumerate(vocab.WEEKDAYS.items(), 1):
            day_label = QLabel(label)
            combo = name(QComboBox(), f"where_{day}", f"{label}: where")
            combo.addItem("Not set", "")
            for key, text in vocab.WHERE.items():
                combo.addItem(text, key)
            day_label.setBuddy(combo)
            hours = HoursEdit(f"hours_{day}", f"{label}: hours")
            hours.setMaximumWidth(170)
            total = QLabel()
            total.setObjectName(f"day_total_{day}")
            total.setMinimumWidth(60)
            combo.activated.connect(lambda _=0, d=day: self._on_where(d))
            hours.textChanged.connect(lambda _="", d=day: self._on_hours(d))
            grid.addWidget(day_label, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(hours, row, 2)
            grid.addWidget(total, row, 3)
            self.where[day], self.hours[day], self.day_totals[day] = combo, hours, total
        grid.setColumnStretch(4, 1)
        self.summary = QLabel()
        self.summary.setObjectName("hours_summary")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Hours per week")
        self.problems = QLabel()
        self.problems.setObjectName("hours_problems")
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName("Problems with the hours")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(
            muted_label(
                "Hours as start-end, e.g. 08:00-16:30; a day left “Not set” is not part of "
                "the plan."
            )
        )
        self.problems.hide()
        previous: QWidget | None = None
        for day in vocab.WEEKDAYS:
            for widget in (self.where[day], self.hours[day]):
                if previous is not None:
                    QWidget.setTabOrder(previous, widget)
                previous = widget

    def first_field(self) -> QWidget:
        return self.where["mon"]

    def first_unset(self) -> QComboBox:
        """The first day without a place (Monday when all are set)."""
        return next((c for c in self.where.values() if not c.currentData()), self.where["mon"])

    # -- loading ---------------------------------------------------------------------

    def set_schedule(self, schedule: dict[str, Any], *, keep_typed: bool = False) -> None:
        """Show ``schedule``; with ``keep_typed``, hours still being fixed are kept."""
        self._loading = True
        try:
            for day, combo in self.where.items():
                entry = schedule.get(day) or {}
                combo.setCurrentIndex(max(0, combo.findData(entry.get("where", ""))))
                hours = entry.get("hours", "")
                self._saved_hours[day] = hours
                edit = self.hours[day]
                if not (keep_typed and edit.problem()):
                    edit.setText(hours)
                edit.setEnabled(combo.currentData() in WORKING)
        finally:
            self._loading = False
        self._last = self.schedule()
        self._refresh()

    # -- the schedule ----------------------------------------------------------------

    def schedule(self) -> dict[str, Any]:
        """What to save: the days with a place, with their hours as typed.

        Hours that are not a valid range are saved too (the field is text), so nothing
        typed is lost; they stay marked as needing a fix wherever they are shown.
        """
        result: dict[str, Any] = {}
        for day, combo in self.where.items():
            where = combo.currentData()
            if not where:
                continue
            entry: dict[str, str] = {"where": where}
            edit = self.hours[day]
            hours = edit.text().strip()
            if where in WORKING and hours:
                entry["hours"] = hours
            result[day] = entry
        return result

    def shown_schedule(self) -> dict[str, Any]:
        """The schedule as shown now (bad hours count as none), for the totals."""
        return {
            day: {
                "where": self.where[day].currentData(),
                "hours": "" if self.hours[day].problem() else self.hours[day].text(),
            }
            for day in self.where
            if self.where[day].currentData()
        }

    @Slot()
    def _on_where(self, day: str) -> None:
        self.hours[day].setEnabled(self.where[day].currentData() in WORKING)
        self._changed()

    @Slot()
    def _on_hours(self, day: str) -> None:
        if self._loading:
            return
        self._saved_hours[day] = self.hours[day].text().strip()
        self._changed()

    def _changed(self) -> None:
        self._refresh()
        if self._loading:
            return
        schedule = self.schedule()
        if schedule != self._last:
            self._last = schedule
            self.schedule_changed.emit(schedule)

    def _refresh(self) -> None:
        shown = self.shown_schedule()
        for day, label in self.day_totals.items():
            entry = shown.get(day)
            hours = range_hours(entry["hours"]) if entry and entry["where"] in WORKING else 0
            label.setText(format_hours(hours) if hours else "")
        totals = weekly_hours(shown)
        places = " · ".join(f"{vocab.WHERE[p]} {format_hours(totals[p])}" for p in WORKING)
        self.summary.setText(f"<b>{format_hours(totals['total'])} a week</b> — {places}")
        problems = [
            f"⚠ {vocab.WEEKDAYS[d]}: “{e.text()}” — {e.problem()}."
            for d, e in self.hours.items()
            if e.problem()
        ]
        self.problems.setText(
            "\n".join(problems)
            + (
                "\nSaved as you typed it; marked here until it is a valid time "
                "range, and left out of the weekly totals."
                if problems
                else ""
            )
        )
        self.problems.setVisible(bool(problems))
