"""Moving a workbook between the database and the file format's dict.

Reading is plain SQL over a connection, so that ``flexprep export`` needs neither the
ORM models nor a session (start-up time); writing uses the models' bulk inserts.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text

from flexprep.core import vocab
from flexprep.core.errors import NotFoundError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from flexprep.core.models import Workbook


def _iso_date(value: str | None) -> str | None:
    return None if value is None else str(value)[:10]


def _iso_datetime(value: str | None) -> str | None:
    # Stored as "YYYY-MM-DD HH:MM:SS.ffffff"; the file carries whole seconds with a "T".
    return None if value is None else str(value)[:19].replace(" ", "T")


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    value = float(value)
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _json(value: str | None, empty: Any) -> Any:
    return empty if value is None else json.loads(value)


def _rows(connection: Connection, sql: str, **params: Any) -> list[Any]:
    return list(connection.execute(text(sql), params).mappings())


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
        return _rows(connection, f"SELECT * FROM {table} WHERE workbook_id = :w "  # noqa: S608
                     "ORDER BY position, id", w=workbook_id)

    def single(table: str) -> dict[str, Any]:
        found = _rows(connection, f"SELECT * FROM {table} WHERE workbook_id = :w",  # noqa: S608
                      w=workbook_id)
        return dict(found[0]) if found else {}

    answers = {r["key"]: r["text"] for r in _rows(
        connection, "SELECT key, text FROM answer WHERE workbook_id = :w", w=workbook_id)}
    evidence = ranked("evidence")
    evidence_ids = {item["id"]: f"e{n}" for n, item in enumerate(evidence, 1)}
    objections = ranked("objection")
    links: dict[int, list[str]] = {}
    for row in _rows(connection, "SELECT l.objection_id, l.evidence_id FROM objection_evidence l "
                     "JOIN objection o ON o.id = l.objection_id WHERE o.workbook_id = :w "
                     "ORDER BY l.position, l.evidence_id", w=workbook_id):
        links.setdefault(row["objection_id"], []).append(evidence_ids[row["evidence_id"]])
    rehearsals: dict[int, list[dict[str, Any]]] = {}
    for row in _rows(connection, "SELECT r.objection_id, r.at, r.confidence, r.seconds "
                     "FROM rehearsal r JOIN objection o ON o.id = r.objection_id "
                     "WHERE o.workbook_id = :w ORDER BY r.at, r.id", w=workbook_id):
        rehearsals.setdefault(row["objection_id"], []).append(
            {"at": _iso_datetime(row["at"]), "confidence": row["confidence"],
             "seconds": row["seconds"]})
    plan, meeting, request = single("plan"), single("meeting"), single("formal_request")
    schedule = _json(plan.get("schedule"), {})
    return {
        "name": book["name"],
        "scenario": book["scenario"],
        "manager": book["manager"],
        "notes": book["notes"],
        "self_assessment": {k: answers[k] for k in vocab.PROMPT_KEYS if k in answers},
        "asks": [
            {"title": a["title"], "details": a["details"], "priority": a["priority"],
             "fallback": a["fallback"], "importance": a["importance"],
             "resistance": a["resistance"], "draft": bool(a["draft"])}
            for a in ranked("ask")
        ],
        "offers": [{"title": o["title"], "details": o["details"]} for o in ranked("offer")],
        "walk_away": book["walk_away"],
        "objections": [
            {"id": f"o{n}", "text": o["text"], "theme": o["theme"],
             "likelihood": o["likelihood"], "draft": bool(o["draft"]), "origin": o["origin"],
             **({"library_key": o["library_key"]} if o["library_key"] is not None else {}),
             "response": o["response"],
             "evidence": links.get(o["id"], []),
             "rehearsals": rehearsals.get(o["id"], [])}
            for n, o in enumerate(objections, 1)
        ],
        "endorsements": [
            {"author": e["author"], "relationship": e["relationship"],
             "date": _iso_date(e["date"]), "quote": e["quote"],
             "speaks_to": _json(e["speaks_to"], []), "shareable": bool(e["shareable"])}
            for e in ranked("endorsement")
        ],
        "evidence": [
            {"id": evidence_ids[e["id"]], "kind": e["kind"], "title": e["title"],
             "details": e["details"], "source": e["source"], "unit": e["unit"],
             "before": _num(e["before"]), "before_label": e["before_label"],
             "after": _num(e["after"]), "after_label": e["after_label"],
             "higher_is_better": bool(e["higher_is_better"])}
            for e in evidence
        ],
        "plan": {
            "schedule": {d: dict(schedule[d]) for d in vocab.WEEKDAYS if d in schedule},
            "trial_weeks": plan.get("trial_weeks"),
            "trial_start": _iso_date(plan.get("trial_start")),
            "checkin": plan.get("checkin"),
            "success_measures": _json(plan.get("success_measures"), []),
            "coverage": plan.get("coverage") or "",
            "communication": plan.get("communication") or "",
            "core_hours": plan.get("core_hours") or "",
            "response_time": plan.get("response_time") or "",
            "escalation": plan.get("escalation") or "",
            "alternatives": _json(plan.get("alternatives"), []),
            "review_date": _iso_date(plan.get("review_date")),
        },
        "meeting": {
            "at": _iso_datetime(meeting.get("at")),
            "timing_notes": meeting.get("timing_notes") or "",
            "timing_checks": _json(meeting.get("timing_checks"), []),
            "talking_points": _json(meeting.get("talking_points"), []),
            "notes": meeting.get("notes") or "",
            "outcome": meeting.get("outcome") or "pending",
            "next_steps": _json(meeting.get("next_steps"), []),
        },
        "trial_log": [{"date": _iso_date(t["date"]), "text": t["text"]}
                      for t in ranked("trial_log")],
        "request": {"proposed_start": _iso_date(request.get("proposed_start")),
                    "previous_request": _iso_date(request.get("previous_request"))},
    }


def dict_to_workbook(session: Session, data: dict[str, Any], name: str) -> Workbook:
    """Add a validated inner workbook object to the database under ``name``.

    Rows go in as bulk inserts (thousands of rehearsals import in well under a
    second). The returned workbook carries its columns, not its collections.
    """
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

    book = Workbook(name=name, **{k: data[k] for k in ("scenario", "manager", "notes",
                                                          "walk_away") if k in data})
    book.plan = Plan(**data.get("plan", {}))
    book.meeting = Meeting(**data.get("meeting", {}))
    book.request = FormalRequest(**data.get("request", {}))
    session.add(book)
    session.flush()
    owner = {"workbook_id": book.id}

    def ranked(key: str, drop: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        return [
            {**owner, "position": n, **{k: val for k, val in item.items() if k not in drop}}
            for n, item in enumerate(data.get(key, []))
        ]

    _insert(session, Answer, [{**owner, "key": k, "text": t}
                              for k, t in data.get("self_assessment", {}).items()])
    _insert(session, Ask, ranked("asks"))
    _insert(session, Offer, ranked("offers"))
    _insert(session, Endorsement, ranked("endorsements"))
    _insert(session, TrialLogEntry, ranked("trial_log"))
    _insert(session, Evidence, ranked("evidence", ("id",)))
    _insert(session, Objection, ranked("objections", ("id", "evidence", "rehearsals")))
    evidence_rows = _ids_in_rank_order(session, Evidence, book.id)
    evidence_by_id = {
        item["id"]: row for item, row in zip(data.get("evidence", []), evidence_rows,
                                             strict=True) if "id" in item
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
