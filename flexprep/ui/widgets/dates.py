"""The one date (or date and time) field of the window, which may be empty; date formatting.

A date is typed as text in one go — the locale's short format (``25/01/2027``), ISO
(``2027-01-25``) or as the field shows it (``Mon 25 Jan 2027``) — or picked from a
calendar (the button, or Alt+Down). Empty text means "no date"; so does unticking
the box beside it. Up and Down move the date a day.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QFocusEvent, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from flexprep.ui.widgets import kept
from flexprep.ui.widgets.common import name
from flexprep.ui.widgets.date_text import example, parse_date, parse_datetime

DATE_FORMAT = "ddd d MMM yyyy"
DATETIME_FORMAT = "ddd d MMM yyyy  HH:mm"
#: The time a date-and-time field gets when only a date is typed or picked.
DEFAULT_TIME = time(9, 0)


def long_date(day: date) -> str:
    """``Mon 11 Jan 2027`` (locale-independent, like the documents)."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def short_date(day: date) -> str:
    """``Mon 11 Jan``."""
    return f"{day:%a} {day.day} {day:%b}"


def shown(value: date | datetime) -> str:
    """How a date field shows ``value``: ``Mon 11 Jan 2027`` (and ``  14:30``)."""
    if isinstance(value, datetime):
        return f"{long_date(value.date())}  {value:%H:%M}"
    return long_date(value)


def warning_icon() -> QIcon:
    """The style's warning sign, for a field whose text needs checking.

    Asked for when a field first needs it: ``QStyle``'s Python type alone takes several
    milliseconds to set up, which the window's first paint does not wait for.
    """
    from PySide6.QtWidgets import QApplication, QStyle

    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


