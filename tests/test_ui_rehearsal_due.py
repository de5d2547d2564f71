"""Due today: the rehearsal button and the readiness panel count what the schedule to the
meeting day (core/rehearsal_plan.py) wants rehearsed today."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from test_ui_objections import objections_tab
from test_ui_rehearsal import FakeClock, key

from flexprep.core import content, fileformat
from flexprep.core.database import open_database
from flexprep.core.rehearsal_plan import due_in_workbook
from flexprep.core.service import WorkbookService
from flexprep.ui.shell.readiness_panel import ReadinessPanel
from tests.uitools import open_window


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour))


def workbook(today: date, meeting_in: int | None = 10) -> dict[str, Any]:
    """The sample workbook with four objections whose schedule is known.

    Never rehearsed: due today. Rated 2 yesterday: three more wanted, the first today.
    Rated 1 today: next due tomorrow at the earliest. Rated 5 twice: nothing more wanted.
    """
    data = fileformat.read_file(content.sample_workbook_path())
    yesterday, earlier = today - timedelta(days=1), today - timedelta(days=3)

    def objection(ident: str, text: str, *ratings: tuple[date, int]) -> dict[str, Any]:
        return {
            **data["objections"][0],
            "id": ident,
            "text": text,
            "library_key": None,
            "origin": "user",
            "evidence": [],
            "rehearsals": [
                {"at": _at(day, 9 + n), "confidence": rating, "seconds": 40}
                for n, (day, rating) in enumerate(ratings)
            ],
        }

    data["objections"] = [
        objection("o1", "Who covers the phones on Fridays?"),
        objection("o2", "Won't the team feel it is unfair?", (yesterday, 2)),
        objection("o3", "How will I reach you when it is urgent?", (today, 1)),
        objection("o4", "What if the trial does not work?", (earlier, 5), (yesterday, 5)),
    ]
    at = None if meeting_in is None else datetime.combine(today + timedelta(meeting_in), time(10))
    data["meeting"] = {**data["meeting"], "at": at}
    data["name"] = "Due today"
    return data


def make_database(db: Path, data: dict[str, Any]) -> int:
    database = open_database(db)
    try:
        return WorkbookService(database.factory).import_data(data).id
    finally:
        database.close()


def test_the_rehearsal_button_says_how_many_are_due_today(qtbot, tmp_path) -> None:
    make_database(tmp_path / "db.sqlite3", workbook(date.today()))
    window = open_window(qtbot, tmp_path / "db.sqlite3", sample=False)
    tab = objections_tab(qtbot, window)
    assert tab.start_button.text() == "Start &rehearsal · 2 due today"
    assert "2 due today" in tab.start_button.accessibleName()

    # Rehearse the never-rehearsed one (it comes first): one is left for today.
    tab.rehearsal.clock = FakeClock()
    tab.start_button.setFocus()
    qtbot.keyClick(tab.start_button, Qt.Key.Key_Space)
    view = tab.rehearsal
    assert view.card.objection_label.text() == "“Who covers the phones on Fridays?”"
    key(qtbot, view, Qt.Key.Key_Space, Qt.Key.Key_4, Qt.Key.Key_Escape, Qt.Key.Key_Escape)
    assert tab.stack.currentWidget() is tab.splitter
    assert tab.start_button.text() == "Start &rehearsal · 1 due today"
    window.close()


def test_nothing_due_and_no_objections(qtbot, tmp_path) -> None:
    data = workbook(date.today())
    data["objections"] = data["objections"][3:]  # only the one rated 5 twice
    make_database(tmp_path / "db.sqlite3", data)
    window = open_window(qtbot, tmp_path / "db.sqlite3", sample=False)
    tab = objections_tab(qtbot, window)
    assert tab.start_button.text() == "Start &rehearsal · none due today"
    window.close()


def test_the_readiness_panel_counts_the_days_and_what_is_due(qtbot, tmp_path) -> None:
    today = date(2026, 3, 2)
    workbook_id = make_database(tmp_path / "db.sqlite3", workbook(today))
    window = open_window(qtbot, tmp_path / "db.sqlite3", sample=False)
    panel = ReadinessPanel(window.ctx)
    qtbot.addWidget(panel)
    panel.today = lambda: today
    panel.set_workbook(workbook_id)
    panel.refresh()
    assert panel.countdown.text() == (
        "<b>10 days</b> until the meeting. 2 objections are due for rehearsal today."
    )
    # The day before the meeting: every objection still wanted is due (the eve is the last).
    panel.today = lambda: today + timedelta(days=9)
    panel.refresh()
    assert panel.countdown.text().endswith("3 objections are due for rehearsal today.")
    window.close()


def test_due_in_a_workbook_file_without_a_meeting_date() -> None:
    today = date(2026, 3, 2)
    # Without a date: never rehearsed now; rated 2 yesterday, next after a day (today);
    # rated 1 today, tomorrow; rated 5, a week after the last.
    assert due_in_workbook(workbook(today, meeting_in=None), today) == 2
    assert due_in_workbook(workbook(today, meeting_in=None), today + timedelta(days=7)) == 4
    assert due_in_workbook({"name": "Empty"}, today) == 0
