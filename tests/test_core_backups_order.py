"""Backups made within one second keep the order they were made in."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from flexprep.core import backups
from flexprep.core.database import open_database


def test_backups_in_the_same_second_list_newest_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "db.sqlite3"
    open_database(db).close()
    moment = datetime(2026, 12, 1, 9, 30, 0)

    class Frozen(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def, override]
            return moment

    monkeypatch.setattr(backups, "datetime", Frozen)
    made = [backups.make_backup(db, reason) for reason in ("manual", "before-restore", "daily")]
    listed = [info.path for info in backups.list_backups(db)]
    assert listed == made[::-1]
