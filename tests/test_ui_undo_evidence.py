"""Undo and redo on the Endorsements & evidence tab: deletes (links to objections come
back), keyboard moves, added evidence and findings from the research library."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox

from flexprep.ui.widgets.undo import quoted
from tests.test_ui_evidence import evidence_tab
from tests.uitools import child, open_window


def _saved(window, part: str) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    window.saver.flush()
    return list(window.service.export_data(window.workbook_id)[part])


def _undo(window) -> QAction:  # type: ignore[no-untyped-def]
    return child(window, QAction, "action_undo")


def _redo(window) -> QAction:  # type: ignore[no-untyped-def]
    return child(window, QAction, "action_redo")


def _yes(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )


def test_a_deleted_endorsement_comes_back_in_its_place(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _yes(monkeypatch)
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = evidence_tab(qtbot, window)
    before = _saved(window, "endorsements")
    view = tab.endorsement_panel.view
    tab.endorsement_panel.select_row(1)
    author = tab.endorsements.current_row()["author"]  # type: ignore[index]
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert len(_saved(window, "endorsements")) == len(before) - 1
    assert _undo(window).text() == f"&Undo delete endorsement {quoted(author)}"
    assert (
        child(window, QLabel, "undo_offer_text").text() == f"Deleted endorsement {quoted(author)}"
    )

    _undo(window).trigger()
    assert _saved(window, "endorsements") == before
    assert [r["author"] for r in tab.endorsements.model.rows] == [e["author"] for e in before]
    assert tab.endorsements.current_row()["author"] == author  # type: ignore[index]
    assert tab.endorsement_editor.quote.text() == before[1]["quote"]
    _redo(window).trigger()
    assert author not in [r["author"] for r in tab.endorsements.model.rows]


def test_deleted_evidence_comes_back_with_the_objections_it_supported(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _yes(monkeypatch)
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = evidence_tab(qtbot, window)
    evidence, objections = _saved(window, "evidence"), _saved(window, "objections")
    tab.evidence_panel.select_row(1)  # linked to one objection
    item = tab.evidence.current_row()
    assert item is not None and window.service.objections_for_evidence(item["id"])
    qtbot.mouseClick(tab.evidence_panel.delete_button, Qt.MouseButton.LeftButton)
    assert not window.service.objections_for_evidence(item["id"])
    _undo(window).trigger()
    assert _saved(window, "evidence") == evidence
    assert _saved(window, "objections") == objections  # the link, in its place
    assert "can't get hold of you" in tab.evidence_editor.supports.text()


def test_keyboard_moves_and_added_evidence_are_undone(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = evidence_tab(qtbot, window)
    endorsements, evidence = _saved(window, "endorsements"), _saved(window, "evidence")
    view = tab.endorsement_panel.view
    tab.endorsement_panel.select_row(0)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert (
        _undo(window).text() == f"&Undo move endorsement {quoted(endorsements[0]['author'])} down"
    )

    tab.add_actions["precedent"].trigger()  # from the Add button's menu
    assert _undo(window).text() == "&Undo add internal precedent"
    qtbot.keyClicks(tab.evidence_editor.title, "Finance team's compressed week")
    _undo(window).trigger()
    assert _saved(window, "evidence") == evidence
    _undo(window).trigger()
    assert _saved(window, "endorsements") == endorsements
    assert tab.endorsement_panel.current_row() == 0
    _redo(window).trigger()
    _redo(window).trigger()
    assert _saved(window, "evidence")[-1]["title"] == "Finance team's compressed week"
    assert tab.evidence.current_row()["title"] == "Finance team's compressed week"  # type: ignore[index]


def test_a_finding_from_the_library_is_undone(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = evidence_tab(qtbot, window)
    before = _saved(window, "evidence")
    qtbot.mouseClick(tab.library_button, Qt.MouseButton.LeftButton)
    library = tab.library
    assert library is not None
    model = library.model
    row = next(r for r, f in enumerate(model.findings) if f["key"] == "hybrid-rct-performance")
    finding = model.findings[row]
    library.view.setCurrentIndex(model.index(row))
    qtbot.mouseClick(library.add_button, Qt.MouseButton.LeftButton)
    assert "in your evidence" in model.index(row).data()
    assert _undo(window).text() == f"&Undo add research {quoted(finding['title'])} from the library"
    _undo(window).trigger()
    assert _saved(window, "evidence") == before
    assert "in your evidence" not in model.index(row).data()
    assert library.add_button.isEnabled()
    _redo(window).trigger()
    assert _saved(window, "evidence")[-1]["title"] == finding["title"]
    library.close()


def test_a_drop_in_the_evidence_list_is_undone(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = evidence_tab(qtbot, window)
    before = _saved(window, "evidence")
    model = tab.evidence.model
    # What the table does with a drop of the first row below the third.
    mime = model.mimeData([model.index(0, 0)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    moved = [e["title"] for e in _saved(window, "evidence")]
    assert moved[2] == before[0]["title"]
    assert _undo(window).text() == f"&Undo move evidence {quoted(before[0]['title'])} down"
    _undo(window).trigger()
    assert _saved(window, "evidence") == before
    assert [r["title"] for r in model.rows] == [e["title"] for e in before]
