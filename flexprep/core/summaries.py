"""A workbook's own fields, read in plain SQL for lists and window titles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

from flexprep.core import fields

#: The columns of a :class:`WorkbookInfo`: the declared workbook fields and bookkeeping.
INFO_COLUMNS = ", ".join(("id", *fields.WORKBOOK.keys, "created_at", "updated_at"))


@dataclass(frozen=True)
class WorkbookInfo:
    """A workbook's own fields (not its parts), as read for lists and titles."""

    id: int
    name: str
    scenario: str
    manager: str
    notes: str
    walk_away: str
    manager_role: str
    proposal_title: str
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_row(cls, row: Any) -> WorkbookInfo:
        values = dict(row._mapping)
        for key in ("created_at", "updated_at"):
            if isinstance(values[key], str):
                values[key] = datetime.fromisoformat(values[key])
        return cls(**values)


def read_workbooks(connection: Connection, workbook_id: int | None = None) -> list[WorkbookInfo]:
    """Every workbook (or the one with ``workbook_id``), most recently updated first.

    The one query behind the window's list, its title and ``flexprep list``; plain SQL,
    so listing loads no ORM models.
    """
    where = "" if workbook_id is None else "WHERE id = :id "
    query = text(
        f"SELECT {INFO_COLUMNS} FROM workbook {where}"  # noqa: S608
        "ORDER BY updated_at DESC, name"
    )
    return [WorkbookInfo.from_row(row) for row in connection.execute(query, {"id": workbook_id})]


def free_name(name: str, taken: set[str]) -> str:
    """``name`` if free, else ``name (2)``, ``name (3)``..."""
    if name not in taken:
        return name
    base = re.sub(r" \(\d+\)$", "", name)
    number = 2
    while f"{base} ({number})" in taken:
        number += 1
    return f"{base} ({number})"
