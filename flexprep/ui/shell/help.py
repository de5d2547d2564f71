"""Help: the built-in guide (searchable, offline), the shortcut list and About.

Loaded when the user first asks for help, never at start-up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from flexprep.core.content import resource_dir
from flexprep.ui.widgets.common import name

#: Each tab's section of the guide, by the tab's key: the heading's text.
TAB_SECTIONS: dict[str, str] = {
    "assessment": "Self-assessment",
    "asks": "Must-haves & nice-to-haves",
    "objections": "Objection rehearsal",
    "evidence": "Endorsements & evidence",
    "plan": "Plan & trial",
    "meeting": "Meeting & follow-up",
}


def guide_path() -> Path:
    return resource_dir() / "guide" / "guide.md"


def slug(heading: str) -> str:
    """The link target of a heading: ``#privacy-and-where-your-data-lives``."""
    return re.sub(r"[^a-z0-9]+", "-", heading.casefold()).strip("-")


class GuideDialog(QDialog):
    """The guide in a text browser, with a search box that finds as you type."""

    def __init__(self, database_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle("FlexPrep guide")
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.search = name(QLineEdit(), "guide_search", "Search the guide")
        self.search.setPlaceholderText("Search the guide")
        self.search.setClearButtonEnabled(True)
        label = QLabel("&Find:")
        label.setBuddy(self.search)
        self.matches = QLabel()
        self.matches.setObjectName("guide_matches")
        row.addWidget(label)
        row.addWidget(self.search, 1)
        row.addWidget(self.matches)
        layout.addLayout(row)
        self.browser = name(QTextBrowser(), "guide_text", "FlexPrep guide")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        text = guide_path().read_text(encoding="utf-8")
        self.browser.setMarkdown(text.replace("{database}", str(database_path)))
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._highlight)
        self.search.returnPressed.connect(self.find_next)
        self.resize(760, 620)

    def headings(self) -> dict[str, int]:
        """Each heading's slug and the position where it starts."""
        found: dict[str, int] = {}
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                found.setdefault(slug(block.text()), block.position())
            block = block.next()
        return found

    def show_section(self, heading: str) -> bool:
        """Scroll so the section ``heading`` (its text or slug) starts at the top."""
        position = self.headings().get(slug(heading))
        if position is None:
            return False
        bar = self.browser.verticalScrollBar()
        bar.setValue(bar.maximum())  # then back up: the heading lands at the top
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(position)
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()
        return True

    def current_section(self) -> str:
        """The heading of the section shown at the top of the browser."""
        top = self.browser.cursorForPosition(self.browser.viewport().rect().topLeft())
        block, heading = top.block(), ""
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                heading = block.text()
                break
            block = block.previous()
        return heading

    @Slot(QUrl)
    def _follow(self, url: QUrl) -> None:
        if url.hasFragment() and not url.path():
            self.show_section(url.fragment())

    @Slot(str)
    def _highlight(self, text: str) -> None:
        document = self.browser.document()
        selections: list[QTextEdit.ExtraSelection] = []
        if text.strip():
            colour = self.palette().color(QPalette.ColorRole.Highlight)
            colour.setAlpha(90)
            cursor = document.find(text)
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format.setBackground(QColor(colour))
                selections.append(selection)
                cursor = document.find(text, cursor)
        self.browser.setExtraSelections(selections)
        if not text.strip():
            self.matches.setText("")
        elif selections:
            self.matches.setText(f"{len(selections)} found")
            start = QTextCursor(document)
            self.browser.setTextCursor(start)
            self.find_next()
        else:
            self.matches.setText("Not found")

    @Slot()
    def find_next(self) -> None:
        """Select the next place the search text appears, from the top after the last."""
        text = self.search.text()
        if not text.strip():
            return
        if not self.browser.find(text):
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
            self.browser.find(text)

    def selected_text(self) -> str:
        return self.browser.textCursor().selectedText()


def action_shortcuts(
    menu_bar: QMenuBar, extra: list[QAction], shortcuts: Sequence[QShortcut] = ()
) -> list[tuple[str, str]]:
    """(shortcut, where) for every action with a shortcut: menus first, then the rest,
    then the keys of lists (an action named "Remove\tDel" in a list's context menu, see
    :func:`~flexprep.ui.widgets.list_editor.install_keys`) and the shortcuts of single
    widgets (a :class:`QShortcut`, described by its "what's this"). A key that does the
    same in many lists is listed once."""
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, path: list[str]) -> None:
        for action in menu.actions():
            label = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            label = label.rstrip("…").strip()
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, [*path, label])
                continue
            seen.add(id(action))
            label, _tab, shown = label.partition("\t")
            for key in action.shortcuts():
                rows.append(
                    (
                        key.toString(QKeySequence.SequenceFormat.NativeText),
                        " › ".join([*path, label]),
                    )
                )
            if shown and not action.shortcuts():  # a key the menu names, handled elsewhere
                rows.append((shown, " › ".join([*path, label])))

    for top in menu_bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, [top.text().replace("&", "")])
    for action in extra:
        if id(action) in seen or not action.shortcuts():
            continue
        label = action.text().replace("&", "") or action.toolTip()
        for key in action.shortcuts():
            rows.append((key.toString(QKeySequence.SequenceFormat.NativeText), label))
    local: list[tuple[str, str]] = []
    for action in extra:
        text, tab, shown = action.text().partition("\t")
        if tab and shown and not action.shortcuts() and id(action) not in seen:
            local.append((shown, f"In a list: {text.replace('&', '')}"))
    for shortcut in shortcuts:
        what = shortcut.whatsThis()
        if what:
            keys = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
            local.append((keys, what))
    rows.extend(dict.fromkeys(local))  # once each, in the order first met
    return rows


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut of the window, read from its actions."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle("Keyboard shortcuts")
        layout = QVBoxLayout(self)
        self.table = name(QTableWidget(len(rows), 2), "shortcuts_table", "Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Shortcut", "Command"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for row, (keys, where) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(where))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def rows(self) -> list[tuple[str, str]]:
        cells = [
            (self.table.item(r, 0), self.table.item(r, 1)) for r in range(self.table.rowCount())
        ]
        return [(a.text(), b.text()) for a, b in cells if a is not None and b is not None]


def show_about(parent: QWidget, database_path: Path) -> None:
    from flexprep import __version__

    QMessageBox.about(
        parent,
        "About FlexPrep",
        f"FlexPrep {__version__}\n\nPrepare, privately and offline, to ask your manager "
        f"for a flexible work arrangement.\n\nYour data stays on this computer:\n"
        f"{database_path}\n\nHelp › Guide (F1) explains each tab.",
    )
