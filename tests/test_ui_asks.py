"""The Must-haves & nice-to-haves tab, driven as a user would: typing, real drag and drop,
the keyboard, the chart, drafts, offers and the walk-away position."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from flexprep.core import content, fileformat
from flexprep.core.models import Ask, Offer
from flexprep.ui.asks.models import DRAFT_ROLE, RANK_ROLE, AskListModel
from flexprep.ui.shell.dialogs import NewWorkbookDialog
from tests.uitools import child, open_window, reopen

MUSTS = ["Work from home on Tuesdays and Thursdays", "Leave at 13:00 on Fridays during term"]
NICES = [
    "Keep the arrangement for the length of the course",
    "Two days' study leave for each exam period",
    "Move our one-to-one from Friday to Wednesday",
]


def _tab(qtbot, window):  # type: ignore[no-untyped-def]
    tab = window.tab_pages["asks"]
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(tab.isVisible)
    return tab


def _titles(tab, priority):  # type: ignore[no-untyped-def]
    return [row["title"] for row in tab.board.models[priority].rows()]


def _saved(window):  # type: ignore[no-untyped-def]
    """(priority, title) of every saved ask, in rank order, and the offer titles."""
    window.saver.flush()
    asks = window.service.items(Ask, window.workbook_id)
    return (
        [(a.priority, a.title) for a in asks],
        [o.title for o in window.service.items(Offer, window.workbook_id)],
    )


def _drop_point(view, row: int) -> QPoint:
    """A point in ``view``'s viewport that drops before ``row`` (after the last for -1)."""
    model = view.model()
    if row < 0 or row >= model.rowCount():
        last = view.visualRect(model.index(model.rowCount() - 1, 0))
        return QPoint(last.center().x(), last.bottom() + 12)
    rect = view.visualRect(model.index(row, 0))
    return QPoint(rect.center().x(), rect.top() + 2)


def drag_and_drop(source_view, row: int, target_view, before: int) -> None:  # type: ignore[no-untyped-def]
    """Drag row ``row`` of ``source_view`` and drop it before row ``before`` of
    ``target_view``, through the target view's own drag-enter, -move and drop handlers."""
    model = source_view.model()
    mime = model.mimeData([model.index(row, 0)])
    viewport = target_view.viewport()
    point = _drop_point(target_view, before)
    move = Qt.DropAction.MoveAction
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, move, mime, left, none)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    hover = QDragMoveEvent(point, move, mime, left, none)
    QApplication.sendEvent(viewport, hover)
    assert hover.isAccepted()
    drop = QDropEvent(QPointF(point), move, mime, left, none)
    QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()


