"""The metrics chart of the evidence tab: drawn after a pause, matplotlib loaded aside.

matplotlib (and its Qt backend, and its font cache on a first run) takes seconds to
import on a slow machine. The window must never freeze for that, so the import runs
in a background thread the first time a chart is wanted; the chart is drawn on the
GUI thread once it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from flexprep.ui.widgets.chart import CHART_POLL_MS, ChartView

CHART_DELAY_MS = 300
EMPTY_TEXT = "Add a metric with a before and an after value to see the change here."


class MetricsChartView(ChartView):
    """Before/after bars of the metrics, redrawn :data:`CHART_DELAY_MS` after a change.

    ``rows`` returns the evidence rows (file-format dicts) to draw, as the user sees
    them now. Nothing is drawn while the view is hidden; it catches up when shown.
    """

    def __init__(
        self, rows: Callable[[], list[dict[str, Any]]], parent: QWidget | None = None
    ) -> None:
        super().__init__(EMPTY_TEXT, parent)
        self._rows = rows
        self._dirty = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.redraw)

    def schedule(self) -> None:
        """Redraw soon (after a pause, so typing a number redraws once)."""
        self._dirty = True
        if self.isVisible():
            self._timer.start(CHART_DELAY_MS)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        if self._dirty:
            self._timer.start(CHART_DELAY_MS)

    @Slot()
    def redraw(self) -> None:
        """Draw now if matplotlib is ready (else try again shortly)."""
        if not self.isVisible():
            return
        rows = self._rows()
        if not any(
            row["kind"] == "metric" and (row["before"] is not None or row["after"] is not None)
            for row in rows
        ):
            self._dirty = False
            self.set_figure(None)  # nothing to draw: no need to wait for matplotlib
            return
        if not self.wait_for_matplotlib():
            self._timer.start(CHART_POLL_MS)
            return
        from flexprep.reports.charts import metrics_figure

        self._dirty = False
        self.set_figure(metrics_figure(rows))
