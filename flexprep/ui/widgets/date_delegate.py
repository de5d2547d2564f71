"""Date cells of a table edited like every other date field: typed in one go.

The cell's edit role holds a :class:`QDate`. The editor is a line edit that reads
what :func:`~flexprep.ui.widgets.date_text.parse_date` reads (the locale's short
format, ISO, or as shown); text that names no date leaves the cell unchanged.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from flexprep.ui.widgets.date_text import example, parse_date
from flexprep.ui.widgets.dates import long_date

AnyIndex = QModelIndex | QPersistentModelIndex


class DateDelegate(QStyledItemDelegate):
    """Edits a date cell as text; ``object_name`` and ``accessible`` name the editor."""

    def __init__(
        self,
        parent: Any = None,
        *,
        object_name: str = "date_cell_editor",
        accessible: str = "Date",
    ) -> None:
        super().__init__(parent)
        self.object_name = object_name
        self.accessible = accessible

    def createEditor(  # noqa: N802 (Qt naming)
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName(self.object_name)
        editor.setAccessibleName(self.accessible)
        hint = f"Type a date like {example()}"
        editor.setToolTip(hint)
        editor.setPlaceholderText(example())
        editor.setAccessibleDescription(hint)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QLineEdit) and isinstance(value, QDate) and value.isValid():
            editor.setText(long_date(date(value.year(), value.month(), value.day())))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:  # noqa: N802
        if not isinstance(editor, QLineEdit):
            return
        day = parse_date(editor.text())
        if day is not None:
            model.setData(index, QDate(day.year, day.month, day.day), Qt.ItemDataRole.EditRole)
