"""Opening the database: where it lives, privacy, pragmas, refusals, migrations, backups."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, text

from flexprep.core import database as dbmod
from flexprep.core.database import SCHEMA_VERSION, default_db_path, open_database
from flexprep.core.errors import DatabaseError
from flexprep.core.service import WorkbookService


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def folder_state(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def make_database(path: Path, data: dict[str, Any] | None = None) -> None:
    db = open_database(path)
    try:
        if data is not None:
            WorkbookService(db.factory).import_data(data)
    finally:
        db.close()


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


# -- where it lives -------------------------------------------------------------------------


def test_default_is_in_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FLEXPREP_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = default_db_path()
    assert path == tmp_path / "data" / "flexprep" / "flexprep.sqlite3"
    open_database(path).close()
    assert mode(path.parent) == 0o700
    assert mode(path) == 0o600


def test_flexprep_db_overrides_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLEXPREP_DB", str(tmp_path / "elsewhere.sqlite3"))
    assert default_db_path() == tmp_path / "elsewhere.sqlite3"
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("FLEXPREP_DB", "~/home.sqlite3")
    assert default_db_path() == tmp_path / "home.sqlite3"


# -- a new database ---------------------------------------------------------------------------


def test_new_database_is_private_wal_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "new folder" / "deeper" / "my?odd#name%41.sqlite3"
    db = open_database(path)
    try:
        WorkbookService(db.factory).create_workbook("Write something", drafts=False)
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA user_version")).scalar() == SCHEMA_VERSION
        assert mode(path) == 0o600
        assert mode(path.parent) == 0o700 and mode(path.parent.parent) == 0o700
        # While open, WAL keeps two side files: they hold data too, so they are private.
        sides = sorted(path.parent.glob(path.name + "-*"))
        assert [side.name for side in sides] == [path.name + "-shm", path.name + "-wal"]
        for side in sides:
            assert mode(side) == 0o600, side
    finally:
        db.close()
    # Closing checkpoints the log: one self-contained file is left.
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_an_existing_file_keeps_its_mode_and_journal(tmp_path: Path) -> None:
    # Only our own files, only as asked: FlexPrep never chmods a file it did not create.
    path = tmp_path / "db.sqlite3"
    make_database(path)
    path.chmod(0o640)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    db = open_database(path)
    try:
        WorkbookService(db.factory).create_workbook("Write", drafts=False)
    finally:
        db.close()
    assert mode(path) == 0o640
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()


def test_reopening_keeps_the_data_and_makes_no_backup(tmp_path: Path, full_data: dict) -> None:
    path = tmp_path / "db.sqlite3"
    make_database(path, full_data)
    db = open_database(path)
    try:
        assert [b.name for b in WorkbookService(db.factory).list_workbooks()] == [full_data["name"]]
    finally:
        db.close()
    assert not (tmp_path / "backups").exists()


# -- refusals: the file is left exactly as it was -----------------------------------------------


def refused(path: Path, message: str) -> None:
    before = folder_state(path.parent)
    before_mode = mode(path)
    with pytest.raises(DatabaseError, match=message) as caught:
        open_database(path)
    assert "\n" not in str(caught.value)
    assert folder_state(path.parent) == before
    assert mode(path) == before_mode


def test_newer_schema_is_refused_and_untouched(tmp_path: Path, full_data: dict) -> None:
    path = tmp_path / "future.sqlite3"
    make_database(path, full_data)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    path.chmod(0o644)
    refused(
        path,
        f"written by a newer FlexPrep \\(schema {SCHEMA_VERSION + 1}; this version "
        f"reads up to {SCHEMA_VERSION}\\): update FlexPrep",
    )


def test_text_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my precious notes\n", encoding="utf-8")
    refused(path, "is not a FlexPrep database \\(not an SQLite file\\)$")


def test_other_sqlite_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    refused(path, "is an SQLite file of another program, not a FlexPrep database")


@pytest.mark.parametrize("damage", ["first page", "a later page", "truncated", "header only"])
def test_damaged_database_is_refused_and_untouched(
    tmp_path: Path, full_data: dict, damage: str
) -> None:
    path = tmp_path / "damaged.sqlite3"
    make_database(path, full_data)
    raw = path.read_bytes()
    page = 4096
    assert len(raw) > 4 * page
    damaged = {
        "first page": raw[:100] + b"\xab" * (page - 100) + raw[page:],
        "a later page": raw[: 2 * page] + b"\x5a" * page + raw[3 * page :],
        "truncated": raw[: len(raw) // 2],
        "header only": raw[:100],
    }[damage]
    path.write_bytes(damaged)
    refused(path, "is damaged")


def test_folder_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder, not a database file"):
        open_database(tmp_path)
    with pytest.raises(DatabaseError, match="does not exist"):
        open_database(tmp_path / "missing.sqlite3", create=False)
    assert list(tmp_path.iterdir()) == []


# -- migrations -------------------------------------------------------------------------------


def _add_colour(connection: Connection) -> None:
    connection.exec_driver_sql("ALTER TABLE workbook ADD COLUMN colour TEXT DEFAULT 'blue'")


def _half_done_then_fail(connection: Connection) -> None:
    connection.exec_driver_sql("CREATE TABLE half_done (id INTEGER)")
    connection.exec_driver_sql("ALTER TABLE workbook ADD COLUMN colour TEXT")
    raise RuntimeError("disk on fire")


def pretend_schema(monkeypatch: pytest.MonkeyPatch, step: Any) -> int:
    """Pretend this FlexPrep has one more schema version, made by ``step``."""
    version = SCHEMA_VERSION + 1
    monkeypatch.setattr(dbmod, "MIGRATIONS", {**dbmod.MIGRATIONS, version: step})
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", version)
    return version


def test_migration_runs_at_open_after_a_backup(
    tmp_path: Path, full_data: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.sqlite3"
    make_database(path, full_data)
    version = pretend_schema(monkeypatch, _add_colour)
    db = open_database(path)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT colour FROM workbook")).scalars().all() == ["blue"]
        assert WorkbookService(db.factory).list_workbooks()[0].name == full_data["name"]
    finally:
        db.close()
    assert user_version(path) == version
    backups = list((tmp_path / "backups").iterdir())
    assert len(backups) == 1
    assert backups[0].name.startswith("db-") and backups[0].name.endswith(
        f"-before-update-v{version - 1}.sqlite3"
    )
    assert mode(backups[0]) == 0o600 and mode(tmp_path / "backups") == 0o700
    assert user_version(backups[0]) == version - 1
    # The backup holds the data as it was (a consistent copy, not necessarily the same bytes).
    conn = sqlite3.connect(backups[0])
    try:
        assert conn.execute("SELECT name FROM workbook").fetchall() == [(full_data["name"],)]
        assert conn.execute("SELECT count(*) FROM rehearsal").fetchone()[0] == 4
        # Taken before the step ran: the backup has the old schema, without the new column.
        columns = {row[1] for row in conn.execute("PRAGMA table_info(workbook)")}
    finally:
        conn.close()
    assert "name" in columns and "colour" not in columns


def test_a_failed_migration_leaves_the_previous_version(
    tmp_path: Path, full_data: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.sqlite3"
    make_database(path, full_data)
    pretend_schema(monkeypatch, _half_done_then_fail)
    with pytest.raises(DatabaseError, match="cannot prepare the database .*disk on fire"):
        open_database(path)
    assert user_version(path) == SCHEMA_VERSION
    conn = sqlite3.connect(path)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        columns = {row[1] for row in conn.execute("PRAGMA table_info(workbook)")}
    finally:
        conn.close()
    assert "half_done" not in tables
    assert "colour" not in columns
    monkeypatch.undo()
    db = open_database(path)
    try:
        assert WorkbookService(db.factory).names() == {full_data["name"]}
    finally:
        db.close()


def test_a_new_database_whose_setup_fails_is_not_left_half_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that fills up while a new database is set up leaves no file behind: a
    half-made one would later be refused as another program's file."""
    path = tmp_path / "db.sqlite3"

    def full(connection: Connection) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(dbmod, "MIGRATIONS", {**dbmod.MIGRATIONS, 1: full})
    with pytest.raises(DatabaseError, match="disk"):
        open_database(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    monkeypatch.undo()
    db = open_database(path)  # space again: a fresh start, no "another program's file"
    try:
        assert WorkbookService(db.factory).names() == set()
    finally:
        db.close()


def test_only_the_newest_backups_are_kept(tmp_path: Path) -> None:
    from flexprep.core import backups

    path = tmp_path / "db.sqlite3"
    make_database(path)
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in range(1, 21):
        (folder / f"db-202001{day:02d}-120000-daily.sqlite3").write_bytes(b"old")
    (folder / "notes.txt").write_text("not a backup")
    made = backups.make_backup(path)
    kept = sorted(p.name for p in folder.glob("db-*.sqlite3"))
    assert len(kept) == backups.KEPT
    assert made.name in kept
    assert kept[0] == "db-20200108-120000-daily.sqlite3"
    assert (folder / "notes.txt").exists()


def test_workbook_summaries_match_the_service_order(tmp_path: Path) -> None:
    db = open_database(tmp_path / "db.sqlite3")
    try:
        service = WorkbookService(db.factory)
        for name, scenario in (("B", "job_share"), ("A", "other"), ("C", "education")):
            service.create_workbook(name, scenario, drafts=False)
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "UPDATE workbook SET updated_at = '2020-01-01 10:00:00.000000' WHERE name = 'C'"
                )
            )
        summaries = db.workbook_summaries()
        assert summaries == service.list_workbooks()
        assert [(s.name, s.scenario) for s in summaries] == [
            ("A", "other"),
            ("B", "job_share"),
            ("C", "education"),
        ]
        assert summaries[2].updated_at.year == 2020
    finally:
        db.close()


