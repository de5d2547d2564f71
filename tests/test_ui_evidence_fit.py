"""The Endorsements & evidence tab on a 1366×768 screen: no field of either editor is
cut off on the right, with the default font and with a larger desktop font, and the
window can still be made narrow (the editors scroll then, they never force a width)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from flexprep.ui.evidence.tab import EvidenceTab
from tests.shots import dark_palette, save_shot
from tests.uitools import open_window


@pytest.fixture(params=[None, 12], ids=["default font", "12pt font"])
def font_size(request: pytest.FixtureRequest) -> Iterator[int | None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    old = app.font()
    if request.param is not None:
        bigger = app.font()
        bigger.setPointSize(request.param)
        app.setFont(bigger)
    yield request.param
    app.setFont(old)


def _open_evidence(qtbot, window) -> EvidenceTab:  # type: ignore[no-untyped-def]
    """Click the tab's title in the tab bar, as a user would; the tab."""
    tab = window.tab_pages["evidence"]
    bar = window.tabs.tabBar()
    index = window.tabs.indexOf(tab)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(tab.isVisible)
    assert isinstance(tab, EvidenceTab)
    return tab


def _inside_across(scroll, field: QWidget) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``field`` shows whole from left to right in ``scroll``'s viewport."""
    viewport = scroll.viewport()
    left = field.mapTo(viewport, field.rect().topLeft()).x()
    right = field.mapTo(viewport, field.rect().topRight()).x()
    return left >= 0 and right < viewport.width()


def test_nothing_is_cut_off_at_1366x768(qtbot, tmp_path: Path, font_size) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    window.resize(1366, 768)
    tab = _open_evidence(qtbot, window)
    qtbot.mouseClick(
        tab.endorsement_panel.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=tab.endorsement_panel.view.visualRect(tab.endorsements.model.index(0, 0)).center(),
    )
    assert tab.endorsement_panel.current_row() == 0
    qtbot.wait(50)  # the last resize settles
    for panel in (tab.endorsement_panel, tab.evidence_panel):
        editor = panel.scroll_area.widget()
        assert editor is not None
        assert editor.width() >= editor.minimumSizeHint().width(), panel.objectName()
        assert not panel.scroll_area.horizontalScrollBar().isVisible()
    form = tab.endorsement_editor
    scroll = tab.endorsement_panel.scroll_area
    fields = [form.author, form.relationship, form.date, form.no_date, form.quote]
    fields += [*form.speaks_to.values(), form.shareable]
    for field in fields:
        assert field.isVisible() and _inside_across(scroll, field), field.objectName()
    label = "default" if font_size is None else f"{font_size}pt"
    save_shot(window, f"evidence_1366x768_{label}_light", tmp_path)
    with dark_palette():
        save_shot(window, f"evidence_1366x768_{label}_dark", tmp_path)


def test_the_window_still_narrows_after_the_tab_is_shown(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    window.resize(1366, 768)
    tab = _open_evidence(qtbot, window)
    window.resize(760, 560)
    qtbot.waitUntil(lambda: window.width() == 760)
    # Narrower than its form, the panel scrolls sideways; the form is never squashed
    # and the window never refuses the narrower size.
    editor = tab.endorsement_panel.scroll_area.widget()
    assert editor is not None
    assert editor.width() >= editor.minimumSizeHint().width()
    assert window.width() == 760
