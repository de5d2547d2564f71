"""Qt item models of the bundled objection library: the list and its theme/text filter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from flexprep.core import vocab

Index = QModelIndex | QPersistentModelIndex

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
THEME_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3
ADDED_ROLE = Qt.ItemDataRole.UserRole + 4

#: Plain labels of the UK statutory grounds for refusing a flexible working request.
STATUTORY_GROUNDS = {
    "extra_costs": "the burden of additional costs",
    "customer_demand": "a detrimental effect on meeting customer demand",
    "reorganise_work": "inability to reorganise work among existing staff",
    "recruit_staff": "inability to recruit additional staff",
    "quality": "a detrimental impact on quality",
    "performance": "a detrimental impact on performance",
    "insufficient_work": "insufficient work during the periods proposed",
    "structural_changes": "planned structural changes",
}


class LibraryListModel(QAbstractListModel):
    """Library objections; those already in the workbook are ticked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[dict[str, Any]] = []
        self.added: set[str] = set()

    def set_entries(self, entries: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def set_added(self, keys: set[str]) -> None:
        """Mark which library keys are already in the workbook."""
        self.added = set(keys)
        if self.entries:
            self.dataChanged.emit(self.index(0), self.index(len(self.entries) - 1))

    def entry(self, row: int) -> dict[str, Any] | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def row_of(self, key: str) -> int:
        return next((n for n, e in enumerate(self.entries) if e["key"] == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        added = entry["key"] in self.added
        if role == Qt.ItemDataRole.DisplayRole:
            return ("✓ " if added else "") + entry["text"]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return entry["text"] + (" (already in your list)" if added else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            theme = vocab.THEMES.get(entry["theme"], entry["theme"])
            return f"{theme}{' · already in your list' if added else ''}\n{entry['coaching']}"
        if role == KEY_ROLE:
            return entry["key"]
        if role == THEME_ROLE:
            return entry["theme"]
        if role == ADDED_ROLE:
            return added
        if role == SEARCH_ROLE:
            ground = STATUTORY_GROUNDS.get(entry.get("statutory_ground") or "", "")
            return " ".join(
                [
                    entry["text"],
                    entry["response"],
                    entry["coaching"],
                    entry.get("evidence_hint") or "",
                    ground,
                    vocab.THEMES.get(entry["theme"], ""),
                ]
            ).casefold()
        return None


class LibraryFilterModel(QSortFilterProxyModel):
    """Shows the library entries of one theme (or all) that contain every search word."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.theme: str | None = None
        self.words: list[str] = []

    def set_theme(self, theme: str | None) -> None:
        self.beginFilterChange()
        self.theme = theme or None
        self.endFilterChange()

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self.words = text.casefold().split()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        source = self.sourceModel()
        index = source.index(source_row, 0, source_parent)
        if self.theme is not None and source.data(index, THEME_ROLE) != self.theme:
            return False
        haystack = source.data(index, SEARCH_ROLE) or ""
        return all(word in haystack for word in self.words)
