"""The Plan tab's working agreement, driven as a user would: deliverables, async rules,
time zone, and a line of detail for each alternative."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from flexprep.core.models import Plan
from flexprep.ui.plan.tab import PlanTab
from tests.shots import dark_palette, save_shot
from tests.uitools import open_on_new_workbook, reopen, saved_part, show_tab


def _fresh_plan(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    window = open_on_new_workbook(qtbot, tmp_path / "db.sqlite3", "Phased hybrid")
    return window, show_tab(window, "plan", PlanTab)


def test_deliverables_are_typed_saved_and_removed(qtbot, tmp_path: Path) -> None:
    window, tab = _fresh_plan(qtbot, tmp_path)
    editor = tab.deliverables
    assert editor.empty.isVisible()
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    row = editor.rows[0]
    assert QApplication.focusWidget() is row.text  # ready to type
    qtbot.keyClicks(row.text, "Monthly pricing pack")
    qtbot.keyClick(row.text, Qt.Key.Key_Tab)
    qtbot.keyClicks(row.due.edit, "2027-02-05")
    qtbot.keyClick(row.due.edit, Qt.Key.Key_Tab)  # the date is read on leaving the field
    qtbot.keyClicks(row.standard, "Signed off, no open queries")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.rows[1].text, "Margin model")
    assert not editor.empty.isVisible()
    assert saved_part(window, Plan).deliverables == [
        {
            "text": "Monthly pricing pack",
            "due": "2027-02-05",
            "standard": "Signed off, no open queries",
        },
        {"text": "Margin model", "due": None, "standard": ""},
    ]
    # Back after a restart, and a row can be removed.
    window = reopen(qtbot, window)
    tab = window.tab_pages["plan"]
    assert [row.text.text() for row in tab.deliverables.rows] == [
        "Monthly pricing pack",
        "Margin model",
    ]
    assert tab.deliverables.rows[0].due.value() == date(2027, 2, 5)
    qtbot.mouseClick(tab.deliverables.rows[0].remove, Qt.MouseButton.LeftButton)
    assert saved_part(window, Plan).deliverables == [
        {"text": "Margin model", "due": None, "standard": ""}
    ]


def test_time_zone_and_async_rules_sit_beside_core_hours(qtbot, tmp_path: Path) -> None:
    window, tab = _fresh_plan(qtbot, tmp_path)
    working = tab.working
    # The coaching names the tools that keep a flexible team in step.
    coaching = working.coaching.text()
    assert "shared calendar" in coaching and "written updates" in coaching
    assert "project board" in coaching
    assert (
        tab.findChild(type(working), "working_editor").parent() is tab.core_hours.parent().parent()
    )
    qtbot.keyClicks(working.time_zone, "UK time; overlap with Lisbon 09:00-15:00")
    qtbot.keyClicks(working.async_guidelines, "Blockers are a call; the rest waits for a reply")
    plan = saved_part(window, Plan)
    assert plan.time_zone == "UK time; overlap with Lisbon 09:00-15:00"
    assert plan.async_guidelines == "Blockers are a call; the rest waits for a reply"


def test_each_alternative_is_explained_and_takes_a_line_of_detail(qtbot, tmp_path: Path) -> None:
    window, tab = _fresh_plan(qtbot, tmp_path)
    alternatives = tab.alternative_editor
    for key, explanation in alternatives.explanations.items():
        assert explanation.text(), key
    assert "step up" in alternatives.explanations["phased_start"].text()
    box = tab.alternatives["phased_start"]
    tab.scroll_area.ensureWidgetVisible(box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(10, box.height() // 2))
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    line = alternatives.details["phased_start"]
    assert QApplication.focusWidget() is line  # each box is followed by its line
    qtbot.keyClicks(line, "One home day in January, two from February; office in month-end weeks")
    plan = saved_part(window, Plan)
    assert plan.alternatives == ["phased_start"]
    assert plan.alternative_details == {
        "phased_start": "One home day in January, two from February; office in month-end weeks"
    }
    # Unticking keeps the line for when it is ticked again.
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(10, box.height() // 2))
    plan = saved_part(window, Plan)
    assert plan.alternatives == [] and "phased_start" in plan.alternative_details


def test_screenshots_of_the_plan_tab(qtbot, tmp_path: Path) -> None:
    """Not an assertion on looks: the shots are for a person to look at."""
    window, tab = _fresh_plan(qtbot, tmp_path)
    window.resize(1366, 768)
    qtbot.mouseClick(tab.deliverables.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.deliverables.rows[0].text, "Monthly pricing pack")
    tab.scroll_area.ensureWidgetVisible(tab.deliverables)
    assert save_shot(window, "plan_light", tmp_path).stat().st_size > 0
    with dark_palette():
        tab.scroll_area.ensureWidgetVisible(tab.alternative_editor.details["phased_start"])
        assert save_shot(window, "plan_dark", tmp_path).stat().st_size > 0
