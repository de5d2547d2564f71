"""Qt item models of the endorsements and evidence lists.

Rows are plain dicts (``id`` plus the item's fields), loaded from the service and
updated in place as the user types, so the lists and the chart follow the editor
before the write reaches the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from flexprep.core import vocab
from flexprep.core.models import Endorsement, Evidence
from flexprep.ui.widgets.numbers import figure_text

Index = QModelIndex | QPersistentModelIndex

#: Custom roles: the row's item id and the whole row dict.
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

ENDORSEMENT_FIELDS = ("author", "relationship", "date", "quote", "speaks_to", "shareable")
EVIDENCE_FIELDS = (
    "kind",
    "title",
    "details",
    "source",
    "unit",
    "before",
    "before_label",
    "after",
    "after_label",
    "higher_is_better",
)


def row_dict(item: Any, fields: Sequence[str]) -> dict[str, Any]:
    """A detached service row as a plain dict with its ``id``."""
    row = {"id": item.id}
    for field in fields:
        value = getattr(item, field)
        row[field] = list(value) if isinstance(value, list) else value
    return row


class RankedTableModel(QAbstractTableModel):
    """A ranked list of rows; rows are reordered by drag and drop or by :meth:`move_row`.

    A drop does not move anything itself: it emits ``move_requested(row, to_row)``
    so the owner can save the new rank first and then call :meth:`move_row`.
    """

    MIME = "application/x-flexprep-rank"
    HEADERS: ClassVar[tuple[str, ...]] = ()
    #: The ORM class of the rows and the fields each row carries; each table sets both.
    MODEL: ClassVar[type[Endorsement | Evidence]]
    FIELDS: ClassVar[tuple[str, ...]] = ()
    move_requested = Signal(int, int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    # -- contents ---------------------------------------------------------------------

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, item_id: int | None) -> int:
        """The row showing item ``item_id`` (-1 if none)."""
        return next((i for i, row in enumerate(self.rows) if row["id"] == item_id), -1)

    def insert_row(self, position: int, row: dict[str, Any]) -> None:
        position = max(0, min(position, len(self.rows)))
        self.beginInsertRows(QModelIndex(), position, position)
        self.rows.insert(position, row)
        self.endInsertRows()

    def remove_row(self, position: int) -> None:
        self.beginRemoveRows(QModelIndex(), position, position)
        del self.rows[position]
        self.endRemoveRows()

    def move_row(self, source: int, target: int) -> None:
        """Move row ``source`` so that it ends up at index ``target``."""
        if source == target or not 0 <= source < len(self.rows):
            return
        target = max(0, min(target, len(self.rows) - 1))
        # Qt's destination is the row the moved row goes *before*, counted before removal.
        destination = target + 1 if target > source else target
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), destination)
        self.rows.insert(target, self.rows.pop(source))
        self.endMoveRows()

    def set_field(self, item_id: int, field: str, value: Any) -> None:
        """Change one field of the row showing ``item_id`` and repaint it."""
        position = self.row_of(item_id)
        if position < 0:
            return
        self.rows[position][field] = value
        self.dataChanged.emit(self.index(position, 0), self.index(position, self.columnCount() - 1))

    # -- Qt model API -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return row["id"]
        if role == ROW_ROLE:
            return row
        return self.cell(row, index.column(), role)

    def cell(self, row: dict[str, Any], column: int, role: int) -> Any:
        """What column ``column`` shows for ``row`` in ``role``; each table overrides it."""
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [self.MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        if rows:
            mime.setData(self.MIME, QByteArray(str(rows[0]).encode()))
        return mime

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,  # noqa: N802
        column: int,
        parent: Index,
    ) -> bool:
        return data.hasFormat(self.MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,  # noqa: N802
        column: int,
        parent: Index,
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        source = int(bytes(data.data(self.MIME).data()).decode() or -1)
        if not 0 <= source < len(self.rows):
            return False
        if parent.isValid():  # dropped on a row: take its place
            target = parent.row()
        else:  # between rows: go before ``row``; below the last: last
            before = row if row >= 0 else len(self.rows)
            target = before - 1 if before > source else before
        target = max(0, min(target, len(self.rows) - 1))
        if target != source:
            self.move_requested.emit(source, target)
        # The owner moved the row (or refused); Qt must not remove anything itself.
        return False


class EndorsementTableModel(RankedTableModel):
    """Endorsements: author, relationship and whether the quote may be shared."""

    COL_AUTHOR, COL_RELATIONSHIP, COL_SHARED = range(3)
    HEADERS = ("Author", "Relationship", "Shared")
    MODEL = Endorsement
    FIELDS = ENDORSEMENT_FIELDS

    def cell(self, row: dict[str, Any], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_AUTHOR:
                return row["author"].splitlines()[0] if row["author"].strip() else "(no author)"
            if column == self.COL_RELATIONSHIP:
                return vocab.RELATIONSHIPS.get(row["relationship"], row["relationship"])
            if column == self.COL_SHARED:
                return "✓ Shared" if row["shareable"] else "Private"
        if role == Qt.ItemDataRole.ToolTipRole:
            quote = " ".join(row["quote"].split())
            when = row["date"].isoformat() if isinstance(row["date"], date) else "no date"
            sharing = (
                "May be shared in manager-facing documents"
                if row["shareable"]
                else "Private: only in My brief"
            )
            return f"“{quote[:300]}”\n{when} · {sharing}" if quote else sharing
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.COL_SHARED:
            return "shared" if row["shareable"] else "private"
        return None


#: Kind names short enough for a list column.
SHORT_KINDS = {
    "metric": "Metric",
    "achievement": "Achievement",
    "research": "Research",
    "precedent": "Precedent",
}


class EvidenceTableModel(RankedTableModel):
    """Evidence items: kind, title and, for metrics, the before → after values."""

    COL_KIND, COL_TITLE, COL_VALUES = range(3)
    HEADERS = ("Kind", "Title", "Before → after")
    MODEL = Evidence
    FIELDS = EVIDENCE_FIELDS

    def cell(self, row: dict[str, Any], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_KIND:
                return SHORT_KINDS.get(row["kind"], row["kind"])
            if column == self.COL_TITLE:
                return row["title"].splitlines()[0] if row["title"].strip() else "(no title)"
            if column == self.COL_VALUES:
                return metric_summary(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            source = row["source"].strip()
            kind = vocab.EVIDENCE_KINDS.get(row["kind"], row["kind"])
            figure = figure_text(row, labels=True) if row["kind"] == "metric" else ""
            return (
                f"{kind}: {row['title']}\n"
                + (f"{figure}\n" if figure else "")
                + (f"Source: {source}" if source else "No source yet")
            )
        return None


def metric_summary(row: dict[str, Any]) -> str:
    """``86% → 95%`` for a metric, as the Objection rehearsal tab shows it; "" otherwise."""
    return figure_text(row) if row["kind"] == "metric" else ""
