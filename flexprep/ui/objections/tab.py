"""The Objection rehearsal tab: choose objections, prepare answers, rehearse them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from flexprep.core.errors import FlexPrepError
from flexprep.core.models import Objection
from flexprep.core.rehearsal import rehearsal_order
from flexprep.ui.objections.editor import ObjectionEditor, library_entry
from flexprep.ui.objections.library_panel import LibraryPanel
from flexprep.ui.objections.list_pane import ObjectionListPane, confirm_delete
from flexprep.ui.objections.loader import Loaded, ObjectionLoader, added_keys, due_count, load
from flexprep.ui.objections.models import COL_TEXT, ObjectionItem, ObjectionTableModel
from flexprep.ui.objections.rehearsal_progress import RehearsalProgress
from flexprep.ui.objections.rehearsal_view import RehearsalView
from flexprep.ui.shell.context import AppContext
from flexprep.ui.widgets.tab import WorkbookTab
from flexprep.ui.widgets.undo import named
from flexprep.ui.widgets.undo_items import AddItem, DeleteItem, MoveItem, move_text


class ObjectionRehearsalTab(WorkbookTab):
    """My objections on the left; answer, library and progress on the right; rehearsal."""

    TAB_KEY = "objections"
    TITLE = "Objection rehearsal"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = ObjectionTableModel(self)
        self.evidence_rows: list[Any] = []
        self._days: int | None = None
        self._due = 0
        self._with_text: frozenset[int] = frozenset()
        self._showing: int | None = None
        self.loader = ObjectionLoader(ctx.service, ctx.saver, self)
        self.loader.loaded.connect(self._apply)
        self.loader.due_ready.connect(self._on_due)
        self.editor = ObjectionEditor(ctx)
        self.library = LibraryPanel()
        self.progress = RehearsalProgress(self._chart_data, self._selected_row)
        self.pages = QTabWidget()
        self.pages.setObjectName("objection_pages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.editor, "Res&ponse && evidence")
        self.pages.addTab(self.library, "&Library")
        self.pages.addTab(self.progress, "Pro&gress")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("objections_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.list_pane = ObjectionListPane(self.model)
        pane = self.list_pane
        self.table, self.new_button, self.up_button = pane.table, pane.new_button, pane.up_button
        self.delete_button, self.seconds = pane.delete_button, pane.seconds
        self.start_button, self.status = pane.start_button, pane.status
        pane.new_requested.connect(self.new_objection)
        pane.move_requested.connect(self.move_current)
        pane.delete_requested.connect(self.delete_current)
        pane.edit_requested.connect(lambda: self.focus_anchor("text"))
        pane.start_requested.connect(self.start_rehearsal)
        self.splitter.addWidget(pane)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([380, 900])
        self.rehearsal = RehearsalView(ctx)
        self.progress.watch(lambda: self.model.items, self.rehearsal.voice)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.rehearsal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.editor.item_changed.connect(self._on_item_changed)
        self.editor.links_saved.connect(lambda _id: self.changed("objections"))
        self.editor.undone.connect(self.show_undone)
        self.library.add_requested.connect(self.add_from_library)
        self.pages.currentChanged.connect(self._on_page)
        self.rehearsal.session_ended.connect(self._on_session_ended)
        self.rehearsal.closed.connect(self._on_rehearsal_closed)
        QWidget.setTabOrder(self.start_button, self.pages)

    # -- loading ----------------------------------------------------------------------

    def set_workbook(self, workbook_id: int | None) -> None:
        """Show ``workbook_id``: read aside (the tab shows at once, its list a moment
        later). A rehearsal under way in the same workbook carries on."""
        switched = workbook_id != self._showing
        if switched and self.stack.currentWidget() is self.rehearsal:
            self.rehearsal.end_session()
            self.rehearsal.close_view()
        self._showing = workbook_id
        self.library.load()
        if switched:
            self.model.set_items([])
            self.editor.show_item(None)
        self.list_pane.show_loading(switched and workbook_id is not None)
        self.loader.start(workbook_id)

    def reload(self, select_id: int | None = None) -> None:
        """Read objections and evidence again now (after writing what is pending)."""
        self.ctx.saver.flush()
        self.loader.cancel()
        self._apply(load(self.ctx.service, self._showing), select_id)

    def _settle(self) -> None:
        """Finish a read still on its way now: the caller needs the rows."""
        if self.loader.busy:
            self.reload()

    @Slot(object)
    def _apply(self, loaded: Loaded, select_id: int | None = None) -> None:
        switched = loaded.workbook_id != self.workbook_id
        current = self.current_item()
        keep = select_id if select_id is not None else (current.id if current else None)
        super().set_workbook(loaded.workbook_id)
        self.list_pane.show_loading(False)
        if loaded.error:
            self.show_message(loaded.error)
        self.evidence_rows = loaded.evidence
        self.model.set_items(loaded.items)
        self.editor.set_evidence(loaded.evidence)
        self._days, self._due = loaded.days, loaded.due
        self._with_text = frozenset(i.id for i in loaded.items if i.text.strip())
        row = max(0, self.model.row_of(keep)) if self.model.items else -1
        self.select_row(row)
        self._refresh_derived()
        self.progress.invalidate(now=switched)

    def _refresh_derived(self) -> None:
        self.library.set_added(added_keys(self.model.items))
        self._update_buttons()
        with_text = frozenset(i.id for i in self.model.items if i.text.strip())
        if with_text != self._with_text and self._due >= 0:  # written or emptied: due again
            self._with_text = with_text
            self._due = due_count(self.model.items, self._days)
        self.list_pane.update_status(self.model.items, self._days, due=self._due)

    @Slot(int)
    def _on_due(self, due: int) -> None:
        self._due = due
        self._with_text = frozenset(i.id for i in self.model.items if i.text.strip())
        self.list_pane.update_status(self.model.items, self._days, due=due)

    def _update_buttons(self) -> None:
        self.list_pane.update_buttons(
            self._selected_row(),
            len(self.model.items),
            self.workbook_id is not None,
            any(i.text.strip() for i in self.model.items),
        )

    # -- selection --------------------------------------------------------------------

    def current_item(self) -> ObjectionItem | None:
        row = self._selected_row()
        return None if row is None else self.model.item(row)

    def _selected_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def select_row(self, row: int) -> None:
        self._settle()
        if row < 0:
            self.table.setCurrentIndex(QModelIndex())
            self.editor.show_item(None)
            return
        self.table.setCurrentIndex(self.model.index(row, COL_TEXT))
        self.table.scrollTo(self.model.index(row, COL_TEXT))
        self.editor.show_item(self.model.item(row))

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.editor.show_item(self.model.item(current.row()) if current.isValid() else None)
        self._update_buttons()
        if self.progress.highlight.isChecked():
            self.progress.invalidate()

    @Slot(int, dict)
    def _on_item_changed(self, objection_id: int, fields: dict[str, Any]) -> None:
        self.model.update(objection_id, **fields)
        if {"text", "draft"} & set(fields):
            self._refresh_derived()

    def show_message(self, text: str) -> None:
        self.list_pane.show_message(text)

    # -- structural actions -----------------------------------------------------------

    @Slot(dict)
    def add_from_library(self, entry: dict[str, Any]) -> None:
        """Add a library objection (likelihood 3, its starter response), or show it."""
        if self.workbook_id is None:
            return
        self._settle()
        existing = next(
            (i for i in self.model.items if (library_entry(i) or {}).get("key") == entry["key"]),
            None,
        )
        if existing is not None:
            self.select_row(self.model.row_of(existing.id))
            self.pages.setCurrentWidget(self.editor)
            return
        fields = {
            "text": entry["text"],
            "theme": entry["theme"],
            "likelihood": 3,
            "response": entry["response"],
            "origin": "library",
            "library_key": entry["key"],
            "draft": True,  # a starting point, as scenario objections are
        }
        step = AddItem(
            self.ctx,
            Objection,
            self.workbook_id,
            fields,
            named("Add", "objection", entry["text"], "from the library"),
            self.table,
            self.show_undone,
        )
        try:
            self.ctx.undo_stack.run(step)
        except FlexPrepError as exc:
            self.show_message(str(exc))
            return
        row = step.row
        self.show_message("")
        self.reload(select_id=row.id)
        self.changed("objections")

    @Slot()
    def new_objection(self) -> None:
        """Add an empty objection of my own and put the cursor in it."""
        if self.workbook_id is None:
            return
        step = AddItem(
            self.ctx,
            Objection,
            self.workbook_id,
            {"text": "", "theme": "other", "likelihood": 3, "origin": "user"},
            "Add objection",
            self.table,
            self.show_undone,
        )
        try:
            self.ctx.undo_stack.run(step)
        except FlexPrepError as exc:
            self.show_message(str(exc))
            return
        row = step.row
        self.show_message("")
        self.reload(select_id=row.id)
        self.changed("objections")
        self.focus_anchor("text")

    @Slot()
    def delete_current(self) -> None:
        item, row = self.current_item(), self._selected_row()
        if item is None or row is None:
            return
        if not confirm_delete(self, item):
            return
        self.ctx.saver.flush()
        try:
            self.ctx.undo_stack.run(
                DeleteItem(
                    self.ctx,
                    Objection,
                    item.id,
                    "objection",
                    item.text,
                    self.table,
                    self.show_undone,
                )
            )
        except FlexPrepError as exc:
            self.show_message(str(exc))
            return
        neighbour = self.model.item(row + 1) or self.model.item(row - 1)
        self.reload(select_id=neighbour.id if neighbour else None)
        self.changed("objections")
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def move_current(self, step: int) -> None:
        item, row = self.current_item(), self._selected_row()
        if item is None or row is None or not 0 <= row + step < len(self.model.items):
            return
        self.ctx.saver.flush()
        try:
            self.ctx.undo_stack.run(
                MoveItem(
                    self.ctx,
                    Objection,
                    item.id,
                    row,
                    row + step,
                    move_text("objection", item.text, row, row + step),
                    self.table,
                    self.show_undone,
                )
            )
        except FlexPrepError as exc:
            self.show_message(str(exc))
            return
        self.reload(select_id=item.id)
        self.changed("objections")
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(object)
    def show_undone(self, objection_id: int | None) -> None:
        """Show the objections as saved after an undo or redo, ``objection_id`` selected."""
        if self.stack.currentWidget() is self.rehearsal:
            self.rehearsal.end_session()
            self.rehearsal.close_view()
        self.show_message("")
        self.reload(select_id=objection_id)
        self.changed("objections")

    # -- rehearsal --------------------------------------------------------------------

    @Slot()
    def start_rehearsal(self) -> None:
        """Rehearse every objection: never rehearsed, then least confident, then likely."""
        self.reload()
        items = self.model.items
        order = rehearsal_order(items)
        if not order:
            self.show_message("Write at least one objection before rehearsing.")
            return
        evidence = {row.id: row for row in self.evidence_rows}
        self.stack.setCurrentWidget(self.rehearsal)
        self.rehearsal.start(
            [items[i] for i in order], evidence, self.seconds.value(), restart=self.start_rehearsal
        )

    @Slot()
    def _on_session_ended(self) -> None:
        self.reload()
        self.changed("objections")

    @Slot()
    def _on_rehearsal_closed(self) -> None:
        self.stack.setCurrentWidget(self.splitter)
        self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- chart ------------------------------------------------------------------------

    def _chart_data(self) -> list[dict[str, Any]]:
        # The list the loader filled off the GUI thread: never a read of the database here.
        if self.workbook_id is None or self.loader.busy:
            return []
        return [item.as_file() for item in self.model.items]

    @Slot(int)
    def _on_page(self, _index: int) -> None:
        if self.pages.currentWidget() is self.library:
            self.library.load()

    # -- navigation -------------------------------------------------------------------

    def focus_anchor(self, anchor: str) -> None:
        self._settle()
        if anchor != "rehearse" and self.stack.currentWidget() is self.rehearsal:
            self.rehearsal.end_session()
            self.rehearsal.close_view()
        if anchor == "rehearse":
            if self.stack.currentWidget() is self.rehearsal:
                self.rehearsal.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif anchor == "library":
            self.pages.setCurrentWidget(self.library)
            self.library.search.setFocus(Qt.FocusReason.OtherFocusReason)
        elif anchor in ("response", "text"):
            if anchor == "response":
                empty = next(
                    (n for n, i in enumerate(self.model.items) if not i.response.strip()), None
                )
                if empty is not None:
                    self.select_row(empty)
            self.pages.setCurrentWidget(self.editor)
            target = self.editor.response_edit if anchor == "response" else self.editor.text_edit
            if self.editor.item is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
