"""Copies of deleted items, to put them back: what undo and redo of a delete need.

A copy holds an item's fields in file form, its place in the rank order of its kind,
and what hangs off it (an objection's rehearsals and evidence links, an evidence item's
links from objections). :class:`~flexprep.core.service.WorkbookService` makes and
restores copies with these functions, each inside its own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from flexprep.core import fields as f
from flexprep.core import transfer
from flexprep.core import validation as v
from flexprep.core.errors import NotFoundError, ValidationError


@dataclass(frozen=True)
class ItemCopy:
    """One ranked item as it was before a delete, to put it back (undo and redo).

    Attributes:
        model: the ORM class name ("Ask", "Objection" ...).
        item_id: the id it had, and gets back.
        workbook_id: its workbook.
        index: its place in the rank order of its kind.
        data: its fields in file form (:func:`flexprep.core.transfer.item_fields`). An
            objection's also hold ``rehearsals`` (file form) and ``evidence`` (the linked
            evidence ids, in order); an evidence item's hold ``objections``: for each
            objection it supports, ``(objection id, place among that objection's links)``.
    """

    model: str
    item_id: int
    workbook_id: int
    index: int
    data: dict[str, Any]


def read(connection: Connection, model: str, item_id: int) -> ItemCopy:
    """Everything of one item (children and links too), read with plain SQL.

    Raises:
        NotFoundError: there is no such item.
    """
    record = f.record_for(model)
    table, ident = record.table, {"i": item_id}
    row = (
        connection.execute(text(f"SELECT * FROM {table} WHERE id = :i"), ident)  # noqa: S608
        .mappings()
        .first()
    )
    if row is None:
        raise NotFoundError(f"this {model.lower()} no longer exists")
    index = connection.execute(
        text(
            f"SELECT COUNT(*) FROM {table} WHERE workbook_id = :w AND "  # noqa: S608
            "(position < :p OR (position = :p AND id < :i))"
        ),
        {"w": row["workbook_id"], "p": row["position"], "i": item_id},
    ).scalar_one()
    data = transfer.item_fields(record, row)
    if record is f.OBJECTIONS:
        data[f.REHEARSALS.key] = [
            transfer.item_fields(f.REHEARSALS, rehearsal)
            for rehearsal in connection.execute(
                text("SELECT * FROM rehearsal WHERE objection_id = :i ORDER BY at, id"),
                ident,
            ).mappings()
        ]
        data["evidence"] = list(
            connection.execute(
                text(
                    "SELECT evidence_id FROM objection_evidence WHERE objection_id = :i "
                    "ORDER BY position, evidence_id"
                ),
                ident,
            ).scalars()
        )
    elif record is f.EVIDENCE:
        data["objections"] = [
            tuple(link)
            for link in connection.execute(
                text(
                    "SELECT l.objection_id, (SELECT COUNT(*) FROM objection_evidence m "
                    "WHERE m.objection_id = l.objection_id AND (m.position < l.position OR "
                    "(m.position = l.position AND m.evidence_id < l.evidence_id))) "
                    "FROM objection_evidence l WHERE l.evidence_id = :i "
                    "ORDER BY l.objection_id"
                ),
                ident,
            )
        ]
    return ItemCopy(model, item_id, row["workbook_id"], int(index), data)


def restore(session: Session, copy: ItemCopy) -> Any:
    """Put the item back in ``session``: its id, place, children and surviving links.

    Raises:
        ValidationError: another item has taken its id meanwhile.
    """
    from flexprep.core import models

    model = getattr(models, copy.model)
    record = f.record_for(copy.model)
    values = v.clean(record.spec, {k: copy.data[k] for k in record.keys if k in copy.data})
    rehearsals = [v.clean(f.REHEARSALS.spec, r) for r in copy.data.get(f.REHEARSALS.key, [])]
    if session.get(model, copy.item_id) is not None:
        raise ValidationError(
            f"this {copy.model.lower()} cannot be put back: another item has taken its place"
        )
    row = model(id=copy.item_id, workbook_id=copy.workbook_id, **values)
    query = select(model).where(model.workbook_id == copy.workbook_id)
    siblings = list(session.scalars(query.order_by(model.position, model.id)))
    siblings.insert(max(0, min(copy.index, len(siblings))), row)
    session.add(row)
    for position, sibling in enumerate(siblings):
        sibling.position = position
    session.flush()
    if record is f.OBJECTIONS:
        session.add_all(models.Rehearsal(objection_id=row.id, **r) for r in rehearsals)
        linked = [
            eid
            for eid in dict.fromkeys(copy.data.get("evidence", []))
            if _in_workbook(session, models.Evidence, eid, row.workbook_id)
        ]
        session.add_all(
            models.ObjectionEvidence(objection_id=row.id, evidence_id=eid, position=place)
            for place, eid in enumerate(linked)
        )
    elif record is f.EVIDENCE:
        for objection_id, place in copy.data.get("objections", []):
            if _in_workbook(session, models.Objection, objection_id, row.workbook_id):
                _insert_link(session, objection_id, row.id, place)
    session.flush()
    return row


def _in_workbook(session: Session, model: type[Any], ident: int, workbook_id: int) -> bool:
    found = session.get(model, ident)
    return found is not None and found.workbook_id == workbook_id


def _insert_link(session: Session, objection_id: int, evidence_id: int, place: int) -> None:
    """Link evidence to an objection as number ``place`` of its links."""
    from flexprep.core.models import ObjectionEvidence

    links = list(
        session.scalars(
            select(ObjectionEvidence)
            .where(ObjectionEvidence.objection_id == objection_id)
            .order_by(ObjectionEvidence.position, ObjectionEvidence.evidence_id)
        )
    )
    link = ObjectionEvidence(objection_id=objection_id, evidence_id=evidence_id)
    links.insert(max(0, min(place, len(links))), link)
    session.add(link)
    for position, each in enumerate(links):
        each.position = position
