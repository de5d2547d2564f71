"""My objections as a user meets them: a filter as you type, library objections as
drafts made mine (and undone), buttons that fit, charts in the window's palette."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor
from test_ui_objections import click_page, objections_tab, saved

from flexprep.core import content
from tests.shots import dark_palette, save_shot
from tests.uitools import child, open_window


def _visible_rows(tab) -> list[str]:  # type: ignore[no-untyped-def]
    return [item.text for row, item in enumerate(tab.model.items) if not tab.table.isRowHidden(row)]


def test_my_objections_filter_as_you_type(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = objections_tab(qtbot, window)
    total = len(tab.model.items)
    assert total >= 3
    word = max(tab.model.items[1].text.split(), key=len).strip(".,?!’'").lower()
    tab.list_pane.filter.setFocus()
    qtbot.keyClicks(tab.list_pane.filter, word)
    shown = _visible_rows(tab)
    assert tab.model.items[1].text in shown
    expected = [
        i.text for i in tab.model.items if word in f"{i.text} {i.response} {i.theme}".lower()
    ]
    assert shown == expected and len(shown) < total
    assert tab.list_pane.shown.text() == f"Showing {len(shown)} of {total}"
    assert tab.list_pane.shown.isVisible()

    qtbot.keyClicks(tab.list_pane.filter, " zzqx")
    assert _visible_rows(tab) == []
    assert tab.list_pane.empty.isVisible()
    assert "No objection matches" in tab.list_pane.empty.text()

    tab.list_pane.filter.selectAll()
    qtbot.keyClick(tab.list_pane.filter, Qt.Key.Key_Backspace)
    assert len(_visible_rows(tab)) == total
    assert not tab.list_pane.shown.isVisible() and not tab.list_pane.empty.isVisible()


def test_library_objection_starts_as_a_draft_made_mine_and_undone(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = objections_tab(qtbot, window)
    library = tab.library
    click_page(qtbot, tab, library)
    taken = {o.library_key for o in saved(window)}
    entry = next(e for e in content.objection_library() if e["key"] not in taken)
    for row in range(library.proxy.rowCount()):
        if library.proxy.index(row, 0).data() == entry["text"]:
            library.view.setCurrentIndex(library.proxy.index(row, 0))
    qtbot.mouseClick(library.add_button, Qt.MouseButton.LeftButton)
    added = next(o for o in saved(window) if o.library_key == entry["key"])
    assert added.draft is True
    row = tab.model.row_of(added.id)
    assert tab.model.index(row, 0).data().startswith("Draft · ")
    tab.pages.setCurrentWidget(tab.editor)
    assert tab.editor.banner.isVisibleTo(tab.editor)
    button = tab.editor.accept_button
    assert button.text().replace("&", "") == "Make this mine"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert next(o for o in saved(window) if o.id == added.id).draft is False
    assert not tab.model.index(row, 0).data().startswith("Draft · ")
    undo = child(window, QAction, "action_undo")
    assert undo.text().replace("&", "").startswith("Undo make objection ")
    assert undo.text().endswith(" mine")

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert next(o for o in saved(window) if o.id == added.id).draft is True
    assert tab.model.index(tab.model.row_of(added.id), 0).data().startswith("Draft · ")


def test_buttons_fit_and_charts_follow_the_palette(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = objections_tab(qtbot, window)
    pane = tab.list_pane
    for width, height in ((1366, 768), (1920, 1080)):
        window.resize(width, height)
        qtbot.wait(50)
        for button in (pane.new_button, pane.up_button, pane.down_button, pane.delete_button):
            hint = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
            assert button.width() >= hint + 8, f"{button.text()} clipped at {width}×{height}"
            right = button.mapTo(pane, button.rect().topRight()).x()
            assert right <= pane.width(), f"{button.text()} off the pane at {width}"
    window.resize(1366, 768)
    save_shot(window, "h13_objections_light", tmp_path)
    tab.pages.setCurrentWidget(tab.progress)
    qtbot.waitUntil(lambda: tab.progress.chart.figure is not None, timeout=15000)
    save_shot(window, "h13_progress_light", tmp_path)
    with dark_palette():
        qtbot.wait(100)
        face = QColor.fromRgbF(*tab.progress.chart.figure.get_facecolor()[:3])
        assert face.lightness() < 100, "the chart is not a white panel in a dark window"
        save_shot(window, "h13_progress_dark", tmp_path)
        tab.pages.setCurrentWidget(tab.editor)
        save_shot(window, "h13_objections_dark", tmp_path)
    face = QColor.fromRgbF(*tab.progress.chart.figure.get_facecolor()[:3])
    assert face.lightness() > 200


def test_the_tab_shows_at_once_and_its_list_is_read_aside(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = window.tab_pages["objections"]
    bar = window.tabs.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(tab)).center()
    )
    assert window.tabs.currentWidget() is tab
    assert tab.loader.busy and tab.model.rowCount() == 0, "read in a worker, not on the click"
    assert tab.status.text() == "Reading your objections…"
    qtbot.waitUntil(lambda: tab.model.rowCount() == len(saved(window)))
    assert not tab.loader.busy and tab.current_item() is not None
    assert "objections" in tab.status.text() and "due today" in tab.start_button.text()
