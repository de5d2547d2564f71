"""Plain-SQL snapshots of ranked items, for lists that can grow to thousands.

Loading 10,000 objections with 50,000 rehearsals through the ORM takes seconds (an
instance and its bookkeeping per row); the same read in plain SQL into light objects
takes a fraction of that. A snapshot carries the attributes the ORM row would (each
declared field in its Python form, ``id``, ``position``, and for objections
``rehearsals`` and ``evidence_links``), so callers read it the same way; like every
snapshot the service returns, it is not written back.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection

from flexprep.core import fields as f
from flexprep.core import kinds as k


class Snapshot(SimpleNamespace):
    """A read-only copy of one row: its fields as attributes."""


def python_value(kind: k.Kind, raw: Any) -> Any:
    """A stored column value as the ORM would give it."""
    if raw is None:
        return None
    if kind.sql == "BOOLEAN":
        return bool(raw)
    if kind.sql == "DATETIME":
        return datetime.fromisoformat(str(raw)).replace(microsecond=0)
    if kind.sql == "DATE":
        return date.fromisoformat(str(raw)[:10])
    if kind.sql == "JSON":
        return json.loads(raw)
    return raw


def _as_bool(raw: Any) -> bool:
    return bool(raw)


def _as_datetime(raw: Any) -> datetime:
    text = str(raw)
    moment = datetime.fromisoformat(text)
    return moment.replace(microsecond=0) if "." in text else moment


def _as_date(raw: Any) -> date:
    return date.fromisoformat(str(raw)[:10])


_CONVERT: dict[str, Callable[[Any], Any]] = {
    "BOOLEAN": _as_bool,
    "DATETIME": _as_datetime,
    "DATE": _as_date,
    "JSON": json.loads,
}
_PLANS: dict[int, list[tuple[str, Callable[[Any], Any] | None]]] = {}


def _plan(record: f.Record) -> list[tuple[str, Callable[[Any], Any] | None]]:
    """Each field's key and converter (None: stored as it is), worked out once."""
    plan = _PLANS.get(id(record))
    if plan is None:
        plan = [(field.key, _CONVERT.get(field.kind.sql)) for field in record]
        _PLANS[id(record)] = plan
    return plan


def _rows(connection: Connection, sql: str, workbook_id: int) -> list[dict[str, Any]]:
    # Straight through the driver's cursor: SQLAlchemy's row objects cost more than the
    # query itself at tens of thousands of rows.
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, (workbook_id,))
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    finally:
        cursor.close()


def _snapshot(record: f.Record, row: dict[str, Any], *extra: str) -> Snapshot:
    # (python_value, unrolled: this runs once per row of tens of thousands)
    values = {
        key: raw if convert is None or raw is None else convert(raw)
        for key, convert in _plan(record)
        for raw in (row[key],)
    }
    return Snapshot(**{key: row[key] for key in extra}, **values)


def objections(connection: Connection, workbook_id: int) -> list[Snapshot]:
    """A workbook's objections in rank order, each with its rehearsals and links."""
    rows = _rows(
        connection,
        "SELECT * FROM objection WHERE workbook_id = ? ORDER BY position, id",
        workbook_id,
    )
    result = [_snapshot(f.OBJECTIONS, row, "id", "workbook_id", "position") for row in rows]
    by_id = {item.id: item for item in result}
    for item in result:
        item.rehearsals, item.evidence_links = [], []
    for row in _rows(
        connection,
        "SELECT r.* FROM rehearsal r JOIN objection o "
        "ON o.id = r.objection_id WHERE o.workbook_id = ? ORDER BY r.at, r.id",
        workbook_id,
    ):
        by_id[row["objection_id"]].rehearsals.append(
            _snapshot(f.REHEARSALS, row, "id", "objection_id")
        )
    for row in _rows(
        connection,
        "SELECT l.* FROM objection_evidence l JOIN objection o "
        "ON o.id = l.objection_id WHERE o.workbook_id = ? "
        "ORDER BY l.position, l.evidence_id",
        workbook_id,
    ):
        by_id[row["objection_id"]].evidence_links.append(Snapshot(**row))
    return result
