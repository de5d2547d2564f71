"""The evidence tab's item models, number parsing and research helpers, without widgets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt

from flexprep.core import content
from flexprep.ui.evidence.models import (
    ID_ROLE,
    EndorsementTableModel,
    EvidenceTableModel,
)
from flexprep.ui.evidence.number import NotANumberError, parse_number
from flexprep.ui.evidence.research_browser import ResearchListModel, evidence_fields, finding_added
from flexprep.ui.widgets.numbers import number_text

EN = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
DE = QLocale(QLocale.Language.German, QLocale.Country.Germany)
LOCALES = {"en_US": EN, "de_DE": DE}


def endorsement(ident: int, author: str, shareable: bool = False) -> dict:  # type: ignore[type-arg]
    return {
        "id": ident,
        "author": author,
        "relationship": "client",
        "date": date(2026, 10, 2),
        "quote": "Great work",
        "speaks_to": ["quality"],
        "shareable": shareable,
    }


def metric(ident: int, before: float | None, after: float | None, unit: str = "%") -> dict:  # type: ignore[type-arg]
    return {
        "id": ident,
        "kind": "metric",
        "title": "On time",
        "details": "",
        "source": "",
        "unit": unit,
        "before": before,
        "before_label": "",
        "after": after,
        "after_label": "",
        "higher_is_better": True,
    }


@pytest.mark.parametrize(
    ("locale", "text", "value"),
    [
        ("en_US", "1.5", 1.5),
        ("de_DE", "1,5", 1.5),
        ("en_US", "1,234.5", 1234.5),
        ("de_DE", "1.234,5", 1234.5),
        ("en_US", " -3 ", -3.0),
        ("en_US", "", None),
        ("de_DE", "   ", None),
    ],
    ids=[
        "en-decimal",
        "de-decimal",
        "en-thousands",
        "de-thousands",
        "spaces-around",
        "empty",
        "blank",
    ],
)
def test_numbers_are_read_as_the_locale_writes_them(
    locale: str, text: str, value: float | None
) -> None:
    assert parse_number(text, LOCALES[locale]) == value


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en_US", "12,3,4"),
        ("de_DE", "12,3,4"),
        ("en_US", "1,5"),
        ("de_DE", "1.5"),
        ("en_US", "abc"),
        ("en_US", "inf"),
        ("en_US", "nan"),
        ("en_US", "1e400"),
        ("en_US", "1e300"),
    ],
)
def test_bad_numbers_are_refused_with_the_text_quoted(locale: str, text: str) -> None:
    with pytest.raises(NotANumberError, match=f"‘{text}’ is"):
        parse_number(text, LOCALES[locale])


@pytest.mark.parametrize(
    "value", [86.0, 0.1, 1234567.25, -2.5, 1e-7, 0.1 + 0.2, 2.0**53, 123456789.123]
)
@pytest.mark.parametrize("locale", [EN, DE, QLocale.c()], ids=["en_US", "de_DE", "C"])
def test_numbers_round_trip_through_the_field_text(locale: QLocale, value: float) -> None:
    assert parse_number(number_text(value, exact=True, locale=locale), locale) == value


def test_the_field_writes_numbers_as_the_locale_does() -> None:
    assert number_text(1234567.25, exact=True, locale=EN) == "1,234,567.25"
    assert number_text(1234567.25, exact=True, locale=DE) == "1.234.567,25"
    assert number_text(1234567.25, exact=True, locale=QLocale.c()) == "1234567.25"
    assert number_text(1e-7, exact=True, locale=EN) == "0.0000001"
    assert number_text(None, exact=True) == ""


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
    assert model.index(0, model.COL_VALUES).data() == "86% → 95%"
    assert model.index(1, model.COL_VALUES).data() == "5 hours"
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
