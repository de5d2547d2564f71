"""The workbook service, without Qt: every read and write the window and CLI make."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from flexprep.core import content
from flexprep.core.errors import NameTakenError, NotFoundError, ValidationError
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
from flexprep.core.service import WorkbookService, free_name

LIBRARY = [
    {
        "key": "lib_visible",
        "theme": "visibility",
        "text": "How will I know you work?",
        "response": "By output.",
        "coaching": "",
        "evidence_hint": "",
        "statutory_ground": None,
    },
    {
        "key": "lib_fair",
        "theme": "fairness",
        "text": "Everyone will want it.",
        "response": "Criteria anyone can meet.",
        "coaching": "",
        "evidence_hint": "",
        "statutory_ground": None,
    },
]
SCENARIO = {
    "key": "education",
    "label": "Course",
    "description": "",
    "asks": [
        {
            "title": "Fridays off for lectures",
            "priority": "must",
            "importance": 5,
            "resistance": 4,
            "fallback": "Friday afternoons",
        },
        {"title": "Exam leave", "priority": "nice", "importance": 2, "resistance": 2},
    ],
    "objections": ["lib_visible", "missing_key", "lib_fair"],
    "success_measures": ["Deadlines met"],
    "alternatives": ["compressed_week", "phased_start"],
}


@pytest.fixture
def drafts_content(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scenario drafts from a fixed, small library (independent of resources/)."""
    monkeypatch.setattr(content, "scenario", lambda key: SCENARIO)
    monkeypatch.setattr(content, "objection_library", lambda: LIBRARY)


@pytest.fixture
def book(service: WorkbookService) -> Workbook:
    """An empty workbook (no drafts)."""
    return service.create_workbook("Hybrid", "remote_hybrid", "Dana", drafts=False)


def rows(service: WorkbookService, model: type[Any]) -> int:
    with service.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def titles(service: WorkbookService, model: type[Any], workbook_id: int) -> list[str]:
    return [row.title for row in service.items(model, workbook_id)]


# -- workbooks -----------------------------------------------------------------------------


def test_create_with_drafts_seeds_the_scenario(
    service: WorkbookService, drafts_content: None
) -> None:
    book = service.create_workbook("MBA", "education", "Dana")
    assert (book.name, book.scenario, book.manager) == ("MBA", "education", "Dana")
    asks = service.items(Ask, book.id)
    assert [(a.title, a.priority, a.importance, a.resistance, a.draft) for a in asks] == [
        ("Fridays off for lectures", "must", 5, 4, True),
        ("Exam leave", "nice", 2, 2, True),
    ]
    assert asks[0].fallback == "Friday afternoons"
    objections = service.items(Objection, book.id)
    # An unknown library key in a scenario is skipped, not a crash.
    assert [(o.library_key, o.origin, o.draft, o.theme) for o in objections] == [
        ("lib_visible", "library", True, "visibility"),
        ("lib_fair", "library", True, "fairness"),
    ]
    assert objections[0].response == "By output."
    assert service.part(Plan, book.id).alternatives == ["compressed_week", "phased_start"]


def test_create_without_drafts_is_empty(service: WorkbookService, book: Workbook) -> None:
    assert service.items(Ask, book.id) == []
    assert service.items(Objection, book.id) == []
    assert service.part(Plan, book.id).alternatives == []
    assert service.part(Meeting, book.id).outcome == "pending"


@pytest.mark.parametrize(
    "scenario",
    [
        "remote_hybrid",
        "flexible_hours",
        "compressed_week",
        "job_share",
        "education",
        "permanent_policy",
        "other",
    ],
)
def test_every_bundled_scenario_seeds_valid_drafts(service: WorkbookService, scenario: str) -> None:
    # The bundled resources exist: a missing or broken one fails here, it is not skipped.
    bundled = content.scenario(scenario)
    assert bundled["key"] == scenario
    book = service.create_workbook(f"Book {scenario}", scenario)
    asks = service.items(Ask, book.id)
    objections = service.items(Objection, book.id)
    assert [a.title for a in asks] == [a["title"] for a in bundled["asks"]]
    assert [o.library_key for o in objections] == bundled["objections"]
    assert asks and objections
    assert all(item.draft for item in [*asks, *objections])


