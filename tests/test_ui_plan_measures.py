"""Success measures: the reorderable list editor on the Plan tab, with suggestions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from flexprep.core import content
from flexprep.core.models import Plan
from flexprep.ui.widgets.list_editor import StringListEditor
from tests.uitools import open_window, reopen


def _type_new_entry(qtbot, editor: StringListEditor, text: str) -> None:  # type: ignore[no-untyped-def]
    """Insert on the list opens an empty entry; type ``text`` and press Enter."""
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Insert)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    qtbot.keyClicks(line, text)
    _commit(qtbot, editor, line)


def _commit(qtbot, editor: StringListEditor, line: QLineEdit) -> None:  # type: ignore[no-untyped-def]
    """Enter in the entry's editor; the view commits it on its next turn of the loop."""
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: editor.view.state() != QAbstractItemView.State.EditingState, timeout=1000
    )


def _select(editor: StringListEditor, row: int) -> None:
    editor.view.setCurrentIndex(editor.model.index(row))
    editor.view.setFocus()


def test_add_pick_and_reorder_success_measures(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    book = window.service.create_workbook("Flexible hours", "flexible_hours", drafts=False)
    window.switch_to(book.id)
    tab = window.tab_pages["plan"]
    window.tabs.setCurrentWidget(tab)
    measures = tab.measures
    suggested = content.scenario("flexible_hours")["success_measures"]
    assert measures.items() == [] and measures.empty.isVisible()
    assert len(measures.suggestion_buttons) == len(suggested)

    # One click on a suggestion adds it, and it is no longer offered.
    first = measures.suggestion_buttons[1]
    assert first.accessibleName() == f"Add suggestion: {suggested[1]}"
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    assert measures.items() == [suggested[1]]
    assert [b.property("suggestion") for b in measures.suggestion_buttons] == [
        s for s in suggested if s != suggested[1]
    ]
    assert not measures.empty.isVisible()

    _type_new_entry(qtbot, measures, "No missed payroll deadline")
    _type_new_entry(qtbot, measures, "Two check-ins held")
    assert measures.items() == [suggested[1], "No missed payroll deadline", "Two check-ins held"]

    # Keyboard: Ctrl+Up twice takes the last entry to the top.
    _select(measures, 2)
    qtbot.keyClick(measures.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(measures.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert measures.items() == ["Two check-ins held", suggested[1], "No missed payroll deadline"]
    assert measures.view.currentIndex().row() == 0
    assert not measures.up_button.isEnabled()
    # Buttons: move it back down one place.
    qtbot.mouseClick(measures.down_button, Qt.MouseButton.LeftButton)
    assert measures.items() == [suggested[1], "Two check-ins held", "No missed payroll deadline"]
    # F2 edits the current entry in place.
    qtbot.keyClick(measures.view, Qt.Key.Key_F2)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    line.selectAll()
    qtbot.keyClicks(line, "Three check-ins held")
    _commit(qtbot, measures, line)
    # Delete removes the current entry: the suggestion is offered again.
    _select(measures, 0)
    qtbot.keyClick(measures.view, Qt.Key.Key_Delete)
    assert measures.items() == ["Three check-ins held", "No missed payroll deadline"]
    assert suggested[1] in [b.property("suggestion") for b in measures.suggestion_buttons]

    assert window.saver.flush()
    assert window.service.part(Plan, book.id).success_measures == [
        "Three check-ins held",
        "No missed payroll deadline",
    ]
    window = reopen(qtbot, window)
    assert window.tab_pages["plan"].measures.items() == [
        "Three check-ins held",
        "No missed payroll deadline",
    ]


def test_blank_entries_are_not_saved(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = StringListEditor("things", "thing")
    qtbot.addWidget(editor)
    with qtbot.waitActive(editor):
        editor.show()
        editor.activateWindow()
    seen: list[list[str]] = []
    editor.items_changed.connect(seen.append)
    editor.set_items(["a", "b"])
    assert seen == []  # loading is not an edit
    _select(editor, 1)
    qtbot.keyClick(editor.view, Qt.Key.Key_Insert)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    qtbot.waitUntil(
        lambda: editor.view.state() != QAbstractItemView.State.EditingState, timeout=1000
    )
    assert editor.model.stringList() == ["a", "b", ""]
    assert seen[-1] == ["a", "b"]
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert seen[-1] == ["a", "b"]
    assert editor.model.stringList() == ["a", "", "b"]
