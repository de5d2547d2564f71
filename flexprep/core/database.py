"""Opening the local SQLite database: privacy, pragmas, schema versions, backups.

Schema versions are kept in SQLite's ``user_version`` with a small table of steps rather
than Alembic: one local file with a linear history needs no branching or autogenerate,
and leaving Alembic out keeps its import off the start-up path and a dependency out of
the install. Each step runs in its own transaction after a backup copy of the file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import NullPool, QueuePool

from flexprep.core.errors import DatabaseError
from flexprep.core.explain import explain_os, explain_sqlite
from flexprep.core.migrations import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from flexprep.core.summaries import WorkbookInfo

APP_NAME = "flexprep"
SQLITE_MAGIC = b"SQLite format 3\x00"
#: ``PRAGMA application_id`` of every FlexPrep database ("FlXP"): a file without it is
#: not ours, unless it is a schema-1 file from FlexPrep 0.1, which predates the mark.
APPLICATION_ID = 0x466C5850
#: The tables of schema 1, by which a FlexPrep 0.1 file (no application id) is known.
_V1_TABLES = frozenset(
    {
        "workbook",
        "answer",
        "ask",
        "offer",
        "objection",
        "endorsement",
        "evidence",
        "plan",
        "meeting",
        "trial_log",
        "formal_request",
        "objection_evidence",
        "rehearsal",
    }
)


def default_db_path() -> Path:
    """The database path: ``FLEXPREP_DB`` if set, else the user data folder."""
    env = os.environ.get("FLEXPREP_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "flexprep.sqlite3"


@dataclass
class Database:
    """An open database: its engine and the session factory for short transactions.

    ``read_only`` is set when the file (or its folder) cannot be written, or when the
    caller asked only to read: every write then fails with a clear message.
    """

    path: Path
    engine: Engine
    read_only: bool = False
    #: Side files (-wal, -shm) a read-only look made, removed again on closing.
    made_sidecars: tuple[Path, ...] = ()

    @cached_property
    def factory(self) -> sessionmaker[Session]:
        """The session factory, made on first use: the command line's plain-SQL
        commands never load the ORM (start-up time)."""
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        """Release the file (checkpoints the write-ahead log)."""
        self.engine.dispose()
        for side in self.made_sidecars:
            with contextlib.suppress(OSError):
                side.unlink()

    def workbook_summaries(self) -> list[WorkbookInfo]:
        """Every workbook, most recently updated first (as the window lists them)."""
        from flexprep.core.summaries import read_workbooks

        with self.engine.connect() as connection:
            return read_workbooks(connection)


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _on_connect_explicit(dbapi_connection: sqlite3.Connection, record: object) -> None:
    _on_connect(dbapi_connection, record)
    # The sqlite3 module leaves DDL outside transactions; migrations need the opposite,
    # so they say BEGIN themselves (SQLAlchemy's recipe for pysqlite).
    dbapi_connection.isolation_level = None


def _begin_immediate(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, check_same_thread=False)


def _read_write(path: Path) -> sqlite3.Connection:
    # Built, not parsed: a path may hold "?" or "#". mode=rw never creates a file.
    return sqlite3.connect(f"file:{quote(str(path))}?mode=rw", uri=True, check_same_thread=False)


def check_path(path: Path) -> None:
    """Refuse at once what cannot be a database file: a folder, a pipe, a device."""
    if str(path) in ("", "."):
        raise DatabaseError("the database path is empty")
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DatabaseError(f"{path}: {explain_os(exc)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise DatabaseError(f"{path} is a folder, not a database file")
    if not stat.S_ISREG(info.st_mode):
        raise DatabaseError(f"{path} is not a regular file (a pipe, socket or device)")


def inspect_file(path: Path) -> int:
    """The schema version of an existing file, refusing anything that is not ours.

    Looks through a read-only connection and leaves the folder as it found it.
    """
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseError(f"{path}: {explain_os(exc)}") from None
    if not header:
        raise DatabaseError(
            f"{path} is an empty file, not a FlexPrep database; "
            "choose a new file name and FlexPrep will create it"
        )
    if header != SQLITE_MAGIC:
        raise DatabaseError(f"{path} is not a FlexPrep database (not an SQLite file)")
    # A read-only look still makes the -wal and -shm files of a WAL database; those
    # this look made are removed again, so a refused file's folder is left as it was.
    sidecars = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    new_sidecars = [side for side in sidecars if not side.exists()]
    try:
        return _inspect_tables(path)
    finally:
        for side in new_sidecars:
            with contextlib.suppress(OSError):
                side.unlink()


def _inspect_tables(path: Path) -> int:
    try:
        conn = _read_only(path)
        try:
            application = int(conn.execute("PRAGMA application_id").fetchone()[0])
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            ours = application == APPLICATION_ID or (
                application == 0 and version == 1 and tables >= _V1_TABLES
            )
            if not ours:
                raise DatabaseError(
                    f"{path} is an SQLite file of another program, not a FlexPrep database; "
                    "it was left untouched"
                )
            check = conn.execute("PRAGMA quick_check").fetchone()
            if not check or check[0] != "ok":
                detail = " ".join(str(check[0]).split())[:200] if check else "unreadable"
                raise DatabaseError(f"{path} is damaged ({detail})")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path}: {explain_sqlite(exc, path)}") from None
    return version


def _writable(path: Path) -> bool:
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def _create_private(path: Path) -> None:
    """Create the folder (0700) and the empty file (0600) of a new database."""
    folder = path.parent
    old_umask = os.umask(0o077)
    try:
        folder.mkdir(parents=True, mode=0o700, exist_ok=True)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    finally:
        os.umask(old_umask)


def open_database(
    path: str | os.PathLike[str], *, create: bool = True, read_only: bool = False
) -> Database:
    """Open (creating or migrating as needed) the database at ``path``.

    An existing file is never chmod-ed and its journal mode is left as it is; a file
    that cannot be written opens read-only. With ``read_only`` nothing is ever written
    (reading commands): a missing file is refused, an old schema is read as it is.

    Raises:
        DatabaseError: the file is not a FlexPrep database, is damaged, comes from a
            newer FlexPrep, or cannot be created. The file is then left untouched.
    """
    raw = os.fspath(path)
    if not raw.strip():
        raise DatabaseError("the database path is empty")
    path = Path(raw).expanduser().absolute()
    check_path(path)
    exists = path.exists()
    if exists:
        version = inspect_file(path)
    elif not create or read_only:
        raise DatabaseError(f"{path} does not exist")
    else:
        version = 0
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path} was written by a newer FlexPrep (schema {version}; this version reads "
            f"up to {SCHEMA_VERSION}): update FlexPrep. The file was left untouched."
        )
    writable = not read_only and (_writable(path) if exists else True)
    if not writable and not read_only and version < SCHEMA_VERSION:
        raise DatabaseError(
            f"{path} is read-only and needs updating from schema {version}: "
            "make it writable, then open it again"
        )
    if writable:
        if not exists:
            try:
                _create_private(path)
            except OSError as exc:
                raise DatabaseError(
                    f"cannot create the database {path}: {explain_os(exc)}"
                ) from None
        if version < SCHEMA_VERSION:
            try:
                _migrate(path, version)
            except DatabaseError:
                if not exists:  # ours, made a moment ago and empty: never leave it half-made
                    _remove_new(path)
                raise
    # The URL only names the dialect; the file is opened by ``creator``. A "sqlite://" URL
    # alone would get the in-memory pool (one connection per thread, closed under other
    # threads' feet), so the file's pool is chosen here.
    engine = create_engine(
        "sqlite://",
        poolclass=QueuePool,
        creator=(lambda: _read_write(path)) if writable else (lambda: _read_only(path)),
    )
    event.listen(engine, "connect", _on_connect)
    sidecars = (
        ()
        if writable
        else tuple(
            side
            for side in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
            if not side.exists()
        )
    )
    return Database(
        path,
        engine,
        read_only=not writable,
        made_sidecars=sidecars,
    )


def _remove_new(path: Path) -> None:
    """Remove a database file this call created, with its side files, after its setup
    failed (a disk that filled up): a half-made file would later read as another
    program's SQLite file and stand in the way of a fresh start."""
    for side in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + side).unlink()


