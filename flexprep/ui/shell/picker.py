"""Ctrl+O: a workbook picker — most recently changed first, type to filter, Enter opens."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from flexprep.core import vocab
from flexprep.core.summaries import WorkbookInfo
from flexprep.ui.widgets.common import muted_label, name


class WorkbookPicker(QDialog):
    """Lists ``books`` (already newest first); :attr:`chosen` is the id picked."""

    def __init__(
        self, books: list[WorkbookInfo], current: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workbook_picker")
        self.setWindowTitle("Open workbook")
        self.chosen: int | None = None
        layout = QVBoxLayout(self)
        label = QLabel("&Find a workbook:")
        self.filter = name(QLineEdit(), "picker_filter", "Filter the workbooks by name")
        self.filter.setPlaceholderText("Type part of a name, then Enter")
        self.filter.setClearButtonEnabled(True)
        label.setBuddy(self.filter)
        self.list = name(QListWidget(), "picker_list", "Workbooks, most recently changed first")
        self.list.setSpacing(3)
        for book in books:
            when = f"{book.updated_at.day} {book.updated_at:%b %Y}"
            scenario = vocab.SCENARIOS.get(book.scenario, book.scenario)
            item = QListWidgetItem(f"{book.name}\n    {scenario} · changed {when}")
            item.setData(Qt.ItemDataRole.UserRole, book.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, book.name.casefold())
            if book.id == current:
                item.setToolTip("Open now")
            self.list.addItem(item)
        self.empty = muted_label("No workbook's name contains that.")
        self.empty.setObjectName("picker_empty")
        self.empty.hide()
        layout.addWidget(label)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._filter)
        self.filter.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.list.currentRowChanged.connect(lambda _row: self._update_button())
        self._filter("")
        self.resize(460, 420)

    @Slot(str)
    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = wanted not in item.data(Qt.ItemDataRole.UserRole + 1)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = row
        self.list.setCurrentRow(first if first is not None else -1)
        self.empty.setVisible(first is None)
        self._update_button()

    def _update_button(self) -> None:
        item = self.list.currentItem()
        self.open_button.setEnabled(item is not None and not item.isHidden())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        # Up and Down in the filter box move through the list, as in a launcher.
        arrows = (Qt.Key.Key_Up, Qt.Key.Key_Down)
        if (
            watched is self.filter
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in arrows
        ):
            self._step(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(watched, event)

    def _step(self, step: int) -> None:
        rows = [r for r in range(self.list.count()) if not self.list.item(r).isHidden()]
        if not rows:
            return
        current = self.list.currentRow()
        index = rows.index(current) + step if current in rows else 0
        self.list.setCurrentRow(rows[max(0, min(index, len(rows) - 1))])

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return
        self.chosen = int(item.data(Qt.ItemDataRole.UserRole))
        super().accept()
