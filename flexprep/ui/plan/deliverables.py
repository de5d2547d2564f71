"""The plan's deliverables: what will be handed over, by when, and to what standard."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from flexprep.ui.plan.deliverable_steps import AddRow, DeleteRow, MoveRow, RowStep
from flexprep.ui.widgets import kept
from flexprep.ui.widgets.common import muted_label, name
from flexprep.ui.widgets.dates import OptionalDateEdit
from flexprep.ui.widgets.undo import UndoHistory

_CTRL = Qt.KeyboardModifier.ControlModifier
_MOVE_KEYS = {
    QKeyCombination(_CTRL, Qt.Key.Key_Up).toCombined(): -1,
    QKeyCombination(_CTRL, Qt.Key.Key_Down).toCombined(): 1,
}


class _DueDate(OptionalDateEdit):
    """A deliverable's date, which says which deliverable it belongs to (``item_id``), so
    that a date typed wrongly is kept for that deliverable across restarts."""

    item_id: str | None = None


class _Row:
    """The widgets of one deliverable."""

    def __init__(self, number: int) -> None:
        self.text = name(QLineEdit(), f"deliverable_text_{number}", f"Deliverable {number}: what")
        self.text.setPlaceholderText("What you will deliver")
        self.due = _DueDate(f"deliverable_due_{number}", f"Deliverable {number}: by when")
        self.standard = name(
            QLineEdit(), f"deliverable_standard_{number}", f"Deliverable {number}: standard"
        )
        self.standard.setPlaceholderText("To what standard (signed off, error-free …)")
        self.remove = name(
            QToolButton(), f"deliverable_remove_{number}", f"Delete deliverable {number}"
        )
        self.remove.setText("✕")
        self.remove.setToolTip("Delete this deliverable")
        # Ctrl+Up / Ctrl+Down in any field of the row move it; the buttons are for the mouse.
        self.up = self._arrow(Qt.ArrowType.UpArrow, f"deliverable_up_{number}", number, "up")
        self.down = self._arrow(
            Qt.ArrowType.DownArrow, f"deliverable_down_{number}", number, "down"
        )

    @staticmethod
    def _arrow(arrow: Qt.ArrowType, object_name: str, number: int, way: str) -> QToolButton:
        button = name(QToolButton(), object_name, f"Move deliverable {number} {way}")
        button.setArrowType(arrow)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setToolTip(f"Move this deliverable {way} (Ctrl+{way.capitalize()})")
        return button

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.text, self.due, self.standard, self.up, self.down, self.remove)

    def fields(self) -> tuple[QWidget, ...]:
        """Where the row's keys (Ctrl+Up, Ctrl+Down) work."""
        return (self.text, self.due.edit, self.due.check, self.standard)

    def value(self) -> dict[str, Any]:
        due = self.due.value()
        return {
            "text": self.text.text(),
            "due": due.isoformat() if isinstance(due, date) else None,
            "standard": self.standard.text(),
        }


class _MoveKeys(QObject):
    """Ctrl+Up / Ctrl+Down in a row's field move the row (before any window shortcut)."""

    def __init__(self, editor: DeliverablesEditor, row: _Row) -> None:
        super().__init__(row.text)
        self.editor, self.row = editor, row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(
            event, QKeyEvent
        ):
            step = _MOVE_KEYS.get(event.keyCombination().toCombined())
            if step is not None:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.editor.shift(self.row, step, watched)
                return True
        return False


def _identity(text: str) -> str | None:
    """What a deliverable's date is kept under when typed wrongly (its "what"; none
    while the row has no text): see :mod:`flexprep.ui.widgets.kept`."""
    return text.strip() or None


def _rekey(row: _Row) -> None:
    """The row's "what" was edited: a wrongly typed date follows it to its new key."""
    new = _identity(row.text.text())
    if new == row.due.item_id:
        return
    waiting = None if row.due.is_valid() else row.due.edit.text()
    if waiting is not None:
        kept.forget(row.due.edit)
    row.due.item_id = new
    if waiting is not None:
        kept.remember(row.due.edit, waiting)


