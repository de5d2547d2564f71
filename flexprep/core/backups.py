"""Backups you can restore (docs/design.md, "Database"): copies in ``backups/`` beside
the database, taken with SQLite's online backup so they are consistent even while the
window writes.

Taken before every schema update and every restore, at most once a day when the window
opens, and whenever the user asks; the newest :data:`KEPT` automatic ones are kept.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

from flexprep.core.errors import DatabaseError

FOLDER = "backups"
KEPT = 14
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z0-9-]+)"
    r"\.sqlite3$"
)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where it is, when it was taken, why, and what it holds."""

    path: Path
    taken_at: datetime
    reason: str
    workbooks: tuple[str, ...]
    schema: int


def backup_folder(db_path: Path) -> Path:
    """The folder of automatic backups of ``db_path``."""
    return db_path.parent / FOLDER


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(path))}?mode={mode}", uri=True)


def copy_database(source: Path, target: Path) -> None:
    """Copy ``source`` into ``target`` page by page through SQLite (a new file is 0600)."""
    reader = _connect(source, "ro")
    old_umask = os.umask(0o077)
    try:
        writer = sqlite3.connect(target)
        try:
            reader.backup(writer)
        finally:
            writer.close()
    finally:
        os.umask(old_umask)
        reader.close()


def make_backup(db_path: Path, reason: str = "manual", target: Path | None = None) -> Path:
    """Back up ``db_path`` now; into ``target`` if given, else into the backups folder.

    A ``target`` must not exist yet (FlexPrep never overwrites a file it was not asked
    to). Automatic backups beyond the newest :data:`KEPT` are removed.
    """
    if target is not None:
        if target.exists() or target.is_symlink():
            raise DatabaseError(f"{target} already exists; choose a new file name")
        if not target.parent.is_dir():
            raise DatabaseError(f"{target.parent}: no such folder")
        copy_database(db_path, target)
        return target
    folder = backup_folder(db_path)
    old_umask = os.umask(0o077)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    finally:
        os.umask(old_umask)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    # Two backups in the same second (a manual one, then the one before a restore) are
    # numbered in the order made, whatever their reasons, so the newest is known.
    same_second = [p for p in _files(db_path) if _stamp(p).strftime("%Y%m%d-%H%M%S") == stamp]
    number = max((_order(p)[1] for p in same_second), default=0) + 1
    name = (
        f"{db_path.stem}-{stamp}-{reason}.sqlite3"
        if number == 1
        else f"{db_path.stem}-{stamp}-{number}-{reason}.sqlite3"
    )
    while (folder / name).exists():
        number += 1
        name = f"{db_path.stem}-{stamp}-{number}-{reason}.sqlite3"
    made = folder / name
    copy_database(db_path, made)
    _prune(db_path)
    return made


def _prune(db_path: Path) -> None:
    for stale in _files(db_path)[KEPT:]:
        stale.unlink(missing_ok=True)


def _files(db_path: Path) -> list[Path]:
    """Backups of ``db_path`` in its folder, newest first."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = [
        p
        for p in folder.iterdir()
        if (m := _NAME.match(p.name)) and m["stem"] == db_path.stem and p.is_file()
    ]
    return sorted(found, key=_order, reverse=True)


def _order(path: Path) -> tuple[datetime, int]:
    match = _NAME.match(path.name)
    return (_stamp(path), int(match["n"] or 1) if match else 0)


def _stamp(path: Path) -> datetime:
    match = _NAME.match(path.name)
    if match is None:
        return datetime.fromtimestamp(path.stat().st_mtime)
    return datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")


def describe(path: Path) -> BackupInfo:
    """What a backup file holds (read-only; refuses a file that is not ours)."""
    from flexprep.core.database import inspect_file

    schema = inspect_file(path)
    conn = _connect(path, "ro")
    try:
        names = tuple(row[0] for row in conn.execute("SELECT name FROM workbook ORDER BY name"))
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path} is damaged or not a database ({exc})") from None
    finally:
        conn.close()
    match = _NAME.match(path.name)
    return BackupInfo(path, _stamp(path), match["reason"] if match else "", names, schema)


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of ``db_path``, newest first (unreadable files are left out)."""
    result = []
    for path in _files(db_path):
        try:
            result.append(describe(path))
        except DatabaseError:
            continue
    return result


def daily_backup(db_path: Path, today: date | None = None) -> Path | None:
    """A backup unless one was already taken today (the window calls this on opening)."""
    today = today or date.today()
    newest = _files(db_path)
    if newest and _stamp(newest[0]).date() == today:
        return None
    return make_backup(db_path, "daily")


def restore(db_path: Path, source: Path) -> Path:
    """Replace the database's content with ``source``, after backing up the present state.

    The database file stays where it is (same file, same permissions); an older schema
    in ``source`` is brought up to date the next time the database is opened.

    Returns:
        The backup of the state before the restore.
    """
    from flexprep.core.database import check_path, inspect_file
    from flexprep.core.migrations import SCHEMA_VERSION

    check_path(source)
    if not source.exists():
        raise DatabaseError(f"{source}: not found")
    version = inspect_file(source)
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{source} was written by a newer FlexPrep (schema {version}); "
            "update FlexPrep to restore it"
        )
    if source.resolve() == db_path.resolve():
        raise DatabaseError(f"{source} is the database itself")
    kept = make_backup(db_path, "before-restore")
    reader = _connect(source, "ro")
    try:
        writer = _connect(db_path, "rw")
        try:
            reader.backup(writer)
        finally:
            writer.close()
    finally:
        reader.close()
    return kept
