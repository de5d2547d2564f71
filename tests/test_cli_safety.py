"""Only our own files, only as asked: what the command line refuses and leaves untouched.

Driven as a user or a second process would: ``python -m flexprep`` in subprocesses,
as an unprivileged user where permissions matter.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import FULL_WORKBOOK
from test_cli import flexprep, folder_state, ok, refused

from flexprep.core.database import APPLICATION_ID

NAME = "Tue/Thu remote for the MBA"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_an_empty_db_path_is_refused(tmp_path: Path) -> None:
    refused(flexprep("--db", "", "list", cwd=tmp_path), "the database path is empty")
    refused(flexprep("--db", "  ", "demo", cwd=tmp_path), "the database path is empty")
    assert list(tmp_path.iterdir()) == []


def test_a_pipe_is_refused_at_once(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    refused(flexprep("--db", pipe, "list", cwd=tmp_path), "not a regular file")
    refused(
        flexprep("--db", tmp_path / "db.sqlite3", "import", pipe, cwd=tmp_path),
        "not a regular file",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_a_device_is_refused(tmp_path: Path) -> None:
    refused(flexprep("--db", "/dev/null", "list", cwd=tmp_path), "not a regular file")
    refused(
        flexprep("--db", tmp_path / "db.sqlite3", "import", "/dev/zero", cwd=tmp_path),
        "not a regular file",
    )


def _other_program_database(path: Path, user_version: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('my notes')")
    conn.execute(f"PRAGMA user_version={user_version}")
    conn.commit()
    conn.close()
    path.chmod(0o644)


@pytest.mark.parametrize("user_version", [0, 1, 7])
@pytest.mark.parametrize("command", ["list", "demo"])
def test_another_programs_sqlite_file_is_left_untouched(
    tmp_path: Path, user_version: int, command: str
) -> None:
    path = tmp_path / "other.sqlite3"
    _other_program_database(path, user_version)
    before = folder_state(tmp_path)
    refused(flexprep("--db", path, command, cwd=tmp_path), "not a FlexPrep database")
    assert folder_state(tmp_path) == before
    assert mode(path) == 0o644
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()


@pytest.mark.parametrize("command", ["list", "demo"])
def test_an_empty_file_is_not_written(tmp_path: Path, command: str) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    refused(flexprep("--db", path, command, cwd=tmp_path), "empty file")
    assert path.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite3"]


def test_a_new_database_is_marked_as_flexprep(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    ok(flexprep("--db", path, "demo", cwd=tmp_path))
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        conn.close()


def test_reading_commands_never_write(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    ok(flexprep("--db", path, "import", FULL_WORKBOOK, cwd=tmp_path))
    before = folder_state(tmp_path)
    ok(flexprep("--db", path, "list", cwd=tmp_path))
    ok(flexprep("--db", path, "backups", cwd=tmp_path))
    ok(flexprep("--db", path, "export", NAME, "-o", tmp_path / "out.json", cwd=tmp_path))
    (tmp_path / "out.json").unlink()
    assert folder_state(tmp_path) == before


def test_export_names_stay_within_255_bytes(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    ok(flexprep("--db", path, "import", FULL_WORKBOOK, cwd=tmp_path))
    for suffix in (".json", ".docx"):
        long = tmp_path / ("é" * 130 + suffix)
        refused(
            flexprep("--db", path, "export", NAME, "-o", long, cwd=tmp_path),
            "the file name is too long",
        )


# -- as an unprivileged user -------------------------------------------------------------------
#
# Where the suite runs as root (CI containers), root may write any file whatever its mode,
# and the interpreter under /root cannot be run by another user. There the permission
# check itself is made to answer as it would for an unprivileged user, and FlexPrep is
# run in-process; elsewhere it runs for real, in a subprocess as the current user.


class Run:
    """One command's exit status and output, however it was run."""

    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


