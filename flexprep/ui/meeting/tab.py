"""The Meeting & follow-up tab: the meeting itself, its outcome, the trial log, the letter."""

from __future__ import annotations

import functools
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flexprep.core import content, vocab
from flexprep.core.errors import FlexPrepError
from flexprep.core.models import FormalRequest, Meeting
from flexprep.ui.meeting.checklist import TimingChecklist
from flexprep.ui.meeting.log_editor import TrialLogEditor
from flexprep.ui.shell.context import AppContext
from flexprep.ui.widgets.common import heading_label, muted_label, name, scroll_page
from flexprep.ui.widgets.dates import OptionalDateEdit
from flexprep.ui.widgets.layout import error_label, group, show_error, text_box
from flexprep.ui.widgets.list_editor import StringListEditor
from flexprep.ui.widgets.tab import WorkbookTab


def countdown_text(when: datetime | None, today: date) -> str:
    """``In 12 days`` / ``Tomorrow`` / ``Today`` / ``3 days ago`` for the meeting."""
    if when is None:
        return ""
    days = (when.date() - today).days
    if days > 1:
        return f"In {days} days"
    if days == 1:
        return "Tomorrow"
    if days == 0:
        return "Today"
    return f"{-days} day{'s' if days < -1 else ''} ago — record the outcome below"


