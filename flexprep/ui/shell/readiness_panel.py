"""The readiness panel: what the preparation still lacks, each item a link to fix it."""

from __future__ import annotations

import contextlib
import textwrap
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from flexprep.core.errors import FlexPrepError
from flexprep.ui.shell.context import AppContext
from flexprep.ui.widgets.common import heading_label, muted_label

if TYPE_CHECKING:
    from flexprep.core.readiness import ReadinessItem

REFRESH_DELAY_MS = 700
#: The fewest characters a line of an item is wrapped to, however narrow the panel.
WRAP_CHARS = 28


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
        self._painted = False
        self._relay = _Relay(self)
        self._relay.ready.connect(self._show)
        ctx.signals.data_changed.connect(self._schedule)
        ctx.saver.saved.connect(self._schedule)

    def _wrapped(self, text: str) -> str:
        # Push buttons do not wrap: break items into lines as wide as the panel.
        # A generous width per character, so a line never outgrows the panel (and the
        # panel never widens to fit it).
        sample = "Nothing offered in return yet, NO WALK-AWAY"
        per_char = 1.15 * self.fontMetrics().horizontalAdvance(sample) / len(sample)
        room = self.contentsRect().width() - 40  # the frame and the button's padding
        chars = max(WRAP_CHARS, int(room / max(per_char, 1.0)))
        return textwrap.fill("→ " + text, chars, subsequent_indent="    ")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        for button, item in zip(self.buttons, self.items, strict=False):
            button.setText(self._wrapped(item.text))

    def set_workbook(self, workbook_id: int | None) -> None:
        self.workbook_id = workbook_id
        # Hidden (as at start-up, before the first paint): showEvent works it out.
        if self.isVisible():
            self.refresh_in_background()
        else:
            self._generation += 1  # a result still on its way was for the old workbook

    @Slot()
    def _schedule(self, *_args: object) -> None:
        if self.isVisible():
            self._timer.start(REFRESH_DELAY_MS)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        if self._painted:
            self._timer.start(0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt naming)
        super().paintEvent(event)
        if not self._painted:  # the first time: worked out once the window is on screen
            self._painted = True
            self._timer.start(0)

    def _compute(self, workbook_id: int) -> tuple[list[ReadinessItem], tuple[int | None, int]]:
        # In the worker thread: the window's first paint never waits for these.
        from flexprep.core.readiness import days_to_meeting, readiness
        from flexprep.core.rehearsal_plan import due_in_workbook

        data = self.ctx.service.export_data(workbook_id)
        today = self.today()
        # Days to the meeting, and objections due for rehearsal today (core/rehearsal_plan).
        return readiness(data, today), (days_to_meeting(data, today), due_in_workbook(data, today))

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
    def _show(
        self, generation: int, items: list[ReadinessItem], timing: tuple[int | None, int] | None
    ) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way
        if items == self.items and self.buttons and timing == getattr(self, "_days", None):
            return
        self._days = timing
        days, due = timing or (None, 0)
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
        if due:
            plural = "objection is" if due == 1 else "objections are"
            self.countdown.setText(
                f"{self.countdown.text()} {due} {plural} due for rehearsal today."
            )
        if self.items:
            count = len(self.items)
            self.summary.setText(
                "1 thing still to do. Click it to go there."
                if count == 1
                else f"{count} things still to do. Click one to go there."
            )
        else:
            self.summary.setText("Nothing missing. Rehearse once more and export your brief.")
        for item in self.items:
            button = QPushButton(self._wrapped(item.text))
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
