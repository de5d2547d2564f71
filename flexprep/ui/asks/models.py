"""Qt item models of the ranked lists on the Must-haves tab: asks and offers.

Each list is a :class:`RankedListModel` of plain row dicts (``id`` plus fields). A drag
carries the dragged rows' ids under a MIME type of the list kind; a drop does not
change the model itself but emits :attr:`RankedListModel.drop_requested`, so the owner
saves the new rank first and then updates the models.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from flexprep.core import vocab

Row = dict[str, Any]
Index = QModelIndex | QPersistentModelIndex

ASK_MIME = "application/x-flexprep-ask-ids"
OFFER_MIME = "application/x-flexprep-offer-ids"
#: Set in every drag of this process: a drop from another FlexPrep window (which may
#: hold another database with the same ids) is refused.
_SESSION = secrets.token_hex(8)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
DRAFT_ROLE = Qt.ItemDataRole.UserRole + 3
RANK_ROLE = Qt.ItemDataRole.UserRole + 4

DRAFT_TIP = (
    "Draft suggested for your scenario. Rewrite it in your own words, or keep it "
    "as it is with “Make this mine”."
)


def ask_row(ask: Any) -> Row:
    """The row dict of an :class:`~flexprep.core.models.Ask` snapshot."""
    return {
        key: getattr(ask, key)
        for key in (
            "id",
            "title",
            "details",
            "priority",
            "fallback",
            "importance",
            "resistance",
            "draft",
        )
    }


def offer_row(offer: Any) -> Row:
    """The row dict of an :class:`~flexprep.core.models.Offer` snapshot."""
    return {"id": offer.id, "title": offer.title, "details": offer.details}


def one_line(text: str, limit: int = 160) -> str:
    """``text`` on one line, shortened for a list row."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _tip(row: Row) -> str:
    """Tooltip of a row: its whole title (rows elide it) and the start of its details."""
    details = one_line(row.get("details", ""), 400)
    title = one_line(row["title"], 400) or "(untitled)"
    return f"{title}\n{details}" if details else title


