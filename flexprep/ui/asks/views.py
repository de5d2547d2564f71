"""The list views of the Must-haves tab: drag and drop, keyboard moves, two-line rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from flexprep.ui.asks.models import DRAFT_ROLE, RANK_ROLE, ROW_ROLE, one_line

_CTRL = Qt.KeyboardModifier.ControlModifier
_NONE = Qt.KeyboardModifier.NoModifier
#: Keys a list handles itself (before any window shortcut), and what they ask for.
KEY_COMMANDS: dict[tuple[Qt.KeyboardModifier, int], str] = {
    (_CTRL, Qt.Key.Key_Up): "up",
    (_CTRL, Qt.Key.Key_Down): "down",
    (_CTRL, Qt.Key.Key_Left): "left",
    (_CTRL, Qt.Key.Key_Right): "right",
    (_NONE, Qt.Key.Key_Delete): "delete",
    (_NONE, Qt.Key.Key_Insert): "add",
    (_CTRL, Qt.Key.Key_N): "add",
    (_NONE, Qt.Key.Key_F2): "edit",
    (_NONE, Qt.Key.Key_Return): "edit",
    (_NONE, Qt.Key.Key_Enter): "edit",
}


def _command(event: QKeyEvent) -> str | None:
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return KEY_COMMANDS.get((modifiers, event.key()))


class RankedListView(QListView):
    """A list whose rows can be dragged within it and to a sibling list.

    Emits ``command`` with ``up``, ``down``, ``left``, ``right``, ``delete``, ``add`` or
    ``edit`` for the keyboard alternatives (Ctrl+arrows, Delete, Insert or Ctrl+N,
    F2 or Enter). The list takes those keys before the window's shortcuts do.
    """

    command = Signal(str)
    focused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setUniformItemSizes(True)  # hundreds of rows stay smooth
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMinimumHeight(120)
        self.empty_text = ""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt naming)
        super().paintEvent(event)
        model = self.model()
        if self.empty_text and model is not None and model.rowCount() == 0:
            # An empty column says what belongs there and that it takes drops.
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(12, 12, -12, -12),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )
            painter.end()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and _command(event) is not None
        ):
            event.accept()  # Ctrl+N here adds an ask, not a workbook
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        command = _command(event)
        if command is None:
            super().keyPressEvent(event)
            return
        event.accept()
        self.command.emit(command)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt naming)
        super().focusInEvent(event)
        self.focused.emit()

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() and self.selectionModel().isSelected(index) else -1

    def select_row(self, row: int) -> None:
        """Make ``row`` the current, selected and visible row (nothing for -1)."""
        if row < 0 or row >= self.model().rowCount():
            self.clearSelection()
            self.setCurrentIndex(QModelIndex())
            return
        index = self.model().index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index)


class RowDelegate(QStyledItemDelegate):
    """Paints a row as its rank and title, a draft badge, and a muted second line.

    ``second_line(row_dict)`` gives the second line's text.
    """

    def __init__(self, second_line: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._second_line = second_line

    def sizeHint(
        self,
        option: QStyleOptionViewItem,  # noqa: N802 (Qt naming)
        index: QModelIndex | QPersistentModelIndex,
    ) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(200, metrics.lineSpacing() * 2 + 14)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        row = index.data(ROW_ROLE) or {}
        draft = bool(index.data(DRAFT_ROLE))
        rank = index.data(RANK_ROLE)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        ink = opt.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = ink if selected else opt.palette.color(group, QPalette.ColorRole.PlaceholderText)
        painter.save()
        rect = opt.rect.adjusted(8, 6, -8, -6)
        metrics = QFontMetrics(opt.font)
        line = metrics.lineSpacing()
        left = rect.left()
        if rank is not None:
            bold = QFont(opt.font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(muted)
            width = QFontMetrics(bold).horizontalAdvance("000")
            painter.drawText(
                QRect(left, rect.top(), width, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{rank}.",
            )
            left += width + 2
        right = rect.right()
        if draft:
            right = self._badge(
                painter, opt, QRect(left, rect.top(), right - left, line), ink, selected
            )
        title_font = QFont(opt.font)
        title_font.setItalic(draft)
        painter.setFont(title_font)
        painter.setPen(ink)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        title_metrics = QFontMetrics(title_font)
        painter.drawText(
            QRect(left, rect.top(), right - left, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title_metrics.elidedText(
                one_line(title, 300), Qt.TextElideMode.ElideRight, right - left
            ),
        )
        painter.setFont(opt.font)
        painter.setPen(muted)
        second = one_line(self._second_line(row) if row else "", 300)
        painter.drawText(
            QRect(left, rect.top() + line + 2, rect.right() - left, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(second, Qt.TextElideMode.ElideRight, rect.right() - left),
        )
        painter.restore()

    @staticmethod
    def _badge(
        painter: QPainter, opt: QStyleOptionViewItem, space: QRect, ink: Any, selected: bool
    ) -> int:
        """Draws a "Draft" badge at the right of ``space``; the x where the title ends."""
        font = QFont(opt.font)
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        font.setBold(True)
        metrics = QFontMetrics(font)
        width = metrics.horizontalAdvance("Draft") + 12
        badge = QRect(space.right() - width, space.top() + 1, width, space.height() - 2)
        colour = ink if selected else opt.palette.color(QPalette.ColorRole.Link)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(colour)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(badge, 6, 6)
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "Draft")
        return badge.left() - 8


def ask_second_line(row: dict[str, Any]) -> str:
    """Ratings and fallback of an ask, for the second line of its row."""
    fallback = one_line(row["fallback"], 120)
    if fallback:
        tail = f"Fallback: {fallback}"
    elif row["priority"] == "must":
        tail = "⚠ No fallback yet"
    else:
        tail = "No fallback"
    return f"Importance {row['importance']} · Resistance {row['resistance']} · {tail}"


def offer_second_line(row: dict[str, Any]) -> str:
    return one_line(row["details"], 200) or "No details yet"
