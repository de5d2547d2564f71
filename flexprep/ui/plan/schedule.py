"""The weekly schedule grid: where each day is worked now and in the plan, with hours.

Two weeks side by side: the current working pattern (``plan.current_schedule``) and
the proposed one (``plan.schedule``), both in the file-format shape.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
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


class WeekPattern:
    """One week's place and hours boxes, Monday to Sunday (the current or proposed one).

    ``schedule()`` is what to save, in the file-format shape: the days with a place, with
    their hours as typed. Hours that are not a valid range are saved too (the field is
    text), so nothing typed is lost; they stay marked as needing a fix where shown.
    """

    def __init__(self, prefix: str, suffix: str) -> None:
        self.where: dict[str, QComboBox] = {}
        self.hours: dict[str, HoursEdit] = {}
        for day, label in vocab.WEEKDAYS.items():
            combo = name(QComboBox(), f"{prefix}where_{day}", f"{label}{suffix}: where")
            combo.addItem("Not set", "")
            for key, text in vocab.WHERE.items():
                combo.addItem(text, key)
            hours = HoursEdit(f"{prefix}hours_{day}", f"{label}{suffix}: hours")
            hours.setMinimumWidth(hours.fontMetrics().horizontalAdvance("e.g. 08:00-16:30") + 34)
            hours.setMaximumWidth(170)
            self.where[day], self.hours[day] = combo, hours

    def widgets(self) -> list[QWidget]:
        """Place then hours, day by day: the tab order."""
        return [w for day in self.where for w in (self.where[day], self.hours[day])]

    def load(self, schedule: dict[str, Any], *, keep_typed: bool) -> None:
        """Show ``schedule``; with ``keep_typed``, hours still being fixed are kept."""
        for day, combo in self.where.items():
            entry = schedule.get(day) or {}
            combo.setCurrentIndex(max(0, combo.findData(entry.get("where", ""))))
            edit = self.hours[day]
            if not (keep_typed and edit.problem()):
                edit.setText(entry.get("hours", ""))
            edit.setEnabled(combo.currentData() in WORKING)

    def schedule(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for day, combo in self.where.items():
            where = combo.currentData()
            if not where:
                continue
            entry: dict[str, str] = {"where": where}
            hours = self.hours[day].text().strip()
            if where in WORKING and hours:
                entry["hours"] = hours
            result[day] = entry
        return result

    def shown(self) -> dict[str, Any]:
        """The week as shown now (bad hours count as none), for the totals."""
        return {
            day: {
                "where": combo.currentData(),
                "hours": "" if self.hours[day].problem() else self.hours[day].text(),
            }
            for day, combo in self.where.items()
            if combo.currentData()
        }

    def problems(self, which: str) -> list[str]:
        return [
            f"⚠ {vocab.WEEKDAYS[d]}{which}: “{e.text()}” — {e.problem()}."
            for d, e in self.hours.items()
            if e.problem()
        ]


def week_summary(shown: dict[str, Any]) -> tuple[str, str]:
    """(``37 h 30 a week``, ``Office 22 h 30 · Remote 15 h · Flexible 0 h``)."""
    totals = weekly_hours(shown)
    places = " · ".join(f"{vocab.WHERE[p]} {format_hours(totals[p])}" for p in WORKING)
    return f"{format_hours(totals['total'])} a week", places


class ScheduleEditor(QWidget):
    """Monday to Sunday, now and proposed: a place (or not set) and hours per day.

    ``schedule_changed`` carries the proposed schedule to save and ``current_changed``
    the current one, both in the file-format shape. ``where``, ``hours`` and
    ``day_totals`` are the proposed week's; ``current`` holds the current week's boxes.
    While the proposed week is empty, "Copy to the proposed week" starts it from the
    current one (so nothing typed is ever overwritten).
    """

    schedule_changed = Signal(dict)
    current_changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("schedule_editor")
        self._loading = False
        self._last: dict[str, Any] = {}
        self._last_current: dict[str, Any] = {}
        self.current = WeekPattern("current_", " now")
        self.proposed = WeekPattern("", "")
        self.where, self.hours = self.proposed.where, self.proposed.hours
        self.day_totals: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        for column, title in ((1, "Now"), (3, "Proposed")):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column, 1, 2)
        for column, title in enumerate(("Day", "Where", "Hours", "Where", "Hours", "")):
            grid.addWidget(muted_label(title), 1, column)
        for row, (day, label) in enumerate(vocab.WEEKDAYS.items(), 2):
            day_label = QLabel(label)
            day_label.setBuddy(self.current.where[day])
            total = QLabel()
            total.setObjectName(f"day_total_{day}")
            total.setMinimumWidth(44)
            total.setToolTip("Proposed hours this day")
            for pattern in (self.current, self.proposed):
                pattern.where[day].activated.connect(
                    lambda _=0, d=day, p=pattern: self._on_where(p, d)
                )
                pattern.hours[day].textChanged.connect(lambda _="", p=pattern: self._on_hours(p))
            grid.addWidget(day_label, row, 0)
            grid.addWidget(self.current.where[day], row, 1)
            grid.addWidget(self.current.hours[day], row, 2)
            grid.addWidget(self.proposed.where[day], row, 3)
            grid.addWidget(self.proposed.hours[day], row, 4)
            grid.addWidget(total, row, 5)
            self.day_totals[day] = total
        grid.setColumnStretch(6, 1)
        self.copy_button = name(
            QPushButton("Cop&y to the proposed week"),
            "copy_current_schedule",
            "Copy the current pattern to the proposed one",
        )
        self.copy_button.setToolTip(
            "Start the proposed week from the pattern you work now (while it is still empty)"
        )
        self.copy_button.clicked.connect(self.copy_current)
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
                "that week. Your manager sees both weeks, side by side."
            )
        )
        copy_row = QHBoxLayout()
        copy_row.setContentsMargins(0, 0, 0, 0)
        copy_row.addWidget(self.copy_button)
        copy_row.addStretch(1)
        layout.addLayout(copy_row)
        self.problems.hide()
        chain = [*self.current.widgets(), self.copy_button, *self.proposed.widgets()]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._refresh()

    def first_field(self) -> QWidget:
        return self.where["mon"]

    def first_unset(self) -> QComboBox:
        """The first day without a proposed place (Monday when all are set)."""
        return next((c for c in self.where.values() if not c.currentData()), self.where["mon"])

    # -- loading ---------------------------------------------------------------------

    def set_schedule(self, schedule: dict[str, Any], *, keep_typed: bool = False) -> None:
        """Show the proposed ``schedule``; with ``keep_typed``, hours being fixed are kept."""
        self._load(self.proposed, schedule, keep_typed)
        self._last = self.schedule()

    def set_current(self, schedule: dict[str, Any], *, keep_typed: bool = False) -> None:
        """Show the current working pattern (``plan.current_schedule``)."""
        self._load(self.current, schedule, keep_typed)
        self._last_current = self.current_schedule()

    def _load(self, pattern: WeekPattern, schedule: dict[str, Any], keep_typed: bool) -> None:
        self._loading = True
        try:
            pattern.load(schedule, keep_typed=keep_typed)
        finally:
            self._loading = False
        self._refresh()

    # -- the schedules ---------------------------------------------------------------

    def schedule(self) -> dict[str, Any]:
        """The proposed week to save (see :class:`WeekPattern`)."""
        return self.proposed.schedule()

    def current_schedule(self) -> dict[str, Any]:
        """The current week to save."""
        return self.current.schedule()

    def shown_schedule(self) -> dict[str, Any]:
        """The proposed week as shown now (bad hours count as none), for the totals."""
        return self.proposed.shown()

    @Slot()
    def copy_current(self) -> None:
        """Start the empty proposed week from the current one (then change what differs)."""
        if self.proposed.schedule():
            return  # never overwrites a proposed week
        self._loading = True
        try:
            for day, combo in self.current.where.items():
                target = self.proposed.where[day]
                target.setCurrentIndex(combo.currentIndex())
                self.proposed.hours[day].setText(self.current.hours[day].text())
                self.proposed.hours[day].setEnabled(target.currentData() in WORKING)
        finally:
            self._loading = False
        self._changed()
        self.proposed.where["mon"].setFocus()

    def _on_where(self, pattern: WeekPattern, day: str) -> None:
        pattern.hours[day].setEnabled(pattern.where[day].currentData() in WORKING)
        self._changed()

    def _on_hours(self, _pattern: WeekPattern) -> None:
        if not self._loading:
            self._changed()

    def _changed(self) -> None:
        self._refresh()
        if self._loading:
            return
        current = self.current_schedule()
        if current != self._last_current:
            self._last_current = current
            self.current_changed.emit(current)
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
        now = self.current.shown()
        total, places = week_summary(shown)
        lines = [f"<b>Proposed: {total}</b> — {places}"]
        if now:
            total, places = week_summary(now)
            lines.append(f"Now: {total} — {places}")
        self.summary.setText("<br>".join(lines))
        self.copy_button.setEnabled(bool(now) and not shown and not self.proposed.schedule())
        problems = self.current.problems(" (now)") + self.proposed.problems("")
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
