"""``flexprep export --with-recordings``: the WAVs go into a private folder beside the
workbook file, only when asked; the JSON never carries them."""

from __future__ import annotations

import json
import sqlite3
import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from conftest import FULL_WORKBOOK

from flexprep.core.recordings import RecordingStore

#: Sound no workbook file holds by accident.
TONE = bytes(range(256)) * 125


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run(db: Path, cwd: Path, *args: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flexprep", "--db", str(db), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
    )


def test_recordings_are_written_beside_the_json_only_when_asked(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    name = run(db, tmp_path, "import", FULL_WORKBOOK).stdout.strip()
    with sqlite3.connect(db) as connection:
        ids = [
            row[0] for row in connection.execute("SELECT id FROM objection ORDER BY position, id")
        ]
    assert len(ids) >= 2
    store = RecordingStore(db)
    first = store.save(ids[1], TONE, 16000, when=datetime(2026, 11, 30, 14, 15, 2))
    second = store.save(ids[1], TONE * 2, 16000, when=datetime(2026, 12, 1, 8, 0, 0))
    third = store.save(ids[0], TONE[:3000], 8000, when=datetime(2026, 11, 29, 9, 5, 0))

    # Without the flag: nothing about recordings anywhere.
    plain = tmp_path / "plain.json"
    result = run(db, tmp_path, "export", name, "-o", plain)
    assert result.returncode == 0 and result.stderr == ""
    text = plain.read_text("utf-8")
    assert "recording" not in text.lower() and "RIFF" not in text
    assert not (tmp_path / "plain.recordings").exists()

    # With it: the same JSON, and the WAVs in x.recordings/, private, by number and date.
    out = tmp_path / "x.json"
    result = run(db, tmp_path, "export", name, "-o", out, "--with-recordings")
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text("utf-8")) == json.loads(text)
    folder = tmp_path / "x.recordings"
    assert result.stderr.strip() == f"flexprep: 3 recordings written to {folder}"
    assert mode(folder) == 0o700
    written = {p.name: p for p in folder.iterdir()}
    assert set(written) == {
        "objection-01-2026-11-29-090500.wav",
        "objection-02-2026-11-30-141502.wav",
        "objection-02-2026-12-01-080000.wav",
    }
    assert {mode(p) for p in written.values()} == {0o600}
    for source, copy in (
        (third, "objection-01-2026-11-29-090500.wav"),
        (first, "objection-02-2026-11-30-141502.wav"),
        (second, "objection-02-2026-12-01-080000.wav"),
    ):
        assert written[copy].read_bytes() == source.path.read_bytes()

    # Only for workbook files.
    refused = run(db, tmp_path, "export", name, "-o", tmp_path / "b.docx", "--with-recordings")
    assert refused.returncode == 2
    assert "--with-recordings applies to workbook (.json) exports only" in refused.stderr
    assert not (tmp_path / "b.docx").exists() and not (tmp_path / "b.recordings").exists()
