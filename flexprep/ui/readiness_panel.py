"""The readiness panel: what the preparation still lacks, each item a link to fix it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from flexprep.core.readiness import ReadinessItem, days_to_meeting, readiness
from flexprep.ui.context import AppContext
from flexprep.ui.widgets import heading_label, muted_label

REFRESH_DELAY_MS = 700


class ReadinessPanel(QFrame):
    """Lists :func:`flexprep.core.readiness.readiness` items as buttons that navigate."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workbook_id: int | None = None
        self.today = date.today
        self.setObjectName("readiness_panel")
        self.setAccessibleName("Readiness: what is still missing")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("Ready for the meeting?", 2))
        self.countdown = QLabel()
        self.countdown.setObjectName("readiness_countdown")
        self.countdown.setWordWrap(True)
        layout.addWidget(self.countdown)
        self.summary = muted_label("")
        self.summary.setObjectName("readiness_summary")
        layout.addWidget(self.summary)
        self._items_box = QVBoxLayout()
        self._items_box.setSpacing(2)
        layout.addLayout(self._items_box)
        layout.addStretch(1)
        self.buttons: list[QPushButton] = []
        self.items: list[ReadinessItem] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        ctx.signals.data_changed.connect(self._schedule)
        ctx.saver.saved.connect(self._schedule)

    def set_workbook(self, workbook_id: int | None) -> None:
        self.workbook_id = workbook_id
        self.refresh()

    @Slot()
    def _schedule(self, *_args: object) -> None:
        if self.isVisible():
            self._timer.start(REFRESH_DELAY_MS)

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)  # type: ignore[arg-type]
        self._timer.start(0)

    @Slot()
    def refresh(self) -> None:
        """Recompute the list from the saved workbook."""
        for button in self.buttons:
            self._items_box.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        if self.workbook_id is None:
            self.items = []
            return
        data = self.ctx.service.export_data(self.workbook_id)
        today = self.today()
        self.items = readiness(data, today)
        days = days_to_meeting(data, today)
        if days is None:
            self.countdown.setText("No meeting date set yet.")
        elif days > 1:
            self.countdown.setText(f"<b>{days} days</b> until the meeting.")
        elif days == 1:
            self.countdown.setText("<b>The meeting is tomorrow.</b>")
        elif days == 0:
            self.countdown.setText("<b>The meeting is today.</b> Good luck!")
        else:
            self.countdown.setText("The meeting date has passed: record the outcome.")
        if self.items:
            self.summary.setText(f"{len(self.items)} things still to do. Click one to go there.")
        else:
            self.summary.setText("Nothing missing. Rehearse once more and export your brief.")
        for item in self.items:
            button = QPushButton("→ " + item.text)
            button.setObjectName(f"readiness_{item.key}")
            button.setAccessibleName(f"Fix: {item.text}")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet("text-align: left; padding: 3px 4px;")
            button.clicked.connect(
                lambda _=False, i=item: self.ctx.signals.navigate.emit(i.tab, i.anchor))
            self._items_box.addWidget(button)
            self.buttons.append(button)
