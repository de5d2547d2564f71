"""The item models of the Objection rehearsal tab, without widgets."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

from PySide6.QtCore import Qt

from flexprep.core import content
from flexprep.ui.objections.library_models import (
    ADDED_ROLE,
    SEARCH_ROLE,
    LibraryFilterModel,
    LibraryListModel,
)
from flexprep.ui.objections.models import (
    COL_CONFIDENCE,
    COL_LIKELIHOOD,
    COL_TEXT,
    DRAFT_ROLE,
    EvidenceCheckModel,
    ObjectionItem,
    ObjectionTableModel,
)
from flexprep.ui.objections.rehearsal_card import clock_text


def _evidence(ident: int, title: str, **fields) -> SimpleNamespace:  # type: ignore[no-untyped-def]
    base = {
        "kind": "achievement",
        "details": "",
        "source": "",
        "unit": "",
        "before": None,
        "after": None,
        "before_label": "",
        "after_label": "",
    }
    return SimpleNamespace(id=ident, title=title, **{**base, **fields})


def test_objection_table_shows_drafts_likelihood_and_latest_confidence(qtbot) -> None:
    model = ObjectionTableModel()
    rated = ObjectionItem(
        1,
        "Who covers Fridays?",
        likelihood=4,
        rehearsals=[
            {"at": datetime(2026, 11, 1), "confidence": 2},
            {"at": datetime(2026, 11, 5), "confidence": 4},
        ],
    )
    model.set_items([rated, ObjectionItem(2, "Too costly", draft=True), ObjectionItem(3, "")])
    assert model.rowCount() == 3 and model.columnCount() == 3
    assert model.index(0, COL_TEXT).data() == "Who covers Fridays?"
    assert model.index(0, COL_LIKELIHOOD).data() == "4"
    assert model.index(0, COL_CONFIDENCE).data() == "4"
    assert model.index(1, COL_CONFIDENCE).data() == "–"
    assert model.index(1, COL_TEXT).data() == "Draft · Too costly"
    assert model.index(1, COL_TEXT).data(DRAFT_ROLE) is True
    assert model.index(1, COL_TEXT).data(Qt.ItemDataRole.FontRole).italic()
    assert "type it in" in model.index(2, COL_TEXT).data()

    with qtbot.waitSignal(model.dataChanged):
        model.update(2, draft=False, text="Too costly for us")
    assert model.index(1, COL_TEXT).data() == "Too costly for us"


def test_a_megabyte_of_text_is_cut_for_display() -> None:
    model = ObjectionTableModel()
    model.set_items([ObjectionItem(1, "word " * 200_000)])
    assert len(model.index(0, COL_TEXT).data()) < 500
    assert len(model.index(0, COL_TEXT).data(Qt.ItemDataRole.ToolTipRole)) < 800


def test_evidence_check_model_reports_links_in_workbook_order(qtbot) -> None:
    model = EvidenceCheckModel()
    model.set_evidence(
        [
            _evidence(7, "Delivery", kind="metric", unit="%", before=86, after=95),
            _evidence(9, "Pricing model rebuilt"),
        ]
    )
    assert model.index(0).data() == "Delivery  —  86% → 95%"
    assert model.index(1).data() == "Pricing model rebuilt  (achievement)"
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsUserCheckable
    with qtbot.waitSignal(model.links_changed) as blocker:
        model.setData(model.index(1), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert blocker.args == [[9]]
    with qtbot.waitSignal(model.links_changed) as blocker:
        model.setData(model.index(0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert blocker.args == [[7, 9]]
    assert model.index(0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    model.set_evidence([_evidence(9, "Pricing model rebuilt")])
    assert model.checked_ids() == [9], "links to deleted evidence are dropped"


def test_library_filter_by_theme_and_every_word() -> None:
    entries = content.objection_library()
    source = LibraryListModel()
    source.set_entries(entries)
    proxy = LibraryFilterModel()
    proxy.setSourceModel(source)
    assert proxy.rowCount() == len(entries) >= 34
    proxy.set_theme("cost")
    assert 0 < proxy.rowCount() == sum(1 for e in entries if e["theme"] == "cost")
    proxy.set_theme(None)
    proxy.set_search("TRIAL   measure")
    for row in range(proxy.rowCount()):
        haystack = proxy.index(row, 0).data(SEARCH_ROLE)
        assert "trial" in haystack and "measure" in haystack
    assert 0 < proxy.rowCount() < len(entries)
    source.set_added({entries[0]["key"]})
    assert source.index(0).data(ADDED_ROLE) is True
    assert source.index(0).data().startswith("✓ ")


def test_every_statutory_ground_is_in_the_library() -> None:
    grounds = {e["statutory_ground"] for e in content.objection_library()}
    assert set(content.STATUTORY_GROUNDS) <= grounds


def test_clock_text_rounds_up() -> None:
    assert [clock_text(s) for s in (60, 59.01, 1.2, 0.0, 125)] == [
        "1:00",
        "1:00",
        "0:02",
        "0:00",
        "2:05",
    ]
