"""The metrics chart of the evidence tab: one small chart per metric, in a scrolling grid.

matplotlib (and its Qt backend, and its font cache on a first run) takes seconds to
import on a slow machine. The window must never freeze for that, so the import runs
in a background thread the first time a chart is wanted; the charts are drawn on the
GUI thread once it is done.

Each metric gets a panel of the same size whatever their number, as many to a row
as the width allows, so one metric or fifty stay as legible as the Word export; the
grid scrolls when they do not all fit. A panel is rebuilt only when its metric
changed, and matplotlib draws only the panels in view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QSizePolicy, QWidget

from flexprep.ui.widgets.chart import CHART_POLL_MS, ChartView

CHART_DELAY_MS = 300
EMPTY_TEXT = "Add a metric with a before and an after value to see the change here."
#: One metric's panel: its height, and the narrowest it may get before a column goes.
PANEL_HEIGHT = 230
PANEL_MIN_WIDTH = 250
PANEL_MAX_WIDTH = 480
MAX_COLUMNS = 4
_DRAWN = ("title", "unit", "before", "after", "before_label", "after_label", "higher_is_better")


def is_metric(row: dict[str, Any]) -> bool:
    return row["kind"] == "metric" and (row["before"] is not None or row["after"] is not None)


def _panel_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row.get(key) for key in _DRAWN)


class MetricsChartView(ChartView):
    """Before/after bars of the metrics, redrawn :data:`CHART_DELAY_MS` after a change.

    ``rows`` returns the evidence rows (file-format dicts) to draw, as the user sees
    them now. Nothing is drawn while the view is hidden; it catches up when shown.
    ``figures`` holds one figure per metric, in order (``figure`` is the first).
    """

    def __init__(
        self, rows: Callable[[], list[dict[str, Any]]], parent: QWidget | None = None
    ) -> None:
        super().__init__(EMPTY_TEXT, parent)
        self._rows = rows
        self._dirty = True
        self.figures: list[Any] = []
        self.canvases: list[QWidget] = []
        self._cache: dict[tuple[Any, ...], tuple[Any, QWidget]] = {}
        self._columns = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.redraw)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("metrics_chart_scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.page = QWidget()
        self.page.setObjectName("metrics_chart_grid")
        self.grid = QGridLayout(self.page)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(6)
        self.scroll_area.setWidget(self.page)
        self.scroll_area.hide()
        self._layout.addWidget(self.scroll_area, 1)

    def schedule(self) -> None:
        """Redraw soon (after a pause, so typing a number redraws once)."""
        self._dirty = True
        if self.isVisible():
            self._timer.start(CHART_DELAY_MS)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        if self._dirty:
            self._timer.start(CHART_DELAY_MS)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        if self.canvases and self.columns() != self._columns:
            self._place()

    def columns(self) -> int:
        """How many panels fit side by side now."""
        width = (
            self.scroll_area.viewport().width() if self.scroll_area.isVisible() else self.width()
        )
        return max(1, min(MAX_COLUMNS, len(self.canvases) or 1, width // PANEL_MIN_WIDTH))

    @Slot()
    def redraw(self) -> None:
        """Draw now if matplotlib is ready (else try again shortly)."""
        if not self.isVisible():
            return
        metrics = [row for row in self._rows() if is_metric(row)]
        if not metrics:
            self._dirty = False
            self._show_panels([])
            return
        if not self.wait_for_matplotlib():
            self._timer.start(CHART_POLL_MS)
            return
        self._dirty = False
        self._show_panels(metrics)

    def _panel(self, row: dict[str, Any]) -> tuple[Any, QWidget]:
        key = _panel_key(row)
        if key in self._cache:
            return self._cache[key]
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from flexprep.reports.charts import metrics_figure
        from flexprep.ui.widgets.chart_theme import theme_figure

        figure = metrics_figure([row])
        title = getattr(figure, "_suptitle", None)  # one heading for the grid, not each panel
        if title is not None:
            title.set_visible(False)
            title.set_in_layout(False)
        theme_figure(figure, self.palette())
        canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
        canvas.setObjectName("metric_chart_canvas")
        canvas.setFixedHeight(PANEL_HEIGHT)
        canvas.setMinimumWidth(PANEL_MIN_WIDTH - 20)
        canvas.setMaximumWidth(PANEL_MAX_WIDTH)
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return figure, canvas

    def _show_panels(self, metrics: list[dict[str, Any]]) -> None:
        panels = [self._panel(row) for row in metrics]
        keep = {id(canvas) for _figure, canvas in panels}
        for _figure, canvas in self._cache.values():
            if id(canvas) not in keep:
                canvas.setParent(None)
                canvas.deleteLater()
        self._cache = {_panel_key(row): panel for row, panel in zip(metrics, panels, strict=True)}
        self.figures = [figure for figure, _canvas in panels]
        self.canvases = [canvas for _figure, canvas in panels]
        self.figure = self.figures[0] if self.figures else None
        if not panels:
            self.scroll_area.hide()
            self._empty.setText(self.empty_text)
            self._empty.show()
            return
        self._empty.hide()
        self.scroll_area.show()
        self._place()

    def _place(self) -> None:
        """Lay the panels out, :meth:`columns` to a row."""
        while self.grid.count():
            self.grid.takeAt(0)
        self._columns = self.columns()
        for number, canvas in enumerate(self.canvases):
            self.grid.addWidget(canvas, number // self._columns, number % self._columns)
            canvas.show()
        rows = -(-len(self.canvases) // self._columns)
        for column in range(MAX_COLUMNS + 1):  # what is left over goes to the right
            self.grid.setColumnStretch(column, 1 if column == self._columns else 0)
        self.grid.setRowStretch(rows, 1)
        # As tall as the panels up to two rows; more than that scrolls.
        self.setMinimumHeight(min(rows, 2) * (PANEL_HEIGHT + 6) + 12)

    def repaint_palette(self) -> None:
        """Give every panel the window's colours again (the palette changed)."""
        from flexprep.ui.widgets.chart_theme import theme_figure

        for figure, canvas in zip(self.figures, self.canvases, strict=True):
            theme_figure(figure, self.palette())
            canvas.draw_idle()  # type: ignore[attr-defined]

    def changeEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        super().changeEvent(event)
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.PaletteChange and self.figures:
            self.repaint_palette()
