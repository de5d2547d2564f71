"""Qt item models of the Objection rehearsal tab: my objections, evidence to link."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from flexprep.core import vocab
from flexprep.core.fields import OBJECTIONS, REHEARSALS
from flexprep.core.kinds import to_file
from flexprep.core.rehearsal import latest_of
from flexprep.ui.widgets.numbers import figure_text

Index = QModelIndex | QPersistentModelIndex

COL_TEXT, COL_LIKELIHOOD, COL_CONFIDENCE = range(3)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
DRAFT_ROLE = Qt.ItemDataRole.UserRole + 2

LIKELIHOODS = {1: "Unlikely", 2: "Could come up", 3: "Possible", 4: "Likely", 5: "Almost certain"}


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class ObjectionItem:
    """What the tab shows of one objection (kept in step with the editors)."""

    #: :func:`~flexprep.core.rehearsal.latest_rating` asks :attr:`latest` (cached).
    caches_latest: ClassVar[bool] = True

    id: int
    text: str = ""
    theme: str = "other"
    likelihood: int = 3
    response: str = ""
    origin: str = "user"
    library_key: str | None = None
    draft: bool = False
    evidence: list[int] = field(default_factory=list)
    rehearsals: list[dict[str, Any]] = field(default_factory=list)
    _latest: int | None = field(default=None, init=False, repr=False, compare=False)
    _latest_known: bool = field(default=False, init=False, repr=False, compare=False)

    def __setattr__(self, key: str, value: Any) -> None:
        if key == "rehearsals":  # a new history: the latest rating is worked out again
            object.__setattr__(self, "_latest_known", False)
        object.__setattr__(self, key, value)

    @classmethod
    def from_row(cls, row: Any) -> ObjectionItem:
        """From an :class:`~flexprep.core.models.Objection` snapshot."""
        return cls(
            id=row.id,
            text=row.text,
            theme=row.theme,
            likelihood=row.likelihood,
            response=row.response,
            origin=row.origin,
            library_key=row.library_key,
            draft=row.draft,
            evidence=[link.evidence_id for link in row.evidence_links],
            rehearsals=[
                {"id": r.id, "at": r.at, "confidence": r.confidence, "seconds": r.seconds}
                for r in sorted(row.rehearsals, key=lambda r: (r.at, r.id))
            ],
        )

    @property
    def latest(self) -> int | None:
        """The latest confidence rating (see :func:`~flexprep.core.rehearsal.latest_rating`),
        worked out once per history: the table asks for it on every paint."""
        if not self._latest_known:
            object.__setattr__(self, "_latest", latest_of(self.rehearsals))
            object.__setattr__(self, "_latest_known", True)
        return self._latest

    def as_file(self) -> dict[str, Any]:
        """This objection in its file-format shape, as the charts read it: the keys come
        from the declarations, so the tab never has to read the workbook again to draw."""
        data = {
            spec.key: to_file(spec.kind, getattr(self, spec.key, spec.fresh_default()))
            for spec in OBJECTIONS
            if not (spec.omit_when_none and getattr(self, spec.key, None) is None)
        }
        data["rehearsals"] = [
            {spec.key: to_file(spec.kind, rehearsal.get(spec.key)) for spec in REHEARSALS}
            for rehearsal in self.rehearsals
        ]
        return data


class ObjectionTableModel(QAbstractTableModel):
    """The workbook's objections in rank order: text, likelihood, latest confidence."""

    HEADERS = ("Objection", "Likely", "Conf.")
    HEADER_TIPS = (
        "What your manager might say (drafts are in italics)",
        "How likely it is to come up, 1-5",
        "Your latest confidence rating, 1-5 (– never rehearsed)",
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[ObjectionItem] = []
        self._rows: dict[int, int] = {}

    def set_items(self, items: Sequence[ObjectionItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self._rows = {item.id: n for n, item in enumerate(self.items)}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def item(self, row: int) -> ObjectionItem | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def row_of(self, objection_id: int | None) -> int:
        if objection_id is None:
            return -1
        row = self._rows.get(objection_id, -1)
        if 0 <= row < len(self.items) and self.items[row].id == objection_id:
            return row
        # (items changed in place since set_items: look again, and remember)
        self._rows = {item.id: n for n, item in enumerate(self.items)}
        return self._rows.get(objection_id, -1)

    def update(self, objection_id: int, **fields: Any) -> None:
        """Change fields of one item as the user edits them (display only)."""
        row = self.row_of(objection_id)
        if row < 0:
            return
        for key, value in fields.items():
            setattr(self.items[row], key, value)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.HEADER_TIPS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = index.column()
        if role == ID_ROLE:
            return item.id
        if role == DRAFT_ROLE:
            return item.draft
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(item, column) or "none"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if role == Qt.ItemDataRole.FontRole and item.draft and column == COL_TEXT:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_TEXT:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _display(item: ObjectionItem, column: int) -> str:
        if column == COL_TEXT:
            # Only the start can show in a row; a megabyte pasted must not slow painting.
            text = " ".join(item.text[:400].split()) or "(new objection: type it in)"
            return f"Draft · {text}" if item.draft else text
        if column == COL_LIKELIHOOD:
            return str(item.likelihood)
        latest = item.latest
        return "–" if latest is None else str(latest)

    @staticmethod
    def _tooltip(item: ObjectionItem) -> str:
        lines = [
            _clip(item.text.strip(), 600) or "(no text yet)",
            f"{vocab.THEMES.get(item.theme, item.theme)} · likelihood {item.likelihood}",
        ]
        count = len(item.rehearsals)
        lines.append(
            f"Rehearsed {count} time{'s' if count != 1 else ''}, latest confidence {item.latest}"
            if count
            else "Never rehearsed"
        )
        if item.evidence:
            lines.append(f"{len(item.evidence)} evidence item(s) linked")
        if item.draft:
            lines.append("Draft: rewrite it in your own words, or “Make this mine” as it is")
        return "\n".join(lines)


class EvidenceCheckModel(QAbstractListModel):
    """The workbook's evidence, each checkable: linked to the current objection or not."""

    #: The checked evidence ids, in the workbook's order, after the user toggled one.
    links_changed = Signal(list)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.evidence: list[Any] = []
        self.checked: set[int] = set()

    def set_evidence(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.evidence = list(rows)
        self.checked &= {row.id for row in self.evidence}
        self.endResetModel()

    def set_checked(self, ids: Sequence[int]) -> None:
        self.checked = set(ids)
        if self.evidence:
            self.dataChanged.emit(self.index(0), self.index(len(self.evidence) - 1))

    def checked_ids(self) -> list[int]:
        return [row.id for row in self.evidence if row.id in self.checked]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.evidence)

    @staticmethod
    def label(row: Any) -> str:
        kind = vocab.EVIDENCE_KINDS.get(row.kind, row.kind)
        title = " ".join((row.title or "(untitled)")[:300].split())
        figure = figure_text(row)
        return f"{title}  —  {figure}" if figure else f"{title}  ({kind.lower()})"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.evidence):
            return None
        row = self.evidence[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.label(row)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.CheckStateRole:
            linked = row.id in self.checked
            return Qt.CheckState.Checked if linked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [row.details.strip(), f"Source: {row.source}" if row.source else ""]
            return "\n".join(p for p in parts if p) or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.isValid() else base

    def setData(
        self,
        index: Index,
        value: Any,  # noqa: N802
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        ident = self.evidence[index.row()].id
        state = value.value if hasattr(value, "value") else value
        if state == Qt.CheckState.Checked.value:
            self.checked.add(ident)
        else:
            self.checked.discard(ident)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.links_changed.emit(self.checked_ids())
        return True