def test_the_suite_never_uses_the_real_user_folders() -> None:
    import os

    sandbox = Path(os.environ["XDG_DATA_HOME"]).parent
    assert sandbox.name.startswith("flexprep-tests-")
    assert "FLEXPREP_DB" not in os.environ
    assert default_db_path().is_relative_to(sandbox)
    assert Path.home().is_relative_to(sandbox)
    assert Path(os.environ["XDG_CONFIG_HOME"]).is_relative_to(sandbox)  # QSettings


def test_a_disk_io_error_on_a_full_disk_says_the_disk_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite reports a full disk while making its side files as "disk I/O error":
    with room to spare that means a failing disk, without it a full one."""
    from collections import namedtuple

    from flexprep.core import explain as explain_module
    from flexprep.core.explain import explain_sqlite

    usage = namedtuple("usage", "total used free")
    error = sqlite3.OperationalError("disk I/O error")
    path = tmp_path / "db.sqlite3"
    monkeypatch.setattr(
        explain_module.shutil, "disk_usage", lambda _p: usage(10**9, 10**9 - 4096, 4096)
    )
    assert explain_sqlite(error, path).startswith("the disk is full")
    monkeypatch.setattr(explain_module.shutil, "disk_usage", lambda _p: usage(10**9, 0, 10**9))
    assert explain_sqlite(error, path) == (
        "the disk could not be read or written (disk full or failing)"
    )
    assert explain_sqlite(error) == explain_sqlite(error, path)  # no path: no guess
