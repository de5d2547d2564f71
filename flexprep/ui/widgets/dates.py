"""A date (or date and time) picker that can also be empty, and date formatting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDateTimeEdit, QHBoxLayout, QWidget

from flexprep.ui.widgets.common import name

DATE_FORMAT = "ddd d MMM yyyy"
DATETIME_FORMAT = "ddd d MMM yyyy  HH:mm"
#: Shown in the picker while no date is set (it then sits on its minimum date).
_EMPTY_DATE = QDate(2000, 1, 1)


def long_date(day: date) -> str:
    """``Mon 11 Jan 2027`` (locale-independent, like the pickers)."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def short_date(day: date) -> str:
    """``Mon 11 Jan``."""
    return f"{day:%a} {day.day} {day:%b}"


class OptionalDateEdit(QWidget):
    """A tick box that says whether a date is set, beside a calendar picker.

    Unticked, the picker is disabled and reads ``empty_text``; ticking it sets the
    date ``default()`` returns (today unless told otherwise). ``value_changed`` carries
    a ``date`` (or ``datetime`` with ``with_time``) or None, only for the user's edits.
    """

    value_changed = Signal(object)

    def __init__(
        self,
        object_name: str,
        accessible: str,
        parent: QWidget | None = None,
        *,
        with_time: bool = False,
        empty_text: str = "Not set",
        default: Callable[[], date | datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.with_time = with_time
        self._loading = False
        self._default = default
        self.setObjectName(f"{object_name}_field")
        self.check = QCheckBox()
        name(self.check, f"{object_name}_set", f"{accessible}: set")
        self.check.setToolTip("Tick to set a date; untick to clear it")
        self.edit = QDateTimeEdit() if with_time else QDateEdit()
        name(self.edit, object_name, accessible)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(DATETIME_FORMAT if with_time else DATE_FORMAT)
        self.edit.setMinimumDate(_EMPTY_DATE)
        self.edit.setMaximumDate(QDate(2199, 12, 31))
        self._empty_text = empty_text
        self.edit.setMinimumWidth(
            self.edit.fontMetrics().horizontalAdvance(
                "Wed 30 Sep 2099  00:00" if with_time else "Wed 30 Sep 2099"
            )
            + 48
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.check.toggled.connect(self._on_toggled)
        self.edit.dateTimeChanged.connect(self._on_edited)
        self.set_value(None)

    # -- value -------------------------------------------------------------------------

    def value(self) -> date | datetime | None:
        if not self.check.isChecked():
            return None
        moment = self.edit.dateTime()
        day = moment.date()
        picked = date(day.year(), day.month(), day.day())
        if not self.with_time:
            return picked
        clock = moment.time()
        return datetime.combine(picked, time(clock.hour(), clock.minute()))

    def set_value(self, value: date | datetime | None) -> None:
        """Show ``value`` (None: not set) without emitting ``value_changed``."""
        self._loading = True
        try:
            self.check.setChecked(value is not None)
            self._set_empty(value is None)
            if value is not None:
                self._show(value)
        finally:
            self._loading = False

    def _set_empty(self, empty: bool) -> None:
        # The special text shows only at the minimum date, and only while unset.
        self.edit.setEnabled(not empty)
        self.edit.setSpecialValueText(self._empty_text if empty else "")
        if empty:
            self.edit.setDateTime(QDateTime(_EMPTY_DATE, QTime(0, 0)))

    def _show(self, value: date | datetime) -> None:
        clock = value.time() if isinstance(value, datetime) else time(9, 0)
        self.edit.setDateTime(
            QDateTime(QDate(value.year, value.month, value.day), QTime(clock.hour, clock.minute))
        )

    # -- user edits --------------------------------------------------------------------

    @Slot(bool)
    def _on_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        self._loading = True
        try:
            self._set_empty(not checked)
            if checked:
                default = self._default() if self._default is not None else None
                if default is None:
                    default = (
                        datetime.now().replace(minute=0, second=0, microsecond=0)
                        if self.with_time
                        else date.today()
                    )
                self._show(default)
        finally:
            self._loading = False
        self.value_changed.emit(self.value())

    @Slot()
    def _on_edited(self, *_args: object) -> None:
        if self._loading or not self.check.isChecked():
            return
        self.value_changed.emit(self.value())

    def take_focus(self) -> None:
        """Focus the picker when a date is set, else the tick box."""
        target = self.edit if self.check.isChecked() else self.check
        target.setFocus(Qt.FocusReason.OtherFocusReason)
