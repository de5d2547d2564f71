"""The Must-haves & nice-to-haves tab at common screen sizes, and "Make this mine" on a
draft ask, driven as a user would: clicks on the tab bar and buttons, Alt+S, Ctrl+Z."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from flexprep.core.models import Ask
from flexprep.ui.asks.models import DRAFT_ROLE
from flexprep.ui.widgets.undo import quoted
from tests.uitools import child, open_window

SIZES = [(1366, 768), (1920, 1080)]


def _open_asks(qtbot, window):  # type: ignore[no-untyped-def]
    """Click the tab's title in the tab bar, as a user would; the tab."""
    tab = window.tab_pages["asks"]
    bar = window.tabs.tabBar()
    index = window.tabs.indexOf(tab)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(tab.isVisible)
    return tab


def _on_screen(window, widget: QWidget, rect: QRect | None = None) -> QRect:  # type: ignore[no-untyped-def]
    """``rect`` of ``widget`` (all of it by default) in the window's coordinates."""
    rect = rect if rect is not None else widget.rect()
    return QRect(widget.mapTo(window, rect.topLeft()), rect.size())


def _visible_area(window, tab) -> QRect:  # type: ignore[no-untyped-def]
    """The part of the window where the tab's page shows without scrolling."""
    viewport = tab.scroll_area.viewport()
    return _on_screen(window, viewport) & window.rect()


@pytest.mark.parametrize("drafts", [False, True], ids=["sample", "drafts"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_buttons_and_chart_key_fit_without_scrolling(
    qtbot, tmp_path: Path, size: tuple[int, int], drafts: bool
) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    if drafts:  # a new workbook's suggested asks carry the draft bar: the editor is taller
        window.switch_to(window.service.create_workbook("Hybrid", "remote_hybrid").id)
    window.resize(*size)
    tab = _open_asks(qtbot, window)
    qtbot.waitUntil(lambda: tab.chart.figure is not None, timeout=10000)
    canvas = tab.chart.findChild(QWidget, "asks_chart_canvas")
    qtbot.waitUntil(lambda: canvas is not None and canvas.isVisible())
    qtbot.wait(50)  # the last resize settles
    assert tab.scroll_area.verticalScrollBar().value() == 0
    visible = _visible_area(window, tab)
    assert visible.height() > 400

    board = tab.board
    buttons = [*board.add_buttons.values(), *board.buttons.buttons()]
    if drafts:
        assert tab.editor.mine_button.isVisible()
        buttons.append(tab.editor.mine_button)
    for button in buttons:
        assert button.isVisible(), button.objectName()
        where = _on_screen(window, button)
        assert visible.contains(where), (button.objectName(), where, visible)

    # The chart's key of colours, below the plot, and every number's title beside it,
    # are inside the canvas, and the canvas is in view.
    figure = tab.chart.figure
    canvas.draw()
    renderer = canvas.get_renderer()
    assert figure.legends, "the chart has its key"
    height = canvas.height()
    ratio = canvas.devicePixelRatioF()
    boxes = [legend.get_window_extent(renderer) for legend in figure.legends]
    boxes += [t.get_window_extent(renderer) for a in figure.axes for t in a.texts if t.get_text()]
    assert len(boxes) > 5
    for box in boxes:
        rect = QRect(
            QPoint(int(box.x0 / ratio), int(height - box.y1 / ratio)),
            QPoint(int(box.x1 / ratio) - 1, int(height - box.y0 / ratio) - 1),
        )
        assert canvas.rect().contains(rect), (rect, canvas.rect())
        assert visible.contains(_on_screen(window, canvas, rect)), (rect, visible)


def test_buttons_wrap_when_the_column_is_narrow(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    window.resize(1366, 768)
    tab = _open_asks(qtbot, window)
    row = tab.board.buttons
    one_line = row.height()
    row.resize(260, row.height())  # as in a window made narrow
    qtbot.waitUntil(lambda: row.height() > one_line)
    tops = {button.geometry().top() for button in row.buttons()}
    assert len(tops) > 1
    for button in row.buttons():
        assert row.rect().contains(button.geometry()), button.objectName()


def test_make_this_mine_keeps_the_draft_and_ctrl_z_brings_it_back(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    book = window.service.create_workbook("Hybrid", "remote_hybrid")
    window.switch_to(book.id)
    tab = _open_asks(qtbot, window)
    view = tab.board.views["must"]
    first = view.model().index(0, 0)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(first).center()
    )
    ask = tab.board.current()
    assert ask is not None and ask["draft"]
    bar = tab.editor.draft_bar
    assert bar.isVisible()
    assert tab.editor.mine_button.text().replace("&", "") == "Make this mine"

    # Alt+S presses "Make this mine": the ask is the user's own, word for word.
    qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not bar.isVisible())
    assert not first.data(DRAFT_ROLE)
    window.saver.flush()
    saved = {a.id: a for a in window.service.items(Ask, book.id)}[ask["id"]]
    assert saved.draft is False and saved.title == ask["title"]
    undo = child(window, QAction, "action_undo")
    assert undo.text() == f"&Undo make ask {quoted(ask['title'])} mine"

    # Ctrl+Z from the list makes it a draft again.
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(bar.isVisible)
    assert tab.board.current()["draft"]
    window.saver.flush()
    saved = {a.id: a for a in window.service.items(Ask, book.id)}[ask["id"]]
    assert saved.draft is True and saved.title == ask["title"]
    assert undo.text() == "&Undo"
