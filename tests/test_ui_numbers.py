"""A metric reads the same in the Evidence tab, the Objection rehearsal tab and documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt

from flexprep.core.models import Evidence
from flexprep.reports.chartkit import format_number as document_number
from flexprep.ui.evidence.tab import EvidenceTab
from flexprep.ui.objections.tab import ObjectionRehearsalTab
from flexprep.ui.shell.window import MainWindow
from flexprep.ui.widgets.numbers import number_text
from tests.uitools import open_window

#: Locale, what the user types for 1234.5 and 87.5, and what both tabs then show.
CASES = {
    "en_US": (
        QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
        "1,234.5",
        "87.5",
        "1,234.5% → 87.5%",
    ),
    "de_DE": (
        QLocale(QLocale.Language.German, QLocale.Country.Germany),
        "1.234,5",
        "87,5",
        "1.234,5% → 87,5%",
    ),
    "C": (QLocale.c(), "1234.5", "87.5", "1234.5% → 87.5%"),
}


@pytest.fixture(params=sorted(CASES))
def case(request: pytest.FixtureRequest) -> Iterator[tuple[QLocale, str, str, str]]:
    locale = CASES[request.param][0]
    QLocale.setDefault(locale)
    yield CASES[request.param]
    QLocale.setDefault(QLocale.c())


def show_tab(qtbot, window: MainWindow, key: str):  # type: ignore[no-untyped-def]
    """Click the tab's title, as the user would; the tab once it has loaded."""
    tab = window.tab_pages[key]
    bar = window.tabs.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(tab)).center()
    )
    qtbot.waitUntil(lambda: tab.workbook_id == window.workbook_id)
    return tab


def retype(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def test_the_two_tabs_show_a_metric_alike(qtbot, tmp_path: Path, case) -> None:  # type: ignore[no-untyped-def]
    _locale, before, after, shown = case
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    evidence_tab: EvidenceTab = show_tab(qtbot, window, "evidence")
    evidence_tab.evidence_panel.select_row(0)  # the sample's first metric
    editor = evidence_tab.evidence_editor
    for widget, text in (
        (editor.unit, "%"),
        (editor.before, before),
        (editor.before_label, "office"),
        (editor.after, after),
        (editor.after_label, "hybrid"),
    ):
        retype(qtbot, widget, text)
    model = evidence_tab.evidence.model
    assert model.index(0, model.COL_VALUES).data() == shown
    qtbot.waitUntil(lambda: not window.saver.has_pending(), timeout=3000)
    metric = window.service.items(Evidence, window.workbook_id)[0]
    assert (metric.before, metric.after) == (1234.5, 87.5)

    objections_tab: ObjectionRehearsalTab = show_tab(qtbot, window, "objections")
    objections_tab.select_row(0)
    checklist = objections_tab.editor.evidence_model
    labels = [checklist.index(row).data() for row in range(checklist.rowCount())]
    assert labels[0] == f"{metric.title}  —  {shown}"

    # Rehearsing, the card names the same figures and what they were measured on.
    card = objections_tab.rehearsal.card
    card.show_answer(objections_tab.current_item(), [metric], 5, False)
    assert f"{shown} (office → hybrid)" in card.evidence_label.text()


def test_the_window_and_the_documents_round_alike() -> None:
    # Lists and documents round the same way; only the marks follow the locale.
    for value in (86.0, 4.567, 1234.56, 0.004, 2.5e9, -12.34):
        assert number_text(value, locale=QLocale.c()) == document_number(value).replace(",", "")
        english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        assert number_text(value, locale=english) == document_number(value)