def test_create_refuses_bad_names_and_scenarios(service: WorkbookService, book: Workbook) -> None:
    with pytest.raises(NameTakenError, match="already exists"):
        service.create_workbook("Hybrid", drafts=False)
    with pytest.raises(NameTakenError):
        service.create_workbook("  Hybrid  ", drafts=False)
    with pytest.raises(ValidationError, match="needs a name"):
        service.create_workbook("   ", drafts=False)
    with pytest.raises(ValidationError, match="^scenario: must be one of"):
        service.create_workbook("X", "moonlighting", drafts=False)
    assert service.create_workbook(" Trimmed ", drafts=False).name == "Trimmed"
    assert service.count_workbooks() == 2


def test_rename_including_a_clash(service: WorkbookService, book: Workbook) -> None:
    other = service.create_workbook("Other", drafts=False)
    renamed = service.rename_workbook(book.id, "Hybrid v2 🚀")
    assert renamed.name == "Hybrid v2 🚀"
    assert service.find_workbook("Hybrid v2 🚀").id == book.id
    with pytest.raises(NameTakenError, match="'Other' already exists"):
        service.rename_workbook(book.id, "Other")
    assert service.workbook(book.id).name == "Hybrid v2 🚀"
    service.rename_workbook(other.id, "Other")  # its own name is no clash
    with pytest.raises(NotFoundError):
        service.find_workbook("Hybrid")
    with pytest.raises(NotFoundError):
        service.rename_workbook(9999, "Ghost")


def test_update_workbook_fields_and_touch(service: WorkbookService, book: Workbook) -> None:
    # Timestamps have one-second resolution: start from a known old value, so that
    # "touched" means the value really moved (not "equal, within the same second").
    with service.transaction() as session:
        session.get(Workbook, book.id).updated_at = datetime(2020, 1, 1)
    started = datetime.now().replace(microsecond=0)
    updated = service.update_workbook(
        book.id, notes="private\x00notes", walk_away="Leave in spring", manager=""
    )
    assert (updated.notes, updated.walk_away, updated.manager) == (
        "private\x00notes",
        "Leave in spring",
        "",
    )
    assert started <= service.workbook(book.id).updated_at <= datetime.now()
    with pytest.raises(ValidationError, match="^colour: unknown field"):
        service.update_workbook(book.id, colour="red")
    with pytest.raises(ValidationError, match="^notes: must be text"):
        service.update_workbook(book.id, notes=None)


def test_list_most_recently_updated_first(service: WorkbookService) -> None:
    old = service.create_workbook("Old", drafts=False)
    service.create_workbook("New", drafts=False)
    with service.transaction() as session:  # make the order independent of the clock
        session.get(Workbook, old.id).updated_at = datetime(2020, 1, 1)
    assert [b.name for b in service.list_workbooks()] == ["New", "Old"]
    service.update_workbook(old.id, notes="touched")
    with service.transaction() as session:
        session.scalar(select(Workbook).where(Workbook.name == "New")).updated_at = datetime(
            2021, 1, 1
        )
    assert [b.name for b in service.list_workbooks()] == ["Old", "New"]
    assert service.names() == {"Old", "New"}


def test_duplicate_copies_everything(service: WorkbookService, full_data: dict) -> None:
    original = service.import_data(full_data)
    copy = service.duplicate_workbook(original.id)
    assert copy.name == f"{full_data['name']} (2)"
    assert service.duplicate_workbook(original.id).name == f"{full_data['name']} (3)"
    exported = service.export_data(copy.id)
    assert exported == {**service.export_data(original.id), "name": copy.name}
    named = service.duplicate_workbook(original.id, "Plan B")
    assert named.name == "Plan B"
    with pytest.raises(NameTakenError):
        service.duplicate_workbook(original.id, "Plan B")
    assert service.count_workbooks() == 4


