"""Small widgets shared by the tabs: names, labels, a growing text box, a scroll page."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

W = TypeVar("W", bound=QWidget)


def name(widget: W, object_name: str, accessible: str) -> W:
    """Give a widget its objectName and accessible name; returns it, type and all."""
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

    def __init__(
        self, parent: QWidget | None = None, *, min_lines: int = 3, max_lines: int = 18
    ) -> None:
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
