"""Spoken answers from rehearsal, kept privately beside the database.

Recordings are WAV files in a ``recordings/`` folder beside the database (folder 0700,
files 0600, like the backups), named ``<db>-o<objection id>-<time>.wav``; the feedback
computed from one is kept beside it as ``.json``. They are never in the database, so no
document and no workbook file can carry them; ``flexprep export --with-recordings`` copies
them into a private folder beside the workbook file (:func:`export_recordings`). See
"Rehearsing out loud" in docs/design.md.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import wave
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

FOLDER = "recordings"
_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"^(?P<stem>.+)-o(?P<id>\d+)-(?P<at>\d{8}-\d{6}-\d{6})\.wav$")


@dataclass(frozen=True)
class Recording:
    """One recorded answer to one objection."""

    path: Path
    objection_id: int
    made_at: datetime
    seconds: float

    @property
    def feedback_path(self) -> Path:
        return self.path.with_suffix(".json")


def _private_write(path: Path, data: bytes) -> None:
    """Write a new file readable by the user alone, then move it into place."""
    temporary = path.with_name(path.name + ".part")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(handle, data)
        os.fsync(handle)
    finally:
        os.close(handle)
    os.replace(temporary, path)


def _seconds(path: Path) -> float:
    try:
        with wave.open(str(path), "rb") as source:
            return source.getnframes() / float(source.getframerate() or 1)
    except (OSError, EOFError, wave.Error):
        return 0.0


class RecordingStore:
    """The recordings of one database file."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.folder = db_path.parent / FOLDER

    def _folder(self) -> Path:
        old_umask = os.umask(0o077)
        try:
            self.folder.mkdir(mode=0o700, exist_ok=True)
        finally:
            os.umask(old_umask)
        return self.folder

    def save(
        self,
        objection_id: int,
        pcm: bytes,
        rate: int,
        channels: int = 1,
        when: datetime | None = None,
    ) -> Recording:
        """Store 16-bit PCM as a new recording of ``objection_id``."""
        import io

        when = when or datetime.now()
        folder = self._folder()
        path = folder / f"{self.db_path.stem}-o{int(objection_id)}-{when.strftime(_STAMP)}.wav"
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as out:
            out.setnchannels(channels)
            out.setsampwidth(2)
            out.setframerate(rate)
            out.writeframes(pcm)
        _private_write(path, buffer.getvalue())
        return Recording(path, int(objection_id), when, len(pcm) / (2 * channels * rate))

    def recordings(self, objection_id: int | None = None) -> list[Recording]:
        """This database's recordings (of one objection if given), newest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.iterdir():
            match = _NAME.match(path.name)
            if not match or match["stem"] != self.db_path.stem or not path.is_file():
                continue
            if objection_id is not None and int(match["id"]) != objection_id:
                continue
            made = datetime.strptime(match["at"], _STAMP)
            found.append(Recording(path, int(match["id"]), made, _seconds(path)))
        return sorted(found, key=lambda r: r.made_at, reverse=True)

    def latest(self, objection_id: int) -> Recording | None:
        found = self.recordings(objection_id)
        return found[0] if found else None

    def delete(self, recording: Recording) -> None:
        """Remove one recording and its feedback."""
        for path in (recording.path, recording.feedback_path):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def delete_all(self) -> int:
        """Remove every recording of this database; how many there were."""
        found = self.recordings()
        for recording in found:
            self.delete(recording)
        return len(found)

    def prune(self, objection_ids: Iterable[int]) -> int:
        """Remove the recordings of objections that no longer exist; how many."""
        keep = set(objection_ids)
        stale = [r for r in self.recordings() if r.objection_id not in keep]
        for recording in stale:
            self.delete(recording)
        return len(stale)

    def save_feedback(self, recording: Recording, feedback: dict[str, Any]) -> None:
        _private_write(
            recording.feedback_path, json.dumps(feedback, ensure_ascii=False).encode("utf-8")
        )

    def feedback(self, recording: Recording) -> dict[str, Any] | None:
        """The feedback stored with ``recording``, or None."""
        try:
            data = json.loads(recording.feedback_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None


def database_file(connection: Any) -> Path | None:
    """The file behind an SQLAlchemy connection or session (None in memory)."""
    from sqlalchemy import text

    for row in connection.execute(text("PRAGMA database_list")):
        if row[1] == "main" and row[2]:
            return Path(row[2])
    return None


def folder_beside(json_path: Path) -> Path:
    """Where ``export --with-recordings`` puts them: ``x.json`` → ``x.recordings/``."""
    return json_path.with_name(json_path.stem + ".recordings")


def export_recordings(connection: Any, workbook_id: int, db_path: Path, json_path: Path) -> str:
    """Copy the workbook's recordings into :func:`folder_beside` ``json_path``; one line
    saying where (the workbook file itself never carries them).

    The folder is 0700 and each file 0600, named by the objection's number in the
    workbook (its place in the file's list) and the time it was recorded:
    ``objection-03-2026-11-30-141502.wav``.
    """
    from sqlalchemy import text

    ids = connection.execute(
        text("SELECT id FROM objection WHERE workbook_id = :book ORDER BY position, id"),
        {"book": workbook_id},
    ).scalars()
    numbers = {int(ident): number for number, ident in enumerate(ids, 1)}
    found = sorted(
        (r for r in RecordingStore(db_path).recordings() if r.objection_id in numbers),
        key=lambda r: (numbers[r.objection_id], r.made_at),
    )
    folder = folder_beside(json_path)
    if not found:
        return f"this workbook has no recordings: nothing written to {folder}"
    old_umask = os.umask(0o077)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    finally:
        os.umask(old_umask)
    used: set[str] = set()
    for recording in found:
        stem = (
            f"objection-{numbers[recording.objection_id]:02d}-{recording.made_at:%Y-%m-%d-%H%M%S}"
        )
        name, extra = f"{stem}.wav", 1
        while name in used:
            extra += 1
            name = f"{stem}-{extra}.wav"
        used.add(name)
        _private_write(folder / name, recording.path.read_bytes())
    count = len(found)
    return f"{count} recording{'s' if count != 1 else ''} written to {folder}"
