"""Any error, in one line naming its real cause: for the window and the command line.

A :class:`~flexprep.core.errors.FlexPrepError` raised over a database error ("could not
save: database is locked") keeps its own head and gets the cause in words; a file-system
error is named by its errno; anything else is one line, never a traceback or a library
URL. With the database's ``path``, a lock also names the programs holding it open.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from flexprep.core.errors import FlexPrepError


def explain(exc: BaseException, path: Path | None = None) -> str:
    """One line naming the real cause of ``exc``, for the status bar, a message or stderr."""
    cause = exc.__cause__
    if isinstance(exc, FlexPrepError):
        if cause is not None and is_database_error(cause):
            head = str(exc).split(":", 1)[0] if ":" in str(exc) else ""
            reason = explain_sqlite(cause, path)
            return f"{head}: {reason}" if head else reason
        return " ".join(str(exc).split())
    if isinstance(exc, OSError):
        return explain_os(exc)
    if is_database_error(exc):
        return explain_sqlite(exc, path)
    return " ".join(f"{type(exc).__name__}: {exc}".split())[:300]


def is_database_error(exc: BaseException) -> bool:
    """An error of SQLite or SQLAlchemy (not one of ours)."""
    return isinstance(exc, sqlite3.Error) or type(exc).__module__.startswith("sqlalchemy")


def explain_sqlite(exc: BaseException, path: Path | None = None) -> str:
    """The real cause of an SQLite error, in one line for the user. A lock names the
    programs holding ``path`` open where they can be seen (:mod:`flexprep.core.holders`)."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "locked" in text or "busy" in text:
        from flexprep.core.holders import holders_text

        return (
            "the database is locked by another program (another FlexPrep or a tool "
            f"holding it open{holders_text(path) if path is not None else ''}); "
            "try again when it has finished"
        )
    if "full" in text:
        return "the disk is full; free some space and try again (nothing was lost)"
    if "readonly" in text or "read-only" in text:
        return "the database is read-only (the file or its folder cannot be written)"
    if "unable to open" in text:
        return "the database file cannot be opened (missing, moved, or no permission)"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return "the file is damaged or not a database"
    if "disk i/o" in text:
        if path is not None and _nearly_full(path):
            return "the disk is full; free some space and try again (nothing was lost)"
        return "the disk could not be read or written (disk full or failing)"
    return " ".join(text.split())[:200]


#: Less room than this beside the database counts as a full disk: SQLite needs a few
#: pages for its side files even to read a database in WAL mode.
NEARLY_FULL_BYTES = 1 << 20


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def explain_os(exc: OSError) -> str:
    """The real cause of a file-system error, in one line for the user."""
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EROFS: "the file system is read-only",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENOENT: "not found",
        errno.ENAMETOOLONG: "the file name is too long",
        errno.EISDIR: "is a folder, not a file",
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))
