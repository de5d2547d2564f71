"""The four Word documents: contents, look, properties, files written safely."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from reports_fixtures import docx_text, rich_workbook

from flexprep.reports import documents, docxkit
from flexprep.reports.documents import KINDS, write_document
from flexprep.reports.text import hours

TODAY = date(2026, 11, 28)


def write(wb: dict[str, Any], kind: str, folder: Path, **kwargs: Any) -> docx.document.Document:
    path = write_document(wb, kind, folder / f"{kind}.docx", today=TODAY, dpi=30, **kwargs)
    return docx.Document(str(path))


@pytest.fixture(scope="module")
def rich_docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Any, str]]:
    folder = tmp_path_factory.mktemp("docs")
    wb = rich_workbook()
    result = {}
    for kind in KINDS:
        path = write_document(wb, kind, folder / f"{kind}.docx", today=TODAY, dpi=30)
        result[kind] = (docx.Document(str(path)), docx_text(path))
    return result


def headings(document: Any) -> list[tuple[int, str]]:
    found = []
    for paragraph in document.paragraphs:
        name = paragraph.style.name
        if name.startswith("Heading "):
            found.append((int(name.split()[1]), paragraph.text))
    return found


def assert_no_empty_heading(document: Any) -> None:
    """Every heading is followed by content before the next heading of its level or higher."""
    body = document.element.body
    blocks = [child for child in body.iterchildren() if child.tag.endswith(("}p", "}tbl"))]
    styles = {style.style_id: style.name for style in document.styles}
    pending: list[tuple[int, str]] = []
    for block in blocks:
        if block.tag.endswith("}tbl"):
            pending = []
            continue
        style_el = block.find(".//{*}pStyle")
        name = (
            styles.get(style_el.get(docx.oxml.ns.qn("w:val")), "") if style_el is not None else ""
        )
        text = "".join(block.itertext()).strip()
        has_picture = bool(block.findall(".//{*}drawing"))
        if name.startswith("Heading "):
            level = int(name.split()[1])
            assert not any(lvl >= level for lvl, _ in pending), f"empty heading: {pending}"
            pending = [(lvl, t) for lvl, t in pending if lvl < level] + [(level, text)]
        elif text or has_picture:
            pending = []
    assert not pending, f"empty heading at the end: {pending}"


@pytest.mark.parametrize("kind", KINDS)
def test_every_document_has_title_block_page_numbers_and_clean_properties(
    rich_docs: dict[str, tuple[Any, str]], kind: str
) -> None:
    document, text = rich_docs[kind]
    assert document.paragraphs[0].style.name == "Title"
    # The workbook's name is the user's own label: only the brief shows it.
    assert ("Tue/Thu remote for the MBA" in text) == (kind == "brief")
    # The follow-up is dated on the meeting day at the earliest (3 December).
    assert ("3 December 2026" if kind == "followup" else "28 November 2026") in text
    assert "Dana Whitfield" in text
    footer_xml = document.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    props = document.core_properties
    # No proposal title and no sender in this workbook: the brief keeps the workbook's
    # name as its title, the others a title of their own; the author is the user (here
    # unknown, so blank), never the app.
    if kind == "brief":
        assert props.title == "Tue/Thu remote for the MBA"
    else:
        assert props.title and "Tue/Thu remote for the MBA" not in props.title
    assert props.author == "" and props.last_modified_by == ""
    assert props.language == "en-GB"
    assert 'w:val="en-GB"' in document.styles.element.xml
    assert not props.comments and not props.keywords and not props.category
    assert_no_empty_heading(document)
    section = document.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    for shape in document.inline_shapes:
        assert shape.width <= width + 1
    for table in document.tables:
        assert table.style.name == docxkit.TABLE_STYLE
        # Widths are stored in twips (635 EMU): allow rounding per column.
        assert sum(column.width for column in table.columns) <= width + 635 * len(table.columns)


@pytest.mark.parametrize(
    # The brief: the asks and rehearsal confidence; the proposal's figures are a table.
    ("kind", "charts"),
    [("brief", 2), ("proposal", 0), ("followup", 0), ("letter", 0)],
)
def test_charts_only_where_they_belong(
    rich_docs: dict[str, tuple[Any, str]], kind: str, charts: int
) -> None:
    assert len(rich_docs[kind][0].inline_shapes) == charts


def test_brief_has_everything(rich_docs: dict[str, tuple[Any, str]]) -> None:
    document, text = rich_docs["brief"]
    wb = rich_workbook()
    titles = [title for _, title in headings(document)]
    assert titles[0] == "The last ten minutes"
    for title in (
        "Open with",
        "My walk-away",
        "Still to do",
        "Objections and my responses",
        "Nice-to-haves",
        "What I offer in return",
        "Self-assessment",
        "Evidence",
        "Endorsements",
        "The plan",
        "The meeting",
        "After the opening line",
        "Trial log",
        "Formal request",
        "My notes",
    ):
        assert title in titles, title
    values = [
        wb["walk_away"],
        wb["notes"],
        *wb["meeting"]["talking_points"],
        wb["meeting"]["timing_notes"],
        wb["meeting"]["notes"],
        *wb["meeting"]["next_steps"],
        *wb["plan"]["success_measures"],
        wb["plan"]["coverage"],
        wb["plan"]["escalation"],
        hours(wb["plan"]["core_hours"]),  # printed with an en dash
        wb["plan"]["response_time"],
        wb["plan"]["communication"],
    ]
    values += [answer for answer in wb["self_assessment"].values()]
    values += [ask[key] for ask in wb["asks"] for key in ("title", "details", "fallback")]
    values += [item[key] for item in wb["objections"] for key in ("text", "response")]
    values += [item[key] for item in wb["endorsements"] for key in ("author", "quote")]
    values += [item[key] for item in wb["evidence"] for key in ("title", "details", "source")]
    values += [entry["text"] for entry in wb["trial_log"]] + [
        offer["title"] for offer in wb["offers"]
    ]
    for value in values:
        if value:
            for line in value.split("\n"):
                assert line in text, line
    # Prompt titles, evidence with its numbers, rehearsal summary, trial dates.
    # The bundled prompt title (resources/prompts.json), not the key's fallback "Business Case".
    assert "Business case (for your manager)" in text
    assert (
        "Evidence: On-time delivery: 86% \u2192 94%; Tickets closed per week: 31 \u2192 37"
    ) in text
    assert "latest confidence 4/5 (22 November 2026)" in text
    assert "8 weeks, from 11 January 2027 to 7 March 2027" in text
    assert "Compressed week" in text and "Agreed as a trial" in text
    assert "Time for a course or credential" in text
    assert "PRIVATE" in document.sections[0].header.paragraphs[0].text


def test_proposal_sections_in_order(rich_docs: dict[str, tuple[Any, str]]) -> None:
    document, text = rich_docs["proposal"]
    titles = [title for level, title in headings(document) if level == 1]
    assert titles == [
        "The change I am asking for",
        "Why it works for the business",
        "How the work and the team are covered",
        "The trial and how we would judge it",
        "The evidence",
        "What colleagues say",
        "Next step",
    ]
    assert "Work from home on Tuesdays and Thursdays" in text
    assert "Every two weeks" in text and "8 March 2027" in text
    # Alternatives stay in the brief; the proposal asks for one thing.
    assert "Compressed week" not in text and "Phased start" not in text


def test_followup_confirms_dates(rich_docs: dict[str, tuple[Any, str]]) -> None:
    _, text = rich_docs["followup"]
    assert "Thursday 3 December 2026" in text
    assert "We agreed to try the change as a trial" in text
    assert "Dana to confirm with HR by 10 December" in text
    assert "Monday 11 January 2027" in text and "Sunday 7 March 2027" in text
    for checkin in ("25 January 2027", "8 February 2027", "22 February 2027"):
        assert checkin in text
    assert "The change is temporary" in text


def test_letter_is_a_statutory_request(rich_docs: dict[str, tuple[Any, str]]) -> None:
    # More per jurisdiction in tests/test_reports_letter.py.
    document, text = rich_docs["letter"]
    assert "statutory request for flexible working" in text
    assert "Employment Rights Act 1996" in text
    assert "28 November 2026" in text
    assert "start on 11 January 2027" in text
    assert "I have not made a statutory flexible working request" in text
    assert "Work from home on Tuesdays and Thursdays" in text
    assert "Two study days" not in text  # not part of the request
    assert "Tuesday" in text and "08:00\u201316:30" in text
    assert "effect" not in text  # no longer required in Great Britain


def test_letter_never_invents_a_start_and_names_earlier_request(tmp_path: Path) -> None:
    wb = rich_workbook()
    wb["request"] = {
        "jurisdiction": "gb",
        "proposed_start": None,
        "previous_requests": ["2026-03-03"],
    }
    wb["plan"]["trial_start"] = "2027-02-01"
    text = docx_text(write_document(wb, "letter", tmp_path / "l.docx", today=TODAY))
    assert "Draft, not ready to send: before sending, add proposed start date" in text
    assert "start on" not in text
    assert "earlier statutory flexible working request to my employer on 3 March 2026" in text


@pytest.mark.parametrize("kind", KINDS)
def test_minimal_workbook_exports_without_empty_sections(tmp_path: Path, kind: str) -> None:
    document = write({"name": "Only a name"}, kind, tmp_path)
    assert_no_empty_heading(document)
    # The workbook's name is the user's own label: the manager never reads it.
    assert ("Only a name" in docx_text(tmp_path / f"{kind}.docx")) == (kind == "brief")
    if kind == "brief":  # only the card's to-do list: everything is still to do
        assert headings(document) == [(1, "The last ten minutes"), (3, "Still to do")]


@pytest.mark.parametrize("kind", KINDS)
def test_malformed_values_are_tolerated(tmp_path: Path, kind: str) -> None:
    wb = {
        "name": "Odd",
        "asks": [{"title": 3, "importance": "9", "resistance": None}, "not an ask"],
        "objections": [{"rehearsals": [{"at": "yesterday", "confidence": "x"}, None]}],
        "evidence": [{"kind": "metric", "before": "12", "after": "abc"}],
        "plan": {
            "schedule": {"mon": "office", "tue": {"where": "moon"}},
            "trial_weeks": "8",
            "trial_start": "not a date",
            "checkin": "daily",
        },
        "meeting": None,
        "request": {"proposed_start": "2027-13-45"},
        "endorsements": [{"speaks_to": "quality", "shareable": "yes"}],
    }
    write(wb, kind, tmp_path)
    # Not only "no exception": the document was written and carries its title block.
    text = docx_text(tmp_path / f"{kind}.docx")
    assert "28 November 2026" in text
    assert ("Odd" in text) == (kind == "brief")


def test_whole_file_envelope_is_accepted(tmp_path: Path) -> None:
    envelope = {"format": "flexprep.workbook", "version": 1, "workbook": rich_workbook()}
    path = write_document(envelope, "proposal", tmp_path / "p.docx", today=TODAY, dpi=30)
    assert "Work from home on Tuesdays and Thursdays" in docx_text(path)


def test_unknown_kind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(
        ValueError,
        match="unknown document 'memo': choose brief, proposal, followup, letter, appeal or review",
    ):
        write_document({"name": "x"}, "memo", tmp_path / "x.docx")
    assert list(tmp_path.iterdir()) == []


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="folder does not exist"):
        write_document({"name": "x"}, "letter", tmp_path / "nope" / "x.docx")


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0,
    reason="needs a non-root POSIX user: root writes into read-only folders",
)
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(PermissionError):
            write_document({"name": "x"}, "letter", folder / "x.docx")
    finally:
        folder.chmod(0o700)
    assert list(folder.iterdir()) == []


def test_unwritable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)
    with pytest.raises(PermissionError, match="cannot write"):
        write_document({"name": "x"}, "letter", tmp_path / "x.docx")


def test_failure_leaves_existing_file_untouched_and_no_debris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "brief.docx"
    target.write_bytes(b"the old document")

    def broken_save(self: Any, path: Path) -> None:
        Path(path).write_bytes(b"half a docx")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docxkit.DocBuilder, "save", broken_save)
    with pytest.raises(OSError, match="No space left"):
        write_document({"name": "x"}, "letter", target)
    assert target.read_bytes() == b"the old document"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.docx"]


def test_replaces_existing_file_atomically(tmp_path: Path) -> None:
    target = tmp_path / "letter.docx"
    target.write_bytes(b"old")
    write_document({"name": "x"}, "letter", target, today=TODAY)
    # No jurisdiction chosen: a formal request that claims no statute.
    assert docx.Document(str(target)).paragraphs[0].text == "Flexible working request"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.docx"]


def test_progress_is_reported_in_order(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    write_document(
        rich_workbook(),
        "brief",
        tmp_path / "b.docx",
        dpi=20,
        progress=lambda done, total: calls.append((done, total)),
    )
    total = calls[0][1]
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert len(calls) >= 4


def test_string_path_and_default_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class FrozenDate(date):
        """Today is a fixed, unmistakable day (no race at midnight)."""

        @classmethod
        def today(cls) -> FrozenDate:
            return cls(2031, 2, 3)

    monkeypatch.setattr(documents, "date", FrozenDate)
    path = write_document({"name": "x", "manager": "Dana"}, "followup", str(tmp_path / "f.docx"))
    assert isinstance(path, Path) and path.exists()
    assert "3 February 2031" in docx_text(path)
