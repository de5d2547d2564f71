"""After a no: the reasons given, the grounds they map to, the date, whether a meeting
was held (``meeting.refusal``), and what the law says the decision lacked.

The reply to a refusal (the appeal document) carries this, and the follow-up confirms
the reasons given and the date (never the grounds, which are the user's reading of the
law); the grounds offered are
the chosen jurisdiction's (:attr:`flexprep.core.law.Rules.grounds`).
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from flexprep.core import law
from flexprep.ui.widgets.common import GrowingTextEdit, muted_label, name
from flexprep.ui.widgets.dates import OptionalDateEdit

MEETING_HELD = {None: "Not answered yet", True: "Yes, we met to discuss it", False: "No meeting"}


class RefusalEntry(QWidget):
    """Edits the refusal; ``changed`` carries the whole refusal object to save."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refusal_entry")
        self._loading = False
        self.rules: law.Rules | None = None
        self.sent_on: date | None = None
        self._unknown_grounds: list[str] = []
        self.reasons = GrowingTextEdit(min_lines=2, max_lines=8)
        name(self.reasons, "refusal_reasons", "The reasons your employer gave")
        self.reasons.setPlaceholderText("In their words, as far as you can…")
        self.decided_on = OptionalDateEdit("refusal_decided_on", "Date of the decision")
        self.meeting_held = name(QComboBox(), "refusal_meeting_held", "Was a meeting held?")
        for value, text in MEETING_HELD.items():
            self.meeting_held.addItem(text, value)
        self.grounds_hint = muted_label("")
        self.grounds_box = QWidget()
        self.grounds_box.setObjectName("refusal_grounds")
        self._grounds_layout = QVBoxLayout(self.grounds_box)
        self._grounds_layout.setContentsMargins(0, 0, 0, 0)
        self._grounds_layout.setSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        self.flags = QLabel()
        self.flags.setObjectName("refusal_flags")
        self.flags.setWordWrap(True)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, field, buddy in (
            ("Reasons &given:", self.reasons, None),
            ("&Decided on:", self.decided_on, self.decided_on.check),
            ("&Meeting held:", self.meeting_held, None),
        ):
            label = QLabel(text)
            label.setBuddy(buddy or field)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.grounds_hint)
        layout.addWidget(self.grounds_box)
        layout.addWidget(self.flags)
        self.reasons.edited.connect(self._emit)
        self.decided_on.value_changed.connect(self._emit)
        self.meeting_held.activated.connect(self._emit)
        self.set_rules(None)

    # -- loading ---------------------------------------------------------------------

    def set_rules(self, rules: law.Rules | None, sent_on: date | None = None) -> None:
        """Offer ``rules``' grounds (ticked ones kept) and recheck what the law flags."""
        ticked = self.grounds()
        self.rules, self.sent_on = rules, sent_on
        for box in self.boxes.values():
            # Hidden and unparented at once: deleteLater alone leaves the old boxes
            # painted under the new ones until the event loop runs.
            self._grounds_layout.removeWidget(box)
            box.hide()
            box.setParent(None)
            box.deleteLater()
        self.boxes = {}
        if rules is None:
            self.grounds_hint.setText(
                "Choose where you work (Formal request) to see the grounds the law allows."
            )
        elif not rules.grounds:
            self.grounds_hint.setText("No law lists grounds for refusing this request.")
        else:
            self.grounds_hint.setText(
                "Which grounds did the decision name? Tick only those it says in words."
            )
        self._loading = True
        try:
            for item in rules.grounds if rules is not None else ():
                box = name(QCheckBox(item.label), f"ground_{item.key}", item.label)
                box.setChecked(item.key in ticked)
                box.toggled.connect(self._emit)
                self._grounds_layout.addWidget(box)
                box.show()  # now, so that Tab reaches it at once
                self.boxes[item.key] = box
        finally:
            self._loading = False
        self._unknown_grounds = [key for key in ticked if key not in self.boxes]
        self._show_flags()

    def set_refusal(self, refusal: dict[str, Any] | None) -> None:
        """Show a stored refusal (None: nothing recorded) without emitting ``changed``."""
        refusal = refusal or {}
        self._loading = True
        try:
            self.reasons.set_text(str(refusal.get("reasons") or ""))
            decided = refusal.get("decided_on")
            self.decided_on.set_value(date.fromisoformat(decided[:10]) if decided else None)
            held = refusal.get("meeting_held")
            self.meeting_held.setCurrentIndex(
                0 if held is None else max(0, self.meeting_held.findData(held))
            )
            grounds = [str(key) for key in refusal.get("grounds") or []]
            for key, box in self.boxes.items():
                box.setChecked(key in grounds)
            self._unknown_grounds = [key for key in grounds if key not in self.boxes]
        finally:
            self._loading = False
        self._show_flags()

    # -- value -----------------------------------------------------------------------

    def grounds(self) -> list[str]:
        ticked = [key for key, box in self.boxes.items() if box.isChecked()]
        return ticked + [key for key in self._unknown_grounds if key not in ticked]

    def value(self) -> dict[str, Any]:
        decided = self.decided_on.value()
        return {
            "reasons": self.reasons.text(),
            "grounds": self.grounds(),
            "decided_on": decided.isoformat() if decided is not None else None,
            "meeting_held": self.meeting_held.currentData(),
        }

    @Slot()
    def _emit(self, *_args: object) -> None:
        if self._loading:
            return
        self._show_flags()
        self.changed.emit(self.value())

    def _show_flags(self) -> None:
        if self.rules is None:
            self.flags.setText("")
            self.flags.hide()
            return
        flags = law.refusal_flags(self.rules, self.value(), self.sent_on)
        if flags:
            lines = "".join(f"<li>{html.escape(flag.text)}</li>" for flag in flags)
            self.flags.setText(
                "<b>What the law says the decision lacked</b> (your reply raises these):"
                f"<ul style='margin-left: -20px'>{lines}</ul>"
            )
        else:
            self.flags.setText("The decision, as recorded, lacks nothing the law requires.")
        self.flags.show()

    def focus_chain(self) -> list[QWidget]:
        return [
            self.reasons,
            self.decided_on.check,
            self.decided_on.edit,
            self.meeting_held,
            *self.boxes.values(),
        ]
