"""The Endorsements & evidence tab: other people's words and the numbers behind the ask."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QWidget,
)

from flexprep.core import content, vocab
from flexprep.core.errors import FlexPrepError
from flexprep.ui.evidence.chart import MetricsChartView
from flexprep.ui.evidence.editor import EvidenceEditor
from flexprep.ui.evidence.endorsement_editor import EndorsementEditor
from flexprep.ui.evidence.lists import RankedListPanel, widen
from flexprep.ui.evidence.models import EndorsementTableModel, EvidenceTableModel
from flexprep.ui.evidence.research_browser import ResearchLibraryDialog, evidence_fields
from flexprep.ui.evidence.section import RankedSection, focus_first
from flexprep.ui.shell.context import AppContext
from flexprep.ui.widgets.common import name
from flexprep.ui.widgets.tab import WorkbookTab
from flexprep.ui.widgets.undo import named

#: What the chart draws from each evidence row (the file format's keys).
CHART_KEYS = (
    "kind",
    "title",
    "details",
    "source",
    "unit",
    "before",
    "before_label",
    "after",
    "after_label",
    "higher_is_better",
)


def _describe_endorsement(row: dict[str, Any]) -> str:
    if not (row["author"].strip() or row["quote"].strip()):
        return ""
    return f"the endorsement from {row['author'].strip() or 'an unnamed author'}"


class EvidenceTab(WorkbookTab):
    """Endorsements and evidence side by side, the metrics chart and the research library."""

    TAB_KEY = "evidence"
    TITLE = "Endorsements & evidence"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.endorsement_editor = EndorsementEditor()
        self.evidence_editor = EvidenceEditor()
        self.add_endorsement_button = name(
            QPushButton("&Add endorsement"), "endorsement_add", "Add an endorsement"
        )
        self.add_evidence_button = self._build_add_evidence_button()
        self.library_button = name(
            QPushButton("Research &library…"),
            "research_library_open",
            "Browse the research library",
        )
        self.library_button.setToolTip("Cited findings you can add to your evidence in one step")
        self.endorsement_panel = RankedListPanel(
            "endorsement",
            "Endorsements",
            "What mentors, peers, clients and managers have said about your work. "
            "Drag or use Ctrl+Up/Down to put the strongest first.",
            EndorsementTableModel(self),
            self.add_endorsement_button,
            self.endorsement_editor,
            stretch_column=EndorsementTableModel.COL_AUTHOR,
            empty_text="No endorsements yet.\n\nAsk a mentor, a colleague or a client for "
            "a sentence about your work, then add it here.",
        )
        self.evidence_panel = RankedListPanel(
            "evidence",
            "Evidence",
            "Numbers before and after, achievements, research and precedents, each with a "
            "source a sceptic can check.",
            EvidenceTableModel(self),
            self.add_evidence_button,
            self.evidence_editor,
            extra=[self.library_button],
            stretch_column=EvidenceTableModel.COL_TITLE,
            editor_beside=True,
            empty_text="No evidence yet.\n\nAdd a metric — a number before and after — or "
            "pick a finding from the research library.",
        )
        if self.evidence_panel.body is not None:
            self.evidence_panel.body.setSizes([420, 440])
        self.endorsements = RankedSection(
            self,
            "endorsements",
            self.endorsement_panel.model,
            self.endorsement_panel,
            self.endorsement_editor,
            _describe_endorsement,
        )
        self.evidence = RankedSection(
            self,
            "evidence",
            self.evidence_panel.model,
            self.evidence_panel,
            self.evidence_editor,
            self._describe_evidence,
        )
        self.chart = name(
            MetricsChartView(self._chart_rows),
            "metrics_chart",
            "Chart of the metrics before and after",
        )
        self.chart.setMinimumHeight(240)
        self.library: ResearchLibraryDialog | None = None

        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("evidence_splitter")
        right.addWidget(self.evidence_panel)
        right.addWidget(self.chart)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setSizes([400, 280])
        right.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("evidence_tab_splitter")
        self.splitter.addWidget(self.endorsement_panel)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([420, 860])
        self.splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        QWidget.setTabOrder(self.endorsement_panel.down_button, self.endorsement_editor.author)
        QWidget.setTabOrder(self.endorsement_editor.shareable, self.library_button)
        QWidget.setTabOrder(self.library_button, self.evidence_panel.view)
        QWidget.setTabOrder(self.evidence_panel.down_button, self.evidence_editor.kind)

        self.add_endorsement_button.clicked.connect(self.add_endorsement)
        self.library_button.clicked.connect(self.open_library)
        self.evidence.rows_changed.connect(self._on_evidence_rows)
        self.evidence.current_changed.connect(self._show_supported)

    def _build_add_evidence_button(self) -> QToolButton:
        button = name(QToolButton(), "evidence_add", "Add a metric")
        button.setText("Add &metric")
        button.setToolTip(
            "Add a metric (Alt+M). The arrow offers the other kinds of evidence; "
            "Kind, in the editor, changes it later."
        )
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(button)
        self.add_actions: dict[str, QAction] = {}
        for kind, label in vocab.EVIDENCE_KINDS.items():
            action = menu.addAction(f"Add {label.lower()}")
            action.setObjectName(f"action_add_evidence_{kind}")
            action.triggered.connect(lambda _=False, k=kind: self.add_evidence(k))
            self.add_actions[kind] = action
        menu.addSeparator()
        menu.addAction("From the research library…", self.open_library)
        button.setMenu(menu)
        button.clicked.connect(lambda: self.add_evidence("metric"))
        return button

    # -- loading ------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        if self.isVisible():  # hidden, the splitter is not at its real size yet
            self._fit_endorsements()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        self._fit_endorsements()

    def _fit_endorsements(self) -> None:
        # The endorsement form gets its whole width when the evidence side can spare it.
        widen(self.splitter, 0, self.endorsement_panel.needed_width())

    def set_workbook(self, workbook_id: int | None) -> None:
        super().set_workbook(workbook_id)
        self.endorsements.load(workbook_id)
        self.evidence.load(workbook_id)
        self.add_endorsement_button.setEnabled(workbook_id is not None)
        self.add_evidence_button.setEnabled(workbook_id is not None)

    def focus_anchor(self, anchor: str) -> None:
        if anchor == "endorsements":
            self._focus_endorsements()
        elif anchor == "metric":
            rows = self.evidence.model.rows
            metric = next((i for i, row in enumerate(rows) if row["kind"] == "metric"), -1)
            if metric >= 0:
                self.evidence_panel.select_row(metric)
                focus_first(self.evidence_editor.before)
            else:
                focus_first(self.add_evidence_button)
        elif self.evidence.model.rows:
            focus_first(self.evidence_panel.view)
        else:
            focus_first(self.add_evidence_button)

    def _focus_endorsements(self) -> None:
        rows = self.endorsements.model.rows
        if not rows:
            focus_first(self.add_endorsement_button)
            return
        # The readiness item asks for one that may be shared: show where that is decided.
        unshared = next((i for i, row in enumerate(rows) if not row["shareable"]), 0)
        self.endorsement_panel.select_row(unshared)
        focus_first(self.endorsement_editor.shareable)

    def _describe_evidence(self, row: dict[str, Any]) -> str:
        """How the delete question names ``row`` ("" when it is empty: no question)."""
        try:
            linked = len(self.ctx.service.objections_for_evidence(row["id"]))
        except FlexPrepError:
            linked = 0
        if not linked and not any(row[key].strip() for key in ("title", "details", "source")):
            return ""
        what = f"“{row['title'].strip() or 'this evidence item'}”"
        if linked:
            what += (
                f", which supports {linked} objection{'s' if linked > 1 else ''} (the links go too)"
            )
        return what

    # -- actions ------------------------------------------------------------------------

    @Slot()
    def add_endorsement(self) -> None:
        if self.endorsements.add() is not None:
            focus_first(self.endorsement_editor.author)

    def add_evidence(self, kind: str) -> None:
        if self.evidence.add(kind=kind) is not None:
            focus_first(self.evidence_editor.title)

    @Slot()
    def open_library(self) -> None:
        """Show the research library (one window, raised if already open)."""
        if self.library is None:
            try:
                findings = content.research_library()
            except (OSError, ValueError, KeyError) as exc:
                self.evidence.warn("Research library not available", exc)
                return
            self.library = ResearchLibraryDialog(findings, self)
            self.library.add_requested.connect(self._add_finding)
        self.library.mark_added(self.evidence.model.rows)
        self.library.show()
        self.library.raise_()
        self.library.activateWindow()

    @Slot(dict)
    def _add_finding(self, finding: dict[str, Any]) -> None:
        self.evidence.add(
            named("Add", "research", finding["title"], "from the library"),
            **evidence_fields(finding),
        )

    # -- evidence follow-ups: chart, library marks, supported objections --------------

    @Slot()
    def _on_evidence_rows(self) -> None:
        self.chart.schedule()
        if self.library is not None:
            self.library.mark_added(self.evidence.model.rows)

    def _chart_rows(self) -> list[dict[str, Any]]:
        return [{key: row[key] for key in CHART_KEYS} for row in self.evidence.model.rows]

    @Slot(int)
    def _show_supported(self, item_id: int) -> None:
        if item_id < 0:
            self.evidence_editor.set_supported([])
            return
        try:
            objections = self.ctx.service.objections_for_evidence(item_id)
        except FlexPrepError:
            objections = []
        self.evidence_editor.set_supported([o.text for o in objections])
