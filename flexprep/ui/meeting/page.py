"""The Meeting & follow-up tab's page: what goes where."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from flexprep.ui.widgets.common import heading_label, muted_label
from flexprep.ui.widgets.dates import OptionalDateEdit
from flexprep.ui.widgets.layout import group, two_column_page
from flexprep.ui.widgets.list_editor import StringListEditor


class MeetingParts(Protocol):
    """What the page lays out: the tab's widgets (the tab itself, without importing it)."""

    #: Set here: the box of the refusal (shown only after a no) and the right column.
    refusal_group: QGroupBox
    right: QVBoxLayout

    @property
    def at(self) -> OptionalDateEdit: ...

    @property
    def next_steps(self) -> StringListEditor: ...

    @property
    def countdown(self) -> QWidget: ...

    @property
    def timing(self) -> QWidget: ...

    @property
    def timing_notes(self) -> QWidget: ...

    @property
    def talking_points(self) -> QWidget: ...

    @property
    def notes(self) -> QWidget: ...

    @property
    def outcome(self) -> QWidget: ...

    @property
    def refusal(self) -> QWidget: ...

    @property
    def ask_outcomes(self) -> QWidget: ...

    @property
    def steps(self) -> QWidget: ...

    @property
    def trial_log(self) -> QWidget: ...

    @property
    def review(self) -> QWidget: ...

    @property
    def request(self) -> QWidget: ...

    @property
    def checklist(self) -> QWidget: ...

    @property
    def export_followup(self) -> QWidget: ...

    @property
    def export_letter(self) -> QWidget: ...

    @property
    def export_appeal(self) -> QWidget: ...

    @property
    def load_error(self) -> QWidget: ...


def build_page(tab: MeetingParts) -> QWidget:
    """The tab's page: two columns, before the meeting and during and after."""
    when = QWidget()
    when_form = QFormLayout(when)
    when_form.setContentsMargins(0, 0, 0, 0)
    _row(when_form, "&Date and time:", tab.at, tab.at.check)
    when_form.addRow("", tab.countdown)
    timing_label = QLabel("Timing notes:")
    timing_label.setBuddy(tab.timing_notes)
    outcome = QWidget()
    outcome_form = QFormLayout(outcome)
    outcome_form.setContentsMargins(0, 0, 0, 0)
    _row(outcome_form, "&Outcome:", tab.outcome)
    tab.refusal_group = group(
        "After a no",
        "refusal_group",
        tab.refusal,
        hint="Record the decision as it was given: your reply to it is drafted from this, "
        "and the follow-up confirms the reasons and the date (the grounds you tick stay "
        "in your reply).",
    )
    steps_label = QLabel("Next steps (what, who, by when):")
    steps_label.setBuddy(tab.next_steps.view)
    exports = QWidget()
    export_row = QHBoxLayout(exports)
    export_row.setContentsMargins(0, 0, 0, 0)
    for button in (tab.export_followup, tab.export_letter, tab.export_appeal):
        export_row.addWidget(button)
    export_row.addStretch(1)

    left = QVBoxLayout()
    left.addWidget(heading_label("Before the meeting", 2))
    left.addWidget(
        group(
            "Meeting",
            "meeting_group",
            when,
            hint="Book proper time, in a calm week, after a win.",
        )
    )
    left.addWidget(
        group(
            "&Timing",
            "timing_group",
            tab.timing,
            timing_label,
            tab.timing_notes,
            private=True,
        )
    )
    left.addWidget(
        group(
            "Talking &points",
            "talking_points_group",
            tab.talking_points,
            private=True,
            hint="What you will say, in order.",
        )
    )
    left.addWidget(
        group(
            "Formal request",
            "request_group",
            tab.checklist,
            tab.request,
            hint="A written request the law stands behind: what it must say, and when "
            "the answer is due, depend on where you work.",
        )
    )
    left.addStretch(1)
    tab.right = QVBoxLayout()
    right = tab.right
    right.addWidget(heading_label("During and after", 2))
    right.addWidget(group("&Notes", "notes_group", tab.notes, private=True))
    right.addWidget(
        group(
            "Outcome and next steps",
            "outcome_group",
            outcome,
            tab.refusal_group,
            muted_label("Each ask:"),
            tab.ask_outcomes,
            steps_label,
            tab.steps,
        )
    )
    right.addWidget(group("Trial lo&g", "trial_log_group", tab.trial_log))
    right.addWidget(group("Trial review", "trial_review_group", tab.review))
    right.addWidget(
        group(
            "Confirm it in writing",
            "export_group",
            exports,
            hint="For your manager: the follow-up carries the outcome, next steps and trial "
            "dates; the letter carries the formal request; the reply answers a refusal. "
            "Nothing private goes in.",
        )
    )
    right.addStretch(1)

    return two_column_page(
        "meeting_page",
        "The meeting, and what comes after",
        "Prepare the conversation, make the request formal if you need to, then "
        "record how it went and keep a log of the trial.",
        tab.load_error,
        left,
        right,
    )


def _row(form: QFormLayout, text: str, field: QWidget, buddy: QWidget | None = None) -> None:
    label = QLabel(text)
    label.setBuddy(buddy or field)
    form.addRow(label, field)
