"""Keyboard behaviour every part of the window shares: Tab leaves lists, focus scrolls.

Two application-wide helpers, installed once (:func:`install_keyboard_helpers`):

* Tab and Shift+Tab always leave a list or table, and an editor open in one: the
  arrow keys move inside it, Tab moves on to the next field. An editor open in a
  cell keeps what was typed in it (it is committed) before the focus moves on.
* A field that takes the focus any way but the mouse (an Alt mnemonic, a label's
  buddy, a readiness link) is scrolled into view inside the scroll areas around it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QScrollArea,
    QWidget,
)

#: Room left around a field scrolled into view, in pixels.
SCROLL_MARGIN = 16
_TAB_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
_helpers: KeyboardHelpers | None = None


def never_trap(root: QWidget) -> None:
    """Make Tab leave every list and table inside ``root`` (arrows still move inside)."""
    views = root.findChildren(QAbstractItemView)
    if isinstance(root, QAbstractItemView):
        views.append(root)
    for view in views:
        view.setTabKeyNavigation(False)


def item_view_of(widget: QWidget) -> tuple[QAbstractItemView, QWidget | None] | None:
    """The list or table ``widget`` is in, and the cell editor it belongs to (or None).

    None when ``widget`` is in no item view, or in a pop-up list (a combo box's).
    """
    path: list[QWidget] = []
    current: QWidget | None = widget
    while current is not None:
        if isinstance(current, QAbstractItemView):
            if current.window().windowType() == Qt.WindowType.Popup:
                return None
            # [..., editor, viewport] below the view: the editor is the viewport's child.
            if len(path) >= 2 and path[-1] is current.viewport():
                return current, path[-2]
            return current, None
        path.append(current)
        current = current.parentWidget()
    return None


def _close_editor(view: QAbstractItemView, editor: QWidget) -> None:
    """Keep what was typed in ``editor`` and close it (a persistent one stays open)."""
    index = view.currentIndex()
    delegate = view.itemDelegateForIndex(index) if index.isValid() else view.itemDelegate()
    if delegate is None:
        delegate = view.itemDelegate()
    delegate.commitData.emit(editor)
    delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)


def leave_view(view: QAbstractItemView, forward: bool) -> None:
    """Move the focus to the field after (or before) ``view`` in the focus chain."""
    view.setTabKeyNavigation(False)
    start: QWidget = view
    step = QWidget.nextInFocusChain if forward else QWidget.previousInFocusChain
    candidate = step(start)
    while candidate is not None and candidate is not view:
        if (
            not view.isAncestorOf(candidate)
            and candidate.isVisible()
            and candidate.isEnabled()
            and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
            and candidate.window() is view.window()
        ):
            candidate.setFocus(
                Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
            )
            return
        candidate = step(candidate)


class KeyboardHelpers(QObject):
    """The application's event filter for Tab, and its focus watcher for scrolling."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if not isinstance(event, QKeyEvent) or event.key() not in _TAB_KEYS:
            return False
        if event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False  # Ctrl+Tab belongs to tab widgets
        found = item_view_of(watched)
        if found is None:
            return False
        view, editor = found
        forward = event.key() == Qt.Key.Key_Tab and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        )
        if editor is not None:
            _close_editor(view, editor)
        elif not view.tabKeyNavigation():
            return False  # Qt leaves the view on its own
        leave_view(view, forward)
        return True

    @Slot(QWidget, QWidget)
    def focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            return
        scroll_into_view(new)


def scroll_into_view(widget: QWidget) -> None:
    """Scroll every scroll area around ``widget`` so it shows (when it fits at all)."""
    parent = widget.parentWidget()
    while parent is not None:
        content = parent.widget() if isinstance(parent, QScrollArea) else None
        if isinstance(parent, QScrollArea) and content is not None and content.isAncestorOf(widget):
            _ensure_visible(parent, widget)
        parent = parent.parentWidget()


def _ensure_visible(area: QScrollArea, widget: QWidget) -> None:
    viewport = area.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    shown = QRect(top_left, widget.size())
    visible = viewport.rect()
    if visible.contains(shown):
        return
    if shown.height() > visible.height() and shown.intersects(visible):
        return  # a tall field already partly in view: moving it would only jump
    area.ensureWidgetVisible(widget, SCROLL_MARGIN, SCROLL_MARGIN)


def install_keyboard_helpers() -> None:
    """Install the helpers on the running application (once; later calls do nothing)."""
    global _helpers
    app = QApplication.instance()
    if _helpers is not None or not isinstance(app, QApplication):
        return
    _helpers = KeyboardHelpers(app)
    app.installEventFilter(_helpers)
    app.focusChanged.connect(_helpers.focus_changed)
