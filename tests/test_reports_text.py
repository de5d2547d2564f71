"""Any text the database can hold exports: control characters, emoji, RTL, long text."""

from __future__ import annotations

import re
import tempfile
from datetime import date
from pathlib import Path
from unittest import mock

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reports_fixtures import docx_text, rich_workbook

from flexprep.reports import chartkit
from flexprep.reports.charts import asks_figure, confidence_figure, metrics_figure
from flexprep.reports.documents import KINDS, write_document
from flexprep.reports.text import chart_label, clean, shorten

TRICKY = st.sampled_from([
    "\x00", "\x0b", "\x0c", "\x1f", "\ufffe", "\uffff", "\r\n", "\r", "\t", "\n\n",
    "\U0001f600", "\U0001f469\u200d\U0001f4bb", "\u05e9\u05dc\u05d5\u05dd",
    "\u0645\u0631\u062d\u0628\u0627", "\u202e", "$x^2$", "<w:t>&amp;", "  ",
])  # fmt: skip
TEXT = st.lists(st.one_of(st.text(max_size=20), TRICKY), max_size=5).map("".join)
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def squash(text: str) -> str:
    return " ".join(text.split())


@given(TEXT)
@settings(max_examples=200, deadline=None)
def test_clean_text_is_accepted_by_word(text: str) -> None:
    cleaned = clean(text)
    assert not XML_INVALID.search(cleaned) and "\r" not in cleaned
    docx.Document().add_paragraph(cleaned)
    assert "\n" not in shorten(text, 10) and len(shorten(text, 10)) <= 10
    assert "$" not in chart_label(text).replace("\\$", "")


@given(texts=st.lists(TEXT, min_size=12, max_size=12))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_in_every_field_exports(texts: list[str]) -> None:
    wb = rich_workbook()
    (name, ask, details, offer, case, quote, step, coverage, objection, walk_away, notes,
     metric) = texts  # fmt: skip
    wb["name"] = name
    wb["asks"][0].update(title=ask, details=details, fallback=walk_away)
    wb["offers"][0]["title"] = offer
    wb["self_assessment"]["business_case"] = case
    wb["self_assessment"]["goals"] = notes
    wb["endorsements"][0]["quote"] = quote
    wb["meeting"]["next_steps"] = [step]
    wb["meeting"]["talking_points"] = [objection]
    wb["plan"]["coverage"] = coverage
    wb["objections"][0].update(text=objection, response=walk_away)
    wb["walk_away"] = walk_away
    wb["notes"] = notes
    wb["evidence"][0].update(title=metric, unit=metric[:3], before_label=metric)
    wb["manager"] = quote
    # Charts get the same text in test_any_text_in_every_chart; drawing them here too
    # would make this test slow without testing more.
    tiny_png = chartkit.figure_png(chartkit.new_figure(0.1, 0.1), dpi=10)
    with (
        tempfile.TemporaryDirectory() as folder,
        mock.patch.object(chartkit, "figure_png", return_value=tiny_png),
    ):
        read = {}
        for kind in KINDS:
            path = write_document(
                wb, kind, Path(folder) / f"{kind}.docx", today=date(2027, 1, 1), dpi=10
            )
            read[kind] = squash(docx_text(path))
    expect = {
        "proposal": [ask, details, offer, case, quote, coverage, metric],
        "followup": [step],
        "letter": [ask, details],
        "brief": [walk_away, notes, objection, ask, case],
    }
    for kind, values in expect.items():
        for value in values:
            assert squash(clean(value)) in read[kind], (kind, value)


@given(texts=st.lists(TEXT, min_size=4, max_size=4))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_in_every_chart(texts: list[str]) -> None:
    title, label, unit, objection = texts
    figures = [
        asks_figure([{"title": title, "importance": 2, "resistance": 4},
                     {"title": label, "importance": 2, "resistance": 4, "priority": "must"}]),
        metrics_figure([{"kind": "metric", "title": title, "unit": unit, "before": 1,
                         "after": 2, "before_label": label, "after_label": objection}]),
        confidence_figure([{"text": objection, "rehearsals": [
            {"at": "2026-11-01T10:00:00", "confidence": 2},
            {"at": "2026-11-03T10:00:00", "confidence": 4}]}]),
    ]  # fmt: skip
    for figure in figures:
        assert figure is not None
        assert chartkit.figure_png(figure, dpi=10).startswith(b"\x89PNG")


def test_hours_print_with_an_en_dash_between_two_times() -> None:
    from flexprep.reports.text import hours

    assert hours("08:00-16:30") == "08:00\u201316:30"
    assert hours(" 9 - 5 ") == "9\u20135"
    assert hours("07.30-15.00, Fridays to 13:00") == "07.30\u201315.00, Fridays to 13:00"
    assert hours("8-12 and 13-17") == "8\u201312 and 13\u201317"
    assert hours("overlap 09:00-15:00.") == "overlap 09:00\u201315:00."
    # Not a range of two times: left as typed.
    for typed in ("2027-01-05", "1-2-3", "1.5-2.5.3", "10:00 \u2013 15:00", "flexible", ""):
        assert hours(typed) == typed
    assert hours("09:00-17:30\u2028then") == "09:00\u201317:30\nthen"  # still cleaned


def test_the_letter_prints_hours_with_an_en_dash_and_keeps_them_as_typed(tmp_path: Path) -> None:
    data = rich_workbook()
    text = docx_text(write_document(data, "letter", tmp_path / "letter.docx"))
    assert "08:00\u201316:30" in text and "08:00-16:30" not in text
    assert data["plan"]["schedule"]["tue"]["hours"] == "08:00-16:30"