def test_delete_removes_every_row(service: WorkbookService, full_data: dict) -> None:
    keep = service.import_data({"name": "Keep", "asks": [{"title": "stay"}]})
    gone = service.import_data(full_data)
    assert rows(service, Rehearsal) > 0 and rows(service, ObjectionEvidence) > 0
    service.delete_workbook(gone.id)
    assert [b.name for b in service.list_workbooks()] == ["Keep"]
    for model in (
        Answer,
        Offer,
        Objection,
        ObjectionEvidence,
        Rehearsal,
        Endorsement,
        Evidence,
        TrialLogEntry,
    ):
        assert rows(service, model) == 0, model
    assert rows(service, Ask) == 1
    assert rows(service, Plan) == rows(service, Meeting) == rows(service, FormalRequest) == 1
    assert titles(service, Ask, keep.id) == ["stay"]
    with pytest.raises(NotFoundError):
        service.delete_workbook(gone.id)


def test_free_name() -> None:
    assert free_name("A", set()) == "A"
    assert free_name("A", {"A"}) == "A (2)"
    assert free_name("A", {"A", "A (2)"}) == "A (3)"
    assert free_name("A (2)", {"A", "A (2)"}) == "A (3)"


# -- self-assessment ----------------------------------------------------------------------


def test_answers(service: WorkbookService, book: Workbook) -> None:
    assert service.answers(book.id) == {}
    service.set_answer(book.id, "goals", "Finish the MBA")
    service.set_answer(book.id, "timing", "After Q4")
    service.set_answer(book.id, "goals", "Finish the MBA 🎓")
    assert service.answers(book.id) == {"goals": "Finish the MBA 🎓", "timing": "After Q4"}
    with pytest.raises(ValidationError):
        service.set_answer(book.id, "horoscope", "x")
    with pytest.raises(ValidationError):
        service.set_answer(book.id, "goals", 42)  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        service.set_answer(9999, "goals", "x")
    assert rows(service, Answer) == 2


# -- ranked items ------------------------------------------------------------------------


def test_items_add_update_move_delete(service: WorkbookService, book: Workbook) -> None:
    a = service.add_item(Offer, book.id, title="A")
    b = service.add_item(Offer, book.id, title="B")
    c = service.add_item(Offer, book.id, index=0, title="C")
    assert titles(service, Offer, book.id) == ["C", "A", "B"]
    service.move_item(Offer, c.id, 2)
    assert titles(service, Offer, book.id) == ["A", "B", "C"]
    service.move_item(Offer, a.id, 99)
    assert titles(service, Offer, book.id) == ["B", "C", "A"]
    service.move_item(Offer, a.id, -5)
    assert titles(service, Offer, book.id) == ["A", "B", "C"]
    updated = service.update_item(Offer, b.id, title="B2", details="more")
    assert (updated.title, updated.details) == ("B2", "more")
    service.delete_item(Offer, a.id)
    offers = service.items(Offer, book.id)
    assert [o.title for o in offers] == ["B2", "C"]
    # Deleting leaves a gap in the ranks (no renumbering); the order is what counts.
    assert [o.position for o in offers] == [1, 2]
    with pytest.raises(NotFoundError):
        service.update_item(Offer, a.id, title="ghost")
    with pytest.raises(NotFoundError):
        service.add_item(Offer, 9999, title="ghost")


