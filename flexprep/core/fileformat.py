"""The workbook file format (docs/design.md, "File format"): strict reading, faithful writing."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from flexprep.core import fields as f
from flexprep.core import validation as v
from flexprep.core.errors import FileFormatError, ValidationError
from flexprep.core.files import atomic_write_bytes

FORMAT = "flexprep.workbook"
#: The version written; every version from 1 up to it is read.
VERSION = 2
#: The largest file read; :func:`write_file` refuses to write more, so every file it
#: writes can be read back.
MAX_FILE_BYTES = 1024 * 1024 * 1024


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
        raise (
            _InvalidError(path, "must be an object")
            if path
            else _InvalidError("", "not a workbook file: the file must hold one JSON object")
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
#: Keys under ``workbook``: the workbook's own fields, then each record's key.
_WORKBOOK_KEYS = {
    **dict.fromkeys(f.WORKBOOK.keys),
    f.ANSWERS.key: None,
    **{record.key: None for record in (*f.ITEMS, *f.PARTS)},
}
#: Keys a ranked item may carry beyond its fields, and what checks them.
_ID = {"id": v.text}


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
    if not 1 <= version <= VERSION:
        raise _InvalidError(
            "version", f"{version} is not supported (this FlexPrep reads versions 1-{VERSION})"
        )
    raw = document["workbook"]
    if version == 1:
        raw = _from_version_1(raw)
    return _validate_workbook(raw)


def _from_version_1(raw: Any) -> Any:
    """A version 1 workbook in version 2 terms, meaning what it meant.

    Version 2 keys are unknown in a version 1 file; the earlier-request date becomes a
    one-date list (null: not answered), next steps become objects, and the request is
    a GB statutory one, the only kind version 1 wrote.
    """
    if not isinstance(raw, dict):
        return raw
    for record in (f.WORKBOOK, *f.ITEMS, *f.PARTS):
        if record.key and all(field.since > 1 for field in record):
            # A part that came with version 2 (who the user is, the trial review).
            if record.key in raw:
                raise _InvalidError(f"workbook.{record.key}", "unknown key in a version 1 file")
        else:
            _refuse_newer_keys(raw, record)
    upgraded = dict(raw)
    request = raw.get("request")
    if isinstance(request, dict):
        _obj(request, "workbook.request", {"proposed_start": None, "previous_request": None})
        request = dict(request)
        if "previous_request" in request:
            day = _field(
                request.pop("previous_request"), "workbook.request.previous_request", v.a_date
            )
            request["previous_requests"] = None if day is None else [day.isoformat()]
        request["jurisdiction"] = "gb"
        upgraded["request"] = request
    meeting = raw.get("meeting")
    if isinstance(meeting, dict) and "next_steps" in meeting:
        steps = _field(meeting["next_steps"], "workbook.meeting.next_steps", v.list_of(v.text))
        upgraded["meeting"] = {**meeting, "next_steps": [{"text": text} for text in steps]}
    return upgraded


def _refuse_newer_keys(raw: dict[str, Any], record: f.Record) -> None:
    newer = {field.key for field in record if field.since > 1}
    if record is f.WORKBOOK:
        items = [("workbook", raw)]
    elif record.key not in raw:
        return
    elif record.many:
        value = raw[record.key]
        items = (
            [
                (f"workbook.{record.key}[{i}]", item)
                for i, item in enumerate(value)
                if isinstance(item, dict)
            ]
            if isinstance(value, list)
            else []
        )
    else:
        value = raw[record.key]
        items = [(f"workbook.{record.key}", value)] if isinstance(value, dict) else []
    for path, item in items:
        for key in item:
            if key in newer:
                raise _InvalidError(_key_path(path, key), "unknown key in a version 1 file")


def _validate_workbook(raw: Any) -> dict[str, Any]:
    _obj(raw, "workbook", _WORKBOOK_KEYS, f.WORKBOOK.required_keys)
    head = {key: raw[key] for key in f.WORKBOOK.keys if key in raw}
    book: dict[str, Any] = _clean_fields(head, "workbook", f.WORKBOOK.spec)
    if not book["name"].strip():
        raise _InvalidError("workbook.name", "must not be empty")
    answers = raw.get(f.ANSWERS.key, {})
    path = f"workbook.{f.ANSWERS.key}"
    _obj(answers, path, f.ANSWERS.spec)
    book[f.ANSWERS.key] = _clean_fields(answers, path, f.ANSWERS.spec)
    ids: set[str] = set()
    for record in f.ITEMS:
        if record is f.OBJECTIONS:
            continue  # after the evidence, whose ids they link to
        book[record.key] = _items(raw, record, ids if record is f.EVIDENCE else None)
    book[f.OBJECTIONS.key] = _objections(raw.get(f.OBJECTIONS.key, []), ids)
    for record in f.PARTS:
        path = f"workbook.{record.key}"
        part = raw.get(record.key, {})
        _obj(part, path, record.spec)
        book[record.key] = _clean_fields(part, path, record.spec)
    return book


def _items(raw: dict[str, Any], record: f.Record, ids: set[str] | None) -> list[dict[str, Any]]:
    """A ranked list; with ``ids`` its items may carry a unique ``id`` (collected there)."""
    spec = {**record.spec, **_ID} if ids is not None else record.spec
    cleaned = []
    for index, item in enumerate(_list(raw.get(record.key, []), f"workbook.{record.key}")):
        path = f"workbook.{record.key}[{index}]"
        _obj(item, path, spec)
        fields = _clean_fields(item, path, spec)
        if ids is not None and "id" in fields:
            if fields["id"] in ids:
                raise _InvalidError(f"{path}.id", f"{json.dumps(fields['id'])} is used twice")
            ids.add(fields["id"])
        cleaned.append(fields)
    return cleaned


def _objections(items: Any, evidence_ids: set[str]) -> list[dict[str, Any]]:
    plain_spec = {**f.OBJECTIONS.spec, **_ID}
    spec = {**plain_spec, "evidence": None, f.REHEARSALS.key: None}
    cleaned = []
    for index, item in enumerate(_list(items, "workbook.objections")):
        path = f"workbook.objections[{index}]"
        _obj(item, path, spec)
        plain = {k: val for k, val in item.items() if k in plain_spec}
        fields = _clean_fields(plain, path, plain_spec)
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
        key = f.REHEARSALS.key
        for n, rehearsal in enumerate(_list(item.get(key, []), f"{path}.{key}")):
            rpath = f"{path}.{key}[{n}]"
            _obj(rehearsal, rpath, f.REHEARSALS.spec, f.REHEARSALS.required_keys)
            rehearsals.append(_clean_fields(rehearsal, rpath, f.REHEARSALS.spec))
        fields[key] = rehearsals
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
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise FileFormatError(f"{path}: not a regular file (a pipe, socket or device)")
        size = info.st_size
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
    # Compact (no indentation): a file is a transfer copy, and the size limit on reading
    # must hold for any workbook the database can hold.
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_file(data: dict[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write a workbook file atomically (temporary file, then rename)."""
    payload = dumps(data).encode("utf-8")
    if len(payload) > MAX_FILE_BYTES:
        raise FileFormatError(
            f"the workbook is too large for a file ({len(payload)} bytes; at most {MAX_FILE_BYTES})"
        )
    return atomic_write_bytes(Path(path), payload)
