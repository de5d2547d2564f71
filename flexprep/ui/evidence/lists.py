"""A ranked list with its buttons and the editor of the selected row (one per section)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from flexprep.ui.evidence.models import ID_ROLE, RankedTableModel
from flexprep.ui.widgets.common import heading_label, muted_label, name


class EditorScrollArea(QScrollArea):
    """Scrolls an editor; :meth:`needed_width` is how wide it must be for nothing in
    the editor to be cut off (narrower, a horizontal scroll bar shows the rest)."""

    def needed_width(self) -> int:
        editor = self.widget()
        if editor is None:
            return 0
        bar = self.verticalScrollBar().sizeHint().width()
        return editor.minimumSizeHint().width() + bar + 2 * self.frameWidth()


def widen(splitter: QSplitter, index: int, needed: int) -> None:
    """Give pane ``index`` of ``splitter`` at least ``needed`` pixels when the other
    panes can spare them (never below their own minimum); the user's wider choice stays."""
    sizes = splitter.sizes()
    total = sum(sizes)
    if not total or sizes[index] >= needed:
        return
    room = {}
    for i in range(len(sizes)):
        pane = splitter.widget(i)
        if i != index and pane is not None:
            room[i] = max(0, sizes[i] - pane.minimumSizeHint().width())
    gain = min(needed - sizes[index], sum(room.values()))
    if gain <= 0:
        return
    sizes[index] += gain
    for i, spare in room.items():  # taken from the other panes in turn
        take = min(spare, gain)
        sizes[i] -= take
        gain -= take
    splitter.setSizes(sizes)


class RankedListPanel(QWidget):
    """Heading, table, buttons and editor of one ranked list.

    The panel only reports what the user asks for — ``current_changed(id or -1)``,
    ``delete_requested(row)``, ``move_requested(row, to_row)`` — and the tab does it.
    Keyboard: Delete removes, Ctrl+Up / Ctrl+Down move the selected row.
    """

    current_changed = Signal(int)
    delete_requested = Signal(int)
    move_requested = Signal(int, int)

    def __init__(
        self,
        key: str,
        title: str,
        hint: str,
        model: RankedTableModel,
        add_button: QWidget,
        editor: QWidget,
        extra: list[QWidget] | None = None,
        stretch_column: int = 0,
        editor_beside: bool = False,
        empty_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{key}_panel")
        self.model = model
        self.editor = editor
        self.heading = heading_label(title, 2)
        self.hint = muted_label(hint)
        # As tall as a button, so headings line up whether or not a button sits beside them.
        self.heading.setMinimumHeight(QPushButton("X").sizeHint().height())
        self.view = name(QTableView(), f"{key}_list", title)
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDragDropOverwriteMode(False)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        self.view.setMinimumHeight(110)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        # Tool buttons: compact, so the tab still fits a narrow window.
        self.delete_button = name(QToolButton(), f"{key}_delete", f"Delete the selected {key} item")
        self.delete_button.setText("Delete")
        self.delete_button.setToolTip("Delete the selected row (Delete)")
        self.up_button = name(QToolButton(), f"{key}_up", "Move the selected row up")
        self.up_button.setArrowType(Qt.ArrowType.UpArrow)
        self.up_button.setToolTip("Move up (Ctrl+Up)")
        self.down_button = name(QToolButton(), f"{key}_down", "Move the selected row down")
        self.down_button.setArrowType(Qt.ArrowType.DownArrow)
        self.down_button.setToolTip("Move down (Ctrl+Down)")
        for button in (self.delete_button, self.up_button, self.down_button):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setMinimumHeight(add_button.sizeHint().height())
        for button in (self.up_button, self.down_button):
            button.setMinimumWidth(add_button.sizeHint().height() + 6)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(add_button)
        buttons.addStretch(1)
        for button in (self.delete_button, self.up_button, self.down_button):
            buttons.addWidget(button)

        self.scroll_area = EditorScrollArea()
        self.scroll_area.setObjectName(f"{key}_editor_scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields take the focus
        self.scroll_area.setWidget(editor)
        # With nothing selected, a word on what to do beats a disabled, empty form.
        self.empty = muted_label(empty_text)
        self.empty.setObjectName(f"{key}_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.editor_stack = QStackedWidget()
        self.editor_stack.addWidget(self.scroll_area)
        self.editor_stack.addWidget(self.empty)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.heading, 1)
        for widget in extra or []:
            top.addWidget(widget)
        list_column = QWidget()
        list_layout = QVBoxLayout(list_column)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.view, 1)
        list_layout.addLayout(buttons)
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        #: The list and the editor side by side (``editor_beside``), else None.
        self.body: QSplitter | None = None
        if editor_beside:
            self.body = QSplitter(Qt.Orientation.Horizontal)
            self.body.setChildrenCollapsible(False)
            self.body.addWidget(list_column)
            self.body.addWidget(self.editor_stack)
            self.body.setStretchFactor(0, 1)
            self.body.setStretchFactor(1, 1)
            layout.addWidget(self.body, 1)
        else:
            list_column.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
            layout.addWidget(list_column, 2)
            layout.addWidget(self.editor_stack, 3)

        chain = [
            *(extra or []),
            self.view,
            add_button,
            self.delete_button,
            self.up_button,
            self.down_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.delete_button.clicked.connect(self._delete)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        for keys, slot, what in (
            (QKeySequence(QKeySequence.StandardKey.Delete), self._delete, "delete the chosen row"),
            (QKeySequence("Ctrl+Up"), lambda: self._move(-1), "move the chosen row up"),
            (QKeySequence("Ctrl+Down"), lambda: self._move(1), "move the chosen row down"),
        ):
            shortcut = QShortcut(keys, self.view, slot)
            # Only while the list has the focus: both lists of the tab use the same keys.
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.setWhatsThis(f"{title}: {what}")  # listed in Help › Keyboard shortcuts
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        model.modelReset.connect(self._update_buttons)
        model.rowsInserted.connect(self._update_buttons)
        model.rowsRemoved.connect(self._update_buttons)
        model.rowsMoved.connect(self._update_buttons)
        model.move_requested.connect(self.move_requested)
        self._update_buttons()

    def needed_width(self) -> int:
        """How wide the panel must be for its editor to show whole."""
        margins = self._layout.contentsMargins()
        return self.scroll_area.needed_width() + margins.left() + margins.right()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        if self.body is not None:  # the editor beside the list: it gets its width first
            widen(self.body, 1, self.scroll_area.needed_width())

    def current_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def current_id(self) -> int | None:
        row = self.current_row()
        return self.model.rows[row]["id"] if row >= 0 else None

    def select_row(self, row: int) -> None:
        """Select ``row`` (clamped; none when the list is empty)."""
        if not self.model.rows:
            self.view.clearSelection()
            self.current_changed.emit(-1)
            return
        row = max(0, min(row, len(self.model.rows) - 1))
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.selectRow(row)

    @Slot()
    def _delete(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.delete_requested.emit(row)

    def _move(self, step: int) -> None:
        row = self.current_row()
        target = row + step
        if row >= 0 and 0 <= target < len(self.model.rows):
            self.move_requested.emit(row, target)

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, *_args: object) -> None:
        row = self.current_row()
        index: QModelIndex = self.model.index(row, 0)
        self.current_changed.emit(index.data(ID_ROLE) if row >= 0 else -1)
        self._update_buttons()

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        row, count = self.current_row(), len(self.model.rows)
        self.editor_stack.setCurrentWidget(self.scroll_area if row >= 0 else self.empty)
        self.delete_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
