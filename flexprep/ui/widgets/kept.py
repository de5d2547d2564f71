"""Kept input in the window: a field's text that fails its check survives a restart.

A number field (evidence "before" typed as "about nine") or a date field ("next
Tuesdy") saves nothing into the database while its text is not a valid value: the
last good value stays saved, and the field says so. The text itself goes to the kept
input file beside the database (:class:`~flexprep.core.recovery.KeptInput`), so a new
window on the same database shows it again in its field, marked as needing a fix,
until a good value replaces it.

The fields find the window's :class:`KeptInputs` themselves (:func:`remember`,
:func:`forget`, :func:`recall`), so no tab has to pass it around. A field's key is its
workbook, the item it belongs to (an ancestor editor's ``item_id``) and its path of
object names in the window. The file is written off the GUI thread, a moment after
the last change.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

from flexprep.core.recovery import KeptInput

log = logging.getLogger(__name__)

OBJECT_NAME = "kept_inputs"
WRITE_DELAY_MS = 300
#: Date fields of the workbook itself (one per workbook): kept under their own name.
#: A date field of a list item (a next step, an endorsement) is kept only inside an
#: editor that says which item it shows (``item_id``: the endorsement's id, the next
#: step's text, a deliverable's "what"), so that one item's text never turns up in
#: another's field.
WORKBOOK_FIELDS = frozenset(
    {
        "meeting_at",
        "trial_start",
        "review_date",
        "sent_on",
        "proposed_start",
        "end_date",
        "refusal_decided_on",
        "review_held_on",
        "review_next",
        "about_employed_since",
        "previous_date",  # the date of an earlier request, before it is added
    }
)


class KeptInputs(QObject):
    """The window's kept input: the file's content in memory, written as it changes."""

    def __init__(
        self, window: QWidget, db_path: Path, workbook_id: Callable[[], int | None]
    ) -> None:
        super().__init__(window)
        self.setObjectName(OBJECT_NAME)
        self.store = KeptInput(db_path)
        self.workbook_id = workbook_id
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._write_now)
        self._executor: ThreadPoolExecutor | None = None
        self._writing: Future[None] | None = None
        self._dirty = False
        #: Why the file could not be written last time ("" when it was).
        self.error = ""

    def get(self, field: str) -> str | None:
        workbook = self.workbook_id()
        return None if workbook is None else self.store.get(workbook, field)

    def put(self, field: str, text: str) -> None:
        workbook = self.workbook_id()
        if workbook is not None and self.store.put(workbook, field, text):
            self._changed()

    def drop(self, field: str) -> None:
        workbook = self.workbook_id()
        if workbook is not None and self.store.drop(workbook, field):
            self._changed()

    def prune(self, workbook_ids: set[int]) -> None:
        """Forget what was kept for workbooks that no longer exist."""
        if self.store.prune(workbook_ids):
            self._changed()

    def _changed(self) -> None:
        self._dirty = True
        if not self._timer.isActive():
            self._timer.start(WRITE_DELAY_MS)

    def _write_now(self) -> None:
        if not self._dirty:
            return
        if self._writing is not None and not self._writing.done():
            self._timer.start(WRITE_DELAY_MS)  # one write at a time, the newest content
            return
        self._dirty = False
        payload = self.store.payload()
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="flexprep-kept")
        self._writing = self._executor.submit(self._write, payload)

    def _write(self, payload: bytes | None) -> None:
        try:
            self.store.write(payload)
        except OSError as exc:
            self.error = f"{exc.strerror or exc}"
            log.warning("kept input not written: %s", exc)
        else:
            self.error = ""

    def close(self) -> None:
        """Write what is still to be written and stop (the window closes)."""
        self._timer.stop()
        self._write_now()
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None


def _inputs(widget: QWidget) -> KeptInputs | None:
    window = widget.window()
    if window is None or window is widget:
        return None
    found = window.findChild(KeptInputs, OBJECT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return found if isinstance(found, KeptInputs) else None


def field_key(widget: QWidget) -> str | None:
    """The key of ``widget``'s kept text: its item (if any) and its path of names.

    None when the field cannot be told apart from the same field of another item.
    """
    names: list[str] = []
    item = ""
    parent: QWidget | None = widget
    while parent is not None and not parent.isWindow():
        if parent.objectName():
            names.append(parent.objectName())
        if not item and hasattr(parent, "item_id"):
            ident = parent.item_id
            if ident is None:
                return None  # an editor showing no item
            item = f"{type(parent).__name__}#{ident}"
        parent = parent.parentWidget()
    if not names:
        return None
    if not item and names[0] not in WORKBOOK_FIELDS:
        return None
    return "/".join(([item] if item else []) + list(reversed(names)))


def remember(widget: QWidget, text: str) -> None:
    """``widget`` holds ``text``, which fails its check: keep it across restarts."""
    inputs, key = _inputs(widget), field_key(widget)
    if inputs is not None and key is not None:
        inputs.put(key, text)


def forget(widget: QWidget) -> None:
    """``widget`` holds a good value (or none) again: nothing to keep for it."""
    inputs, key = _inputs(widget), field_key(widget)
    if inputs is not None and key is not None:
        inputs.drop(key)


def recall(widget: QWidget) -> str | None:
    """The text kept for ``widget`` (shown again, marked, when it loads), or None."""
    inputs, key = _inputs(widget), field_key(widget)
    if inputs is None or key is None:
        return None
    with contextlib.suppress(RuntimeError):  # the window is being torn down
        return inputs.get(key)
    return None
