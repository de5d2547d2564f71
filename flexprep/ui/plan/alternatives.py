"""The alternatives to offer: each with what it means and an editable line of detail."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QLineEdit, QVBoxLayout, QWidget

from flexprep.core import vocab
from flexprep.ui.widgets.common import muted_label, name


class AlternativesEditor(QWidget):
    """A tick box per alternative, its explanation, and a line saying how it would work.

    The line can be written whether or not the box is ticked (it is kept when the box
    is unticked, and comes back with it). ``fields_changed`` carries ``alternatives``
    (the ticked keys in vocabulary order) or ``alternative_details`` (every line
    written, by key).
    """

    fields_changed = Signal(dict)

    def __init__(self, coaching: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alternatives_editor")
        self._loading = False
        self.boxes: dict[str, QCheckBox] = {}
        self.details: dict[str, QLineEdit] = {}
        self.explanations: dict[str, Any] = {}
        texts = coaching.get("alternatives", {})
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for key, label in vocab.ALTERNATIVES.items():
            text = texts.get(key, {})
            box = name(QCheckBox(label), f"alternative_{key}", f"Offer as an alternative: {label}")
            explanation = muted_label(text.get("explanation", ""))
            explanation.setObjectName(f"alternative_{key}_explanation")
            explanation.setContentsMargins(22, 0, 0, 0)
            detail = name(QLineEdit(), f"alternative_{key}_detail", f"How it would work: {label}")
            detail.setPlaceholderText(text.get("example", "How it would work, in one line"))
            detail.setAccessibleDescription(text.get("explanation", ""))
            holder = QWidget()
            row = QVBoxLayout(holder)
            row.setContentsMargins(22, 0, 0, 6)
            row.addWidget(detail)
            layout.addWidget(box)
            layout.addWidget(explanation)
            layout.addWidget(holder)
            self.boxes[key], self.details[key], self.explanations[key] = box, detail, explanation
            box.toggled.connect(self._on_toggled)
            detail.textEdited.connect(self._on_detail)

    def set_plan(self, plan: Any) -> None:
        """Show the alternatives and lines of ``plan`` (a Plan row) without emitting."""
        self._loading = True
        try:
            ticked = plan.alternatives or []
            lines = plan.alternative_details or {}
            for key, box in self.boxes.items():
                box.setChecked(key in ticked)
                detail = self.details[key]
                detail.setText(lines.get(key, ""))
                if not detail.hasFocus():
                    detail.setCursorPosition(0)  # a long line shows its start, not its end
        finally:
            self._loading = False

    def focus_chain(self) -> list[QWidget]:
        """Each tick box followed by its line."""
        return [widget for key in self.boxes for widget in (self.boxes[key], self.details[key])]

    @Slot()
    def _on_toggled(self) -> None:
        if not self._loading:
            ticked = [key for key, box in self.boxes.items() if box.isChecked()]
            self.fields_changed.emit({"alternatives": ticked})

    @Slot()
    def _on_detail(self) -> None:
        if not self._loading:
            lines = {key: edit.text() for key, edit in self.details.items() if edit.text()}
            self.fields_changed.emit({"alternative_details": lines})
