"""The window's menus, one function each; the window lists them in ``_build_menus``."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QTabWidget

from flexprep.core.database import Database
from flexprep.ui.shell.commands import WorkbookCommands, add_action
from flexprep.ui.shell.safety import SafetyNet
from flexprep.ui.widgets.undo import UndoHistory


class MenuHost(Protocol):
    """What the menus need from the window (the window provides it)."""

    commands: WorkbookCommands
    safety: SafetyNet
    database: Database
    undo_stack: UndoHistory
    tabs: QTabWidget
    act_restore: QAction
    undo_action: QAction
    redo_action: QAction

    def close(self) -> bool: ...
    def step_tab(self, step: int) -> None: ...
    def show_guide(self, section: str | None = None) -> None: ...
    def show_shortcuts(self) -> None: ...
    def show_about(self) -> None: ...


def build_file_menu(window: MenuHost, menu: QMenu) -> None:
    window.commands.build_file_menu(menu)
    menu.addSeparator()
    window.act_restore = add_action(
        menu,
        window.commands,
        "Restore from &backup…",
        window.safety.restore_from_backup,
        None,
        "action_restore",
    )
    window.act_restore.setEnabled(not window.database.read_only)
    menu.addSeparator()
    add_action(
        menu, window.commands, "&Quit", window.close, QKeySequence.StandardKey.Quit, "action_quit"
    )


def build_edit_menu(window: MenuHost, menu: QMenu) -> None:
    # Structural edits; typing in a field keeps the field's own Ctrl+Z.
    window.undo_action, window.redo_action = window.undo_stack.add_undo_actions(
        menu, window.commands
    )
    menu.addSeparator()
    for label, method, key in (
        ("Cu&t", "cut", QKeySequence.StandardKey.Cut),
        ("&Copy", "copy", QKeySequence.StandardKey.Copy),
        ("&Paste", "paste", QKeySequence.StandardKey.Paste),
    ):
        add_action(
            menu,
            window.commands,
            label,
            lambda _=False, m=method: _edit(m),
            key,
            f"action_{method}",
        )
    menu.addSeparator()
    add_action(
        menu,
        window.commands,
        "&Find…",
        lambda: _find(window),
        QKeySequence.StandardKey.Find,
        "action_find",
    )


def _find(window: MenuHost) -> None:
    from flexprep.ui.shell.find import find_in_window  # loaded when first used

    find_in_window(window)


def _edit(method: str) -> None:
    widget = QApplication.focusWidget()
    if widget is not None and hasattr(widget, method):
        getattr(widget, method)()


def build_view_menu(window: MenuHost, menu: QMenu) -> None:
    add_action(
        menu,
        window.commands,
        "&Previous tab",
        lambda: window.step_tab(-1),
        QKeySequence("Ctrl+PgUp"),
        "action_prev_tab",
    )
    add_action(
        menu,
        window.commands,
        "&Next tab",
        lambda: window.step_tab(1),
        QKeySequence("Ctrl+PgDown"),
        "action_next_tab",
    )
    menu.addSeparator()
    for index in range(window.tabs.count()):
        add_action(
            menu,
            window.commands,
            f"&{index + 1} {window.tabs.tabText(index)}",
            lambda _=False, i=index: window.tabs.setCurrentIndex(i),
            QKeySequence(f"Alt+{index + 1}"),
            f"action_tab_{index + 1}",
        )


def build_help_menu(window: MenuHost, menu: QMenu) -> None:
    add_action(
        menu,
        window.commands,
        "&Guide",
        lambda: window.show_guide(),
        QKeySequence.StandardKey.HelpContents,
        "action_guide",
    )
    add_action(
        menu,
        window.commands,
        "&Keyboard shortcuts",
        window.show_shortcuts,
        QKeySequence("Ctrl+/"),
        "action_shortcuts",
    )
    menu.addSeparator()
    add_action(menu, window.commands, "&About FlexPrep", window.show_about, None, "action_about")
