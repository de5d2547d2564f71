"""Undoable edits of a workbook's ranked items (asks, offers, objections, endorsements,
evidence, trial log), each one or two service calls each way.

A deleted item is put back whole, with its id, place and children, through
:meth:`~flexprep.core.service.WorkbookService.copy_item` and ``restore_item``, so
the steps below and above it on the stack still find it by its id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from PySide6.QtWidgets import QWidget

from flexprep.core.models import Ask, Objection
from flexprep.core.service import ItemCopy, WorkbookService
from flexprep.ui.shell.autosave import aside
from flexprep.ui.widgets.undo import Step, UndoHistory, named

Show = Callable[[int | None], None]
T = TypeVar("T")


class _Saver(Protocol):
    def flush(self) -> bool: ...

    def run(self, work: Callable[[], T]) -> T: ...


class UndoContext(Protocol):
    """What the steps use of the app context (:class:`~flexprep.ui.shell.context.AppContext`)."""

    @property
    def service(self) -> WorkbookService: ...

    @property
    def saver(self) -> _Saver: ...

    @property
    def undo_stack(self) -> UndoHistory: ...


class ItemStep(Step):
    """A step on one item of ``model``, through the service of ``ctx``."""

    def __init__(
        self,
        ctx: UndoContext,
        model: type[Any],
        item_id: int,
        text: str,
        where: QWidget,
        show: Show,
        done_text: str = "",
    ) -> None:
        super().__init__(ctx.undo_stack, text, where, show, done_text, ctx.saver.flush)
        # Run by the saver's worker: a locked database never freezes the window.
        self.service = aside(ctx.service, ctx.saver)
        self.model, self.item_id = model, item_id


class AddItem(ItemStep):
    """Add an item with ``fields`` at ``index`` (default: last); ``row`` is the new item."""

    def __init__(
        self,
        ctx: UndoContext,
        model: type[Any],
        workbook_id: int,
        fields: dict[str, Any],
        text: str,
        where: QWidget,
        show: Show,
        index: int | None = None,
    ) -> None:
        super().__init__(ctx, model, -1, text, where, show)
        self.workbook_id, self.fields, self.index = workbook_id, fields, index
        self.row: Any = None
        self.copy: ItemCopy | None = None

    def first(self) -> None:
        self.row = self.service.add_item(self.model, self.workbook_id, self.index, **self.fields)
        self.item_id = self.row.id

    def forward(self) -> int | None:
        if self.copy is None:
            self.first()
        else:  # as it was when undone, typing included
            self.service.restore_item(self.copy)
        return self.item_id

    def backward(self) -> int | None:
        self.copy = self.service.copy_item(self.model, self.item_id)
        self.service.delete_item(self.model, self.item_id)
        return None


class DeleteItem(ItemStep):
    """Delete an item; undone, it comes back whole where it was."""

    offer = True

    def __init__(
        self,
        ctx: UndoContext,
        model: type[Any],
        item_id: int,
        noun: str,
        title: str,
        where: QWidget,
        show: Show,
    ) -> None:
        super().__init__(
            ctx,
            model,
            item_id,
            named("Delete", noun, title),
            where,
            show,
            named("Deleted", noun, title),
        )
        self.copy: ItemCopy | None = None

    def forward(self) -> int | None:
        self.copy = self.service.copy_item(self.model, self.item_id)
        self.service.delete_item(self.model, self.item_id)
        return None

    def backward(self) -> int | None:
        assert self.copy is not None
        self.service.restore_item(self.copy)
        return self.item_id


class MoveItem(ItemStep):
    """Move an item from place ``source`` to place ``target`` in its rank order."""

    def __init__(
        self,
        ctx: UndoContext,
        model: type[Any],
        item_id: int,
        source: int,
        target: int,
        text: str,
        where: QWidget,
        show: Show,
    ) -> None:
        super().__init__(ctx, model, item_id, text, where, show)
        self.source, self.target = source, target

    def forward(self) -> int | None:
        self.service.move_item(self.model, self.item_id, self.target)
        return self.item_id

    def backward(self) -> int | None:
        self.service.move_item(self.model, self.item_id, self.source)
        return self.item_id


class MoveAsk(ItemStep):
    """Move an ask from ``(column, place)`` ``source`` to ``target``."""

    def __init__(
        self,
        ctx: UndoContext,
        ask_id: int,
        source: tuple[str, int],
        target: tuple[str, int],
        text: str,
        where: QWidget,
        show: Show,
    ) -> None:
        super().__init__(ctx, Ask, ask_id, text, where, show)
        self.source, self.target = source, target

    def forward(self) -> int | None:
        self.service.move_ask(self.item_id, *self.target)
        return self.item_id

    def backward(self) -> int | None:
        self.service.move_ask(self.item_id, *self.source)
        return self.item_id


class ChangeItem(ItemStep):
    """Set fields of an item (``after``), and back (``before``): accepting a draft."""

    def __init__(
        self,
        ctx: UndoContext,
        model: type[Any],
        item_id: int,
        after: dict[str, Any],
        before: dict[str, Any],
        text: str,
        where: QWidget,
        show: Show,
    ) -> None:
        super().__init__(ctx, model, item_id, text, where, show)
        self.after, self.before = after, before

    def forward(self) -> int | None:
        self.service.update_item(self.model, self.item_id, **self.after)
        return self.item_id

    def backward(self) -> int | None:
        self.service.update_item(self.model, self.item_id, **self.before)
        return self.item_id


class LinkEvidence(ItemStep):
    """Link exactly ``after`` (evidence ids, in order) to an objection; back to ``before``."""

    def __init__(
        self,
        ctx: UndoContext,
        objection_id: int,
        after: Sequence[int],
        before: Sequence[int],
        text: str,
        where: QWidget,
        show: Show,
    ) -> None:
        super().__init__(ctx, Objection, objection_id, text, where, show)
        self.after, self.before = list(after), list(before)

    def forward(self) -> int | None:
        self.service.set_objection_evidence(self.item_id, self.after)
        return self.item_id

    def backward(self) -> int | None:
        self.service.set_objection_evidence(self.item_id, self.before)
        return self.item_id


def move_text(noun: str, title: str, source: int, target: int) -> str:
    """``Move offer 'X' up`` (or down) for a move within one list."""
    return named("Move", noun, title, "up" if target < source else "down")
