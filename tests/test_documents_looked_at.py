"""What looking at every page of the manager's documents turned up, kept fixed.

The sample's letter on one page (no second page holding only the signature); earlier
requests stated in the letter's opening; a follow-up without the steps that were part
of preparing for the meeting, and whose pattern table does not contradict an ask agreed
with changes; a reply never dated before the decision it answers; one ask not numbered
"1."; titles on one line; negative numbers with a true minus sign.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from documents_fixtures import after_meeting, sample
from docx_layout import Layout, pdf_pages, soffice
from reports_fixtures import docx_text

from flexprep.reports import followup, privacy
from flexprep.reports.documents import write_document

TODAY = date(2026, 11, 30)


def write(wb: dict[str, Any], kind: str, folder: Path, today: date = TODAY) -> Path:
    return write_document(wb, kind, folder / f"{kind}.docx", today=today, dpi=40)


def test_the_sample_letter_is_one_page(tmp_path: Path) -> None:
    path = write(sample(), "letter", tmp_path)
    assert Layout(path).pages() == 1
    if soffice():
        pages, texts = pdf_pages(path)
        assert pages == 1
        if texts:
            assert "Yours sincerely" in texts[0] and "Leah Brennan" in texts[0]


def test_the_letter_says_in_its_opening_whether_i_asked_before(tmp_path: Path) -> None:
    path = write(sample(), "letter", tmp_path)
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    opening = paragraphs[paragraphs.index("Dear Dana,") + 1]
    assert opening.startswith("This is a statutory request for flexible working.")
    assert opening.endswith(
        "I have not made a statutory flexible working request to Harbourside Foods Ltd before."
    )
    assert "Earlier requests" not in paragraphs


def test_a_letter_with_nothing_below_does_not_point_below(tmp_path: Path) -> None:
    text = docx_text(write({"name": "Just a name"}, "letter", tmp_path))
    assert "formal request for a change to my working arrangements." in text
    assert "as set out below" not in text
    one = {"name": "One", "asks": [{"title": "Fridays at home", "in_request": True}]}
    assert "as set out below" in docx_text(write(one, "letter", tmp_path))


def test_the_follow_up_leaves_out_steps_due_before_the_meeting(tmp_path: Path) -> None:
    text = docx_text(write(sample(), "followup", tmp_path))
    assert "Decide on the eight-week trial" in text  # due 18 December, after the meeting
    assert "Send Dana the written proposal" not in text  # due the day before it
    assert "Ask HR how a half day" not in text


def test_an_ask_agreed_with_changes_qualifies_the_pattern(tmp_path: Path) -> None:
    note = "where we agreed changes above, those apply"
    assert note in docx_text(write(after_meeting("trial"), "followup", tmp_path))
    unchanged = after_meeting("agreed")
    for ask in unchanged["asks"]:
        if ask["outcome"] == "changed":
            ask["outcome"] = "agreed"
    assert note not in docx_text(write(unchanged, "followup", tmp_path))


def test_a_refusal_s_reasons_are_restated_when_the_view_holds_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Today the refusal is declared for the appeal alone (core/fields.py); once it is
    shared with the follow-up as well, the follow-up restates the reasons and the date
    of the decision, never the grounds."""
    wb = after_meeting("declined")
    wb["meeting"]["refusal"]["reasons"] = "Friday afternoons cannot be covered in the busy season"
    monkeypatch.setattr(followup, "manager_view", lambda w, _d: privacy.manager_view(w, "appeal"))
    path = write(wb, "followup", tmp_path, date(2026, 12, 4))
    text = docx_text(path)
    assert "The reasons you gave" in text
    assert "As I understood them on Thursday 3 December 2026" in text
    assert "Friday afternoons cannot be covered in the busy season" in text
    assert "extra costs" not in text.lower()


def test_a_reply_is_never_dated_before_the_decision(tmp_path: Path) -> None:
    path = write(after_meeting("declined"), "appeal", tmp_path, date(2026, 11, 30))
    text = docx_text(path)
    assert "Date\n3 December 2026" in text or "Date\t3 December 2026" in text
    assert "30 November 2026" not in text.split("Dear", 1)[0]


def test_one_ask_is_a_sentence_not_a_list_of_one(tmp_path: Path) -> None:
    wb = {"name": "One", "asks": [{"title": "Work from home on Fridays", "priority": "must"}]}
    document = docx.Document(str(write(wb, "proposal", tmp_path)))
    styles = {p.style.name for p in document.paragraphs if "Fridays" in p.text}
    assert styles and "List Number" not in styles


def test_titles_stay_on_one_line_and_minus_is_a_minus(tmp_path: Path) -> None:
    wb = sample()
    wb["asks"][0]["title"] = "Work from home\u2028on Tuesdays\u2029and Thursdays\x07"
    wb["evidence"][0].update(before=-12.5, after=-3.25)
    document = docx.Document(str(write(wb, "proposal", tmp_path)))
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("Work from home on Tuesdays and Thursdays \u2014") for t in texts)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert any(cell.startswith("\u221212.5%") for cell in cells)
    assert not any(cell.startswith("-12.5") for cell in cells)