@pytest.fixture
def as_other_user(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # noqa: ANN201
    """Run flexprep as a user who may read but not write files made 0444/0555."""
    from flexprep import cli

    def run(*args: str | Path, cwd: Path) -> Run:
        if os.geteuid() != 0:
            result = flexprep(*args, cwd=cwd)
            return Run(result.returncode, result.stdout, result.stderr)
        real_access = os.access

        def access(path: object, how: int, **kwargs: object) -> bool:
            target = Path(os.fsdecode(path))  # type: ignore[arg-type]
            if how & os.W_OK and target.exists() and not mode(target) & 0o222:
                return False
            return real_access(path, how, **kwargs)  # type: ignore[arg-type]

        with monkeypatch.context() as patched:
            patched.setattr(os, "access", access)
            capsys.readouterr()
            status = cli.main([str(arg) for arg in args])
        out, err = capsys.readouterr()
        return Run(status, out, err)

    return run


def _read_only_database(folder: Path) -> Path:
    path = folder / "db.sqlite3"
    ok(flexprep("--db", path, "import", FULL_WORKBOOK, cwd=folder))
    path.chmod(0o444)
    folder.chmod(0o555)
    return path


def test_a_read_only_database_reads_but_refuses_writes(tmp_path: Path, as_other_user) -> None:  # noqa: ANN001
    folder = tmp_path / "shared"
    folder.mkdir()
    path = _read_only_database(folder)
    try:
        before = folder_state(folder)
        listed = as_other_user("--db", path, "list", cwd=folder)
        assert listed.returncode == 0, listed.stderr
        assert listed.stdout.startswith(NAME)
        refused(as_other_user("--db", path, "demo", cwd=folder), "is read-only")
        refused(as_other_user("--db", path, "import", FULL_WORKBOOK, cwd=folder), "is read-only")
        assert folder_state(folder) == before
        assert mode(path) == 0o444
    finally:
        folder.chmod(0o755)


def test_export_refuses_a_read_only_target_the_same_way_for_every_format(
    tmp_path: Path,
    as_other_user,  # noqa: ANN001
) -> None:
    path = tmp_path / "db.sqlite3"
    ok(flexprep("--db", path, "import", FULL_WORKBOOK, cwd=tmp_path))
    messages = []
    for suffix in (".json", ".docx"):
        target = tmp_path / f"locked{suffix}"
        target.write_bytes(b"keep me")
        target.chmod(0o444)
        result = as_other_user("--db", path, "export", NAME, "-o", target, cwd=tmp_path)
        refused(result, "is read-only; nothing was written")
        messages.append(result.stderr.replace(suffix, ""))
        assert target.read_bytes() == b"keep me"
    assert messages[0] == messages[1]


# -- backups you can restore -----------------------------------------------------------------


def test_backup_list_and_restore(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    ok(flexprep("--db", path, "import", FULL_WORKBOOK, cwd=tmp_path))
    made = Path(ok(flexprep("--db", path, "backup", cwd=tmp_path)).strip())
    assert made.parent == tmp_path / "backups"
    assert mode(made) == 0o600 and mode(made.parent) == 0o700
    ok(flexprep("--db", path, "demo", cwd=tmp_path))
    listed = ok(flexprep("--db", path, "backups", cwd=tmp_path)).splitlines()
    assert len(listed) == 1 and listed[0].startswith(str(made)) and NAME in listed[0]
    restored = ok(flexprep("--db", path, "restore", made, cwd=tmp_path))
    assert "restored" in restored
    names = ok(flexprep("--db", path, "list", cwd=tmp_path)).splitlines()
    assert [line.split("\t")[0] for line in names] == [NAME]
    # The state before the restore (with the sample) was backed up first.
    listed = ok(flexprep("--db", path, "backups", cwd=tmp_path)).splitlines()
    assert len(listed) == 2 and "before-restore" in listed[0]
    assert mode(path) == 0o600


def test_backup_to_a_chosen_file_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    ok(flexprep("--db", path, "demo", cwd=tmp_path))
    target = tmp_path / "copy.sqlite3"
    assert ok(flexprep("--db", path, "backup", "-o", target, cwd=tmp_path)).strip() == str(target)
    before = target.read_bytes()
    refused(flexprep("--db", path, "backup", "-o", target, cwd=tmp_path), "already exists")
    assert target.read_bytes() == before


def test_restore_refuses_what_is_not_a_flexprep_database(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    ok(flexprep("--db", path, "demo", cwd=tmp_path))
    other = tmp_path / "other.sqlite3"
    _other_program_database(other, 1)
    before = folder_state(tmp_path)
    refused(flexprep("--db", path, "restore", other, cwd=tmp_path), "not a FlexPrep database")
    assert folder_state(tmp_path) == before


# -- concurrency -------------------------------------------------------------------------------


def test_concurrent_imports_all_succeed_with_distinct_names(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    ok(flexprep("--db", path, "import", FULL_WORKBOOK, cwd=tmp_path))
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(
            pool.map(
                lambda _: flexprep("--db", path, "import", FULL_WORKBOOK, cwd=tmp_path), range(8)
            )
        )
    names = [ok(result).strip() for result in results]
    assert len(set(names)) == 8
    assert set(names) == {f"{NAME} ({n})" for n in range(2, 10)}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="holders are read from /proc")
def test_a_locked_database_names_the_program_holding_it(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    ok(flexprep("--db", path, "import", FULL_WORKBOOK, cwd=tmp_path))
    hold = (
        "import sqlite3, sys, time\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('BEGIN EXCLUSIVE')\n"
        "print('locked', flush=True)\n"
        "time.sleep(30)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", hold, str(path)], stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
            result = flexprep("--db", path, "import", FULL_WORKBOOK, cwd=tmp_path)
        finally:
            holder.terminate()
    refused(result, "the database is locked by another program")
    assert "held open by python" in result.stderr
    assert f"(process {holder.pid})" in result.stderr
    assert "could not save: database is locked" not in result.stderr  # said in words
