"""The readiness panel: what the preparation still lacks, each item a link to fix it."""

from __future__ import annotations

import contextlib
import textwrap
from datetime import date

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from flexprep.core.errors import FlexPrepError
from flexprep.core.readiness import ReadinessItem, days_to_meeting, readiness
from flexprep.ui.shell.context import AppContext
from flexprep.ui.widgets.common import heading_label, muted_label

REFRESH_DELAY_MS = 700
WRAP_CHARS = 40


class _Relay(QObject):
    """Carries a result computed in a worker thread back to the GUI thread."""

    ready = Signal(int, object, object)


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
        self._timer.timeout.connect(self.refresh_in_background)
        self._generation = 0
        self._relay = _Relay(self)
        self._relay.ready.connect(self._show)
        ctx.signals.data_changed.connect(self._schedule)
        ctx.saver.saved.connect(self._schedule)

    def set_workbook(self, workbook_id: int | None) -> None:
        self.workbook_id = workbook_id
        self.refresh_in_background()

    @Slot()
    def _schedule(self, *_args: object) -> None:
        if self.isVisible():
            self._timer.start(REFRESH_DELAY_MS)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        self._timer.start(0)

    def _compute(self, workbook_id: int) -> tuple[list[ReadinessItem], int | None]:
        data = self.ctx.service.export_data(workbook_id)
        today = self.today()
        return readiness(data, today), days_to_meeting(data, today)

    @Slot()
    def refresh(self) -> None:
        """Recompute the list from the saved workbook now."""
        self._generation += 1
        if self.workbook_id is None:
            self._show(self._generation, [], None)
            return
        try:
            items, days = self._compute(self.workbook_id)
        except FlexPrepError:
            return
        self._show(self._generation, items, days)

    @Slot()
    def refresh_in_background(self) -> None:
        """Recompute in a worker thread: a large workbook never stalls typing."""
        self._generation += 1
        generation, workbook_id = self._generation, self.workbook_id
        if workbook_id is None:
            return

        def work() -> None:
            try:
                items, days = self._compute(workbook_id)
            except FlexPrepError:
                return
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._relay.ready.emit(generation, items, days)

        QThreadPool.globalInstance().start(work)

    @Slot(int, object, object)
    def _show(self, generation: int, items: list[ReadinessItem], days: int | None) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way
        if items == self.items and self.buttons and days == getattr(self, "_days", None):
            return
        self._days = days
        for button in self.buttons:
            self._items_box.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        self.items = items
        if self.workbook_id is None:
            self.countdown.setText("")
            self.summary.setText("")
            return
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
            # Push buttons do not wrap: break long items into lines that fit the panel.
            button = QPushButton(
                textwrap.fill("→ " + item.text, WRAP_CHARS, subsequent_indent="    ")
            )
            button.setToolTip(item.text)
            button.setObjectName(f"readiness_{item.key}")
            button.setAccessibleName(f"Fix: {item.text}")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet("text-align: left; padding: 3px 4px;")
            button.clicked.connect(
                lambda _=False, i=item: self.ctx.signals.navigate.emit(i.tab, i.anchor)
            )
            self._items_box.addWidget(button)
            self.buttons.append(button)
