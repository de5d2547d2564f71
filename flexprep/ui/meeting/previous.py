"""Earlier requests: not answered, "none" said explicitly, or a list of dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from flexprep.ui.widgets.common import name
from flexprep.ui.widgets.dates import OptionalDateEdit, long_date
from flexprep.ui.widgets.list_editor import install_keys

NOT_ANSWERED, NONE, SOME = "unanswered", "none", "some"
CHOICES = {
    NOT_ANSWERED: "Not answered yet",
    NONE: "No, I have made no earlier request",
    SOME: "Yes, on these dates",
}


class PreviousRequests(QWidget):
    """Edits ``request.previous_requests``: None (not answered), ``[]`` (none) or dates.

    ``changed`` carries the value to save. "Yes" with no date yet saves None: the
    question is answered only once a date is given.
    """

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previous_requests_field")
        self._loading = False
        self.choice = name(QComboBox(), "previous_choice", "Earlier requests")
        for key, text in CHOICES.items():
            self.choice.addItem(text, key)
        self.date = OptionalDateEdit(
            "previous_date", "Date of an earlier request", empty_text="Type or pick a date"
        )
        self.date.check.hide()  # a date to add, not a date that may be unset
        self.add_button = name(
            QPushButton("Add date"), "previous_add", "Add the date of an earlier request"
        )
        self.remove_button = name(
            QPushButton("Remove"), "previous_remove", "Remove the selected date"
        )
        self.dates = name(QListWidget(), "previous_dates", "Dates of earlier requests")
        self.dates.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        install_keys(self.dates, [("Remove", Qt.Key.Key_Delete, self.remove_current)])
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.dates_box = QWidget()
        box = QVBoxLayout(self.dates_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.dates)
        box.addLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.choice)
        layout.addWidget(self.dates_box)
        self.choice.activated.connect(self._on_choice)
        self.add_button.clicked.connect(self.add_date)
        self.remove_button.clicked.connect(self.remove_current)
        self.dates.currentRowChanged.connect(lambda _row: self._update())
        self.set_value(None)

    # -- value -------------------------------------------------------------------------

    def days(self) -> list[date]:
        return [
            self.dates.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.dates.count())
        ]

    def value(self) -> list[str] | None:
        key = self.choice.currentData()
        if key == NONE:
            return []
        days = self.days()
        return [day.isoformat() for day in days] if key == SOME and days else None

    def set_value(self, value: list[str] | None) -> None:
        """Show ``value`` without emitting ``changed``."""
        self._loading = True
        try:
            days = sorted({date.fromisoformat(text[:10]) for text in value or []})
            key = NOT_ANSWERED if value is None else SOME if days else NONE
            self.choice.setCurrentIndex(self.choice.findData(key))
            self._fill(days)
        finally:
            self._loading = False

    def _fill(self, days: list[date]) -> None:
        self.dates.clear()
        for day in days:
            item = QListWidgetItem(long_date(day))
            item.setData(Qt.ItemDataRole.UserRole, day)
            self.dates.addItem(item)
        rows = max(1, min(len(days), 5))
        self.dates.setFixedHeight(rows * (self.dates.fontMetrics().lineSpacing() + 6) + 6)
        self._update()

    def _update(self) -> None:
        some = self.choice.currentData() == SOME
        self.dates_box.setVisible(some)
        self.remove_button.setEnabled(self.dates.currentRow() >= 0)

    # -- user edits --------------------------------------------------------------------

    @Slot()
    def _on_choice(self, *_args: object) -> None:
        self._update()
        if self.choice.currentData() == SOME and not self.dates.count():
            self.date.take_focus()
        self.changed.emit(self.value())

    @Slot()
    def add_date(self) -> None:
        """Add the date typed or picked beside the button (nothing when there is none)."""
        day = self.date.value()
        if not isinstance(day, date):
            self.date.take_focus()
            return
        days = sorted(set(self.days()) | {day})
        self.date.set_value(None)
        self._fill(days)
        self.dates.setCurrentRow(days.index(day))
        self._update()
        self.changed.emit(self.value())

    @Slot()
    def remove_current(self) -> None:
        row = self.dates.currentRow()
        if row < 0:
            return
        days = self.days()
        del days[row]
        self._fill(days)
        self.changed.emit(self.value())

    def focus_widgets(self) -> list[QWidget]:
        return [self.choice, self.dates, self.date.edit, self.add_button, self.remove_button]
