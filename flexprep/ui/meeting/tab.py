"""The Meeting & follow-up tab: the meeting, the formal request and the law's deadline,
the outcome (per ask, next steps, a refusal), the trial log and the documents."""

from __future__ import annotations

import functools
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flexprep.core import content, fields, vocab
from flexprep.core.errors import FlexPrepError
from flexprep.core.models import Ask, FormalRequest, Meeting
from flexprep.ui.meeting.asks_panel import AskOutcomes, AskRow
from flexprep.ui.meeting.checklist import TimingChecklist
from flexprep.ui.meeting.deadline import deadline_state, deadline_text
from flexprep.ui.meeting.log_editor import TrialLogEditor
from flexprep.ui.meeting.page import build_page
from flexprep.ui.meeting.refusal import RefusalEntry
from flexprep.ui.meeting.request import FormalRequestSection
from flexprep.ui.meeting.request_checklist import RequestChecklist
from flexprep.ui.meeting.review import TrialReviewEditor
from flexprep.ui.meeting.steps import NextStepsEditor
from flexprep.ui.shell.context import AppContext
from flexprep.ui.widgets.common import name, scroll_page
from flexprep.ui.widgets.dates import OptionalDateEdit
from flexprep.ui.widgets.layout import error_label, show_error, text_box
from flexprep.ui.widgets.list_editor import StringListEditor
from flexprep.ui.widgets.tab import WorkbookTab

