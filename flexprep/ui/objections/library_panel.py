"""Browsing the bundled objection library: filter by theme or text, read, add."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from flexprep.core import content, vocab
from flexprep.ui.objections.library_models import (
    STATUTORY_GROUNDS,
    LibraryFilterModel,
    LibraryListModel,
)
from flexprep.ui.widgets.common import heading_label, muted_label, name


class LibraryPanel(QWidget):
    """The objection library with a theme filter, a search box and a preview.

    Emits ``add_requested`` with the library entry when the user adds one (the
    button, a double-click, or Enter in the list).
    """

    add_requested = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryListModel(self)
        self.proxy = LibraryFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._loaded = False

        self.theme = name(QComboBox(), "library_theme", "Filter the library by theme")
        self.search = name(QLineEdit(), "library_search", "Search the library")
        self.search.setPlaceholderText("Words in the objection, response or coaching…")
        self.search.setClearButtonEnabled(True)
        theme_label, search_label = QLabel("&Theme:"), QLabel("Sear&ch:")
        theme_label.setBuddy(self.theme)
        search_label.setBuddy(self.search)
        filters = QHBoxLayout()
        filters.addWidget(theme_label)
        filters.addWidget(self.theme)
        filters.addSpacing(12)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)

        self.view = name(QListView(), "library_list", "Objections in the library")
        self.view.setModel(self.proxy)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSpacing(2)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.count_label = muted_label("")
        self.count_label.setObjectName("library_count")
        list_label = QLabel("Library ob&jections:")
        list_label.setBuddy(self.view)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(list_label)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.count_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("library_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self._build_preview())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([500, 500])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        self.theme.currentIndexChanged.connect(self._on_theme)
        self.search.textChanged.connect(self._on_search)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.view.doubleClicked.connect(lambda _index: self.add_current())
        self.add_button.clicked.connect(self.add_current)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.setWhatsThis("Objection library: add the chosen objection to mine")
            shortcut.activated.connect(self.add_current)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        QWidget.setTabOrder(self.theme, self.search)
        QWidget.setTabOrder(self.search, self.view)
        QWidget.setTabOrder(self.view, self.add_button)

    def _build_preview(self) -> QWidget:
        self.preview_text = heading_label("", 2)
        self.preview_text.setObjectName("library_preview_text")
        self.preview_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_meta = muted_label("")
        self.preview_meta.setObjectName("library_preview_meta")
        self.preview_coaching = QLabel()
        self.preview_response = QLabel()
        self.preview_hint = QLabel()
        for label, object_name in (
            (self.preview_coaching, "library_preview_coaching"),
            (self.preview_response, "library_preview_response"),
            (self.preview_hint, "library_preview_hint"),
        ):
            label.setObjectName(object_name)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_button = name(
            QPushButton("&Add to my objections"),
            "library_add",
            "Add the selected library objection to my objections",
        )
        self.add_button.setEnabled(False)
        self.add_button.setToolTip("Or double-click it, or press Enter in the list")

        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(8, 0, 4, 0)
        grid.setVerticalSpacing(6)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        grid.addWidget(self.preview_text, 0, 0)
        grid.addWidget(self.preview_meta, 1, 0)
        grid.addLayout(add_row, 2, 0)
        self._headings = []
        for row, (title, label) in enumerate(
            (
                ("How to handle it", self.preview_coaching),
                ("Starter response (you will make it your own)", self.preview_response),
                ("Evidence that helps", self.preview_hint),
            ),
            start=1,
        ):
            heading = heading_label(title, 2)
            self._headings.append(heading)
            grid.addWidget(heading, row * 2 + 1, 0)
            grid.addWidget(label, row * 2 + 2, 0)
        grid.setRowStretch(9, 1)
        scroll = QScrollArea()
        scroll.setObjectName("library_preview")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        self._show_entry(None)
        return scroll

    # -- data -------------------------------------------------------------------------

    def load(self) -> None:
        """Read the library (once) and fill the theme filter with counts."""
        if self._loaded:
            return
        self._loaded = True
        entries = content.objection_library()
        self.model.set_entries(entries)
        self.theme.blockSignals(True)
        self.theme.clear()
        self.theme.addItem(f"All themes ({len(entries)})", "")
        for key, label in vocab.THEMES.items():
            count = sum(1 for e in entries if e["theme"] == key)
            if count:
                self.theme.addItem(f"{label} ({count})", key)
        self.theme.blockSignals(False)
        self._update_count()
        if self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def set_added(self, keys: set[str]) -> None:
        self.model.set_added(keys)
        self._show_entry(self.current_entry())

    def current_entry(self) -> dict[str, Any] | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.entry(self.proxy.mapToSource(index).row())

    def select_theme(self, theme: str) -> None:
        """Filter on ``theme`` ('' for all), as if chosen in the combo box."""
        found = self.theme.findData(theme)
        if found >= 0:
            self.theme.setCurrentIndex(found)

    # -- slots ------------------------------------------------------------------------

    @Slot(int)
    def _on_theme(self, _index: int) -> None:
        self.proxy.set_theme(self.theme.currentData())
        self._keep_a_selection()

    @Slot(str)
    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._keep_a_selection()

    def _keep_a_selection(self) -> None:
        if not self.view.currentIndex().isValid() and self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, 0))
        self._show_entry(self.current_entry())

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, *_args: object) -> None:
        self._show_entry(self.current_entry())

    @Slot()
    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if not total:
            self.count_label.setText("")
        elif shown == total:
            self.count_label.setText(f"{total} objections. ✓ = already in your list.")
        else:
            self.count_label.setText(f"Showing {shown} of {total}. ✓ = already in your list.")

    @Slot()
    def add_current(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.add_requested.emit(entry)

    def _show_entry(self, entry: dict[str, Any] | None) -> None:
        if entry is None:
            self.preview_text.setText("No objection matches." if self.model.rowCount() else "")
            for label in (
                self.preview_meta,
                self.preview_coaching,
                self.preview_response,
                self.preview_hint,
            ):
                label.setText("")
            for heading in self._headings:
                heading.hide()
            self.add_button.setEnabled(False)
            return
        for heading in self._headings:
            heading.show()
        self.preview_text.setText(entry["text"])
        meta = [vocab.THEMES.get(entry["theme"], entry["theme"])]
        ground = STATUTORY_GROUNDS.get(entry.get("statutory_ground") or "")
        if ground:
            meta.append(f"UK statutory refusal ground: {ground}")
        added = entry["key"] in self.model.added
        if added:
            meta.append("✓ already in your list")
        self.preview_meta.setText(" · ".join(meta))
        self.preview_coaching.setText(entry["coaching"])
        self.preview_response.setText(entry["response"])
        self.preview_hint.setText(entry.get("evidence_hint") or "—")
        self.add_button.setEnabled(True)
        self.add_button.setText(
            "&Already in my list: show it" if added else "&Add to my objections"
        )
