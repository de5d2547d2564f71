"""The asks as the formal request and the follow-up see them: one row per ask.

:class:`RequestAsks` ticks the asks the formal request covers (``asks[].in_request``);
:class:`AskOutcomes` records what became of each ask after the meeting (``outcome`` and
``outcome_note``). Both only show and emit edits; the tab saves them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from flexprep.core import vocab
from flexprep.ui.widgets.common import muted_label, name


@dataclass
class AskRow:
    """What the two panels show of one ask."""

    id: int
    title: str
    draft: bool
    in_request: bool
    outcome: str
    outcome_note: str

    @property
    def label(self) -> str:
        title = " ".join(self.title.split()) or "(an ask with no title)"
        return f"{title} (draft)" if self.draft else title


class _Rows(QWidget):
    """A grid rebuilt whenever the asks are loaded; ``ask_edited(id, field, value)``."""

    ask_edited = Signal(int, str, object)

    def __init__(self, object_name: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(4)
        self.empty = muted_label(empty_text)
        self.empty.setObjectName(f"{object_name}_empty")
        self.rows: list[AskRow] = []
        self._loading = False

    def _clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.empty:
                widget.deleteLater()
        self.grid.addWidget(self.empty, 0, 0, 1, -1)

    def _add(self, widget: QWidget, *cell: int) -> None:
        # Shown now, not on the next turn of the event loop: Tab may reach it at once.
        self.grid.addWidget(widget, *cell)
        widget.show()

    def focus_widgets(self) -> list[QWidget]:
        """The row widgets in tab order."""
        return []


class RequestAsks(_Rows):
    """One tick box per ask: "include in the formal request"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "request_asks",
            "No asks yet: add them on the Asks & offers tab, then tick the ones the "
            "formal request covers.",
            parent,
        )
        self.boxes: list[QCheckBox] = []

    def set_asks(self, rows: list[AskRow]) -> None:
        self._loading = True
        try:
            self._clear()
            self.rows, self.boxes = list(rows), []
            self.empty.setVisible(not rows)
            for index, row in enumerate(rows, start=1):
                box = QCheckBox(row.label)
                name(box, f"in_request_{index}", f"Include in the formal request: {row.label}")
                box.setChecked(row.in_request)
                box.toggled.connect(lambda on, ask_id=row.id: self._on_toggled(ask_id, on))
                self._add(box, index, 0)
                self.boxes.append(box)
        finally:
            self._loading = False

    def _on_toggled(self, ask_id: int, on: bool) -> None:
        if not self._loading:
            self.ask_edited.emit(ask_id, "in_request", on)

    def focus_widgets(self) -> list[QWidget]:
        return list(self.boxes)


class AskOutcomes(_Rows):
    """Per ask: its outcome (agreed, agreed with changes, not agreed, open) and a note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("ask_outcomes", "No asks yet.", parent)
        self.grid.setColumnStretch(2, 1)
        self.combos: list[QComboBox] = []
        self.notes: list[QLineEdit] = []

    def set_asks(self, rows: list[AskRow]) -> None:
        self._loading = True
        try:
            self._clear()
            self.rows, self.combos, self.notes = list(rows), [], []
            self.empty.setVisible(not rows)
            for index, row in enumerate(rows, start=1):
                title = QLabel(row.label)
                title.setWordWrap(True)
                combo = name(QComboBox(), f"ask_outcome_{index}", f"Outcome of: {row.label}")
                for key, text in vocab.ASK_OUTCOMES.items():
                    combo.addItem(text, key)
                combo.setCurrentIndex(max(0, combo.findData(row.outcome)))
                combo.activated.connect(
                    lambda _=0, c=combo, ask_id=row.id: self.ask_edited.emit(
                        ask_id, "outcome", c.currentData()
                    )
                )
                title.setBuddy(combo)
                note = name(QLineEdit(row.outcome_note), f"ask_note_{index}", f"Note: {row.label}")
                note.setPlaceholderText("What was agreed, or what changed…")
                note.textEdited.connect(
                    lambda text, ask_id=row.id: self.ask_edited.emit(ask_id, "outcome_note", text)
                )
                self._add(title, 2 * index - 1, 0, 1, 3)
                self._add(combo, 2 * index, 0)
                self._add(note, 2 * index, 1, 1, 2)
                self.combos.append(combo)
                self.notes.append(note)
        finally:
            self._loading = False

    def focus_widgets(self) -> list[QWidget]:
        return [w for pair in zip(self.combos, self.notes, strict=True) for w in pair]
