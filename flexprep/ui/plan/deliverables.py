"""The plan's deliverables: what will be handed over, by when, and to what standard."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
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

from flexprep.ui.widgets.common import muted_label, name
from flexprep.ui.widgets.dates import OptionalDateEdit


class _Row:
    """The widgets of one deliverable."""

    def __init__(self, number: int) -> None:
        self.text = name(QLineEdit(), f"deliverable_text_{number}", f"Deliverable {number}: what")
        self.text.setPlaceholderText("What you will deliver")
        self.due = OptionalDateEdit(f"deliverable_due_{number}", f"Deliverable {number}: by when")
        self.standard = name(
            QLineEdit(), f"deliverable_standard_{number}", f"Deliverable {number}: standard"
        )
        self.standard.setPlaceholderText("To what standard (signed off, error-free …)")
        self.remove = name(
            QToolButton(), f"deliverable_remove_{number}", f"Remove deliverable {number}"
        )
        self.remove.setText("✕")
        self.remove.setToolTip("Remove this deliverable")

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.text, self.due, self.standard, self.remove)

    def value(self) -> dict[str, Any]:
        due = self.due.value()
        return {
            "text": self.text.text(),
            "due": due.isoformat() if isinstance(due, date) else None,
            "standard": self.standard.text(),
        }


class DeliverablesEditor(QWidget):
    """One row per deliverable (what, by when, standard) and an Add button.

    ``items_changed`` carries every row (blank ones too, so a row being typed is kept),
    as the file format's objects, after each edit the user makes.
    """

    items_changed = Signal(list)

    def __init__(self, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deliverables_editor")
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
        """Show ``items`` (the plan's deliverables) without emitting."""
        self._loading = True
        try:
            while self.rows:
                self._drop(self.rows[-1])
            for item in items:
                row = self._append()
                row.text.setText(item.get("text") or "")
                due = item.get("due")
                row.due.set_value(date.fromisoformat(due) if isinstance(due, str) else due)
                row.standard.setText(item.get("standard") or "")
        finally:
            self._loading = False
        self._refresh()

    @Slot()
    def add(self) -> None:
        """A new, empty row, focused for typing."""
        row = self._append()
        self._refresh()
        row.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self._emit()

    def _append(self) -> _Row:
        row = _Row(len(self.rows) + 1)
        self.rows.append(row)
        at = len(self.rows)
        for column, widget in enumerate(row.widgets()):
            self._grid.addWidget(widget, at, column)
            widget.show()  # now, not on the next turn of the event loop: it takes focus
        row.text.textEdited.connect(self._emit)
        row.standard.textEdited.connect(self._emit)
        row.due.value_changed.connect(self._emit)
        row.remove.clicked.connect(lambda _=False, r=row: self._remove(r))
        return row

    def _remove(self, row: _Row) -> None:
        index = self.rows.index(row)
        values = self.items()
        del values[index]
        self.set_items(values)  # renumbers the rows that follow
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].text.setFocus()
        else:
            self.add_button.setFocus()
        self._emit()

    def _drop(self, row: _Row) -> None:
        self.rows.remove(row)
        for widget in row.widgets():
            self._grid.removeWidget(widget)
            widget.deleteLater()

    def _refresh(self) -> None:
        self.empty.setVisible(not self.rows)
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
