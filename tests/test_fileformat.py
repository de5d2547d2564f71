"""File format v1: strict import, one line naming the JSON path and the problem."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import FULL_WORKBOOK, SAMPLE_WORKBOOK
from sqlalchemy import func, select

from flexprep.core import fileformat
from flexprep.core.errors import FileFormatError
from flexprep.core.models import Base
from flexprep.core.service import WorkbookService

DELETE = object()
FULL = json.loads(FULL_WORKBOOK.read_text(encoding="utf-8"))
W = "workbook"

# (where in the document, new value or DELETE, the whole expected message)
BAD_VALUES: list[tuple[tuple[Any, ...], Any, str]] = [
    (("format",), DELETE, "format: missing"),
    (
        ("format",),
        "flexprep.notes",
        "format: must be 'flexprep.workbook' (this is not a FlexPrep workbook file)",
    ),
    (("version",), "1", "version: must be a whole number"),
    (("version",), 3, "version: 3 is not supported (this FlexPrep reads versions 1-2)"),
    (("version",), 0, "version: 0 is not supported (this FlexPrep reads versions 1-2)"),
    (("comment",), "hi", "comment: unknown key"),
    ((W,), [], "workbook: must be an object"),
    ((W, "name"), DELETE, "workbook.name: missing"),
    ((W, "name"), "  ", "workbook.name: must not be empty"),
    ((W, "name"), 5, "workbook.name: must be text"),
    ((W, "name"), "bad \ud800 text", "workbook.name: must be text without unpaired surrogates"),
    ((W, "colour"), "red", "workbook.colour: unknown key"),
    ((W, "two words"), 1, 'workbook["two words"]: unknown key'),
    ((W, "line\nbreak"), 1, 'workbook["line\\nbreak"]: unknown key'),
    (
        (W, "scenario"),
        "moonlighting",
        "workbook.scenario: must be one of remote_hybrid, "
        "flexible_hours, compressed_week, job_share, education, permanent_policy, other",
    ),
    ((W, "manager"), None, "workbook.manager: must be text"),
    ((W, "self_assessment", "mood"), "fine", "workbook.self_assessment.mood: unknown key"),
    ((W, "self_assessment", "goals"), 3, "workbook.self_assessment.goals: must be text"),
    ((W, "self_assessment"), "all good", "workbook.self_assessment: must be an object"),
    ((W, "asks"), {}, "workbook.asks: must be a list"),
    ((W, "asks", 2, "importance"), 6, "workbook.asks[2].importance: must be 1-5"),
    ((W, "asks", 0, "importance"), 4.0, "workbook.asks[0].importance: must be a whole number 1-5"),
    ((W, "asks", 0, "resistance"), True, "workbook.asks[0].resistance: must be a whole number 1-5"),
    ((W, "asks", 1, "priority"), "urgent", "workbook.asks[1].priority: must be one of must, nice"),
    ((W, "asks", 0, "draft"), "yes", "workbook.asks[0].draft: must be true or false"),
    ((W, "asks", 0, "id"), "a1", "workbook.asks[0].id: unknown key"),
    ((W, "asks", 0), "an ask", "workbook.asks[0]: must be an object"),
    ((W, "offers", 1, "title"), None, "workbook.offers[1].title: must be text"),
    ((W, "objections", 0, "likelihood"), 0, "workbook.objections[0].likelihood: must be 1-5"),
    (
        (W, "objections", 1, "theme"),
        "weather",
        "workbook.objections[1].theme: must be one of "
        "visibility, responsiveness, collaboration, coverage, performance, fairness, policy, "
        "clients, security, cost, other",
    ),
    ((W, "objections", 0, "library_key"), 5, "workbook.objections[0].library_key: must be text"),
    (
        (W, "objections", 0, "origin"),
        "ai",
        "workbook.objections[0].origin: must be one of library, user",
    ),
    (
        (W, "objections", 0, "evidence", 1),
        "e9",
        'workbook.objections[0].evidence[1]: no evidence has the id "e9"',
    ),
    (
        (W, "objections", 0, "evidence", 0),
        1,
        "workbook.objections[0].evidence[0]: must be an evidence id (text)",
    ),
    ((W, "objections", 0, "evidence"), "e1", "workbook.objections[0].evidence: must be a list"),
    (
        (W, "objections", 0, "rehearsals", 1, "confidence"),
        0,
        "workbook.objections[0].rehearsals[1].confidence: must be 1-5",
    ),
    (
        (W, "objections", 0, "rehearsals", 0, "at"),
        DELETE,
        "workbook.objections[0].rehearsals[0].at: missing",
    ),
    (
        (W, "objections", 0, "rehearsals", 0, "at"),
        "2026-11-20 19:05:00",
        "workbook.objections[0].rehearsals[0].at: must be a date and time YYYY-MM-DDTHH:MM:SS",
    ),
    (
        (W, "objections", 0, "rehearsals", 0, "at"),
        "2026-11-20T19:05:00+01:00",
        "workbook.objections[0].rehearsals[0].at: must be a date and time YYYY-MM-DDTHH:MM:SS",
    ),
    (
        (W, "objections", 0, "rehearsals", 0, "at"),
        "2026-11-20T19:05:00.5",
        "workbook.objections[0].rehearsals[0].at: must be a date and time YYYY-MM-DDTHH:MM:SS",
    ),
    (
        (W, "objections", 2, "rehearsals", 0, "seconds"),
        -1,
        "workbook.objections[2].rehearsals[0].seconds: must not be negative",
    ),
    (
        (W, "endorsements", 0, "date"),
        "2026-02-30",
        "workbook.endorsements[0].date: must be a date YYYY-MM-DD",
    ),
    (
        (W, "endorsements", 0, "date"),
        "2026-W47-5",
        "workbook.endorsements[0].date: must be a date YYYY-MM-DD",
    ),
    (
        (W, "endorsements", 0, "date"),
        "20261002",
        "workbook.endorsements[0].date: must be a date YYYY-MM-DD",
    ),
    (
        (W, "endorsements", 0, "speaks_to", 1),
        "charm",
        "workbook.endorsements[0].speaks_to[1]: must be one of reliability, communication, "
        "adaptability, quality, other",
    ),
    (
        (W, "endorsements", 0, "speaks_to", 1),
        "reliability",
        "workbook.endorsements[0].speaks_to[1]: repeats an earlier entry",
    ),
    (
        (W, "endorsements", 1, "shareable"),
        1,
        "workbook.endorsements[1].shareable: must be true or false",
    ),
    (
        (W, "endorsements", 0, "relationship"),
        "boss",
        "workbook.endorsements[0].relationship: "
        "must be one of mentor, peer, client, manager, other",
    ),
    (
        (W, "evidence", 0, "kind"),
        "rumour",
        "workbook.evidence[0].kind: must be one of metric, achievement, research, precedent",
    ),
    ((W, "evidence", 0, "before"), "86", "workbook.evidence[0].before: must be a number"),
    (
        (W, "evidence", 0, "after"),
        2**53 + 1,
        "workbook.evidence[0].after: must be a number of reasonable size (at most 2^53)",
    ),
    ((W, "evidence", 1, "id"), "e1", 'workbook.evidence[1].id: "e1" is used twice'),
    (
        (W, "evidence", 1, "higher_is_better"),
        None,
        "workbook.evidence[1].higher_is_better: must be true or false",
    ),
    (
        (W, "plan", "schedule", "tue", "where"),
        "moon",
        "workbook.plan.schedule.tue.where: must be one of office, remote, off, flexible",
    ),
    (
        (W, "plan", "schedule", "funday"),
        {"where": "off"},
        "workbook.plan.schedule.funday: unknown key (weekdays are mon-sun)",
    ),
    ((W, "plan", "schedule", "mon", "hours"), 9, "workbook.plan.schedule.mon.hours: must be text"),
    ((W, "plan", "schedule", "mon", "where"), DELETE, "workbook.plan.schedule.mon.where: missing"),
    (
        (W, "plan", "schedule", "mon", "lunch"),
        "12:00",
        "workbook.plan.schedule.mon.lunch: unknown key",
    ),
    ((W, "plan", "trial_weeks"), 0, "workbook.plan.trial_weeks: must be 1-104 weeks"),
    ((W, "plan", "trial_weeks"), 10**30, "workbook.plan.trial_weeks: must be 1-104 weeks"),
    (
        (W, "plan", "checkin"),
        "daily",
        "workbook.plan.checkin: must be one of weekly, biweekly, monthly",
    ),
    (
        (W, "plan", "alternatives", 1),
        "compressed_week",
        "workbook.plan.alternatives[1]: repeats an earlier entry",
    ),
    (
        (W, "plan", "success_measures", 0),
        ["nested"],
        "workbook.plan.success_measures[0]: must be text",
    ),
    (
        (W, "meeting", "outcome"),
        "won",
        "workbook.meeting.outcome: must be one of pending, agreed, trial, declined, deferred",
    ),
    (
        (W, "meeting", "at"),
        "2026-12-03",
        "workbook.meeting.at: must be a date and time YYYY-MM-DDTHH:MM:SS",
    ),
    ((W, "meeting", "agenda"), [], "workbook.meeting.agenda: unknown key"),
    (
        (W, "trial_log", 1, "date"),
        "yesterday",
        "workbook.trial_log[1].date: must be a date YYYY-MM-DD",
    ),
    (
        (W, "request", "previous_requests"),
        ["2026-13-01"],
        "workbook.request.previous_requests[0]: must be a date YYYY-MM-DD",
    ),
    (
        (W, "request", "previous_requests"),
        "2026-01-01",
        "workbook.request.previous_requests: must be a list",
    ),
    ((W, "request", "permanent"), "yes", "workbook.request.permanent: must be true or false"),
    (
        (W, "request", "jurisdiction"),
        "uk",
        "workbook.request.jurisdiction: must be one of gb, ni, ie, au, nz, other",
    ),
    (
        (W, "meeting", "next_steps"),
        ["call HR"],
        "workbook.meeting.next_steps[0]: must be an object with a text",
    ),
    (
        (W, "meeting", "next_steps"),
        [{"owner": "me"}],
        "workbook.meeting.next_steps[0].text: missing",
    ),
    (
        (W, "meeting", "refusal"),
        {"grounds": ["extra costs"]},
        "workbook.meeting.refusal.grounds[0]: must be a key such as extra_costs",
    ),
    ((W, "about", "email"), 5, "workbook.about.email: must be text"),
    (
        (W, "asks", 0, "outcome"),
        "maybe",
        "workbook.asks[0].outcome: must be one of open, agreed, changed, declined",
    ),
    ((W, "request"), [], "workbook.request: must be an object"),
]


def mutate(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    document = copy.deepcopy(FULL)
    target = document
    for step in path[:-1]:
        target = target[step]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return document


def _case_id(case: tuple[tuple[Any, ...], Any, str]) -> str:
    """``workbook.asks.2.importance=6``; ``...=DELETE`` (not the sentinel's address)."""
    path, value, _ = case
    shown = "DELETE" if value is DELETE else repr(value)[:30]
    return ".".join(map(str, path)) + "=" + shown


@pytest.mark.parametrize(
    ("path", "value", "message"), BAD_VALUES, ids=[_case_id(case) for case in BAD_VALUES]
)
def test_bad_value_is_refused_with_its_path(path: tuple, value: Any, message: str) -> None:
    raw = json.dumps(mutate(path, value)).encode("utf-8")
    with pytest.raises(FileFormatError) as caught:
        fileformat.parse_bytes(raw)
    assert str(caught.value) == message
    assert "\n" not in str(caught.value)


HEADER = b'{"format": "flexprep.workbook", "version": 1, "workbook": '

BAD_FILES: list[tuple[bytes, str]] = [
    (b"\xff\xfe{\x00}\x00", "not a workbook file: not UTF-8 text (byte 0xff at offset 0)"),
    (
        HEADER + '{"name": "Café"}}'.encode("latin-1"),
        "not a workbook file: not UTF-8 text (byte 0xe9 at offset 71)",
    ),
    (b"", "not a workbook file: not JSON (Expecting value at line 1 column 1)"),
    (b"name: x\n", "not a workbook file: not JSON (Expecting value at line 1 column 1)"),
    (
        HEADER + b'{"name": "x"}',
        "not a workbook file: not JSON (Expecting ',' delimiter at line 1 column 72)",
    ),
    (b"[1, 2]", "not a workbook file: the file must hold one JSON object"),
    (b'"text"', "not a workbook file: the file must hold one JSON object"),
    (
        HEADER + b'{"name": "x", "evidence": [{"before": NaN}]}}',
        "not a workbook file: NaN is not a valid JSON number",
    ),
    (
        HEADER + b'{"name": "x", "evidence": [{"before": 1e999}]}}',
        "workbook.evidence[0].before: must be a finite number",
    ),
    (
        HEADER + b'{"name": "x", "asks": [{"importance": ' + b"9" * 5000 + b"}]}}",
        "not a workbook file: a number has too many digits",
    ),
    (
        HEADER + b'{"name": "x", "name": "y"}}',
        'not a workbook file: the key "name" appears twice in one object',
    ),
    (b"[" * 100_000 + b"]" * 100_000, "not a workbook file: nested too deeply"),
]


@pytest.mark.parametrize(("raw", "message"), BAD_FILES, ids=range(len(BAD_FILES)))
def test_bad_file_is_refused_in_one_line(raw: bytes, message: str) -> None:
    with pytest.raises(FileFormatError) as caught:
        fileformat.parse_bytes(raw)
    assert str(caught.value) == message


def test_a_utf8_bom_and_a_minimal_workbook_are_fine() -> None:
    data = fileformat.parse_bytes(b"\xef\xbb\xbf" + HEADER + b'{"name": "Just a name"}}')
    assert data["name"] == "Just a name"


def test_read_file_reports_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match=r"nope\.json: no such file$"):
        fileformat.read_file(tmp_path / "nope.json")
    with pytest.raises(FileFormatError, match="is a folder, not a file$"):
        fileformat.read_file(tmp_path)


