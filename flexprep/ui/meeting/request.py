"""The Formal request section: the ``request`` record, and which asks the request covers.

What it shows follows the chosen jurisdiction's rule set (:mod:`flexprep.core.law`):
the "law as of" date and statute, the circumstance list where the law asks for one,
the remote location for Ireland, the reasonable-adjustment tick where disability law
uses those words. ``edited(field, value)`` carries each change to the request record.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from flexprep.core import law, vocab
from flexprep.core.schedule import iso_day
from flexprep.ui.meeting.asks_panel import RequestAsks
from flexprep.ui.meeting.previous import PreviousRequests
from flexprep.ui.widgets.common import GrowingTextEdit, muted_label, name
from flexprep.ui.widgets.dates import OptionalDateEdit, long_date

DURATIONS = {None: "Not answered yet", True: "Permanent", False: "Temporary, until a date"}


def _stacked(*widgets: QWidget) -> QWidget:
    """One form field made of ``widgets`` one above the other."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    for widget in widgets:
        column.addWidget(widget)
    return box


class FormalRequestSection(QWidget):
    """Every field of the formal request, laid out as a form."""

    edited = Signal(str, object)
    #: The jurisdiction changed (its rule set, or None): the refusal grounds follow it.
    rules_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formal_request")
        self._loading = False
        self.rules: law.Rules | None = None
        self.jurisdiction = name(QComboBox(), "jurisdiction", "Where you work")
        self.jurisdiction.addItem("Not chosen yet", None)
        for key, text in vocab.JURISDICTIONS.items():
            self.jurisdiction.addItem(text, key)
        self.law_line = muted_label("")
        self.law_line.setObjectName("law_as_of")
        self.sent_on = OptionalDateEdit("sent_on", "Date the request is sent")
        self.clock = QLabel()
        self.clock.setObjectName("deadline_clock")
        self.clock.setWordWrap(True)
        self.proposed_start = OptionalDateEdit("proposed_start", "Proposed start date")
        self.previous = PreviousRequests()
        self.duration = name(QComboBox(), "duration", "Permanent or temporary")
        for value, text in DURATIONS.items():
            self.duration.addItem(text, value)
        self.end_date = OptionalDateEdit("end_date", "End of the temporary change")
        self.circumstance = name(QComboBox(), "circumstance", "The circumstance it rests on")
        self.location = name(QLineEdit(), "location", "Where you would work remotely")
        self.location.setPlaceholderText("The address or place you would work from")
        self.reason = GrowingTextEdit(min_lines=2, max_lines=8)
        name(self.reason, "reason", "Your reasons for asking")
        self.reason.setPlaceholderText("Why you are asking (the letter quotes this)…")
        self.adjustment = name(
            QCheckBox("It is also a request for a reasonable adjustment (disability-related)"),
            "adjustment",
            "Also a request for a reasonable adjustment",
        )
        self.asks = RequestAsks()
        self.asks_note = muted_label("")
        self.asks_note.setObjectName("request_asks_note")

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.form = form
        self._labels: dict[QWidget, QLabel] = {}
        self._row("&Where you work:", _stacked(self.jurisdiction, self.law_line), self.jurisdiction)
        self._row("Se&nt on:", _stacked(self.sent_on, self.clock), self.sent_on.check)
        self._row("Proposed &start:", self.proposed_start, self.proposed_start.check)
        self._row("Earl&ier requests:", self.previous, self.previous.choice)
        self._row("Permanent or &temporary:", self.duration)
        self._row("Until:", self.end_date, self.end_date.check)
        self._row("Circ&umstance:", self.circumstance)
        self._row("Remote &location:", self.location)
        self._row("Rea&sons:", self.reason)
        form.addRow("", self.adjustment)
        covers = QLabel("The request covers:")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(covers)
        layout.addWidget(self.asks_note)
        layout.addWidget(self.asks)

        self.jurisdiction.activated.connect(self._on_jurisdiction)
        self.sent_on.value_changed.connect(lambda day: self._emit("sent_on", day))
        self.proposed_start.value_changed.connect(lambda day: self._emit("proposed_start", day))
        self.previous.changed.connect(lambda days: self._emit("previous_requests", days))
        self.duration.activated.connect(self._on_duration)
        self.end_date.value_changed.connect(lambda day: self._emit("end_date", day))
        self.circumstance.activated.connect(self._on_circumstance)
        self.location.textEdited.connect(lambda text: self._emit("location", text))
        self.reason.edited.connect(lambda text: self._emit("reason", text))
        self.adjustment.toggled.connect(lambda on: self._emit("adjustment", on))
        self._show_rules()

    def _row(self, text: str, field: QWidget, buddy: QWidget | None = None) -> None:
        label = QLabel(text)
        label.setBuddy(buddy or field)
        self.form.addRow(label, field)
        self._labels[field] = label

    def _emit(self, field: str, value: object) -> None:
        if not self._loading:
            self.edited.emit(field, value)

    # -- loading ---------------------------------------------------------------------

    def set_request(self, request: dict[str, Any]) -> None:
        """Show the request record (a dict of its fields) without emitting edits."""
        self._loading = True
        try:
            key = request.get("jurisdiction")
            self.jurisdiction.setCurrentIndex(max(0, self.jurisdiction.findData(key)))
            self.sent_on.set_value(iso_day(request.get("sent_on")))
            self.proposed_start.set_value(iso_day(request.get("proposed_start")))
            self.previous.set_value(request.get("previous_requests"))
            permanent = request.get("permanent")
            self.duration.setCurrentIndex(max(0, self.duration.findData(permanent)))
            if permanent is None:  # findData(None) finds no item: the first one is None
                self.duration.setCurrentIndex(0)
            self.end_date.set_value(iso_day(request.get("end_date")))
            self._circumstance_value = request.get("circumstance")
            self.location.setText(request.get("location") or "")
            self.reason.set_text(request.get("reason") or "")
            self.adjustment.setChecked(bool(request.get("adjustment")))
            self._show_rules()
        finally:
            self._loading = False

    def jurisdiction_key(self) -> str | None:
        data = self.jurisdiction.currentData()
        return data if isinstance(data, str) else None

    def _show_rules(self) -> None:
        """Show what the chosen law asks for, and hide what it does not use."""
        key = self.jurisdiction_key()
        circumstance = getattr(self, "_circumstance_value", None)
        base = law.rules(key) if key else None
        self.rules = base.for_circumstance(circumstance) if base is not None else None
        rules = self.rules
        if rules is None:
            self.law_line.setText("Choose where you work: the letter follows that law.")
        elif rules.statutory:
            self.law_line.setText(
                f"Law as of {long_date(rules.law_as_of)} · {rules.statute.short_cite}"
            )
        else:
            self.law_line.setText(
                f"A formal request under no statute (rule set as of {long_date(rules.law_as_of)})"
            )
        self._fill_circumstances(base, circumstance)
        asks_circumstance = bool(base and base.who_may_ask.circumstances_required)
        self._set_row_visible(self.circumstance, asks_circumstance)
        self._set_row_visible(self.location, bool(rules and rules.requires("location")))
        self.adjustment.setVisible(bool(rules and rules.adjustment_allowed))
        self._set_row_visible(self.end_date, self.duration.currentData() is False)
        self.asks_note.setText(self._asks_note(rules))

    @staticmethod
    def _asks_note(rules: law.Rules | None) -> str:
        if rules is None or not rules.statutory:
            return "Tick the asks the formal request is about."
        if rules.key in ("gb", "ni"):
            return (
                "Tick the asks the request is about. Only changes to your hours, your "
                "working times or where you work qualify under this law: leave out the rest."
            )
        change = rules.requirement("change_requested")
        return change.label if change is not None else "Tick the asks the request is about."

    def _fill_circumstances(self, base: law.Rules | None, chosen: str | None) -> None:
        self.circumstance.clear()
        self.circumstance.addItem("Not chosen yet", None)
        for item in base.circumstances if base is not None else ():
            self.circumstance.addItem(vocab.CIRCUMSTANCES.get(item.key, item.label), item.key)
            self.circumstance.setItemData(
                self.circumstance.count() - 1, item.label, Qt.ItemDataRole.ToolTipRole
            )
        self.circumstance.setCurrentIndex(max(0, self.circumstance.findData(chosen)))

    def _set_row_visible(self, field: QWidget, visible: bool) -> None:
        self.form.setRowVisible(field, visible)

    # -- user edits --------------------------------------------------------------------

    @Slot()
    def _on_jurisdiction(self, *_args: object) -> None:
        key = self.jurisdiction_key()
        self._show_rules()
        self._emit("jurisdiction", key)
        circumstance = self.circumstance.currentData()
        if circumstance != getattr(self, "_circumstance_value", None):
            self._circumstance_value = circumstance
            self._emit("circumstance", circumstance)
        if (
            self.rules is not None
            and not self.rules.adjustment_allowed
            and self.adjustment.isChecked()
        ):
            self.adjustment.setChecked(False)
        self.rules_changed.emit(self.rules)

    @Slot()
    def _on_duration(self, *_args: object) -> None:
        permanent = self.duration.currentData()
        self._set_row_visible(self.end_date, permanent is False)
        self._emit("permanent", permanent)

    @Slot()
    def _on_circumstance(self, *_args: object) -> None:
        self._circumstance_value = self.circumstance.currentData()
        self._emit("circumstance", self._circumstance_value)
        self._show_rules()
        self.rules_changed.emit(self.rules)

    # -- navigation ------------------------------------------------------------------

    def widget_for(self, field: str) -> QWidget:
        """The widget to focus for a checklist item's field (``request.reason`` ...)."""
        dates = {
            "request.sent_on": self.sent_on,
            "request.proposed_start": self.proposed_start,
            "request.end_date": self.end_date,
        }
        if field in dates:
            picker = dates[field]
            return picker.edit if picker.value() is not None else picker.check
        targets: dict[str, QWidget] = {
            "request.jurisdiction": self.jurisdiction,
            "request.previous_requests": self.previous.choice,
            "request.permanent": self.duration,
            "request.circumstance": self.circumstance,
            "request.location": self.location,
            "request.reason": self.reason,
            "request.adjustment": self.adjustment,
        }
        if field == "asks[].in_request":
            boxes = self.asks.focus_widgets()
            return boxes[0] if boxes else self.asks.empty
        return targets.get(field, self.jurisdiction)

    def focus_chain(self) -> list[QWidget]:
        """The fields in tab order."""
        return [
            self.jurisdiction,
            self.sent_on.check,
            self.sent_on.edit,
            self.proposed_start.check,
            self.proposed_start.edit,
            *self.previous.focus_widgets(),
            self.duration,
            self.end_date.check,
            self.end_date.edit,
            self.circumstance,
            self.location,
            self.reason,
            self.adjustment,
            *self.asks.focus_widgets(),
        ]
