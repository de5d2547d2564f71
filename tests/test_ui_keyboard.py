"""Keyboard rules shared by the whole window: Tab never traps, focus scrolls into view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from flexprep.ui.widgets.keyboard import install_keyboard_helpers
from tests.uitools import open_window


def _inside(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is widget or (focus is not None and widget.isAncestorOf(focus))


def _show(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def _tab_leaves(qtbot, view: QWidget) -> None:  # type: ignore[no-untyped-def]
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: _inside(view))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert not _inside(view), f"Tab stayed in {view.objectName()}"
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert not _inside(view), f"Shift+Tab stayed in {view.objectName()}"


def test_tab_leaves_the_objection_table_and_the_evidence_lists(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = window.tab_pages["objections"]
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.workbook_id == window.workbook_id)
    table = tab.findChild(QWidget, "objection_table")
    assert table is not None and table.model().rowCount() >= 2
    table.setCurrentIndex(table.model().index(0, 0))
    before = table.currentIndex().row()
    _tab_leaves(qtbot, table)
    assert table.currentIndex().row() == before, "Tab did not walk the rows"
    # The arrows still move inside.
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == before + 1 and _inside(table)

    evidence = window.tab_pages["evidence"]
    window.tabs.setCurrentWidget(evidence)
    qtbot.waitUntil(lambda: evidence.workbook_id == window.workbook_id)
    for key in ("evidence_list", "endorsement_list"):
        view = evidence.findChild(QWidget, key)
        assert view is not None and view.isVisible(), key
        _tab_leaves(qtbot, view)


def test_tab_in_a_cell_editor_keeps_the_text_and_leaves_the_table(qtbot) -> None:
    install_keyboard_helpers()
    page = QWidget()
    qtbot.addWidget(page)
    table = QTableWidget(3, 2)
    table.setObjectName("cells")
    for row in range(3):
        for column in range(2):
            table.setItem(row, column, QTableWidgetItem(f"{row}{column}"))
    after = QLineEdit()
    layout = QVBoxLayout(page)
    layout.addWidget(table)
    layout.addWidget(after)
    _show(qtbot, page)
    assert table.tabKeyNavigation(), "a plain table walks its cells with Tab by default"
    table.setFocus()
    table.setCurrentCell(0, 0)
    table.editItem(table.item(0, 0))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor is not after
    editor.selectAll()
    qtbot.keyClicks(editor, "typed")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert table.item(0, 0).text() == "typed"
    assert QApplication.focusWidget() is after
    assert table.currentRow() == 0 and table.currentColumn() == 0
    # Without an editor open too.
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after


def test_a_mnemonic_scrolls_its_field_into_view(qtbot) -> None:
    install_keyboard_helpers()
    area = QScrollArea()
    qtbot.addWidget(area)
    area.setWidgetResizable(True)
    page = QWidget()
    form = QFormLayout(page)
    fields = []
    for number in range(40):
        field = QLineEdit()
        field.setObjectName(f"field_{number}")
        form.addRow(QLabel(f"Field {number}:"), field)
        fields.append(field)
    last = QLabel("&Zebra field:")
    zebra = QLineEdit()
    last.setBuddy(zebra)
    form.addRow(last, zebra)
    area.setWidget(page)
    area.resize(400, 300)
    _show(qtbot, area)
    fields[0].setFocus()
    assert area.verticalScrollBar().value() == 0
    qtbot.keyClick(fields[0], Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is zebra
    assert area.verticalScrollBar().value() > 0
    shown = QRect(zebra.mapTo(area.viewport(), zebra.rect().topLeft()), zebra.size())
    assert area.viewport().rect().contains(shown)


def test_a_mnemonic_in_the_plan_tab_scrolls_to_its_field(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    window.resize(1000, 560)  # short enough that the plan scrolls
    tab = window.tab_pages["plan"]
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.workbook_id == window.workbook_id)
    area = tab.scroll_area
    bar = area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(0)
    target = tab.findChild(QWidget, "response_time")
    assert target is not None
    top = target.mapTo(area.viewport(), target.rect().topLeft())
    assert top.y() > area.viewport().height(), "the field starts out of view"
    window.tabs.tabBar().setFocus()
    qtbot.keyClick(window.tabs.tabBar(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert _inside(target)
    shown = QRect(target.mapTo(area.viewport(), target.rect().topLeft()), target.size())
    assert area.viewport().rect().intersects(shown) and bar.value() > 0
