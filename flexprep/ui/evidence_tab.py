"""The Endorsements & evidence tab (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from flexprep.ui.context import AppContext
from flexprep.ui.tab_base import WorkbookTab


class EvidenceTab(WorkbookTab):
    TAB_KEY = "evidence"
    TITLE = "Endorsements & evidence"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        QVBoxLayout(self).addWidget(QLabel("Endorsements & evidence"))
