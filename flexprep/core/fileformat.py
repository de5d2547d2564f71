"""The workbook file format, version 1 (DESIGN.md): strict reading, faithful writing."""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from flexprep.core import validation as v
from flexprep.core import vocab
from flexprep.core.errors import FileFormatError, NotFoundError, ValidationError
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

FORMAT = "flexprep.workbook"
VERSION = 1
MAX_FILE_BYTES = 64 * 1024 * 1024

_ITEM_KEYS = {
    "asks": v.ASK,
    "offers": v.OFFER,
    "endorsements": v.ENDORSEMENT,
    "trial_log": v.TRIAL_LOG,
}
_OBJECTION = dict(v.OBJECTION)


class _InvalidError(Exception):
    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}" if path else problem)


def _key_path(path: str, key: str) -> str:
    """``path.key``, or ``path["odd key"]`` for a key that is not a plain word."""
    if key.isidentifier() and key.isascii():
        return f"{path}.{key}" if path else key
    return f"{path}[{json.dumps(key)}]"


def _obj(value: Any, path: str, spec: dict[str, Any], required: tuple[str, ...] = ()) -> None:
    if not isinstance(value, dict):
        raise _InvalidError(path, "must be an object") if path else _InvalidError(
            "", "not a workbook file: the file must hold one JSON object"
        )
    for key in value:
        if key not in spec:
            raise _InvalidError(_key_path(path, key), "unknown key")
    for key in required:
        if key not in value:
            raise _InvalidError(_key_path(path, key), "missing")


def _field(value: Any, path: str, check: Any) -> Any:
    try:
        return check(value)
    except ValidationError as exc:
        raise _InvalidError(f"{path}{exc.where}", str(exc)) from None


def _clean_fields(value: dict[str, Any], path: str, spec: dict[str, Any]) -> dict[str, Any]:
    return {key: _field(item, f"{path}.{key}", spec[key]) for key, item in value.items()}


def _list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise _InvalidError(path, "must be a list")
    return value


_TOP = {"format": None, "version": None, "workbook": None}
_WORKBOOK_KEYS = {
    **{k: None for k in v.WORKBOOK},
    "self_assessment": None, "asks": None, "offers": None, "objections": None,
    "endorsements": None, "evidence": None, "plan": None, "meeting": None,
    "trial_log": None, "request": None,
}


def validate(document: Any) -> dict[str, Any]:
    """Check a parsed file strictly; return the clean inner workbook (Python values).

    Raises:
        FileFormatError: one line naming the JSON path and the problem.
    """
    try:
        return _validate(document)
    except _InvalidError as exc:
        raise FileFormatError(str(exc)) from None


