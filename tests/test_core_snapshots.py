"""Plain-SQL snapshots read the same values the ORM would."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from flexprep.core import fields as f
from flexprep.core.models import Objection
from flexprep.core.service import WorkbookService


def test_objection_snapshots_match_the_orm_rows(database: Any, full_data: dict) -> None:
    service = WorkbookService(database.factory)
    book = service.import_data(full_data)
    snapshots = service.items(Objection, book.id)
    with service.transaction() as session:
        rows = list(
            session.scalars(
                select(Objection)
                .where(Objection.workbook_id == book.id)
                .options(selectinload(Objection.rehearsals), selectinload(Objection.evidence_links))
                .order_by(Objection.position, Objection.id)
            )
        )
        assert len(snapshots) == len(rows) > 1
        for snap, row in zip(snapshots, rows, strict=True):
            for key in ("id", "position", *f.OBJECTIONS.keys):
                assert getattr(snap, key) == getattr(row, key), key
            got = [(r.id, r.at, r.confidence, r.seconds) for r in snap.rehearsals]
            want = sorted((r.id, r.at, r.confidence, r.seconds) for r in row.rehearsals)
            assert sorted(got) == want
            assert [link.evidence_id for link in snap.evidence_links] == [
                link.evidence_id for link in row.evidence_links
            ]
    assert any(snap.rehearsals for snap in snapshots)
    assert any(snap.evidence_links for snap in snapshots)
