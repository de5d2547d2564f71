"""Any error, in one line naming its real cause: for the window and the command line.

A :class:`~flexprep.core.errors.FlexPrepError` raised over a database error ("could not
save: database is locked") keeps its own head and gets the cause in words; a file-system
error is named by its errno; anything else is one line, never a traceback or a library
URL. With the database's ``path``, a lock also names the programs holding it open.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from flexprep.core.database import explain_os, explain_sqlite
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
