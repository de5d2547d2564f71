"""Kept input: text that fails its check stays as typed across a restart, marked.

A number typed as words in an evidence item, and dates typed wrongly in the plan, save
nothing into the database (the last good value stays); closing the window and opening a
new one on the same database shows the text again in its field, marked as needing a fix,
until a good value replaces it. The text lives in a private file beside the database,
which goes once nothing is left to fix.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt

from flexprep.core.models import Evidence, Plan
from flexprep.core.recovery import kept_input_path
from flexprep.ui.widgets.kept import field_key
from tests.uitools import open_window, reopen


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(QLocale.c())


def _evidence(window):  # type: ignore[no-untyped-def]
    tab = window.tab_pages["evidence"]
    window.tabs.setCurrentWidget(tab)
    return tab


def _retype(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def _kept_file(window) -> Path:  # type: ignore[no-untyped-def]
    return kept_input_path(window.database.path)


def _written(qtbot, window, present: bool = True) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: _kept_file(window).exists() is present, timeout=3000)


def test_a_number_typed_as_words_survives_a_restart_marked(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    book = window.workbook_id
    tab = _evidence(window)
    editor = tab.evidence_editor
    tab.evidence_panel.select_row(0)  # the sample's first metric: 86% → 95%
    first = tab.evidence_panel.current_id()
    _retype(qtbot, editor.before, "about nine")
    _retype(qtbot, editor.after, "ten-ish")
    assert editor.before.error.isVisible() and editor.after.error.isVisible()
    tab.evidence_panel.select_row(1)  # another metric: its own numbers, nothing kept
    second_before = editor.before.text()
    assert not editor.before.error.isVisible()
    _written(qtbot, window)
    mode = stat.S_IMODE(_kept_file(window).stat().st_mode)
    assert mode == 0o600
    saved = {e.id: e for e in window.service.items(Evidence, book)}
    assert (saved[first].before, saved[first].after) == (86, 95)  # the good values stay

    window = reopen(qtbot, window)
    window.switch_to(book)
    tab = _evidence(window)
    editor = tab.evidence_editor
    tab.evidence_panel.select_row(0)
    assert tab.evidence_panel.current_id() == first
    assert editor.before.text() == "about nine"
    assert editor.before.error.isVisible()
    assert "‘about nine’ is not a number: still saved as 86" in editor.before.error.text()
    assert editor.after.text() == "ten-ish" and editor.after.error.isVisible()
    tab.evidence_panel.select_row(1)
    assert editor.before.text() == second_before and not editor.before.error.isVisible()

    # Fixed: the good values are saved, and nothing is kept any more.
    tab.evidence_panel.select_row(0)
    _retype(qtbot, editor.before, "9")
    _retype(qtbot, editor.after, "10")
    assert not editor.before.error.isVisible() and not editor.after.error.isVisible()
    _written(qtbot, window, present=False)
    window = reopen(qtbot, window)
    window.switch_to(book)
    tab = _evidence(window)
    tab.evidence_panel.select_row(0)
    assert tab.evidence_editor.before.text() == "9"
    assert not tab.evidence_editor.before.error.isVisible()
    item = {e.id: e for e in window.service.items(Evidence, book)}[first]
    assert (item.before, item.after) == (9, 10)


def test_a_date_typed_wrongly_survives_a_restart_marked(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    book = window.service.create_workbook("Fridays at home", "remote_hybrid", drafts=False)
    window.switch_to(book.id)
    plan = window.tab_pages["plan"]
    window.tabs.setCurrentWidget(plan)
    review = plan.trial.review
    plan.scroll_area.ensureWidgetVisible(review)
    _retype(qtbot, review.edit, "next Tuesdy")
    qtbot.keyClick(review.edit, Qt.Key.Key_Tab)  # leaving the field checks it
    assert not review.is_valid()
    _written(qtbot, window)
    entries = json.loads(_kept_file(window).read_text(encoding="utf-8"))["fields"]
    assert [entry["text"] for entry in entries.values()] == ["next Tuesdy"]
    assert window.service.part(Plan, book.id).review_date is None  # nothing saved

    window = reopen(qtbot, window)
    window.switch_to(book.id)
    plan = window.tab_pages["plan"]
    window.tabs.setCurrentWidget(plan)
    review = plan.trial.review
    assert review.edit.text() == "next Tuesdy"
    assert not review.is_valid()  # marked as needing a fix
    assert "Not a date" in review.edit.accessibleDescription()

    # Another workbook's review date is its own.
    window.switch_to(window.service.list_workbooks()[-1].id)
    window.tabs.setCurrentWidget(plan)
    assert plan.trial.review.edit.text() != "next Tuesdy"

    # Fixed: the date is saved and the kept text is gone.
    window.switch_to(book.id)
    window.tabs.setCurrentWidget(plan)
    _retype(qtbot, review.edit, "2027-03-08")
    qtbot.keyClick(review.edit, Qt.Key.Key_Tab)
    assert review.is_valid() and review.value() == date(2027, 3, 8)
    _written(qtbot, window, present=False)
    window = reopen(qtbot, window)
    window.switch_to(book.id)
    plan = window.tab_pages["plan"]
    window.tabs.setCurrentWidget(plan)
    assert plan.trial.review.value() == date(2027, 3, 8) and plan.trial.review.is_valid()


def test_a_list_items_field_outside_an_item_editor_is_not_kept(qtbot, tmp_path: Path) -> None:
    """A date of a list item whose editor does not say which item it shows is never
    kept: one item's text must not turn up in another item's field. The next step's
    date is kept for the step chosen, and for none while no step is chosen."""
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    plan = window.tab_pages["plan"]
    window.tabs.setCurrentWidget(plan)
    assert field_key(plan.trial.review.edit) is not None
    rows = plan.deliverables.rows
    assert rows and all(row.text.text() for row in rows)
    keys = [field_key(row.due.edit) for row in rows]  # each kept for its own deliverable
    assert all(keys) and len(set(keys)) == len(keys)
    qtbot.mouseClick(plan.deliverables.add_button, Qt.MouseButton.LeftButton)
    assert field_key(plan.deliverables.rows[-1].due.edit) is None  # no "what" yet: not kept
    meeting = window.tab_pages["meeting"]
    window.tabs.setCurrentWidget(meeting)
    steps = meeting.steps
    steps.list.view.setCurrentIndex(QModelIndex())
    assert field_key(steps.due.edit) is None
    steps.list.view.setCurrentIndex(steps.list.view.model().index(0, 0))
    key = field_key(steps.due.edit)
    assert key is not None and key.startswith(f"NextStepsEditor#{steps.list.items()[0]}/")
    # The date of an earlier request, before it is added, is one per workbook: kept.
    assert field_key(meeting.request.previous.date.edit) is not None


def test_an_endorsement_date_typed_wrongly_comes_back_for_that_endorsement(
    qtbot, tmp_path: Path
) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    tab = _evidence(window)
    editor = tab.endorsement_editor
    tab.endorsement_panel.select_row(0)
    first = editor.item_id
    saved = editor.date.value()
    _retype(qtbot, editor.date.edit, "last sprng")
    qtbot.keyClick(editor.date.edit, Qt.Key.Key_Tab)
    assert not editor.date.is_valid()
    _written(qtbot, window)

    window = reopen(qtbot, window)
    tab = _evidence(window)
    editor = tab.endorsement_editor
    tab.endorsement_panel.select_row(1)  # another endorsement: its own date
    assert editor.item_id != first and editor.date.edit.text() != "last sprng"
    assert editor.date.is_valid()
    tab.endorsement_panel.select_row(0)
    assert editor.item_id == first
    assert editor.date.edit.text() == "last sprng" and not editor.date.is_valid()
    assert editor.date.value() == saved  # nothing saved meanwhile

    _retype(qtbot, editor.date.edit, "2026-10-02")
    qtbot.keyClick(editor.date.edit, Qt.Key.Key_Tab)
    assert editor.date.is_valid() and editor.date.value() == date(2026, 10, 2)
    _written(qtbot, window, present=False)


def test_a_next_step_date_typed_wrongly_comes_back_for_that_step(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    meeting = window.tab_pages["meeting"]
    window.tabs.setCurrentWidget(meeting)
    steps = meeting.steps
    assert len(steps.list.items()) >= 2
    view = steps.list.view
    view.setCurrentIndex(view.model().index(1, 0))
    meeting.scroll_area.ensureWidgetVisible(steps.due)
    _retype(qtbot, steps.due.edit, "end of Decmber")
    qtbot.keyClick(steps.due.edit, Qt.Key.Key_Tab)
    assert not steps.due.is_valid()
    _written(qtbot, window)

    window = reopen(qtbot, window)
    meeting = window.tab_pages["meeting"]
    window.tabs.setCurrentWidget(meeting)
    steps = meeting.steps
    view = steps.list.view
    view.setCurrentIndex(view.model().index(0, 0))
    assert steps.due.edit.text() != "end of Decmber" and steps.due.is_valid()
    view.setCurrentIndex(view.model().index(1, 0))
    assert steps.due.edit.text() == "end of Decmber" and not steps.due.is_valid()


def test_a_deliverable_date_typed_wrongly_comes_back_with_its_deliverable(
    qtbot, tmp_path: Path
) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    plan = window.tab_pages["plan"]
    window.tabs.setCurrentWidget(plan)
    rows = plan.deliverables.rows
    second = rows[1]
    plan.scroll_area.ensureWidgetVisible(second.due)
    _retype(qtbot, second.due.edit, "mid Febuary")
    qtbot.keyClick(second.due.edit, Qt.Key.Key_Tab)
    assert not second.due.is_valid()
    # Renaming the deliverable takes its kept date along.
    second.text.setFocus()
    second.text.end(False)
    qtbot.keyClicks(second.text, " (draft)")
    renamed = second.text.text()
    _written(qtbot, window)
    qtbot.waitUntil(lambda: "(draft)" in _kept_file(window).read_text(encoding="utf-8"))
    entries = json.loads(_kept_file(window).read_text(encoding="utf-8"))["fields"]
    assert [entry["text"] for entry in entries.values()] == ["mid Febuary"]

    window = reopen(qtbot, window)
    plan = window.tab_pages["plan"]
    window.tabs.setCurrentWidget(plan)
    rows = plan.deliverables.rows
    assert rows[1].text.text() == renamed
    assert rows[1].due.edit.text() == "mid Febuary" and not rows[1].due.is_valid()
    assert rows[0].due.is_valid() and rows[2].due.is_valid()  # the others are their own
