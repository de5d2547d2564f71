"""The in-app metrics chart: legible from 1 to 50 metrics, in the window's colours."""

from __future__ import annotations

from typing import Any

import pytest
from matplotlib.colors import to_hex
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from flexprep.ui.evidence.chart import PANEL_HEIGHT, MetricsChartView
from flexprep.ui.widgets.chart_loader import charts_loaded


def metric(number: int) -> dict[str, Any]:
    return {
        "id": f"e{number}",
        "kind": "metric",
        "title": f"Metric number {number}: requests closed on the agreed day",
        "details": "",
        "source": "",
        "unit": "%",
        "before": 50 + number % 40,
        "before_label": "2024",
        "after": 60 + number % 35,
        "after_label": "2025",
        "higher_is_better": True,
    }


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#20242a"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.Base, "#16191d"),
        (QPalette.ColorRole.Text, "#e8eaed"),
        (QPalette.ColorRole.PlaceholderText, "#9aa0a6"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def show_chart(qtbot, count: int, width: int = 700, height: int = 500) -> MetricsChartView:  # type: ignore[no-untyped-def]
    rows = [metric(n) for n in range(1, count + 1)]
    view = MetricsChartView(lambda: rows)
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitUntil(charts_loaded, timeout=30000)
    qtbot.waitUntil(lambda: len(view.figures) == count, timeout=10000)
    return view


@pytest.mark.parametrize("count", [1, 6, 9, 50])
def test_every_metric_gets_a_full_size_panel(qtbot, count: int) -> None:
    view = show_chart(qtbot, count)
    assert len(view.canvases) == count
    assert all(canvas.height() == PANEL_HEIGHT for canvas in view.canvases[:3])
    # 700 px: two panels to a row, never squeezed below the panel width.
    assert view.columns() == min(count, 2)
    widths = {canvas.width() for canvas in view.canvases}
    assert min(widths) >= 230
    if count > 4:
        bar = view.scroll_area.verticalScrollBar()
        # The scroll range follows the layout, which settles in the event loop.
        qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=3000)  # scrolls, never shrinks
    titles = [t.get_text() for f in view.figures for ax in f.axes for t in [ax.title]]
    assert titles[0].startswith("Metric number 1")
    view.resize(1200, 500)
    qtbot.waitUntil(lambda: view.columns() == min(count, 4))


def test_the_chart_takes_the_window_palette_and_follows_it(qtbot) -> None:
    view = show_chart(qtbot, 2)
    figure = view.figures[0]
    light_window = QApplication.palette().color(QPalette.ColorRole.Window).name()
    assert QColor.fromRgbF(*figure.get_facecolor()[:3]).name() == light_window
    view.setPalette(dark_palette())
    background = QColor.fromRgbF(*figure.get_facecolor()[:3])
    assert background.name() == "#20242a"
    title = to_hex(figure.axes[0].title.get_color())
    assert title == "#e8eaed", "text in the window's text colour"
    # Back to light: the print colours were remembered, not lost.
    view.setPalette(QApplication.palette())
    assert QColor.fromRgbF(*figure.get_facecolor()[:3]).name() == light_window
