"""Pages as the manager and the user get them: the sample's proposal on two A4 pages,
the brief's card on page 1.

Counted by LibreOffice where ``soffice`` is installed, and always from the layout too
(tests/docx_layout.py), so neither test is ever skipped: on a machine without
LibreOffice the layout's count decides; where both exist they must agree.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from documents_fixtures import after_meeting, sample
from docx_layout import Layout, pdf_pages, soffice

from flexprep.reports.documents import write_document

TODAY = date(2026, 11, 30)
MAX_PROPOSAL_PAGES = 2


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pages")


def test_the_sample_proposal_is_at_most_two_pages(folder: Path) -> None:
    path = write_document(sample(), "proposal", folder / "proposal.docx", today=TODAY)
    estimated = Layout(path).pages()
    assert estimated <= MAX_PROPOSAL_PAGES
    if soffice():
        pages, texts = pdf_pages(path)
        assert pages <= MAX_PROPOSAL_PAGES
        assert estimated == pages
        if texts:  # the closing, with the request for a decision, is on the last page
            assert "decision by 17 December 2026" in " ".join(texts[-1].split())


def test_the_brief_card_is_page_one(folder: Path) -> None:
    path = write_document(sample(), "brief", folder / "brief.docx", today=TODAY, dpi=60)
    layout = Layout(path)
    assert layout.first_page_height() <= layout.page_height
    if soffice():
        pages, texts = pdf_pages(path)
        assert pages == layout.pages()
        if texts:
            first, second = (" ".join(text.split()) for text in texts[:2])
            assert "The last ten minutes" in first and "Still to do" in first
            assert "Send Dana the written proposal" in first  # the last to-do
            assert "Objections and my responses" in second[:200]


@pytest.mark.parametrize("kind", ["brief", "proposal", "followup"])
def test_a_minimal_workbook_is_one_page(folder: Path, kind: str) -> None:
    path = write_document({"name": "Just a name"}, kind, folder / f"min_{kind}.docx", today=TODAY)
    assert Layout(path).pages() == 1
    if soffice():
        assert pdf_pages(path)[0] == 1


def test_the_follow_up_after_a_trial_is_two_pages_at_most(folder: Path) -> None:
    path = write_document(after_meeting("trial"), "followup", folder / "trial.docx", today=TODAY)
    assert Layout(path).pages() <= 2
    if soffice():
        assert pdf_pages(path)[0] <= 2
