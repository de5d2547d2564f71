"""File › Export › Calendar: the workbook's dates as an .ics file, written in
the background and read back with the icalendar package."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import icalendar
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from flexprep.core.models import FormalRequest, Meeting
from tests.uitools import open_window


def _export(qtbot, window, target: Path, monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def save_as(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr("flexprep.ui.shell.calendar_export.QFileDialog.getSaveFileName", save_as)
    window.commands.open_file_button.hide()
    action = window.findChild(QAction, "action_export_calendar")
    assert action is not None and action.isEnabled()
    assert action.text().replace("&", "") == "Calendar (.ics)…"
    action.trigger()
    qtbot.waitUntil(lambda: window.commands.open_file_button.isVisible(), timeout=10000)
    return asked


def test_the_calendar_action_writes_an_ics_file(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3")
    window.service.update_part(FormalRequest, window.workbook_id, sent_on=date(2026, 12, 4))
    target = tmp_path / "out" / "plan"
    target.parent.mkdir()
    asked = _export(qtbot, window, target, monkeypatch)
    written = target.with_name("plan.ics")
    assert window.commands.last_export == written
    assert "Calendar saved to" in window.statusBar().currentMessage()
    # Named by the proposal title, never by the workbook's own (private) name.
    assert (
        asked[0].endswith(" - dates.ics") and window.windowTitle().split(" — ")[0] not in asked[0]
    )
    calendar = icalendar.Calendar.from_ical(written.read_bytes())
    events = {str(e["UID"]).split("-")[0]: e for e in calendar.walk("VEVENT")}
    assert "meeting" in events and "answer" in events
    answer = events["answer"]
    assert answer.decoded("DTSTART") == date(2027, 2, 3)  # two months beginning 4 December
    assert str(answer["SUMMARY"]) == "Answer due on my flexible working request"

    # The dialog starts in the folder chosen last time.
    again = _export(qtbot, window, target.with_name("again.ics"), monkeypatch)
    assert Path(again[0]).parent == target.parent


def test_nothing_to_put_in_a_calendar_is_said_not_asked(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = open_window(qtbot, tmp_path / "db.sqlite3", sample=False)
    book = window.service.create_workbook("Empty", "other", "")
    window.switch_to(book.id)
    window.service.update_part(Meeting, book.id, at=None)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    monkeypatch.setattr(
        "flexprep.ui.shell.calendar_export.QFileDialog.getSaveFileName",
        lambda *a, **k: (_ for _ in ()).throw(AssertionError("no dialog expected")),
    )
    window.findChild(QAction, "action_export_calendar").trigger()
    qtbot.waitUntil(lambda: bool(warned), timeout=10000)
    assert "nothing to put in a calendar" in warned[0]
