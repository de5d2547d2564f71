"""The Self-assessment, Must-haves & nice-to-haves and Plan & trial tabs at 1366×768 and
1920×1080, light and dark: nothing cut off, and what a user sees after typing.

Screenshots go to ``$FLEXPREP_SHOTS`` (else the test's folder) for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea

from tests.shots import dark_palette, save_shot
from tests.uitools import open_window

TABS = ["assessment", "asks", "plan"]


def _show_tab(qtbot, window, key):  # type: ignore[no-untyped-def]
    tab = window.tab_pages[key]
    bar = window.tabs.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(tab)).center()
    )
    qtbot.waitUntil(tab.isVisible)
    qtbot.wait(100)  # the prompts built after the first paint, the chart drawn
    return tab


def _cut_off(tab) -> list[str]:  # type: ignore[no-untyped-def]
    """What in ``tab`` does not fit: buttons squeezed below their text, wrapped text
    taller than its label, a page wider than its scroll area."""
    problems = []
    area = tab.findChild(QScrollArea)
    if area.horizontalScrollBar().isVisible():
        problems.append("the page scrolls sideways")
    page = area.widget()  # the readiness panel beside it is the shell's, tested there
    for button in page.findChildren(QAbstractButton):
        shown = button.isVisibleTo(page) and button.text()
        if shown and button.width() < button.fontMetrics().horizontalAdvance(button.text()):
            problems.append(f"{button.objectName() or button.text()!r} is squeezed")
    for label in page.findChildren(QLabel):
        wrapped = label.isVisibleTo(page) and label.text() and label.wordWrap()
        if wrapped and label.height() < label.heightForWidth(label.width()) - 1:
            problems.append(f"{label.text()[:40]!r} is cut off")
    return problems


@pytest.mark.parametrize("fresh", [False, True], ids=["sample", "new workbook"])
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["1366x768", "1920x1080"])
def test_nothing_is_cut_off_light_or_dark(
    qtbot, tmp_path: Path, size: tuple[int, int], fresh: bool
) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    if fresh:
        window.switch_to(window.service.create_workbook("Hybrid", "remote_hybrid").id)
    window.resize(*size)
    shots = tmp_path / "shots"
    label = f"{size[0]}x{size[1]}-{'new' if fresh else 'sample'}"
    for key in TABS:
        tab = _show_tab(qtbot, window, key)
        assert _cut_off(tab) == [], key
        assert save_shot(window, f"H10-{key}-{label}-light", shots).stat().st_size > 0
        with dark_palette():
            assert _cut_off(tab) == [], key
            assert save_shot(window, f"H10-{key}-{label}-dark", shots).stat().st_size > 0


def test_the_draft_note_goes_with_its_button(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    window.switch_to(window.service.create_workbook("Hybrid", "remote_hybrid").id)
    window.resize(1366, 768)
    tab = _show_tab(qtbot, window, "assessment")
    button = tab.scenario_prompts.draft_buttons["goals"]
    note = next(
        label
        for label in button.parentWidget().findChildren(QLabel)
        if label.text().startswith("A starting point only")
    )
    assert button.isVisible() and note.isVisible()
    # Beside the button, on one line: not squeezed into a narrow column.
    assert note.height() < 2 * note.fontMetrics().lineSpacing()
    editor = tab.editors["goals"]
    qtbot.keyClicks(editor, "Finish the course")
    assert not button.isVisible()
    assert not note.isVisible()


def test_a_long_line_shows_its_start(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    window.resize(1366, 768)
    tab = _show_tab(qtbot, window, "plan")
    deliverables = [line for row in tab.deliverables.rows for line in (row.text, row.standard)]
    lines = [*tab.alternative_editor.details.values(), tab.working.time_zone, *deliverables]
    long_ones = [
        line
        for line in lines
        if line.fontMetrics().horizontalAdvance(line.text()) > line.width() and line.text()
    ]
    assert long_ones, "the sample has lines longer than their box"
    for line in long_ones:
        assert line.cursorPosition() == 0, line.objectName()
        assert line.cursorRect().left() < line.width() // 4
