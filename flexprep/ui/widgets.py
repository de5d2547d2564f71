"""Small widgets shared by the tabs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


def name(widget: QWidget, object_name: str, accessible: str) -> QWidget:
    """Give a widget its objectName and accessible name; returns it."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible)
    return widget


def muted_label(text: str, *, rich: bool = False) -> QLabel:
    """A secondary-text label (coaching notes, hints) that follows the palette."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def heading_label(text: str, level: int = 1) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * (1.25 if level == 1 else 1.08))
    label.setFont(font)
    label.setWordWrap(True)
    return label


class GrowingTextEdit(QPlainTextEdit):
    """Plain-text answer box that grows with its content (between min and max lines).

    Emits ``edited`` with the text when the user changes it (not on ``set_text``).
    """

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, min_lines: int = 3,
                 max_lines: int = 18) -> None:
        super().__init__(parent)
        self._min_lines, self._max_lines = min_lines, max_lines
        self._loading = False
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().contentsChanged.connect(self._fit)
        self.textChanged.connect(self._emit)
        self._fit()

    def set_text(self, text: str) -> None:
        """Replace the text without emitting ``edited`` (keeps undo history clean)."""
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False

    def text(self) -> str:
        return self.toPlainText()

    @Slot()
    def _emit(self) -> None:
        if not self._loading:
            self.edited.emit(self.toPlainText())

    @Slot()
    def _fit(self) -> None:
        metrics = QFontMetrics(self.font())
        lines = self.document().size().height()  # in lines for a plain text layout
        lines = max(self._min_lines, min(self._max_lines, int(lines)))
        margins = self.contentsMargins()
        frame = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom()
        height = int(lines * metrics.lineSpacing() + frame + 4)
        if height != self.height():
            self.setFixedHeight(height)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(400, self.height())

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit)


LOADING_TEXT = "Drawing the chart…"
#: How often a chart waiting for matplotlib checks again.
CHART_POLL_MS = 100


class ChartView(QFrame):
    """Shows a matplotlib Figure through matplotlib's Qt canvas.

    matplotlib is imported only when the first figure is set, so it never slows
    the window's start.
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
        from flexprep.ui.chart_loader import charts_loaded

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

        self._empty.hide()
        canvas = FigureCanvasQTAgg(figure)
        canvas.setObjectName(f"{self.objectName()}_canvas")
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        canvas.setMinimumHeight(220)
        self._canvas = canvas
        self._layout.addWidget(canvas)
        canvas.draw_idle()


def scroll_page(owner: QWidget, object_name: str, page: QWidget) -> QScrollArea:
    """Fill ``owner`` with a frameless scroll area showing ``page``; returns the area.

    The area itself takes no focus, so Tab goes straight to the fields.
    """
    scroll = QScrollArea()
    scroll.setObjectName(object_name)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(page)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)
    return scroll
