"""What I can offer in return: a ranked list of offers with an editor below it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flexprep.core.errors import FlexPrepError
from flexprep.core.models import Offer
from flexprep.ui.asks.models import OfferListModel, offer_row
from flexprep.ui.asks.views import RankedListView, RowDelegate, offer_second_line
from flexprep.ui.shell.context import AppContext
from flexprep.ui.widgets.common import GrowingTextEdit, heading_label, muted_label, name
from flexprep.ui.widgets.undo_items import AddItem, DeleteItem, MoveItem, move_text


class OffersPanel(QWidget):
    """Add, edit, reorder (drag or Ctrl+Up/Down) and delete offers; saved as you type.

    Adding, deleting and moving are steps on the window's undo history.

    Signals:
        structure_changed: offers were added, deleted or moved.
    """

    structure_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workbook_id: int | None = None
        self._current_id: int | None = None
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        header = QHBoxLayout()
        self.heading = heading_label("What I can offer in return", 2)
        self.add_button = name(QPushButton("Add offer"), "offers_add", "Add an offer")
        self.add_button.setToolTip(
            "Add something you offer in return (Insert or Ctrl+N in the list)"
        )
        self.add_button.clicked.connect(self.add)
        header.addWidget(self.heading, 1)
        header.addWidget(self.add_button)
        layout.addLayout(header)
        layout.addWidget(
            muted_label(
                "Coverage, in-office peak days, regular reporting, when you can be reached. "
                "Offers appear in the Proposal your manager reads."
            )
        )

        self.model = OfferListModel(self)
        self.view = name(RankedListView(), "offers_list", "What I can offer, in order")
        self.view.setModel(self.model)
        self.view.setItemDelegate(RowDelegate(offer_second_line, self.view))
        self.view.setMinimumHeight(100)
        self.view.empty_text = (
            "Nothing offered yet. What could make a yes easier? Add it with “Add offer”."
        )
        self.view.selectionModel().currentChanged.connect(
            lambda current, _previous: self._show(current.row())
        )
        self.view.command.connect(self._on_command)
        self.model.drop_requested.connect(self._on_drop)
        self.heading.setBuddy(self.view)
        layout.addWidget(self.view, 1)

        buttons = QHBoxLayout()
        self.up_button = name(QPushButton("Move up"), "offers_up", "Move the offer up")
        self.up_button.setToolTip("Move the offer up (Ctrl+Up in the list)")
        self.down_button = name(QPushButton("Move down"), "offers_down", "Move the offer down")
        self.down_button.setToolTip("Move the offer down (Ctrl+Down in the list)")
        self.delete_button = name(QPushButton("Delete offer"), "offers_delete", "Delete the offer")
        self.delete_button.setToolTip("Delete the offer (Delete in the list)")
        self.up_button.clicked.connect(lambda: self.move_by(-1))
        self.down_button.clicked.connect(lambda: self.move_by(1))
        self.delete_button.clicked.connect(self.delete)
        for button in (self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_edit = name(QLineEdit(), "offer_title", "Offer title")
        self.title_edit.setPlaceholderText("What you offer, in a few words")
        self.title_edit.textEdited.connect(lambda text: self._edit("title", text))
        self.details_edit = name(
            GrowingTextEdit(min_lines=2, max_lines=5), "offer_details", "Offer details"
        )
        self.details_edit.setPlaceholderText("How it works in practice")
        self.details_edit.edited.connect(lambda text: self._edit("details", text))
        for text, widget in (
            ("&Offer title", self.title_edit),
            ("Offer detai&ls", self.details_edit),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout.addLayout(form)
        order = [
            self.add_button,
            self.view,
            self.up_button,
            self.down_button,
            self.delete_button,
            self.title_edit,
            self.details_edit,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._show(-1)

    def load(self, workbook_id: int | None) -> None:
        self.workbook_id = workbook_id
        offers = self.ctx.service.items(Offer, workbook_id) if workbook_id is not None else []
        keep = self._current_id
        self.model.set_rows([offer_row(o) for o in offers], str(workbook_id))
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        self.view.select_row(row)
        self._show(row)
        self.add_button.setEnabled(workbook_id is not None)

    def _show(self, row: int) -> None:
        has = 0 <= row < self.model.rowCount()
        item = self.model.item(row) if has else None
        self._current_id = item["id"] if item else None
        self._loading = True
        try:
            self.title_edit.setText(item["title"] if item else "")
            self.details_edit.set_text(item["details"] if item else "")
        finally:
            self._loading = False
        for widget in (self.title_edit, self.details_edit, self.delete_button):
            widget.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < self.model.rowCount() - 1)

    def _edit(self, key: str, text: str) -> None:
        offer_id = self._current_id
        if self._loading or offer_id is None:
            return
        self.ctx.saver.schedule(
            ("offer", offer_id, key),
            lambda: self.ctx.service.update_item(Offer, offer_id, **{key: text}),
        )
        self.model.update(offer_id, **{key: text})

    def _fail(self, title: str, exc: FlexPrepError) -> None:
        QMessageBox.warning(self, title, str(exc))
        self.load(self.workbook_id)

    @Slot()
    def add(self) -> None:
        """Add an empty offer at the end and put the cursor in its title."""
        if self.workbook_id is None:
            return
        self.ctx.saver.flush()
        step = AddItem(
            self.ctx, Offer, self.workbook_id, {"title": ""}, "Add offer", self, self.show_undone
        )
        try:
            self.ctx.undo_stack.run(step)
        except FlexPrepError as exc:
            self._fail("Offer not added", exc)
            return
        offer = step.row
        self.model.insert(self.model.rowCount(), offer_row(offer))
        self.view.select_row(self.model.rowCount() - 1)
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.structure_changed.emit()

    @Slot()
    def delete(self) -> None:
        row = self.model.row_of(self._current_id) if self._current_id is not None else -1
        if row < 0:
            return
        item = self.model.item(row)
        if (item["title"].strip() or item["details"].strip()) and QMessageBox.question(
            self,
            "Delete offer",
            f"Delete “{item['title'] or 'this offer'}”?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        ) != QMessageBox.StandardButton.Yes:
            return
        self.ctx.saver.flush()
        try:
            self.ctx.undo_stack.run(
                DeleteItem(
                    self.ctx, Offer, item["id"], "offer", item["title"], self, self.show_undone
                )
            )
        except FlexPrepError as exc:
            self._fail("Offer not deleted", exc)
            return
        self.model.take(row)
        self.view.select_row(min(row, self.model.rowCount() - 1))
        self._show(self.view.current_row())
        self.structure_changed.emit()

    def move_by(self, step: int) -> None:
        row = self.model.row_of(self._current_id) if self._current_id is not None else -1
        if row >= 0 and 0 <= row + step < self.model.rowCount():
            self.move_offer(self.model.item(row)["id"], row + step)

    def move_offer(self, offer_id: int, index: int) -> None:
        """Save offer ``offer_id`` as number ``index`` and show it there."""
        row = self.model.row_of(offer_id)
        target = max(0, min(index, self.model.rowCount() - 1))
        if row < 0 or row == target:
            return
        self.ctx.saver.flush()
        text = move_text("offer", self.model.item(row)["title"], row, target)
        try:
            self.ctx.undo_stack.run(
                MoveItem(self.ctx, Offer, offer_id, row, target, text, self, self.show_undone)
            )
        except FlexPrepError as exc:
            self._fail("Offer not moved", exc)
            return
        self.model.move(row, target)
        self.view.select_row(target)
        self._show(target)
        self.structure_changed.emit()

    def show_undone(self, offer_id: int | None) -> None:
        """Show the offers as saved after an undo or redo, with ``offer_id`` selected."""
        if offer_id is not None:
            self._current_id = offer_id
        self.load(self.workbook_id)
        self.structure_changed.emit()

    @Slot(list, int, str)
    def _on_drop(self, ids: list[int], row: int, _key: str) -> None:
        source = self.model.row_of(ids[0])
        if source < 0:
            return
        index = self.model.rowCount() if row < 0 else row
        if source < index:
            index -= 1
        self.move_offer(ids[0], index)

    @Slot(str)
    def _on_command(self, command: str) -> None:
        if command == "add":
            self.add()
        elif command == "delete":
            self.delete()
        elif command in ("up", "down"):
            self.move_by(-1 if command == "up" else 1)
        elif command == "edit" and self._current_id is not None:
            self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
