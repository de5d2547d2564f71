"""The workbook service: every read and write the window and the command line make.

One short transaction per call. Returned ORM objects are detached snapshots
(``expire_on_commit=False``); change data only through the service. The ranked items
and the transactions are in :mod:`flexprep.core.service_items`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session, configure_mappers

from flexprep.core import fields as f
from flexprep.core import service_items, transfer, vocab
from flexprep.core import validation as v
from flexprep.core.errors import DatabaseError, NameTakenError, NotFoundError, ValidationError
from flexprep.core.item_copies import ItemCopy
from flexprep.core.service_items import ItemService, Row, now
from flexprep.core.summaries import WorkbookInfo, free_name, read_workbooks

if TYPE_CHECKING:
    from pathlib import Path

    from flexprep.core.models import Answer, FormalRequest, Meeting, Plan, Workbook

__all__ = ["ItemCopy", "Row", "WorkbookService", "warm_up"]

service_items.NAMESPACES.append(globals())


def _load_models() -> None:
    service_items.load_models()


def warm_up() -> None:
    """Load the models and set up the ORM mapping now (off the GUI thread, after paint)."""
    _load_models()
    configure_mappers()


class WorkbookService(ItemService):
    """Reads and writes workbooks in one database."""

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
            from flexprep.core.sender import carry_over

            carry_over(session, book)  # "Who I am" is asked once
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
            book.updated_at = now()
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

    def part_fields(self, record: f.Record, workbook_id: int) -> dict[str, Any]:
        """A part's fields as the file has them (dates as ISO text), in plain SQL: the
        first tab shows the sender before the ORM models load (after the first paint)."""
        with self._reading() as session:
            return transfer.part_fields(session.connection(), record, workbook_id)

    def export_data(self, workbook_id: int) -> dict[str, Any]:
        """The inner ``workbook`` object of the file format for one workbook."""
        with self._reading() as session:
            return transfer.workbook_to_dict(session.connection(), workbook_id)

    def export_recordings(self, workbook_id: int, db_path: Path, json_path: Path) -> str:
        """Copy the workbook's recordings into the folder beside ``json_path`` (see
        :func:`~flexprep.core.recordings.export_recordings`); one line saying where."""
        from flexprep.core.recordings import export_recordings

        with self._reading() as session:
            return export_recordings(session.connection(), workbook_id, db_path, json_path)

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
