"""One window per database: a lock file beside it that outlives a crash.

``<db>.lock`` is a :class:`QLockFile`: it names the process and host that hold it, and
one left behind by a process that no longer runs (a crash, a power cut) is stale and
taken over. A lock held for hours is not stale: only a dead holder makes it so.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QLockFile

from flexprep.core.errors import DatabaseError


class DatabaseInUseError(DatabaseError):
    """Another FlexPrep window has the database open."""


def lock_path(db_path: Path) -> Path:
    """Where the lock of ``db_path`` lives: ``<db>.lock`` beside it."""
    return db_path.with_name(db_path.name + ".lock")


class DatabaseLock:
    """The lock a window holds on its database while it is open."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._lock = QLockFile(str(self.path))
        # Staleness by age is off: a window may stay open all week. A lock is stale
        # only when the process that wrote it is gone (Qt checks the pid on this host).
        self._lock.setStaleLockTime(0)
        self.held = False
        #: Why no lock could be taken although nobody else holds it (a read-only folder).
        self.unavailable: str | None = None

    def acquire(self) -> None:
        """Take the lock (taking over a stale one).

        A folder where no lock file can be made (read-only) is no error: nothing can be
        written there either, so a second window cannot do harm.

        Raises:
            DatabaseInUseError: another live process holds it.
        """
        if self._lock.tryLock(0):
            self.held = True
            with contextlib.suppress(OSError):  # it names this host: private like the rest
                os.chmod(self.path, 0o600)
            return
        error = self._lock.error()
        if error == QLockFile.LockError.LockFailedError:
            pid, host, _app = self._lock.getLockInfo()
            holder = f"process {pid} on {host}" if pid else "another program"
            raise DatabaseInUseError(
                f"{self.db_path} is already open in another FlexPrep window ({holder}). "
                "Switch to that window, or close it and try again."
            )
        self.unavailable = (
            "no lock file can be made beside the database"
            if error == QLockFile.LockError.PermissionError
            else "the lock file could not be made"
        )

    def release(self) -> None:
        if self.held:
            self._lock.unlock()
            self.held = False
