"""The share check and the brief say truly where the alternatives go: a ticked phased
start or asynchronous work with a written line reaches the proposal; the rest stay in
the brief."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import FULL_WORKBOOK
from reports_fixtures import docx_text

from flexprep.reports.documents import write_document
from flexprep.ui.shell.share_check import findings

PHASED = "One home day in January, two from February"
ASYNC = "Decisions the same day are a call; the rest waits for a written reply"


def _book(alternatives: list[str], details: dict[str, str]) -> dict[str, Any]:
    wb: dict[str, Any] = json.loads(FULL_WORKBOOK.read_text(encoding="utf-8"))["workbook"]
    wb["plan"]["alternatives"] = alternatives
    wb["plan"]["alternative_details"] = details
    return wb


def _note(wb: dict[str, Any]) -> str:
    (found,) = [f for f in findings(wb, "proposal").findings if f.key == "alternatives"]
    return found.text


def test_the_note_names_what_goes_in_and_what_stays(tmp_path: Path) -> None:
    wb = _book(["phased_start", "compressed_week"], {"phased_start": PHASED})
    note = _note(wb)
    assert note == (
        "Your phased start line goes in the proposal, under how you would work day to "
        "day; the other alternatives (compressed week) stay in your brief."
    )
    # And it is so: the line is in the proposal, the compressed week is not.
    proposal = docx_text(write_document(wb, "proposal", tmp_path / "p.docx", dpi=30))
    assert PHASED in proposal and "Compressed week" not in proposal


def test_the_note_when_every_alternative_goes_in() -> None:
    wb = _book(["async", "phased_start"], {"phased_start": PHASED, "async": ASYNC})
    assert _note(wb) == (
        "Your asynchronous work line and phased start line go in the proposal, "
        "under how you would work day to day."
    )


def test_the_note_when_none_goes_in_says_how_one_could() -> None:
    assert _note(_book(["compressed_week"], {})) == (
        "Your alternatives stay in your brief: the proposal asks for one thing."
    )
    note = _note(_book(["phased_start", "job_share"], {"job_share": "With Sam, Mon-Wed"}))
    assert note.startswith("Your alternatives stay in your brief")
    assert "Write a line of detail for phased start in the Plan tab" in note


def test_the_brief_heading_says_which_lines_reach_the_proposal(tmp_path: Path) -> None:
    wb = _book(["phased_start", "compressed_week"], {"phased_start": PHASED})
    brief = docx_text(write_document(wb, "brief", tmp_path / "b.docx", dpi=30))
    assert "not in the proposal" not in brief
    assert (
        "Alternatives (in reserve; a ticked phased start or async line goes in the proposal)"
        in brief
    )
