"""Opening the local SQLite database: privacy, pragmas, schema versions, backups.

Schema versions are kept in SQLite's ``user_version`` with a small table of steps rather
than Alembic: one local file with a linear history needs no branching or autogenerate,
and leaving Alembic out keeps its import off the start-up path and a dependency out of
the install. Each step runs in its own transaction after a backup copy of the file.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from flexprep.core.errors import DatabaseError
from flexprep.core.migrations import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    from flexprep.core.summaries import WorkbookInfo

APP_NAME = "flexprep"
SQLITE_MAGIC = b"SQLite format 3\x00"


BACKUPS_KEPT = 5


def default_db_path() -> Path:
    """The database path: ``FLEXPREP_DB`` if set, else the user data folder."""
    env = os.environ.get("FLEXPREP_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "flexprep.sqlite3"


@dataclass
class Database:
    """An open database: its engine and the session factory for short transactions."""

    path: Path
    engine: Engine
    factory: sessionmaker[Session]

    def close(self) -> None:
        """Release the file (checkpoints the write-ahead log)."""
        self.engine.dispose()

    def workbook_summaries(self) -> list[WorkbookInfo]:
        """Every workbook, most recently updated first (as the window lists them)."""
        from flexprep.core.summaries import read_workbooks

        with self.engine.connect() as connection:
            return read_workbooks(connection)


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _on_connect_explicit(dbapi_connection: sqlite3.Connection, record: object) -> None:
    _on_connect(dbapi_connection, record)
    # The sqlite3 module leaves DDL outside transactions; migrations need the opposite,
    # so they say BEGIN themselves (SQLAlchemy's recipe for pysqlite).
    dbapi_connection.isolation_level = None


def _begin_immediate(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _url(path: Path) -> URL:
    # Built, not parsed: a path may hold "?" or "#".
    return URL.create("sqlite", database=str(path))


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)


def _inspect(path: Path) -> tuple[int, bool]:
    """Return (user_version, has_tables) of an existing file, refusing non-databases."""
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header and header != SQLITE_MAGIC:
        raise DatabaseError(f"{path} is not a FlexPrep database (not an SQLite file)")
    if not header:
        return 0, False
    # A read-only look still makes the -wal and -shm files of a WAL database; those
    # this look made are removed again, so a refused file's folder is left as it was.
    sidecars = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    new_sidecars = [side for side in sidecars if not side.exists()]
    try:
        return _inspect_tables(path)
    finally:
        for side in new_sidecars:
            side.unlink(missing_ok=True)


def _inspect_tables(path: Path) -> tuple[int, bool]:
    try:
        conn = _read_only(path)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()
            if not check or check[0] != "ok":
                detail = " ".join(str(check[0]).split())[:200] if check else "unreadable"
                raise DatabaseError(f"{path} is damaged ({detail})")
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {
                row[0]
                for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} is damaged or not a database ({exc})") from exc
    if version == 0 and tables:
        raise DatabaseError(f"{path} is an SQLite file but not a FlexPrep database")
    return version, bool(tables)


def backup(path: Path, version: int) -> Path:
    """Copy the database (consistently, through SQLite) beside itself, keep the newest few."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    source = _read_only(path)
    old_umask = os.umask(0o077)
    try:
        dest = sqlite3.connect(target)
        with dest:
            source.backup(dest)
        dest.close()
    finally:
        os.umask(old_umask)
        source.close()
    os.chmod(target, 0o600)
    olds = sorted(path.parent.glob(f"{path.name}.v*.bak"))
    for stale in olds[:-BACKUPS_KEPT]:
        stale.unlink(missing_ok=True)
    return target


def _make_private(path: Path) -> None:
    folder = path.parent
    if not folder.exists():
        old_umask = os.umask(0o077)
        try:
            folder.mkdir(parents=True, mode=0o700)
        finally:
            os.umask(old_umask)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    os.chmod(path, 0o600)


def open_database(path: str | os.PathLike[str], *, create: bool = True) -> Database:
    """Open (creating or migrating as needed) the database at ``path``.

    Raises:
        DatabaseError: the file is not a FlexPrep database, is damaged, comes from a
            newer FlexPrep, or cannot be created. The file is then left untouched.
    """
    path = Path(path).expanduser().absolute()
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    if path.exists():
        version, _ = _inspect(path)
    elif not create:
        raise DatabaseError(f"{path} does not exist")
    else:
        version = 0
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path} was written by a newer FlexPrep (schema {version}; this version reads "
            f"up to {SCHEMA_VERSION}): update FlexPrep. The file was left untouched."
        )
    try:
        _make_private(path)
    except OSError as exc:
        raise DatabaseError(f"cannot create the database {path}: {exc.strerror}") from exc
    if version < SCHEMA_VERSION:
        _migrate(path, version)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.chmod(side, 0o600)
    engine = create_engine(_url(path))
    event.listen(engine, "connect", _on_connect)
    return Database(path, engine, sessionmaker(engine, expire_on_commit=False))


def _migrate(path: Path, version: int) -> None:
    """Bring the database from ``version`` to :data:`SCHEMA_VERSION`, one step at a time.

    A backup copy is made first (unless the file is new); each step and its version
    number are one transaction, so a failed or interrupted step leaves the previous
    version intact.
    """
    try:
        if version > 0:
            backup(path, version)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"cannot back up the database {path} before updating it: {exc}") \
            from exc
    engine = create_engine(_url(path), poolclass=NullPool)
    event.listen(engine, "connect", _on_connect_explicit)
    event.listen(engine, "begin", _begin_immediate)
    try:
        for step in range(version + 1, SCHEMA_VERSION + 1):
            with engine.begin() as connection:
                MIGRATIONS[step](connection)
                connection.exec_driver_sql(f"PRAGMA user_version={step}")
    except Exception as exc:
        raise DatabaseError(f"cannot prepare the database {path}: {exc}") from exc
    finally:
        engine.dispose()
