"""Confidence over time, and beside it the pace and length of the recorded answers:
the rehearsal charts, drawn lazily and redrawn after changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QCheckBox, QSplitter, QVBoxLayout, QWidget

from flexprep.ui.objections.models import ObjectionItem
from flexprep.ui.widgets.chart import CHART_POLL_MS, ChartView
from flexprep.ui.widgets.common import muted_label, name

REDRAW_DELAY_MS = 300


class RehearsalProgress(QWidget):
    """Shows ``confidence_figure`` for the workbook's objections, and under it (once
    :meth:`watch` has said where the objections and recordings are) the pace and length
    of every analysed recording (:func:`~flexprep.ui.objections.delivery_chart.delivery_figure`).

    Nothing is drawn (and matplotlib is not imported) until the page is first shown;
    :meth:`invalidate` schedules a redraw, done at once if visible or on next show.
    ``load`` returns the file-format objections; ``selected`` the highlighted index.
    """

    def __init__(
        self,
        load: Callable[[], list[dict[str, Any]]],
        selected: Callable[[], int | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._selected = selected
        self.dirty = True
        self.chart = ChartView(
            "No rehearsal yet: rehearse once and your confidence "
            "appears here, per objection and overall."
        )
        self.chart.setObjectName("confidence_chart")
        self.chart.setAccessibleName("Chart of rehearsal confidence over time")
        self.highlight = name(
            QCheckBox("Highlight the &chosen objection"),
            "confidence_highlight",
            "Highlight the objection chosen in my objections",
        )
        self.note = muted_label("")
        self.note.setObjectName("confidence_note")
        self.delivery = ChartView(
            "No recorded answer yet: press R while you rehearse, and the pace and "
            "length of your answers appear here, session after session."
        )
        self.delivery.setObjectName("delivery_chart")
        self.delivery.setAccessibleName("Chart of the pace and length of my recorded answers")
        self._items: Callable[[], list[ObjectionItem]] = list
        self._store: Callable[[], Any] = lambda: None
        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.chart, 1)
        column.addWidget(self.note)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("progress_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.delivery)
        self.splitter.setStretchFactor(0, 3)  # confidence first; the recordings under it
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.highlight)
        layout.addWidget(self.splitter, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.redraw)
        self.highlight.toggled.connect(lambda _on: self.invalidate())

    def watch(self, items: Callable[[], list[ObjectionItem]], voice: Any) -> None:
        """Draw the recordings of ``voice`` (a VoiceController) for ``items``; redraw as
        recordings are analysed or deleted."""
        self._items = items
        self._store = voice.recording_store
        voice.recordings_changed.connect(lambda: self.invalidate())
        self.invalidate()

    def invalidate(self, *, now: bool = False) -> None:
        """The data changed: redraw soon (``now``: at once) if shown, else when next shown."""
        self.dirty = True
        if self.isVisible():
            if now:
                self.redraw()
            else:
                self._timer.start(REDRAW_DELAY_MS)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        if self.dirty:
            self._timer.start(0)

    @Slot()
    def redraw(self) -> None:
        """Draw the chart from the saved workbook (once matplotlib has loaded aside)."""
        self._timer.stop()
        if not self.chart.wait_for_matplotlib():
            self._timer.start(CHART_POLL_MS)
            return
        from flexprep.reports.charts import confidence_figure

        self.dirty = False
        objections = self._load()
        index = self._selected() if self.highlight.isChecked() else None
        figure = confidence_figure(objections, index) if index is not None else None
        note = ""
        if index is not None and figure is None:
            note = "The chosen objection has not been rehearsed yet: showing all of them."
        if figure is None:
            figure = confidence_figure(objections)
        if figure is not None and not note:
            note = (
                "The bold line is your overall confidence: the mean of each objection's "
                "latest rating. Aim for 4 or more before the meeting."
            )
        self.note.setText(note if figure is not None else "")
        self.chart.set_figure(figure)
        self.delivery.set_figure(self._delivery_figure(index))

    def _delivery_figure(self, row: int | None) -> Any:
        from flexprep.ui.objections.delivery_chart import (
            confidence_colours,
            delivery_figure,
            takes_by_objection,
        )

        store = self._store()
        items = [item for item in self._items() if item.text.strip()]
        chosen_item = self._items()[row] if row is not None and row < len(self._items()) else None
        if store is None or not items:
            return None
        try:
            takes = takes_by_objection(store, [item.id for item in items])
        except OSError:
            return None
        objections = [(item.id, item.text) for item in items]
        chosen = chosen_item.id if chosen_item is not None else None
        palette = confidence_colours(self._items())
        figure = delivery_figure(objections, takes, chosen, palette)
        return figure or delivery_figure(objections, takes, palette=palette)
