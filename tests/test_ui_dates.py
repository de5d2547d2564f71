"""The one date field: typed in one go, in the locale's short format or ISO, or empty."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from flexprep.ui.widgets.date_text import parse_date, parse_datetime
from flexprep.ui.widgets.dates import OptionalDateEdit


@pytest.fixture
def british() -> Iterator[None]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def american() -> Iterator[None]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(QLocale.c())


_pages: list[QWidget] = []


def _form(qtbot, field: OptionalDateEdit) -> QLineEdit:  # type: ignore[no-untyped-def]
    """Show ``field`` with a field after it (returned); the page lives till the test ends."""
    page = QWidget()
    _pages[:] = [page]
    qtbot.addWidget(page)
    after = QLineEdit()
    after.setObjectName("after")
    layout = QVBoxLayout(page)
    layout.addWidget(field)
    layout.addWidget(after)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return after


def test_parsing_reads_short_iso_and_shown_forms(british) -> None:  # type: ignore[no-untyped-def]
    assert parse_date("25/01/2027") == date(2027, 1, 25)
    assert parse_date("5.1.27") == date(2027, 1, 5)
    assert parse_date("2027-01-25") == date(2027, 1, 25)
    assert parse_date("Mon 25 Jan 2027") == date(2027, 1, 25)
    assert parse_date("25 January 2027") == date(2027, 1, 25)
    for bad in ("", "2112026", "31/02/2027", "25/13/2027", "tomorrow", "25/01/202"):
        assert parse_date(bad) is None, bad
    assert parse_datetime("3/12/2026 14:30", datetime.min.time()) == datetime(2026, 12, 3, 14, 30)
    assert parse_datetime("2026-12-03", datetime.min.time()) == datetime(2026, 12, 3)
    assert parse_datetime("3/12/2026 25:00", datetime.min.time()) is None


def test_the_locale_decides_the_order(american) -> None:  # type: ignore[no-untyped-def]
    assert parse_date("1/25/27") == date(2027, 1, 25)
    assert parse_date("1/25/2027") == date(2027, 1, 25)
    assert parse_date("25/01/2027") is None
    assert parse_datetime("1/25/2027 2:30 PM", datetime.min.time()) == datetime(2027, 1, 25, 14, 30)


def test_typing_digits_into_an_empty_date_gives_that_date(qtbot, british) -> None:  # type: ignore[no-untyped-def]
    field = OptionalDateEdit("when", "When", empty_text="No date")
    after = _form(qtbot, field)
    seen: list[object] = []
    field.value_changed.connect(seen.append)
    assert field.text() == "No date" and field.edit.text() == ""
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, "21/1/2026")
    assert "No date" not in field.edit.text()
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after, "Tab leaves the date at once"
    assert field.value() == date(2026, 1, 21) and seen == [date(2026, 1, 21)]
    assert field.edit.text() == "Wed 21 Jan 2026" and field.check.isChecked()

    # ISO works as well, and Enter commits.
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "2027-03-08")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.value() == date(2027, 3, 8)

    # Text that names no date is kept, marked and not saved.
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "next Tuesday")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.value() == date(2027, 3, 8) and not field.is_valid()
    assert field.edit.text() == "next Tuesday"
    assert "Not a date" in field.edit.accessibleDescription()

    # Emptying the text is "no date".
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Delete)
    assert field.value() is None and not field.check.isChecked() and field.is_valid()
    assert seen[-1] is None


def test_up_from_no_date_is_today_and_the_box_clears(qtbot, british) -> None:  # type: ignore[no-untyped-def]
    field = OptionalDateEdit("when", "When", default=lambda: date(2027, 1, 11))
    _form(qtbot, field)
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_Up)
    assert field.value() == date(2027, 1, 11)
    qtbot.keyClick(field.edit, Qt.Key.Key_Up)
    assert field.value() == date(2027, 1, 12)
    qtbot.keyClick(field.edit, Qt.Key.Key_Down)
    qtbot.keyClick(field.edit, Qt.Key.Key_Down)
    assert field.value() == date(2027, 1, 10)
    field.check.setFocus()
    qtbot.keyClick(field.check, Qt.Key.Key_Space)
    assert field.value() is None and field.edit.text() == ""
    qtbot.keyClick(field.check, Qt.Key.Key_Space)
    assert field.value() == date(2027, 1, 11)


def test_a_date_and_time_keeps_its_time_when_only_the_day_is_typed(qtbot, british) -> None:  # type: ignore[no-untyped-def]
    field = OptionalDateEdit("at", "Meeting", with_time=True)
    _form(qtbot, field)
    field.set_value(datetime(2026, 12, 3, 10, 0))
    assert field.edit.text() == "Thu 3 Dec 2026  10:00"
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "4/12/2026")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.value() == datetime(2026, 12, 4, 10, 0)
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "2026-12-04 14:45")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.value() == datetime(2026, 12, 4, 14, 45)


def test_picking_from_the_calendar(qtbot, british) -> None:  # type: ignore[no-untyped-def]
    field = OptionalDateEdit("when", "When")
    _form(qtbot, field)
    field.set_value(date(2027, 1, 11))
    field.calendar.setSelectedDate(field.calendar.selectedDate().addDays(3))
    field.calendar.activated.emit(field.calendar.selectedDate())
    assert field.value() is not None
