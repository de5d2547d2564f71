"""The objection tab's data, read in a worker thread so the tab shows at once.

A workbook with thousands of objections and tens of thousands of rehearsals takes
most of a second to read and prepare (the rows, each objection's latest rating, what
is due today); :class:`ObjectionLoader` does that aside and hands the result back on
the GUI thread. :func:`load` is the same work, for the places that need it now.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal, Slot

from flexprep.core import content
from flexprep.core.errors import FlexPrepError
from flexprep.core.models import Evidence, Meeting, Objection
from flexprep.core.rehearsal_plan import due_today
from flexprep.ui.objections.models import ObjectionItem

#: While edits are still being written, the read waits this long before looking again
#: (at most :data:`WAIT_TRIES` times), so it sees what was typed.
WAIT_MS = 40
WAIT_TRIES = 50


@dataclass
class Loaded:
    """One workbook's objections as the tab shows them."""

    workbook_id: int | None
    items: list[ObjectionItem] = field(default_factory=list)
    evidence: list[Any] = field(default_factory=list)
    days: int | None = None
    #: How many are due today (-1: still being worked out, see ``due_ready``).
    due: int = 0
    error: str = ""


def due_count(items: Sequence[ObjectionItem], days: int | None, today: date | None = None) -> int:
    """How many of ``items`` (those with text) are due for rehearsal today."""
    today = today or date.today()
    meeting = None if days is None else today + timedelta(days=days)
    return due_today([i for i in items if i.text.strip()], today, meeting)


def added_keys(items: Sequence[ObjectionItem]) -> set[str]:
    """The keys of the library entries among ``items`` (by key, else by unchanged text)."""
    entries = content.objection_library()
    keys = {e["key"] for e in entries}
    by_text = {e["text"]: e["key"] for e in entries}
    found = set()
    for item in items:
        if item.library_key in keys:
            found.add(str(item.library_key))
        else:
            key = by_text.get(item.text.strip())
            if key is not None:
                found.add(key)
    return found


def load(service: Any, workbook_id: int | None, *, due: bool = True) -> Loaded:
    """Read and prepare ``workbook_id``'s objections (safe in a worker thread);
    ``due``: also work out how many are due today (else ``due`` is -1)."""
    if workbook_id is None:
        return Loaded(None)
    try:
        rows = service.items(Objection, workbook_id)
        evidence = service.items(Evidence, workbook_id)
        at = service.part(Meeting, workbook_id).at
    except FlexPrepError as exc:
        return Loaded(workbook_id, error=str(exc))
    items = [ObjectionItem.from_row(row) for row in rows]
    for item in items:
        _ = item.latest  # worked out here, once, not while the table paints
    days = None if at is None else (at.date() - date.today()).days
    count = due_count(items, days) if due else -1
    return Loaded(workbook_id, items, list(evidence), days, count)


class ObjectionLoader(QObject):
    """Loads a workbook's objections in the background; :attr:`loaded` brings them back.

    Each :meth:`start` supersedes the one before (its result is dropped), and so does
    :meth:`cancel`, called when the tab has just read the workbook itself.
    """

    loaded = Signal(object)
    #: How many are due today, worked out after the list has been shown.
    due_ready = Signal(int)
    _ready = Signal(int, object)  # from the worker thread: generation, Loaded
    _due = Signal(int, int)  # from the worker thread: generation, count

    def __init__(self, service: Any, saver: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service, self.saver = service, saver
        self.generation = 0
        self.busy = False
        self._tries = 0
        self._workbook_id: int | None = None
        self._ready.connect(self._arrived)
        self._due.connect(self._due_arrived)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._read)

    def start(self, workbook_id: int | None) -> None:
        """Read ``workbook_id`` aside, once the edits queued so far are written."""
        self.generation += 1
        self.busy = True
        self._workbook_id = workbook_id
        self._tries = 0
        self._read()

    def cancel(self) -> None:
        """Drop the read on its way (the tab has read the workbook itself)."""
        self.generation += 1
        self.busy = False
        self._timer.stop()

    @Slot()
    def _read(self) -> None:
        if self.saver.has_pending() and self._tries < WAIT_TRIES:
            self._tries += 1
            self.saver.save_soon()
            self._timer.start(WAIT_MS)
            return
        generation, workbook_id, service = self.generation, self._workbook_id, self.service

        def work() -> None:
            result = load(service, workbook_id, due=False)  # the list first, then the count
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._ready.emit(generation, result)
            due = due_count(result.items, result.days)
            with contextlib.suppress(RuntimeError):
                self._due.emit(generation, due)

        QThreadPool.globalInstance().start(work)

    @Slot(int, object)
    def _arrived(self, generation: int, result: Loaded) -> None:
        if generation != self.generation:
            return
        self.busy = False
        self.loaded.emit(result)

    @Slot(int, int)
    def _due_arrived(self, generation: int, due: int) -> None:
        if generation == self.generation:
            self.due_ready.emit(due)
