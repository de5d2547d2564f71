"""The Endorsements & evidence tab, driven as a user would."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from flexprep.core.models import Endorsement, Evidence
from flexprep.ui.evidence.tab import EvidenceTab
from flexprep.ui.shell.share_check import ShareCheckDialog
from flexprep.ui.shell.window import MainWindow
from tests.sharecheck import answer_share_check, click_export
from tests.uitools import open_window, reopen


@pytest.fixture
def english() -> Iterator[None]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def german() -> Iterator[None]:
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(QLocale.c())


def evidence_tab(qtbot, window: MainWindow) -> EvidenceTab:  # type: ignore[no-untyped-def]
    """Click the tab's title in the tab bar and return the tab."""
    tab = window.tab_pages["evidence"]
    bar = window.tabs.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(tab)).center()
    )
    assert window.tabs.currentWidget() is tab
    assert isinstance(tab, EvidenceTab)
    return tab


def saved(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.saver.has_pending(), timeout=3000)
    assert window.saver.last_error is None


def type_text(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type any text (QTest.keyClicks knows only ASCII): one key event per character."""
    for char in text:
        if char == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        elif char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                char,
                Qt.KeyboardModifier.NoModifier,
            )


def tick(qtbot, box) -> None:  # type: ignore[no-untyped-def]
    """Click a check box on its indicator."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def retype(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select everything in ``widget`` and type ``text`` over it."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def test_add_an_endorsement_by_typing(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = evidence_tab(qtbot, window)
    editor = tab.endorsement_editor
    before = len(tab.endorsements.model.rows)
    qtbot.mouseClick(tab.add_endorsement_button, Qt.MouseButton.LeftButton)
    assert editor.author.hasFocus()
    assert not editor.shareable.isChecked()  # sharing is opt-in
    type_text(qtbot, editor.author, "Maria López, client at Acme 🚀")
    editor.relationship.setFocus()
    qtbot.keyClick(editor.relationship, Qt.Key.Key_C)  # "Client"
    editor.date.setFocus()
    assert editor.date.text() == "No date"
    qtbot.keyClick(editor.date, Qt.Key.Key_Up)  # from "No date": today
    type_text(qtbot, editor.quote, "Always on time.\nمرحبا")
    tick(qtbot, editor.speaks_to["reliability"])
    tick(qtbot, editor.speaks_to["quality"])

    model = tab.endorsements.model
    assert len(model.rows) == before + 1
    assert model.index(before, model.COL_AUTHOR).data() == "Maria López, client at Acme 🚀"
    assert model.index(before, model.COL_RELATIONSHIP).data() == "Client"
    assert model.index(before, model.COL_SHARED).data() == "Private"
    saved(qtbot, window)

    again = reopen(qtbot, window)
    row = again.service.items(Endorsement, again.workbook_id)[-1]
    assert row.author == "Maria López, client at Acme 🚀"
    assert row.relationship == "client"
    assert row.date == date.today()
    assert row.quote == "Always on time.\nمرحبا"
    assert row.speaks_to == ["reliability", "quality"]
    assert row.shareable is False

    tab = evidence_tab(qtbot, again)
    tab.endorsement_panel.select_row(before)
    qtbot.mouseClick(tab.endorsement_editor.no_date, Qt.MouseButton.LeftButton)
    saved(qtbot, again)
    assert again.service.items(Endorsement, again.workbook_id)[-1].date is None


def test_add_each_kind_of_evidence_by_typing(qtbot, tmp_path: Path, english) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = evidence_tab(qtbot, window)
    editor = tab.evidence_editor
    model = tab.evidence.model
    count = len(model.rows)
    kinds = ["metric", "achievement", "research", "precedent"]
    for kind in kinds:
        qtbot.mouseClick(tab.add_evidence_button, Qt.MouseButton.LeftButton)  # adds a metric
        assert editor.title.hasFocus()
        if kind != "metric":
            editor.kind.setFocus()
            for _ in range(kinds.index(kind)):
                qtbot.keyClick(editor.kind, Qt.Key.Key_Down)
        assert editor.kind.currentData() == kind
        assert editor.metric_box.isVisibleTo(tab) == (kind == "metric")
        qtbot.keyClicks(editor.title, f"My {kind}")
        type_text(qtbot, editor.details, "Details\nwith two lines")
        qtbot.keyClicks(editor.source, "Team dashboard")
        if kind == "metric":
            qtbot.keyClicks(editor.unit, "%")
            qtbot.keyClicks(editor.before, "1,234.5")  # thousands separator accepted
            qtbot.keyClicks(editor.before_label, "office 2024")
            qtbot.keyClicks(editor.after, "-2.25")
            qtbot.keyClicks(editor.after_label, "hybrid 2025")
            tick(qtbot, editor.higher_is_better)
            assert model.index(count, model.COL_VALUES).data() == "1,234.5% → -2.25%"
            assert "1,234.5% → -2.25% (office 2024 → hybrid 2025)" in model.index(
                count, model.COL_VALUES
            ).data(Qt.ItemDataRole.ToolTipRole)
    assert [model.index(count + i, model.COL_KIND).data() for i in range(4)] == [
        "Metric",
        "Achievement",
        "Research",
        "Precedent",
    ]
    saved(qtbot, window)

    again = reopen(qtbot, window)
    items = again.service.items(Evidence, again.workbook_id)[count:]
    assert [(i.kind, i.title, i.details, i.source) for i in items] == [
        (kind, f"My {kind}", "Details\nwith two lines", "Team dashboard") for kind in kinds
    ]
    metric = items[0]
    assert (metric.unit, metric.before, metric.before_label) == ("%", 1234.5, "office 2024")
    assert (metric.after, metric.after_label, metric.higher_is_better) == (
        -2.25,
        "hybrid 2025",
        False,
    )
    assert all(i.before is None and i.after is None for i in items[1:])


def test_a_bad_number_is_refused_and_kept_in_the_field(qtbot, tmp_path: Path, german) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = evidence_tab(qtbot, window)
    editor = tab.evidence_editor
    tab.evidence_panel.select_row(0)  # the sample's first metric: 86% → 95%
    item_id = tab.evidence_panel.current_id()
    retype(qtbot, editor.before, "87,5")  # a German decimal comma
    saved(qtbot, window)
    assert window.service.items(Evidence, window.workbook_id)[0].before == 87.5

    # Pasted in one go, as from a spreadsheet: nothing good on the way.
    QApplication.clipboard().setText("12,3,4")
    editor.before.setFocus()
    qtbot.keyClick(editor.before, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.before, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.before.text() == "12,3,4"
    assert editor.before.error.isVisible()
    assert "‘12,3,4’ is not a number" in editor.before.error.text()
    assert "87,5" in editor.before.error.text()  # says what stays saved
    window.saver.flush()
    assert window.service.items(Evidence, window.workbook_id)[0].before == 87.5

    # Looking at another item and back: the typed text is still there.
    tab.evidence_panel.select_row(1)
    assert not editor.before.error.isVisible()
    tab.evidence_panel.select_row(0)
    assert tab.evidence_panel.current_id() == item_id
    assert editor.before.text() == "12,3,4" and editor.before.error.isVisible()

    # "1.5" is not one and a half in German; emptying the field means no value.
    retype(qtbot, editor.after, "1.5")
    assert editor.after.error.isVisible()
    editor.after.setFocus()
    qtbot.keyClick(editor.after, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.after, Qt.Key.Key_Delete)
    assert not editor.after.error.isVisible()
    saved(qtbot, window)
    assert window.service.items(Evidence, window.workbook_id)[0].after is None


def test_the_chart_follows_the_values(qtbot, tmp_path: Path, english) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = evidence_tab(qtbot, window)
    qtbot.waitUntil(lambda: tab.chart.figure is not None, timeout=5000)
    first = tab.chart.figure
    tab.evidence_panel.select_row(0)
    retype(qtbot, tab.evidence_editor.after, "99")
    qtbot.waitUntil(lambda: tab.chart.figure is not first, timeout=5000)
    texts = [t.get_text() for ax in tab.chart.figure.axes for t in ax.texts]
    assert "99%" in texts


def test_add_a_finding_from_the_research_library(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = evidence_tab(qtbot, window)
    count = len(tab.evidence.model.rows)
    qtbot.mouseClick(tab.library_button, Qt.MouseButton.LeftButton)
    library = tab.library
    assert library is not None and library.isVisible()
    model = library.model
    # The sample already holds the retention finding: it is marked and cannot be re-added.
    retention = next(r for r, f in enumerate(model.findings) if f["key"] == "hybrid-rct-retention")
    assert "in your evidence" in model.index(retention).data()
    library.view.setCurrentIndex(model.index(retention))
    assert not library.add_button.isEnabled()

    row = next(r for r, f in enumerate(model.findings) if f["key"] == "hybrid-rct-performance")
    finding = model.findings[row]
    library.view.scrollTo(model.index(row))
    qtbot.mouseClick(
        library.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=library.view.visualRect(model.index(row)).center(),
    )
    assert finding["limits"][:20] in library.details.toPlainText()
    assert finding["authors"] in library.details.toPlainText()
    qtbot.mouseClick(library.add_button, Qt.MouseButton.LeftButton)

    rows = tab.evidence.model.rows
    assert len(rows) == count + 1
    added = rows[-1]
    assert added["kind"] == "research"
    assert added["title"] == finding["title"]
    assert added["source"] == finding["source"]
    assert finding["figure"] in added["details"] and finding["limits"] in added["details"]
    assert "in your evidence" in model.index(row).data()
    assert not library.add_button.isEnabled()
    library.close()
    stored = window.service.items(Evidence, window.workbook_id)[-1]
    assert (stored.kind, stored.source) == ("research", finding["source"])


def test_the_share_flag_decides_what_the_proposal_contains(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = evidence_tab(qtbot, window)
    editor = tab.endorsement_editor
    for quote, share in (("Shared praise QXJ-1", True), ("Private note ZKW-2", False)):
        qtbot.mouseClick(tab.add_endorsement_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(editor.author, "Kim Lee")
        qtbot.keyClicks(editor.quote, quote)
        if share:
            tick(qtbot, editor.shareable)
            assert editor.shareable.isChecked()
    assert tab.endorsements.model.rows[-2]["shareable"] is True
    assert tab.endorsements.model.rows[-1]["shareable"] is False

    target = tmp_path / "proposal.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    said: list[str] = []

    def read_and_export(dialog: ShareCheckDialog) -> None:
        said.extend(label.text() for label in dialog.finding_labels)
        click_export(dialog)

    checked = answer_share_check(read_and_export)
    window.commands.export_actions["proposal"].trigger()
    qtbot.waitUntil(lambda: bool(checked), timeout=20000)
    # The check before it leaves says the private ones stay out.
    assert any("not marked shareable" in text for text in said), said
    qtbot.waitUntil(target.exists, timeout=20000)
    qtbot.waitUntil(lambda: window.commands.open_file_button.isVisible(), timeout=20000)
    document = Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Shared praise QXJ-1" in text
    assert "Private note ZKW-2" not in text
    assert "Block out your Sundays" not in text  # the sample's private endorsement


def test_delete_and_reorder_with_the_keyboard(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = evidence_tab(qtbot, window)
    view = tab.endorsement_panel.view
    authors = [row["author"] for row in tab.endorsements.model.rows]
    tab.endorsement_panel.select_row(0)
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert tab.endorsement_panel.current_row() == 1
    asked: list[str] = []

    def answer(*args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    tab.endorsement_panel.select_row(3)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert "Tom Lindqvist" in asked[0]
    expected = [authors[1], authors[0], authors[2]]
    assert [row["author"] for row in tab.endorsements.model.rows] == expected

    # Evidence an objection relies on: the question says so.
    tab.evidence_panel.select_row(1)
    gone = tab.evidence_panel.current_id()
    qtbot.mouseClick(tab.evidence_panel.delete_button, Qt.MouseButton.LeftButton)
    assert "supports 1 objection" in asked[1]
    assert gone not in [row["id"] for row in tab.evidence.model.rows]

    again = reopen(qtbot, window)
    assert [e.author for e in again.service.items(Endorsement, again.workbook_id)] == expected
    assert gone not in [e.id for e in again.service.items(Evidence, again.workbook_id)]


def test_evidence_lists_the_objections_it_supports(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = evidence_tab(qtbot, window)
    tab.evidence_panel.select_row(1)  # response time: linked to one objection
    assert "can't get hold of you" in tab.evidence_editor.supports.text()
    tab.add_actions["achievement"].trigger()  # from the Add button's menu
    assert tab.evidence.current_row()["kind"] == "achievement"  # type: ignore[index]
    assert not tab.evidence_editor.metric_box.isVisibleTo(tab)
    assert "Not linked to any objection" in tab.evidence_editor.supports.text()


def test_readiness_anchors_take_the_user_there(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    window.activateWindow()
    tab = window.tab_pages["evidence"]
    assert isinstance(tab, EvidenceTab)
    window.navigate("evidence", "metric")
    qtbot.waitUntil(lambda: tab.evidence_editor.before.hasFocus())
    assert tab.evidence.current_row()["kind"] == "metric"  # type: ignore[index]
    window.navigate("evidence", "endorsements")
    qtbot.waitUntil(lambda: tab.endorsement_editor.shareable.hasFocus())
    assert tab.endorsements.current_row()["shareable"] is False  # type: ignore[index]
    window.navigate("evidence", "evidence")
    qtbot.waitUntil(lambda: tab.evidence_panel.view.hasFocus())
