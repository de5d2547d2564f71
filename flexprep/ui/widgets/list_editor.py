"""An editable, reorderable list of short texts (success measures, talking points...)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QKeyCombination,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from flexprep.ui.widgets.common import muted_label, name
from flexprep.ui.widgets.undo import UndoHistory
from flexprep.ui.widgets.undo_entries import AddEntry, EntryListModel, MoveEntry, RemoveEntry

Key = Qt.Key | QKeyCombination


def _combined(key: Key) -> int:
    return (QKeyCombination(key) if isinstance(key, Qt.Key) else key).toCombined()


class _Keys(QObject):
    """Handles keys on a view before any window shortcut can take them (F2 renames a
    workbook elsewhere in the window; here it edits the entry)."""

    def __init__(self, view: QWidget, keys: list[tuple[str, Key, Callable[[], None]]]) -> None:
        super().__init__(view)
        self._slots = {_combined(key): slot for _, key, slot in keys}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(
            event, QKeyEvent
        ):
            slot = self._slots.get(event.keyCombination().toCombined())
            if slot is not None:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    slot()
                return True
        return False


def install_keys(view: QWidget, keys: list[tuple[str, Key, Callable[[], None]]]) -> None:
    """Give ``view`` these keys, and list them in its context menu."""
    view.installEventFilter(_Keys(view, keys))
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    for text, key, slot in keys:
        shown = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        action = QAction(f"{text}\t{shown}", view)
        action.triggered.connect(slot)
        view.addAction(action)


class StringListEditor(QWidget):
    """A QListView over a QStringListModel with add, remove and move buttons.

    Keyboard: Insert adds, Delete removes, F2 or Enter edits, Ctrl+Up / Ctrl+Down move
    the current entry; entries can also be dragged. ``items_changed`` carries the
    non-blank entries, in order, after every change the user makes (not after
    :meth:`set_items`). Optional one-click suggestions are listed below the buttons.
    With an ``undo_stack``, adding, removing and moving are steps on it (editing an
    entry's text is the text field's own undo).
    """

    items_changed = Signal(list)

    def __init__(
        self,
        key: str,
        noun: str,
        parent: QWidget | None = None,
        *,
        empty_text: str = "",
        min_rows: int = 3,
        max_rows: int = 12,
        undo_stack: UndoHistory | None = None,
    ) -> None:
        super().__init__(parent)
        self.key, self.noun = key, noun
        self.undo_stack = undo_stack
        self.generation = 0  # counts loads that replaced the entries (see set_items)
        self._loading = False
        self.setObjectName(f"{key}_editor")
        self.model = EntryListModel(self, self)
        self.view = QListView()
        name(self.view, f"{key}_list", f"{noun.capitalize()}s")
        self.view.setAccessibleDescription(
            "Insert adds, Delete removes, F2 edits, Ctrl+Up and Ctrl+Down move the entry"
        )
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        # Not AnyKeyPressed: a stray key would replace a whole entry.
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._min_rows, self._max_rows = min_rows, max_rows
        self.empty = muted_label(empty_text)
        self.empty.setObjectName(f"{key}_empty")

        self.add_button = self._button("Add", f"{key}_add", f"Add a {noun}", self.add)
        self.remove_button = self._button(
            "Remove", f"{key}_remove", f"Remove the selected {noun}", self.remove
        )
        self.up_button = self._button(
            "Move up", f"{key}_up", f"Move the selected {noun} up", self.move_up
        )
        self.down_button = self._button(
            "Move down", f"{key}_down", f"Move the selected {noun} down", self.move_down
        )
        install_keys(
            self.view,
            [
                (f"Add a {noun}", Qt.Key.Key_Insert, self.add),
                ("Edit", Qt.Key.Key_F2, self.edit_current),
                ("Remove", Qt.Key.Key_Delete, self.remove),
                (
                    "Move up",
                    QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Up),
                    self.move_up,
                ),
                (
                    "Move down",
                    QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Down),
                    self.move_down,
                ),
            ],
        )

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self._suggestions = QGridLayout()
        self._suggestions.setContentsMargins(0, 4, 0, 0)
        self._suggestions.setColumnStretch(1, 1)
        self._suggestion_title = muted_label("")
        self.suggestion_buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self._suggestion_title)
        layout.addLayout(self._suggestions)
        self._suggested: list[str] = []
        self._suggestion_title.hide()

        for signal in (
            self.model.dataChanged,
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.rowsMoved,
        ):
            signal.connect(self._on_model_changed)
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self._update_buttons()

    def _button(self, text: str, object_name: str, accessible: str, slot: object) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        name(button, object_name, accessible)
        button.clicked.connect(slot)
        return button

    # -- data ------------------------------------------------------------------------

    def items(self) -> list[str]:
        """The non-blank entries, in order."""
        return [text for text in self.model.stringList() if text.strip()]

    def set_items(self, items: list[str], *, keep_blanks: bool = False) -> None:
        """Show ``items`` without emitting ``items_changed``.

        With ``keep_blanks``, entries already showing ``items`` are kept as they are,
        blank ones included, so the steps on the undo history still find their rows.
        """
        if keep_blanks and items == self.items():
            return
        self.generation += 1
        self._loading = True
        try:
            self.model.setStringList(list(items))
        finally:
            self._loading = False
        self._refresh()

    def set_suggestions(self, suggestions: list[str], title: str = "Suggestions") -> None:
        """Offer ``suggestions`` (those not yet in the list) as one-click additions."""
        self._suggested = list(dict.fromkeys(s for s in suggestions if s.strip()))
        self._suggestion_title.setText(title)
        self._refresh()

    @Slot()
    def _on_model_changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._refresh()
        self.items_changed.emit(self.items())

    def _fit_height(self) -> None:
        # As tall as the entries plus room for one more, so the page does not scroll
        # inside the page for a handful of lines.
        metrics = self.view.fontMetrics()
        line = metrics.lineSpacing() + 6
        width = max(50, self.view.viewport().width() - 12)
        rows = [
            max(
                line,
                self.view.sizeHintForRow(r),
                metrics.boundingRect(
                    0, 0, width, 100_000, Qt.TextFlag.TextWordWrap, self.model.stringList()[r]
                ).height()
                + 4,
            )
            for r in range(self.model.rowCount())
        ]
        spare = max(0, self._min_rows - len(rows)) + 1
        height = sum(rows[: self._max_rows]) + spare * line
        self.view.setFixedHeight(height + 2 * self.view.frameWidth() + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        # Wrapped rows are measured once the view has its new width.
        QTimer.singleShot(0, self._fit_height)

    def _refresh(self) -> None:
        self._fit_height()
        self.empty.setVisible(self.model.rowCount() == 0 and bool(self.empty.text()))
        self._fill_suggestions()
        self._update_buttons()

    def _fill_suggestions(self) -> None:
        while self._suggestions.count():
            item = self._suggestions.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.suggestion_buttons = []
        present = {text.strip().casefold() for text in self.model.stringList()}
        missing = [s for s in self._suggested if s.strip().casefold() not in present]
        self._suggestion_title.setVisible(bool(missing))
        for row, text in enumerate(missing):
            button = QPushButton("Add")
            name(button, f"{self.key}_suggestion_{row}", f"Add suggestion: {text}")
            button.setToolTip(f"Add “{text}”")
            button.setProperty("suggestion", text)
            button.clicked.connect(lambda _=False, t=text: self.append(t))
            label = QLabel(text)
            label.setWordWrap(True)
            label.setBuddy(button)
            self._suggestions.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            self._suggestions.addWidget(label, row, 1)
            self.suggestion_buttons.append(button)
        previous: QWidget = self.down_button
        for button in self.suggestion_buttons:
            QWidget.setTabOrder(previous, button)
            previous = button

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        row = self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1
        count = self.model.rowCount()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)

    # -- changes, each undoable ------------------------------------------------------

    def insert_entry(self, row: int, text: str) -> None:
        self.model.insertRows(row, 1)
        if text:
            self.model.setData(self.model.index(row), text)

    def remove_entry(self, row: int) -> str:
        """Remove entry ``row``; its text."""
        text = self.model.stringList()[row]
        self.model.removeRows(row, 1)
        return text

    def move_entry(self, row: int, target: int) -> None:
        # moveRows' destination is the row *before which* the entry lands.
        self.model.direct = True
        try:
            self.model.moveRows(QModelIndex(), row, 1, QModelIndex(), target + (target > row))
        finally:
            self.model.direct = False

    def show_entry(self, row: int | None) -> None:
        """Select entry ``row`` (after an undo or redo)."""
        if row is not None and 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row))
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_buttons()

    def moved_by_drag(self, row: int, target: int) -> None:
        self._move_to(row, target)
        self.view.setCurrentIndex(self.model.index(target))

    def _do(self, step: AddEntry | RemoveEntry | MoveEntry) -> None:
        if self.undo_stack is not None:
            self.undo_stack.run(step)
        else:
            step.first()

    # -- actions ---------------------------------------------------------------------

    def append(self, text: str) -> None:
        """Add ``text`` at the end (a suggestion) and select it."""
        row = self.model.rowCount()
        self._do(AddEntry(self.undo_stack, self, row, text))
        self.view.setCurrentIndex(self.model.index(row))

    @Slot()
    def add(self) -> None:
        """Insert an empty entry after the current one and start editing it."""
        current = self.view.currentIndex()
        row = current.row() + 1 if current.isValid() else self.model.rowCount()
        self._do(AddEntry(self.undo_stack, self, row, ""))
        index = self.model.index(row)
        self.view.setCurrentIndex(index)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.view.edit(index)

    @Slot()
    def edit_current(self) -> None:
        if self.view.currentIndex().isValid():
            self.view.edit(self.view.currentIndex())

    @Slot()
    def remove(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        row = index.row()
        self._do(RemoveEntry(self.undo_stack, self, row))
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1)))
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def move_up(self) -> None:
        self._move(-1)

    @Slot()
    def move_down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        row, target = index.row(), index.row() + step
        if not 0 <= target < self.model.rowCount():
            return
        self._move_to(row, target)
        self.view.setCurrentIndex(self.model.index(target))
        self._update_buttons()

    def _move_to(self, row: int, target: int) -> None:
        self._do(MoveEntry(self.undo_stack, self, row, target))
