"""The row of buttons under the asks columns, wrapping onto a second line when narrow."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLayout, QLayoutItem, QPushButton, QSizePolicy, QWidget

from flexprep.ui.widgets.common import name


class FlowLayout(QLayout):
    """Lays items left to right, starting a new line when the next would not fit.

    Items added with ``right=True`` are pushed to the right-hand end of the last line
    (Delete sits apart from the moves), or start a line of their own when there is no room.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._right: set[int] = set()
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def add_right(self, widget: QWidget) -> None:
        """Add ``widget`` at the right-hand end."""
        self.addWidget(widget)
        self._right.add(len(self._items) - 1)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt naming)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt naming)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt naming)
        if not 0 <= index < len(self._items):
            return None
        self._right = {i - (i > index) for i in self._right if i != index}
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt naming)
        return Qt.Orientation(0)

    def height_for(self, width: int) -> int:
        """The height the items take when laid out ``width`` wide.

        Not Qt's height-for-width: a scroll area holding one sizes its page by the
        preferred height of everything in it, which would push the page off the screen.
        The owner sets its minimum height from this instead.
        """
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt naming)
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        width = sum(item.sizeHint().width() for item in self._visible())
        width += self._spacing * max(0, len(self._visible()) - 1)
        height = max((item.sizeHint().height() for item in self._visible()), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt naming)
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return size

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Place the items in ``rect`` (only measure unless ``move``); the height used."""
        lines: list[list[tuple[QLayoutItem, bool]]] = [[]]
        used = 0
        for index, item in enumerate(self._items):
            if item.isEmpty():
                continue
            width = item.sizeHint().width()
            if lines[-1] and used + self._spacing + width > rect.width():
                lines.append([])
                used = 0
            used += (self._spacing if lines[-1] else 0) + width
            lines[-1].append((item, index in self._right))
        y = rect.y()
        for line in lines:
            if not line:
                continue
            height = max(item.sizeHint().height() for item, _ in line)
            if move:
                x = rect.x()
                right = rect.x() + rect.width()
                for item, _ in [pair for pair in line if not pair[1]]:
                    width = item.sizeHint().width()
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
                    x += width + self._spacing
                for item, _ in reversed([pair for pair in line if pair[1]]):
                    right -= item.sizeHint().width()
                    width = item.sizeHint().width()
                    item.setGeometry(QRect(QPoint(right, y), QSize(width, height)))
                    right -= self._spacing
            y += height + self._spacing
        return max(0, y - rect.y() - self._spacing)


class AskButtons(QWidget):
    """Move up, Move down, Make it nice-to-have / a must-have, and Delete ask."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.up = name(QPushButton("Move &up"), "asks_move_up", "Move the ask up")
        self.up.setToolTip("Raise its priority (Ctrl+Up in the list)")
        self.down = name(QPushButton("Move &down"), "asks_move_down", "Move the ask down")
        self.down.setToolTip("Lower its priority (Ctrl+Down in the list)")
        self.other = name(
            QPushButton("Make it &nice-to-have"),
            "asks_move_other",
            "Move the ask to the other column",
        )
        self.delete = name(QPushButton("Delete ask"), "asks_delete", "Delete the ask")
        self.delete.setToolTip("Delete the selected ask (Delete in the list)")
        self.flow = FlowLayout(self)
        for button in (self.up, self.down, self.other):
            self.flow.addWidget(button)
        self.flow.add_right(self.delete)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        height = self.flow.height_for(event.size().width())
        if height != self.minimumHeight():
            self.setFixedHeight(height)  # one line, or two when the column is narrow

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.up, self.down, self.other, self.delete)

    def show_state(self, priority: str | None, row: int, count: int) -> None:
        """Enable the buttons for the ask at ``row`` of ``count`` in ``priority`` (or none)."""
        for button in self.buttons():
            button.setEnabled(priority is not None)
        if priority is None:
            return
        self.up.setEnabled(row > 0)
        self.down.setEnabled(row < count - 1)
        must = priority == "must"
        self.other.setText("Make it &nice-to-have" if must else "Make it a &must-have")
        self.other.setToolTip(
            "Move it to Nice-to-have (Ctrl+Right in the list)"
            if must
            else "Move it to Must-have (Ctrl+Left in the list)"
        )
