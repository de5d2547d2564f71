"""Undoable edits of the plan's deliverables: add, delete and move a row.

Like the steps on a list of short texts (:mod:`flexprep.ui.widgets.undo_entries`), they
work on the editor's rows, whose owner saves every change (``items_changed``). Rows
loaded again from the database since a step was done may be other deliverables, so such
a step refuses to be undone (the history is then cleared) rather than drop the wrong one.
Typing in a row stays with the field's own undo.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from flexprep.core.errors import FlexPrepError
from flexprep.ui.widgets.undo import Step, UndoHistory, named

NOUN = "deliverable"


class RowEditor(Protocol):
    """What the steps need of :class:`~flexprep.ui.plan.deliverables.DeliverablesEditor`."""

    @property
    def generation(self) -> int: ...

    def items(self) -> list[dict[str, Any]]: ...

    def insert_row(self, index: int, item: dict[str, Any]) -> None: ...

    def remove_row(self, index: int) -> dict[str, Any]: ...

    def move_row(self, index: int, target: int) -> None: ...

    def show_row(self, index: int | None) -> None: ...


def _title(item: dict[str, Any]) -> str:
    return str(item.get("text") or "")


class RowStep(Step):
    """A step on the deliverables shown by ``editor`` (a widget of the Plan tab)."""

    def __init__(
        self,
        history: UndoHistory | None,
        editor: RowEditor,
        where: QWidget,
        text: str,
        done_text: str = "",
    ) -> None:
        super().__init__(history, text, where, editor.show_row, done_text)
        self.editor = editor
        self.generation = editor.generation

    def _check(self) -> None:
        if self.editor.generation != self.generation:
            raise FlexPrepError("the deliverables were loaded again since")


class AddRow(RowStep):
    """Insert ``item`` as row ``index``; undone, the row goes (with what was typed in it)."""

    def __init__(
        self,
        history: UndoHistory | None,
        editor: RowEditor,
        where: QWidget,
        index: int,
        item: dict[str, Any],
    ) -> None:
        title = _title(item)
        label = named("Add", NOUN, title) if title.strip() else f"Add {NOUN}"
        super().__init__(history, editor, where, label)
        self.index, self.item = index, dict(item)

    def forward(self) -> int | None:
        self._check()
        self.editor.insert_row(self.index, self.item)
        return self.index

    def backward(self) -> int | None:
        self._check()
        self.item = self.editor.remove_row(self.index)
        count = len(self.editor.items())
        return min(self.index, count - 1) if count else None


class DeleteRow(RowStep):
    """Delete row ``index``; undone, it comes back in its place, whole."""

    offer = True

    def __init__(
        self, history: UndoHistory | None, editor: RowEditor, where: QWidget, index: int
    ) -> None:
        item = editor.items()[index]
        title = _title(item)
        super().__init__(
            history, editor, where, named("Delete", NOUN, title), named("Deleted", NOUN, title)
        )
        self.index, self.item = index, item

    def forward(self) -> int | None:
        self._check()
        self.item = self.editor.remove_row(self.index)
        count = len(self.editor.items())
        return min(self.index, count - 1) if count else None

    def backward(self) -> int | None:
        self._check()
        self.editor.insert_row(self.index, self.item)
        return self.index


class MoveRow(RowStep):
    """Move row ``index`` to ``target``."""

    def __init__(
        self,
        history: UndoHistory | None,
        editor: RowEditor,
        where: QWidget,
        index: int,
        target: int,
    ) -> None:
        title = _title(editor.items()[index])
        super().__init__(
            history, editor, where, named("Move", NOUN, title, "up" if target < index else "down")
        )
        self.index, self.target = index, target

    def forward(self) -> int | None:
        self._check()
        self.editor.move_row(self.index, self.target)
        return self.target

    def backward(self) -> int | None:
        self._check()
        self.editor.move_row(self.target, self.index)
        return self.index
