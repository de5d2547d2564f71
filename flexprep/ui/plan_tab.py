"""The Plan & trial tab (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from flexprep.ui.context import AppContext
from flexprep.ui.tab_base import WorkbookTab


class PlanTab(WorkbookTab):
    TAB_KEY = "plan"
    TITLE = "Plan & trial"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        QVBoxLayout(self).addWidget(QLabel("Plan & trial"))
