"""Naming who holds a database open (``core/holders.py``), on a made-up ``/proc``."""

from __future__ import annotations

import os
from pathlib import Path

from flexprep.core.holders import NAMED, holders_text, lock_holders


def _process(proc: Path, pid: int, command: str, *files: Path) -> None:
    fd = proc / str(pid) / "fd"
    fd.mkdir(parents=True)
    (proc / str(pid) / "comm").write_text(command + "\n")
    for number, target in enumerate(files, 3):
        (fd / str(number)).symlink_to(target)


def test_holders_of_the_file_and_its_companions_are_named(tmp_path: Path) -> None:
    db = tmp_path / "work" / "db.sqlite3"
    db.parent.mkdir()
    db.touch()
    proc = tmp_path / "proc"
    proc.mkdir()
    _process(proc, 101, "sqlite3", db)
    _process(proc, 102, "DB Browser", Path(f"{db}-wal"))
    _process(proc, 103, "editor", tmp_path / "other.sqlite3")
    _process(proc, os.getpid(), "flexprep", db)  # this process never counts
    (proc / "self").mkdir()  # not a process number
    unreadable = proc / "104"
    unreadable.mkdir()  # another user's process: no fd folder to look into
    assert sorted(lock_holders(db, proc)) == ["DB Browser (process 102)", "sqlite3 (process 101)"]


def test_a_link_to_the_database_finds_the_same_holders(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    db.touch()
    link = tmp_path / "link.sqlite3"
    link.symlink_to(db)
    proc = tmp_path / "proc"
    proc.mkdir()
    _process(proc, 7, "sqlite3", db)
    assert lock_holders(link, proc) == ["sqlite3 (process 7)"]


def test_no_proc_or_no_holder_says_nothing(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    db.touch()
    assert lock_holders(db, tmp_path / "no-proc") == []
    assert holders_text(tmp_path / "nobody-has-this.sqlite3") == ""


def test_many_holders_are_counted_after_the_first_few(tmp_path: Path, monkeypatch) -> None:
    import flexprep.core.holders as holders

    found = [f"p{n} (process {n})" for n in range(NAMED + 2)]
    monkeypatch.setattr(holders, "lock_holders", lambda _path: found)
    text = holders_text(tmp_path / "db.sqlite3")
    assert text == "; held open by p0 (process 0), p1 (process 1), p2 (process 2) and 2 more"
