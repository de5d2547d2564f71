"""The bundled research library: browse the cited findings, add one to your evidence."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from flexprep.ui.widgets.common import muted_label, name

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
ADDED_ROLE = Qt.ItemDataRole.UserRole + 2
FINDING_ROLE = Qt.ItemDataRole.UserRole + 3
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 4
#: The parts of a finding the filter looks in.
_SEARCHED = ("title", "figure", "details", "study", "authors", "published_in", "source", "year")


def evidence_fields(finding: dict[str, Any]) -> dict[str, Any]:
    """The evidence item (kind research) that "Add to my evidence" creates."""
    figure = finding["figure"].strip()
    if figure and figure[-1] not in ".!?":
        figure += "."
    details = " ".join(part for part in (figure, finding["details"].strip()) if part)
    if finding["limits"].strip():
        details += "\n\nLimits: " + finding["limits"].strip()
    return {
        "kind": "research",
        "title": finding["title"],
        "details": details,
        "source": finding["source"],
    }


def finding_added(finding: dict[str, Any], evidence: list[dict[str, Any]]) -> bool:
    """Whether ``evidence`` (rows) already holds this finding, even lightly edited."""
    return any(
        row["kind"] == "research"
        and row["source"].strip() == finding["source"].strip()
        and (
            row["title"].strip() == finding["title"].strip()
            or finding["figure"].strip() in row["details"]
        )
        for row in evidence
    )


_CITATION = (
    ("Study", "study"),
    ("Authors", "authors"),
    ("Year", "year"),
    ("Published in", "published_in"),
)


def finding_html(finding: dict[str, Any]) -> str:
    """A finding with its figure, study, authors, year, journal, limits and source."""
    esc = html.escape

    def line(label: str, key: str) -> str:
        return f"<b>{label}:</b> {esc(str(finding[key]))}"

    return (
        f"<h3>{esc(finding['title'])}</h3>"
        f"<p style='font-size:large'><b>{esc(finding['figure'])}</b></p>"
        f"<p>{esc(finding['details'])}</p>"
        f"<p>{'<br>'.join(line(label, key) for label, key in _CITATION)}</p>"
        f"<p><b>Limits:</b> {esc(finding['limits'])}</p>"
        f"<p><b>Source:</b> <i>{esc(finding['source'])}</i></p>"
    )


class ResearchListModel(QAbstractListModel):
    """The findings, each marked when it is already in the user's evidence."""

    def __init__(self, findings: list[dict[str, Any]], parent: Any = None) -> None:
        super().__init__(parent)
        self.findings = findings
        self.added: set[str] = set()

    def set_added(self, keys: set[str]) -> None:
        self.added = set(keys)
        if self.findings:
            self.dataChanged.emit(self.index(0), self.index(len(self.findings) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.findings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.findings):
            return None
        finding = self.findings[index.row()]
        added = finding["key"] in self.added
        if role == Qt.ItemDataRole.DisplayRole:
            if added:
                return f"✓ {finding['title']}\n{finding['figure']} · in your evidence"
            return f"{finding['title']}\n{finding['figure']} · {finding['year']}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = " (already in your evidence)" if added else ""
            return f"{finding['title']}, {finding['figure']}{state}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Already in your evidence" if added else finding["study"]
        if role == Qt.ItemDataRole.FontRole and added:
            font = QFont()
            font.setItalic(True)
            return font
        if role == KEY_ROLE:
            return finding["key"]
        if role == ADDED_ROLE:
            return added
        if role == FINDING_ROLE:
            return finding
        if role == SEARCH_ROLE:
            return " ".join(str(finding.get(key, "")) for key in _SEARCHED).casefold()
        return None


def matches(searched: str, text: str) -> bool:
    """Whether ``searched`` (folded) holds every word of ``text``, in any case."""
    return all(word in searched for word in text.casefold().split())


class ResearchLibraryDialog(QDialog):
    """Browse the findings; "Add to my evidence" emits ``add_requested(finding)``."""

    add_requested = Signal(dict)

    def __init__(self, findings: list[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("research_library")
        self.setWindowTitle("Research library")
        self.setAccessibleName("Research library")
        self.model = ResearchListModel(findings, self)
        self.filter = name(QLineEdit(), "research_filter", "Filter the findings")
        self.filter.setPlaceholderText("Type to filter: a word, a figure, an author, a year…")
        self.filter.setClearButtonEnabled(True)
        filter_label = QLabel("&Filter:")
        filter_label.setBuddy(self.filter)
        self.count_label = muted_label("")
        self.count_label.setObjectName("research_count")
        self.view = name(QListView(), "research_list", "Research findings")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSpacing(2)
        self.details = name(QTextBrowser(), "research_details", "The selected finding")
        self.details.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        self.add_button = name(
            QPushButton("&Add to my evidence"),
            "research_add",
            "Add the selected finding to my evidence",
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted_label(
                "Published findings you can cite, each with its source and its limits. "
                "Adding one copies the figure, the details, the limits and the full citation "
                "into your evidence, where you can shorten it. Quote the limits honestly: "
                "a manager who checks will trust you more."
            )
        )
        search = QHBoxLayout()
        search.addWidget(filter_label)
        search.addWidget(self.filter, 1)
        search.addWidget(self.count_label)
        layout.addLayout(search)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)

        self.view.selectionModel().selectionChanged.connect(self._on_selected)
        self.view.activated.connect(lambda _index: self.add_current())
        self.add_button.clicked.connect(self.add_current)
        insert = QShortcut(QKeySequence(Qt.Key.Key_Insert), self.view, self.add_current)
        insert.setContext(Qt.ShortcutContext.WidgetShortcut)
        insert.setWhatsThis("Research library: add the chosen finding to my evidence")
        self.filter.textChanged.connect(self._on_filter)
        self.filter.installEventFilter(self)
        QWidget.setTabOrder(self.filter, self.view)
        QWidget.setTabOrder(self.view, self.details)
        QWidget.setTabOrder(self.details, self.add_button)
        self._show_count()
        if findings:
            self.view.setCurrentIndex(self.model.index(0))

    def current_finding(self) -> dict[str, Any] | None:
        index = self.view.currentIndex()
        if not index.isValid() or self.view.isRowHidden(index.row()):
            return None
        finding: dict[str, Any] = index.data(FINDING_ROLE)
        return finding

    def select(self, key: str) -> None:
        """Select the finding ``key``."""
        for row, finding in enumerate(self.model.findings):
            if finding["key"] == key:
                if self.view.isRowHidden(row):  # filtered out: show every finding again
                    self.filter.clear()
                self.view.setCurrentIndex(self.model.index(row))

    def mark_added(self, evidence: list[dict[str, Any]]) -> None:
        """Mark the findings already in ``evidence`` (rows of the evidence list)."""
        self.model.set_added({f["key"] for f in self.model.findings if finding_added(f, evidence)})
        self._update_button()

    @Slot()
    def add_current(self) -> None:
        finding = self.current_finding()
        if finding is not None and finding["key"] not in self.model.added:
            self.add_requested.emit(finding)

    @Slot(str)
    def _on_filter(self, text: str) -> None:
        for row in range(self.model.rowCount()):
            searched = self.model.index(row).data(SEARCH_ROLE)
            self.view.setRowHidden(row, not matches(searched, text))
        self._show_count()
        current = self.view.currentIndex()
        if not current.isValid() or self.view.isRowHidden(current.row()):
            shown = self.shown_rows()
            if shown:
                self.view.setCurrentIndex(self.model.index(shown[0]))
            else:
                self.view.selectionModel().clear()
                self.view.setCurrentIndex(QModelIndex())
        self._on_selected()

    def shown_rows(self) -> list[int]:
        """The rows the filter keeps, in order."""
        return [r for r in range(self.model.rowCount()) if not self.view.isRowHidden(r)]

    def _show_count(self) -> None:
        shown, total = len(self.shown_rows()), self.model.rowCount()
        self.count_label.setText(
            f"{total} findings"
            if shown == total
            else ("No finding matches" if not shown else f"Showing {shown} of {total}")
        )

    def eventFilter(self, watched: QObject, event: Any) -> bool:  # noqa: N802 (Qt naming)
        # Down (or Enter) in the filter goes on to the list, as in a search box.
        if (
            watched is self.filter
            and isinstance(event, QKeyEvent)
            and event.type() == event.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.shown_rows()
        ):
            if not self.view.currentIndex().isValid():
                self.view.setCurrentIndex(self.model.index(self.shown_rows()[0]))
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)

    @Slot(QItemSelection, QItemSelection)
    def _on_selected(self, *_args: object) -> None:
        finding = self.current_finding()
        self.details.setHtml(finding_html(finding) if finding else "")
        self._update_button()

    def _update_button(self) -> None:
        finding = self.current_finding()
        added = finding is not None and finding["key"] in self.model.added
        self.add_button.setEnabled(finding is not None and not added)
        self.add_button.setText("Already in my evidence" if added else "&Add to my evidence")