@pytest.mark.parametrize(
    ("model", "fields", "message"),
    [
        (Ask, {"importance": 6}, "^importance: must be 1-5$"),
        (Ask, {"resistance": True}, "^resistance: must be a whole number 1-5$"),
        (Ask, {"priority": "maybe"}, "^priority: must be one of must, nice$"),
        (Ask, {"colour": "red"}, "^colour: unknown field$"),
        (Objection, {"likelihood": 0}, "^likelihood: must be 1-5$"),
        (Objection, {"theme": "weather"}, "^theme: must be one of"),
        (Endorsement, {"speaks_to": ["quality", "quality"]}, r"^speaks_to\[1\]: repeats"),
        (Endorsement, {"date": "2026-02-30"}, "^date: must be a date YYYY-MM-DD$"),
        (Evidence, {"before": float("nan")}, "^before: must be a finite number$"),
        (Evidence, {"after": 2**60}, "^after: must be a number of reasonable size"),
        (TrialLogEntry, {"text": "\ud800"}, "^text: must be text without unpaired"),
    ],
)
def test_items_refuse_bad_values(
    service: WorkbookService, book: Workbook, model: type[Any], fields: dict, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        service.add_item(model, book.id, **fields)
    assert rows(service, model) == 0


def test_move_ask_between_columns(service: WorkbookService, book: Workbook) -> None:
    m1 = service.add_item(Ask, book.id, title="m1", priority="must")
    m2 = service.add_item(Ask, book.id, title="m2", priority="must")
    n1 = service.add_item(Ask, book.id, title="n1", priority="nice")
    n2 = service.add_item(Ask, book.id, title="n2", priority="nice")

    def columns() -> tuple[list[str], list[str]]:
        asks = service.items(Ask, book.id)
        return (
            [a.title for a in asks if a.priority == "must"],
            [a.title for a in asks if a.priority == "nice"],
        )

    service.move_ask(n2.id, "must", 1)
    assert columns() == (["m1", "n2", "m2"], ["n1"])
    assert titles(service, Ask, book.id) == ["m1", "n2", "m2", "n1"]
    service.move_ask(m1.id, "nice", 5)
    assert columns() == (["n2", "m2"], ["n1", "m1"])
    service.move_ask(m2.id, "must", 0)  # reorder inside one column
    assert columns() == (["m2", "n2"], ["n1", "m1"])
    service.move_ask(n1.id, "nice", -1)
    assert columns() == (["m2", "n2"], ["n1", "m1"])
    positions = [a.position for a in service.items(Ask, book.id)]
    assert positions == sorted(positions) and len(set(positions)) == 4
    with pytest.raises(ValidationError):
        service.move_ask(m2.id, "urgent", 0)
    with pytest.raises(NotFoundError):
        service.move_ask(9999, "must", 0)
    assert service.items(Ask, book.id)[0].id == m2.id


def test_editing_a_draft_makes_it_the_users_own(
    service: WorkbookService, drafts_content: None
) -> None:
    book = service.create_workbook("Drafts", "education")
    first, second = service.items(Ask, book.id)
    # Saving the same text again (autosave on focus-out) keeps the draft mark.
    assert service.update_item(Ask, first.id, title=first.title).draft is True
    assert service.update_item(Ask, first.id, title="My own words").draft is False
    # An explicit draft value wins.
    assert service.update_item(Ask, second.id, title="x", draft=True).draft is True
    assert service.update_item(Ask, second.id, importance=1).draft is False
    objection = service.items(Objection, book.id)[0]
    assert service.update_item(Objection, objection.id, response="Mine").draft is False
    assert service.items(Objection, book.id)[1].draft is True


# -- objections: evidence and rehearsals ---------------------------------------------------


def test_objection_evidence_links(service: WorkbookService, book: Workbook) -> None:
    objection = service.add_item(Objection, book.id, text="Who covers Fridays?")
    other_objection = service.add_item(Objection, book.id, text="Clients?")
    e1 = service.add_item(
        Evidence, book.id, kind="metric", title="On time", before=86, after=94.5, unit="%"
    )
    e2 = service.add_item(Evidence, book.id, kind="precedent", title="Data team")
    service.set_objection_evidence(objection.id, [e2.id, e1.id, e2.id])
    links = service.items(Objection, book.id)[0].evidence_links
    assert [link.evidence_id for link in links] == [e2.id, e1.id]
    service.set_objection_evidence(other_objection.id, [e1.id])
    assert [o.text for o in service.objections_for_evidence(e1.id)] == [
        "Who covers Fridays?",
        "Clients?",
    ]
    assert [o.text for o in service.objections_for_evidence(e2.id)] == ["Who covers Fridays?"]

    foreign_book = service.create_workbook("Foreign", drafts=False)
    foreign = service.add_item(Evidence, foreign_book.id, title="not yours")
    with pytest.raises(ValidationError, match="another workbook"):
        service.set_objection_evidence(objection.id, [e1.id, foreign.id])
    with pytest.raises(NotFoundError):
        service.set_objection_evidence(objection.id, [9999])
    assert rows(service, ObjectionEvidence) == 3

    # Deleting evidence drops its links (foreign keys are on), not the objection.
    service.delete_item(Evidence, e1.id)
    assert service.objections_for_evidence(e1.id) == []
    links = service.items(Objection, book.id)[0].evidence_links
    assert [link.evidence_id for link in links] == [e2.id]
    service.set_objection_evidence(objection.id, [])
    assert rows(service, ObjectionEvidence) == 0
    assert len(service.items(Objection, book.id)) == 2


def test_rehearsals(service: WorkbookService, book: Workbook) -> None:
    objection = service.add_item(Objection, book.id, text="Visibility?")
    service.add_rehearsal(objection.id, 3, 41, at=datetime(2026, 11, 20, 19, 5, 0, 999))
    service.add_rehearsal(objection.id, 2, 55, at=datetime(2026, 11, 18, 20, 0))
    latest = service.add_rehearsal(objection.id, 5, 30)
    assert latest.at.microsecond == 0
    rehearsals = service.items(Objection, book.id)[0].rehearsals
    assert [(r.confidence, r.seconds) for r in rehearsals] == [(2, 55), (3, 41), (5, 30)]
    assert rehearsals[1].at == datetime(2026, 11, 20, 19, 5, 0)
    with pytest.raises(ValidationError, match="^confidence: must be 1-5$"):
        service.add_rehearsal(objection.id, 6, 10)
    with pytest.raises(ValidationError, match="^seconds: must not be negative$"):
        service.add_rehearsal(objection.id, 3, -1)
    with pytest.raises(NotFoundError):
        service.add_rehearsal(9999, 3, 10)
    service.delete_item(Objection, objection.id)
    assert rows(service, Rehearsal) == 0


# -- one-per-workbook parts ----------------------------------------------------------------


def test_plan_meeting_and_request(service: WorkbookService, book: Workbook) -> None:
    plan = service.update_part(
        Plan,
        book.id,
        schedule={"tue": {"where": "remote", "hours": "08:00-16:30"}, "mon": {"where": "office"}},
        trial_weeks=8,
        trial_start="2027-01-11",
        checkin="biweekly",
        success_measures=["On time ≥ 90 %"],
        alternatives=["async"],
    )
    assert plan.trial_start == date(2027, 1, 11)
    stored = service.part(Plan, book.id)
    assert list(stored.schedule) == ["mon", "tue"]
    assert stored.schedule["tue"] == {"where": "remote", "hours": "08:00-16:30"}
    assert (stored.trial_weeks, stored.checkin, stored.success_measures) == (
        8,
        "biweekly",
        ["On time ≥ 90 %"],
    )

    meeting = service.update_part(
        Meeting,
        book.id,
        at="2026-12-03T10:00:00",
        outcome="trial",
        talking_points=["Lead with the pricing project"],
    )
    assert meeting.at == datetime(2026, 12, 3, 10, 0)
    assert service.part(Meeting, book.id).outcome == "trial"
    request = service.update_part(
        FormalRequest, book.id, proposed_start=date(2027, 1, 11), previous_requests=None
    )
    assert (request.proposed_start, request.previous_requests) == (date(2027, 1, 11), None)

    for model, fields, message in [
        (Plan, {"schedule": {"tue": {"where": "moon"}}}, r"^schedule\.tue\.where: must be one"),
        (Plan, {"schedule": {"monday": {"where": "office"}}}, r"^schedule\.monday: unknown key"),
        (Plan, {"schedule": {"mon": {"hours": "9-5"}}}, r"^schedule\.mon\.where: missing"),
        (Plan, {"trial_weeks": 0}, "^trial_weeks: must be 1-104 weeks$"),
        (Plan, {"checkin": "daily"}, "^checkin: must be one of"),
        (Plan, {"alternatives": ["async", "async"]}, r"^alternatives\[1\]: repeats"),
        (Meeting, {"at": "2026-12-03 10:00"}, "^at: must be a date and time"),
        (Meeting, {"outcome": "won"}, "^outcome: must be one of"),
        (FormalRequest, {"proposed_start": "tomorrow"}, "^proposed_start: must be a date"),
    ]:
        with pytest.raises(ValidationError, match=message):
            service.update_part(model, book.id, **fields)
    assert service.part(Plan, book.id).trial_weeks == 8
    assert service.part(Meeting, book.id).outcome == "trial"


def test_parts_are_created_when_missing(service: WorkbookService) -> None:
    book = service.import_data({"name": "Bare"})
    with service.transaction() as session:
        session.delete(session.get(Plan, book.id))
    assert service.part(Plan, book.id).schedule == {}
    assert service.update_part(Plan, book.id, coverage="Ravi").coverage == "Ravi"
    with pytest.raises(NotFoundError):
        service.part(Plan, 9999)
