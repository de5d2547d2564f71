"""The editor of one endorsement: who said it, when, what, and whether it may be shared."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flexprep.core import vocab
from flexprep.ui.widgets.common import GrowingTextEdit, muted_label, name
from flexprep.ui.widgets.dates import OptionalDateEdit


class EndorsementEditor(QWidget):
    """Form for the selected endorsement; emits ``edited(field, value)`` as the user types."""

    edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        #: The endorsement shown (its id): a date typed wrongly is kept for it.
        self.item_id: int | None = None
        self.author = name(QLineEdit(), "endorsement_author", "Author of the endorsement")
        self.author.setPlaceholderText("Name and role, e.g. Maria Lopez, client at Acme")
        self.relationship = name(QComboBox(), "endorsement_relationship", "Relationship to you")
        for key, label in vocab.RELATIONSHIPS.items():
            self.relationship.addItem(label, key)
        self.date = OptionalDateEdit(
            "endorsement_date", "Date of the endorsement", empty_text="No date"
        )
        self.no_date = name(
            QPushButton("No date"), "endorsement_no_date", "Clear the date of the endorsement"
        )
        self.no_date.setToolTip("Remove the date")
        self.quote = name(GrowingTextEdit(min_lines=3, max_lines=8), "endorsement_quote", "Quote")
        self.quote.setPlaceholderText("What they said or wrote, in their words…")
        self.speaks_to: dict[str, QCheckBox] = {}
        topics = QGridLayout()
        topics.setContentsMargins(0, 0, 0, 0)
        for number, (key, label) in enumerate(vocab.SPEAKS_TO.items()):
            box = name(QCheckBox(label), f"endorsement_speaks_{key}", f"Speaks to {label.lower()}")
            box.toggled.connect(self._on_topics)
            # Two to a row: the form stays narrow enough for a 1366-pixel screen.
            topics.addWidget(box, number // 2, number % 2)
            self.speaks_to[key] = box
        topics.setColumnStretch(2, 1)
        self.shareable = name(
            QCheckBox("May be &shared"),
            "endorsement_shareable",
            "This endorsement may be shared with your manager",
        )
        share_note = muted_label(
            "Only endorsements marked “may be shared” go into manager-facing documents "
            "(the proposal). The others stay private, in My brief only — ask the author "
            "before you tick this."
        )
        share_note.setObjectName("endorsement_share_note")
        self.shareable.setAccessibleDescription(share_note.text())

        when = QHBoxLayout()
        when.setContentsMargins(0, 0, 0, 0)
        when.addWidget(self.date, 1)
        when.addWidget(self.no_date)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("A&uthor:", self.author)
        form.addRow("Relationshi&p:", self.relationship)
        form.addRow("&Date:", when)
        form.addRow("&Quote:", self.quote)
        topics_row = QWidget()
        topics_row.setLayout(topics)
        form.addRow("Speaks to:", topics_row)
        topics_label = form.labelForField(topics_row)
        if isinstance(topics_label, QLabel):
            topics_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        share = QVBoxLayout()
        share.setSpacing(2)
        share.addWidget(self.shareable)
        share.addWidget(share_note)
        form.addRow("Sharing:", share)
        # A form row's label made from text is a QLabel (the stubs say only QWidget).
        for field, buddy in (
            (self.author, self.author),
            (self.relationship, self.relationship),
            (self.quote, self.quote),
            (when, self.date),
        ):
            field_label = form.labelForField(field)
            if isinstance(field_label, QLabel):
                field_label.setBuddy(buddy)
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.setContentsMargins(0, 0, 0, 0)

        chain = [
            self.author,
            self.relationship,
            self.date,
            self.no_date,
            self.quote,
            *self.speaks_to.values(),
            self.shareable,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.author.textEdited.connect(lambda text: self._emit("author", text))
        self.relationship.activated.connect(
            lambda _i: self._emit("relationship", self.relationship.currentData())
        )
        self.date.value_changed.connect(lambda value: self._emit("date", value))
        self.no_date.clicked.connect(self.date.clear)
        self.quote.edited.connect(lambda text: self._emit("quote", text))
        self.shareable.toggled.connect(lambda on: self._emit("shareable", on))
        self.load(None)

    def load(self, row: dict[str, Any] | None) -> None:
        """Show ``row`` (None: nothing selected, the form is disabled and empty)."""
        self._loading = True
        try:
            row = row or {
                "author": "",
                "relationship": "other",
                "date": None,
                "quote": "",
                "speaks_to": [],
                "shareable": False,
                "id": None,
            }
            self.item_id = row["id"]
            self.author.setText(row["author"])
            self.relationship.setCurrentIndex(
                max(0, self.relationship.findData(row["relationship"]))
            )
            self.date.set_value(row["date"])
            self.quote.set_text(row["quote"])
            for key, box in self.speaks_to.items():
                box.setChecked(key in row["speaks_to"])
            self.shareable.setChecked(bool(row["shareable"]))
            self.setEnabled(row["id"] is not None)
        finally:
            self._loading = False

    @Slot()
    def _on_topics(self) -> None:
        self._emit("speaks_to", [key for key, box in self.speaks_to.items() if box.isChecked()])

    def _emit(self, field: str, value: Any) -> None:
        if not self._loading:
            self.edited.emit(field, value)
