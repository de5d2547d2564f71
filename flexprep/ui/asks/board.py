"""The two ranked columns of asks, Must-have and Nice-to-have, and the moves between them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from flexprep.core import vocab
from flexprep.core.errors import FlexPrepError
from flexprep.core.models import Ask
from flexprep.ui.asks.buttons import AskButtons
from flexprep.ui.asks.models import AskListModel, Row, ask_row
from flexprep.ui.asks.views import RankedListView, RowDelegate, ask_second_line
from flexprep.ui.shell.context import AppContext
from flexprep.ui.widgets.common import heading_label, muted_label, name
from flexprep.ui.widgets.undo import named
from flexprep.ui.widgets.undo_items import AddItem, ChangeItem, DeleteItem, MoveAsk

PRIORITIES = tuple(vocab.PRIORITIES)  # ("must", "nice"): left and right column
_HINTS = {
    "must": "Make-or-break: without these, the arrangement does not work for you.",
    "nice": "Welcome but tradeable: what you could give up to secure the must-haves.",
}


class AsksBoard(QWidget):
    """Must-have and Nice-to-have columns over the asks of one workbook.

    Every structural change (add, delete, move, make mine) is saved at once through the
    service, as a step on the window's undo history. Signals:
        selected: the selected ask's row dict, or None.
        structure_changed: asks were added, deleted, moved or made the user's own.
        edit_requested: the user wants to type in the selected ask (F2, Enter, new ask).
    """

    selected = Signal(object)
    structure_changed = Signal()
    edit_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workbook_id: int | None = None
        self.models: dict[str, AskListModel] = {}
        self.views: dict[str, RankedListView] = {}
        self.headings: dict[str, QLabel] = {}
        self.add_buttons: dict[str, QPushButton] = {}
        self._current: tuple[str, int] | None = None  # (priority, ask id)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        for column, priority in enumerate(PRIORITIES):
            self._build_column(grid, column, priority)
        grid.setRowStretch(2, 1)
        grid.addWidget(self._build_buttons(), 3, 0, 1, 2)
        order = [
            self.add_buttons["must"],
            self.views["must"],
            self.add_buttons["nice"],
            self.views["nice"],
            self.up_button,
            self.down_button,
            self.other_button,
            self.delete_button,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._update_buttons()

    def _build_column(self, grid: QGridLayout, column: int, priority: str) -> None:
        label = vocab.PRIORITIES[priority]
        model = AskListModel(priority, self)
        view = name(RankedListView(), f"asks_{priority}_list", f"{label} asks, in priority order")
        view.setAccessibleDescription(
            _HINTS[priority] + " Ctrl+Up and Ctrl+Down reorder, "
            "Ctrl+Left and Ctrl+Right move between columns."
        )
        view.setModel(model)
        view.empty_text = (
            f"No {label.lower()} yet. Add one, or drag an ask here from the other column."
        )
        view.setItemDelegate(RowDelegate(ask_second_line, view))
        view.selectionModel().currentChanged.connect(
            lambda current, _previous, p=priority: self._on_current(p, current.row())
        )
        view.clicked.connect(lambda index, p=priority: self._on_current(p, index.row()))
        view.command.connect(lambda command, p=priority: self._on_command(p, command))
        view.focused.connect(
            lambda p=priority: self._on_current(p, self.views[p].currentIndex().row())
        )
        model.drop_requested.connect(self._on_drop)
        heading = heading_label(label, 2)
        heading.setObjectName(f"asks_{priority}_heading")
        heading.setWordWrap(False)
        add = name(QPushButton("Add"), f"asks_add_{priority}", f"Add a {label.lower()} ask")
        add.setToolTip(f"Add a {label.lower()} ask (Insert or Ctrl+N in the list)")
        add.clicked.connect(lambda _=False, p=priority: self.add(p))
        header = QHBoxLayout()
        header.addWidget(heading, 1)
        header.addWidget(add)
        hint = muted_label(_HINTS[priority])
        heading.setBuddy(view)
        grid.addLayout(header, 0, column)
        grid.addWidget(hint, 1, column, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(view, 2, column)
        grid.setColumnStretch(column, 1)
        self.models[priority], self.views[priority] = model, view
        self.headings[priority], self.add_buttons[priority] = heading, add

    def _build_buttons(self) -> AskButtons:
        buttons = AskButtons()
        self.up_button, self.down_button = buttons.up, buttons.down
        self.other_button, self.delete_button = buttons.other, buttons.delete
        self.up_button.clicked.connect(lambda: self.move_by(-1))
        self.down_button.clicked.connect(lambda: self.move_by(1))
        self.other_button.clicked.connect(self.move_to_other)
        self.delete_button.clicked.connect(self.delete)
        self.buttons = buttons
        return buttons

    # -- loading and selection --------------------------------------------------------

    def load(self, workbook_id: int | None) -> None:
        """Show the asks of ``workbook_id``, keeping the selected ask when it is still there."""
        self.workbook_id = workbook_id
        asks = self.ctx.service.items(Ask, workbook_id) if workbook_id is not None else []
        keep = self._current
        for priority in PRIORITIES:
            self.models[priority].set_rows(
                [ask_row(a) for a in asks if a.priority == priority], str(workbook_id)
            )
        self._after_change()
        self._current = None
        if keep is not None and self.select(keep[1]):
            return
        first = next(iter(self.asks()), None)
        if first is not None and self.select(first["id"]):
            return
        self.selected.emit(None)
        self._update_buttons()

    def asks(self) -> list[Row]:
        """Every ask as shown: must-haves then nice-to-haves, each column in rank order."""
        return [row for priority in PRIORITIES for row in self.models[priority].rows()]

    def current(self) -> Row | None:
        if self._current is None:
            return None
        priority, ask_id = self._current
        row = self.models[priority].row_of(ask_id)
        return self.models[priority].item(row) if row >= 0 else None

    def select(self, ask_id: int, *, focus: bool = False) -> bool:
        """Select ``ask_id`` in its column; False when it is not shown."""
        for priority in PRIORITIES:
            row = self.models[priority].row_of(ask_id)
            if row >= 0:
                self.views[priority].select_row(row)
                self._on_current(priority, row)
                if focus:
                    self.views[priority].setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def _on_current(self, priority: str, row: int) -> None:
        model = self.models[priority]
        if not 0 <= row < model.rowCount():
            return
        item = model.item(row)
        other = self.views[PRIORITIES[1 - PRIORITIES.index(priority)]]
        other.clearSelection()
        view = self.views[priority]
        if view.current_row() != row:
            view.select_row(row)
        if self._current == (priority, item["id"]):
            return
        self._current = (priority, item["id"])
        self._update_buttons()
        self.selected.emit(item)

    def update_row(self, ask_id: int, **fields: Any) -> None:
        """Show edited fields of an ask (already being saved by the editor)."""
        for model in self.models.values():
            model.update(ask_id, **fields)

    def _after_change(self) -> None:
        self.models["nice"].set_offset(self.models["must"].rowCount())
        for priority in PRIORITIES:
            count = self.models[priority].rowCount()
            self.headings[priority].setText(f"{vocab.PRIORITIES[priority]} ({count})")

    def _update_buttons(self) -> None:
        for button in self.add_buttons.values():
            button.setEnabled(self.workbook_id is not None)
        if self._current is None:
            self.buttons.show_state(None, -1, 0)
            return
        priority, ask_id = self._current
        model = self.models[priority]
        self.buttons.show_state(priority, model.row_of(ask_id), model.rowCount())

    # -- structural actions -----------------------------------------------------------

    def _fail(self, title: str, exc: FlexPrepError) -> None:
        QMessageBox.warning(self, title, str(exc))
        self.load(self.workbook_id)

    @Slot()
    def add(self, priority: str) -> None:
        """Add an empty ask at the end of ``priority``'s column and select it for typing."""
        if self.workbook_id is None:
            return
        self.ctx.saver.flush()
        step = AddItem(
            self.ctx,
            Ask,
            self.workbook_id,
            {"priority": priority, "title": ""},
            f"Add {vocab.PRIORITIES[priority].lower()}",
            self,
            self.show_undone,
        )
        try:
            self.ctx.undo_stack.run(step)
        except FlexPrepError as exc:
            self._fail("Ask not added", exc)
            return
        ask = step.row
        model = self.models[priority]
        model.insert(model.rowCount(), ask_row(ask))
        self._after_change()
        self.select(ask.id)
        self.structure_changed.emit()
        self.edit_requested.emit()

    @Slot()
    def delete(self) -> None:
        """Delete the selected ask (after asking, when it holds any text)."""
        item = self.current()
        if item is None or self._current is None:
            return
        if any(item[key].strip() for key in ("title", "details", "fallback")):
            answer = QMessageBox.question(
                self,
                "Delete ask",
                f"Delete “{item['title'] or 'this ask'}”?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.ctx.saver.flush()  # nothing queued for it may be written after it is gone
        try:
            self.ctx.undo_stack.run(
                DeleteItem(self.ctx, Ask, item["id"], "ask", item["title"], self, self.show_undone)
            )
        except FlexPrepError as exc:
            self._fail("Ask not deleted", exc)
            return
        priority = self._current[0]
        model, view = self.models[priority], self.views[priority]
        had_focus = view.hasFocus()
        row = model.row_of(item["id"])
        self._current = None
        model.take(row)
        self._after_change()
        if model.rowCount():
            self.select(model.item(min(row, model.rowCount() - 1))["id"], focus=had_focus)
        else:
            self.selected.emit(None)
            self._update_buttons()
        self.structure_changed.emit()

    def move_by(self, step: int) -> None:
        if self._current is None:
            return
        priority, ask_id = self._current
        row = self.models[priority].row_of(ask_id)
        target = row + step
        if 0 <= target < self.models[priority].rowCount():
            self.move_ask(ask_id, priority, target)

    def move_to_other(self) -> None:
        if self._current is None:
            return
        priority, ask_id = self._current
        other = PRIORITIES[1 - PRIORITIES.index(priority)]
        self.move_ask(ask_id, other, self.models[other].rowCount())

    def move_ask(self, ask_id: int, priority: str, index: int) -> None:
        """Save ask ``ask_id`` as number ``index`` of ``priority``, then show it there."""
        source = next((p for p in PRIORITIES if self.models[p].row_of(ask_id) >= 0), None)
        if source is None:
            return
        had_focus = any(view.hasFocus() for view in self.views.values())
        model = self.models[source]
        row = model.row_of(ask_id)
        if source == priority and max(0, min(index, model.rowCount() - 1)) == row:
            self.select(ask_id, focus=had_focus)  # dropped where it was: nothing to do
            return
        self.ctx.saver.flush()
        title = model.item(row)["title"]
        text = (
            named("Move", "ask", title, "up" if index < row else "down")
            if source == priority
            else named("Move", "ask", title, f"to {vocab.PRIORITIES[priority].lower()}")
        )
        try:
            self.ctx.undo_stack.run(
                MoveAsk(
                    self.ctx, ask_id, (source, row), (priority, index), text, self, self.show_undone
                )
            )
        except FlexPrepError as exc:
            self._fail("Ask not moved", exc)
            return
        if source == priority:
            model.move(row, max(0, min(index, model.rowCount() - 1)))
        else:
            item = model.take(row)
            item["priority"] = priority
            target = self.models[priority]
            target.insert(index, item)
            self.views[source].clearSelection()
        self._after_change()
        self._current = None
        self.select(ask_id, focus=had_focus)
        self.structure_changed.emit()

    def make_mine(self, ask_id: int) -> None:
        """Keep a draft as it is, as the user's own: it is no longer marked as a draft."""
        row = next((a for a in self.asks() if a["id"] == ask_id), None)
        title = row["title"] if row is not None else ""
        try:
            self.ctx.undo_stack.run(
                ChangeItem(
                    self.ctx,
                    Ask,
                    ask_id,
                    {"draft": False},
                    {"draft": True},
                    named("Make", "ask", title, "mine"),
                    self,
                    self.show_undone,
                )
            )
        except FlexPrepError as exc:
            self._fail("Ask not made yours", exc)
            return
        self.update_row(ask_id, draft=False)
        current = self.current()
        if current is not None and current["id"] == ask_id:
            self.selected.emit(current)
        self.structure_changed.emit()

    def show_undone(self, ask_id: int | None) -> None:
        """Show the asks as saved after an undo or redo, with ``ask_id`` selected."""
        had_focus = any(view.hasFocus() for view in self.views.values())
        self.load(self.workbook_id)
        if ask_id is not None:
            self.select(ask_id, focus=had_focus)
        self.structure_changed.emit()

    @Slot(list, int, str)
    def _on_drop(self, ids: list[int], row: int, priority: str) -> None:
        ask_id = ids[0]
        model = self.models[priority]
        index = model.rowCount() if row < 0 else row
        source = model.row_of(ask_id)
        if 0 <= source < index:
            index -= 1  # it leaves its old place above the drop point first
        self.move_ask(ask_id, priority, index)

    def _on_command(self, priority: str, command: str) -> None:
        if command == "add":
            self.add(priority)
        elif command == "edit":
            if self.current() is not None:
                self.edit_requested.emit()
        elif command == "delete":
            self.delete()
        elif command in ("up", "down"):
            self.move_by(-1 if command == "up" else 1)
        elif self._current is not None:
            target = "must" if command == "left" else "nice"
            if target != self._current[0]:
                self.move_ask(self._current[1], target, self.models[target].rowCount())
