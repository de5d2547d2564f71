"""Undo and redo on the Objection rehearsal tab: delete (rehearsals and evidence links
come back), add from the library, a new objection, moves, links and accepted drafts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from flexprep.core.models import Evidence
from flexprep.ui.objections.models import COL_CONFIDENCE
from flexprep.ui.widgets.undo import quoted
from tests.test_ui_objections import click_page, objections_tab
from tests.uitools import child, open_window


def _objections(window) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """The saved objections in their file form: text, response, rehearsals, links."""
    window.saver.flush()
    return list(window.service.export_data(window.workbook_id)["objections"])


def _texts(tab) -> list[str]:  # type: ignore[no-untyped-def]
    return [item.text for item in tab.model.items]


def _undo(window) -> QAction:  # type: ignore[no-untyped-def]
    return child(window, QAction, "action_undo")


def _redo(window) -> QAction:  # type: ignore[no-untyped-def]
    return child(window, QAction, "action_redo")


def test_a_deleted_objection_comes_back_with_rehearsals_and_evidence(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def answer(*args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = objections_tab(qtbot, window)
    before = _objections(window)
    row = next(n for n, item in enumerate(tab.model.items) if item.rehearsals and item.evidence)
    item = tab.model.items[row]
    texts, confidence = _texts(tab), tab.model.index(row, COL_CONFIDENCE).data()

    tab.select_row(row)
    tab.table.setFocus()
    qtbot.waitUntil(tab.table.hasFocus)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert "rehearsal" in asked[0]
    assert item.text not in _texts(tab)
    assert len(_objections(window)) == len(before) - 1
    assert _undo(window).text() == f"&Undo delete objection {quoted(item.text)}"

    _undo(window).trigger()
    assert _texts(tab) == texts
    assert _objections(window) == before  # text, response, rehearsals and links
    assert tab.current_item().id == item.id
    assert tab.model.index(row, COL_CONFIDENCE).data() == confidence
    assert tab.editor.evidence_model.checked_ids() == item.evidence
    assert tab.editor.response_edit.text() == item.response

    _redo(window).trigger()
    assert item.text not in _texts(tab)
    _undo(window).trigger()
    assert _objections(window) == before


def test_library_and_new_objections_are_undone(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = objections_tab(qtbot, window)
    before = _objections(window)
    library = tab.library
    click_page(qtbot, tab, library)
    row = next(
        r
        for r in range(library.proxy.rowCount())
        if not library.proxy.index(r, 0).data().startswith("✓ ")
    )
    library.view.setCurrentIndex(library.proxy.index(row, 0))
    library.view.setFocus()
    entry = library.current_entry()
    assert entry is not None
    qtbot.keyClick(library.view, Qt.Key.Key_Return)
    assert _texts(tab)[-1] == entry["text"]
    assert _undo(window).text() == f"&Undo add objection {quoted(entry['text'])} from the library"

    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert _undo(window).text() == "&Undo add objection"
    qtbot.keyClicks(tab.editor.text_edit, "We are restructuring in spring")
    added = _objections(window)
    assert added[-1]["text"] == "We are restructuring in spring"

    _undo(window).trigger()  # the new one goes, with what was typed in it
    assert _texts(tab)[-1] == entry["text"]
    _undo(window).trigger()
    assert _objections(window) == before
    click_page(qtbot, tab, library)
    library.view.setCurrentIndex(library.proxy.index(row, 0))
    assert not library.proxy.index(row, 0).data().startswith("✓ ")  # not in my list now
    _redo(window).trigger()
    _redo(window).trigger()
    assert _objections(window) == added
    assert tab.editor.text_edit.text() == "We are restructuring in spring"


def test_moves_are_undone(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = objections_tab(qtbot, window)
    texts = _texts(tab)
    tab.select_row(2)
    tab.table.setFocus()
    qtbot.waitUntil(tab.table.hasFocus)
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(tab.up_button, Qt.MouseButton.LeftButton)
    assert _texts(tab)[0] == texts[2]
    assert _undo(window).text() == f"&Undo move objection {quoted(texts[2])} up"
    _undo(window).trigger()
    _undo(window).trigger()
    assert _texts(tab) == texts
    assert [o["text"] for o in _objections(window)] == texts
    assert tab.current_item().text == texts[2]


def test_linking_evidence_is_undone_and_redone(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = objections_tab(qtbot, window)
    evidence = window.service.items(Evidence, window.workbook_id)
    row = next(n for n, item in enumerate(tab.model.items) if not item.evidence)
    tab.select_row(row)
    objection = tab.current_item()
    view, model = tab.editor.evidence_view, tab.editor.evidence_model
    view.setCurrentIndex(model.index(0))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert model.checked_ids() == [evidence[0].id]
    assert _undo(window).text() == (
        f"&Undo link evidence {quoted(evidence[0].title)} to objection {quoted(objection.text)}"
    )

    # Undone from another tab: the objection is shown again, its evidence unticked.
    window.tabs.setCurrentWidget(window.tab_pages["plan"])
    _undo(window).trigger()
    assert window.tabs.currentWidget() is tab
    assert tab.pages.currentWidget() is tab.editor
    assert tab.current_item().id == objection.id
    assert model.checked_ids() == []
    assert _objections(window)[row]["evidence"] == []
    _redo(window).trigger()
    assert model.checked_ids() == [evidence[0].id]
    assert _objections(window)[row]["evidence"] == ["e1"]
    view.setCurrentIndex(model.index(0))
    qtbot.keyClick(view, Qt.Key.Key_Space)  # and unticked again
    assert model.checked_ids() == []
    assert _undo(window).text().startswith("&Undo unlink evidence ")


def test_keeping_a_draft_is_undone(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3", sample=False)
    book = window.service.create_workbook("Hybrid", "remote_hybrid")
    window.switch_to(book.id)
    tab = objections_tab(qtbot, window)
    tab.select_row(0)
    qtbot.mouseClick(tab.editor.accept_button, Qt.MouseButton.LeftButton)
    assert not tab.editor.banner.isVisibleTo(tab.editor)
    assert _objections(window)[0]["draft"] is False
    _undo(window).trigger()
    assert tab.editor.banner.isVisibleTo(tab.editor)
    assert _objections(window)[0]["draft"] is True
    assert tab.model.index(0, 0).data().startswith("Draft · ")
