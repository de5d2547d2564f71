"""The Plan & trial tab, driven as a user would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from flexprep.core.models import Plan
from flexprep.ui.plan.tab import PlanTab
from tests.uitools import choose, open_on_new_workbook, open_window, reopen, saved_part, show_tab


def _fresh_plan(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A window on a new, empty remote-hybrid workbook, showing the Plan tab."""
    window = open_on_new_workbook(qtbot, tmp_path / "db.sqlite3")
    return window, show_tab(window, "plan", PlanTab)


def test_schedule_shows_hours_per_week_as_you_type(qtbot, tmp_path: Path) -> None:
    window, tab = _fresh_plan(qtbot, tmp_path)
    grid = tab.schedule
    assert not grid.hours["mon"].isEnabled()  # no place chosen yet
    choose(qtbot, grid.where["mon"], "Office")
    qtbot.keyClicks(grid.hours["mon"], "08:00-16:30")
    assert grid.day_totals["mon"].text() == "8 h 30"
    assert "8 h 30 a week" in grid.summary.text()
    choose(qtbot, grid.where["tue"], "Remote")
    qtbot.keyClicks(grid.hours["tue"], "09:00-17:00")
    choose(qtbot, grid.where["sat"], "Off")
    summary = grid.summary.text()
    assert "16 h 30 a week" in summary
    assert "Office 8 h 30" in summary and "Remote 8 h" in summary
    assert saved_part(window, Plan).schedule == {
        "mon": {"where": "office", "hours": "08:00-16:30"},
        "tue": {"where": "remote", "hours": "09:00-17:00"},
        "sat": {"where": "off"},
    }
    # Tabbing from a day's place reaches its hours; a day not set has none to fill.
    grid.where["tue"].setFocus()
    qtbot.keyClick(grid.where["tue"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is grid.hours["tue"]
    qtbot.keyClick(grid.hours["tue"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is grid.where["wed"]
    qtbot.keyClick(grid.where["wed"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is grid.where["thu"]

    window = reopen(qtbot, window)
    tab = window.tab_pages["plan"]
    assert window.tabs.currentWidget() is tab
    assert tab.schedule.hours["tue"].text() == "09:00-17:00"
    assert tab.schedule.where["sat"].currentText() == "Off"
    assert "16 h 30 a week" in tab.schedule.summary.text()


def test_bad_hours_are_flagged_saved_as_typed_and_still_flagged_after_a_restart(
    qtbot, tmp_path: Path
) -> None:
    window, tab = _fresh_plan(qtbot, tmp_path)
    grid = tab.schedule
    choose(qtbot, grid.where["wed"], "Flexible")
    qtbot.keyClicks(grid.hours["wed"], "10:00-14:00")
    assert saved_part(window, Plan).schedule["wed"] == {"where": "flexible", "hours": "10:00-14:00"}
    grid.hours["wed"].selectAll()
    qtbot.keyClicks(grid.hours["wed"], "9-5")
    assert grid.problems.isVisible()
    assert "Wednesday: “9-5”" in grid.problems.text()
    assert "saved as you typed it" in grid.problems.text().lower()
    assert "0 h a week" in grid.summary.text()  # left out of the totals
    # Nothing typed is lost: what the user typed is what is stored.
    assert saved_part(window, Plan).schedule["wed"] == {"where": "flexible", "hours": "9-5"}
    tab.core_hours.setFocus()
    qtbot.keyClicks(tab.core_hours, "10-3")
    assert tab.core_problem.isVisible() and "“10-3”" in tab.core_problem.text()
    assert saved_part(window, Plan).core_hours == "10-3"

    # After a restart both are still there, still marked as needing a fix.
    book = window.workbook_id
    window = reopen(qtbot, window)
    window.switch_to(book)
    tab = window.tab_pages["plan"]
    window.tabs.setCurrentWidget(tab)
    grid = tab.schedule
    assert grid.hours["wed"].text() == "9-5"
    assert grid.problems.isVisible() and "Wednesday: “9-5”" in grid.problems.text()
    assert tab.core_hours.text() == "10-3" and tab.core_problem.isVisible()

    grid.hours["wed"].selectAll()
    qtbot.keyClicks(grid.hours["wed"], "09:00-17:00")
    assert not grid.problems.isVisible()
    assert saved_part(window, Plan).schedule["wed"] == {"where": "flexible", "hours": "09:00-17:00"}
    tab.core_hours.selectAll()
    qtbot.keyClicks(tab.core_hours, "10:00-15:00")
    assert not tab.core_problem.isVisible()
    assert saved_part(window, Plan).core_hours == "10:00-15:00"


def test_trial_end_and_checkin_dates(qtbot, tmp_path: Path) -> None:
    window, tab = _fresh_plan(qtbot, tmp_path)
    trial = tab.trial
    assert "Set the length and the start" in trial.end.text()
    assert trial.start.edit.text() == "" and not trial.start.check.isChecked()
    trial.weeks.setFocus(Qt.FocusReason.TabFocusReason)  # which selects "Not set"
    qtbot.keyClicks(trial.weeks, "8")
    assert trial.weeks.value() == 8
    qtbot.keyClick(trial.start.check, Qt.Key.Key_Space)
    assert trial.start.value() is not None and trial.start.value().weekday() == 0
    trial.start.edit.setFocus()
    trial.start.edit.selectAll()
    qtbot.keyClicks(trial.start.edit, "2027-01-10")  # typed in one go
    qtbot.keyClick(trial.start.edit, Qt.Key.Key_Up)  # a day later: Monday 11 January
    assert trial.start.value() == date(2027, 1, 11)
    assert "Sun 7 Mar 2027" in trial.end.text()
    choose(qtbot, trial.cadence, "Every two weeks")
    assert trial.checkins.text() == ("3 check-ins: Mon 25 Jan, Mon 8 Feb, Mon 22 Feb")
    qtbot.mouseClick(trial.review_after, Qt.MouseButton.LeftButton)
    assert trial.review.value() == date(2027, 3, 8)
    plan = saved_part(window, Plan)
    assert (plan.trial_weeks, plan.trial_start, plan.checkin, plan.review_date) == (
        8,
        date(2027, 1, 11),
        "biweekly",
        date(2027, 3, 8),
    )

    window = reopen(qtbot, window)
    trial = window.tab_pages["plan"].trial
    assert trial.weeks.value() == 8
    assert "Sun 7 Mar 2027" in trial.end.text()
    assert trial.checkins.text().startswith("3 check-ins")
    # Unticking clears the date, and the end with it.
    qtbot.mouseClick(
        trial.start.check, Qt.MouseButton.LeftButton, pos=QPoint(8, trial.start.check.height() // 2)
    )
    assert trial.start.value() is None
    assert trial.start.text() == "Not set"
    assert "Set the length and the start" in trial.end.text()
    assert saved_part(window, Plan).trial_start is None


def test_alternatives_and_text_fields_are_saved(qtbot, tmp_path: Path) -> None:
    window, tab = _fresh_plan(qtbot, tmp_path)
    box = tab.alternatives["job_share"]
    tab.scroll_area.ensureWidgetVisible(box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(10, box.height() // 2))
    tab.alternatives["async"].setFocus()
    qtbot.keyClick(tab.alternatives["async"], Qt.Key.Key_Space)
    qtbot.keyClicks(tab.coverage, "Sam covers Fridays")
    qtbot.keyClicks(tab.escalation, "Call Sam, then Dana")
    plan = saved_part(window, Plan)
    assert plan.alternatives == ["job_share", "async"]
    assert (plan.coverage, plan.escalation) == ("Sam covers Fridays", "Call Sam, then Dana")


def test_readiness_links_land_on_the_plan_fields(qtbot, tmp_path: Path) -> None:
    window, tab = _fresh_plan(qtbot, tmp_path)
    expected = {
        "schedule": tab.schedule.where["mon"],
        "trial": tab.trial.weeks,
        "measures": tab.measures.view,
        "review": tab.trial.review.check,
        "coverage": tab.coverage,
        "communication": tab.communication,
        "escalation": tab.escalation,
    }
    window.tabs.setCurrentIndex(0)
    for anchor, widget in expected.items():
        window.signals.navigate.emit("plan", anchor)
        assert window.tabs.currentWidget() is tab
        qtbot.waitUntil(lambda w=widget: QApplication.focusWidget() is w, timeout=1000)


def _tab_walk(qtbot, first, stop):  # type: ignore[no-untyped-def]
    """Object names met pressing Tab from ``first`` until ``stop`` (repeats folded)."""
    first.setFocus()
    names: list[str] = []
    for _ in range(120):
        widget = QApplication.focusWidget()
        if not names or names[-1] != widget.objectName():
            names.append(widget.objectName())
        if widget is stop:
            return names
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {stop.objectName()}: {names}")


def test_tab_order_reads_down_each_column(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = window.tab_pages["plan"]
    window.tabs.setCurrentWidget(tab)
    # Suggestions are shown on the next turn of the event loop.
    qtbot.waitUntil(lambda: tab.measures.suggestion_buttons[-1].isVisible(), timeout=1000)
    # The last field leads back to the top of the window: the tab bar.
    names = _tab_walk(qtbot, tab.schedule.where["fri"], window.tabs.tabBar())
    assert names == [
        "where_fri",
        "hours_fri",
        "where_sat",
        "where_sun",
        "trial_weeks",
        "trial_start_set",
        "trial_start",
        "checkin",
        "review_date_set",
        "review_date",
        "review_after_trial",
        "alternative_compressed_week",
        "alternative_compressed_week_detail",
        "alternative_job_share",
        "alternative_job_share_detail",
        "alternative_async",
        "alternative_async_detail",
        "alternative_phased_start",
        "alternative_phased_start_detail",
        "alternative_other",
        "alternative_other_detail",
        "measures_list",
        "measures_add",
        "measures_remove",
        "measures_down",
        "measures_suggestion_0",
        "measures_suggestion_1",
        "measures_suggestion_2",
        "measures_suggestion_3",
        # The sample's three deliverables, row by row (the move arrows are for the mouse).
        *[
            name.format(row)
            for row in (1, 2, 3)
            for name in (
                "deliverable_text_{}",
                "deliverable_due_{}_set",
                "deliverable_due_{}",
                "deliverable_standard_{}",
                "deliverable_remove_{}",
            )
        ],
        "deliverable_add",
        "coverage",
        "communication",
        "core_hours",
        "response_time",
        "time_zone",
        "async_guidelines",
        "escalation",
        "qt_tabwidget_tabbar",
    ]
