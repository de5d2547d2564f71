"""The formal request in the Meeting & follow-up tab, driven as a user would: where you
work and its law, the letter's checklist, the deadline clock, earlier requests, the
asks it covers, and after the meeting each ask's outcome, next steps and a refusal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx import Document
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QWidget

from flexprep.core import law, vocab
from flexprep.core.models import Ask, FormalRequest, Meeting
from flexprep.core.readiness import readiness
from flexprep.reports.documents import write_document
from flexprep.ui.meeting.tab import MeetingTab
from flexprep.ui.widgets.dates import OptionalDateEdit, long_date
from tests.test_ui_meeting import _finish_editing, _meeting
from tests.uitools import choose


def _type_date(qtbot, field: OptionalDateEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def _tick(qtbot, box: QCheckBox) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _request(window) -> FormalRequest:  # type: ignore[no-untyped-def]
    assert window.saver.flush()
    return window.service.part(FormalRequest, window.workbook_id)


def _shown(widget: QWidget) -> bool:
    return widget.isVisibleTo(widget.window()) and not widget.visibleRegion().isEmpty()


def test_each_jurisdiction_shows_its_law_and_fields(qtbot, tmp_path: Path) -> None:
    window, tab = _meeting(qtbot, tmp_path)
    section = tab.request
    assert section.jurisdiction.currentData() == "gb"  # the sample's
    for key, text in vocab.JURISDICTIONS.items():
        choose(qtbot, section.jurisdiction, text)
        rules = law.rules(key)
        line = section.law_line.text()
        assert long_date(rules.law_as_of) in line, key
        if rules.statutory:
            assert line.startswith("Law as of") and rules.statute.short_cite in line
        else:
            assert "under no statute" in line
        asks_circumstance = key in ("au", "ie")
        assert section.form.isRowVisible(section.circumstance) is asks_circumstance, key
        assert section.form.isRowVisible(section.location) is (key == "ie"), key
        assert section.adjustment.isVisibleTo(tab) is (key in ("gb", "ni", "au")), key
        if asks_circumstance:
            offered = [
                section.circumstance.itemData(i) for i in range(section.circumstance.count())
            ]
            assert offered == [None, *(item.key for item in rules.circumstances)]
        hours_only = "Only changes to your hours" in section.asks_note.text()
        assert hours_only is (key in ("gb", "ni")), key
        assert _request(window).jurisdiction == key

    # Australia asks which circumstance the request rests on; the choice is saved.
    choose(qtbot, section.jurisdiction, vocab.JURISDICTIONS["au"])
    choose(qtbot, section.circumstance, vocab.CIRCUMSTANCES["carer"])
    _tick(qtbot, section.adjustment)
    request = _request(window)
    assert (request.jurisdiction, request.circumstance, request.adjustment) == ("au", "carer", True)
    # New Zealand has no circumstance list: the choice is cleared, and so is the
    # reasonable-adjustment line its disability law does not use.
    choose(qtbot, section.jurisdiction, vocab.JURISDICTIONS["nz"])
    request = _request(window)
    assert (request.circumstance, request.adjustment) == (None, False)


def test_checklist_links_move_the_focus_to_the_missing_field(qtbot, tmp_path: Path) -> None:
    window, tab = _meeting(qtbot, tmp_path)
    section, checklist = tab.request, tab.checklist
    qtbot.waitUntil(lambda: "everything" in checklist.summary.text(), timeout=5000)
    assert checklist.buttons == []

    # Take the start date away, and make the earlier-requests question unanswered.
    section.proposed_start.edit.setFocus()
    section.proposed_start.edit.selectAll()
    qtbot.keyClick(section.proposed_start.edit, Qt.Key.Key_Delete)
    choose(qtbot, section.previous.choice, "Not answered yet")
    request = _request(window)
    assert (request.proposed_start, request.previous_requests) == (None, None)
    qtbot.waitUntil(lambda: len(checklist.buttons) == 2, timeout=5000)
    assert "lacks 2 things" in checklist.summary.text()
    assert [b.text() for b in checklist.buttons] == [
        "→ Proposed start date",
        '→ Earlier requests (say "none" if there were none)',
    ]

    tab.scroll_area.verticalScrollBar().setValue(0)
    qtbot.mouseClick(checklist.buttons[1], Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is section.previous.choice
    assert _shown(section.previous.choice)
    tab.scroll_area.verticalScrollBar().setValue(0)
    qtbot.mouseClick(checklist.buttons[0], Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is section.proposed_start.check
    assert _shown(section.proposed_start.check)

    # Filling both in empties the list.
    _type_date(qtbot, section.proposed_start, "2027-02-01")
    choose(qtbot, section.previous.choice, "No, I have made no earlier request")
    assert _request(window).previous_requests == []
    qtbot.waitUntil(lambda: "everything" in checklist.summary.text(), timeout=5000)
    assert checklist.buttons == []


def test_a_gap_on_another_tab_opens_that_tab(qtbot, tmp_path: Path) -> None:
    window, tab = _meeting(qtbot, tmp_path)
    tab.focus_field("manager")
    assert window.tabs.currentWidget() is window.tab_pages["assessment"]


def test_the_deadline_clock_counts_from_the_sending_date(qtbot, tmp_path: Path) -> None:
    window, tab = _meeting(qtbot, tmp_path)
    section = tab.request
    tab.today = lambda: date(2026, 12, 1)
    assert "Set the date you send it" in section.clock.text()
    _type_date(qtbot, section.sent_on, "2026-12-04")
    # Great Britain: two months beginning with the day it arrives.
    assert section.clock.text() == "Answer due by Wed 3 Feb 2027: 64 days left"
    assert _request(window).sent_on == date(2026, 12, 4)
    choose(qtbot, section.jurisdiction, vocab.JURISDICTIONS["au"])  # 21 days
    assert section.clock.text() == "Answer due by Fri 25 Dec 2026: 24 days left"
    tab.today = lambda: date(2026, 12, 20)  # near: in bold
    choose(qtbot, section.jurisdiction, vocab.JURISDICTIONS["ni"])  # 42 days: 15 January
    choose(qtbot, section.jurisdiction, vocab.JURISDICTIONS["au"])
    assert section.clock.text() == "<b>Answer due by Fri 25 Dec 2026: 5 days left</b>"
    choose(qtbot, section.jurisdiction, vocab.JURISDICTIONS["other"])
    assert "No law sets a deadline" in section.clock.text()

    tab.today = lambda: date(2027, 3, 1)
    choose(qtbot, section.jurisdiction, vocab.JURISDICTIONS["gb"])
    assert section.clock.text() == "<b>Answer due by Wed 3 Feb 2027: passed 26 days ago</b>"
    # The readiness list says so too, and its link lands on the sending date.
    items = readiness(window.service.export_data(window.workbook_id), date(2027, 3, 1))
    due = next(item for item in items if item.key == "answer_due")
    assert due.text == "The answer to your formal request was due by 3 February 2027, 26 days ago"
    window.tabs.setCurrentIndex(0)
    window.signals.navigate.emit(due.tab, due.anchor)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is section.sent_on.edit, timeout=1000)


def test_earlier_requests_duration_and_the_asks_it_covers(qtbot, tmp_path: Path) -> None:
    window, tab = _meeting(qtbot, tmp_path)
    section = tab.request
    previous = section.previous
    choose(qtbot, previous.choice, "Yes, on these dates")
    assert _request(window).previous_requests is None  # no date yet: not answered
    assert previous.dates_box.isVisible()
    _type_date(qtbot, previous.date, "2025-06-02")
    qtbot.mouseClick(previous.add_button, Qt.MouseButton.LeftButton)
    _type_date(qtbot, previous.date, "2024-03-15")
    qtbot.mouseClick(previous.add_button, Qt.MouseButton.LeftButton)
    assert _request(window).previous_requests == ["2024-03-15", "2025-06-02"]
    assert [previous.dates.item(i).text() for i in range(previous.dates.count())] == [
        "Fri 15 Mar 2024",
        "Mon 2 Jun 2025",
    ]
    previous.dates.setCurrentRow(0)
    qtbot.mouseClick(previous.remove_button, Qt.MouseButton.LeftButton)
    assert _request(window).previous_requests == ["2025-06-02"]
    choose(qtbot, previous.choice, "No, I have made no earlier request")
    assert _request(window).previous_requests == []
    assert not previous.dates_box.isVisible()

    choose(qtbot, section.duration, "Permanent")
    assert _request(window).permanent is True
    assert not section.form.isRowVisible(section.end_date)
    choose(qtbot, section.duration, "Temporary, until a date")
    assert section.form.isRowVisible(section.end_date)
    assert _request(window).permanent is False

    # The study-leave ask is not a change of hours, times or place: untick it.
    asks = window.service.items(Ask, window.workbook_id)
    titles = [ask.title for ask in asks]
    study = titles.index("Two days' study leave for each exam period")
    box = section.asks.boxes[study]
    assert box.text() == titles[study] and box.isChecked() == asks[study].in_request
    _tick(qtbot, box)
    assert window.saver.flush()
    saved = window.service.items(Ask, window.workbook_id)[study].in_request
    assert saved is (not asks[study].in_request)


def test_each_ask_outcome_and_next_step_owner_and_date(qtbot, tmp_path: Path) -> None:
    window, tab = _meeting(qtbot, tmp_path)
    choose(qtbot, tab.ask_outcomes.combos[0], "Agreed with changes")
    note = tab.ask_outcomes.notes[0]
    note.setFocus()
    qtbot.keyClicks(note, "Thursdays only for the first month")
    assert window.saver.flush()
    first = window.service.items(Ask, window.workbook_id)[0]
    assert (first.outcome, first.outcome_note) == ("changed", "Thursdays only for the first month")

    steps = tab.steps
    view = steps.list.view
    view.setCurrentIndex(steps.list.model.index(0))
    assert steps.owner.text() == "Leah Brennan" and steps.details.isEnabled()
    steps.owner.setFocus()
    steps.owner.selectAll()
    qtbot.keyClicks(steps.owner, "Priya")
    _type_date(qtbot, steps.due, "2026-12-10")
    assert (
        view.itemDelegate()
        .displayText(steps.list.items()[0], view.locale())
        .endswith("— Priya, by Thu 10 Dec 2026")
    )
    # Editing the step's text keeps who and when with it.
    view.setCurrentIndex(steps.list.model.index(0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    line.selectAll()
    qtbot.keyClicks(line, "Ask HR about half days")
    _finish_editing(qtbot, view)
    assert window.saver.flush()
    saved = window.service.part(Meeting, window.workbook_id).next_steps
    assert saved[0] == {"text": "Ask HR about half days", "owner": "Priya", "due": "2026-12-10"}


def test_a_refusal_recorded_here_reaches_the_reply(qtbot, tmp_path: Path) -> None:
    window, tab = _meeting(qtbot, tmp_path)
    assert not tab.refusal_group.isVisible() and not tab.export_appeal.isVisible()
    choose(qtbot, tab.outcome, "Declined")
    assert tab.refusal_group.isVisible() and tab.export_appeal.isVisible()
    refusal = tab.refusal
    assert list(refusal.boxes) == [item.key for item in law.rules("gb").grounds]
    refusal.reasons.setFocus()
    qtbot.keyClicks(refusal.reasons, "Fridays are our busiest day for client calls")
    _type_date(qtbot, refusal.decided_on, "2026-12-18")
    choose(qtbot, refusal.meeting_held, "No meeting")
    # No ground named yet, and no meeting: the law's gaps are shown as they are found.
    assert "does not name any of the grounds" in refusal.flags.text()
    assert "no meeting" in refusal.flags.text().lower()
    _tick(qtbot, refusal.boxes["customer_demand"])
    assert "does not name any" not in refusal.flags.text()

    assert window.saver.flush()
    stored = window.service.part(Meeting, window.workbook_id).refusal
    assert stored == {
        "reasons": "Fridays are our busiest day for client calls",
        "grounds": ["customer_demand"],
        "decided_on": "2026-12-18",
        "meeting_held": False,
    }
    target = tmp_path / "reply.docx"
    write_document(window.service.export_data(window.workbook_id), "appeal", target)
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "Fridays are our busiest day for client calls" in text
    assert law.rules("gb").ground("customer_demand").label in text
    # Reopened, the refusal shows as recorded.
    tab.set_workbook(None)
    tab.set_workbook(window.workbook_id)
    assert isinstance(tab, MeetingTab)
    assert refusal.boxes["customer_demand"].isChecked()
    assert refusal.meeting_held.currentData() is False
    assert refusal.decided_on.value() == date(2026, 12, 18)