def _row_counts(service: WorkbookService) -> dict[str, int]:
    with service.transaction() as session:
        return {
            table.name: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for table in Base.metadata.sorted_tables
        }


def test_nothing_is_written_when_a_file_is_refused(
    service: WorkbookService, full_data: dict, tmp_path: Path
) -> None:
    service.import_data(full_data)
    before = _row_counts(service)
    for number, (path, value, _) in enumerate(BAD_VALUES[::7]):
        bad = tmp_path / f"bad{number}.json"
        bad.write_text(json.dumps(mutate(path, value)), encoding="utf-8")
        with pytest.raises(FileFormatError):
            service.import_data(fileformat.read_file(bad))
    assert _row_counts(service) == before


def test_importing_a_taken_name_adds_a_numbered_copy(
    service: WorkbookService, full_data: dict
) -> None:
    name = full_data["name"]
    assert service.import_data(full_data).name == name
    assert service.import_data(full_data).name == f"{name} (2)"
    assert service.import_data(full_data).name == f"{name} (3)"
    assert service.names() == {name, f"{name} (2)", f"{name} (3)"}


def test_full_fixture_round_trips_exactly(
    service: WorkbookService, full_data: dict, tmp_path: Path
) -> None:
    book = service.import_data(full_data)
    exported = service.export_data(book.id)
    assert exported == FULL["workbook"]
    out = fileformat.write_file(exported, tmp_path / "out.json")
    assert json.loads(out.read_text(encoding="utf-8")) == FULL
    assert fileformat.read_file(out) == full_data