def test_sample_asks_fill_the_two_columns(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _tab(qtbot, window)
    assert _titles(tab, "must") == MUSTS
    assert _titles(tab, "nice") == NICES
    assert tab.board.headings["must"].text() == "Must-have (2)"
    # The first ask is selected and shown in the editor.
    assert tab.editor.title_edit.text() == MUSTS[0]
    assert tab.editor.fallback_edit.text().startswith("Thursdays only")
    assert tab.walk_away.text().startswith("If the answer is a flat no")
    assert "never" in child(window, QLabel, "walk_away_note").text()
    # Ranks continue across the columns, as on the chart.
    nice = tab.board.models["nice"]
    assert [nice.index(r).data(RANK_ROLE) for r in range(3)] == [3, 4, 5]


def test_add_asks_by_typing_and_find_them_after_reopening(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        NewWorkbookDialog, "get", lambda *args: pytest.fail("Ctrl+N in the list reached the window")
    )
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _tab(qtbot, window)
    qtbot.mouseClick(tab.board.add_buttons["must"], Qt.MouseButton.LeftButton)
    assert _titles(tab, "must") == [*MUSTS, ""]
    editor = tab.editor
    qtbot.waitUntil(editor.title_edit.hasFocus)
    qtbot.keyClicks(editor.title_edit, "Core hours 10-15")
    qtbot.keyClicks(editor.details_edit, "Reachable by chat")
    qtbot.keyClicks(editor.fallback_edit, "Core hours 10-14")
    qtbot.keyClick(editor.spins["importance"], Qt.Key.Key_Up)  # 3 -> 4
    qtbot.keyClick(editor.spins["resistance"], Qt.Key.Key_Down)  # 3 -> 2
    assert _titles(tab, "must")[-1] == "Core hours 10-15"  # the list follows the typing

    # Ctrl+N in the nice-to-have list adds there (not a new workbook).
    nice_view = tab.board.views["nice"]
    nice_view.setFocus()
    qtbot.keyClick(nice_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.title_edit, "Quarterly team lunch")
    assert _titles(tab, "nice") == [*NICES, "Quarterly team lunch"]
    assert window.workbook_id is not None and window.switcher.count() == 1

    again = reopen(qtbot, window)
    tab = _tab(qtbot, again)
    assert _titles(tab, "must") == [*MUSTS, "Core hours 10-15"]
    assert _titles(tab, "nice") == [*NICES, "Quarterly team lunch"]
    added = tab.board.models["must"].item(2)
    assert (added["details"], added["fallback"]) == ("Reachable by chat", "Core hours 10-14")
    assert (added["importance"], added["resistance"]) == (4, 2)
    assert not added["draft"]


def test_drag_from_nice_to_must_and_reorder_within_a_column(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _tab(qtbot, window)
    must, nice = tab.board.views["must"], tab.board.views["nice"]

    # "Keep the arrangement…" dropped between the two must-haves.
    drag_and_drop(nice, 0, must, 1)
    assert _titles(tab, "must") == [MUSTS[0], NICES[0], MUSTS[1]]
    assert _titles(tab, "nice") == NICES[1:]
    assert tab.editor.title_edit.text() == NICES[0]  # the dropped ask is selected
    assert tab.editor.title() == "Selected ask: Must-have 2"

    # Within a column: the last must-have dragged to the top...
    drag_and_drop(must, 2, must, 0)
    assert _titles(tab, "must") == [MUSTS[1], MUSTS[0], NICES[0]]
    # ...and the top one dragged below the last (onto the empty area).
    drag_and_drop(must, 0, must, -1)
    assert _titles(tab, "must") == [MUSTS[0], NICES[0], MUSTS[1]]
    # Down one place within the nice-to-haves.
    drag_and_drop(nice, 0, nice, 2)
    assert _titles(tab, "nice") == [NICES[2], NICES[1]]

    expected = [
        ("must", MUSTS[0]),
        ("must", NICES[0]),
        ("must", MUSTS[1]),
        ("nice", NICES[2]),
        ("nice", NICES[1]),
    ]
    assert _saved(window)[0] == expected
    again = reopen(qtbot, window)
    tab = _tab(qtbot, again)
    assert _titles(tab, "must") == [MUSTS[0], NICES[0], MUSTS[1]]
    assert _titles(tab, "nice") == [NICES[2], NICES[1]]


def test_a_drag_from_another_workbook_is_refused(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _tab(qtbot, window)
    stranger = AskListModel("nice")
    stranger.set_rows([{**tab.board.models["nice"].item(0)}], scope="another workbook")
    mime = stranger.mimeData([stranger.index(0)])
    model = tab.board.models["must"]
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index(-1))
    assert not model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index(-1))
    assert _titles(tab, "must") == MUSTS


def test_keyboard_moves_add_and_delete(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _tab(qtbot, window)
    ctrl = Qt.KeyboardModifier.ControlModifier
    nice = tab.board.views["nice"]
    nice.setFocus()
    qtbot.keyClick(nice, Qt.Key.Key_Down)  # second nice-to-have: "Two days' study leave"
    assert tab.editor.title_edit.text() == NICES[1]
    qtbot.keyClick(nice, Qt.Key.Key_Up, ctrl)
    assert _titles(tab, "nice") == [NICES[1], NICES[0], NICES[2]]
    qtbot.keyClick(nice, Qt.Key.Key_Left, ctrl)  # to the must-haves, at the end
    assert _titles(tab, "must") == [*MUSTS, NICES[1]]
    must = tab.board.views["must"]
    assert must.hasFocus() and must.currentIndex().row() == 2
    qtbot.keyClick(must, Qt.Key.Key_Up, ctrl)
    qtbot.keyClick(must, Qt.Key.Key_Up, ctrl)
    assert _titles(tab, "must") == [NICES[1], *MUSTS]
    qtbot.keyClick(must, Qt.Key.Key_Down, ctrl)
    assert _titles(tab, "must") == [MUSTS[0], NICES[1], MUSTS[1]]
    qtbot.keyClick(must, Qt.Key.Key_Right, ctrl)  # back to the nice-to-haves
    assert _titles(tab, "nice") == [NICES[0], NICES[2], NICES[1]]
    assert nice.hasFocus()

    # Delete asks first; "No" keeps the ask.
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: next(answers))
    qtbot.keyClick(nice, Qt.Key.Key_Delete)
    assert len(_titles(tab, "nice")) == 3
    qtbot.keyClick(nice, Qt.Key.Key_Delete)
    assert _titles(tab, "nice") == [NICES[0], NICES[2]]
    # Insert adds an empty ask, which is deleted without a question.
    qtbot.keyClick(nice, Qt.Key.Key_Insert)
    assert _titles(tab, "nice") == [NICES[0], NICES[2], ""]
    nice.setFocus()
    qtbot.keyClick(nice, Qt.Key.Key_Delete)
    assert _titles(tab, "nice") == [NICES[0], NICES[2]]

    # The buttons do the same.
    tab.board.select(tab.board.models["must"].item(0)["id"])
    qtbot.mouseClick(tab.board.other_button, Qt.MouseButton.LeftButton)
    assert _titles(tab, "nice") == [NICES[0], NICES[2], MUSTS[0]]
    assert _saved(window)[0] == [
        ("must", MUSTS[1]),
        ("nice", NICES[0]),
        ("nice", NICES[2]),
        ("nice", MUSTS[0]),
    ]


def _chart_points(tab):  # type: ignore[no-untyped-def]
    """{label: (x, y)} of the numbered markers on the chart."""
    axes = tab.chart.figure.axes[0]
    return {
        text.get_text(): tuple(round(v, 2) for v in text.get_position())
        for text in axes.texts
        if text.get_text().isdigit()
    }


def test_chart_follows_the_ratings_and_spreads_ties(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _tab(qtbot, window)
    qtbot.waitUntil(lambda: tab.chart.figure is not None, timeout=5000)
    assert _chart_points(tab)["1"] == (3, 5)
    spin = tab.editor.spins["importance"]
    for _ in range(3):
        qtbot.keyClick(spin, Qt.Key.Key_Down)  # 5 -> 2
    qtbot.waitUntil(lambda: _chart_points(tab)["1"] == (3, 2), timeout=3000)
    axes = tab.chart.figure.axes[0]
    offsets = [
        tuple(point) for collection in axes.collections for point in collection.get_offsets()
    ]
    assert (3, 2) in offsets

    # Ask 2 rated the same as ask 1: both stay visible, side by side.
    tab.board.select(tab.board.models["must"].item(1)["id"])
    for _ in range(3):
        qtbot.keyClick(spin, Qt.Key.Key_Down)  # 5 -> 2
    qtbot.keyClick(tab.editor.spins["resistance"], Qt.Key.Key_Down)  # 4 -> 3
    qtbot.waitUntil(lambda: _chart_points(tab)["1"] != (3, 2), timeout=3000)
    points = _chart_points(tab)
    assert points["1"] != points["2"]
    assert all(abs(points[n][0] - 3) < 0.5 and abs(points[n][1] - 2) < 0.5 for n in "12")
    # A new title is in the chart's key.
    tab.editor.title_edit.selectAll()
    qtbot.keyClicks(tab.editor.title_edit, "Fridays off")
    qtbot.waitUntil(
        lambda: any(t.get_text() == "Fridays off" for a in tab.chart.figure.axes for t in a.texts),
        timeout=3000,
    )
    assert _saved(window)[0][1] == ("must", "Fridays off")


def test_drafts_are_marked_until_edited_or_made_mine(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    book = window.service.create_workbook("Hybrid", "remote_hybrid")
    window.switch_to(book.id)
    tab = _tab(qtbot, window)
    rows = tab.board.asks()
    drafts = content.scenario("remote_hybrid")["asks"]
    assert sorted(row["title"] for row in rows) == sorted(ask["title"] for ask in drafts)
    assert all(row["draft"] for row in rows)
    model = tab.board.models[rows[0]["priority"]]
    index = model.index(model.row_of(rows[0]["id"]))
    assert index.data(DRAFT_ROLE) is True
    assert "Draft" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Draft.")

    # Making it mine keeps the text and drops the mark.
    tab.board.select(rows[0]["id"])
    assert tab.editor.draft_bar.isVisibleTo(tab)
    qtbot.mouseClick(tab.editor.mine_button, Qt.MouseButton.LeftButton)
    assert not tab.editor.draft_bar.isVisibleTo(tab)
    assert window.service.items(Ask, book.id)[0].draft is False
    assert not index.data(DRAFT_ROLE)

    # Editing makes a draft the user's own.
    second = rows[1]
    tab.board.select(second["id"])
    assert tab.editor.draft_bar.isVisibleTo(tab)
    qtbot.keyClick(tab.editor.fallback_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(tab.editor.fallback_edit, " Or a trial.")
    assert not tab.editor.draft_bar.isVisibleTo(tab)
    assert not tab.board.current()["draft"]
    window.saver.flush()
    saved = {a.id: a for a in window.service.items(Ask, book.id)}
    assert saved[second["id"]].draft is False
    assert saved[second["id"]].fallback.endswith(" Or a trial.")


def test_offers_and_walk_away(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _tab(qtbot, window)
    offers = tab.offers
    first = offers.model.rows()[0]["title"]
    qtbot.mouseClick(offers.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(offers.title_edit.hasFocus)
    qtbot.keyClicks(offers.title_edit, "Answer the support line 8-9")
    qtbot.keyClicks(offers.details_edit, "Every home day")
    offers.view.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    for _ in range(4):
        qtbot.keyClick(offers.view, Qt.Key.Key_Up, ctrl)
    assert offers.model.rows()[0]["title"] == "Answer the support line 8-9"
    drag_and_drop(offers.view, 0, offers.view, 2)  # dragged below the next one
    assert [r["title"] for r in offers.model.rows()][:2] == [first, "Answer the support line 8-9"]
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    offers.view.select_row(0)
    qtbot.mouseClick(offers.delete_button, Qt.MouseButton.LeftButton)
    assert offers.model.rows()[0]["title"] == "Answer the support line 8-9"

    tab.walk_away.set_text("")
    qtbot.keyClicks(tab.walk_away, "No trial at all: formal request")
    again = reopen(qtbot, window)
    tab = _tab(qtbot, again)
    titles = [r["title"] for r in tab.offers.model.rows()]
    assert titles[0] == "Answer the support line 8-9" and first not in titles
    assert tab.offers.model.rows()[0]["details"] == "Every home day"
    assert again.service.workbook(again.workbook_id).walk_away == "No trial at all: formal request"
    assert tab.walk_away.text() == "No trial at all: formal request"


def test_readiness_links_put_the_focus_there(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    book = window.service.create_workbook("Hours", "flexible_hours")
    window.service.add_item(Offer, book.id, title="Cover the early shift")
    window.service.add_item(Ask, book.id, title="No plan B", priority="must")
    window.switch_to(book.id)
    tab = window.tab_pages["asks"]
    for anchor, widget in (
        ("must", "asks_must_list"),
        ("draft", "ask_title"),
        ("fallback", "ask_fallback"),
        ("offers", "offers_list"),
        ("walk_away", "walk_away"),
    ):
        window.tabs.setCurrentIndex(0)
        window.signals.navigate.emit("asks", anchor)
        assert window.tabs.currentWidget() is tab
        qtbot.waitUntil(
            lambda w=widget: (
                QApplication.focusWidget() is not None
                and QApplication.focusWidget().objectName() == w
            )
        )
        if anchor == "draft":
            assert tab.board.current()["draft"]
        if anchor == "fallback":
            current = tab.board.current()
            assert current["priority"] == "must" and not current["fallback"].strip()


def test_hundreds_of_asks_stay_in_item_models(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    asks = [
        {"title": f"Ask {n}", "priority": "nice", "importance": n % 5 + 1, "resistance": 3}
        for n in range(300)
    ]
    data = fileformat.validate(
        {
            "format": fileformat.FORMAT,
            "version": fileformat.VERSION,
            "workbook": {"name": "Many asks", "asks": asks},
        }
    )
    book = window.service.import_data(data)
    window.switch_to(book.id)
    tab = _tab(qtbot, window)
    view = tab.board.views["nice"]
    assert view.model().rowCount() == 300
    assert view.indexWidget(view.model().index(0)) is None
    view.scrollToBottom()
    view.setFocus()
    view.setCurrentIndex(view.model().index(299))
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert _titles(tab, "nice")[-2:] == ["Ask 299", "Ask 298"]
    drag_and_drop(view, 0, tab.board.views["must"], -1)
    assert _titles(tab, "must") == ["Ask 0"]
    assert window.service.items(Ask, book.id)[0].title == "Ask 0"
