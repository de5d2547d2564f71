"""Noticing what happens to the database outside this window (docs/design.md,
"Saving and recovery").

- :class:`FileIdentity`: the file the window opened, to tell at save time that it was
  deleted, moved or replaced.
- :class:`WriteTracker`: the ``updated_at`` of each workbook as this process last read
  or wrote it; a different value in the database means someone else changed it.
- :class:`ChangeWatcher`: a cheap poll (``PRAGMA data_version``, then the workbooks'
  ids, names and times) that a window runs off its GUI thread.

No Qt here: the window drives these from its timers and workers.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, attributes, sessionmaker

from flexprep.core.explain import explain_os


@dataclass(frozen=True)
class FileIdentity:
    """A file's device and inode: a new file at the same path has another identity."""

    device: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> FileIdentity:
        info = path.stat()
        return cls(info.st_dev, info.st_ino)

    def problem(self, path: Path) -> str | None:
        """Why ``path`` is no longer this file (one line), or None when it still is."""
        try:
            now = FileIdentity.of(path)
        except FileNotFoundError:
            return f"the database file {path} was deleted or moved while FlexPrep had it open"
        except OSError as exc:
            return f"the database file {path} cannot be reached: {explain_os(exc)}"
        if now != self:
            return (
                f"the database file {path} was replaced by another file while FlexPrep had it open"
            )
        return None


def read_only_reason(path: Path) -> str:
    """Why a database opened read-only cannot be written, in a few words."""
    if path.exists() and not os.access(path, os.W_OK):
        return "the file's permissions do not allow writing"
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return f"its folder {path.parent} cannot be written"
    return "it was opened for reading only"


class WriteTracker:
    """What this process knows of each workbook's ``updated_at``.

    Every commit made through ``factory`` that sets a workbook's ``updated_at`` (the
    service stamps it on every change) is recorded, on whichever thread it happens;
    reads are recorded with :meth:`note`. ``generation`` grows with each record, so a
    poll can tell that this process wrote while it looked.
    """

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._known: dict[int, datetime] = {}
        self.generation = 0
        event.listen(factory, "after_flush", self._after_flush)
        event.listen(factory, "after_commit", self._after_commit)
        event.listen(factory, "after_rollback", self._after_rollback)

    def detach(self) -> None:
        """Stop listening (the window closes)."""
        for name, listener in (
            ("after_flush", self._after_flush),
            ("after_commit", self._after_commit),
            ("after_rollback", self._after_rollback),
        ):
            if event.contains(self._factory, name, listener):
                event.remove(self._factory, name, listener)

    def _after_flush(self, session: Session, _context: Any) -> None:
        touched: dict[int, datetime] = session.info.setdefault("flexprep_touched", {})
        for row in (*session.new, *session.dirty):
            if getattr(row, "__tablename__", None) != "workbook":
                continue
            history = attributes.get_history(row, "updated_at")
            if history.added and row.id is not None:
                touched[row.id] = history.added[0]

    def _after_commit(self, session: Session) -> None:
        touched = session.info.pop("flexprep_touched", None)
        if touched:
            with self._lock:
                self._known.update(touched)
                self.generation += 1

    def _after_rollback(self, session: Session) -> None:
        session.info.pop("flexprep_touched", None)

    def note(self, workbook_id: int, updated_at: datetime) -> None:
        """The window has just read the workbook as of ``updated_at``."""
        with self._lock:
            self._known[workbook_id] = updated_at
            self.generation += 1

    def forget(self) -> None:
        """Forget everything (the whole database was replaced by a restore)."""
        with self._lock:
            self._known.clear()
            self.generation += 1

    def known(self, workbook_id: int) -> datetime | None:
        with self._lock:
            return self._known.get(workbook_id)

    def snapshot(self) -> tuple[int, dict[int, datetime]]:
        """(generation, the known times) at one instant."""
        with self._lock:
            return self.generation, dict(self._known)


@dataclass(frozen=True)
class WorkbookStamp:
    """A workbook as the poll sees it."""

    name: str
    updated_at: datetime


@dataclass(frozen=True)
class Poll:
    """What one poll found: every workbook, and what this process knew at that moment."""

    stamps: dict[int, WorkbookStamp]
    known: dict[int, datetime]


class ChangeWatcher:
    """Polls one database for changes; call :meth:`poll` from one thread at a time."""

    def __init__(self, engine: Engine, tracker: WriteTracker) -> None:
        self._engine = engine
        self._tracker = tracker
        self._connection: Any = None
        self._version: int | None = None

    def poll(self) -> Poll | None:
        """The workbooks if anything was committed since the last poll, else None.

        ``PRAGMA data_version`` on one held connection changes only when another
        connection commits, so an idle database costs one pragma per poll.
        """
        if self._connection is None:
            self._connection = self._engine.raw_connection()
        cursor = self._connection.cursor()
        try:
            version = int(cursor.execute("PRAGMA data_version").fetchone()[0])
            if version == self._version:
                return None
            generation, known = self._tracker.snapshot()
            rows = cursor.execute("SELECT id, name, updated_at FROM workbook").fetchall()
        finally:
            cursor.close()
        # The read ends its implicit transaction at once: WAL keeps no old snapshot.
        self._connection.rollback()
        if generation != self._tracker.generation:
            return None  # this process wrote meanwhile: look again next time
        self._version = version
        stamps = {int(row[0]): WorkbookStamp(str(row[1]), _as_datetime(row[2])) for row in rows}
        return Poll(stamps, known)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def _as_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
