"""What every tab of the main window has in common."""

from __future__ import annotations

from PySide6.QtGui import QPaintEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from flexprep.ui.shell.context import AppContext
from flexprep.ui.widgets.keyboard import install_keyboard_helpers, never_trap


class WorkbookTab(QWidget):
    """A tab showing one part of the current workbook.

    Subclasses set ``TAB_KEY`` and ``TITLE``, build their widgets in ``__init__``,
    load the workbook's data in :meth:`set_workbook` and move focus to the place a
    readiness link names in :meth:`focus_anchor`. Edits go through
    ``self.ctx.saver.schedule(key, write)`` so they are saved as the user types.

    Every tab shares the window's keyboard rules: Tab leaves its lists and tables
    (see :mod:`flexprep.ui.widgets.keyboard`), and a field focused by its mnemonic
    scrolls into view.
    """

    TAB_KEY = ""
    TITLE = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workbook_id: int | None = None
        self.setObjectName(f"{self.TAB_KEY}_tab")
        self.setAccessibleName(self.TITLE)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        never_trap(self)  # lists built since the last time too

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt naming)
        super().paintEvent(event)
        # Once, when the tab is first on screen (no key can reach it before): the
        # application-wide filter sees every event, so the first paint does not wait on it.
        install_keyboard_helpers()

    def set_workbook(self, workbook_id: int | None) -> None:
        """Show the workbook ``workbook_id`` (None: no workbook open)."""
        self.workbook_id = workbook_id

    def focus_anchor(self, anchor: str) -> None:
        """Put the focus where the user can fix what ``anchor`` names."""

    def changed(self, part: str) -> None:
        """Tell the rest of the window that ``part`` of the workbook changed."""
        self.ctx.signals.data_changed.emit(part)