def _validate(document: Any) -> dict[str, Any]:
    _obj(document, "", _TOP, ("format", "version", "workbook"))
    if document["format"] != FORMAT:
        raise _InvalidError("format", f"must be '{FORMAT}' (this is not a FlexPrep workbook file)")
    version = document["version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise _InvalidError("version", "must be a whole number")
    if version != VERSION:
        raise _InvalidError(
            "version", f"{version} is not supported (this FlexPrep reads version 1)"
        )
    raw = document["workbook"]
    _obj(raw, "workbook", _WORKBOOK_KEYS, ("name",))
    head = {k: raw[k] for k in v.WORKBOOK if k in raw}
    book: dict[str, Any] = _clean_fields(head, "workbook", v.WORKBOOK)
    if not book["name"].strip():
        raise _InvalidError("workbook.name", "must not be empty")
    answers = raw.get("self_assessment", {})
    _obj(answers, "workbook.self_assessment", {k: None for k in vocab.PROMPT_KEYS})
    book["self_assessment"] = _clean_fields(
        answers, "workbook.self_assessment", dict.fromkeys(vocab.PROMPT_KEYS, v.text)
    )
    for key, spec in _ITEM_KEYS.items():
        items = _list(raw.get(key, []), f"workbook.{key}")
        cleaned = []
        for index, item in enumerate(items):
            path = f"workbook.{key}[{index}]"
            _obj(item, path, spec)
            cleaned.append(_clean_fields(item, path, spec))
        book[key] = cleaned
    book["evidence"], ids = _evidence(raw.get("evidence", []))
    book["objections"] = _objections(raw.get("objections", []), ids)
    for key, spec in (("plan", v.PLAN), ("meeting", v.MEETING), ("request", v.REQUEST)):
        part = raw.get(key, {})
        _obj(part, f"workbook.{key}", spec)
        book[key] = _clean_fields(part, f"workbook.{key}", spec)
    return book


def _evidence(items: Any) -> tuple[list[dict[str, Any]], set[str]]:
    spec = {**v.EVIDENCE, "id": v.text}
    cleaned, ids = [], set()
    for index, item in enumerate(_list(items, "workbook.evidence")):
        path = f"workbook.evidence[{index}]"
        _obj(item, path, spec)
        fields = _clean_fields(item, path, spec)
        if "id" in fields:
            if fields["id"] in ids:
                raise _InvalidError(f"{path}.id", f"{json.dumps(fields['id'])} is used twice")
            ids.add(fields["id"])
        cleaned.append(fields)
    return cleaned, ids


def _objections(items: Any, evidence_ids: set[str]) -> list[dict[str, Any]]:
    spec = {**_OBJECTION, "id": v.text, "evidence": None, "rehearsals": None}
    cleaned = []
    for index, item in enumerate(_list(items, "workbook.objections")):
        path = f"workbook.objections[{index}]"
        _obj(item, path, spec)
        plain = {k: val for k, val in item.items() if k not in ("evidence", "rehearsals")}
        fields = _clean_fields(plain, path, {**_OBJECTION, "id": v.text})
        links = []
        for n, ref in enumerate(_list(item.get("evidence", []), f"{path}.evidence")):
            if not isinstance(ref, str):
                raise _InvalidError(f"{path}.evidence[{n}]", "must be an evidence id (text)")
            if ref not in evidence_ids:
                raise _InvalidError(
                    f"{path}.evidence[{n}]", f"no evidence has the id {json.dumps(ref)}"
                )
            if ref not in links:
                links.append(ref)
        fields["evidence"] = links
        rehearsals = []
        for n, rehearsal in enumerate(_list(item.get("rehearsals", []), f"{path}.rehearsals")):
            rpath = f"{path}.rehearsals[{n}]"
            _obj(rehearsal, rpath, v.REHEARSAL, ("at", "confidence"))
            rehearsals.append(_clean_fields(rehearsal, rpath, v.REHEARSAL))
        fields["rehearsals"] = rehearsals
        cleaned.append(fields)
    return cleaned


def parse_bytes(raw: bytes) -> dict[str, Any]:
    """Decode, parse and validate the bytes of a workbook file."""
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileFormatError(
            f"not a workbook file: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset "
            f"{exc.start})"
        ) from None
    try:
        document = json.loads(
            decoded, parse_constant=_reject_constant, object_pairs_hook=_no_repeated_keys
        )
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            f"not a workbook file: not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None
    except ValueError:
        # Python refuses integers of more than 4,300 digits.
        raise FileFormatError("not a workbook file: a number has too many digits") from None
    except RecursionError:
        raise FileFormatError("not a workbook file: nested too deeply") from None
    return validate(document)


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise FileFormatError(
                    f"not a workbook file: the key {json.dumps(key)} appears twice in one object"
                )
            seen.add(key)
    return result


def _reject_constant(name: str) -> Any:
    raise FileFormatError(f"not a workbook file: {name} is not a valid JSON number")


def read_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read and validate a workbook file; the clean inner workbook."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileFormatError(f"{path.name}: too large for a workbook file ({size} bytes)")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FileFormatError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise FileFormatError(f"{path}: is a folder, not a file") from None
    except PermissionError:
        raise FileFormatError(f"{path}: permission denied") from None
    return parse_bytes(raw)


def dumps(data: dict[str, Any]) -> str:
    """The text of a workbook file for an inner workbook object."""
    document = {"format": FORMAT, "version": VERSION, "workbook": data}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_file(data: dict[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write a workbook file atomically (temporary file, then rename)."""
    return atomic_write_bytes(Path(path), dumps(data).encode("utf-8"))


def atomic_write_bytes(path: Path, payload: bytes) -> Path:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotFoundError(f"the folder {folder} does not exist")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


# -- database <-> dict --------------------------------------------------------------------


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def workbook_to_dict(session: Session, workbook_id: int) -> dict[str, Any]:
    """Everything of one workbook as the inner object of the file format."""
    book = session.get(Workbook, workbook_id, options=[
        selectinload(Workbook.objections).selectinload(Objection.rehearsals),
        selectinload(Workbook.objections).selectinload(Objection.evidence_links),
        selectinload(Workbook.answers), selectinload(Workbook.asks),
        selectinload(Workbook.offers), selectinload(Workbook.endorsements),
        selectinload(Workbook.evidence), selectinload(Workbook.trial_log),
    ])
    if book is None:
        raise NotFoundError("this workbook no longer exists")
    answers = {a.key: a.text for a in book.answers}
    evidence_ids = {item.id: f"e{n}" for n, item in enumerate(book.evidence, 1)}
    plan = book.plan or Plan()
    meeting = book.meeting or Meeting()
    request = book.request or FormalRequest()
    return {
        "name": book.name,
        "scenario": book.scenario,
        "manager": book.manager,
        "notes": book.notes,
        "self_assessment": {k: answers[k] for k in vocab.PROMPT_KEYS if k in answers},
        "asks": [
            {"title": a.title, "details": a.details, "priority": a.priority,
             "fallback": a.fallback, "importance": a.importance, "resistance": a.resistance,
             "draft": a.draft}
            for a in book.asks
        ],
        "offers": [{"title": o.title, "details": o.details} for o in book.offers],
        "walk_away": book.walk_away,
        "objections": [
            {"id": f"o{n}", "text": o.text, "theme": o.theme, "likelihood": o.likelihood,
             "draft": o.draft, "origin": o.origin,
             **({"library_key": o.library_key} if o.library_key is not None else {}),
             "response": o.response,
             "evidence": [evidence_ids[link.evidence_id] for link in o.evidence_links],
             "rehearsals": [
                 {"at": _iso(r.at), "confidence": r.confidence, "seconds": r.seconds}
                 for r in sorted(o.rehearsals, key=lambda r: (r.at, r.id))
             ]}
            for n, o in enumerate(book.objections, 1)
        ],
        "endorsements": [
            {"author": e.author, "relationship": e.relationship, "date": _iso(e.date),
             "quote": e.quote, "speaks_to": list(e.speaks_to or []), "shareable": e.shareable}
            for e in book.endorsements
        ],
        "evidence": [
            {"id": evidence_ids[e.id], "kind": e.kind, "title": e.title, "details": e.details,
             "source": e.source, "unit": e.unit, "before": _num(e.before),
             "before_label": e.before_label, "after": _num(e.after),
             "after_label": e.after_label, "higher_is_better": e.higher_is_better}
            for e in book.evidence
        ],
        "plan": {
            "schedule": {d: dict(plan.schedule[d]) for d in vocab.WEEKDAYS
                         if d in (plan.schedule or {})},
            "trial_weeks": plan.trial_weeks, "trial_start": _iso(plan.trial_start),
            "checkin": plan.checkin, "success_measures": list(plan.success_measures or []),
            "coverage": plan.coverage, "communication": plan.communication,
            "core_hours": plan.core_hours, "response_time": plan.response_time,
            "escalation": plan.escalation, "alternatives": list(plan.alternatives or []),
            "review_date": _iso(plan.review_date),
        },
        "meeting": {
            "at": _iso(meeting.at), "timing_notes": meeting.timing_notes,
            "timing_checks": list(meeting.timing_checks or []),
            "talking_points": list(meeting.talking_points or []), "notes": meeting.notes,
            "outcome": meeting.outcome, "next_steps": list(meeting.next_steps or []),
        },
        "trial_log": [{"date": _iso(t.date), "text": t.text} for t in book.trial_log],
        "request": {"proposed_start": _iso(request.proposed_start),
                    "previous_request": _iso(request.previous_request)},
    }


def dict_to_workbook(session: Session, data: dict[str, Any], name: str) -> Workbook:
    """Add a validated inner workbook object to the database under ``name``.

    Rows go in as bulk inserts (thousands of rehearsals import in well under a
    second). The returned workbook carries its columns, not its collections.
    """
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
    if rows:
        session.execute(insert(model), rows)


def _ids_in_rank_order(session: Session, model: Any, workbook_id: int) -> list[int]:
    query = select(model.id).where(model.workbook_id == workbook_id).order_by(model.position)
    return list(session.scalars(query))
