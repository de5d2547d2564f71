"""A new workbook starts from its scenario's drafts, so that no box starts blank."""

from __future__ import annotations

from sqlalchemy.orm import Session

from flexprep.core import fields
from flexprep.core import validation as v
from flexprep.core.models import Ask, Objection, Workbook


def add_drafts(session: Session, book: Workbook) -> None:
    """Seed a new workbook with its scenario's drafts (marked ``draft``)."""
    from flexprep.core import content

    scenario = content.scenario(book.scenario)
    for position, ask in enumerate(scenario.get("asks", [])):
        checked = v.clean(fields.ASKS.spec, {k: ask[k] for k in fields.ASKS.keys if k in ask})
        session.add(
            Ask(
                workbook_id=book.id,
                position=position,
                draft=True,
                **{k: val for k, val in checked.items() if k != "draft"},
            )
        )
    library = {item["key"]: item for item in content.objection_library()}
    for position, key in enumerate(scenario.get("objections", [])):
        item = library.get(key)
        if item is None:
            continue
        session.add(
            Objection(
                workbook_id=book.id,
                position=position,
                text=item["text"],
                theme=item["theme"],
                likelihood=3,
                response=item["response"],
                origin="library",
                library_key=key,
                draft=True,
            )
        )
    if book.plan is not None:
        book.plan.alternatives = list(scenario.get("alternatives", []))