@pytest.fixture
def sample_data() -> dict[str, Any]:
    """The bundled sample, read strictly. Unlike conftest's fixture of the same name, a
    missing sample is a failure here, not a skip: the file is part of the product."""
    assert SAMPLE_WORKBOOK.is_file(), SAMPLE_WORKBOOK
    return fileformat.read_file(SAMPLE_WORKBOOK)


def test_sample_workbook_round_trips(service: WorkbookService, sample_data: dict) -> None:
    first = service.export_data(service.import_data(sample_data).id)
    again = fileformat.validate(
        {"format": "flexprep.workbook", "version": fileformat.VERSION, "workbook": first}
    )
    second = service.export_data(service.import_data(again).id)
    assert second == {**first, "name": f"{first['name']} (2)"}
    assert len(first["objections"]) >= 3 and first["evidence"]


def test_write_file_is_atomic_and_refuses_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "book.json"
    target.write_text("old", encoding="utf-8")
    fileformat.write_file({"name": "new"}, target)
    assert json.loads(target.read_text(encoding="utf-8"))["workbook"] == {"name": "new"}
    assert [p.name for p in tmp_path.iterdir()] == ["book.json"]
    with pytest.raises(FileNotFoundError):
        fileformat.write_file({"name": "x"}, tmp_path / "missing" / "book.json")


