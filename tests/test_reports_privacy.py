"""What is private stays in *My brief*: the manager view and every manager-facing file."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from reports_fixtures import (
    PRIVATE_MARKERS,
    SHARED_MARKERS,
    docx_text,
    docx_xml,
    marked_workbook,
)

from flexprep.reports.documents import write_document
from flexprep.reports.privacy import manager_view

MANAGER_FACING = ("proposal", "followup", "letter", "review")
SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample_workbook.json"


class Written:
    """One written document, read back once: its visible text and all its XML."""

    def __init__(self, path: Path) -> None:
        self.text = docx_text(path)
        self.xml = docx_xml(path)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Written]:
    folder = tmp_path_factory.mktemp("privacy")
    wb = marked_workbook()
    return {
        kind: Written(
            write_document(wb, kind, folder / f"{kind}.docx", today=date(2026, 11, 28), dpi=30)
        )
        for kind in ("brief", *MANAGER_FACING)
    }


@pytest.mark.parametrize("field", sorted(PRIVATE_MARKERS))
def test_manager_view_drops_private_field(field: str) -> None:
    view = json.dumps(manager_view(marked_workbook()), ensure_ascii=False).lower()
    assert PRIVATE_MARKERS[field] not in view


@pytest.mark.parametrize("field", sorted(SHARED_MARKERS))
def test_manager_view_keeps_shareable_field(field: str) -> None:
    view = json.dumps(manager_view(marked_workbook()), ensure_ascii=False)
    assert SHARED_MARKERS[field] in view


def test_manager_view_asks_lose_labels_and_ratings_keep_rank_must_first() -> None:
    wb = marked_workbook()
    wb["asks"] = [
        {"title": "nice one", "priority": "nice", "importance": 2, "resistance": 5},
        {"title": "must one", "priority": "must", "importance": 5, "resistance": 1},
        {"title": "nice two", "priority": "nice", "draft": True},
        {"title": "must two", "priority": "must", "fallback": "x"},
    ]
    asks = manager_view(wb)["asks"]
    assert [ask["title"] for ask in asks] == ["must one", "must two", "nice one", "nice two"]
    # The ask itself, whether it is in the formal request and what became of it.
    assert all(
        set(ask) == {"title", "details", "in_request", "outcome", "outcome_note"} for ask in asks
    )


def test_manager_view_structure_has_no_private_parts() -> None:
    view = manager_view(marked_workbook())
    assert "walk_away" not in view and "objections" not in view and "notes" not in view
    assert set(view["self_assessment"]) == {"business_case"}
    assert set(view["meeting"]) == {"at", "outcome", "next_steps"}
    assert view["endorsements"] and all(item["shareable"] for item in view["endorsements"])
    # Trial-log entries reach the manager only when marked "share with my manager".
    assert view["trial_log"] == []


def test_manager_view_does_not_change_its_input() -> None:
    wb = marked_workbook()
    before = json.dumps(wb, sort_keys=True)
    manager_view(wb)
    assert json.dumps(wb, sort_keys=True) == before


@pytest.mark.parametrize("field", sorted(PRIVATE_MARKERS))
def test_private_field_is_in_the_brief(written: dict[str, Written], field: str) -> None:
    assert PRIVATE_MARKERS[field] in written["brief"].text.lower()


@pytest.mark.parametrize("kind", MANAGER_FACING)
@pytest.mark.parametrize("field", sorted(PRIVATE_MARKERS))
def test_private_field_in_no_manager_document(
    written: dict[str, Written], kind: str, field: str
) -> None:
    # Every XML part: body, tables, headers, footers, core and app properties.
    assert PRIVATE_MARKERS[field] not in written[kind].xml.lower()
    assert PRIVATE_MARKERS[field] not in written[kind].text.lower()


@pytest.mark.parametrize("kind", MANAGER_FACING)
def test_manager_documents_hide_priorities_ratings_and_checklist(
    written: dict[str, Written], kind: str
) -> None:
    text = written[kind].text
    for word in (
        "Must-have",
        "Nice-to-have",
        "Fallback",
        "Importance",
        "Resistance",
        "walk-away",
        "Walk-away",
        "rehears",
        "Timing",
        "Talking points",
    ):
        assert word not in text
    # The checked timing item's bundled wording (shown in the brief) stays private too.
    assert "busiest week" in written["brief"].text
    assert "busiest week" not in text


def test_proposal_carries_the_shareable_material(written: dict[str, Written]) -> None:
    text = written["proposal"].text
    for field in (
        "self_assessment.business_case",
        "asks.title",
        "asks.details",
        "offers.title",
        "endorsements.quote",
        "evidence.title",
        "plan.coverage",
    ):
        assert SHARED_MARKERS[field] in text, field


def test_followup_and_letter_carry_their_shareable_material(written: dict[str, Written]) -> None:
    assert SHARED_MARKERS["meeting.next_steps"] in written["followup"].text
    letter = written["letter"].text
    assert SHARED_MARKERS["asks.title"] in letter
    assert SHARED_MARKERS["asks.details"] in letter


def test_brief_marks_endorsements_shared_or_private(written: dict[str, Written]) -> None:
    text = written["brief"].text
    assert "may be shared" in text
    assert "PRIVATE \u2014 not to be shared" in text


def _private_sentences(wb: dict[str, Any]) -> list[str]:
    """Every private text of a real workbook, cut into sentences long enough to be unique."""
    texts = [wb.get("walk_away", ""), wb.get("notes", "")]
    texts += [text for key, text in wb.get("self_assessment", {}).items() if key != "business_case"]
    texts += [ask.get("fallback", "") for ask in wb.get("asks", [])]
    for objection in wb.get("objections", []):
        texts += [objection.get("text", ""), objection.get("response", "")]
    for item in wb.get("endorsements", []):
        if not item.get("shareable"):
            texts += [item.get("quote", "")]
    meeting = wb.get("meeting", {})
    texts += [meeting.get("timing_notes", ""), meeting.get("notes", "")]
    texts += meeting.get("talking_points", [])
    sentences = [part.strip() for text in texts for part in re.split(r"(?<=[.?!])\s+", text)]
    return [sentence for sentence in sentences if len(sentence) >= 25]


def test_sample_workbook_private_text_stays_in_the_brief(tmp_path: Path) -> None:
    # The sample is bundled: if it goes missing, this fails (it is not skipped).
    assert SAMPLE.is_file(), SAMPLE
    wb = json.loads(SAMPLE.read_text(encoding="utf-8"))["workbook"]
    private = _private_sentences(wb)
    assert len(private) > 20
    texts = {
        kind: docx_text(write_document(wb, kind, tmp_path / f"{kind}.docx", dpi=20))
        for kind in ("brief", *MANAGER_FACING)
    }
    brief = " ".join(texts["brief"].split())
    for sentence in private:
        assert " ".join(sentence.split()) in brief
        for kind in MANAGER_FACING:
            assert sentence not in texts[kind], (kind, sentence)
