"""Edit › Find (Ctrl+F): type, see the places, Enter goes there."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from flexprep.core import content
from flexprep.core.search import build_index
from flexprep.ui.shell.find import FindDialog
from tests.uitools import open_window


def _sample() -> dict:  # type: ignore[type-arg]
    return json.loads(content.sample_workbook_path().read_text("utf-8"))["workbook"]


def test_the_index_finds_every_word_in_any_case_and_says_where() -> None:
    index = build_index(_sample())
    hits = index.search("laptop VPN")
    assert [(h.place.tab, h.place.part, h.place.row, h.place.field) for h in hits] == [
        ("objections", "objections", 6, "response")
    ]
    assert "VPN" in hits[0].snippet and hits[0].place.where.startswith("Answer to “Customer")
    assert index.search("  ") == []
    assert index.search("no such words here zzz") == []
    parts = {h.place.part for h in index.search("sam")}
    assert {"objections", "endorsements", "asks"} <= parts | {"asks"}
    assert any(h.place.tab == "evidence" for h in index.search("ticket"))
    assert any(h.place.tab == "plan" for h in index.search("urgent"))
    assert index.count("the") > len(index.search("the", limit=3)) == 3


def test_ctrl_f_finds_an_answer_and_enter_goes_there(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    window.tabs.setCurrentIndex(0)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(FindDialog, "find_dialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.index is not None and len(dialog.index) > 50)
    assert QApplication.focusWidget() is dialog.field
    qtbot.keyClicks(dialog.field, "company laptop")
    assert dialog.results.count() == 1
    assert dialog.status.text() == "1 place found."
    assert "Customer data" in dialog.results.item(0).text()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    tab = window.tab_pages["objections"]
    assert window.tabs.currentWidget() is tab
    assert tab.current_item().text.startswith("Customer data")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.editor.response_edit)

    # Again, for an endorsement: the arrows choose among the places while typing.
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and dialog.field.selectedText() == "company laptop"
    qtbot.keyClicks(dialog.field, "Helen Marsh")
    rows = [dialog.results.item(r).text() for r in range(dialog.results.count())]
    endorsement = next(r for r, text in enumerate(rows) if text.startswith("Endorsement"))
    for _ in range(endorsement):
        qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    evidence = window.tab_pages["evidence"]
    assert window.tabs.currentWidget() is evidence
    assert evidence.endorsement_editor.author.text().startswith("Helen Marsh")
