"""Edit › Find (Ctrl+F): search everything written in the open workbook and go there.

The workbook is read once, in a worker thread, when the dialog opens (and again
after a change); each key press then searches the index in memory
(:mod:`flexprep.core.search`), which takes milliseconds even for a huge workbook.
"""

from __future__ import annotations

import contextlib
from typing import Any, Protocol, cast

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from flexprep.core.errors import FlexPrepError
from flexprep.core.search import Hit, Place, SearchIndex, build_index
from flexprep.ui.widgets.common import muted_label, name

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class FindHost(Protocol):
    """What Find needs of the main window."""

    workbook_id: int | None
    service: Any
    saver: Any
    signals: Any
    tab_pages: Any

    def navigate(self, tab_key: str, anchor: str) -> None: ...


class _Relay(QObject):
    ready = Signal(int, object)


class FindDialog(QDialog):
    """Type to search; the results follow each key; Enter (or a double-click) goes there."""

    def __init__(self, host: FindHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setObjectName("find_dialog")
        self.setWindowTitle("Find in this workbook")
        self.index: SearchIndex | None = None
        self._generation = 0
        self._relay = _Relay(self)
        self._relay.ready.connect(self._on_index)
        self.field = name(QLineEdit(), "find_text", "Find")
        self.field.setPlaceholderText("Words to find in answers, objections, evidence, notes…")
        self.field.setClearButtonEnabled(True)
        label = QLabel("&Find:")
        label.setBuddy(self.field)
        self.status = muted_label("")
        self.status.setObjectName("find_status")
        self.results = name(QListWidget(), "find_results", "Places found")
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addWidget(muted_label("↑ ↓ choose a place · Enter goes there · Esc closes"))
        self.field.textChanged.connect(self.refresh)
        self.field.installEventFilter(self)
        self.results.itemActivated.connect(self._go_to_item)
        host.signals.data_changed.connect(self._on_data_changed)
        host.signals.workbook_switched.connect(self._on_data_changed)
        self.resize(560, 460)

    # -- the index ---------------------------------------------------------------------

    def load(self) -> None:
        """Read the workbook again in a worker thread; the results follow when it is in."""
        self._generation += 1
        generation, workbook_id = self._generation, self.host.workbook_id
        if workbook_id is None:
            self._on_index(generation, SearchIndex([]))
            return
        if self.index is None:
            self.status.setText("Reading the workbook…")
        self.host.saver.save_soon()
        service, relay = self.host.service, self._relay

        def work() -> None:
            try:
                index: SearchIndex = build_index(service.export_data(workbook_id))
            except FlexPrepError:
                index = SearchIndex([])
            with contextlib.suppress(RuntimeError):  # the dialog closed meanwhile
                relay.ready.emit(generation, index)

        QThreadPool.globalInstance().start(work)

    @Slot(int, object)
    def _on_index(self, generation: int, index: SearchIndex) -> None:
        if generation != self._generation:
            return
        self.index = index
        self.refresh()

    @Slot()
    def _on_data_changed(self, *_args: object) -> None:
        if self.isVisible():
            self.load()

    # -- searching ---------------------------------------------------------------------

    @Slot()
    def refresh(self, *_args: object) -> None:
        """Show the places that hold what is typed now."""
        query = self.field.text()
        self.results.clear()
        if self.index is None:
            return
        if not query.strip():
            self.status.setText(f"Type to search {len(self.index):,} texts of this workbook.")
            return
        hits = self.index.search(query)
        for hit in hits:
            item = QListWidgetItem(f"{hit.place.where}\n    {hit.snippet}")
            item.setData(HIT_ROLE, hit)
            item.setToolTip(hit.place.text[:600])
            self.results.addItem(item)
        total = len(hits) if len(hits) < 200 else self.index.count(query)
        self.status.setText(
            "Nothing found." if not hits else f"{total:,} place{'s' if total != 1 else ''} found."
        )
        if hits:
            self.results.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: Any) -> bool:  # noqa: N802 (Qt naming)
        if (
            watched is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == event.Type.KeyPress
        ):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.results.keyPressEvent(event)  # the arrows choose while typing
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.results.currentItem()
                if item is not None:
                    self._go_to_item(item)
                return True
        return super().eventFilter(watched, event)

    @Slot(QListWidgetItem)
    def _go_to_item(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if isinstance(hit, Hit):
            self.hide()
            window = self.parentWidget()
            if window is not None:
                window.activateWindow()
            go_to(self.host, hit.place)


def go_to(host: FindHost, place: Place) -> None:
    """Show ``place``: its tab, its row in a list chosen, the focus in its field."""
    host.navigate(place.tab, place.anchor)
    tab = host.tab_pages[place.tab]
    if place.row is None:
        return
    if place.part == "objections" and hasattr(tab, "select_row"):
        tab.select_row(place.row)
        tab.focus_anchor("text")
        editor = getattr(tab, "editor", None)
        target = getattr(
            editor, "response_edit" if place.field == "response" else "text_edit", None
        )
        if isinstance(target, QWidget):
            target.setFocus(Qt.FocusReason.OtherFocusReason)
    elif place.part in ("evidence", "endorsements"):
        panel = getattr(
            tab, "evidence_panel" if place.part == "evidence" else "endorsement_panel", None
        )
        if panel is not None and hasattr(panel, "select_row"):
            panel.select_row(place.row)
            panel.view.setFocus(Qt.FocusReason.OtherFocusReason)


def open_find(host: FindHost, parent: QWidget) -> FindDialog:
    """Show the window's Find dialog (one per window), its text selected to type over."""
    dialog = parent.findChild(FindDialog, "find_dialog")
    if dialog is None:
        dialog = FindDialog(host, parent)
    dialog.load()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
    dialog.field.selectAll()
    return dialog


def find_in_window(window: object) -> None:
    """Edit › Find: open the Find dialog of ``window`` (the main window)."""
    if isinstance(window, QWidget):
        open_find(cast(FindHost, window), window)
