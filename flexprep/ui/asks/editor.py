"""The editor of the selected ask: title, details, fallback and the two ratings."""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from flexprep.core import vocab
from flexprep.core.models import Ask
from flexprep.ui.asks.models import DRAFT_TIP, Row
from flexprep.ui.shell.context import AppContext
from flexprep.ui.widgets.common import GrowingTextEdit, muted_label, name

_RATINGS = {
    "importance": ("&Importance to me", "1: pleasant to have … 5: I cannot do without it"),
    "resistance": ("Expected &resistance", "1: an easy yes … 5: a hard sell"),
}


class AskEditor(QGroupBox):
    """Edits one ask; every change is saved as the user types.

    Signals:
        edited: ``(ask id, fields)`` just changed (already queued for saving).
        make_mine: the user keeps the draft ask ``id`` as it is, as their own.
    """

    edited = Signal(int, dict)
    make_mine = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Selected ask", parent)
        self.ctx = ctx
        self.setObjectName("ask_editor")
        self.ask: Row | None = None
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setSpacing(6)

        self.draft_bar = QFrame()
        self.draft_bar.setObjectName("ask_draft_bar")
        self.draft_bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar = QHBoxLayout(self.draft_bar)
        bar.setContentsMargins(8, 4, 4, 4)
        self.draft_label = QLabel(
            "<b>Draft</b> suggested for your scenario: rewrite it, or keep it as it is."
        )
        self.draft_label.setWordWrap(True)
        self.draft_label.setToolTip(DRAFT_TIP)
        self.mine_button = name(
            QPushButton("Make thi&s mine"), "ask_make_mine", "Make this draft mine as it is"
        )
        self.mine_button.clicked.connect(self._make_mine)
        bar.addWidget(self.draft_label, 1)
        bar.addWidget(self.mine_button)
        layout.addWidget(self.draft_bar)

        self.empty = muted_label(
            "Select an ask to edit it, or add one with the Add button "
            "of either column (or Insert in the list)."
        )
        self.empty.setObjectName("ask_editor_empty")
        layout.addWidget(self.empty)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.title_edit = name(QLineEdit(), "ask_title", "Ask title")
        self.title_edit.setPlaceholderText("What you ask for, in a few words")
        self.title_edit.textEdited.connect(lambda text: self._edit(title=text))
        self.details_edit = name(
            GrowingTextEdit(min_lines=2, max_lines=6), "ask_details", "Ask details"
        )
        self.details_edit.setPlaceholderText("Days, hours, dates: exactly what would change")
        self.details_edit.edited.connect(lambda text: self._edit(details=text))
        self.fallback_edit = name(
            GrowingTextEdit(min_lines=2, max_lines=5),
            "ask_fallback",
            "Fallback: what I would propose if this is refused",
        )
        self.fallback_edit.setPlaceholderText(
            "If the answer is no, what would you propose instead?"
        )
        self.fallback_edit.edited.connect(lambda text: self._edit(fallback=text))
        self.spins: dict[str, QSpinBox] = {}
        ratings = QHBoxLayout()
        for key, (label_text, tip) in _RATINGS.items():
            spin = name(QSpinBox(), f"ask_{key}", label_text.replace("&", ""))
            spin.setRange(1, 5)
            spin.setToolTip(tip)
            spin.setAccessibleDescription(tip)
            spin.valueChanged.connect(lambda value, k=key: self._edit(**{k: value}))
            label = QLabel(label_text)
            label.setBuddy(spin)
            ratings.addWidget(label)
            ratings.addWidget(spin)
            ratings.addSpacing(16)
            self.spins[key] = spin
        ratings.addStretch(1)
        labels = (
            ("&Title", self.title_edit),
            ("De&tails", self.details_edit),
            ("Fall&back", self.fallback_edit),
        )
        for text, widget in labels:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow(ratings)
        self.fallback_hint = muted_label(
            "Your manager sees the asks, never their column, "
            "fallback or ratings: those stay in My brief."
        )
        form.addRow(self.fallback_hint)
        self.fields = QWidget()
        self.fields.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.fields)
        layout.addStretch(1)
        order = [
            self.mine_button,
            self.title_edit,
            self.details_edit,
            self.fallback_edit,
            self.spins["importance"],
            self.spins["resistance"],
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.set_ask(None)

    def set_ask(self, ask: Row | None, rank: int | None = None) -> None:
        """Show ``ask`` (a row dict), or nothing to edit for None."""
        self.ask = dict(ask) if ask is not None else None
        self._loading = True
        try:
            self.fields.setVisible(ask is not None)
            self.empty.setVisible(ask is None)
            if ask is None:
                self.setTitle("Selected ask")
                self.draft_bar.hide()
                return
            where = vocab.PRIORITIES[ask["priority"]]
            self.setTitle(
                f"Selected ask: {where} {rank}" if rank is not None else f"Selected ask: {where}"
            )
            if self.title_edit.text() != ask["title"]:
                self.title_edit.setText(ask["title"])
            for key, editor in (("details", self.details_edit), ("fallback", self.fallback_edit)):
                if editor.text() != ask[key]:
                    editor.set_text(ask[key])
            for key, spin in self.spins.items():
                spin.setValue(ask[key])
            self.draft_bar.setVisible(bool(ask["draft"]))
        finally:
            self._loading = False

    def _edit(self, **fields: Any) -> None:
        if self._loading or self.ask is None:
            return
        ask_id = self.ask["id"]
        for key, value in fields.items():
            self.ctx.saver.schedule(
                ("ask", ask_id, key),
                functools.partial(self.ctx.service.update_item, Ask, ask_id, **{key: value}),
            )
        changed = {k: v for k, v in fields.items() if self.ask.get(k) != v}
        if changed and self.ask["draft"]:
            changed["draft"] = False  # the service makes an edited draft the user's own
            self.draft_bar.hide()
        self.ask.update(changed)
        if changed:
            self.edited.emit(ask_id, changed)

    @Slot()
    def _make_mine(self) -> None:
        if self.ask is not None:
            self.make_mine.emit(self.ask["id"])

    def focus_field(self, key: str = "title") -> None:
        """Put the cursor in the ``title``, ``details`` or ``fallback`` field."""
        widget = {
            "title": self.title_edit,
            "details": self.details_edit,
            "fallback": self.fallback_edit,
        }.get(key, self.title_edit)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
