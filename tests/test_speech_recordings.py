"""Recordings are private files beside the database, deletable, and never exported."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from conftest import FULL_WORKBOOK
from sqlalchemy import text

from flexprep.core.recordings import FOLDER, RecordingStore, database_file

#: A second of something that is not silence: easy to spot in any file it leaks into.
TONE = bytes(range(256)) * 125


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_recordings_are_private_listed_and_deleted(db_path: Path) -> None:
    store = RecordingStore(db_path)
    assert store.recordings() == [] and not store.folder.exists()  # nothing made early
    first = store.save(7, TONE, 16000, when=datetime(2026, 3, 1, 9, 30))
    second = store.save(7, TONE * 2, 16000, when=datetime(2026, 3, 2, 9, 30))
    other = store.save(8, TONE, 8000, 2, when=datetime(2026, 3, 3, 9, 30))
    assert store.folder == db_path.parent / FOLDER
    assert mode(store.folder) == 0o700
    assert {mode(r.path) for r in (first, second, other)} == {0o600}
    listed = store.recordings(7)
    assert [r.path for r in listed] == [second.path, first.path]  # newest first
    assert [r.made_at for r in listed] == [datetime(2026, 3, 2, 9, 30), datetime(2026, 3, 1, 9, 30)]
    assert [round(r.seconds, 2) for r in listed] == [2.0, 1.0]
    assert round(store.recordings(8)[0].seconds, 2) == 1.0  # 32,000 bytes of 8 kHz stereo
    # Another database in the same folder has recordings of its own.
    assert RecordingStore(db_path.with_name("other.sqlite3")).recordings() == []

    store.save_feedback(first, {"words": 3})
    assert store.feedback(first) == {"words": 3} and mode(first.feedback_path) == 0o600
    store.delete(first)
    assert not first.path.exists() and not first.feedback_path.exists()
    assert store.latest(7) == second
    assert store.prune([7]) == 1 and not other.path.exists()
    assert store.delete_all() == 1
    assert store.recordings() == [] and list(store.folder.iterdir()) == []


def test_the_database_file_is_found_from_a_connection(database: Any, db_path: Path) -> None:
    with database.engine.connect() as connection:
        assert database_file(connection) == db_path
        assert connection.execute(text("SELECT 1")).scalar() == 1


def test_a_recording_never_reaches_a_document_or_a_workbook_file(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"

    def flexprep(*args: Any) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "flexprep", "--db", str(db), *map(str, args)],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
            cwd=tmp_path,
        )
        return result.stdout.strip()

    name = flexprep("import", FULL_WORKBOOK)
    store = RecordingStore(db)
    import sqlite3

    with sqlite3.connect(db) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM objection")]
    assert ids
    made = [store.save(oid, TONE, 16000) for oid in ids]
    store.save_feedback(made[0], {"transcript": "a phrase only the recording holds"})
    before = {p.name: p.read_bytes() for p in store.folder.iterdir()}
    outputs = [tmp_path / "out.json"]
    flexprep("export", name, "-o", outputs[0])
    for document in ("brief", "proposal", "followup", "letter"):
        outputs.append(tmp_path / f"{document}.docx")
        flexprep("export", name, "-o", outputs[-1], "--document", document)
    for output in outputs:
        parts = [output.read_bytes()]
        if output.suffix == ".docx":
            with zipfile.ZipFile(output) as archive:
                names = archive.namelist()
                assert not [n for n in names if n.endswith((".wav", ".json"))]
                parts = [archive.read(n) for n in names]
        for part in parts:
            assert TONE[:64] not in part
            assert b"RIFF" not in part and b"only the recording holds" not in part
            assert FOLDER.encode() + os.sep.encode() not in part
    assert {p.name: p.read_bytes() for p in store.folder.iterdir()} == before
