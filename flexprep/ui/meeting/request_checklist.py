"""What the formal letter still lacks for its jurisdiction, each item a link to its field.

The list is :func:`flexprep.core.law.missing` of the saved workbook as the letter will
see it (draft asks left out), with :func:`flexprep.core.law.cautions` below it. It is
worked out in a worker thread, after each save, so typing never waits on the database.
"""

from __future__ import annotations

import contextlib
import textwrap
from datetime import date

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from flexprep.core import law
from flexprep.core.errors import FlexPrepError
from flexprep.reports.drafts import without_drafts
from flexprep.ui.shell.context import AppContext
from flexprep.ui.widgets.common import muted_label

REFRESH_DELAY_MS = 400
WRAP_CHARS = 64


class _Relay(QObject):
    ready = Signal(int, object, object)


class RequestChecklist(QWidget):
    """Link buttons for the letter's gaps; ``field_chosen(field)`` when one is clicked."""

    field_chosen = Signal(str)
    #: The list was rebuilt (its link buttons are new widgets).
    shown = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("request_checklist")
        self.setAccessibleName("What the formal request letter still lacks")
        self.workbook_id: int | None = None
        self.today = date.today
        self.gaps: list[law.Missing] = []
        self.cautions: list[law.Caution] = []
        self.buttons: list[QPushButton] = []
        self.summary = QLabel()
        self.summary.setObjectName("request_checklist_summary")
        self.summary.setWordWrap(True)
        self.caution_label = muted_label("")
        self.caution_label.setObjectName("request_cautions")
        self._items = QVBoxLayout()
        self._items.setContentsMargins(0, 0, 0, 0)
        self._items.setSpacing(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(self._items)
        layout.addWidget(self.caution_label)
        self.caution_label.hide()
        self._generation = 0
        self._relay = _Relay(self)
        self._relay.ready.connect(self._show)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh_in_background)
        ctx.saver.saved.connect(self._schedule)

    def set_workbook(self, workbook_id: int | None) -> None:
        self.workbook_id = workbook_id
        self.refresh_in_background()

    @Slot()
    def _schedule(self, *_args: object) -> None:
        self._timer.start(REFRESH_DELAY_MS)

    def _compute(self, workbook_id: int) -> tuple[list[law.Missing], list[law.Caution]]:
        data = without_drafts(self.ctx.service.export_data(workbook_id))
        return law.missing(data), law.cautions(data, self.today())

    @Slot()
    def refresh_in_background(self) -> None:
        self._generation += 1
        generation, workbook_id = self._generation, self.workbook_id
        if workbook_id is None:
            self._show(generation, [], [])
            return

        def work() -> None:
            try:
                gaps, cautions = self._compute(workbook_id)
            except (FlexPrepError, ValueError):
                return
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._relay.ready.emit(generation, gaps, cautions)

        QThreadPool.globalInstance().start(work)

    @Slot(int, object, object)
    def _show(self, generation: int, gaps: list[law.Missing], cautions: list[law.Caution]) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way
        focused = next((b for b in self.buttons if b.hasFocus()), None)
        keep_focus = focused.objectName() if focused is not None else ""
        for button in self.buttons:
            self._items.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        self.gaps, self.cautions = gaps, cautions
        if self.workbook_id is None:
            self.summary.setText("")
        elif gaps:
            self.summary.setText(
                f"<b>The letter still lacks {len(gaps)} thing{'s' if len(gaps) != 1 else ''}"
                "</b> — until then it exports as a draft. Click one to fill it in:"
            )
        else:
            self.summary.setText("<b>✓ The letter has everything its law asks for.</b>")
        for index, gap in enumerate(gaps):
            text = f"→ {gap.label[0].upper()}{gap.label[1:]}"
            button = QPushButton(textwrap.fill(text, WRAP_CHARS, subsequent_indent="    "))
            button.setObjectName(f"request_gap_{gap.field}")
            button.setAccessibleName(f"Fill in: {gap.label}")
            button.setToolTip(f"Go to the field: {gap.label}")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet("text-align: left; padding: 2px 4px;")
            button.clicked.connect(lambda _=False, g=gap: self.field_chosen.emit(g.field))
            self._items.insertWidget(index, button)
            button.show()  # now, so that Tab and a test reach it at once
            self.buttons.append(button)
            if button.objectName() == keep_focus:
                button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.caution_label.setText("\n".join(f"⚠ {c.text}" for c in cautions))
        self.caution_label.setVisible(bool(cautions))
        self.shown.emit()
