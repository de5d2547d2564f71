"""Round trip: any workbook, any Unicode text, export -> import -> export gives it back."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flexprep.core import fileformat, vocab
from flexprep.core.database import open_database
from flexprep.core.service import WorkbookService

# Any text, including NUL and other control characters, emoji and right-to-left marks
# (hypothesis leaves out lone surrogates, which UTF-8 cannot hold).
TEXT = st.text(max_size=40)
NAME = st.text(min_size=1, max_size=30).filter(lambda s: s.strip() != "")
RATING = st.integers(1, 5)
DATE = st.none() | st.dates().map(lambda d: d.isoformat())
DATETIME = st.datetimes().map(lambda d: d.replace(microsecond=0).isoformat())
NUMBER = st.none() | st.integers(-(2**53), 2**53) | st.floats(allow_nan=False, allow_infinity=False)


def choice(names: Any) -> st.SearchStrategy[str]:
    return st.sampled_from(list(names))


def unique_list(names: Any) -> st.SearchStrategy[list[str]]:
    return st.lists(choice(names), unique=True, max_size=4)


ASK = st.fixed_dictionaries(
    {
        "title": TEXT,
        "details": TEXT,
        "priority": choice(vocab.PRIORITIES),
        "fallback": TEXT,
        "importance": RATING,
        "resistance": RATING,
        "draft": st.booleans(),
        "in_request": st.booleans(),
        "outcome": choice(vocab.ASK_OUTCOMES),
        "outcome_note": TEXT,
    }
)
OFFER = st.fixed_dictionaries({"title": TEXT, "details": TEXT})
ENDORSEMENT = st.fixed_dictionaries(
    {
        "author": TEXT,
        "relationship": choice(vocab.RELATIONSHIPS),
        "date": DATE,
        "quote": TEXT,
        "speaks_to": unique_list(vocab.SPEAKS_TO),
        "shareable": st.booleans(),
    }
)
REHEARSAL = st.fixed_dictionaries(
    {"at": DATETIME, "confidence": RATING, "seconds": st.integers(0, 10**9)}
)
DAY = st.fixed_dictionaries({"where": choice(vocab.WHERE)}, optional={"hours": TEXT})
PLAN = st.fixed_dictionaries(
    {
        "schedule": st.dictionaries(choice(vocab.WEEKDAYS), DAY, max_size=7),
        "trial_weeks": st.none() | st.integers(1, 104),
        "trial_start": DATE,
        "checkin": st.none() | choice(vocab.CHECKINS),
        "success_measures": st.lists(TEXT, max_size=3),
        "coverage": TEXT,
        "communication": TEXT,
        "core_hours": TEXT,
        "response_time": TEXT,
        "escalation": TEXT,
        "alternatives": unique_list(vocab.ALTERNATIVES),
        "review_date": DATE,
        "current_schedule": st.dictionaries(choice(vocab.WEEKDAYS), DAY, max_size=7),
        "deliverables": st.lists(
            st.fixed_dictionaries({"text": TEXT, "due": DATE, "standard": TEXT}), max_size=3
        ),
        "async_guidelines": TEXT,
        "time_zone": TEXT,
        "alternative_details": st.dictionaries(choice(vocab.ALTERNATIVES), TEXT, max_size=3).map(
            # An export writes them in the vocabulary's order.
            lambda found: {key: found[key] for key in vocab.ALTERNATIVES if key in found}
        ),
    }
)
TRIAL_REVIEW = st.fixed_dictionaries(
    {
        "held_on": DATE,
        "results": st.lists(st.fixed_dictionaries({"measure": TEXT, "result": TEXT}), max_size=3),
        "decision": st.none() | choice(vocab.REVIEW_DECISIONS),
        "conditions": TEXT,
        "next_review": DATE,
    }
)
MEETING = st.fixed_dictionaries(
    {
        "at": st.none() | DATETIME,
        "timing_notes": TEXT,
        "timing_checks": st.lists(TEXT, unique=True, max_size=3),
        "talking_points": st.lists(TEXT, max_size=3),
        "notes": TEXT,
        "outcome": choice(vocab.OUTCOMES),
        "next_steps": st.lists(
            st.fixed_dictionaries({"text": TEXT, "owner": TEXT, "due": DATE}), max_size=3
        ),
        "refusal": st.none()
        | st.fixed_dictionaries(
            {
                "reasons": TEXT,
                "grounds": st.lists(
                    st.sampled_from(["extra_costs", "quality", "performance"]), unique=True
                ),
                "decided_on": DATE,
                "meeting_held": st.none() | st.booleans(),
            }
        ),
    }
)
ABOUT = st.fixed_dictionaries(
    {
        "name": TEXT,
        "role": TEXT,
        "team": TEXT,
        "employer": TEXT,
        "email": TEXT,
        "employed_since": DATE,
    }
)
REQUEST = st.fixed_dictionaries(
    {
        "jurisdiction": st.none() | choice(vocab.JURISDICTIONS),
        "sent_on": DATE,
        "proposed_start": DATE,
        "previous_requests": st.none()
        | st.lists(st.dates().map(lambda d: d.isoformat()), unique=True, max_size=3),
        "permanent": st.none() | st.booleans(),
        "end_date": DATE,
        "reason": TEXT,
        "adjustment": st.booleans(),
        "circumstance": st.none() | choice(vocab.CIRCUMSTANCES),
        "location": TEXT,
    }
)


@st.composite
def workbooks(draw: st.DrawFn) -> dict[str, Any]:
    """A whole inner workbook, written the way an export writes it."""
    evidence = []
    for number in range(1, draw(st.integers(0, 4)) + 1):
        evidence.append(
            {
                "id": f"e{number}",
                "kind": draw(choice(vocab.EVIDENCE_KINDS)),
                "title": draw(TEXT),
                "details": draw(TEXT),
                "source": draw(TEXT),
                "unit": draw(TEXT),
                "before": draw(NUMBER),
                "before_label": draw(TEXT),
                "after": draw(NUMBER),
                "after_label": draw(TEXT),
                "higher_is_better": draw(st.booleans()),
            }
        )
    evidence_ids = [item["id"] for item in evidence]
    objections = []
    for number in range(1, draw(st.integers(0, 4)) + 1):
        links = draw(st.lists(st.sampled_from(evidence_ids), unique=True)) if evidence else []
        rehearsals = draw(st.lists(REHEARSAL, max_size=4))
        objections.append(
            {
                "id": f"o{number}",
                "text": draw(TEXT),
                "theme": draw(choice(vocab.THEMES)),
                "likelihood": draw(RATING),
                "draft": draw(st.booleans()),
                "origin": draw(choice(vocab.ORIGINS)),
                "response": draw(TEXT),
                "evidence": links,
                # Rehearsals are a time series: a file lists them oldest first.
                "rehearsals": sorted(rehearsals, key=lambda r: r["at"]),
            }
        )
    return {
        "name": draw(NAME),
        "scenario": draw(choice(vocab.SCENARIOS)),
        "manager": draw(TEXT),
        "notes": draw(TEXT),
        "self_assessment": draw(st.dictionaries(choice(vocab.PROMPT_KEYS), TEXT, max_size=4)),
        "asks": draw(st.lists(ASK, max_size=4)),
        "offers": draw(st.lists(OFFER, max_size=3)),
        "walk_away": draw(TEXT),
        "objections": objections,
        "endorsements": draw(st.lists(ENDORSEMENT, max_size=3)),
        "evidence": evidence,
        "plan": draw(PLAN),
        "meeting": draw(MEETING),
        "trial_log": draw(
            st.lists(
                st.fixed_dictionaries({"date": DATE, "text": TEXT, "shareable": st.booleans()}),
                max_size=3,
            )
        ),
        "trial_review": draw(TRIAL_REVIEW),
        "request": draw(REQUEST),
        "about": draw(ABOUT),
        "manager_role": draw(TEXT),
        "proposal_title": draw(TEXT),
    }


def _through_file(data: dict[str, Any], folder: Path) -> dict[str, Any]:
    """Write ``data`` as a workbook file and read it back strictly."""
    path = fileformat.write_file(data, folder / "book.json")
    return fileformat.read_file(path)


@pytest.fixture(scope="module")
def shared_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkbookService]:
    """One database for all the examples of a test (hypothesis runs the body many times;
    function-scoped fixtures would not be reset between them). Each example deletes
    what it added, so every example starts from an empty database."""
    database = open_database(tmp_path_factory.mktemp("roundtrip") / "flexprep.sqlite3")
    try:
        yield WorkbookService(database.factory)
    finally:
        database.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(book=workbooks())
def test_export_import_export_gives_back_the_same_workbook(
    shared_service: WorkbookService, book: dict[str, Any]
) -> None:
    service = shared_service
    assert service.count_workbooks() == 0
    with tempfile.TemporaryDirectory() as folder:
        try:
            first = service.import_data(_through_file(book, Path(folder)))
            exported = service.export_data(first.id)
            assert exported == book

            second = service.import_data(_through_file(exported, Path(folder)))
            assert second.name == f"{book['name']} (2)"
            again = service.export_data(second.id)
            assert again == {**book, "name": second.name}
            # The file's text, too, is the same each time.
            assert fileformat.dumps(again) == fileformat.dumps({**exported, "name": second.name})
        finally:
            for workbook in service.list_workbooks():
                service.delete_workbook(workbook.id)


@settings(max_examples=60, deadline=None)
@given(workbooks())
def test_file_text_round_trips_without_a_database(book: dict[str, Any]) -> None:
    text = fileformat.dumps(book)
    assert json.loads(text)["workbook"] == book
    parsed = fileformat.parse_bytes(text.encode("utf-8"))
    assert _as_file_values(parsed) == book


def _as_file_values(data: dict[str, Any]) -> dict[str, Any]:
    """Turn the dates of a parsed workbook back into the file's strings."""
    return json.loads(json.dumps(data, default=lambda value: value.isoformat()))


def test_a_megabyte_of_awkward_text_round_trips(service: WorkbookService, tmp_path: Path) -> None:
    awkward = "\x00\x01\x1f\x7f\u200f\u202e\ufeff\U0001f600\U0001f469\u200d\U0001f4bb\n\r\t"
    big = (awkward + "مرحبا שלום 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ") * (1_048_576 // 40)
    data = {
        "name": awkward,
        "notes": big,
        "self_assessment": {"goals": big[:1000]},
        "asks": [{"title": awkward}],
    }
    book = service.import_data(_through_file(data, tmp_path))
    exported = service.export_data(book.id)
    assert (exported["name"], exported["notes"]) == (awkward, big)
    assert exported["asks"][0]["title"] == awkward
    assert _through_file(exported, tmp_path) == fileformat.validate(
        {"format": "flexprep.workbook", "version": fileformat.VERSION, "workbook": exported}
    )
