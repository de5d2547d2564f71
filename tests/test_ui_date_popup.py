"""A date field's calendar pop-up and warning sign, made only when first wanted (the
window's first paint does not wait for them), used from the keyboard."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QCalendarWidget, QVBoxLayout, QWidget

from flexprep.ui.widgets.dates import OptionalDateEdit


def test_alt_down_opens_the_calendar_on_the_date_and_picks(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = QWidget()
    field = OptionalDateEdit("when", "When")
    QVBoxLayout(form).addWidget(field)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    field.set_value(date(2027, 1, 11))
    assert form.findChild(QCalendarWidget) is None  # not built before it is wanted
    seen: list[QDate] = []

    def in_the_popup() -> None:
        popup = QApplication.activePopupWidget()
        calendar = form.findChild(QCalendarWidget, "when_calendar")
        assert popup is not None and calendar is not None and calendar.isVisible()
        seen.append(calendar.selectedDate())
        qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Right)
        qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)

    QTimer.singleShot(200, in_the_popup)
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [QDate(2027, 1, 11)]  # opened on the field's own date
    qtbot.waitUntil(lambda: field.value() == date(2027, 1, 12))
    assert QApplication.activePopupWidget() is None


def test_text_that_is_no_date_shows_the_warning_sign(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = QWidget()
    field = OptionalDateEdit("when", "When")
    QVBoxLayout(form).addWidget(field)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    [sign] = field.edit.actions()
    assert not sign.isVisible()  # nothing to flag: no icon loaded yet either
    qtbot.keyClicks(field.edit, "next Blursday")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert sign.isVisible() and not sign.icon().isNull()
    assert field.edit.text() == "next Blursday"  # kept as typed
    assert field.value() is None
