"""Undo and redo of structural edits: the window's history, its commands, the offer.

Every structural edit a tab makes (add, delete, move, change column, accept a draft,
link evidence, list entries) is a :class:`Step` on the window's :class:`UndoHistory`,
which each tab gets through the app context. Typing stays with the text fields' own
undo. A step is done once by :meth:`UndoHistory.run`, which raises as the service
does, so the tab reports a failure as before and nothing reaches the stack; undone
and redone later, a step shows the result in its tab (brought to the front). If an
undo or redo cannot be done (the data changed underneath), the history is cleared
and the status bar says so. See docs/design.md, "Undo and redo".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QTabWidget, QWidget

from flexprep.core.errors import FlexPrepError

#: How long the status bar offers to undo a delete.
OFFER_MS = 8000
#: The steps kept (a deleted objection may hold thousands of rehearsals).
UNDO_LIMIT = 200
TITLE_LIMIT = 40


def quoted(title: str, limit: int = TITLE_LIMIT) -> str:
    """``'Leave at 13:00'``: a title on one line, shortened, in quotes ("" when blank)."""
    text = " ".join(title[: limit * 4].split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"'{text}'" if text else ""


def named(action: str, noun: str, title: str = "", tail: str = "") -> str:
    """A step's text: ``Delete ask 'Leave at 13:00'`` (``Delete untitled ask`` when blank)."""
    name = quoted(title)
    text = f"{action} {noun} {name}" if name else f"{action} untitled {noun}"
    return f"{text} {tail}" if tail else text


def bring_forward(widget: QWidget) -> None:
    """Show the tab (and any inner tab) that holds ``widget``."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QTabWidget):
            for index in range(parent.count()):
                page = parent.widget(index)
                if page is not None and (page is widget or page.isAncestorOf(widget)):
                    parent.setCurrentIndex(index)
                    break
        parent = parent.parentWidget()


class UndoHistory(QUndoStack):
    """The window's undo stack of structural edits (one per window).

    Signals:
        offered: a delete was just done: what to say beside the status bar's Undo.
        failed: an undo or redo could not be done (the message); the history is cleared.
    """

    offered = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undo_history")
        self.setUndoLimit(UNDO_LIMIT)

    def run(self, step: Step) -> None:
        """Do ``step`` now and put it on the stack.

        Raises:
            FlexPrepError: it could not be done; nothing is put on the stack.
        """
        step.first()
        step.done = True
        self.push(step)
        if step.offer:
            self.offered.emit(step.done_text)

    def report(self, message: str) -> None:
        """An undo or redo failed: say so and forget the history (it no longer fits)."""
        self.failed.emit(message)
        QTimer.singleShot(0, self.clear)  # not while QUndoStack is inside undo()

    def add_undo_actions(self, menu: QMenu, parent: QObject) -> tuple[QAction, QAction]:
        """Edit › Undo and Edit › Redo (named after the step) in ``menu``."""
        undo = self.createUndoAction(parent, "&Undo")
        redo = self.createRedoAction(parent, "&Redo")
        for action, key, name in (
            (undo, QKeySequence.StandardKey.Undo, "action_undo"),
            (redo, QKeySequence.StandardKey.Redo, "action_redo"),
        ):
            action.setObjectName(name)
            action.setShortcut(key)
            menu.addAction(action)
        return undo, redo


class Step(QUndoCommand):
    """One structural edit. Subclasses give :meth:`forward` and :meth:`backward`.

    Both return the id of the item to select afterwards (or None) and raise
    :class:`FlexPrepError` when they cannot be done. ``show(id)`` puts the result on
    screen after an undo or redo; ``where`` is a widget of the tab it belongs to.
    Without a ``history`` a step is only done (:meth:`first`), never put on a stack.
    """

    offer = False  # a delete: the status bar offers to undo it
    # Every step class defines both (Shiboken types do not enforce ABC methods, so they
    # are declared, not stubbed: a step without them fails mypy, not at run time).
    forward: Callable[[], int | None]
    backward: Callable[[], int | None]

    def __init__(
        self,
        history: UndoHistory | None,
        text: str,
        where: QWidget,
        show: Callable[[int | None], None],
        done_text: str = "",
        flush: Callable[[], object] | None = None,
    ) -> None:
        super().__init__()
        # Before the newline: the step's name; after it: the Edit menu's "Undo …".
        self.setText(f"{text}\n{text[:1].lower()}{text[1:]}")
        self.history, self.where, self.show = history, where, show
        self.done_text = done_text or text
        self.flush = flush
        self.done = False

    def first(self) -> None:
        """Make the change the first time (:meth:`forward` unless a step differs)."""
        self.forward()

    def redo(self) -> None:
        if self.done:  # just done by UndoHistory.run
            self.done = False
            return
        self._apply(self.forward, "redo")

    def undo(self) -> None:
        self._apply(self.backward, "undo")

    def _apply(self, change: Callable[[], int | None], verb: str) -> None:
        if self.flush is not None:
            self.flush()  # what was typed reaches the database before the change
        try:
            selected = change()
        except FlexPrepError as exc:
            if self.history is None:
                raise
            self.history.report(
                f"Could not {verb} “{self.text()}”: {exc}. The undo history was cleared."
            )
            return
        bring_forward(self.where)
        self.show(selected)


class UndoOffer(QWidget):
    """The status bar's "Deleted ask 'X' · Undo" for a few seconds after a delete."""

    def __init__(self, history: UndoHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undo_offer")
        self.history = history
        self.label = QLabel()
        self.label.setObjectName("undo_offer_text")
        self.button = QPushButton("Undo")
        self.button.setObjectName("undo_offer_button")
        self.button.clicked.connect(self._undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self._index = -1
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        history.offered.connect(self._offer)
        history.failed.connect(self._failed)
        history.indexChanged.connect(self._on_index)
        self.hide()

    @Slot(str)
    def _offer(self, text: str) -> None:
        self._index = self.history.index()
        self.label.setText(text)
        self.button.setAccessibleName(f"Undo: {text}")
        self.button.show()
        self.show()
        self._timer.start(OFFER_MS)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._index = -1
        self.label.setText(f"⚠ {message}")
        self.button.hide()
        self.show()
        self._timer.start(OFFER_MS * 2)

    @Slot(int)
    def _on_index(self, index: int) -> None:
        # Anything else done or undone: this Undo would no longer undo the delete.
        if self.button.isVisible() and index != self._index:
            self.hide()

    @Slot()
    def _undo(self) -> None:
        if self.history.index() == self._index and self.history.canUndo():
            self.history.undo()
        self.hide()
