"""The editor of one evidence item; the metric fields show only for metrics."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from flexprep.core import vocab
from flexprep.ui.evidence.number import NumberEdit
from flexprep.ui.widgets.common import GrowingTextEdit, muted_label, name

EMPTY_ROW: dict[str, Any] = {
    "id": None,
    "kind": "achievement",
    "title": "",
    "details": "",
    "source": "",
    "unit": "",
    "before": None,
    "before_label": "",
    "after": None,
    "after_label": "",
    "higher_is_better": True,
}


class EvidenceEditor(QWidget):
    """Form for the selected evidence item; emits ``edited(field, value)`` as the user types.

    A number the user has typed but that is not a number is kept here per item (and
    shown again when the item is shown again) while the saved value stays the last
    good one.
    """

    edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.item_id: int | None = None
        #: (item id, "before"/"after") -> text the user typed that is not a number.
        self.bad_numbers: dict[tuple[int, str], str] = {}

        self.kind = name(QComboBox(), "evidence_kind", "Kind of evidence")
        for key, label in vocab.EVIDENCE_KINDS.items():
            self.kind.addItem(label, key)
        self.title = name(QLineEdit(), "evidence_title", "Title of the evidence")
        self.title.setPlaceholderText("One line a manager remembers")
        self.details = name(
            GrowingTextEdit(min_lines=2, max_lines=8), "evidence_details", "Details of the evidence"
        )
        self.details.setPlaceholderText("What happened, where the numbers come from…")
        self.source = name(QLineEdit(), "evidence_source", "Source of the evidence")
        self.source.setPlaceholderText("Where a sceptic can check it: report, dashboard, citation…")
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget in (
            ("&Kind:", self.kind),
            ("T&itle:", self.title),
            ("De&tails:", self.details),
            ("S&ource:", self.source),
        ):
            row_label = QLabel(text)
            row_label.setBuddy(widget)
            form.addRow(row_label, widget)

        self.metric_box = self._build_metric_box()
        self.supports = muted_label("")
        self.supports.setObjectName("evidence_supports")
        self.supports.setAccessibleName("Objections this evidence supports")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.metric_box)
        layout.addWidget(self.supports)
        layout.addStretch(1)

        chain = [
            self.kind,
            self.title,
            self.details,
            self.source,
            self.unit,
            self.higher_is_better,
            self.before,
            self.before_label,
            self.after,
            self.after_label,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.kind.activated.connect(self._on_kind)
        for field, edit in (
            ("title", self.title),
            ("source", self.source),
            ("unit", self.unit),
            ("before_label", self.before_label),
            ("after_label", self.after_label),
        ):
            edit.textEdited.connect(lambda text, f=field: self._emit(f, text))
        self.details.edited.connect(lambda text: self._emit("details", text))
        self.higher_is_better.toggled.connect(lambda on: self._emit("higher_is_better", on))
        for field, edit in (("before", self.before), ("after", self.after)):
            edit.value_edited.connect(lambda value, f=field: self._emit(f, value))
            edit.textEdited.connect(lambda text, f=field, e=edit: self._remember(f, e))
        self.load(None)

    def _build_metric_box(self) -> QWidget:
        box = QWidget()
        box.setObjectName("evidence_metric_fields")
        self.unit = name(QLineEdit(), "evidence_unit", "Unit of the metric")
        self.unit.setPlaceholderText("%, hours, tickets…")
        self.higher_is_better = name(
            QCheckBox("Hi&gher is better"), "evidence_higher_is_better", "Higher values are better"
        )
        self.before = NumberEdit("evidence_before", "Value before")
        self.after = NumberEdit("evidence_after", "Value after")
        self.before_label = name(QLineEdit(), "evidence_before_label", "Label of the before value")
        self.before_label.setPlaceholderText("e.g. office only, 2024")
        self.after_label = name(QLineEdit(), "evidence_after_label", "Label of the after value")
        self.after_label.setPlaceholderText("e.g. hybrid pilot, 2025")
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        unit_label = QLabel("U&nit:")
        unit_label.setBuddy(self.unit)
        grid.addWidget(unit_label, 0, 0)
        grid.addWidget(self.unit, 0, 1)
        grid.addWidget(self.higher_is_better, 0, 2)
        value_head, label_head = muted_label("Value"), muted_label("Label (when, or what setting)")
        grid.addWidget(value_head, 1, 1)
        grid.addWidget(label_head, 1, 2)
        for row, text, value, label in (
            (2, "&Before:", self.before, self.before_label),
            (4, "Afte&r:", self.after, self.after_label),
        ):
            caption = QLabel(text)
            caption.setBuddy(value)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            grid.addWidget(label, row, 2)
            grid.addWidget(value.error, row + 1, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 2)
        return box

    # -- showing an item ----------------------------------------------------------------

    def load(self, row: dict[str, Any] | None) -> None:
        """Show ``row`` (None: nothing selected, the form is disabled and empty)."""
        self._loading = True
        try:
            row = row or EMPTY_ROW
            self.item_id = row["id"]
            self.kind.setCurrentIndex(max(0, self.kind.findData(row["kind"])))
            for field in ("title", "source", "unit", "before_label", "after_label"):
                getattr(self, field).setText(row[field])
            self.details.set_text(row["details"])
            self.higher_is_better.setChecked(bool(row["higher_is_better"]))
            for field in ("before", "after"):
                edit: NumberEdit = getattr(self, field)
                bad = self.bad_numbers.get((row["id"], field))
                if bad is not None:
                    edit.set_typed_text(bad, row[field])
                else:
                    edit.set_value(row[field])
            self.metric_box.setVisible(row["kind"] == "metric")
            self.setEnabled(row["id"] is not None)
        finally:
            self._loading = False

    def set_supported(self, objections: list[str]) -> None:
        """List the objections this item supports (their texts)."""
        if self.item_id is None:
            self.supports.setText("")
        elif objections:
            lines = "".join(f"<li>{_escape(text)}</li>" for text in objections)
            self.supports.setTextFormat(Qt.TextFormat.RichText)
            self.supports.setText(f"Supports your answer to:<ul style='margin:0'>{lines}</ul>")
        else:
            self.supports.setTextFormat(Qt.TextFormat.PlainText)
            self.supports.setText(
                "Not linked to any objection yet: link it from an objection "
                "in the Objection rehearsal tab."
            )

    def has_bad_number(self) -> bool:
        return not (self.before.is_valid() and self.after.is_valid())

    # -- edits --------------------------------------------------------------------------

    @Slot(int)
    def _on_kind(self, _index: int) -> None:
        kind = self.kind.currentData()
        self.metric_box.setVisible(kind == "metric")
        self._emit("kind", kind)

    def _remember(self, field: str, edit: NumberEdit) -> None:
        if self.item_id is None:
            return
        if edit.is_valid():
            self.bad_numbers.pop((self.item_id, field), None)
        else:
            self.bad_numbers[(self.item_id, field)] = edit.text()

    def _emit(self, field: str, value: Any) -> None:
        if not self._loading:
            self.edited.emit(field, value)


def _escape(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=False)
