"""The one place that decides what a manager may read.

:func:`manager_view` is an allow-list derived from the field declarations
(:mod:`flexprep.core.fields`): a field reaches a manager-facing document only if it is
declared ``shareable``. A field added later is private until it says otherwise, so it
cannot leak by being forgotten somewhere.
"""

from __future__ import annotations

from typing import Any

from flexprep.core import fields
from flexprep.reports.model import Workbook, normalise


def _shareable_asks(asks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Must-haves first, each group in rank order; the labels themselves stay private.
    ordered = sorted(asks, key=lambda ask: (ask["priority"] != "must", ask["position"]))
    return [fields.shareable_record(fields.ASKS, ask) for ask in ordered]


def _shareable_items(record: fields.Record, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    kept = [item for item in items if record.row_flag is None or item[record.row_flag] is True]
    return [fields.shareable_record(record, item) for item in kept]


def manager_view(wb: dict[str, Any], document: str | None = None) -> Workbook:
    """Return a copy of ``wb`` holding only what may be shown to the manager.

    Built from the fields declared ``shareable`` in :mod:`flexprep.core.fields` and
    nothing else: a record with no shareable field (objections, rehearsals) is left
    out whole, and a row whose ``row_flag`` is not set (an endorsement or trial-log
    entry not marked shareable) is dropped. A field kept for some documents (the
    refusal: the appeal and the follow-up) is included only when ``document`` is one
    of them. Evidence keeps its file-local ``id``; asks come must-haves first without
    saying which are which.
    """
    full = normalise(wb)
    view: Workbook = fields.shareable_record(fields.WORKBOOK, full)
    view[fields.ANSWERS.key] = {
        key: text for key, text in full[fields.ANSWERS.key].items() if fields.ANSWERS[key].shareable
    }
    for record in fields.ITEMS:
        if not record.shareable_keys:
            continue
        if record is fields.ASKS:
            view[record.key] = _shareable_asks(full[record.key])
        else:
            view[record.key] = _shareable_items(record, full[record.key])
    view[fields.EVIDENCE.key] = [
        {"id": item["id"], **shared}
        for item, shared in zip(full[fields.EVIDENCE.key], view[fields.EVIDENCE.key], strict=True)
    ]
    for record in fields.PARTS:
        if record.shareable_keys:
            view[record.key] = fields.shareable_record(record, full[record.key], document)
    return view