# -- version 1 files mean what they meant ----------------------------------------------


def test_a_version_1_file_reads_as_what_it_meant() -> None:
    from conftest import FULL_WORKBOOK_V1

    old = json.loads(FULL_WORKBOOK_V1.read_text(encoding="utf-8"))
    old["workbook"]["meeting"]["next_steps"] = ["Send the summary", "Book the review"]
    old["workbook"]["request"]["previous_request"] = "2025-05-01"
    book = fileformat.parse_bytes(json.dumps(old).encode("utf-8"))
    assert book["meeting"]["next_steps"] == [
        {"text": "Send the summary", "owner": "", "due": None},
        {"text": "Book the review", "owner": "", "due": None},
    ]
    assert book["request"]["previous_requests"] == ["2025-05-01"]
    assert book["request"]["jurisdiction"] == "gb"
    assert book["about"] == {}  # no sender yet: every field at its default
    old["workbook"]["request"]["previous_request"] = None
    book = fileformat.parse_bytes(json.dumps(old).encode("utf-8"))
    assert book["request"]["previous_requests"] is None  # not answered, not "none"


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("workbook", "about"), {"name": "x"}, "workbook.about: unknown key in a version 1 file"),
        (
            ("workbook", "proposal_title"),
            "x",
            "workbook.proposal_title: unknown key in a version 1 file",
        ),
        (
            ("workbook", "asks", 0, "outcome"),
            "agreed",
            "workbook.asks[0].outcome: unknown key in a version 1 file",
        ),
        (
            ("workbook", "request", "previous_requests"),
            [],
            "workbook.request.previous_requests: unknown key in a version 1 file",
        ),
        (
            ("workbook", "request", "previous_request"),
            "2025-13-01",
            "workbook.request.previous_request: must be a date YYYY-MM-DD",
        ),
        (
            ("workbook", "meeting", "next_steps"),
            [{"text": "x"}],
            "workbook.meeting.next_steps[0]: must be text",
        ),
    ],
    ids=["about", "proposal_title", "ask outcome", "previous_requests", "bad date", "step object"],
)
def test_a_version_1_file_cannot_carry_version_2_keys(
    path: tuple[Any, ...], value: Any, message: str
) -> None:
    from conftest import FULL_WORKBOOK_V1

    document = json.loads(FULL_WORKBOOK_V1.read_text(encoding="utf-8"))
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    with pytest.raises(FileFormatError) as caught:
        fileformat.parse_bytes(json.dumps(document).encode("utf-8"))
    assert str(caught.value) == message
