"""Icons: the application's own, and action icons that follow the desktop's theme.

An action icon is the icon theme's icon of a freedesktop name when the theme has one,
and otherwise FlexPrep's bundled line icon of the same name (``resources/icons/
actions``). Nothing is read at start-up: the window asks for icons after its first
paint, and Qt reads an SVG file only when an icon is first drawn.
"""

from __future__ import annotations

import contextlib
from functools import cache

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QAbstractButton, QPushButton, QToolButton, QWidget

from flexprep.core.content import resource_dir

#: Action object names and the freedesktop icon name each shows.
ACTION_ICONS: dict[str, str] = {
    "action_new": "document-new",
    "action_open": "document-open",
    "action_rename": "edit-rename",
    "action_duplicate": "edit-copy",
    "action_delete": "edit-delete",
    "action_import": "document-import",
    "action_export_file": "document-export",
    "action_export_with_recordings": "document-export",
    "action_restore": "document-revert",
    "action_quit": "application-exit",
    "action_undo": "edit-undo",
    "action_redo": "edit-redo",
    "action_cut": "edit-cut",
    "action_copy": "edit-copy",
    "action_paste": "edit-paste",
    "action_guide": "help-contents",
    "action_shortcuts": "input-keyboard",
    "action_about": "help-about",
    "export_menu": "document-save-as",
    "welcome_new": "document-new",
    "welcome_sample": "document-open",
}

#: Buttons in the tabs, by a word of their object name (``asks_add_must``, ``offers_up``).
BUTTON_WORDS: dict[str, str] = {
    "add": "list-add",
    "new": "list-add",
    "delete": "edit-delete",
    "up": "go-up",
    "down": "go-down",
    "accept": "dialog-ok",
    "mine": "dialog-ok",
}


def button_icon_name(object_name: str) -> str | None:
    """The icon a button of this object name shows, if any."""
    if object_name in ACTION_ICONS:
        return ACTION_ICONS[object_name]
    words = object_name.split("_")[1:]  # the first word names the list, not the act
    return next((BUTTON_WORDS[w] for w in words if w in BUTTON_WORDS), None)


@cache
def themed(name: str) -> QIcon:
    """The theme's icon ``name``, or the bundled one of that name."""
    fallback = resource_dir() / "icons" / "actions" / f"{name}.svg"
    return QIcon.fromTheme(name, QIcon(str(fallback)))


@cache
def app_icon() -> QIcon:
    """FlexPrep's own icon, at every size rendered from its SVG."""
    icon = QIcon()
    folder = resource_dir() / "icons" / "png"
    for path in sorted(folder.glob("flexprep-*.png")):
        icon.addFile(str(path))
    return icon


def decorate(root: QWidget) -> None:
    """Give the known actions and list buttons under ``root`` their icons."""
    for action in root.findChildren(QAction):
        icon_name = ACTION_ICONS.get(action.objectName())
        if icon_name and action.icon().isNull():
            action.setIcon(themed(icon_name))
    for menu_name in ("export_menu",):
        menu = root.findChild(QWidget, menu_name)
        if menu is not None and hasattr(menu, "menuAction"):
            menu.menuAction().setIcon(themed(ACTION_ICONS[menu_name]))
    decorated: list[QAbstractButton] = []
    for button in root.findChildren(QAbstractButton):
        icon_name = button_icon_name(button.objectName())
        if icon_name is None or not button.icon().isNull() or not button.text():
            continue
        if isinstance(button, QToolButton):
            # A tool button with text keeps it, with the icon beside.
            if button.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonTextOnly:
                continue
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        elif not isinstance(button, QPushButton):
            continue
        button.setIcon(themed(icon_name))
        decorated.append(button)
    # Once laid out: an icon never squeezes a button's words.
    QTimer.singleShot(0, lambda: _drop_squeezed(decorated))


def _drop_squeezed(buttons: list[QAbstractButton]) -> None:
    for button in buttons:
        with contextlib.suppress(RuntimeError):  # deleted meanwhile
            if button.isVisible() and button.width() < button.sizeHint().width():
                button.setIcon(QIcon())