class RankedListModel(QAbstractListModel):
    """Rows in rank order, draggable within and between lists of the same kind.

    Signals:
        drop_requested: ``(ids, row, key)``: rows ``ids`` were dropped before ``row``
            (``-1``: at the end) of the list ``key``.
    """

    drop_requested = Signal(list, int, str)

    MIME = OFFER_MIME

    def __init__(self, key: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.key = key
        self.scope = ""  # the workbook the rows belong to, checked on drop
        self._rows: list[Row] = []

    # -- data -------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[Row], scope: str = "") -> None:
        self.beginResetModel()
        self._rows = [dict(row) for row in rows]
        self.scope = scope
        self.endResetModel()

    def rows(self) -> list[Row]:
        return [dict(row) for row in self._rows]

    def row_of(self, item_id: int) -> int:
        """The row showing ``item_id``, or -1."""
        return next((n for n, row in enumerate(self._rows) if row["id"] == item_id), -1)

    def item(self, row: int) -> Row:
        return dict(self._rows[row])

    def insert(self, row: int, values: Row) -> None:
        row = max(0, min(row, len(self._rows)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, dict(values))
        self.endInsertRows()
        self._ranks_changed(row + 1)

    def take(self, row: int) -> Row:
        self.beginRemoveRows(QModelIndex(), row, row)
        values = self._rows.pop(row)
        self.endRemoveRows()
        self._ranks_changed(row)
        return values

    def move(self, source: int, target: int) -> None:
        """Move row ``source`` so that it ends up at index ``target``."""
        if source == target:
            return
        # Qt counts the destination before the move: one past the target when moving down.
        self.beginMoveRows(
            QModelIndex(), source, source, QModelIndex(), target + 1 if target > source else target
        )
        self._rows.insert(target, self._rows.pop(source))
        self.endMoveRows()
        self._ranks_changed(min(source, target))

    def update(self, item_id: int, **fields: Any) -> None:
        row = self.row_of(item_id)
        if row < 0:
            return
        self._rows[row].update(fields)
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def _ranks_changed(self, first: int) -> None:
        if 0 <= first < len(self._rows):
            self.dataChanged.emit(
                self.index(first),
                self.index(len(self._rows) - 1),
                [RANK_ROLE, Qt.ItemDataRole.DisplayRole],
            )

    def rank(self, row: int) -> int:
        """The number shown beside a row (1 for the first)."""
        return row + 1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row["title"] or "(untitled)"
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tip(row)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return one_line(row.get("details", ""), 400) or None
        if role == ID_ROLE:
            return row["id"]
        if role == ROW_ROLE:
            return dict(row)
        if role == RANK_ROLE:
            return self.rank(index.row())
        return None

    # -- drag and drop ----------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            # Drops land between rows (or below the last), never "onto" a row.
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [self.MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        ids = [
            self._rows[i.row()]["id"] for i in sorted(indexes, key=lambda i: i.row()) if i.isValid()
        ]
        payload = {"session": _SESSION, "scope": self.scope, "ids": ids}
        data = QMimeData()
        data.setData(self.MIME, QByteArray(json.dumps(payload).encode()))
        # Dropped into a text editor, the drag gives the titles.
        data.setText("\n".join(self._rows[i.row()]["title"] for i in indexes if i.isValid()))
        return data

    def dropped_ids(self, data: QMimeData) -> list[int]:
        """The ids a drag carries, if it comes from this window and workbook."""
        if data is None or not data.hasFormat(self.MIME):
            return []
        try:
            payload = json.loads(bytes(data.data(self.MIME).data()).decode())
        except (ValueError, UnicodeDecodeError):
            return []
        if payload.get("session") != _SESSION or payload.get("scope") != self.scope:
            return []
        return [int(i) for i in payload.get("ids", []) if isinstance(i, int)]

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,  # noqa: N802
        column: int,
        parent: Index,
    ) -> bool:
        return action == Qt.DropAction.MoveAction and bool(self.dropped_ids(data))

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,  # noqa: N802
        column: int,
        parent: Index,
    ) -> bool:
        ids = self.dropped_ids(data)
        if action != Qt.DropAction.MoveAction or not ids:
            return False
        if parent.isValid():  # dropped onto a row: it goes before that row
            row = parent.row()
        self.drop_requested.emit(ids, row, self.key)
        # The owner has moved the rows already; nothing is left for the view to remove
        # (removeRows is not implemented, so a MoveAction cannot delete anything here).
        return True


class AskListModel(RankedListModel):
    """One column of asks (``must`` or ``nice``); ranks continue across columns."""

    MIME = ASK_MIME

    def __init__(self, priority: str, parent: Any = None) -> None:
        super().__init__(priority, parent)
        self.priority = priority
        self.offset = 0  # asks ranked above this column (the must-haves, for "nice")

    def set_offset(self, offset: int) -> None:
        if offset != self.offset:
            self.offset = offset
            self._ranks_changed(0)

    def rank(self, row: int) -> int:
        return self.offset + row + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == DRAFT_ROLE:
            return bool(row["draft"])
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{DRAFT_TIP}\n\n{_tip(row)}" if row["draft"] else _tip(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            draft = "Draft. " if row["draft"] else ""
            fallback = "has a fallback" if row["fallback"].strip() else "no fallback yet"
            return (
                f"{draft}{self.rank(index.row())}. {row['title'] or 'untitled'}; "
                f"importance {row['importance']}, resistance {row['resistance']}, "
                f"{fallback}"
            )
        return super().data(index, role)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return vocab.PRIORITIES[self.priority]
        return None


class OfferListModel(RankedListModel):
    """What the user offers in return, in rank order."""

    MIME = OFFER_MIME

    def __init__(self, parent: Any = None) -> None:
        super().__init__("offers", parent)
