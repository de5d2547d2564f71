"""The ranked items of the workbook service, and the plumbing every call shares.

:class:`ItemService` holds the short transactions and the reads and writes of the
ranked items (asks, offers, objections, endorsements, evidence, the trial log) with an
objection's rehearsals and evidence links. :class:`~flexprep.core.service.
WorkbookService` adds the workbooks, their files and their one-per-workbook parts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from flexprep.core import fields as f
from flexprep.core import item_copies, vocab
from flexprep.core import validation as v
from flexprep.core.errors import DatabaseError, NotFoundError, ValidationError
from flexprep.core.item_copies import ItemCopy

if TYPE_CHECKING:
    from flexprep.core.models import (
        Ask,
        Endorsement,
        Evidence,
        Objection,
        ObjectionEvidence,
        Offer,
        Rehearsal,
        TrialLogEntry,
        Workbook,
    )

    Row = TypeVar("Row", Ask, Offer, Objection, Endorsement, Evidence, TrialLogEntry)
else:
    Row = TypeVar("Row")

MODEL_NAMES = (
    "Answer",
    "Ask",
    "Endorsement",
    "Evidence",
    "FormalRequest",
    "Meeting",
    "Objection",
    "ObjectionEvidence",
    "Offer",
    "Plan",
    "Rehearsal",
    "TrialLogEntry",
    "Workbook",
)
#: The module namespaces that get the ORM classes when they are first needed.
NAMESPACES: list[dict[str, Any]] = [globals()]


def load_models() -> None:
    """Import the ORM models on first use.

    Reading workbooks (the window's start) is plain SQL; defining the models costs a
    tenth of a second, so it happens on the first write or in ``warm_up``.
    """
    if all("Workbook" in namespace for namespace in NAMESPACES):
        return
    from flexprep.core import models

    classes = {name: getattr(models, name) for name in MODEL_NAMES}
    for namespace in NAMESPACES:
        namespace.update(classes)


#: Editing any of these makes a draft the user's own.
_CONTENT_FIELDS = {
    "title",
    "details",
    "fallback",
    "text",
    "response",
    "importance",
    "resistance",
    "likelihood",
    "priority",
    "theme",
}


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


class ItemService:
    """Short transactions, and the ranked items of the workbooks in one database."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    # -- plumbing ---------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One short transaction; database failures become :class:`DatabaseError`."""
        load_models()
        with self._reading() as session:
            yield session

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        """A transaction for plain-SQL reads, which need no ORM models."""
        try:
            with self._factory.begin() as session:
                yield session
        except IntegrityError as exc:
            raise ValidationError(f"not saved: {exc.orig}") from exc
        except OperationalError as exc:
            raise DatabaseError(f"could not save: {exc.orig}") from exc

    @staticmethod
    def _get(session: Session, model: type[Any], ident: int) -> Any:
        row = session.get(model, ident)
        if row is None:
            raise NotFoundError(f"this {model.__name__.lower()} no longer exists")
        return row

    @staticmethod
    def _touch(session: Session, workbook_id: int) -> None:
        book = session.get(Workbook, workbook_id)
        if book is None:
            raise NotFoundError("this workbook no longer exists")
        book.updated_at = now()

    # -- ranked items (asks, offers, objections, endorsements, evidence, trial log) -----

    def items(self, model: type[Row], workbook_id: int) -> list[Row]:
        """The items of one kind in rank order (objections with rehearsals and links)."""
        load_models()
        if model is Objection:
            # Plain SQL: thousands of objections and rehearsals load in a blink.
            from flexprep.core import snapshots

            with self._reading() as session:
                return snapshots.objections(  # type: ignore[return-value]
                    session.connection(), workbook_id
                )
        query = select(model).where(model.workbook_id == workbook_id)
        with self.transaction() as session:
            return list(session.scalars(query.order_by(model.position, model.id)))

    def add_item(
        self, model: type[Row], workbook_id: int, index: int | None = None, **fields: Any
    ) -> Row:
        """Add an item at ``index`` in rank order (default: last)."""
        fields = v.clean(f.record_for(model).spec, fields)
        with self.transaction() as session:
            self._touch(session, workbook_id)
            row = model(workbook_id=workbook_id, **fields)
            siblings = self._siblings(session, model, workbook_id)
            siblings.insert(len(siblings) if index is None else max(0, index), row)
            session.add(row)
            for position, sibling in enumerate(siblings):
                sibling.position = position
            session.flush()
            return row

    def update_item(self, model: type[Row], item_id: int, **fields: Any) -> Row:
        fields = v.clean(f.record_for(model).spec, fields)
        with self.transaction() as session:
            row = self._get(session, model, item_id)
            if hasattr(row, "draft") and "draft" not in fields and _CONTENT_FIELDS & set(fields):
                changed = any(getattr(row, key) != value for key, value in fields.items())
                if changed:
                    fields["draft"] = False
            for key, value in fields.items():
                setattr(row, key, value)
            self._touch(session, row.workbook_id)
            return row  # type: ignore[no-any-return]

    def delete_item(self, model: type[Row], item_id: int) -> None:
        with self.transaction() as session:
            row = self._get(session, model, item_id)
            self._touch(session, row.workbook_id)
            session.delete(row)

    def copy_item(self, model: type[Row], item_id: int) -> ItemCopy:
        """Everything of one item (children and links too), for :meth:`restore_item`."""
        with self._reading() as session:
            return item_copies.read(session.connection(), model.__name__, item_id)

    def restore_item(self, copy: ItemCopy) -> Any:
        """Put a deleted item back as :meth:`copy_item` saw it: its id, place and children.

        Links to evidence (or objections) deleted since are left out.

        Raises:
            ValidationError: another item has taken its id meanwhile.
        """
        load_models()
        with self.transaction() as session:
            self._touch(session, copy.workbook_id)
            return item_copies.restore(session, copy)

    def move_item(self, model: type[Row], item_id: int, index: int) -> None:
        """Move an item to ``index`` in the rank order of its kind."""
        with self.transaction() as session:
            row = self._get(session, model, item_id)
            siblings = [s for s in self._siblings(session, model, row.workbook_id) if s is not row]
            siblings.insert(max(0, min(index, len(siblings))), row)
            for position, sibling in enumerate(siblings):
                sibling.position = position
            self._touch(session, row.workbook_id)

    def move_ask(self, ask_id: int, priority: str, index: int) -> None:
        """Put an ask in the ``priority`` column at ``index``; ranks are renumbered."""
        v.one_of(vocab.PRIORITIES)(priority)
        with self.transaction() as session:
            ask = self._get(session, Ask, ask_id)
            siblings = [s for s in self._siblings(session, Ask, ask.workbook_id) if s is not ask]
            column = [s for s in siblings if s.priority == priority]
            column.insert(max(0, min(index, len(column))), ask)
            ask.priority = priority
            musts = [s for s in siblings if s.priority == "must" and s is not ask]
            nices = [s for s in siblings if s.priority == "nice" and s is not ask]
            ordered = column + nices if priority == "must" else musts + column
            for position, sibling in enumerate(ordered):
                sibling.position = position
            self._touch(session, ask.workbook_id)

    @staticmethod
    def _siblings(session: Session, model: type[Row], workbook_id: int) -> list[Row]:
        query = select(model).where(model.workbook_id == workbook_id)
        return list(session.scalars(query.order_by(model.position, model.id)))

    # -- objections: evidence links and rehearsals --------------------------------------

    def set_objection_evidence(self, objection_id: int, evidence_ids: Sequence[int]) -> None:
        """Link exactly these evidence items (in this order) to an objection."""
        with self.transaction() as session:
            objection = self._get(session, Objection, objection_id)
            for evidence_id in evidence_ids:
                item = self._get(session, Evidence, evidence_id)
                if item.workbook_id != objection.workbook_id:
                    raise ValidationError("evidence: belongs to another workbook")
            objection.evidence_links = [
                ObjectionEvidence(evidence_id=eid, position=i)
                for i, eid in enumerate(dict.fromkeys(evidence_ids))
            ]
            self._touch(session, objection.workbook_id)

    def objections_for_evidence(self, evidence_id: int) -> list[Objection]:
        """The objections an evidence item supports."""
        with self.transaction() as session:
            query = (
                select(Objection)
                .join(ObjectionEvidence)
                .where(ObjectionEvidence.evidence_id == evidence_id)
                .order_by(Objection.position)
            )
            return list(session.scalars(query))

    def add_rehearsal(
        self, objection_id: int, confidence: int, seconds: int, at: datetime | None = None
    ) -> Rehearsal:
        fields = v.clean(
            f.REHEARSALS.spec, {"confidence": confidence, "seconds": seconds, "at": at or now()}
        )
        with self.transaction() as session:
            objection = self._get(session, Objection, objection_id)
            row = Rehearsal(objection_id=objection_id, **fields)
            session.add(row)
            self._touch(session, objection.workbook_id)
            session.flush()
            return row
