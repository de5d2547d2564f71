"""Who I am and who it is for (top of the Self-assessment tab), driven as a user would."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QWidget

from flexprep.core import fields
from flexprep.core.models import About, Ask
from flexprep.reports.privacy import manager_view
from flexprep.ui.assessment.tab import SelfAssessmentTab
from tests.uitools import open_on_new_workbook, reopen, show_tab


def _assessment(qtbot, tmp_path: Path, *, name: str = "Fridays at home"):  # type: ignore[no-untyped-def]
    """A window on a new, empty workbook (the only one), showing the Self-assessment tab."""
    window = open_on_new_workbook(qtbot, tmp_path / "db.sqlite3", name, sample=False)
    return window, _show(window)


def _show(window) -> SelfAssessmentTab:  # type: ignore[no-untyped-def]
    return show_tab(window, "assessment", SelfAssessmentTab)


def _type_and_tab(qtbot, text: str) -> QWidget:  # type: ignore[no-untyped-def]
    """Type ``text`` where the focus is, press Tab; the widget that has the focus then."""
    widget = QApplication.focusWidget()
    assert widget is not None
    if text:
        qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not None
    return focused


def _saved(window) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    assert window.saver.flush()
    return window.service.export_data(window.workbook_id)  # type: ignore[no-any-return]


def test_who_i_am_is_typed_field_by_field_and_is_back_after_a_restart(
    qtbot, tmp_path: Path
) -> None:
    window, tab = _assessment(qtbot, tmp_path)
    who = tab.who
    assert who.about["name"].text() == ""  # the first workbook asks
    qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # "&Name:"
    assert QApplication.focusWidget() is who.about["name"]
    assert _type_and_tab(qtbot, "Priya Shah") is who.about["role"]
    assert _type_and_tab(qtbot, "Pricing analyst") is who.about["team"]
    assert _type_and_tab(qtbot, "Commercial Finance") is who.about["employer"]
    assert _type_and_tab(qtbot, "Northwind Foods Ltd") is who.about["email"]
    qtbot.keyClicks(who.about["email"], "priya.shah@example")
    assert who.problems.isVisible() and "Email “priya.shah@example”" in who.problems.text()
    assert _type_and_tab(qtbot, ".com") is who.employed_since.edit
    assert not who.problems.isVisible()
    assert _type_and_tab(qtbot, "2021-03-01") is who.employed_since.check
    assert who.employed_since.check.isChecked()  # typing a date ticks it
    assert _type_and_tab(qtbot, "") is who.manager
    assert "Hello," in who.greeting_hint.text()
    assert _type_and_tab(qtbot, "Dana Whitfield") is who.manager_role
    assert "“Dear Dana,”" in who.greeting_hint.text()
    assert _type_and_tab(qtbot, "Head of Commercial Finance") is who.proposal_title
    assert _type_and_tab(qtbot, "Tuesdays at home") is who.suggest_button
    qtbot.keyClick(who.suggest_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.editors["goals"]  # then the first prompt

    saved = _saved(window)
    assert saved["about"] == {
        "name": "Priya Shah",
        "role": "Pricing analyst",
        "team": "Commercial Finance",
        "employer": "Northwind Foods Ltd",
        "email": "priya.shah@example.com",
        "employed_since": "2021-03-01",
    }
    assert (saved["manager"], saved["manager_role"], saved["proposal_title"]) == (
        "Dana Whitfield",
        "Head of Commercial Finance",
        "Tuesdays at home",
    )

    book = window.workbook_id
    window = reopen(qtbot, window)
    window.switch_to(book)
    who = _show(window).who
    assert who.about["name"].text() == "Priya Shah"
    assert who.about["email"].text() == "priya.shah@example.com"
    assert who.employed_since.value() == date(2021, 3, 1)
    assert who.manager.text() == "Dana Whitfield"
    assert who.manager_role.text() == "Head of Commercial Finance"
    assert who.proposal_title.text() == "Tuesdays at home"
    assert "“Fridays at home”" in who.title_hint.text()  # the workbook's name is the user's


def test_a_doubtful_email_is_kept_and_still_marked_after_a_restart(qtbot, tmp_path: Path) -> None:
    window, tab = _assessment(qtbot, tmp_path)
    email = tab.who.about["email"]
    email.setFocus()
    qtbot.keyClicks(email, "priya at work")
    assert tab.who.problems.isVisible()
    assert _saved(window)["about"]["email"] == "priya at work"  # nothing typed is lost
    book = window.workbook_id
    window = reopen(qtbot, window)
    window.switch_to(book)
    who = _show(window).who
    assert who.about["email"].text() == "priya at work"
    assert who.problems.isVisible() and "no spaces" in who.problems.text()


def test_suggest_makes_the_title_from_own_must_haves_and_ctrl_z_takes_it_back(
    qtbot, tmp_path: Path
) -> None:
    window, tab = _assessment(qtbot, tmp_path)
    who = tab.who
    qtbot.mouseClick(who.suggest_button, Qt.MouseButton.LeftButton)
    assert who.title_note.isVisible() and "Nothing to suggest from yet" in who.title_note.text()
    assert who.proposal_title.text() == ""

    service, book = window.service, window.workbook_id
    service.add_item(Ask, book, title="Work from home on Tuesdays and Thursdays.")
    service.add_item(Ask, book, title="For example a later start", draft=True)
    service.add_item(Ask, book, title="A second screen at home", priority="nice")
    service.add_item(Ask, book, title="Leave at 15:00 on Fridays")
    who.proposal_title.setFocus()
    qtbot.keyClicks(who.proposal_title, "My old title")
    qtbot.mouseClick(who.suggest_button, Qt.MouseButton.LeftButton)
    suggested = "Work from home on Tuesdays and Thursdays, and leave at 15:00 on Fridays"
    assert who.proposal_title.text() == suggested
    assert "Made from your must-haves" in who.title_note.text()
    assert _saved(window)["proposal_title"] == suggested

    # The suggestion is one step of the box's own undo.
    assert QApplication.focusWidget() is who.proposal_title
    qtbot.keyClick(who.proposal_title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert who.proposal_title.text() == "My old title"
    assert _saved(window)["proposal_title"] == "My old title"


def test_a_new_workbook_starts_from_the_last_ones_who_i_am(qtbot, tmp_path: Path) -> None:
    window, tab = _assessment(qtbot, tmp_path, name="First ask")
    tab.who.about["name"].setFocus()
    qtbot.keyClicks(tab.who.about["name"], "Priya Shah")
    tab.who.manager.setFocus()
    qtbot.keyClicks(tab.who.manager, "Dana Whitfield")
    tab.who.proposal_title.setFocus()
    qtbot.keyClicks(tab.who.proposal_title, "Tuesdays at home")
    assert window.saver.flush()

    second = window.service.create_workbook("Second ask", "compressed_week")
    window.switch_to(second.id)
    who = _show(window).who
    assert who.about["name"].text() == "Priya Shah"
    assert who.manager.text() == "Dana Whitfield"
    assert who.proposal_title.text() == ""  # each proposal gets its own title


def test_everything_here_is_shared_as_declared_and_the_window_says_so(
    qtbot, tmp_path: Path
) -> None:
    window, tab = _assessment(qtbot, tmp_path)
    who = tab.who
    typed = {
        who.about["name"]: "Priya Shah",
        who.about["role"]: "Pricing analyst",
        who.about["team"]: "Commercial Finance",
        who.about["employer"]: "Northwind Foods Ltd",
        who.about["email"]: "priya.shah@example.com",
        who.manager: "Dana Whitfield",
        who.manager_role: "Head of Commercial Finance",
        who.proposal_title: "Tuesdays at home",
    }
    for edit, text in typed.items():
        edit.setFocus()
        qtbot.keyClicks(edit, text)
    # The declarations say all of these reach the manager; none is private.
    assert all(f.shareable for f in fields.ABOUT)
    assert all(fields.WORKBOOK[k].shareable for k in ("manager", "manager_role", "proposal_title"))
    for document in ("proposal", "followup", "letter"):
        view = json.dumps(manager_view(_saved(window), document), ensure_ascii=False)
        for text in typed.values():
            assert text in view, (document, text)
    # ... and the window says so: shared, never marked private.
    assert "Shared with your manager" in " ".join(
        label.text() for label in who.findChildren(type(who.problems))
    )
    for box in who.findChildren(QGroupBox):
        assert "private" not in box.title().lower()
    assert all("Private" not in w.accessibleDescription() for w in who.focus_chain())
    assert window.service.part(About, window.workbook_id).name == "Priya Shah"
