"""Undo and redo on the Must-haves & nice-to-haves tab, driven as a user would: the Delete
key, real drops between the columns, buttons, then Edit › Undo and Edit › Redo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from flexprep.core.models import Ask, Offer
from flexprep.ui.widgets.undo import quoted
from tests.test_ui_asks import drag_and_drop
from tests.uitools import child, open_window

FIELDS = ("title", "details", "priority", "fallback", "importance", "resistance", "draft")


def _tab(qtbot, window):  # type: ignore[no-untyped-def]
    tab = window.tab_pages["asks"]
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(tab.isVisible)
    return tab


def _titles(tab, priority):  # type: ignore[no-untyped-def]
    return [row["title"] for row in tab.board.models[priority].rows()]


def _saved(window):  # type: ignore[no-untyped-def]
    """Every saved ask as (priority, title, and its other fields), in rank order."""
    window.saver.flush()
    return [
        tuple(getattr(a, key) for key in FIELDS)
        for a in window.service.items(Ask, window.workbook_id)
    ]


def _action(window, name):  # type: ignore[no-untyped-def]
    return child(window, QAction, name)


def _yes(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )


def test_delete_key_then_undo_brings_the_ask_back_whole(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _yes(monkeypatch)
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _tab(qtbot, window)
    undo, redo = _action(window, "action_undo"), _action(window, "action_redo")
    assert not undo.isEnabled() and not redo.isEnabled()
    before = _saved(window)
    musts = _titles(tab, "must")
    leave = musts[1]
    assert leave.startswith("Leave at 13:00")

    view = tab.board.views["must"]
    tab.board.select(tab.board.models["must"].item(1)["id"], focus=True)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert leave not in _titles(tab, "must")
    assert len(_saved(window)) == len(before) - 1
    assert undo.isEnabled() and undo.text() == f"&Undo delete ask '{leave}'"

    # The status bar offers to undo it.
    offer = child(window, QPushButton, "undo_offer_button")
    assert offer.isVisible()
    assert child(window, QLabel, "undo_offer_text").text() == f"Deleted ask '{leave}'"

    undo.trigger()
    assert _titles(tab, "must") == musts
    assert _saved(window) == before
    assert tab.board.current()["title"] == leave  # selected again, in the editor
    assert (
        tab.editor.fallback_edit.text()
        == next(
            a for a in window.service.items(Ask, window.workbook_id) if a.title == leave
        ).fallback
    )
    assert not offer.isVisible()
    assert redo.text() == f"&Redo delete ask '{leave}'"

    redo.trigger()
    assert leave not in _titles(tab, "must")
    assert len(_saved(window)) == len(before) - 1
    undo.trigger()
    assert _saved(window) == before


def test_the_status_bar_undo_undoes_the_delete(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _yes(monkeypatch)
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _tab(qtbot, window)
    before = _saved(window)
    tab.board.select(tab.board.models["nice"].item(0)["id"])
    qtbot.mouseClick(tab.board.delete_button, Qt.MouseButton.LeftButton)
    assert len(_saved(window)) == len(before) - 1
    offer = child(window, QPushButton, "undo_offer_button")
    qtbot.waitUntil(offer.isVisible)
    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    assert _saved(window) == before
    assert not offer.isVisible()


def test_drags_between_columns_are_undone_and_redone(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _tab(qtbot, window)
    must, nice = tab.board.views["must"], tab.board.views["nice"]
    musts, nices = _titles(tab, "must"), _titles(tab, "nice")
    undo, redo = _action(window, "action_undo"), _action(window, "action_redo")
    start = _saved(window)

    drag_and_drop(nice, 0, must, 1)  # a nice-to-have becomes must-have number 2
    assert _titles(tab, "must") == [musts[0], nices[0], musts[1]]
    assert undo.text() == f"&Undo move ask {quoted(nices[0])} to must-have"
    assert quoted(nices[0]).endswith("…'")  # a long title is shortened
    dropped = _saved(window)
    drag_and_drop(must, 2, must, 0)  # then the last must-have to the top
    assert _titles(tab, "must") == [musts[1], musts[0], nices[0]]
    assert undo.text().startswith("&Undo move ask 'Leave at 13:00") and undo.text().endswith(" up")

    undo.trigger()
    assert _titles(tab, "must") == [musts[0], nices[0], musts[1]]
    assert _saved(window) == dropped
    undo.trigger()
    assert (_titles(tab, "must"), _titles(tab, "nice")) == (musts, nices)
    assert _saved(window) == start
    assert tab.board.current()["title"] == nices[0]  # shown where it went back to
    redo.trigger()
    redo.trigger()
    assert _titles(tab, "must") == [musts[1], musts[0], nices[0]]
    assert _titles(tab, "nice") == nices[1:]

    # Keyboard moves are steps too: Ctrl+Right sends it back to the nice-to-haves.
    tab.board.select(tab.board.models["must"].item(2)["id"], focus=True)
    qtbot.keyClick(must, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert _titles(tab, "nice")[-1] == nices[0]
    undo.trigger()
    assert _titles(tab, "must")[-1] == nices[0]


def test_an_added_ask_goes_with_its_typing_and_comes_back_with_it(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _tab(qtbot, window)
    start = _saved(window)
    undo, redo = _action(window, "action_undo"), _action(window, "action_redo")
    qtbot.mouseClick(tab.board.add_buttons["nice"], Qt.MouseButton.LeftButton)
    assert undo.text() == "&Undo add nice-to-have"
    qtbot.waitUntil(tab.editor.title_edit.hasFocus)
    qtbot.keyClicks(tab.editor.title_edit, "Quarterly team lunch")
    qtbot.keyClicks(tab.editor.fallback_edit, "Half-yearly")
    # Ctrl+Z in the title is the field's own: it takes back typing, not the new ask.
    qtbot.keyClick(tab.editor.title_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.editor.title_edit.text() == ""
    assert undo.text() == "&Undo add nice-to-have"
    qtbot.keyClicks(tab.editor.title_edit, "Quarterly team lunch")
    with_it = _saved(window)
    assert with_it[-1][:4] == ("Quarterly team lunch", "", "nice", "Half-yearly")

    undo.trigger()
    assert "Quarterly team lunch" not in _titles(tab, "nice")
    assert _saved(window) == start
    redo.trigger()
    assert _titles(tab, "nice")[-1] == "Quarterly team lunch"
    assert _saved(window) == with_it
    assert tab.editor.fallback_edit.text() == "Half-yearly"


def test_making_a_draft_mine_is_undone(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    book = window.service.create_workbook("Hybrid", "remote_hybrid")
    window.switch_to(book.id)
    tab = _tab(qtbot, window)
    first = tab.board.asks()[0]
    tab.board.select(first["id"])
    qtbot.mouseClick(tab.editor.mine_button, Qt.MouseButton.LeftButton)
    assert not tab.editor.draft_bar.isVisibleTo(tab)
    undo = _action(window, "action_undo")
    assert undo.text() == f"&Undo make ask {quoted(first['title'])} mine"
    undo.trigger()
    assert tab.editor.draft_bar.isVisibleTo(tab)
    assert window.service.items(Ask, book.id)[0].draft is True
    _action(window, "action_redo").trigger()
    assert window.service.items(Ask, book.id)[0].draft is False
    assert not tab.editor.draft_bar.isVisibleTo(tab)


def test_offers_added_moved_and_deleted_are_undone(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _yes(monkeypatch)
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _tab(qtbot, window)
    offers = tab.offers

    def saved():  # type: ignore[no-untyped-def]
        window.saver.flush()
        return [(o.title, o.details) for o in window.service.items(Offer, window.workbook_id)]

    start = saved()
    undo = _action(window, "action_undo")
    offers.view.select_row(0)
    offers.view.setFocus()
    qtbot.keyClick(offers.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert saved()[:2] == [start[1], start[0]]
    assert undo.text().startswith("&Undo move offer '") and undo.text().endswith(" down")
    drag_and_drop(offers.view, 2, offers.view, 0)
    assert saved()[0] == start[2]
    qtbot.keyClick(offers.view, Qt.Key.Key_Delete)
    assert len(saved()) == len(start) - 1
    assert undo.text().startswith("&Undo delete offer '")
    for _ in range(3):
        undo.trigger()
    assert saved() == start
    assert [r["title"] for r in offers.model.rows()] == [t for t, _d in start]
