"""The core half of undo, without Qt: a deleted item is put back whole.

``WorkbookService.copy_item`` keeps everything of an item before it is deleted and
``restore_item`` puts it back with its id, its place, and (for an objection) its
rehearsals and evidence links, or (for evidence) the links objections had to it.
"""

from __future__ import annotations

from typing import Any

import pytest

from flexprep.core.errors import ValidationError
from flexprep.core.models import (
    Ask,
    Endorsement,
    Evidence,
    Objection,
    Offer,
    TrialLogEntry,
)
from flexprep.core.service import WorkbookService

KINDS = [Ask, Offer, Objection, Endorsement, Evidence, TrialLogEntry]


@pytest.fixture
def full_book(service: WorkbookService, full_data: dict[str, Any]) -> int:
    """The workbook that sets every field (rehearsals and links included); its id."""
    return int(service.import_data(full_data).id)


@pytest.mark.parametrize("model", KINDS, ids=lambda m: m.__name__)
def test_every_item_comes_back_whole_and_in_place(
    service: WorkbookService, full_book: int, model: type[Any]
) -> None:
    before = service.export_data(full_book)
    ids = [item.id for item in service.items(model, full_book)]
    assert ids, f"the full workbook has no {model.__name__}"
    for place, item_id in enumerate(ids):
        copy = service.copy_item(model, item_id)
        assert (copy.item_id, copy.workbook_id, copy.index) == (item_id, full_book, place)
        service.delete_item(model, item_id)
        assert service.export_data(full_book) != before
        restored = service.restore_item(copy)
        assert restored.id == item_id
        assert service.export_data(full_book) == before


def test_an_objection_brings_back_its_rehearsals_and_evidence(
    service: WorkbookService, full_book: int
) -> None:
    objection = next(
        o for o in service.items(Objection, full_book) if o.rehearsals and o.evidence_links
    )
    rehearsals = sorted((r.at, r.confidence, r.seconds) for r in objection.rehearsals)
    links = [link.evidence_id for link in objection.evidence_links]
    copy = service.copy_item(Objection, objection.id)
    service.delete_item(Objection, objection.id)
    # Undone, redone and undone again: the same every time.
    for _ in range(2):
        service.restore_item(copy)
        back = next(o for o in service.items(Objection, full_book) if o.id == objection.id)
        assert sorted((r.at, r.confidence, r.seconds) for r in back.rehearsals) == rehearsals
        assert [link.evidence_id for link in back.evidence_links] == links
        copy = service.copy_item(Objection, objection.id)
        service.delete_item(Objection, objection.id)


def test_evidence_comes_back_into_the_links_it_had(service: WorkbookService) -> None:
    book = service.create_workbook("Links", drafts=False).id
    first, middle, last = (service.add_item(Evidence, book, title=t).id for t in "abc")
    objection = service.add_item(Objection, book, text="Who covers the phones?").id
    service.set_objection_evidence(objection, [first, middle, last])
    copy = service.copy_item(Evidence, middle)
    assert copy.data["objections"] == [(objection, 1)]
    service.delete_item(Evidence, middle)
    links = service.items(Objection, book)[0].evidence_links
    assert [link.evidence_id for link in links] == [first, last]
    service.restore_item(copy)
    links = service.items(Objection, book)[0].evidence_links
    assert [link.evidence_id for link in links] == [first, middle, last]
    assert [e.title for e in service.items(Evidence, book)] == ["a", "b", "c"]


def test_links_to_items_deleted_since_are_left_out(service: WorkbookService) -> None:
    book = service.create_workbook("Gone", drafts=False).id
    kept, gone = (service.add_item(Evidence, book, title=t).id for t in ("kept", "gone"))
    objection = service.add_item(Objection, book, text="Fairness").id
    service.set_objection_evidence(objection, [gone, kept])
    copy = service.copy_item(Objection, objection)
    service.delete_item(Objection, objection)
    service.delete_item(Evidence, gone)
    service.restore_item(copy)
    links = service.items(Objection, book)[0].evidence_links
    assert [link.evidence_id for link in links] == [kept]


def test_an_id_taken_meanwhile_is_refused_and_nothing_is_written(service: WorkbookService) -> None:
    book = service.create_workbook("Taken", drafts=False).id
    ask = service.add_item(Ask, book, title="Leave at 13:00").id
    copy = service.copy_item(Ask, ask)
    service.delete_item(Ask, ask)
    # SQLite gives the freed id to the next new row.
    assert service.add_item(Ask, book, title="Someone else").id == ask
    with pytest.raises(ValidationError, match="cannot be put back"):
        service.restore_item(copy)
    assert [a.title for a in service.items(Ask, book)] == ["Someone else"]


def test_an_ask_returns_to_its_column_and_rank(service: WorkbookService) -> None:
    book = service.create_workbook("Columns", drafts=False).id
    for title, priority in (("m1", "must"), ("m2", "must"), ("n1", "nice"), ("n2", "nice")):
        service.add_item(Ask, book, title=title, priority=priority)
    service.move_ask(service.items(Ask, book)[3].id, "must", 0)  # n2 first of the musts
    order = [(a.priority, a.title) for a in service.items(Ask, book)]
    assert order == [("must", "n2"), ("must", "m1"), ("must", "m2"), ("nice", "n1")]
    m1 = service.items(Ask, book)[1]
    copy = service.copy_item(Ask, m1.id)
    service.delete_item(Ask, m1.id)
    service.restore_item(copy)
    assert [(a.priority, a.title) for a in service.items(Ask, book)] == order
