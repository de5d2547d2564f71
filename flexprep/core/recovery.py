"""Recovery files: text the window could not save, kept beside the database.

When an edit cannot go into the database (the file was deleted or replaced, the
workbook was changed or deleted elsewhere, the database is read-only, the window is
closed while a save keeps failing), the text is written here instead of being dropped
(docs/design.md, "Saving and recovery"). One file per window session, rewritten whole
each time (atomically, private 0600), holding the newest text of each field.

Kept input (:class:`KeptInput`) is the other half: text typed into a field that fails
its check (a number written in words, a date that names no day) is never saved into the
database, so it is kept in ``<db>.kept-input.json`` and shown again in its field, marked,
until the field holds a good value.
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


# --- kept input ----------------------------------------------------------------------

KEPT_FORMAT = "flexprep.kept-input"


def kept_input_path(db_path: Path) -> Path:
    """``<db>.kept-input.json`` beside the database."""
    return db_path.with_name(f"{db_path.name}.kept-input.json")


class KeptInput:
    """Text typed into a field that fails its check, kept as typed across restarts.

    A number field holding "about nine" or a date field holding "next Tuesdy" saves
    nothing into the database (the last good value stays); the text itself is kept
    here, per workbook and field, until the field holds a good value again. One small
    JSON file beside the database (private, 0600, written atomically); no file while
    nothing is kept. A damaged or unreadable file counts as empty: kept input is a
    courtesy, never a reason not to start.
    """

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = kept_input_path(db_path)
        self._fields: dict[str, dict[str, Any]] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        fields = data.get("fields") if isinstance(data, dict) else None
        if (
            isinstance(data, dict)
            and data.get("format") == KEPT_FORMAT
            and isinstance(fields, dict)
        ):
            self._fields = {
                key: entry
                for key, entry in fields.items()
                if isinstance(entry, dict)
                and isinstance(entry.get("text"), str)
                and isinstance(entry.get("workbook"), int)
            }

    @staticmethod
    def key(workbook_id: int, field: str) -> str:
        return f"{workbook_id}:{field}"

    def get(self, workbook_id: int, field: str) -> str | None:
        """The text kept for ``field`` of the workbook, or None."""
        entry = self._fields.get(self.key(workbook_id, field))
        return None if entry is None else str(entry["text"])

    def put(self, workbook_id: int, field: str, text: str) -> bool:
        """Keep ``text`` for the field; whether anything changed."""
        key = self.key(workbook_id, field)
        if self.get(workbook_id, field) == text:
            return False
        self._fields[key] = {
            "workbook": workbook_id,
            "field": field,
            "text": text,
            "typed_at": datetime.now().isoformat(timespec="seconds"),
        }
        return True

    def drop(self, workbook_id: int, field: str) -> bool:
        """Forget the field's kept text (it holds a good value now); whether it had one."""
        return self._fields.pop(self.key(workbook_id, field), None) is not None

    def prune(self, workbook_ids: set[int]) -> bool:
        """Forget the text kept for workbooks not in ``workbook_ids`` (deleted ones)."""
        gone = [key for key, entry in self._fields.items() if entry["workbook"] not in workbook_ids]
        for key in gone:
            del self._fields[key]
        return bool(gone)

    def entries(self) -> list[dict[str, Any]]:
        return [dict(entry) for entry in self._fields.values()]

    def payload(self) -> bytes | None:
        """The file's content as it should be now (None: there should be no file)."""
        if not self._fields:
            return None
        return json.dumps(
            {
                "format": KEPT_FORMAT,
                "version": VERSION,
                "database": str(self.db_path),
                "note": "Text typed in FlexPrep that is not yet a valid value; the window "
                "shows it again in its field, marked, until it is fixed.",
                "fields": self._fields,
            },
            ensure_ascii=False,
            indent=1,
        ).encode("utf-8")

    def write(self, payload: bytes | None) -> None:
        """Put ``payload`` (from :meth:`payload`) in the file; None removes the file.

        Raises:
            OSError: the file could not be written or removed.
        """
        if payload is None:
            self.path.unlink(missing_ok=True)
            return
        atomic_write_bytes(self.path, payload)
        os.chmod(self.path, 0o600)
