"""The current working pattern beside the proposed one (Plan tab), driven as a user would."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from flexprep.core.models import Plan
from flexprep.reports.privacy import manager_view
from flexprep.ui.plan.tab import PlanTab
from tests.uitools import choose, open_on_new_workbook, reopen, saved_part, show_tab

NINE_TO_HALF_FIVE = "09:00-17:30"


def _plan_tab(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    window = open_on_new_workbook(qtbot, tmp_path / "db.sqlite3")
    return window, _show(window)


def _show(window) -> PlanTab:  # type: ignore[no-untyped-def]
    return show_tab(window, "plan", PlanTab)


def _summary(grid) -> str:  # type: ignore[no-untyped-def]
    """The hours per week as the user reads them (without the markup)."""
    return re.sub(r"<[^>]+>", "", grid.summary.text().replace("<br>", "\n"))


def test_the_current_week_is_typed_saved_and_back_after_a_restart(qtbot, tmp_path: Path) -> None:
    window, tab = _plan_tab(qtbot, tmp_path)
    grid = tab.schedule
    now = grid.current
    assert not grid.copy_button.isEnabled()  # nothing to copy yet
    for day in ("mon", "tue", "wed", "thu", "fri"):
        choose(qtbot, now.where[day], "Office")
        qtbot.keyClick(now.where[day], Qt.Key.Key_Tab)  # Tab: from the place to its hours
        assert QApplication.focusWidget() is now.hours[day]
        qtbot.keyClicks(now.hours[day], NINE_TO_HALF_FIVE)
    choose(qtbot, now.where["sat"], "Off")
    assert "Now: 42 h 30 a week — Office 42 h 30" in _summary(grid)
    assert "Proposed: 0 h a week" in _summary(grid)
    plan = saved_part(window, Plan)
    assert plan.current_schedule == {
        **{d: {"where": "office", "hours": NINE_TO_HALF_FIVE} for d in ("mon", "tue", "wed")},
        **{d: {"where": "office", "hours": NINE_TO_HALF_FIVE} for d in ("thu", "fri")},
        "sat": {"where": "off"},
    }
    assert plan.schedule == {}  # the proposed week is untouched

    # Down the "Now" column, then the copy button, then down the "Proposed" one.
    now.hours["sun"].setEnabled(True)
    now.hours["sun"].setFocus()
    qtbot.keyClick(now.hours["sun"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is grid.copy_button
    qtbot.keyClick(grid.copy_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is grid.where["mon"]
    now.hours["sun"].setEnabled(False)

    book = window.workbook_id
    window = reopen(qtbot, window)
    window.switch_to(book)
    grid = _show(window).schedule
    assert grid.current.where["mon"].currentText() == "Office"
    assert grid.current.hours["fri"].text() == NINE_TO_HALF_FIVE
    assert grid.current.where["sat"].currentText() == "Off"
    assert grid.where["mon"].currentText() == "Not set"
    assert "Now: 42 h 30 a week" in _summary(grid)


def test_the_proposed_week_starts_from_the_current_one_and_is_then_changed(
    qtbot, tmp_path: Path
) -> None:
    window, tab = _plan_tab(qtbot, tmp_path)
    grid = tab.schedule
    for day in ("mon", "tue"):
        choose(qtbot, grid.current.where[day], "Office")
        qtbot.keyClicks(grid.current.hours[day], "08:00-16:00")
    assert grid.copy_button.isEnabled()
    qtbot.mouseClick(grid.copy_button, Qt.MouseButton.LeftButton)
    assert grid.where["tue"].currentText() == "Office"
    assert grid.hours["tue"].text() == "08:00-16:00"
    assert not grid.copy_button.isEnabled()  # never copies over a proposed week
    choose(qtbot, grid.where["tue"], "Remote")
    plan = saved_part(window, Plan)
    assert plan.schedule == {
        "mon": {"where": "office", "hours": "08:00-16:00"},
        "tue": {"where": "remote", "hours": "08:00-16:00"},
    }
    assert plan.current_schedule["tue"] == {"where": "office", "hours": "08:00-16:00"}
    assert "Proposed: 16 h a week — Office 8 h · Remote 8 h" in _summary(grid)
    assert "Now: 16 h a week — Office 16 h" in _summary(grid)


def test_bad_current_hours_are_kept_and_marked(qtbot, tmp_path: Path) -> None:
    window, tab = _plan_tab(qtbot, tmp_path)
    grid = tab.schedule
    choose(qtbot, grid.current.where["wed"], "Flexible")
    qtbot.keyClicks(grid.current.hours["wed"], "9-5")
    assert grid.problems.isVisible()
    assert "Wednesday (now): “9-5”" in grid.problems.text()
    assert saved_part(window, Plan).current_schedule == {
        "wed": {"where": "flexible", "hours": "9-5"}
    }
    grid.current.hours["wed"].selectAll()
    qtbot.keyClicks(grid.current.hours["wed"], "09:00-17:00")
    assert not grid.problems.isVisible()


def test_the_current_week_reaches_the_manager_as_declared(qtbot, tmp_path: Path) -> None:
    window, tab = _plan_tab(qtbot, tmp_path)
    choose(qtbot, tab.schedule.current.where["mon"], "Office")
    qtbot.keyClicks(tab.schedule.current.hours["mon"], NINE_TO_HALF_FIVE)
    assert window.saver.flush()
    view = manager_view(window.service.export_data(window.workbook_id), "proposal")
    assert view["plan"]["current_schedule"] == {
        "mon": {"where": "office", "hours": NINE_TO_HALF_FIVE}
    }
