"""The Must-haves & nice-to-haves tab (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from flexprep.ui.context import AppContext
from flexprep.ui.tab_base import WorkbookTab


class AsksTab(WorkbookTab):
    TAB_KEY = "asks"
    TITLE = "Must-haves & nice-to-haves"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        QVBoxLayout(self).addWidget(QLabel("Must-haves & nice-to-haves"))
