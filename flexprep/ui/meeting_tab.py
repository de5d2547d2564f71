"""The Meeting & follow-up tab (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from flexprep.ui.context import AppContext
from flexprep.ui.tab_base import WorkbookTab


class MeetingTab(WorkbookTab):
    TAB_KEY = "meeting"
    TITLE = "Meeting & follow-up"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        QVBoxLayout(self).addWidget(QLabel("Meeting & follow-up"))
