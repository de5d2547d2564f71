"""How the arrangement runs day to day: time zone and overlap, asynchronous rules.

Shown beside core hours and response times, with coaching on shared calendars,
written updates and a project board (the wording lives in ``resources/prompts.json``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from flexprep.ui.widgets.common import GrowingTextEdit, muted_label, name


class WorkingAgreementEditor(QWidget):
    """The time-zone / overlap line and the async guidelines.

    ``fields_changed`` carries the plan fields the user just changed.
    """

    fields_changed = Signal(dict)

    def __init__(self, coaching: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("working_editor")
        self._loading = False
        self.coaching = muted_label(coaching.get("working", ""))
        self.coaching.setObjectName("working_coaching")
        self.time_zone = name(QLineEdit(), "time_zone", "Time zone and overlap with the team")
        self.time_zone.setPlaceholderText(coaching.get("time_zone_example", ""))
        self.async_guidelines = GrowingTextEdit(min_lines=3, max_lines=10)
        name(
            self.async_guidelines,
            "async_guidelines",
            "What waits for a written reply and what needs a call",
        )
        self.async_guidelines.setPlaceholderText(coaching.get("async_example", ""))
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        zone_label = QLabel("Time &zone and overlap:")
        zone_label.setBuddy(self.time_zone)
        form.addRow(zone_label, self.time_zone)
        async_label = QLabel("Written or a call? (as&ync rules):")
        async_label.setWordWrap(True)
        async_label.setBuddy(self.async_guidelines)
        form.addRow(async_label, self.async_guidelines)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.coaching)
        layout.addLayout(form)
        self.time_zone.textEdited.connect(lambda text: self._emit(time_zone=text))
        self.async_guidelines.edited.connect(lambda text: self._emit(async_guidelines=text))

    def set_plan(self, plan: Any) -> None:
        """Show the fields of ``plan`` (a Plan row) without emitting."""
        self._loading = True
        try:
            self.time_zone.setText(plan.time_zone or "")
            if not self.time_zone.hasFocus():
                self.time_zone.setCursorPosition(0)  # a long line shows its start, not its end
            self.async_guidelines.set_text(plan.async_guidelines or "")
        finally:
            self._loading = False

    def _emit(self, **fields: Any) -> None:
        if not self._loading:
            self.fields_changed.emit(fields)
