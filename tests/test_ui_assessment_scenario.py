"""Prompts in the words of the workbook's scenario, with drafts to start from."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from flexprep.core import content, vocab
from flexprep.core.drafts import add_drafts  # noqa: F401  (the seeding under test)
from flexprep.core.models import Ask
from tests.uitools import open_window

ADVICE_KEYS = ("business_case", "goals", "track_record", "team_impact")


@pytest.mark.parametrize("scenario", list(vocab.SCENARIOS))
def test_every_scenario_has_its_own_coaching_and_a_team_option(scenario: str) -> None:
    prompts = {prompt["key"]: prompt for prompt in content.prompts(scenario)}
    general = {prompt["key"]: prompt for prompt in content.prompts()}
    for key in ADVICE_KEYS:
        assert prompts[key]["coaching"] != general[key]["coaching"], (scenario, key)
    assert prompts["business_case"]["draft"] and prompts["goals"]["draft"]
    # Learning from the last remote period: what worked, what went wrong, the fix.
    track = prompts["track_record"]["prompt"]
    assert "went well" in track and "went wrong" in track and "plan" in track
    # A team-wide proposal is offered everywhere: read the room, propose together.
    assert "colleagues" in prompts["team_impact"]["coaching"]
    asks = content.scenario(scenario)["asks"]
    assert any("colleague" in a["title"].lower() or "team" in a["title"].lower() for a in asks)


def test_study_ties_the_course_to_what_the_business_needs() -> None:
    prompts = {prompt["key"]: prompt for prompt in content.prompts("education")}
    coaching = prompts["business_case"]["coaching"]
    for need in ("risk", "compliance", "buys in", "delivery"):
        assert need in coaching, need
    goals = prompts["goals"]["coaching"]
    assert "modules" in goals and "exams" in goals and "contribute" in goals


def test_a_new_study_workbook_starts_from_the_draft_business_case(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    book = window.service.create_workbook("MBA Fridays", "education")
    window.switch_to(book.id)
    tab = window.tab_pages["assessment"]
    window.tabs.setCurrentWidget(tab)
    editor = tab.editors["business_case"]
    coaching = tab.findChild(type(tab.load_error), "coaching_business_case")
    assert "compliance" in coaching.text()
    button = tab.scenario_prompts.draft_buttons["business_case"]
    tab.scroll_area.ensureWidgetVisible(button)
    qtbot.waitUntil(button.isVisible, timeout=1000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert editor.text().startswith("The course covers the financial modelling")
    assert not button.isVisible()  # the answer is the user's now
    qtbot.keyClicks(editor, " Edited by me.")
    assert window.saver.flush()
    saved = window.service.answers(book.id)["business_case"]
    assert saved.startswith("The course covers") and saved.endswith("Edited by me.")
    # The team option is among the drafted asks, marked as a draft.
    asks = window.service.items(Ask, book.id)
    team = [a for a in asks if "colleagues" in a.title]
    assert team and all(a.draft for a in team)
    # Another scenario, other words.
    other = window.service.create_workbook("Early starts", "flexible_hours")
    window.switch_to(other.id)
    assert "overseas" in coaching.text() or "hours" in coaching.text()
    assert "compliance" not in coaching.text()
