"""A workbook's own fields, read in plain SQL for lists and window titles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

INFO_COLUMNS = "id, name, scenario, manager, notes, walk_away, created_at, updated_at"


@dataclass(frozen=True)
class WorkbookInfo:
    """A workbook's own fields (not its parts), as read for lists and titles."""

    id: int
    name: str
    scenario: str
    manager: str
    notes: str
    walk_away: str
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_row(cls, row: Any) -> WorkbookInfo:
        values = list(row)
        for index in (6, 7):
            if isinstance(values[index], str):
                values[index] = datetime.fromisoformat(values[index])
        return cls(*values)


def free_name(name: str, taken: set[str]) -> str:
    """``name`` if free, else ``name (2)``, ``name (3)``..."""
    if name not in taken:
        return name
    base = re.sub(r" \(\d+\)$", "", name)
    number = 2
    while f"{base} ({number})" in taken:
        number += 1
    return f"{base} ({number})"
