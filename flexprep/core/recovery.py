"""Recovery files: text the window could not save, kept beside the database.

When an edit cannot go into the database (the file was deleted or replaced, the
workbook was changed or deleted elsewhere, the database is read-only, the window is
closed while a save keeps failing), the text is written here instead of being dropped
(docs/design.md, "Saving and recovery"). One file per window session, rewritten whole
each time (atomically, private 0600), holding the newest text of each field.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from flexprep.core.files import atomic_write_bytes

FORMAT = "flexprep.recovery"
VERSION = 1


@dataclass(frozen=True)
class RecoveredEdit:
    """One field's text that did not reach the database, and why."""

    workbook: str
    field: str
    text: Any
    time: datetime
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "workbook": self.workbook,
            "field": self.field,
            "text": self.text,
            "time": self.time.isoformat(timespec="seconds"),
            "reason": self.reason,
        }


def recovery_path(db_path: Path, when: datetime | None = None) -> Path:
    """``<db>.recovery-YYYYmmdd-HHMMSS.json`` beside the database."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return db_path.with_name(f"{db_path.name}.recovery-{stamp}.json")


class RecoveryFile:
    """The recovery file of one window session; created by the first :meth:`keep`."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path: Path | None = None
        #: How many times the file was written (a window tells what was kept since).
        self.writes = 0
        self._edits: dict[tuple[str, str], RecoveredEdit] = {}

    @property
    def edits(self) -> list[RecoveredEdit]:
        """Every edit kept so far, oldest first (the newest text of each field)."""
        return list(self._edits.values())

    def keep(self, edits: list[RecoveredEdit]) -> Path:
        """Add ``edits`` (a newer text replaces an older one of the same field) and write.

        The file goes beside the database; if that folder cannot be written (it was
        deleted, or is read-only) it goes in the home folder.

        Raises:
            OSError: neither place could be written.
        """
        for edit in edits:
            self._edits.pop((edit.workbook, edit.field), None)
            self._edits[(edit.workbook, edit.field)] = edit
        payload = json.dumps(
            {
                "format": FORMAT,
                "version": VERSION,
                "database": str(self.db_path),
                "written_at": datetime.now().isoformat(timespec="seconds"),
                "note": "Text typed in FlexPrep that could not be saved in the database. "
                "Copy it back into the workbook.",
                "edits": [edit.to_json() for edit in self._edits.values()],
            },
            ensure_ascii=False,
            indent=2,
            default=str,
        ).encode("utf-8")
        candidates = [self.path] if self.path is not None else []
        now = datetime.now()
        candidates += [
            recovery_path(self.db_path, now),
            recovery_path(Path.home() / self.db_path.name, now),
        ]
        error: OSError | None = None
        for target in candidates:
            if target is None:
                continue
            try:
                atomic_write_bytes(target, payload)
            except OSError as exc:
                error = exc
                continue
            os.chmod(target, 0o600)
            self.path = target
            self.writes += 1
            return target
        assert error is not None
        raise error


def read_recovery(path: Path) -> list[dict[str, Any]]:
    """The edits of a recovery file, as written."""
    data = json.loads(path.read_text(encoding="utf-8"))
    edits: list[dict[str, Any]] = data["edits"]
    return edits
