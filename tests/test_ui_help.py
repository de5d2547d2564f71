"""Help as a user finds it: F1 and Help › Guide, the search box, the shortcut list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from flexprep.ui.shell.help import TAB_SECTIONS, GuideDialog, ShortcutsDialog, slug
from flexprep.ui.shell.window_tabs import TAB_KEYS
from tests.uitools import child, open_window

#: What the guide must explain, beside each tab.
TOPICS = (
    "How to prepare",
    "Rehearsal",
    "The documents and who sees what",
    "Privacy and where your data lives",
    "Backups and moving to another computer",
    "Keyboard",
)


def _guide(window) -> GuideDialog:  # type: ignore[no-untyped-def]
    return child(window, GuideDialog, "guide_dialog")


def test_f1_opens_the_guide_at_the_tab_in_front(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentIndex() == 2
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = _guide(window)
    qtbot.waitUntil(guide.isVisible)
    qtbot.waitUntil(lambda: guide.current_section() == "Objection rehearsal")
    # The database's own path is named where the guide says where data lives.
    assert str(window.database.path) in guide.browser.toPlainText()


def test_every_tab_and_topic_has_a_section(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    window.findChild(QAction, "action_guide").trigger()
    guide = _guide(window)
    headings = guide.headings()
    assert set(TAB_SECTIONS) == set(TAB_KEYS)
    for heading in (*TAB_SECTIONS.values(), *TOPICS):
        assert slug(heading) in headings, heading


def test_each_tabs_help_link_opens_its_section(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    link = child(window, QLabel, "tab_help")
    for index, key in enumerate(TAB_KEYS):
        window.tabs.setCurrentIndex(index)
        assert link.isVisible()
        qtbot.mouseClick(link, Qt.MouseButton.LeftButton, pos=link.rect().center())
        guide = _guide(window)
        qtbot.waitUntil(lambda g=guide, k=key: g.current_section() == TAB_SECTIONS[k])


def test_the_guide_search_finds_as_you_type(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = _guide(window)
    qtbot.keyClicks(guide.search, "walk-away")
    found = guide.matches.text()
    assert found.endswith(" found") and int(found.split()[0]) >= 2
    first = guide.browser.textCursor().position()
    assert guide.selected_text().casefold() == "walk-away"
    qtbot.keyClick(guide.search, Qt.Key.Key_Return)
    assert guide.browser.textCursor().position() > first
    guide.search.clear()
    qtbot.keyClicks(guide.search, "zzqx")
    assert guide.matches.text() == "Not found"


def test_keyboard_shortcuts_come_from_the_actions(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    seen: list[list[tuple[str, str]]] = []

    def read() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ShortcutsDialog)
        seen.append(dialog.rows())
        dialog.reject()

    QTimer.singleShot(0, read)
    window.findChild(QAction, "action_shortcuts").trigger()
    rows = seen[0]
    keys = {keys for keys, _where in rows}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            assert sequence.toString(QKeySequence.SequenceFormat.NativeText) in keys
    wheres = {where for _keys, where in rows}
    assert "Help › Guide" in wheres
    assert "File › Export › My brief" in wheres
    # The tabs not opened yet are in the list too: their lists' keys and their own.
    assert not window.tabs.widget(3).objectName().endswith("_unbuilt")
    up = QKeySequence("Ctrl+Up").toString(QKeySequence.SequenceFormat.NativeText)
    assert (up, "My objections: move the chosen objection up") in rows
    assert any(where.startswith("In a list: ") for _keys, where in rows)
    for shortcut in window.findChildren(QShortcut):
        if shortcut.whatsThis():
            keys = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
            assert (keys, shortcut.whatsThis()) in rows
    assert len(rows) == len(set(rows)), "a key that does the same in many lists: once"


def _menu_items(menu: QMenu) -> list[QAction]:
    return [a for a in menu.actions() if not a.isSeparator()]


def test_every_menu_item_has_its_own_accelerator(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    menus = [a.menu() for a in window.menuBar().actions()]
    while menus:
        menu = menus.pop()
        assert isinstance(menu, QMenu)
        letters = []
        for action in _menu_items(menu):
            text = action.text().replace("&&", "")
            assert text.count("&") == 1, f"{menu.title()} › {text}"
            letters.append(text[text.index("&") + 1].casefold())
            if action.menu() is not None:
                menus.append(action.menu())
        assert len(letters) == len(set(letters)), f"{menu.title()}: {letters}"
