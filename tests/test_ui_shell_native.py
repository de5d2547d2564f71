"""The window as a desktop app: where it opens, its icons, Ctrl+O, folders, closing."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QProgressDialog,
    QPushButton,
)

from flexprep.ui.shell import geometry
from flexprep.ui.shell.icons import app_icon
from flexprep.ui.shell.mnemonics import with_mnemonics
from flexprep.ui.shell.picker import WorkbookPicker
from tests.uitools import child, open_window, reopen

#: A 1366×768 screen less a 28-pixel panel.
SMALL = QRect(0, 0, 1366, 740)


def test_first_window_fits_a_small_screen_with_its_status_bar(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(geometry, "available_areas", lambda: [SMALL])
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    frame = window.geometry().adjusted(
        -geometry.FRAME.width() // 2,
        -(geometry.FRAME.height() - geometry.FRAME.width() // 2),
        geometry.FRAME.width() // 2,
        geometry.FRAME.width() // 2,
    )
    assert SMALL.contains(frame), (window.geometry(), SMALL)
    bar = window.statusBar()
    assert bar.isVisible()
    bottom = bar.mapTo(window, bar.rect().bottomLeft()).y()
    assert bottom < window.height()
    assert window.geometry().width() >= 1000


def test_a_remembered_place_that_no_longer_fits_is_corrected(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    wide = QRect(0, 0, 1920, 1050)
    window.setGeometry(QRect(1920 + 200, 100, 1400, 900))  # on a screen since unplugged
    saved = window.saveGeometry()
    geometry.place(window, saved, [wide])
    assert geometry.fits(window.geometry(), [wide])
    window.setGeometry(QRect(100, 100, 508, 442))  # a leftover of a maximised window
    geometry.place(window, window.saveGeometry(), [wide])
    assert window.geometry() == geometry.first_geometry(wide)
    # Quit maximised with a leftover normal size: opens at a first size, not maximised.
    window.setGeometry(QRect(100, 100, 508, 442))
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    saved = window.saveGeometry()
    again = QMainWindow()
    qtbot.addWidget(again)
    geometry.place(again, saved, [wide])
    again.show()
    again.showMaximized()
    qtbot.waitUntil(again.isMaximized)
    again.showNormal()
    qtbot.waitUntil(lambda: not again.isMaximized())
    assert again.geometry() == geometry.first_geometry(wide)


def test_first_geometry_at_common_sizes() -> None:
    for area in (SMALL, QRect(0, 0, 1920, 1050), QRect(1920, 0, 1280, 1024)):
        rect = geometry.first_geometry(area)
        assert area.contains(rect) and geometry.fits(rect, [area])
        room = area.size() - geometry.FRAME
        assert rect.size() == geometry.FIRST_SIZE.expandedTo(rect.size()).boundedTo(room)


def test_welcome_page_uses_the_width_it_has(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3", sample=False)
    window.resize(1366, 740)
    qtbot.waitUntil(lambda: window.welcome.intro.width() > 560)
    assert window.welcome.intro.width() <= 720
    assert window.welcome.intro.height() < 80  # two or three lines, not a column


def test_window_and_actions_have_icons(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    assert not window.windowIcon().isNull()
    sizes = {(s.width(), s.height()) for s in app_icon().availableSizes()}
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes
    new = window.findChild(QAction, "action_new")
    qtbot.waitUntil(lambda: not new.icon().isNull())
    for name in ("action_open", "action_guide", "action_quit", "action_undo"):
        assert not window.findChild(QAction, name).icon().pixmap(QSize(16, 16)).isNull(), name


def test_mnemonics_pick_free_letters() -> None:
    assert with_mnemonics(["My brief…", "Proposal…", "Plan…", "&Pay"]) == [
        "&My brief…",
        "P&roposal…",
        "P&lan…",
        "&Pay",
    ]
    assert with_mnemonics(["A && B", "A"]) == ["&A && B", "A"]


def test_ctrl_o_opens_a_picker_that_filters_as_you_type(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    first = window.workbook_id
    for name in ("Second try", "Compressed week plan"):
        window.service.create_workbook(name, "flexible_hours", drafts=False)
        time.sleep(0.01)
    seen: list[list[str]] = []

    def pick() -> None:
        picker = QApplication.activeModalWidget()
        assert isinstance(picker, WorkbookPicker)
        seen.append([picker.list.item(r).text().split("\n")[0] for r in range(picker.list.count())])
        qtbot.keyClicks(picker.filter, "SEC")
        visible = [r for r in range(picker.list.count()) if not picker.list.item(r).isHidden()]
        seen.append([picker.list.item(r).text().split("\n")[0] for r in visible])
        qtbot.keyClick(picker.filter, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert seen[0][0] == "Compressed week plan"  # the most recently changed first
    assert seen[1] == ["Second try"]
    assert window.switcher.currentText() == "Second try"
    assert window.workbook_id != first


def test_file_dialogs_start_in_the_last_folder(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    starts: list[str] = []
    folder = tmp_path / "exports"
    folder.mkdir()

    def save(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        starts.append(start)
        return str(folder / "copy.json"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    written = folder / "copy.json"

    def export_and_wait() -> None:
        written.unlink(missing_ok=True)
        window.commands.act_export_file.trigger()
        qtbot.waitUntil(written.exists)
        qtbot.waitUntil(lambda: not window.commands._aside_running)

    export_and_wait()
    export_and_wait()
    assert Path(starts[0]).parent == Path.home()
    assert Path(starts[1]).parent == folder
    window = reopen(qtbot, window)
    export_and_wait()
    assert Path(starts[2]).parent == folder  # remembered across sessions


def test_closing_during_an_export_says_it_is_finishing(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    target = tmp_path / "brief.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    from flexprep.reports import documents

    real = documents.write_document

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(1.0)
        return real(*args, **kwargs)

    monkeypatch.setattr(documents, "write_document", slow)
    window.commands.export_actions["brief"].trigger()
    qtbot.waitUntil(lambda: bool(window.commands._export_jobs), timeout=10000)
    window.close()
    progress = child(window, QProgressDialog, "closing_progress")
    assert window.isVisible() and progress.isVisible()
    assert "Finishing “My brief” before closing" in progress.labelText()
    assert "then closing" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30000)
    assert target.exists()


def test_list_buttons_get_icons_and_keep_their_words(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    tab = window.tab_pages["asks"]
    add = child(tab, QPushButton, "asks_add_must")
    qtbot.waitUntil(lambda: not add.icon().isNull())
    assert add.text() == "Add"
    assert not child(tab, QPushButton, "asks_move_up").icon().isNull()


def test_readiness_counts_one_thing_in_the_singular(qtbot, tmp_path: Path, monkeypatch) -> None:
    from flexprep.core.readiness import ReadinessItem

    long_text = "No metric yet: a number before and after is hard to argue with, " * 2
    one = [ReadinessItem("metric", long_text.strip(), "evidence", "metric")]
    monkeypatch.setattr("flexprep.core.readiness.readiness", lambda data, today: one)
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    panel = window.tab_pages["assessment"].readiness
    panel.refresh()
    assert panel.summary.text() == "1 thing still to do. Click it to go there."
    [button] = panel.buttons
    assert "…" not in button.text()
    assert " ".join(button.text().replace("→", "").split()) == " ".join(long_text.split())
    assert button.sizeHint().width() <= panel.contentsRect().width()


def test_desktop_entry_and_bundled_icons() -> None:
    import configparser

    from flexprep.core.content import resource_dir
    from flexprep.ui.shell.icons import ACTION_ICONS, BUTTON_WORDS

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(resource_dir() / "flexprep.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert (desktop["Type"], desktop["Exec"], desktop["Icon"]) == (
        "Application",
        "flexprep",
        "flexprep",
    )
    readme = (resource_dir().parent / "README.md").read_text(encoding="utf-8")
    assert "resources/flexprep.desktop > ~/.local/share/applications/flexprep.desktop" in readme
    for icon_name in {*ACTION_ICONS.values(), *BUTTON_WORDS.values()}:
        svg = resource_dir() / "icons" / "actions" / f"{icon_name}.svg"
        assert svg.is_file(), icon_name
        assert "same licence as FlexPrep" in svg.read_text(encoding="utf-8")


def test_document_export_starts_in_the_last_folder(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    folder = tmp_path / "for-me"
    folder.mkdir()
    starts: list[str] = []

    def save(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        starts.append(start)
        return str(folder / f"brief-{len(starts)}.docx"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    for round_ in (1, 2):
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda r=round_: (folder / f"brief-{r}.docx").exists(), timeout=30000)
        qtbot.waitUntil(lambda: not window.commands._export_jobs, timeout=30000)
    assert Path(starts[0]).parent == Path.home()
    assert Path(starts[1]).parent == folder
