"""The Rehearsal menu: start, record (R), play (P), and delete every recording after asking.

The menu is opened and its items chosen by their underlined letters, as a user would
with the keyboard; the microphone and speaker are the fakes of test_ui_voice.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu, QMessageBox
from test_ui_rehearsal import FakeClock, key
from test_ui_voice import ANSWER, FakeMicrophone, FakeSpeaker

from flexprep.core.recordings import RecordingStore
from flexprep.core.speech.audio import read_wav
from tests.uitools import child, open_window


def choose(qtbot, window, letter: Qt.Key) -> QMenu:  # type: ignore[no-untyped-def]
    """Open the Rehearsal menu and choose the item underlined ``letter``."""
    menu = child(window, QMenu, "rehearsal_menu")
    menu.popup(window.mapToGlobal(QPoint(40, 20)))
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, letter)
    qtbot.waitUntil(lambda: not menu.isVisible())
    return menu


def items(menu: QMenu) -> dict[str, Any]:
    return {a.objectName(): a for a in menu.actions() if a.objectName()}


def test_the_menu_sits_before_help_and_shows_r_and_p(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[-2:] == ["&Rehearsal", "&Help"]
    menu = child(window, QMenu, "rehearsal_menu")
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "&Start rehearsal",
        "&Record my answer\tR",
        "&Play my answer\tP",
        "&Delete all recordings…",
    ]
    menu.aboutToShow.emit()
    found = items(menu)
    # Outside a rehearsal only starting one makes sense; there is nothing to delete.
    assert found["action_rehearse"].isEnabled()
    assert not found["action_record"].isEnabled() and not found["action_play"].isEnabled()
    assert not found["action_delete_recordings"].isEnabled()
    window.close()


def test_start_record_play_and_delete_all_from_the_menu(qtbot, tmp_path, monkeypatch) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = window.tab_pages["objections"]
    view = tab.rehearsal
    view.clock = FakeClock()
    voice = view.voice
    voice.voice.engine_name = "mock"
    microphones: list[FakeMicrophone] = []
    voice.input_factory = lambda: microphones.append(FakeMicrophone()) or microphones[-1]
    voice.output_factory = FakeSpeaker
    voice.analysis = lambda _path: {
        "duration_s": 2.0,
        "speaking_s": 1.5,
        "longest_pause_s": 0.4,
        "words": 4,
        "words_per_minute": 160.0,
        "transcript": "i can do that",
    }

    menu = choose(qtbot, window, Qt.Key.Key_S)
    assert window.tabs.currentWidget() is tab and view.active(), "the menu started a rehearsal"
    assert not items(menu)["action_rehearse"].isEnabled() or not menu.isVisible()
    qtbot.waitUntil(voice.loader.ready, timeout=10000)

    choose(qtbot, window, Qt.Key.Key_R)
    assert voice.recorder.recording, "Record in the menu records like R"
    microphones[0].hear(read_wav(ANSWER).pcm16()[:64000])
    choose(qtbot, window, Qt.Key.Key_R)
    assert not voice.recorder.recording
    folder = tmp_path / "recordings"
    assert len(list(folder.glob("*.wav"))) == 1
    qtbot.waitUntil(lambda: "160 words a minute" in voice.panel.feedback.text(), timeout=10000)
    choose(qtbot, window, Qt.Key.Key_P)
    assert [p.name for p in voice.output.played] == [p.name for p in folder.glob("*.wav")]

    # A second answer, to another objection.
    key(qtbot, view, Qt.Key.Key_Space, Qt.Key.Key_3, Qt.Key.Key_N, Qt.Key.Key_R)
    microphones[-1].hear(bytes(32000))
    key(qtbot, view, Qt.Key.Key_Space)
    assert len(list(folder.glob("*.wav"))) == 2

    asked: list[str] = []

    def answer(reply):  # type: ignore[no-untyped-def]
        def question(_parent, title, text, *args):  # type: ignore[no-untyped-def]
            asked.append(f"{title}: {text}")
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    choose(qtbot, window, Qt.Key.Key_D)
    assert asked[-1].startswith("Delete all recordings: Delete all 2 recordings")
    assert "cannot be undone" in asked[-1]
    assert len(list(folder.glob("*.wav"))) == 2, "No keeps them"

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    choose(qtbot, window, Qt.Key.Key_D)
    assert list(folder.iterdir()) == [], "every recording and its feedback is gone"
    assert RecordingStore(tmp_path / "db.sqlite3").recordings() == []
    assert voice.panel.model.rowCount() == 0 and voice.panel.feedback.text() == ""
    assert window.statusBar().currentMessage() == "2 recordings deleted."
    menu.aboutToShow.emit()
    assert not items(menu)["action_delete_recordings"].isEnabled()
    window.close()


def test_delete_all_works_before_the_objection_tab_is_opened(qtbot, tmp_path, monkeypatch) -> None:
    db = tmp_path / "db.sqlite3"
    window = open_window(qtbot, db)
    store = RecordingStore(db)
    kept = store.save(1, bytes(32000), 16000)
    store.save_feedback(kept, {"speaking_s": 1.0})
    other = RecordingStore(tmp_path / "other.sqlite3").save(1, bytes(32000), 16000)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    assert "objections" not in window.tab_pages
    choose(qtbot, window, Qt.Key.Key_D)
    assert not kept.path.exists() and not kept.feedback_path.exists()
    assert other.path.exists(), "another database's recordings are not touched"
    assert "objections" not in window.tab_pages, "the tab is not built for this"
    assert window.statusBar().currentMessage() == "1 recording deleted."
    window.close()
