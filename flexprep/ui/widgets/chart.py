"""A frame that shows a matplotlib figure once matplotlib has loaded aside."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QSizePolicy, QVBoxLayout, QWidget

from flexprep.ui.widgets.common import muted_label

LOADING_TEXT = "Drawing the chart…"
#: How often a chart waiting for matplotlib checks again.
CHART_POLL_MS = 100


class ChartView(QFrame):
    """Shows a matplotlib Figure through matplotlib's Qt canvas.

    matplotlib is imported only when the first figure is set, so it never slows
    the window's start. The figure, drawn in the documents' print colours, is shown
    in the window's (:func:`~flexprep.ui.widgets.chart_theme.theme_figure`), and
    follows the palette when it changes.
    """

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self.empty_text = empty_text
        self._empty = muted_label(empty_text)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self._empty)
        self._canvas: QWidget | None = None
        self.figure: Any = None

    def set_empty_text(self, text: str) -> None:
        """The text shown while there is no figure."""
        self._empty.setText(text)

    def wait_for_matplotlib(self) -> bool:
        """True when charts can be drawn now; otherwise say so while it loads aside."""
        from flexprep.ui.widgets.chart_loader import charts_loaded

        if charts_loaded():
            return True
        if self.figure is None:
            self._empty.setText(LOADING_TEXT)
        return False

    def set_figure(self, figure: Any) -> None:
        """Show ``figure`` (a matplotlib Figure), or the empty text for None."""
        if self._canvas is not None:
            self._layout.removeWidget(self._canvas)
            self._canvas.deleteLater()
            self._canvas = None
        self.figure = figure
        if figure is None:
            self._empty.setText(self.empty_text)
            self._empty.show()
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from flexprep.ui.widgets.chart_theme import theme_figure

        theme_figure(figure, self.palette())
        self._empty.hide()
        # matplotlib's Qt backend is not annotated.
        canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
        canvas.setObjectName(f"{self.objectName()}_canvas")
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        canvas.setMinimumHeight(220)
        self._canvas = canvas
        self._layout.addWidget(canvas)
        canvas.draw_idle()  # type: ignore[no-untyped-call]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt naming)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.figure is not None:
            from flexprep.ui.widgets.chart_theme import theme_figure

            theme_figure(self.figure, self.palette())
            if self._canvas is not None:
                self._canvas.draw_idle()  # type: ignore[attr-defined]
