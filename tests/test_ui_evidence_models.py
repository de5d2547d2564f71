"""The evidence tab's item models, number parsing and research helpers, without widgets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt

from flexprep.core import content
from flexprep.ui.evidence_models import (
    ID_ROLE,
    EndorsementTableModel,
    EvidenceTableModel,
    format_number,
)
from flexprep.ui.evidence_number import NotANumberError, parse_number
from flexprep.ui.research_browser import ResearchListModel, evidence_fields, finding_added

EN = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
DE = QLocale(QLocale.Language.German, QLocale.Country.Germany)


def endorsement(ident: int, author: str, shareable: bool = False) -> dict:  # type: ignore[type-arg]
    return {"id": ident, "author": author, "relationship": "client", "date": date(2026, 10, 2),
            "quote": "Great work", "speaks_to": ["quality"], "shareable": shareable}


def metric(ident: int, before: float | None, after: float | None, unit: str = "%") -> dict:  # type: ignore[type-arg]
    return {"id": ident, "kind": "metric", "title": "On time", "details": "", "source": "",
            "unit": unit, "before": before, "before_label": "", "after": after,
            "after_label": "", "higher_is_better": True}


@pytest.mark.parametrize(("locale", "text", "value"), [
    (EN, "1.5", 1.5), (DE, "1,5", 1.5), (EN, "1,234.5", 1234.5), (DE, "1.234,5", 1234.5),
    (EN, " -3 ", -3.0), (EN, "", None), (DE, "   ", None),
])
def test_numbers_are_read_as_the_locale_writes_them(locale, text, value) -> None:  # type: ignore[no-untyped-def]
    assert parse_number(text, locale) == value


@pytest.mark.parametrize(("locale", "text"), [
    (EN, "12,3,4"), (DE, "12,3,4"), (EN, "1,5"), (DE, "1.5"), (EN, "abc"), (EN, "inf"),
    (EN, "nan"), (EN, "1e400"), (EN, "1e300"),
])
def test_bad_numbers_are_refused_with_the_text_quoted(locale, text) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotANumberError, match=f"‘{text}’ is"):
        parse_number(text, locale)


def test_numbers_round_trip_through_the_field_text() -> None:
    for value in (86.0, 0.1, 1234567.25, -2.5, 1e-7):
        for locale in (EN, DE):
            assert parse_number(format_number(value, locale), locale) == value


def test_endorsement_model_shows_author_relationship_and_sharing() -> None:
    model = EndorsementTableModel()
    model.set_rows([endorsement(1, "Maria"), endorsement(2, "", shareable=True)])
    assert model.rowCount() == 2 and model.columnCount() == 3
    assert model.index(0, model.COL_AUTHOR).data() == "Maria"
    assert model.index(1, model.COL_AUTHOR).data() == "(no author)"
    assert model.index(0, model.COL_RELATIONSHIP).data() == "Client"
    assert model.index(0, model.COL_SHARED).data() == "Private"
    assert model.index(1, model.COL_SHARED).data() == "✓ Shared"
    assert model.index(1, 0).data(ID_ROLE) == 2
    assert "Great work" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    model.set_field(1, "shareable", True)
    assert model.index(0, model.COL_SHARED).data() == "✓ Shared"


def test_evidence_model_summarises_metrics() -> None:
    model = EvidenceTableModel()
    model.set_rows([metric(1, 86, 95), metric(2, None, 5, "hours"), metric(3, None, None)])
    assert model.index(0, model.COL_VALUES).data() == "86 → 95 %"
    assert model.index(1, model.COL_VALUES).data() == "? → 5 hours"
    assert model.index(2, model.COL_VALUES).data() == ""
    assert model.index(0, model.COL_KIND).data() == "Metric"


def test_rows_move_and_a_drop_asks_the_owner_to_move() -> None:
    model = EndorsementTableModel()
    model.set_rows([endorsement(i, name) for i, name in enumerate("ABCD")])
    model.move_row(0, 2)
    assert [row["author"] for row in model.rows] == ["B", "C", "A", "D"]
    model.move_row(3, 0)
    assert [row["author"] for row in model.rows] == ["D", "B", "C", "A"]

    asked: list[tuple[int, int]] = []
    model.move_requested.connect(lambda source, target: asked.append((source, target)))
    mime = model.mimeData([model.index(0, 0)])
    move = Qt.DropAction.MoveAction
    # Between rows 2 and 3 (before row 3): D ends up at index 2.
    assert not model.dropMimeData(mime, move, 3, 0, QModelIndex())
    # Onto row 1: takes its place.
    model.dropMimeData(mime, move, -1, -1, model.index(1, 0))
    # Below the last row: last.
    model.dropMimeData(model.mimeData([model.index(2, 0)]), move, -1, -1, QModelIndex())
    assert asked == [(0, 2), (0, 1), (2, 3)]


def test_every_finding_can_be_added_once() -> None:
    findings = content.research_library()
    assert findings
    evidence: list[dict] = []  # type: ignore[type-arg]
    for ident, finding in enumerate(findings):
        assert not finding_added(finding, evidence)
        fields = evidence_fields(finding)
        assert fields["kind"] == "research" and fields["source"] == finding["source"]
        assert finding["figure"] in fields["details"]
        assert finding["limits"] in fields["details"]
        evidence.append({"id": ident, **metric(ident, None, None), **fields})
        assert finding_added(finding, evidence)
    model = ResearchListModel(findings)
    model.set_added({findings[0]["key"]})
    assert "in your evidence" in model.index(0).data()
    assert "in your evidence" not in model.index(1).data()
