"""The trial log editor: a table of dated entries with add, edit and delete."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from flexprep.core.errors import FlexPrepError
from flexprep.core.models import TrialLogEntry
from flexprep.ui.meeting.log import DateDelegate, LogEntry, TrialLogTableModel
from flexprep.ui.shell.context import AppContext
from flexprep.ui.widgets.common import muted_label, name
from flexprep.ui.widgets.layout import error_label, show_error
from flexprep.ui.widgets.list_editor import install_keys
from flexprep.ui.widgets.undo_items import AddItem, DeleteItem


class TrialLogEditor(QWidget):
    """Lists the trial log of a workbook; every change is written at once.

    Insert adds an entry dated today and starts on its text (Escape on an empty new
    entry drops it), F2 or a double click edits a cell, Delete removes an entry. Adding
    and deleting are steps on the window's undo history.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workbook_id: int | None = None
        self._fresh: int | None = None
        self._fresh_step: AddItem | None = None
        self.setObjectName("trial_log_editor")
        self.model = TrialLogTableModel(self)
        self.model.entry_edited.connect(self._on_edited)
        self.view = QTableView()
        name(self.view, "trial_log_table", "Trial log")
        self.view.setAccessibleDescription("Insert adds an entry, F2 edits, Delete removes")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(TrialLogTableModel.COL_DATE, DateDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TrialLogTableModel.COL_DATE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(
            TrialLogTableModel.COL_DATE,
            self.view.fontMetrics().horizontalAdvance("Wed 30 Sep 2099") + 24,
        )
        header.setSectionResizeMode(TrialLogTableModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            TrialLogTableModel.COL_SHARE, QHeaderView.ResizeMode.ResizeToContents
        )
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.view.itemDelegate().closeEditor.connect(self._on_editor_closed)
        self.model.rowsInserted.connect(self._fit_rows)
        self.model.dataChanged.connect(self._fit_rows)
        self.model.modelReset.connect(self._fit_rows)
        self.model.rowsRemoved.connect(self._fit_rows)

        self.add_button = name(
            QPushButton("Add entry"), "trial_log_add", "Add a trial log entry dated today"
        )
        self.edit_button = name(
            QPushButton("Edit"), "trial_log_edit", "Edit the selected trial log entry"
        )
        self.delete_button = name(
            QPushButton("Delete"), "trial_log_delete", "Delete the selected trial log entry"
        )
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        install_keys(
            self.view,
            [
                ("Add entry", Qt.Key.Key_Insert, self.add_entry),
                ("Edit", Qt.Key.Key_F2, self.edit_current),
                ("Delete entry", Qt.Key.Key_Delete, self.delete_current),
            ],
        )
        self.error = error_label("trial_log_error")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(
            muted_label(
                "Keep a short dated note of how the trial goes: what "
                "worked, what you changed, what your manager said. Entries are private; "
                "tick Share on those your manager may read in the trial review."
            )
        )
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_workbook(self, workbook_id: int | None) -> None:
        self.workbook_id = workbook_id
        self._fresh, self._fresh_step = None, None
        rows = [] if workbook_id is None else self.ctx.service.items(TrialLogEntry, workbook_id)
        self.model.set_entries([LogEntry(r.id, r.date, r.text, r.shareable) for r in rows])
        self._update_buttons()

    def _show_error(self, message: str) -> None:
        show_error(self.error, message)

    # -- actions -----------------------------------------------------------------------

    @Slot()
    def add_entry(self) -> None:
        """Add an entry dated today at the end and start typing its text."""
        if self.workbook_id is None:
            return
        step = AddItem(
            self.ctx,
            TrialLogEntry,
            self.workbook_id,
            {"date": date.today(), "text": ""},
            "Add trial log entry",
            self.view,
            self.show_undone,
        )
        try:
            self.ctx.undo_stack.run(step)
        except FlexPrepError as exc:
            self._show_error(f"Entry not added: {exc}")
            return
        row = step.row
        self._fresh_step = step
        self._show_error("")
        self.model.insert_entry(len(self.model.entries), LogEntry(row.id, row.date, row.text))
        self._fresh = row.id
        index = self.model.index(len(self.model.entries) - 1, TrialLogTableModel.COL_TEXT)
        self.view.setCurrentIndex(index)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.view.edit(index)
        self._changed()

    @Slot()
    def edit_current(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.view.edit(index)

    @Slot()
    def delete_current(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        entry = self.model.entries[index.row()]
        if entry.text.strip():
            answer = QMessageBox.question(
                self,
                "Delete entry",
                f"Delete the entry of {index.siblingAtColumn(0).data()}?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._delete(entry.id, entry.text or index.siblingAtColumn(0).data())

    def _delete(self, entry_id: int, title: str | None = None) -> None:
        """Delete an entry: a step on the undo history, unless ``title`` is None (a new
        entry left empty, which takes its own Add off the history)."""
        try:
            if title is None:
                self.ctx.service.delete_item(TrialLogEntry, entry_id)
                self._forget_add(entry_id)
            else:
                self.ctx.undo_stack.run(
                    DeleteItem(
                        self.ctx,
                        TrialLogEntry,
                        entry_id,
                        "trial log entry",
                        title,
                        self.view,
                        self.show_undone,
                    )
                )
        except FlexPrepError as exc:
            self._show_error(f"Entry not deleted: {exc}")
            return
        self._show_error("")
        row = self.model.row_of(entry_id)
        if row >= 0:
            self.model.remove_entry(row)
        if self.model.entries:
            self.view.setCurrentIndex(self.model.index(min(row, len(self.model.entries) - 1), 0))
        self._changed()

    def _forget_add(self, entry_id: int) -> None:
        step, self._fresh_step = self._fresh_step, None
        stack = self.ctx.undo_stack
        if (
            step is not None
            and step.item_id == entry_id
            and stack.index() == stack.count()
            and stack.command(stack.index() - 1) is step
        ):
            step.setObsolete(True)
            stack.undo()  # an obsolete step is dropped without being undone

    def show_undone(self, entry_id: int | None) -> None:
        """Show the log as saved after an undo or redo, with ``entry_id`` selected."""
        self.set_workbook(self.workbook_id)
        row = self.model.row_of(entry_id) if entry_id is not None else -1
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, TrialLogTableModel.COL_TEXT))
        self._changed()

    @Slot(int, str, object)
    def _on_edited(self, entry_id: int, field: str, value: object) -> None:
        if field == "text" and entry_id == self._fresh and str(value).strip():
            self._fresh, self._fresh_step = None, None
        # A cell is committed once, when its editor closes: written at once, so an entry
        # deleted right after has no write still queued.
        try:
            self.ctx.service.update_item(TrialLogEntry, entry_id, **{field: value})
        except FlexPrepError as exc:
            self._show_error(
                f"Not saved: {exc} — the entry still shows your text; edit it again to retry."
            )
            return
        self._show_error("")
        self.ctx.signals.data_changed.emit("trial_log")

    @Slot()
    def _on_editor_closed(self, *_args: object) -> None:
        # Escape (or leaving it empty) on a just-added entry takes it back.
        fresh, self._fresh = self._fresh, None
        if fresh is None:
            return
        row = self.model.row_of(fresh)
        if row >= 0 and not self.model.entries[row].text.strip():
            self._delete(fresh)

    def _changed(self) -> None:
        self._update_buttons()
        self.ctx.signals.data_changed.emit("trial_log")

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        has_current = self.view.currentIndex().isValid()
        self.edit_button.setEnabled(has_current)
        self.delete_button.setEnabled(has_current)

    @Slot()
    def _fit_rows(self, *_args: object) -> None:
        # As tall as the entries (between 3 and 12 rows), then it scrolls.
        self.view.resizeRowsToContents()
        line = self.view.fontMetrics().lineSpacing() + 10
        rows = [self.view.rowHeight(r) for r in range(self.model.rowCount())]
        height = sum(rows[:12]) + max(0, 3 - len(rows)) * line
        self.view.setFixedHeight(
            height + self.view.horizontalHeader().height() + 2 * self.view.frameWidth() + 2
        )

    def first_index(self) -> QModelIndex:
        return self.model.index(0, TrialLogTableModel.COL_TEXT)