#: Checklist fields that live on other tabs: (tab, anchor).
ELSEWHERE = {
    "plan.coverage": ("plan", "coverage"),
    "about.name": ("assessment", "about"),
    "manager": ("assessment", "manager"),
    "about.employed_since": ("assessment", "about"),
}


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
    """Meeting date and timing, talking points, formal request, outcome, trial log."""

    TAB_KEY = "meeting"
    TITLE = "Meeting & follow-up"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._loading = False
        self.today = date.today
        # Built by page.build_page: the right column and the refusal's box.
        self.right: QVBoxLayout
        self.refusal_group: QGroupBox
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
        self.refusal = RefusalEntry()
        self.ask_outcomes = AskOutcomes()
        self.steps = NextStepsEditor(ctx.undo_stack)
        self.next_steps = self.steps.list
        self.trial_log = TrialLogEditor(ctx)
        self.review = TrialReviewEditor(ctx)  # after the trial: results and decision
        self.request = FormalRequestSection()
        self.proposed_start = self.request.proposed_start
        self.checklist = RequestChecklist(ctx)
        self.export_followup = name(
            QPushButton("Export follow-&up…"), "export_followup", "Export the follow-up document"
        )
        self.export_letter = name(
            QPushButton("Export formal request &letter…"),
            "export_letter",
            "Export the formal request letter",
        )
        self.export_appeal = name(
            QPushButton("Export reply to the &refusal…"),
            "export_appeal",
            "Export the reply to a refusal",
        )
        for widget in (self.talking_points.view, self.notes, self.timing_notes):
            widget.setAccessibleDescription("Private: only in My brief.")

        self.scroll_area = scroll_page(self, "meeting_scroll", build_page(self))
        self._set_tab_order()

        self.at.value_changed.connect(self._on_at)
        self.timing.checks_changed.connect(lambda keys: self._save(timing_checks=keys))
        self.timing_notes.edited.connect(lambda text: self._save(timing_notes=text))
        self.talking_points.items_changed.connect(lambda items: self._save(talking_points=items))
        self.notes.edited.connect(lambda text: self._save(notes=text))
        self.outcome.activated.connect(self._on_outcome)
        self.steps.steps_changed.connect(lambda steps: self._save(next_steps=steps))
        self.refusal.changed.connect(lambda value: self._save(refusal=value))
        self.ask_outcomes.ask_edited.connect(self._save_ask)
        self.request.asks.ask_edited.connect(self._save_ask)
        self.request.edited.connect(self._on_request_edited)
        self.request.rules_changed.connect(lambda _rules: self._show_law())
        self.checklist.field_chosen.connect(self.focus_field)
        self.checklist.shown.connect(self._set_tab_order)
        for button, kind in (
            (self.export_followup, "followup"),
            (self.export_letter, "letter"),
            (self.export_appeal, "appeal"),
        ):
            button.clicked.connect(
                lambda _=False, k=kind: self.ctx.signals.export_requested.emit(k)
            )

    # -- building --------------------------------------------------------------------

    def _set_tab_order(self) -> None:
        # Down the left column, then down the right one.
        tp = self.talking_points
        log = self.trial_log
        chain: list[QWidget] = [
            self.at.check,
            self.at.edit,
            *self.timing.boxes.values(),
            self.timing_notes,
            tp.view,
            tp.add_button,
            tp.remove_button,
            tp.up_button,
            tp.down_button,
            *self.checklist.buttons,
            *self.request.focus_chain(),
            self.notes,
            self.outcome,
            *self.refusal.focus_chain(),
            *self.ask_outcomes.focus_widgets(),
            *self.steps.focus_chain(),
            log.view,
            log.add_button,
            log.edit_button,
            log.delete_button,
            *self.review.focus_chain(),
            self.export_followup,
            self.export_letter,
            self.export_appeal,
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
            self.review.set_workbook(workbook_id)
            self.checklist.set_workbook(workbook_id)
            if workbook_id is None:
                return
            meeting = self.ctx.service.part(Meeting, workbook_id)
            request = self.ctx.service.part(FormalRequest, workbook_id)
            asks = self.ctx.service.items(Ask, workbook_id)
        except FlexPrepError as exc:
            show_error(self.load_error, f"The meeting could not be read: {exc}")
            return
        show_error(self.load_error, "")
        rows = [
            AskRow(a.id, a.title, a.draft, a.in_request, a.outcome, a.outcome_note) for a in asks
        ]
        self._loading = True
        try:
            self.at.set_value(meeting.at)
            self.timing.set_checked(list(meeting.timing_checks or []))
            self.timing_notes.set_text(meeting.timing_notes)
            self.talking_points.set_items(meeting.talking_points or [], keep_blanks=same)
            self.notes.set_text(meeting.notes)
            self.outcome.setCurrentIndex(max(0, self.outcome.findData(meeting.outcome)))
            self.steps.set_steps(list(meeting.next_steps or []), keep_blanks=same)
            self.request.set_request({key: getattr(request, key) for key in fields.REQUEST.keys})
            self.request.asks.set_asks(rows)
            self.ask_outcomes.set_asks(rows)
            self._show_law()
            self.refusal.set_refusal(meeting.refusal)
        finally:
            self._loading = False
        self._show_countdown()
        self._show_outcome()
        self._set_tab_order()

    # -- saving ----------------------------------------------------------------------

    def _save(self, **values: Any) -> None:
        self._schedule(Meeting, values)

    def _schedule(self, model: type[Any], values: dict[str, Any]) -> None:
        workbook_id = self.workbook_id
        if workbook_id is None or self._loading:
            return
        for field, value in values.items():
            self.ctx.saver.schedule(
                (model.__name__, workbook_id, field),
                functools.partial(
                    self.ctx.service.update_part, model, workbook_id, **{field: value}
                ),
            )
        if not {"timing_notes", "notes"} & set(values):
            self.changed("meeting")

    @Slot(int, str, object)
    def _save_ask(self, ask_id: int, field: str, value: object) -> None:
        if self.workbook_id is None or self._loading:
            return
        self.ctx.saver.schedule(
            ("Ask", ask_id, field),
            functools.partial(self.ctx.service.update_item, Ask, ask_id, **{field: value}),
        )
        if field != "outcome_note":
            self.changed("asks")

    @Slot(str, object)
    def _on_request_edited(self, field: str, value: object) -> None:
        self._schedule(FormalRequest, {field: value})
        if field in ("sent_on", "jurisdiction"):
            self._show_law()

    @Slot()
    def _on_outcome(self, *_args: object) -> None:
        self._show_outcome()
        self._save(outcome=self.outcome.currentData())

    def _show_outcome(self) -> None:
        declined = self.outcome.currentData() == "declined"
        self.refusal_group.setVisible(declined)
        self.export_appeal.setVisible(declined)

    def _show_law(self) -> None:
        """The deadline clock and the refusal's grounds, for the law now chosen."""
        rules, sent = self.request.rules, self.request.sent_on.value()
        sent_on = sent if isinstance(sent, date) else None
        today = self.today()
        text = deadline_text(rules, sent_on, today)
        state = deadline_state(rules, sent_on, today)
        self.request.clock.setText(f"<b>{text}</b>" if state in ("near", "passed") else text)
        self.request.clock.setProperty("state", state)
        self.refusal.set_rules(rules, sent_on)
        self._set_tab_order()

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

    @Slot(str)
    def focus_field(self, field: str) -> None:
        """Put the focus on the field a checklist item names (here or on another tab)."""
        if field in ELSEWHERE:
            self.ctx.signals.navigate.emit(*ELSEWHERE[field])
            return
        self._focus(self.request.widget_for(field))

    def _focus(self, widget: QWidget) -> None:
        self.scroll_area.ensureWidgetVisible(widget, 0, 80)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_anchor(self, anchor: str) -> None:
        if anchor == "talking_points":
            self._focus(self.talking_points.view)
        elif anchor in ("sent_on", "request"):
            self._focus(self.request.widget_for("request.sent_on"))
        elif anchor.startswith(("request.", "asks[]")):
            self.focus_field(anchor)
        elif anchor == "review":
            self._focus(self.review.focus_target())
        elif anchor == "refusal" and self.refusal_group.isVisible():
            self._focus(self.refusal.reasons)
        else:
            self._focus(self.at.edit if self.at.value() is not None else self.at.check)
