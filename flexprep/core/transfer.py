"""Moving a workbook between the database and the file format's dict.

Reading is plain SQL over a connection, so that ``flexprep export`` needs neither the
ORM models nor a session (start-up time); writing uses the models' bulk inserts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text

from flexprep.core import fields
from flexprep.core.errors import NotFoundError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from flexprep.core.models import Workbook


def _fields(record: fields.Record, row: Mapping[str, Any] | None) -> dict[str, Any]:
    """A stored row's fields in their file-format form (defaults for a missing row)."""
    result = {}
    for field in record:
        value = field.fresh_default() if row is None else field.kind.stored(row[field.key])
        if not (field.omit_when_none and value is None):
            result[field.key] = value
    return result


def item_fields(record: fields.Record, row: Mapping[Any, Any]) -> dict[str, Any]:
    """One stored row of ``record`` in its file-format form (what an export writes)."""
    return _fields(record, row)


def _rows(connection: Connection, sql: str, **params: Any) -> list[Any]:
    return list(connection.execute(text(sql), params).mappings())


def part_fields(connection: Connection, record: fields.Record, workbook_id: int) -> dict[str, Any]:
    """The fields of one-per-workbook part ``record`` in their file-format form (the
    defaults when the workbook has no row of it yet); plain SQL, no ORM models."""
    found = _rows(
        connection,
        f"SELECT * FROM {record.table} WHERE workbook_id = :w",  # noqa: S608
        w=workbook_id,
    )
    return _fields(record, found[0] if found else None)


def workbook_id(connection: Connection, name: str) -> int:
    """The id of the workbook called ``name``."""
    found = connection.execute(text("SELECT id FROM workbook WHERE name = :n"), {"n": name})
    row = found.first()
    if row is None:
        raise NotFoundError(f"no workbook named '{name}'")
    return int(row[0])


def workbook_to_dict(connection: Connection, workbook_id: int) -> dict[str, Any]:
    """Everything of one workbook as the inner object of the file format."""
    books = _rows(connection, "SELECT * FROM workbook WHERE id = :w", w=workbook_id)
    if not books:
        raise NotFoundError("this workbook no longer exists")
    book = books[0]

    def ranked(table: str) -> list[Any]:
        return _rows(
            connection,
            f"SELECT * FROM {table} WHERE workbook_id = :w "  # noqa: S608
            "ORDER BY position, id",
            w=workbook_id,
        )

    def single(table: str) -> dict[str, Any] | None:
        found = _rows(
            connection,
            f"SELECT * FROM {table} WHERE workbook_id = :w",  # noqa: S608
            w=workbook_id,
        )
        return found[0] if found else None

    answers = {
        r["key"]: r["text"]
        for r in _rows(
            connection, "SELECT key, text FROM answer WHERE workbook_id = :w", w=workbook_id
        )
    }
    evidence = ranked(fields.EVIDENCE.table)
    evidence_ids = {item["id"]: f"e{n}" for n, item in enumerate(evidence, 1)}
    links: dict[int, list[str]] = {}
    for row in _rows(
        connection,
        "SELECT l.objection_id, l.evidence_id FROM objection_evidence l "
        "JOIN objection o ON o.id = l.objection_id WHERE o.workbook_id = :w "
        "ORDER BY l.position, l.evidence_id",
        w=workbook_id,
    ):
        links.setdefault(row["objection_id"], []).append(evidence_ids[row["evidence_id"]])
    rehearsals: dict[int, list[dict[str, Any]]] = {}
    for row in _rows(
        connection,
        "SELECT r.* FROM rehearsal r JOIN objection o "
        "ON o.id = r.objection_id WHERE o.workbook_id = :w ORDER BY r.at, r.id",
        w=workbook_id,
    ):
        rehearsals.setdefault(row["objection_id"], []).append(_fields(fields.REHEARSALS, row))

    result = _fields(fields.WORKBOOK, book)
    result[fields.ANSWERS.key] = {k: answers[k] for k in fields.ANSWERS.keys if k in answers}
    for record in fields.ITEMS:
        if record is fields.EVIDENCE:
            result[record.key] = [
                {"id": evidence_ids[row["id"]], **_fields(record, row)} for row in evidence
            ]
        elif record is fields.OBJECTIONS:
            result[record.key] = [
                {
                    "id": f"o{n}",
                    **_fields(record, row),
                    "evidence": links.get(row["id"], []),
                    fields.REHEARSALS.key: rehearsals.get(row["id"], []),
                }
                for n, row in enumerate(ranked(record.table), 1)
            ]
        else:
            result[record.key] = [_fields(record, row) for row in ranked(record.table)]
    for record in fields.PARTS:
        result[record.key] = _fields(record, single(record.table))
    return result


