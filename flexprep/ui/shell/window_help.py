"""The window's help and picker commands: Ctrl+O, the guide (F1), shortcuts, About.

Mixed into :class:`~flexprep.ui.shell.window.MainWindow`; each dialog's module is
imported when the user first asks for it, so none of it costs start-up time.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QMainWindow, QStackedWidget, QTabWidget

from flexprep.core.database import Database
from flexprep.core.service import WorkbookService


class WindowHelp(QMainWindow):
    """Help › Guide, Help › Keyboard shortcuts, Help › About and the workbook picker."""

    database: Database
    service: WorkbookService
    stack: QStackedWidget
    tabs: QTabWidget
    workbook_id: int | None

    # The window's own methods:
    switch_to: Callable[[int | None], None]
    current_tab_key: Callable[[], str]
    build_all_tabs: Callable[[], None]

    def show_switcher(self) -> None:
        """Ctrl+O: pick a workbook, the most recently changed first."""
        from flexprep.ui.shell.picker import WorkbookPicker

        books = self.service.list_workbooks()
        if not books:
            self.statusBar().showMessage("No workbooks yet: start a new one.", 5000)
            return
        picker = WorkbookPicker(books, self.workbook_id, self)
        accepted = picker.exec() == QDialog.DialogCode.Accepted
        if accepted and picker.chosen is not None and picker.chosen != self.workbook_id:
            self.switch_to(picker.chosen)

    # -- help -------------------------------------------------------------------------

    def show_guide(self, section: str | None = None) -> None:
        """The guide, at ``section`` (a heading) or the section of the tab in front."""
        from flexprep.ui.shell.help import TAB_SECTIONS, GuideDialog

        if section is None and self.stack.currentWidget() is self.tabs:
            section = TAB_SECTIONS[self.current_tab_key()]
        dialog = self.findChild(GuideDialog, "guide_dialog")
        if dialog is None:
            dialog = GuideDialog(self.database.path, self)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        if section:
            dialog.show_section(section)

    def show_shortcuts(self) -> None:
        """Every shortcut, also of the tabs not opened yet: they are built first (built,
        not loaded: no workbook is read for it)."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QAction, QGuiApplication, QShortcut

        from flexprep.ui.shell.help import ShortcutsDialog, action_shortcuts

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.build_all_tabs()
            rows = action_shortcuts(
                self.menuBar(), self.findChildren(QAction), self.findChildren(QShortcut)
            )
        finally:
            QGuiApplication.restoreOverrideCursor()
        ShortcutsDialog(rows, self).exec()

    def show_about(self) -> None:
        from flexprep.ui.shell.help import show_about

        show_about(self, self.database.path)