class MeetingTab(WorkbookTab):
    """Meeting date and timing, talking points, notes, outcome, trial log, formal request."""

    TAB_KEY = "meeting"
    TITLE = "Meeting & follow-up"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._loading = False
        self.today = date.today
        self.load_error = error_label("meeting_error")
        self.at = OptionalDateEdit(
            "meeting_at",
            "Meeting date and time",
            with_time=True,
            default=lambda: datetime.combine(self.today() + timedelta(days=1), time(10, 0)),
        )
        self.countdown = QLabel()
        self.countdown.setObjectName("meeting_countdown")
        self.timing = TimingChecklist(content.timing_checklist())
        self.timing_notes = text_box(
            "timing_notes", "Timing notes", "Why now is a good moment; what to avoid…"
        )
        self.talking_points = StringListEditor(
            "talking_points",
            "talking point",
            empty_text="No talking point yet: what must you say, in what order?",
            undo_stack=ctx.undo_stack,
        )
        self.notes = text_box(
            "meeting_notes", "Meeting notes", "What was said, during or right after the meeting…"
        )
        self.outcome = name(QComboBox(), "outcome", "Outcome")
        for key, text in vocab.OUTCOMES.items():
            self.outcome.addItem(text, key)
        self.next_steps = StringListEditor(
            "next_steps",
            "next step",
            min_rows=2,
            empty_text="No next step yet.",
            undo_stack=ctx.undo_stack,
        )
        self.trial_log = TrialLogEditor(ctx)
        self.proposed_start = OptionalDateEdit("proposed_start", "Proposed start date")
        self.previous_request = OptionalDateEdit(
            "previous_request", "Date of an earlier request", empty_text="None"
        )
        self.export_followup = name(
            QPushButton("Export follow-&up…"), "export_followup", "Export the follow-up document"
        )
        self.export_letter = name(
            QPushButton("Export formal request &letter…"),
            "export_letter",
            "Export the formal request letter",
        )
        for widget in (self.talking_points.view, self.notes, self.timing_notes):
            widget.setAccessibleDescription("Private: only in My brief.")

        self.scroll_area = scroll_page(self, "meeting_scroll", self._build_page())
        self._set_tab_order()

        self.at.value_changed.connect(self._on_at)
        self.timing.checks_changed.connect(lambda keys: self._save(timing_checks=keys))
        self.timing_notes.edited.connect(lambda text: self._save(timing_notes=text))
        self.talking_points.items_changed.connect(lambda items: self._save(talking_points=items))
        self.notes.edited.connect(lambda text: self._save(notes=text))
        self.outcome.activated.connect(lambda _=0: self._save(outcome=self.outcome.currentData()))
        self.next_steps.items_changed.connect(
            lambda items: self._save(next_steps=self._steps(items))
        )
        self.proposed_start.value_changed.connect(
            lambda day: self._save_request(proposed_start=day)
        )
        self.previous_request.value_changed.connect(
            lambda day: self._save_request(previous_requests=[] if day is None else [day])
        )
        self.export_followup.clicked.connect(
            lambda: self.ctx.signals.export_requested.emit("followup")
        )
        self.export_letter.clicked.connect(lambda: self.ctx.signals.export_requested.emit("letter"))

    # -- building --------------------------------------------------------------------

    def _build_page(self) -> QWidget:
        when = QWidget()
        when_form = QFormLayout(when)
        when_form.setContentsMargins(0, 0, 0, 0)
        self._row(when_form, "&Date and time:", self.at, self.at.check)
        when_form.addRow("", self.countdown)
        timing_label = QLabel("Timing notes:")
        timing_label.setBuddy(self.timing_notes)
        outcome = QWidget()
        outcome_form = QFormLayout(outcome)
        outcome_form.setContentsMargins(0, 0, 0, 0)
        self._row(outcome_form, "&Outcome:", self.outcome)
        steps_label = QLabel("Next steps:")
        steps_label.setBuddy(self.next_steps.view)
        request = QWidget()
        request_form = QFormLayout(request)
        request_form.setContentsMargins(0, 0, 0, 0)
        self._row(request_form, "Proposed &start:", self.proposed_start, self.proposed_start.check)
        self._row(
            request_form, "Earl&ier request:", self.previous_request, self.previous_request.check
        )
        exports = QWidget()
        export_row = QHBoxLayout(exports)
        export_row.setContentsMargins(0, 0, 0, 0)
        export_row.addWidget(self.export_followup)
        export_row.addWidget(self.export_letter)
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
                self.timing,
                timing_label,
                self.timing_notes,
                private=True,
            )
        )
        left.addWidget(
            group(
                "Talking &points",
                "talking_points_group",
                self.talking_points,
                private=True,
                hint="What you will say, in order.",
            )
        )
        left.addWidget(
            group(
                "Formal request",
                "request_group",
                request,
                hint="For the formal request letter. A UK statutory request must give the "
                "proposed start and say whether, and when, you asked before.",
            )
        )
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(heading_label("During and after", 2))
        right.addWidget(group("&Notes", "notes_group", self.notes, private=True))
        right.addWidget(
            group("Outcome and next steps", "outcome_group", outcome, steps_label, self.next_steps)
        )
        right.addWidget(group("Trial lo&g", "trial_log_group", self.trial_log))
        right.addWidget(
            group(
                "Confirm it in writing",
                "export_group",
                exports,
                hint="For your manager: the follow-up carries the outcome, next steps and trial "
                "dates; the letter carries the formal request. Nothing private goes in.",
            )
        )
        right.addStretch(1)

        page = QWidget()
        page.setObjectName("meeting_page")
        column = QVBoxLayout(page)
        column.setContentsMargins(12, 12, 12, 12)
        column.addWidget(heading_label("The meeting, and what comes after"))
        column.addWidget(
            muted_label(
                "Prepare the conversation, then record how it went and keep a log of the trial."
            )
        )
        column.addWidget(self.load_error)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        column.addLayout(columns)
        return page

    @staticmethod
    def _row(form: QFormLayout, text: str, field: QWidget, buddy: QWidget | None = None) -> None:
        label = QLabel(text)
        label.setBuddy(buddy or field)
        form.addRow(label, field)

    def _set_tab_order(self) -> None:
        # Down the left column, then down the right one.
        lists = (self.talking_points, self.next_steps)
        tp, ns = (
            [e.view, e.add_button, e.remove_button, e.up_button, e.down_button] for e in lists
        )
        log = self.trial_log
        chain: list[QWidget] = [
            self.at.check,
            self.at.edit,
            *self.timing.boxes.values(),
            self.timing_notes,
            *tp,
            self.proposed_start.check,
            self.proposed_start.edit,
            self.previous_request.check,
            self.previous_request.edit,
            self.notes,
            self.outcome,
            *ns,
            log.view,
            log.add_button,
            log.edit_button,
            log.delete_button,
            self.export_followup,
            self.export_letter,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- loading ---------------------------------------------------------------------

    def set_workbook(self, workbook_id: int | None) -> None:
        same = workbook_id is not None and workbook_id == self.workbook_id
        if same and self.ctx.saver.has_pending():
            return  # what is shown is newer than what is saved: keep it
        super().set_workbook(workbook_id)
        self.setEnabled(workbook_id is not None)
        try:
            self.trial_log.set_workbook(workbook_id)
            if workbook_id is None:
                return
            meeting = self.ctx.service.part(Meeting, workbook_id)
            request = self.ctx.service.part(FormalRequest, workbook_id)
        except FlexPrepError as exc:
            show_error(self.load_error, f"The meeting could not be read: {exc}")
            return
        show_error(self.load_error, "")
        self._loading = True
        try:
            self.at.set_value(meeting.at)
            self.timing.set_checked(list(meeting.timing_checks or []))
            self.timing_notes.set_text(meeting.timing_notes)
            self.talking_points.set_items(meeting.talking_points or [], keep_blanks=same)
            self.notes.set_text(meeting.notes)
            self.outcome.setCurrentIndex(max(0, self.outcome.findData(meeting.outcome)))
            self._loaded_steps = {step["text"]: step for step in meeting.next_steps or []}
            self.next_steps.set_items(
                [step["text"] for step in meeting.next_steps or []], keep_blanks=same
            )
            self.proposed_start.set_value(request.proposed_start)
            earlier = request.previous_requests or []
            self.previous_request.set_value(date.fromisoformat(earlier[-1]) if earlier else None)
        finally:
            self._loading = False
        self._show_countdown()

    # -- saving ----------------------------------------------------------------------

    def _steps(self, texts: list[str]) -> list[dict[str, Any]]:
        """Next steps as stored: each text keeps the owner and due date it had."""
        known = getattr(self, "_loaded_steps", {})
        return [
            {
                "text": text,
                "owner": known.get(text, {}).get("owner", ""),
                "due": known.get(text, {}).get("due"),
            }
            for text in texts
        ]

    def _save(self, **fields: Any) -> None:
        self._schedule(Meeting, fields)

    def _save_request(self, **fields: Any) -> None:
        self._schedule(FormalRequest, fields)

    def _schedule(self, model: type[Any], fields: dict[str, Any]) -> None:
        workbook_id = self.workbook_id
        if workbook_id is None or self._loading:
            return
        for field, value in fields.items():
            self.ctx.saver.schedule(
                (model.__name__, workbook_id, field),
                functools.partial(
                    self.ctx.service.update_part, model, workbook_id, **{field: value}
                ),
            )
        if not {"timing_notes", "notes"} & set(fields):
            self.changed("meeting")

    @Slot(object)
    def _on_at(self, when: datetime | None) -> None:
        self._show_countdown()
        self._save(at=when)

    def _show_countdown(self) -> None:
        value = self.at.value()
        text = countdown_text(value if isinstance(value, datetime) else None, self.today())
        self.countdown.setText(f"<b>{text}</b>" if text else "")
        self.countdown.setVisible(bool(text))

    # -- navigation ------------------------------------------------------------------

    def focus_anchor(self, anchor: str) -> None:
        if anchor == "talking_points":
            widget: QWidget = self.talking_points.view
        else:
            widget = self.at.edit if self.at.value() is not None else self.at.check
        self.scroll_area.ensureWidgetVisible(widget, 0, 80)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