def dict_to_workbook(session: Session, data: dict[str, Any], name: str) -> Workbook:
    """Add a validated inner workbook object to the database under ``name``.

    Rows go in as bulk inserts (thousands of rehearsals import in well under a
    second). The returned workbook carries its columns, not its collections.
    """
    from flexprep.core.models import (
        About,
        Answer,
        Ask,
        Endorsement,
        Evidence,
        FormalRequest,
        Meeting,
        Objection,
        ObjectionEvidence,
        Offer,
        Plan,
        Rehearsal,
        TrialLogEntry,
        TrialReview,
        Workbook,
    )

    book = Workbook(
        name=name, **{k: data[k] for k in fields.WORKBOOK.keys if k in data and k != "name"}
    )
    parts = {
        "About": About,
        "Plan": Plan,
        "Meeting": Meeting,
        "FormalRequest": FormalRequest,
        "TrialReview": TrialReview,
    }
    for record in fields.PARTS:
        # The relationship is named like the record's file key (plan, meeting ...).
        setattr(book, record.key, parts[record.model](**data.get(record.key, {})))
    session.add(book)
    session.flush()
    owner = {"workbook_id": book.id}

    def ranked(key: str, drop: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        return [
            {**owner, "position": n, **{k: val for k, val in item.items() if k not in drop}}
            for n, item in enumerate(data.get(key, []))
        ]

    _insert(
        session,
        Answer,
        [{**owner, "key": k, "text": t} for k, t in data.get("self_assessment", {}).items()],
    )
    _insert(session, Ask, ranked("asks"))
    _insert(session, Offer, ranked("offers"))
    _insert(session, Endorsement, ranked("endorsements"))
    _insert(session, TrialLogEntry, ranked("trial_log"))
    _insert(session, Evidence, ranked("evidence", ("id",)))
    _insert(session, Objection, ranked("objections", ("id", "evidence", "rehearsals")))
    evidence_rows = _ids_in_rank_order(session, Evidence, book.id)
    evidence_by_id = {
        item["id"]: row
        for item, row in zip(data.get("evidence", []), evidence_rows, strict=True)
        if "id" in item
    }
    rehearsals: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    objection_rows = _ids_in_rank_order(session, Objection, book.id)
    for item, objection_id in zip(data.get("objections", []), objection_rows, strict=True):
        rehearsals.extend({"objection_id": objection_id, **r} for r in item.get("rehearsals", []))
        links.extend(
            {"objection_id": objection_id, "evidence_id": evidence_by_id[ref], "position": i}
            for i, ref in enumerate(item.get("evidence", []))
        )
    _insert(session, Rehearsal, rehearsals)
    _insert(session, ObjectionEvidence, links)
    return book


def _insert(session: Session, model: type[Any], rows: list[dict[str, Any]]) -> None:
    from sqlalchemy import insert

    if rows:
        session.execute(insert(model), rows)


def _ids_in_rank_order(session: Session, model: Any, workbook_id: int) -> list[int]:
    from sqlalchemy import select

    query = select(model.id).where(model.workbook_id == workbook_id).order_by(model.position)
    return list(session.scalars(query))
