"""One ranked section of the Endorsements & evidence tab, wired to the service.

A section owns a table model, its panel and its editor: it adds, deletes and moves
rows through the service (one transaction each, a step on the window's undo history)
and saves the editor's changes as the user types, through the window's saver.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QScrollArea, QWidget

from flexprep.core import vocab
from flexprep.core.errors import FlexPrepError, NotFoundError
from flexprep.ui.evidence.lists import RankedListPanel
from flexprep.ui.evidence.models import RankedTableModel, row_dict
from flexprep.ui.widgets.tab import WorkbookTab
from flexprep.ui.widgets.undo import named
from flexprep.ui.widgets.undo_items import AddItem, DeleteItem, MoveItem, move_text

#: How the undo history names an item of each part: its noun and the field naming it.
_NAMES = {"endorsements": ("endorsement", "author"), "evidence": ("evidence", "title")}


class RankedSection(QObject):
    """Endorsements or evidence: list, editor and the service calls behind them.

    ``rows_changed`` is emitted after any change of the rows (loaded, added, deleted,
    moved, or a field edited), ``current_changed(id or -1)`` when the selection moves.
    """

    rows_changed = Signal()
    current_changed = Signal(int)

    def __init__(
        self,
        tab: WorkbookTab,
        part: str,
        model: RankedTableModel,
        panel: RankedListPanel,
        editor: Any,
        describe: Callable[[dict[str, Any]], str],
    ) -> None:
        super().__init__(tab)
        self.tab, self.part, self.model = tab, part, model
        self.panel, self.editor, self.describe = panel, editor, describe
        self.item_model = model.MODEL
        self.fields = model.FIELDS
        panel.current_changed.connect(self._on_current)
        panel.delete_requested.connect(self.delete_row)
        panel.move_requested.connect(self.move_row)
        editor.edited.connect(self._on_edited)

    @property
    def service(self) -> Any:
        return self.tab.ctx.service

    def current_row(self) -> dict[str, Any] | None:
        row = self.panel.current_row()
        return self.model.rows[row] if row >= 0 else None

    def load(self, workbook_id: int | None) -> None:
        """Load the rows of ``workbook_id``, keeping the selected item when it is still there."""
        keep = self.panel.current_id()
        items = self.service.items(self.item_model, workbook_id) if workbook_id is not None else []
        self.model.set_rows([row_dict(item, self.fields) for item in items])
        position = self.model.row_of(keep)
        self.panel.select_row(position if position >= 0 else 0)
        self.rows_changed.emit()

    # -- structural changes: straight to the service --------------------------------------

    def add(self, step_text: str = "", **fields: Any) -> dict[str, Any] | None:
        """Add an item at the end with ``fields``, select it; the new row (None on error).

        ``step_text`` names the step on the undo history (default: "Add metric" ...).
        """
        workbook_id = self.tab.workbook_id
        if workbook_id is None:
            return None
        if not step_text:
            noun = _NAMES[self.part][0]
            if self.part == "evidence":
                noun = vocab.EVIDENCE_KINDS.get(fields.get("kind", ""), noun).lower()
            title = fields.get(_NAMES[self.part][1], "")
            step_text = named("Add", noun, title) if title.strip() else f"Add {noun}"
        step = AddItem(
            self.tab.ctx,
            self.item_model,
            workbook_id,
            fields,
            step_text,
            self.panel.view,
            self.show_undone,
        )
        try:
            self.tab.ctx.undo_stack.run(step)
        except FlexPrepError as exc:
            self.warn("Not added", exc)
            return None
        row = row_dict(step.row, self.fields)
        self.model.insert_row(len(self.model.rows), row)
        self.panel.select_row(len(self.model.rows) - 1)
        self.tab.changed(self.part)
        self.rows_changed.emit()
        return row

    @Slot(int)
    def delete_row(self, position: int) -> None:
        row = self.model.rows[position]
        what = self.describe(row)
        if what:
            answer = QMessageBox.question(
                self.tab,
                "Delete",
                f"Delete {what}?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        # Pending edits of this item are written first, so none is left to retry.
        self.tab.ctx.saver.flush()
        noun, key = _NAMES[self.part]
        try:
            self.tab.ctx.undo_stack.run(
                DeleteItem(
                    self.tab.ctx,
                    self.item_model,
                    row["id"],
                    noun,
                    row[key],
                    self.panel.view,
                    self.show_undone,
                )
            )
        except NotFoundError:
            pass
        except FlexPrepError as exc:
            self.warn("Not deleted", exc)
            return
        self.model.remove_row(position)
        self.panel.select_row(min(position, len(self.model.rows) - 1))
        self.panel.view.setFocus()
        self.tab.changed(self.part)
        self.rows_changed.emit()

    @Slot(int, int)
    def move_row(self, source: int, target: int) -> None:
        row = self.model.rows[source]
        noun, key = _NAMES[self.part]
        try:
            self.tab.ctx.undo_stack.run(
                MoveItem(
                    self.tab.ctx,
                    self.item_model,
                    row["id"],
                    source,
                    target,
                    move_text(noun, row[key], source, target),
                    self.panel.view,
                    self.show_undone,
                )
            )
        except FlexPrepError as exc:
            self.warn("Not moved", exc)
            return
        self.model.move_row(source, target)
        self.panel.select_row(target)
        self.tab.changed(self.part)
        self.rows_changed.emit()

    def show_undone(self, item_id: int | None) -> None:
        """Show the rows as saved after an undo or redo, with ``item_id`` selected."""
        self.load(self.tab.workbook_id)
        if item_id is not None:
            self.panel.select_row(self.model.row_of(item_id))
        self.tab.changed(self.part)

    # -- edits: saved as the user types -------------------------------------------------

    @Slot(str, object)
    def _on_edited(self, field: str, value: Any) -> None:
        item_id = self.panel.current_id()
        if item_id is None:
            return
        self.model.set_field(item_id, field, value)
        self.tab.ctx.saver.schedule(
            (self.part, item_id, field), lambda: self._write(item_id, field, value)
        )
        self.rows_changed.emit()

    def _write(self, item_id: int, field: str, value: Any) -> None:
        try:
            self.service.update_item(self.item_model, item_id, **{field: value})
        except NotFoundError:
            return  # deleted meanwhile: nothing left to save into
        self.tab.changed(self.part)

    @Slot(int)
    def _on_current(self, item_id: int) -> None:
        position = self.model.row_of(item_id)
        self.editor.load(self.model.rows[position] if position >= 0 else None)
        self.current_changed.emit(item_id)

    def warn(self, title: str, exc: Exception) -> None:
        QMessageBox.warning(self.tab, title, str(exc))


def focus_first(widget: QWidget) -> None:
    """Give ``widget`` the keyboard focus and make sure it is visible in its scroll area."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget, 0, 40)
    widget.setFocus()