class OptionalDateEdit(QWidget):
    """A date typed as text (or picked from a calendar) that may be empty.

    ``check`` says whether a date is set: ticking it fills in ``default()`` (today
    unless told otherwise), unticking it clears the date; typing a date ticks it and
    emptying the text unticks it. ``edit`` is the text entry; ``value_changed``
    carries a ``date`` (``datetime`` with ``with_time``) or None, for the user's edits
    only. Text that names no date stays as typed, marked, and changes nothing.
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
        self.empty_text = empty_text
        self._default = default
        self._value: date | datetime | None = None
        self._loading = False
        self.setObjectName(f"{object_name}_field")
        self.check = QCheckBox()
        name(self.check, f"{object_name}_set", f"{accessible}: set")
        self.check.setToolTip("Tick to set a date; untick to clear it")
        self.edit = name(QLineEdit(), object_name, accessible)
        self.edit.setPlaceholderText(empty_text)
        self.edit.setClearButtonEnabled(True)
        self.hint = f"Type a date like {example(with_time=with_time)}; Alt+Down opens a calendar"
        self.edit.setToolTip(self.hint)
        self.edit.setAccessibleDescription(self.hint)
        sample = "Wed 30 Sep 2099  00:00" if with_time else "Wed 30 Sep 2099"
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance(sample) + 48)
        self._warning = self.edit.addAction(QIcon(), QLineEdit.ActionPosition.TrailingPosition)
        self._warning.setVisible(False)
        self.pick = name(QToolButton(), f"{object_name}_pick", f"{accessible}: calendar")
        icon = QIcon.fromTheme("x-office-calendar")
        if icon.isNull():
            self.pick.setArrowType(Qt.ArrowType.DownArrow)
        else:
            self.pick.setIcon(icon)
        self.pick.setToolTip("Pick the date from a calendar (Alt+Down)")
        self.pick.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down opens it from the text
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._calendar: QCalendarWidget | None = None  # built when first opened
        self._menu = QMenu(self.pick)
        self.pick.setMenu(self._menu)
        self._menu.aboutToShow.connect(self._on_calendar_opening)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addWidget(self.pick)
        layout.addStretch(1)
        # Focus given to the field (a label's buddy) goes on to the text. Not a focus
        # proxy: that would splice the field into the Tab order a second time.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.check.toggled.connect(self._on_toggled)
        self.edit.editingFinished.connect(self._on_typed)
        self.edit.textEdited.connect(self._on_text_edited)
        self.edit.installEventFilter(self)
        self.set_value(None)

    @property
    def calendar(self) -> QCalendarWidget:
        """The pop-up's month view, built the first time it is wanted (the window's
        first paint does not wait for it)."""
        if self._calendar is None:
            calendar = self._calendar = QCalendarWidget()
            calendar.setObjectName(f"{self.edit.objectName()}_calendar")
            calendar.setGridVisible(False)
            holder = QWidgetAction(self._menu)
            holder.setDefaultWidget(calendar)
            self._menu.addAction(holder)
            calendar.clicked.connect(self._on_picked)
            calendar.activated.connect(self._on_picked)
        return self._calendar

    # -- value -------------------------------------------------------------------------

    def value(self) -> date | datetime | None:
        return self._value

    def text(self) -> str:
        """What the field shows: the date as text, or its empty text."""
        return self.edit.text() or self.empty_text

    def is_valid(self) -> bool:
        """False while the text names no date (it is then not saved)."""
        return not self._warning.isVisible()

    def set_value(self, value: date | datetime | None) -> None:
        """Show ``value`` (None: not set) without emitting ``value_changed``."""
        if value is not None and self.with_time and not isinstance(value, datetime):
            value = datetime.combine(value, DEFAULT_TIME)
        if value is not None and not self.with_time and isinstance(value, datetime):
            value = value.date()
        self._loading = True
        try:
            self._value = value
            self.check.setChecked(value is not None)
            self.edit.setText("" if value is None else shown(value))
            self._mark(valid=True)
            typed = kept.recall(self.edit)
            if typed is not None:  # not a date when last left: back as typed, marked
                self.edit.setText(typed)
                self._mark(valid=False)
        finally:
            self._loading = False

    @Slot()
    def clear(self) -> None:
        """Remove the date, as the user would."""
        self._commit(None)

    def take_focus(self) -> None:
        """Focus the text entry."""
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- user edits --------------------------------------------------------------------

    def _commit(self, value: date | datetime | None) -> None:
        kept.forget(self.edit)
        changed = value != self._value
        self.set_value(value)
        if changed:
            self.value_changed.emit(value)

    def _read(self, text: str) -> date | datetime | None:
        if self.with_time:
            keep = self._value.time() if isinstance(self._value, datetime) else DEFAULT_TIME
            return parse_datetime(text, keep)
        return parse_date(text)

    def _mark(self, *, valid: bool) -> None:
        if not valid and self._warning.icon().isNull():
            self._warning.setIcon(warning_icon())
        self._warning.setVisible(not valid)
        self._warning.setToolTip("" if valid else f"Not a date. {self.hint}")
        self.edit.setAccessibleDescription(self.hint if valid else f"Not a date. {self.hint}")

    @Slot(str)
    def _on_text_edited(self, text: str) -> None:
        if not text.strip():
            self._commit(None)  # emptied (the clear button too): no date
        elif self._warning.isVisible() and self._read(text) is not None:
            self._mark(valid=True)

    @Slot()
    def _on_typed(self) -> None:
        text = self.edit.text()
        if not text.strip():
            self._commit(None)
            return
        value = self._read(text)
        if value is None:
            self._mark(valid=False)
            kept.remember(self.edit, text)  # as typed, across restarts, until fixed
            return
        self._commit(value)

    @Slot(bool)
    def _on_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        self._commit(self._default_value() if checked else None)

    def _default_value(self) -> date | datetime:
        default = self._default() if self._default is not None else None
        if default is None:
            now = datetime.now().replace(minute=0, second=0, microsecond=0)
            default = now if self.with_time else date.today()
        if self.with_time and not isinstance(default, datetime):
            return datetime.combine(default, DEFAULT_TIME)
        return default

    @Slot()
    def _on_calendar_opening(self) -> None:
        current = self._value or self._default_value()
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    @Slot(QDate)
    def _on_picked(self, picked: QDate) -> None:
        self._menu.close()
        day = date(picked.year(), picked.month(), picked.day())
        if self.with_time:
            clock = self._value.time() if isinstance(self._value, datetime) else DEFAULT_TIME
            self._commit(datetime.combine(day, clock))
        else:
            self._commit(day)
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)

    def _step(self, days: int) -> None:
        if self._value is None:
            self._commit(self._default_value())
            return
        try:
            self._commit(self._value + timedelta(days=days))
        except OverflowError:
            return

    def _key(self, event: QKeyEvent) -> bool:
        """Alt+Down or F4: the calendar; Up and Down: a day later or earlier."""
        key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
        if (key == Qt.Key.Key_Down and alt) or key == Qt.Key.Key_F4:
            self.pick.showMenu()
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not alt:
            if self.edit.text().strip() and self._read(self.edit.text()) is None:
                return False
            self._on_typed()  # what was typed first, then a day either way
            self._step(1 if key == Qt.Key.Key_Up else -1)
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self._key(event)
        ):
            return True
        return super().eventFilter(watched, event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt naming)
        super().focusInEvent(event)
        self.edit.setFocus(event.reason())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        if not self._key(event):
            super().keyPressEvent(event)
