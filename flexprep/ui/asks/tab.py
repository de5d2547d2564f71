"""The Must-haves & nice-to-haves tab: ranked asks, offers, walk-away and the asks chart."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from flexprep.core.errors import FlexPrepError
from flexprep.ui.asks.board import AsksBoard
from flexprep.ui.asks.editor import AskEditor
from flexprep.ui.asks.models import Row
from flexprep.ui.asks.offers import OffersPanel
from flexprep.ui.shell.context import AppContext
from flexprep.ui.widgets.chart import CHART_POLL_MS, ChartView
from flexprep.ui.widgets.common import (
    GrowingTextEdit,
    heading_label,
    muted_label,
    name,
    scroll_page,
)
from flexprep.ui.widgets.tab import WorkbookTab

CHART_DELAY_MS = 300
PAGE_MARGIN = 12
COLUMN_GAP = 18
CHART_RATIO = 0.62  # height / width that suits the asks chart and its key
_CHART_FIELDS = {"title", "priority", "importance", "resistance"}


class _ViewportHigh(QWidget):
    """The top of the page: at least as high as the scroll area shows at once."""

    def __init__(self) -> None:
        super().__init__()
        self._fit = 0

    def fit(self, height: int) -> None:
        if height != self._fit:
            self._fit = height
            self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return super().minimumSizeHint().expandedTo(QSize(0, self._fit))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return self.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt naming)
        # Otherwise the scroll area sizes the page by the preferred height of every
        # wrapped label and chart in here, and the first screenful overflows.
        return False


class AsksTab(WorkbookTab):
    """Sort asks into must-have and nice-to-have, rate them, and decide what to trade."""

    TAB_KEY = "asks"
    TITLE = "Must-haves & nice-to-haves"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.board = AsksBoard(ctx)
        self.editor = AskEditor(ctx)
        self.offers = OffersPanel(ctx)
        self.chart = name(
            ChartView("Add an ask to see it here."),
            "asks_chart",
            "Chart of importance against expected resistance",
        )
        self.chart.setMinimumHeight(300)
        self._chart_dirty = True
        self._chart_timer = QTimer(self)
        self._chart_timer.setSingleShot(True)
        self._chart_timer.timeout.connect(self.redraw_chart)

        self.walk_away = name(
            GrowingTextEdit(min_lines=3, max_lines=10),
            "walk_away",
            "My walk-away position (private)",
        )
        self.walk_away.setPlaceholderText(
            "The point at which you would stop negotiating, and what you would do instead"
        )
        self.walk_away.edited.connect(self._walk_away_edited)

        self.board.selected.connect(self._on_selected)
        self.board.structure_changed.connect(self._on_asks_changed)
        self.board.edit_requested.connect(lambda: self.editor.focus_field("title"))
        self.editor.edited.connect(self._on_edited)
        self.editor.make_mine.connect(self.board.make_mine)
        self.offers.structure_changed.connect(lambda: self.changed("offers"))
        self._build()

    def _build(self) -> None:
        page = QWidget()
        page.setObjectName("asks_page")
        intro = QVBoxLayout()
        intro.setSpacing(2)
        intro.addWidget(heading_label("What is make-or-break, and what can be traded?"))
        intro.addWidget(
            muted_label(
                "Drag an ask between the columns, or up and down to rank it. From the keyboard: "
                "Ctrl+Up and Ctrl+Down reorder, Ctrl+Left and Ctrl+Right change column, Insert "
                "adds, Delete deletes. Numbers match the chart."
            )
        )
        asks = QVBoxLayout()
        asks.addLayout(intro)
        asks.addWidget(self.board, 1)
        detail = QVBoxLayout()
        detail.setSpacing(10)
        self.editor.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        detail.addWidget(self.editor)
        chart_heading = heading_label("Importance against expected resistance", 2)
        chart_heading.setObjectName("asks_chart_heading")
        detail.addWidget(chart_heading)
        detail.addWidget(self.chart, 1)
        detail.addStretch(0)  # the chart keeps its proportions; any height left goes here

        walk_box = QFrame()
        walk_box.setObjectName("walk_away_box")
        walk = QVBoxLayout(walk_box)
        walk.setContentsMargins(0, 0, 0, 0)
        walk.setSpacing(4)
        walk_heading = heading_label("My wal&k-away position", 2)
        walk_heading.setBuddy(self.walk_away)
        note = muted_label(
            "<b>Private.</b> It appears only in My brief, never in a document "
            "your manager or HR can read.",
            rich=True,
        )
        note.setObjectName("walk_away_note")
        walk.addWidget(walk_heading)
        walk.addWidget(note)
        walk.addWidget(self.walk_away)
        walk.addStretch(1)

        self.top = _ViewportHigh()
        self.top.setObjectName("asks_top")
        top = QHBoxLayout(self.top)
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(COLUMN_GAP)
        top.addLayout(asks, 1)
        top.addLayout(detail, 1)
        bottom = QHBoxLayout()
        bottom.setSpacing(COLUMN_GAP)
        bottom.addWidget(self.offers, 1)
        bottom.addWidget(walk_box, 1)
        column = QVBoxLayout(page)
        column.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        column.setSpacing(COLUMN_GAP)
        column.addWidget(self.top)
        column.addLayout(bottom)
        column.addStretch(1)

        self.scroll_area = scroll_page(self, "asks_scroll", page)
        self.scroll_area.viewport().installEventFilter(self)
        self.chart.installEventFilter(self)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        self.error = QLabel()
        self.error.setObjectName("asks_error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        QWidget.setTabOrder(self.board.delete_button, self.editor.mine_button)
        QWidget.setTabOrder(self.editor.spins["resistance"], self.offers.add_button)
        QWidget.setTabOrder(self.offers.details_edit, self.walk_away)

    # -- loading ----------------------------------------------------------------------

    def set_workbook(self, workbook_id: int | None) -> None:
        super().set_workbook(workbook_id)
        self.error.hide()
        try:
            self.board.load(workbook_id)
            self.offers.load(workbook_id)
            walk_away = (
                self.ctx.service.workbook(workbook_id).walk_away if workbook_id is not None else ""
            )
        except FlexPrepError as exc:
            self.error.setText(f"Could not load this workbook: {exc}")
            self.error.show()
            return
        if self.walk_away.text() != walk_away:
            self.walk_away.set_text(walk_away)
        self.walk_away.setEnabled(workbook_id is not None)
        self._schedule_chart()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        if self._chart_dirty:
            self._chart_timer.start(0)  # after the tab has painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize:
            # The asks, their buttons and the whole chart fill the first screenful;
            # offers and the walk-away position follow below.
            self.top.fit(self.scroll_area.viewport().height() - 2 * PAGE_MARGIN)
        elif watched is self.chart and event.type() == QEvent.Type.Resize:
            # The chart keeps its proportions: no tall empty band above a narrow plot.
            self.chart.setMaximumHeight(
                max(self.chart.minimumHeight(), int(self.chart.width() * CHART_RATIO))
            )
        return super().eventFilter(watched, event)

    # -- reactions --------------------------------------------------------------------

    @Slot(object)
    def _on_selected(self, ask: Row | None) -> None:
        rank = None
        if ask is not None:
            model = self.board.models[ask["priority"]]
            rank = model.rank(model.row_of(ask["id"]))
        self.editor.set_ask(ask, rank)

    @Slot(int, dict)
    def _on_edited(self, ask_id: int, fields: dict[str, Any]) -> None:
        self.board.update_row(ask_id, **fields)
        if _CHART_FIELDS & set(fields):
            self._schedule_chart()

    @Slot()
    def _on_asks_changed(self) -> None:
        self.changed("asks")
        self._schedule_chart()

    def _walk_away_edited(self, text: str) -> None:
        workbook_id = self.workbook_id
        if workbook_id is None:
            return
        self.ctx.saver.schedule(
            ("walk_away", workbook_id),
            lambda: self.ctx.service.update_workbook(workbook_id, walk_away=text),
        )

    # -- the chart --------------------------------------------------------------------

    def _schedule_chart(self) -> None:
        self._chart_dirty = True
        if self.isVisible():
            self._chart_timer.start(CHART_DELAY_MS)

    @Slot()
    def redraw_chart(self) -> None:
        """Draw the asks as shown (including edits still being saved)."""
        if not self.isVisible():
            return
        if not self.chart.wait_for_matplotlib():
            self._chart_timer.start(CHART_POLL_MS)  # loading aside: the window stays live
            return
        from flexprep.reports.charts import asks_figure

        self._chart_dirty = False
        asks = [
            {
                key: row[key]
                for key in ("title", "details", "priority", "fallback", "importance", "resistance")
            }
            for row in self.board.asks()
        ]
        figure = asks_figure(asks) if asks else None
        if figure is not None:
            figure.suptitle("")  # the tab shows the title above, wrapped to fit
        self.chart.set_figure(figure)

    # -- readiness links --------------------------------------------------------------

    def focus_anchor(self, anchor: str) -> None:
        asks = self.board.asks()
        target: QWidget
        if anchor == "must":
            musts = [a for a in asks if a["priority"] == "must"]
            if musts:
                self.board.select(musts[0]["id"], focus=True)
                target = self.board.views["must"]
            else:
                target = self.board.add_buttons["must"]
        elif anchor == "draft" and any(a["draft"] for a in asks):
            self.board.select(next(a for a in asks if a["draft"])["id"])
            target = self.editor.title_edit
        elif anchor == "fallback" and any(
            a["priority"] == "must" and not a["fallback"].strip() for a in asks
        ):
            self.board.select(
                next(a for a in asks if a["priority"] == "must" and not a["fallback"].strip())["id"]
            )
            target = self.editor.fallback_edit
        elif anchor == "offers":
            target = self.offers.view if self.offers.model.rowCount() else self.offers.add_button
        elif anchor == "walk_away":
            target = self.walk_away
        else:
            target = self.board.views["must"]
        self.scroll_area.ensureWidgetVisible(target, 0, 60)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
