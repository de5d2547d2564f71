"""Over sessions: the pace and length of the recorded answers, per objection, under the
confidence chart on the Progress page."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from test_ui_objections import click_page, objections_tab
from test_ui_rehearsal import FakeClock, key, start
from test_ui_voice import FakeMicrophone

from flexprep.core.recordings import RecordingStore
from flexprep.ui.objections.delivery_chart import Take, delivery_figure, takes_by_objection
from tests.uitools import open_window

DAY = datetime(2026, 11, 20, 19, 0)


def feedback(speaking: float, pace: float | None) -> dict[str, Any]:
    return {
        "duration_s": speaking + 2,
        "speaking_s": speaking,
        "longest_pause_s": 0.8,
        "words": 0 if pace is None else round(pace * speaking / 60),
        "words_per_minute": pace,
        "transcript": "",
    }


def record(store: RecordingStore, objection_id: int, when: datetime, fed: dict[str, Any] | None):
    recording = store.save(objection_id, bytes(16000), 16000, when=when)
    if fed is not None:
        store.save_feedback(recording, fed)
    return recording


def colour(axes: Any, text: str) -> str:
    return next(line.get_color() for line in axes.lines if line.get_label()[:20] == text[:20])


def legend_texts(figure: Any) -> list[str]:
    return [text.get_text() for legend in figure.legends for text in legend.get_texts()]


def test_takes_are_read_from_the_stored_feedback(tmp_path: Path) -> None:
    store = RecordingStore(tmp_path / "db.sqlite3")
    record(store, 1, DAY + timedelta(days=2), feedback(40.0, 150.0))
    record(store, 1, DAY, feedback(52.5, None))  # no words heard: length only
    record(store, 1, DAY + timedelta(days=3), None)  # still being analysed
    record(store, 2, DAY, feedback(30.0, 170.0))
    record(store, 9, DAY, feedback(30.0, 170.0))  # an objection not asked for
    takes = takes_by_objection(store, [1, 2])
    assert takes == {
        1: [Take(DAY, 52.5, None), Take(DAY + timedelta(days=2), 40.0, 150.0)],
        2: [Take(DAY, 30.0, 170.0)],
    }
    figure = delivery_figure([(1, "Fairness?"), (2, "Cover?"), (3, "Never recorded")], takes)
    pace, length = figure.axes
    assert pace.get_title(loc="left") == "Pace (words a minute)"
    assert length.get_title(loc="left") == "Speaking time (seconds)"
    # Objection 1 has one paced take and two lengths; objection 3 is not drawn.
    assert [len(line.get_xdata()) for line in pace.lines] == [1, 1]
    assert [list(line.get_ydata()) for line in length.lines] == [[52.5, 40.0], [30.0]]
    assert legend_texts(figure) == [
        "Fairness?",
        "Cover?",
        "An unhurried pace: 120–150 words a minute",
    ]
    # Chosen: that one in colour, the other grey; one without takes gives no figure.
    chosen = delivery_figure([(1, "Fairness?"), (2, "Cover?")], takes, chosen=2)
    assert legend_texts(chosen)[:2] == ["Cover?", "The other objection"]
    assert delivery_figure([(1, "Fairness?"), (3, "Never")], takes, chosen=3) is None
    assert delivery_figure([(3, "Never")], takes) is None


def test_the_progress_page_shows_pace_and_length_and_follows_new_takes(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = objections_tab(qtbot, window)
    items = tab.model.items
    store = RecordingStore(tmp_path / "db.sqlite3")
    for days, speaking, pace in ((0, 48.0, 185.0), (2, 41.0, 160.0), (5, 35.0, 140.0)):
        record(store, items[0].id, DAY + timedelta(days=days), feedback(speaking, pace))
    record(store, items[4].id, DAY + timedelta(days=1), feedback(55.0, 120.0))
    delivery = tab.progress.delivery
    click_page(qtbot, tab, tab.progress)
    qtbot.waitUntil(lambda: delivery.figure is not None, timeout=10000)
    names = legend_texts(delivery.figure)
    assert names[0].startswith(items[0].text[:20]) and names[1].startswith(items[4].text[:20])
    assert delivery.figure.axes[1].lines[0].get_ydata().tolist() == [48.0, 41.0, 35.0]
    qtbot.waitUntil(lambda: tab.progress.chart.figure is not None)
    for item in (items[0], items[4]):  # in the colour each has on the confidence chart
        assert colour(delivery.figure.axes[1], item.text) == colour(
            tab.progress.chart.figure.axes[0], item.text
        )

    # Highlighting the chosen objection highlights it here too.
    tab.select_row(4)
    first = delivery.figure
    tab.progress.highlight.setFocus()
    qtbot.keyClick(tab.progress.highlight, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: delivery.figure is not first)
    assert legend_texts(delivery.figure)[0].startswith(items[4].text[:20])
    assert legend_texts(delivery.figure)[1] == "The other objection"
    tab.progress.highlight.setChecked(False)

    # A take recorded in rehearsal joins the chart once analysed.
    clock = FakeClock()
    tab, view = start(qtbot, window, clock)
    voice = view.voice
    microphone = FakeMicrophone()
    voice.input_factory = lambda: microphone
    voice.analysis = lambda _path: feedback(20.0, 150.0)
    qtbot.waitUntil(voice.loader.ready, timeout=10000)
    current = view.session.current
    key(qtbot, view, Qt.Key.Key_R)
    microphone.hear(bytes(32000))
    key(qtbot, view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: voice.panel.feedback.text() != "", timeout=10000)
    key(qtbot, view, Qt.Key.Key_Escape, Qt.Key.Key_Escape)
    before = delivery.figure
    qtbot.waitUntil(lambda: delivery.figure is not before, timeout=10000)
    row = [item.id for item in tab.model.items].index(current)
    text = tab.model.items[row].text
    assert any(name.startswith(text[:20]) for name in legend_texts(delivery.figure))
    window.close()


def test_without_recordings_the_page_says_how_to_make_one(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = objections_tab(qtbot, window)
    click_page(qtbot, tab, tab.progress)
    qtbot.waitUntil(lambda: tab.progress.chart.figure is not None, timeout=10000)
    assert tab.progress.delivery.figure is None
    assert tab.progress.delivery.isVisible()
    assert not (tmp_path / "recordings").exists(), "looking creates no folder"
    window.close()


def test_many_objections_are_grey_with_one_legend_entry(tmp_path: Path) -> None:
    takes = {oid: [Take(DAY, 30.0 + oid, 130.0 + oid)] for oid in range(1, 9)}
    objections = [(oid, f"Objection {oid}") for oid in range(1, 9)]
    figure = delivery_figure(objections, takes)
    assert legend_texts(figure) == [
        "Each objection (8)",
        "An unhurried pace: 120–150 words a minute",
    ]
    # The confidence chart's colours are kept where it has them.
    coloured = delivery_figure(objections[:2], takes, palette={2: "#8064a2"})
    assert [line.get_color() for line in coloured.axes[1].lines] == ["#4f81bd", "#8064a2"]
