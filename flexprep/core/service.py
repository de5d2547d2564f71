"""The workbook service: every read and write the window and the command line make.

One short transaction per call. Returned ORM objects are detached snapshots
(``expire_on_commit=False``); change data only through the service.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import delete, func, select, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, configure_mappers, sessionmaker

from flexprep.core import fields as f
from flexprep.core import transfer, vocab
from flexprep.core import validation as v
from flexprep.core.errors import DatabaseError, NameTakenError, NotFoundError, ValidationError
from flexprep.core.summaries import WorkbookInfo, free_name, read_workbooks

if TYPE_CHECKING:
    from flexprep.core.models import (
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
        Workbook,
    )

    Row = TypeVar("Row", Ask, Offer, Objection, Endorsement, Evidence, TrialLogEntry)
else:
    Row = TypeVar("Row")

_MODEL_NAMES = (
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


def _load_models() -> None:
    """Import the ORM models on first use.

    Reading workbooks (the window's start) is plain SQL; defining the models costs a
    tenth of a second, so it happens on the first write or in :func:`warm_up`.
    """
    if "Workbook" not in globals():
        from flexprep.core import models

        globals().update({name: getattr(models, name) for name in _MODEL_NAMES})


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


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def warm_up() -> None:
    """Load the models and set up the ORM mapping now (off the GUI thread, after paint)."""
    _load_models()
    configure_mappers()


class WorkbookService:
    """Reads and writes workbooks in one database."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    # -- plumbing ---------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One short transaction; database failures become :class:`DatabaseError`."""
        _load_models()
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
        book.updated_at = _now()

    # -- workbooks --------------------------------------------------------------------

    # Reading workbooks is plain SQL: the window's start needs no ORM mapping set up.

    def list_workbooks(self) -> list[WorkbookInfo]:
        """All workbooks, most recently updated first."""
        with self._reading() as session:
            return read_workbooks(session.connection())

    def workbook(self, workbook_id: int) -> WorkbookInfo:
        """One workbook's own fields."""
        with self._reading() as session:
            found = read_workbooks(session.connection(), workbook_id)
        if not found:
            raise NotFoundError("this workbook no longer exists")
        return found[0]

    def find_workbook(self, name: str) -> Workbook:
        with self.transaction() as session:
            row = session.scalar(select(Workbook).where(Workbook.name == name))
            if row is None:
                raise NotFoundError(f"no workbook named '{name}'")
            return row

    def names(self) -> set[str]:
        with self.transaction() as session:
            return set(session.scalars(select(Workbook.name)))

    def free_name(self, name: str) -> str:
        return free_name(name, self.names())

    @staticmethod
    def _check_name(session: Session, name: str, own_id: int | None = None) -> str:
        name = v.text(name).strip()
        if not name:
            raise ValidationError("name: a workbook needs a name")
        clash = session.scalar(select(Workbook.id).where(Workbook.name == name))
        if clash is not None and clash != own_id:
            raise NameTakenError(f"name: a workbook named '{name}' already exists")
        return name

    def create_workbook(
        self, name: str, scenario: str = "other", manager: str = "", *, drafts: bool = True
    ) -> Workbook:
        """Create a workbook; with ``drafts`` it starts from its scenario's drafts."""
        fields = v.clean(f.WORKBOOK.spec, {"scenario": scenario, "manager": manager})
        with self.transaction() as session:
            book = Workbook(name=self._check_name(session, name), **fields)
            book.plan, book.meeting, book.request = Plan(), Meeting(), FormalRequest()
            session.add(book)
            session.flush()
            if drafts:
                from flexprep.core.drafts import add_drafts

                add_drafts(session, book)
            return book

    def update_workbook(self, workbook_id: int, **fields: Any) -> Workbook:
        """Change name, scenario, manager, notes or walk-away."""
        fields = v.clean(f.WORKBOOK.spec, fields)
        with self.transaction() as session:
            book = self._get(session, Workbook, workbook_id)
            if "name" in fields:
                fields["name"] = self._check_name(session, fields["name"], workbook_id)
            for key, value in fields.items():
                setattr(book, key, value)
            book.updated_at = _now()
            return book  # type: ignore[no-any-return]

    def rename_workbook(self, workbook_id: int, name: str) -> Workbook:
        return self.update_workbook(workbook_id, name=name)

    def delete_workbook(self, workbook_id: int) -> None:
        """Delete a workbook and everything in it."""
        with self.transaction() as session:
            self._get(session, Workbook, workbook_id)
            # The foreign keys cascade (ON DELETE CASCADE, foreign_keys=ON). An ORM
            # delete would race those cascades (evidence removes its links first) and
            # warn about rows already gone.
            session.execute(delete(Workbook).where(Workbook.id == workbook_id))
            session.expunge_all()

    def duplicate_workbook(self, workbook_id: int, name: str | None = None) -> Workbook:
        """Copy a whole workbook under ``name`` (default: a free "Name (2)")."""
        from flexprep.core import fileformat

        exported = self.export_data(workbook_id)
        exported["name"] = name if name is not None else self.free_name(exported["name"])
        # Through the file format, so the copy is exactly what an export would give.
        data = fileformat.validate(
            {"format": fileformat.FORMAT, "version": fileformat.VERSION, "workbook": exported}
        )
        return self.import_data(data, rename_if_taken=name is None)

    # -- file format ------------------------------------------------------------------

    def export_data(self, workbook_id: int) -> dict[str, Any]:
        """The inner ``workbook`` object of the file format for one workbook."""
        with self._reading() as session:
            return transfer.workbook_to_dict(session.connection(), workbook_id)

    def import_data(self, data: dict[str, Any], *, rename_if_taken: bool = True) -> Workbook:
        """Add a workbook from a validated inner ``workbook`` object."""
        # The free name is chosen inside the writing transaction; another process may
        # still take it first (SQLite starts writing only at the first insert), so a
        # clash on the name is retried with the names as they are then.
        for _attempt in range(50):
            try:
                with self.transaction() as session:
                    taken = set(session.scalars(select(Workbook.name)))
                    if data["name"] in taken and not rename_if_taken:
                        raise NameTakenError(
                            f"name: a workbook named '{data['name']}' already exists"
                        )
                    return transfer.dict_to_workbook(session, data, free_name(data["name"], taken))
            except ValidationError as exc:
                if "UNIQUE constraint failed: workbook.name" not in str(exc):
                    raise
        raise DatabaseError("could not find a free name: too many workbooks were added at once")

    # -- self-assessment --------------------------------------------------------------

    def answers(self, workbook_id: int) -> dict[str, str]:
        with self._reading() as session:
            rows = session.execute(
                text("SELECT key, text FROM answer WHERE workbook_id = :w"), {"w": workbook_id}
            )
            return {key: value for key, value in rows}

    def set_answer(self, workbook_id: int, key: str, text: str) -> None:
        v.one_of(vocab.PROMPT_KEYS)(key)
        v.text(text)
        with self.transaction() as session:
            self._touch(session, workbook_id)
            row = session.scalar(
                select(Answer).where(Answer.workbook_id == workbook_id, Answer.key == key)
            )
            if row is None:
                session.add(Answer(workbook_id=workbook_id, key=key, text=text))
            else:
                row.text = text

    # -- ranked items (asks, offers, objections, endorsements, evidence, trial log) -----

    def items(self, model: type[Row], workbook_id: int) -> list[Row]:
        """The items of one kind in rank order (objections with rehearsals and links)."""
        _load_models()
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
        record = f.record_for(model)
        table, ident = record.table, {"i": item_id}
        with self._reading() as session:
            connection = session.connection()
            row = (
                connection.execute(text(f"SELECT * FROM {table} WHERE id = :i"), ident)
                .mappings()
                .first()
            )  # noqa: S608
            if row is None:
                raise NotFoundError(f"this {model.__name__.lower()} no longer exists")
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
        return ItemCopy(model.__name__, item_id, row["workbook_id"], int(index), data)

    def restore_item(self, copy: ItemCopy) -> Any:
        """Put a deleted item back as :meth:`copy_item` saw it: its id, place and children.

        Links to evidence (or objections) deleted since are left out.

        Raises:
            ValidationError: another item has taken its id meanwhile.
        """
        _load_models()
        model = globals()[copy.model]
        record = f.record_for(copy.model)
        values = v.clean(record.spec, {k: copy.data[k] for k in record.keys if k in copy.data})
        rehearsals = [v.clean(f.REHEARSALS.spec, r) for r in copy.data.get(f.REHEARSALS.key, [])]
        with self.transaction() as session:
            self._touch(session, copy.workbook_id)
            if session.get(model, copy.item_id) is not None:
                raise ValidationError(
                    f"this {copy.model.lower()} cannot be put back: "
                    "another item has taken its place"
                )
            row = model(id=copy.item_id, workbook_id=copy.workbook_id, **values)
            siblings = self._siblings(session, model, copy.workbook_id)
            siblings.insert(max(0, min(copy.index, len(siblings))), row)
            session.add(row)
            for position, sibling in enumerate(siblings):
                sibling.position = position
            session.flush()
            if record is f.OBJECTIONS:
                session.add_all(Rehearsal(objection_id=row.id, **r) for r in rehearsals)
                linked = [
                    eid
                    for eid in dict.fromkeys(copy.data.get("evidence", []))
                    if self._in_workbook(session, Evidence, eid, row.workbook_id)
                ]
                session.add_all(
                    ObjectionEvidence(objection_id=row.id, evidence_id=eid, position=place)
                    for place, eid in enumerate(linked)
                )
            elif record is f.EVIDENCE:
                for objection_id, place in copy.data.get("objections", []):
                    if self._in_workbook(session, Objection, objection_id, row.workbook_id):
                        self._insert_link(session, objection_id, row.id, place)
            session.flush()
            return row

    @staticmethod
    def _in_workbook(session: Session, model: type[Any], ident: int, workbook_id: int) -> bool:
        found = session.get(model, ident)
        return found is not None and found.workbook_id == workbook_id

    @staticmethod
    def _insert_link(session: Session, objection_id: int, evidence_id: int, place: int) -> None:
        """Link evidence to an objection as number ``place`` of its links."""
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
            f.REHEARSALS.spec, {"confidence": confidence, "seconds": seconds, "at": at or _now()}
        )
        with self.transaction() as session:
            objection = self._get(session, Objection, objection_id)
            row = Rehearsal(objection_id=objection_id, **fields)
            session.add(row)
            self._touch(session, objection.workbook_id)
            session.flush()
            return row

    # -- one-per-workbook parts (plan, meeting, formal request) --------------------------

    def part(self, model: type[Any], workbook_id: int) -> Any:
        """The plan, meeting or formal request of a workbook (created when missing)."""
        with self.transaction() as session:
            return self._part(session, model, workbook_id)

    def _part(self, session: Session, model: type[Any], workbook_id: int) -> Any:
        row = session.get(model, workbook_id)
        if row is None:
            self._get(session, Workbook, workbook_id)
            row = model(workbook_id=workbook_id)
            session.add(row)
            session.flush()
        return row

    def update_part(self, model: type[Any], workbook_id: int, **fields: Any) -> Any:
        fields = v.clean(f.record_for(model).spec, fields)
        with self.transaction() as session:
            row = self._part(session, model, workbook_id)
            for key, value in fields.items():
                setattr(row, key, value)
            self._touch(session, workbook_id)
            return row

    def count_workbooks(self) -> int:
        with self.transaction() as session:
            return int(session.scalar(select(func.count(Workbook.id))) or 0)
