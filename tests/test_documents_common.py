"""What every document shares: British English, the user as author, breaks kept as
breaks, numbers drawn whatever their size or sign, drafts kept from the manager."""

from __future__ import annotations

import math
import subprocess
import sys
from datetime import date
from pathlib import Path

import docx
import pytest
from documents_fixtures import SENDER, all_xml, sample, with_drafts
from reports_fixtures import PRIVATE_MARKERS, docx_text, marked_workbook

from flexprep.reports import chartkit
from flexprep.reports.charts import metrics_figure
from flexprep.reports.documents import write_document
from flexprep.reports.text import clean

MINE = ("brief", "proposal", "followup")
MANAGER_FACING = ("proposal", "followup")
TODAY = date(2026, 11, 30)


@pytest.mark.parametrize("kind", MINE)
def test_british_english_and_the_user_as_author(tmp_path: Path, kind: str) -> None:
    path = write_document(sample(), kind, tmp_path / f"{kind}.docx", today=TODAY, dpi=30)
    document = docx.Document(str(path))
    props = document.core_properties
    assert (props.author, props.last_modified_by, props.language) == (SENDER, SENDER, "en-GB")
    xml = all_xml(path)
    assert 'w:lang w:val="en-GB"' in xml and "en-US" not in xml.replace('w:eastAsia="en-US"', "")
    assert "FlexPrep" not in xml


@pytest.mark.parametrize("kind", MANAGER_FACING)
def test_manager_documents_carry_no_workbook_name_draft_or_private_marker(
    tmp_path: Path, kind: str
) -> None:
    wb = marked_workbook()
    wb["name"] = "privworkbooknamemark"
    wb["asks"].append({"title": "Draft ask privdraftaskmark", "draft": True})
    path = write_document(wb, kind, tmp_path / f"{kind}.docx", today=TODAY, dpi=30)
    xml = all_xml(path).lower()
    for marker in (*PRIVATE_MARKERS.values(), "privworkbooknamemark", "privdraftaskmark"):
        assert marker not in xml, marker


@pytest.mark.parametrize("kind", MINE)
def test_separators_become_breaks_and_controls_are_dropped(tmp_path: Path, kind: str) -> None:
    wb = sample()
    wb["asks"][0]["details"] = (
        "line one\u2028line two\u2029second paragraph\x0bafter a "
        "vertical tab\x85after NEL\x9f\x00\x07 end"
    )
    wb["meeting"]["next_steps"][-1]["text"] = "step\u2028continued"  # due after the meeting
    path = write_document(wb, kind, tmp_path / f"{kind}.docx", today=TODAY, dpi=30)
    text = docx_text(path)
    xml = all_xml(path)
    for char in ("\u2028", "\u2029", "\x85", "\x9f", "\x0b", "\x07"):
        assert char not in xml, repr(char)
    if kind != "followup":  # the follow-up names the asks, without their details
        assert "line one\nline two\n" in text
        assert "second paragraph\nafter a vertical tab\nafter NEL end" in text
    if kind != "proposal":  # the proposal does not list next steps
        assert "step\ncontinued" in text


def test_clean_maps_every_break() -> None:
    assert clean("a\u2028b\u2029c\x0bd\x0ce\x85f\r\ng\rh") == "a\nb\n\nc\nd\ne\nf\ng\nh"
    assert clean("x\x00\x08\x7f\x80\x9fy") == "xy"


def test_a_negative_value_draws_a_bar_and_its_label_sits_below_it() -> None:
    figure = metrics_figure(
        [
            {"kind": "metric", "title": "Margin", "unit": "%", "before": 4, "after": -2.5},
            {"kind": "metric", "title": "Only after", "after": -7},
        ]
    )
    assert figure is not None
    margin, only_after = figure.axes[0], figure.axes[1]
    heights = [patch.get_height() for patch in margin.patches]
    assert heights[0] == pytest.approx(1.0) and heights[1] == pytest.approx(-0.625)
    label = next(text for text in margin.texts if text.get_text() == "-2.5%")
    assert label.xy[1] == pytest.approx(-0.625)  # written at the end of the bar, below it
    assert [patch.get_height() for patch in only_after.patches][1] == pytest.approx(-1.0)
    low, high = margin.get_ylim()
    assert low < -0.625 and high > 1.0  # room for both labels


def test_huge_numbers_read_as_words_and_tiny_bars_still_show() -> None:
    figure = metrics_figure(
        [{"kind": "metric", "title": "Revenue", "unit": "GBP", "before": 3e12, "after": 2.5e9}]
    )
    assert figure is not None
    texts = {text.get_text() for text in figure.axes[0].texts}
    assert {"3 trillion GBP", "2.5 billion GBP"} <= texts
    heights = [patch.get_height() for patch in figure.axes[0].patches]
    assert heights[1] > 0.02  # a thousand times smaller, still visible
    assert not any("e+" in text for text in texts)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (86, "86"),
        (-12.34, "-12.3"),
        (2.5e9, "2.5 billion"),
        (-3e12, "-3 trillion"),
        (1.2e18, "1.2 \u00d7 10\u00b9\u2078"),
        (-1e308, "-1 \u00d7 10\u00b3\u2070\u2078"),
        (9.999e20, "1 \u00d7 10\u00b2\u00b9"),
    ],
)
def test_readable_number(value: float, text: str) -> None:
    assert chartkit.readable_number(value) == text
    assert math.isfinite(value)


def test_the_command_line_leaves_drafts_out_and_says_so(tmp_path: Path) -> None:
    import json

    source = tmp_path / "drafts.json"
    source.write_text(
        json.dumps({"format": "flexprep.workbook", "version": 2, "workbook": with_drafts()}),
        encoding="utf-8",
    )
    db = tmp_path / "db.sqlite3"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "flexprep", "--db", str(db), *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    name = run("import", str(source)).stdout.strip()
    out = tmp_path / "proposal.docx"
    left_out = run("export", name, "-o", str(out), "--document", "proposal")
    assert left_out.returncode == 0
    assert left_out.stderr == (
        "flexprep: 2 draft asks left out of the proposal (still "
        "marked as drafts); --include-drafts keeps them\n"
    )
    assert "For example Tuesday" not in docx_text(out)
    kept = run("export", name, "-o", str(out), "--document", "proposal", "--include-drafts")
    assert (kept.returncode, kept.stderr) == (0, "")
    assert "For example Tuesday and Thursday at home" in docx_text(out)
    brief = run("export", name, "-o", str(tmp_path / "brief.docx"))
    assert (brief.returncode, brief.stderr) == (0, "")  # the brief has everything
    refused = run("export", name, "-o", str(tmp_path / "x.json"), "--include-drafts")
    assert refused.returncode == 2
    assert "--include-drafts applies to Word (.docx) exports only" in refused.stderr
