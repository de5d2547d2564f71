"""Rehearsal mode: a whole session by keyboard, the countdown on a fake clock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_ui_objections import objections_tab, saved

from flexprep.core.models import Evidence
from flexprep.core.rehearsal import latest_rating
from tests.uitools import open_window, reopen


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def key(qtbot, view, *keys) -> None:  # type: ignore[no-untyped-def]
    for one in keys:
        qtbot.keyClick(view, one)


def start(qtbot, window, clock: FakeClock):  # type: ignore[no-untyped-def]
    tab = objections_tab(qtbot, window)
    tab.rehearsal.clock = clock
    tab.start_button.setFocus()
    qtbot.keyClick(tab.start_button, Qt.Key.Key_Space)
    assert tab.stack.currentWidget() is tab.rehearsal
    assert QApplication.focusWidget() is tab.rehearsal
    return tab, tab.rehearsal


def test_a_whole_session_by_keyboard_saves_ratings_and_changes_the_order(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    clock = FakeClock()
    tab, view = start(qtbot, window, clock)
    before = {o.id: len(o.rehearsals) for o in saved(window)}
    first_order = list(view.session.objection_ids)
    by_id = {item.id: item for item in tab.model.items}
    # Never rehearsed first (only "Customer data…"), then least confident.
    assert by_id[first_order[0]].text.startswith("Customer data")
    assert by_id[first_order[1]].latest == 3

    ratings = {}
    for rating in (Qt.Key.Key_5, Qt.Key.Key_2, Qt.Key.Key_4):
        current = view.session.current
        assert view.card.objection_label.text() == f"“{by_id[current].text}”"
        assert not view.card.answer_box.isVisibleTo(view)
        clock.now += 12.3
        key(qtbot, view, Qt.Key.Key_Space)
        assert view.card.answer_box.isVisibleTo(view)
        assert view.card.response_label.text() == by_id[current].response
        assert view.card.clock_label.text() == "Answered in 0:12"
        key(qtbot, view, rating, Qt.Key.Key_N)
        ratings[current] = int(rating) - int(Qt.Key.Key_0)
    key(qtbot, view, Qt.Key.Key_Space, Qt.Key.Key_1)  # revealed and rated, then Esc
    ratings[view.session.current] = 1
    key(qtbot, view, Qt.Key.Key_Escape)

    assert view.pages.currentWidget() is view.summary
    assert "You rehearsed <b>4</b> of 7 objections" in view.summary.counts.text()
    assert "3.0</b> out of 5" in view.summary.counts.text()
    below = view.summary.below.text()
    assert by_id[first_order[1]].text[:30] in below and by_id[first_order[0]].text not in below

    rows = {o.id: o for o in saved(window)}
    # The first three were answered after 12.3 s on the clock, the last at once.
    seconds = dict(zip(ratings, (12, 12, 12, 0), strict=True))
    for objection_id, rating in ratings.items():
        assert len(rows[objection_id].rehearsals) == before[objection_id] + 1
        assert latest_rating(rows[objection_id]) == rating
        newest = max(rows[objection_id].rehearsals, key=lambda r: r.id)
        assert (newest.confidence, newest.seconds) == (rating, seconds[objection_id])

    key(qtbot, view, Qt.Key.Key_Escape)
    assert tab.stack.currentWidget() is not view
    assert QApplication.focusWidget() is tab.start_button
    qtbot.keyClick(tab.start_button, Qt.Key.Key_Space)
    second_order = list(view.session.objection_ids)
    assert second_order != first_order
    assert second_order[0] == first_order[3], "rated 1 this time: now the weakest"
    assert second_order[-1] == first_order[0], "rated 5 and least likely: now the last"
    key(qtbot, view, Qt.Key.Key_Escape, Qt.Key.Key_Escape)


def test_the_countdown_runs_on_the_injected_clock(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    clock = FakeClock()
    tab = objections_tab(qtbot, window)
    tab.seconds.selectAll()
    qtbot.keyClicks(tab.seconds, "5")
    assert tab.seconds.value() == 5
    tab, view = start(qtbot, window, clock)
    assert view.card.clock_label.text() == "0:05"
    assert view.timer.isActive()
    clock.now += 2.5
    view.timer.timeout.emit()
    assert view.card.clock_label.text() == "0:03"
    assert view.card.countdown_bar.value() == 25
    key(qtbot, view, Qt.Key.Key_3)
    assert "Space" in view.card.prompt.text(), "no rating before the answer is shown"
    clock.now += 2.6
    view.timer.timeout.emit()
    assert view.card.clock_label.text() == "Time's up"
    assert view.card.answer_box.isVisibleTo(view) and not view.timer.isActive()
    assert view.session.seconds == 5
    objection_id = view.session.current
    key(qtbot, view, Qt.Key.Key_2, Qt.Key.Key_4, Qt.Key.Key_N)  # changed its mind: 4
    assert view.session.index == 1
    assert view.card.clock_label.text() == "0:05", "a fresh countdown"
    key(qtbot, view, Qt.Key.Key_Escape)
    stored = next(o for o in saved(window) if o.id == objection_id).rehearsals
    assert [(r.confidence, r.seconds) for r in stored] == [(4, 5)]


def test_reveal_shows_linked_evidence_with_figures(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = objections_tab(qtbot, window)
    evidence = window.service.items(Evidence, window.workbook_id)
    customer = tab.model.items[6]
    window.service.set_objection_evidence(customer.id, [evidence[0].id, evidence[3].id])
    tab, view = start(qtbot, window, FakeClock())
    assert view.session.current == customer.id
    key(qtbot, view, Qt.Key.Key_Space)
    shown = view.card.evidence_label.text()
    assert evidence[0].title in shown and "86% → 95%" in shown
    assert evidence[3].title in shown
    key(qtbot, view, Qt.Key.Key_Escape, Qt.Key.Key_Escape)


def test_leaving_the_tab_pauses_the_session_and_coming_back_resumes_it(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    clock = FakeClock()
    tab, view = start(qtbot, window, clock)
    first = view.session.current
    clock.now += 10
    view.timer.timeout.emit()
    key(qtbot, view, Qt.Key.Key_Space, Qt.Key.Key_4, Qt.Key.Key_N)  # one rated, next card
    second = view.session.current
    clock.now += 5
    view.timer.timeout.emit()
    shown = view.card.clock_label.text()

    # Away to another tab for a long while: the clock stops, nothing ends.
    qtbot.mouseClick(
        window.tabs.tabBar(),
        Qt.MouseButton.LeftButton,
        pos=window.tabs.tabBar().tabRect(0).center(),
    )
    assert window.tabs.currentIndex() == 0
    assert view.active() and view.session.paused
    clock.now += 600
    assert not view.timer.isActive()

    # Back: the same card, the countdown where it was; Space reveals, never restarts.
    tab_index = window.tabs.indexOf(tab)
    qtbot.mouseClick(
        window.tabs.tabBar(),
        Qt.MouseButton.LeftButton,
        pos=window.tabs.tabBar().tabRect(tab_index).center(),
    )
    assert tab.stack.currentWidget() is view and view.active()
    assert view.session.current == second and not view.session.paused
    assert round(view.session.remaining()) == view.session.duration - 5
    assert view.card.clock_label.text() == shown
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    key(qtbot, view, Qt.Key.Key_Space, Qt.Key.Key_2)
    assert view.session.current == second and view.session.index == 1, "no new session"
    assert view.session.seconds == 5, "the time away is not counted"

    # Ending it shows the summary of the whole session, both ratings saved.
    key(qtbot, view, Qt.Key.Key_Escape)
    assert view.pages.currentWidget() is view.summary
    assert "You rehearsed <b>2</b>" in view.summary.counts.text()
    ratings = {o.id: sorted(o.rehearsals, key=lambda r: r.id)[-1].confidence for o in saved(window)}
    assert (ratings[first], ratings[second]) == (4, 2)


def test_skipping_stores_nothing_and_the_chart_is_redrawn(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = objections_tab(qtbot, window)
    tab.pages.setCurrentWidget(tab.progress)
    qtbot.waitUntil(lambda: tab.progress.chart.figure is not None)
    drawn = tab.progress.chart.figure
    counts = [len(o.rehearsals) for o in saved(window)]
    tab, view = start(qtbot, window, FakeClock())
    key(qtbot, view, Qt.Key.Key_N, Qt.Key.Key_Space, Qt.Key.Key_N)  # skipped twice
    key(qtbot, view, Qt.Key.Key_Space, Qt.Key.Key_3, Qt.Key.Key_Escape)
    assert "You rehearsed <b>1</b>" in view.summary.counts.text()
    assert sum(len(o.rehearsals) for o in saved(window)) == sum(counts) + 1
    key(qtbot, view, Qt.Key.Key_R)
    assert view.pages.currentWidget() is view.card, "R rehearses again"
    key(qtbot, view, Qt.Key.Key_Escape, Qt.Key.Key_Return)
    assert tab.stack.currentWidget() is tab.splitter
    qtbot.waitUntil(lambda: tab.progress.chart.figure is not drawn)


def test_closing_the_window_mid_session_keeps_the_rating(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab, view = start(qtbot, window, FakeClock())
    objection_id = view.session.current
    key(qtbot, view, Qt.Key.Key_Space, Qt.Key.Key_2)
    window = reopen(qtbot, window)
    stored = next(o for o in saved(window) if o.id == objection_id).rehearsals
    assert [r.confidence for r in stored] == [2]
