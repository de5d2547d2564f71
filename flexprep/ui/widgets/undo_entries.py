"""Undoable edits of a list of short texts (talking points, success measures, next steps).

The steps work on the list editor's model, whose owner saves every change (its
``items_changed``). A list loaded again from the database since a step was done may
hold other entries at its rows, so such a step refuses to be undone (the history is
then cleared) rather than remove the wrong entry.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
)
from PySide6.QtWidgets import QWidget

from flexprep.core.errors import FlexPrepError
from flexprep.ui.widgets.undo import Step, UndoHistory, named

Index = QModelIndex | QPersistentModelIndex
ROW_MIME = "application/x-flexprep-entry-row"


class EntryEditor(Protocol):
    """What the steps need of :class:`~flexprep.ui.widgets.list_editor.StringListEditor`."""

    @property
    def noun(self) -> str: ...

    @property
    def generation(self) -> int: ...

    @property
    def model(self) -> EntryListModel: ...

    @property
    def view(self) -> QWidget: ...

    def insert_entry(self, row: int, text: str) -> None: ...

    def remove_entry(self, row: int) -> str: ...

    def move_entry(self, row: int, target: int) -> None: ...

    def show_entry(self, row: int | None) -> None: ...

    def moved_by_drag(self, row: int, target: int) -> None: ...


class EntryListModel(QStringListModel):
    """The entries; a drag moves one through the editor (an undoable step), not by itself."""

    def __init__(self, editor: EntryEditor, parent: Any = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.direct = False  # True while a step moves rows itself

    def moveRows(  # noqa: N802 (Qt naming)
        self,
        source_parent: Index,
        row: int,
        count: int,
        destination_parent: Index,
        destination: int,
    ) -> bool:
        if self.direct or count != 1:
            return super().moveRows(source_parent, row, count, destination_parent, destination)
        # A drop inside the list (Qt's internal move): the destination counts the row itself.
        target = destination - 1 if destination > row else destination
        if target == row:
            return False
        self.editor.moved_by_drag(row, target)
        return True

    def mimeData(self, indexes: Any) -> QMimeData:  # noqa: N802 (Qt naming)
        data = super().mimeData(indexes)
        rows = sorted(index.row() for index in indexes if index.isValid())
        if rows:
            data.setData(ROW_MIME, QByteArray(str(rows[0]).encode()))
        return data

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt naming)
        return [ROW_MIME, *super().mimeTypes()]

    def dropMimeData(  # noqa: N802 (Qt naming)
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        if not data.hasFormat(ROW_MIME) or action != Qt.DropAction.MoveAction:
            return False
        source = int(bytes(data.data(ROW_MIME).data()).decode() or -1)
        count = self.rowCount()
        if not 0 <= source < count:
            return False
        if parent.isValid():  # dropped on an entry: it takes that place
            target = parent.row()
        else:
            before = row if row >= 0 else count
            target = before - 1 if before > source else before
        target = max(0, min(target, count - 1))
        if target != source:
            self.editor.moved_by_drag(source, target)
        return False  # moved already: Qt must not remove the dragged row as well


class EntryStep(Step):
    """A step on one list editor's entries."""

    def __init__(
        self, history: UndoHistory | None, editor: EntryEditor, text: str, done_text: str = ""
    ) -> None:
        super().__init__(history, text, editor.view, editor.show_entry, done_text)
        self.editor = editor
        self.generation = editor.generation

    def _check(self) -> None:
        if self.editor.generation != self.generation:
            raise FlexPrepError(f"the {self.editor.noun}s were loaded again since")


class AddEntry(EntryStep):
    """Insert ``text`` as entry ``row``; undone, the entry goes (with what was typed)."""

    def __init__(
        self, history: UndoHistory | None, editor: EntryEditor, row: int, text: str
    ) -> None:
        label = named("Add", editor.noun, text) if text.strip() else f"Add {editor.noun}"
        super().__init__(history, editor, label)
        self.row, self.entry = row, text

    def forward(self) -> int | None:
        self._check()
        self.editor.insert_entry(self.row, self.entry)
        return self.row

    def backward(self) -> int | None:
        self._check()
        self.entry = self.editor.remove_entry(self.row)
        return min(self.row, self.editor.model.rowCount() - 1)


class RemoveEntry(EntryStep):
    """Remove entry ``row``; undone, it comes back in its place."""

    offer = True

    def __init__(self, history: UndoHistory | None, editor: EntryEditor, row: int) -> None:
        text = editor.model.stringList()[row]
        super().__init__(
            history, editor, named("Remove", editor.noun, text), named("Removed", editor.noun, text)
        )
        self.row, self.entry = row, text

    def forward(self) -> int | None:
        self._check()
        self.entry = self.editor.remove_entry(self.row)
        return min(self.row, self.editor.model.rowCount() - 1)

    def backward(self) -> int | None:
        self._check()
        self.editor.insert_entry(self.row, self.entry)
        return self.row


class MoveEntry(EntryStep):
    """Move entry ``row`` to ``target``."""

    def __init__(
        self, history: UndoHistory | None, editor: EntryEditor, row: int, target: int
    ) -> None:
        text = editor.model.stringList()[row]
        super().__init__(
            history, editor, named("Move", editor.noun, text, "up" if target < row else "down")
        )
        self.row, self.target = row, target

    def forward(self) -> int | None:
        self._check()
        self.editor.move_entry(self.row, self.target)
        return self.target

    def backward(self) -> int | None:
        self._check()
        self.editor.move_entry(self.target, self.row)
        return self.row