class DeliverablesEditor(QWidget):
    """One row per deliverable (what, by when, standard) and an Add button.

    ``items_changed`` carries every row (blank ones too, so a row being typed is kept),
    as the file format's objects, after each edit the user makes. With an
    ``undo_stack``, adding, deleting and moving a row are steps on it (typing in a
    row is the field's own undo).
    """

    items_changed = Signal(list)

    def __init__(
        self,
        hint: str = "",
        parent: QWidget | None = None,
        *,
        undo_stack: UndoHistory | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deliverables_editor")
        self.undo_stack = undo_stack
        self.generation = 0  # counts loads that replaced the rows (see set_items)
        self.rows: list[_Row] = []
        self._loading = False
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(6)
        for column, text in enumerate(("What", "By when", "To what standard")):
            header = QLabel(f"<b>{text}</b>")
            self._grid.addWidget(header, 0, column)
        self._grid.setColumnStretch(0, 3)
        self._grid.setColumnStretch(2, 2)
        self.empty = muted_label("No deliverable yet. Add the first thing you will hand over.")
        self.empty.setObjectName("deliverables_empty")
        self.add_button = name(
            QPushButton("Add &deliverable"), "deliverable_add", "Add deliverable"
        )
        self.add_button.clicked.connect(self.add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if hint:
            layout.addWidget(muted_label(hint))
        layout.addLayout(self._grid)
        layout.addWidget(self.empty)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._refresh()

    def items(self) -> list[dict[str, Any]]:
        return [row.value() for row in self.rows]

    def set_items(self, items: list[dict[str, Any]]) -> None:
        """Show ``items`` (the plan's deliverables) without emitting.

        Rows already showing ``items`` are kept as they are, so the steps on the undo
        history still find them; other items replace them (and those steps refuse).
        """
        if [_normal(item) for item in items] == self.items():
            return
        self.generation += 1
        self._show(items)

    def _show(self, items: list[dict[str, Any]]) -> None:
        self._loading = True
        try:
            while self.rows:
                self._drop(self.rows[-1])
            for item in items:
                row = self._append()
                row.text.setText(item.get("text") or "")
                row.due.item_id = _identity(row.text.text())  # before the date: it recalls by it
                due = item.get("due")
                row.due.set_value(date.fromisoformat(due) if isinstance(due, str) else due)
                row.standard.setText(item.get("standard") or "")
                for line in (row.text, row.standard):
                    line.setCursorPosition(0)  # a long line shows its start, not its end
        finally:
            self._loading = False
        self._refresh()

    # -- changes, each undoable ------------------------------------------------------

    def insert_row(self, index: int, item: dict[str, Any]) -> None:
        values = self.items()
        values.insert(index, _normal(item))
        self._show(values)
        self._emit()

    def remove_row(self, index: int) -> dict[str, Any]:
        """Remove row ``index``; what it held."""
        values = self.items()
        item = values.pop(index)
        self._show(values)  # renumbers the rows that follow
        self._emit()
        return item

    def move_row(self, index: int, target: int) -> None:
        values = self.items()
        values.insert(target, values.pop(index))
        self._show(values)
        self._emit()

    def show_row(self, index: int | None) -> None:
        """Put the cursor in row ``index`` (the Add button when there is none)."""
        if index is not None and 0 <= index < len(self.rows):
            self.rows[index].text.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _do(self, step: RowStep) -> None:
        if self.undo_stack is not None:
            self.undo_stack.run(step)
        else:
            step.first()

    # -- actions ---------------------------------------------------------------------

    @Slot()
    def add(self) -> None:
        """A new, empty row at the end, focused for typing."""
        index = len(self.rows)
        self._do(AddRow(self.undo_stack, self, self, index, _normal({})))
        self.show_row(index)

    def delete(self, row: _Row) -> None:
        """Delete ``row``; the cursor goes to the row now in its place."""
        index = self.rows.index(row)
        self._do(DeleteRow(self.undo_stack, self, self, index))
        self.show_row(min(index, len(self.rows) - 1) if self.rows else None)

    def shift(self, row: _Row, step: int, focus: object = None) -> None:
        """Move ``row`` up (-1) or down (1), keeping the cursor in the same field."""
        index = self.rows.index(row)
        target = index + step
        if not 0 <= target < len(self.rows):
            return
        column = row.fields().index(focus) if focus in row.fields() else 0
        self._do(MoveRow(self.undo_stack, self, self, index, target))
        self.rows[target].fields()[column].setFocus(Qt.FocusReason.OtherFocusReason)

    def _append(self) -> _Row:
        row = _Row(len(self.rows) + 1)
        self.rows.append(row)
        at = len(self.rows)
        for column, widget in enumerate(row.widgets()):
            self._grid.addWidget(widget, at, column)
            widget.show()  # now, not on the next turn of the event loop: it takes focus
        row.text.textEdited.connect(self._emit)
        row.text.textEdited.connect(lambda _text, r=row: _rekey(r))
        row.standard.textEdited.connect(self._emit)
        row.due.value_changed.connect(self._emit)
        row.remove.clicked.connect(lambda _=False, r=row: self.delete(r))
        row.up.clicked.connect(lambda _=False, r=row: self.shift(r, -1))
        row.down.clicked.connect(lambda _=False, r=row: self.shift(r, 1))
        keys = _MoveKeys(self, row)
        for field in row.fields():
            field.installEventFilter(keys)
        return row

    def _drop(self, row: _Row) -> None:
        self.rows.remove(row)
        for widget in row.widgets():
            self._grid.removeWidget(widget)
            widget.deleteLater()

    def _refresh(self) -> None:
        self.empty.setVisible(not self.rows)
        last = len(self.rows) - 1
        for index, row in enumerate(self.rows):
            row.up.setEnabled(index > 0)
            row.down.setEnabled(index < last)
        self._relink()

    def _relink(self) -> None:
        """Rows join the tab order where they stand: after what precedes the editor."""
        before: QWidget | None = self.add_button.previousInFocusChain()
        while (
            before is not None
            and before is not self.add_button
            and (self.isAncestorOf(before) or not before.focusPolicy() & Qt.FocusPolicy.TabFocus)
        ):
            before = before.previousInFocusChain()
        chain = self.focus_chain()
        if before is None or before is self.add_button:
            pairs = list(zip(chain, chain[1:], strict=False))
        else:
            pairs = list(zip([before, *chain], chain, strict=False))
        for first, second in pairs:
            QWidget.setTabOrder(first, second)

    @Slot()
    def _emit(self, *_: Any) -> None:
        if not self._loading:
            self.items_changed.emit(self.items())

    def focus_chain(self) -> list[QWidget]:
        """The widgets in tab order."""
        chain: list[QWidget] = []
        for row in self.rows:
            chain.extend((row.text, row.due.check, row.due.edit, row.standard, row.remove))
        return [*chain, self.add_button]


def _normal(item: dict[str, Any]) -> dict[str, Any]:
    """``item`` in the shape :meth:`DeliverablesEditor.items` gives (every key, a text date)."""
    due = item.get("due")
    return {
        "text": item.get("text") or "",
        "due": due.isoformat() if isinstance(due, date) else (due or None),
        "standard": item.get("standard") or "",
    }
