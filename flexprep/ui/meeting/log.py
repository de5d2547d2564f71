"""The trial log: dated entries kept during the trial, in a table model."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from flexprep.ui.widgets.date_delegate import DateDelegate as TypedDateDelegate
from flexprep.ui.widgets.dates import long_date

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass
class LogEntry:
    """One row: the database id, the date (None: undated), the text, and whether the
    user shares it with the manager (the trial review)."""

    id: int
    date: date | None
    text: str
    shareable: bool = False


class TrialLogTableModel(QAbstractTableModel):
    """Trial log entries in rank order; the user edits dates and texts in place.

    Edits change the row here and emit ``entry_edited(id, field, value)`` for the
    owner to save; the model never talks to the database.
    """

    COL_DATE, COL_TEXT, COL_SHARE = 0, 1, 2
    HEADERS = ("Date", "What happened", "Share")
    IdRole = Qt.ItemDataRole.UserRole + 1
    DateRole = Qt.ItemDataRole.UserRole + 2

    entry_edited = Signal(int, str, object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[LogEntry] = []

    # -- shape -------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == self.COL_SHARE:  # a tick: "share with my manager"
            return (
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | (Qt.ItemFlag.ItemIsUserCheckable)
            )
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    # -- data --------------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == self.IdRole:
            return entry.id
        if role == self.DateRole:
            return entry.date
        if column == self.COL_SHARE:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if entry.shareable else Qt.CheckState.Unchecked
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return "Shared with my manager" if entry.shareable else "Private"
            return None
        if column == self.COL_DATE:
            if role == Qt.ItemDataRole.DisplayRole:
                return long_date(entry.date) if entry.date else "No date"
            if role == Qt.ItemDataRole.EditRole:
                day = entry.date or date.today()
                return QDate(day.year, day.month, day.day)
        elif column == self.COL_TEXT and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
        ):
            return entry.text
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_TEXT:
            return entry.text or None
        return None

    def setData(
        self,
        index: AnyIndex,
        value: Any,  # noqa: N802
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if index.isValid() and index.column() == self.COL_SHARE:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            entry = self.entries[index.row()]
            entry.shareable = Qt.CheckState(value) == Qt.CheckState.Checked
            self.dataChanged.emit(index, index)
            self.entry_edited.emit(entry.id, "shareable", entry.shareable)
            return True
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        entry = self.entries[index.row()]
        if index.column() == self.COL_DATE:
            if isinstance(value, QDate):
                value = date(value.year(), value.month(), value.day())
            if not isinstance(value, date) or value == entry.date:
                return False
            entry.date, field = value, "date"
        else:
            if not isinstance(value, str) or value == entry.text:
                return False
            entry.text, field = value, "text"
        self.dataChanged.emit(index, index)
        self.entry_edited.emit(entry.id, field, value)
        return True

    # -- rows --------------------------------------------------------------------------

    def set_entries(self, entries: list[LogEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def insert_entry(self, row: int, entry: LogEntry) -> None:
        row = max(0, min(row, len(self.entries)))
        self.beginInsertRows(QModelIndex(), row, row)
        self.entries.insert(row, entry)
        self.endInsertRows()

    def remove_entry(self, row: int) -> LogEntry:
        self.beginRemoveRows(QModelIndex(), row, row)
        entry = self.entries.pop(row)
        self.endRemoveRows()
        return entry

    def row_of(self, entry_id: int) -> int:
        return next((r for r, e in enumerate(self.entries) if e.id == entry_id), -1)


class DateDelegate(TypedDateDelegate):
    """Edits a date cell as typed text, like every date field of the window."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            parent, object_name="trial_log_date_editor", accessible="Date of the entry"
        )
