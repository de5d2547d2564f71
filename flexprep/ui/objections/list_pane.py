"""The left pane of the Objection rehearsal tab: my objections and the rehearse box."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from flexprep.core.readiness import NEAR_DAYS
from flexprep.core.rehearsal import CONFIDENT, DEFAULT_SECONDS
from flexprep.core.rehearsal_plan import due_today
from flexprep.ui.objections.models import COL_TEXT, ObjectionItem, ObjectionTableModel
from flexprep.ui.widgets.common import heading_label, muted_label, name


def confirm_delete(parent: QWidget, item: ObjectionItem) -> bool:
    """Ask before deleting an objection with something in it (an empty one just goes)."""
    if not (item.text.strip() or item.response.strip() or item.rehearsals):
        return True
    count = len(item.rehearsals)
    extra = f" and its {count} rehearsal{'s' if count != 1 else ''}" if count else ""
    answer = QMessageBox.question(
        parent,
        "Delete objection",
        f"Delete “{' '.join(item.text.split())[:80] or 'this objection'}”{extra}?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class ObjectionListPane(QWidget):
    """The workbook's objections (with list actions) and the start of a rehearsal.

    The pane only asks; the tab acts: ``new_requested``, ``move_requested`` (step),
    ``delete_requested``, ``edit_requested`` (Enter in the list), ``start_requested``.
    """

    new_requested = Signal()
    move_requested = Signal(int)
    delete_requested = Signal()
    edit_requested = Signal()
    start_requested = Signal()

    def __init__(self, model: ObjectionTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = name(QTableView(), "objection_table", "My objections")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        # As wide as their headings (the cells hold one digit): sizing to the contents
        # would measure every one of 10,000 rows each time the list is read.
        for section in range(1, model.columnCount()):
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Fixed)
            heading = str(model.headerData(section, Qt.Orientation.Horizontal))
            header.resizeSection(section, header.fontMetrics().horizontalAdvance(heading) + 18)
        title = heading_label("", 2)
        title.setText("&My objections")
        title.setBuddy(self.table)
        self.new_button = name(
            QPushButton("&New objection"), "objection_new", "Write my own objection"
        )
        self.up_button = name(
            QPushButton("Move &up"), "objection_up", "Move the chosen objection up"
        )
        self.down_button = name(
            QPushButton("Move d&own"), "objection_down", "Move the chosen objection down"
        )
        self.delete_button = name(
            QPushButton("&Delete"), "objection_delete", "Delete the chosen objection"
        )
        self.up_button.setToolTip("Ctrl+Up in the list")
        self.down_button.setToolTip("Ctrl+Down in the list")
        self.delete_button.setToolTip("Delete key in the list")
        self.new_button.clicked.connect(self.new_requested)
        self.up_button.clicked.connect(lambda: self.move_requested.emit(-1))
        self.down_button.clicked.connect(lambda: self.move_requested.emit(1))
        self.delete_button.clicked.connect(self.delete_requested)
        for keys, signal, what in (
            (
                QKeySequence(QKeySequence.StandardKey.Delete),
                self.delete_requested.emit,
                "My objections: delete the chosen objection",
            ),
            (
                QKeySequence("Ctrl+Up"),
                lambda: self.move_requested.emit(-1),
                "My objections: move the chosen objection up",
            ),
            (
                QKeySequence("Ctrl+Down"),
                lambda: self.move_requested.emit(1),
                "My objections: move the chosen objection down",
            ),
            (
                QKeySequence(Qt.Key.Key_Return),
                self.edit_requested.emit,
                "My objections: edit the chosen objection",
            ),
        ):
            shortcut = QShortcut(keys, self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.setWhatsThis(what)  # listed in Help › Keyboard shortcuts
            shortcut.activated.connect(signal)
        # Two rows of two: four buttons side by side do not fit the pane at 1366×768.
        buttons = QGridLayout()
        buttons.setHorizontalSpacing(6)
        for number, button in enumerate(
            (self.new_button, self.delete_button, self.up_button, self.down_button)
        ):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(button.minimumSizeHint().width())
            buttons.addWidget(button, number // 2, number % 2)
        self.filter = name(QLineEdit(), "objection_filter", "Filter my objections")
        self.filter.setPlaceholderText("Filter my objections…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.apply_filter)
        self.shown = muted_label("")
        self.shown.setObjectName("objection_filter_count")
        self.empty = muted_label("")
        self.empty.setObjectName("objection_filter_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        model.modelReset.connect(self.apply_filter)
        self._model = model
        self._hiding = False
        self.message = QLabel()
        self.message.setObjectName("objections_message")
        self.message.setWordWrap(True)
        self.message.hide()

        self.status = muted_label("")
        self.status.setObjectName("rehearse_status")
        self.seconds = name(QSpinBox(), "rehearse_seconds", "Seconds to answer each objection")
        self.seconds.setRange(5, 600)
        self.seconds.setSingleStep(15)
        self.seconds.setValue(DEFAULT_SECONDS)
        self.seconds.setSuffix(" s")
        seconds_label = QLabel("&Seconds to answer:")
        seconds_label.setBuddy(self.seconds)
        self.start_button = name(
            QPushButton("Start &rehearsal"),
            "rehearse_start",
            "Start rehearsing, weakest objections first",
        )
        self.start_button.setMinimumHeight(34)
        self.start_button.setToolTip(
            "Due today by the schedule to the meeting day: each objection is rehearsed at "
            "least twice before it, the weakest most often, the last time on the eve."
        )
        self.start_button.clicked.connect(self.start_requested)
        timing = QHBoxLayout()
        timing.addWidget(seconds_label)
        timing.addWidget(self.seconds)
        timing.addStretch(1)
        self.setMinimumWidth(300)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 10, 4, 10)
        column.addWidget(title)
        find_row = QHBoxLayout()
        find_row.addWidget(self.filter, 1)
        find_row.addWidget(self.shown)
        column.addLayout(find_row)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty)
        column.addLayout(buttons)
        column.addWidget(self.message)
        column.addSpacing(10)
        column.addWidget(heading_label("Rehearse", 2))
        column.addWidget(
            muted_label(
                "One objection at a time, never-rehearsed and least "
                "confident first. Answer aloud before the clock runs out."
            )
        )
        column.addWidget(self.status)
        column.addLayout(timing)
        column.addWidget(self.start_button)
        order = (
            self.filter,
            self.table,
            self.new_button,
            self.delete_button,
            self.up_button,
            self.down_button,
            self.seconds,
            self.start_button,
        )
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def apply_filter(self, *_args: object) -> None:
        """Hide the objections whose text, theme or answer lacks every typed word."""
        words = self.filter.text().casefold().split()
        items = self._model.items
        if not words and not self._hiding:  # nothing to show again: quick for 10,000
            self.shown.hide()
            self.empty.hide()
            return
        self._hiding = bool(words)
        shown = 0
        for row, item in enumerate(items):
            haystack = f"{item.text} {item.response} {item.theme}".casefold() if words else ""
            match = all(word in haystack for word in words)
            self.table.setRowHidden(row, not match)
            shown += match
        self.shown.setText(f"Showing {shown} of {len(items)}" if words else "")
        self.shown.setVisible(bool(words))
        self.empty.setText(
            f"No objection matches “{self.filter.text().strip()}”. Clear the filter to see "
            "them all."
            if words and not shown
            else ""
        )
        self.empty.setVisible(bool(words) and not shown)

    def show_loading(self, loading: bool) -> None:
        """Say the list is being read (a large workbook takes a moment)."""
        if loading:
            self.status.setText("Reading your objections…")

    def show_message(self, text: str) -> None:
        """A problem to show under the list ('' hides it)."""
        self.message.setText(f"⚠ {text}" if text else "")
        self.message.setVisible(bool(text))

    def update_buttons(
        self, row: int | None, count: int, has_book: bool, can_rehearse: bool
    ) -> None:
        self.new_button.setEnabled(has_book)
        self.delete_button.setEnabled(row is not None)
        self.up_button.setEnabled(row is not None and row > 0)
        self.down_button.setEnabled(row is not None and row < count - 1)
        self.start_button.setEnabled(can_rehearse)

    def update_status(
        self,
        items: Sequence[ObjectionItem],
        days: int | None,
        today: date | None = None,
        due: int | None = None,
    ) -> None:
        """One line: how many, never rehearsed, below 4, and the meeting when near; the
        start button says how many are due today by the schedule to the meeting day
        (``due``, when the caller has it already; -1: not worked out yet)."""
        items = [i for i in items if i.text.strip()]
        today = today or date.today()
        if due is None:
            meeting = None if days is None else today + timedelta(days=days)
            due = due_today(items, today, meeting)
        self.start_button.setText(
            "Start &rehearsal"
            if due < 0
            else f"Start &rehearsal · {due} due today"
            if due
            else "Start &rehearsal · none due today"
        )
        self.start_button.setAccessibleName(
            "Start rehearsing, weakest objections first"
            + ("" if due < 0 else f"; {due or 'none'} due today")
        )
        if not items:
            self.start_button.setText("Start &rehearsal")
            self.status.setText("Nothing to rehearse yet: add an objection first.")
            return
        never = sum(1 for i in items if i.latest is None)
        weak = sum(1 for i in items if i.latest is not None and i.latest < CONFIDENT)
        parts = [f"{len(items)} objection{'s' if len(items) != 1 else ''}"]
        if never:
            parts.append(f"{never} never rehearsed")
        if weak:
            parts.append(f"{weak} below {CONFIDENT}")
        elif not never:
            parts.append(f"all at {CONFIDENT} or more")
        if days is not None and 0 <= days <= NEAR_DAYS:
            parts.append(
                "meeting today" if days == 0 else f"meeting in {days} day{'s' if days != 1 else ''}"
            )
        self.status.setText(" · ".join(parts))