def _migrate(path: Path, version: int) -> None:
    """Bring the database from ``version`` to :data:`SCHEMA_VERSION`, one step at a time.

    A backup copy is made first (unless the file is new); each step and its version
    number are one transaction, so a failed or interrupted step leaves the previous
    version intact. A new file is put in WAL mode and marked as ours.
    """
    if version > 0:
        from flexprep.core.backups import make_backup

        try:
            make_backup(path, f"before-update-v{version}")
        except (OSError, sqlite3.Error) as exc:
            reason = explain_os(exc) if isinstance(exc, OSError) else explain_sqlite(exc)
            raise DatabaseError(
                f"cannot back up the database {path} before updating it: {reason}"
            ) from None
    engine = create_engine("sqlite://", creator=lambda: _read_write(path), poolclass=NullPool)
    event.listen(engine, "connect", _on_connect_explicit)
    event.listen(engine, "begin", _begin_immediate)
    try:
        if version == 0:
            # Set once, when the file is new: an existing file keeps its journal mode.
            fresh = _read_write(path)
            try:
                fresh.execute("PRAGMA journal_mode=WAL")
            finally:
                fresh.close()
        for step in range(version + 1, SCHEMA_VERSION + 1):
            with engine.begin() as connection:
                MIGRATIONS[step](connection)
                connection.exec_driver_sql(f"PRAGMA user_version={step}")
                connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
    except Exception as exc:
        raise DatabaseError(
            f"cannot prepare the database {path}: {explain_sqlite(exc, path)}"
        ) from None
    finally:
        engine.dispose()
