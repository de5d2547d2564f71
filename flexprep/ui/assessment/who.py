"""Who I am and who it is for: the sender, the addressee and the proposal's title.

Everything here is shared: it is the From, the To and the title of every document the
manager reads (docs/design.md, "Who it is from and to"). A new workbook starts from
the last one's (core/sender.py), so it is typed once.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flexprep.core import fields
from flexprep.core.errors import FlexPrepError
from flexprep.core.sender import email_problem, since_problem, suggest_title
from flexprep.reports.people import greeting
from flexprep.ui.shell.context import AppContext
from flexprep.ui.widgets.common import heading_label, muted_label, name
from flexprep.ui.widgets.dates import OptionalDateEdit, warning_icon
from flexprep.ui.widgets.layout import group

#: The sender's text fields: key, label (with its mnemonic), accessible name, grey example.
_ABOUT_FIELDS = (
    ("name", "&Name:", "Your name", "As it should appear on the documents"),
    ("role", "&Job title:", "Your job title", "e.g. Pricing analyst"),
    ("team", "&Team:", "Your team", "e.g. Commercial Finance"),
    ("employer", "E&mployer:", "Your employer", "e.g. Northwind Foods Ltd"),
    ("email", "Em&ail:", "Your email address", "name@example.com"),
)


class CheckedLineEdit(QLineEdit):
    """A line edit that flags what ``check`` finds wrong but keeps (and saves) the text."""

    def __init__(self, check: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check_text = check
        self._warning = QAction("Please check this", self)  # its icon: when first shown
        self.addAction(self._warning, QLineEdit.ActionPosition.TrailingPosition)
        self._warning.setVisible(False)
        self.textChanged.connect(self._refresh)

    def problem(self) -> str:
        return self._check_text(self.text())

    @Slot()
    def _refresh(self, *_args: object) -> None:
        problem = self.problem()
        if problem and self._warning.icon().isNull():
            self._warning.setIcon(warning_icon())
        self._warning.setVisible(bool(problem))
        self._warning.setToolTip(problem)
        self.setAccessibleDescription(f"Please check: {problem}" if problem else "")


class WhoSection(QWidget):
    """The sender (``about``), the addressee and the proposal title of one workbook.

    Edits are saved as they are typed; ``problems`` shows what looks wrong (an email
    without a domain, a start date after today), which is saved as typed all the same.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("who_section")
        self.ctx = ctx
        self.workbook_id: int | None = None
        self.about: dict[str, QLineEdit] = {}
        you = QFormLayout()
        for key, label_text, accessible, example in _ABOUT_FIELDS:
            edit = CheckedLineEdit(email_problem) if key == "email" else QLineEdit()
            name(edit, f"about_{key}", accessible)
            edit.setPlaceholderText(example)
            edit.textEdited.connect(lambda text, k=key: self._save_about(**{k: text.strip()}))
            self.about[key] = edit
            you.addRow(self._label(label_text, edit), edit)
        self.employed_since = OptionalDateEdit(
            "about_employed_since", "Employed since", empty_text="Not given"
        )
        self.employed_since.value_changed.connect(self._on_since)
        you.addRow(self._label("Employed &since:", self.employed_since.edit), self.employed_since)

        self.manager = name(QLineEdit(), "manager_name", "Your manager's name")
        self.manager.setPlaceholderText("e.g. Dana Whitfield")
        self.manager_role = name(QLineEdit(), "manager_role", "Your manager's role")
        self.manager_role.setPlaceholderText("e.g. Head of Commercial Finance")
        self.proposal_title = name(QLineEdit(), "proposal_title", "Proposal title")
        self.proposal_title.setPlaceholderText("The title your manager reads")
        self.suggest_button = name(
            QPushButton("S&uggest"), "suggest_title", "Suggest a title from your must-haves"
        )
        self.suggest_button.setToolTip("Make a title from your must-have asks")
        self.suggest_button.clicked.connect(self.suggest)
        self.title_note = muted_label("")
        self.title_note.setObjectName("proposal_title_note")
        self.title_note.hide()
        for field, edit in (
            ("manager", self.manager),
            ("manager_role", self.manager_role),
            ("proposal_title", self.proposal_title),
        ):
            edit.textEdited.connect(lambda text, f=field: self._save_workbook(**{f: text.strip()}))
        to = QFormLayout()
        to.addRow(self._label("Mana&ger:", self.manager), self.manager)
        to.addRow(self._label("Their &role:", self.manager_role), self.manager_role)
        title_row = QHBoxLayout()
        title_row.setContentsMargins(0, 0, 0, 0)
        title_row.addWidget(self._label("&Proposal title:", self.proposal_title))
        title_row.addWidget(self.proposal_title, 1)
        title_row.addWidget(self.suggest_button)
        self.title_hint = muted_label("")
        self.title_hint.setObjectName("proposal_title_hint")
        title_box = QWidget()
        title_layout = QVBoxLayout(title_box)
        title_layout.setContentsMargins(0, 0, 0, 0)
        title_layout.addLayout(title_row)
        title_layout.addWidget(self.title_hint)
        title_layout.addWidget(self.title_note)

        self.problems = QLabel()
        self.problems.setObjectName("who_problems")
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName("Please check")
        self.problems.hide()
        self.about["email"].textChanged.connect(self._show_problems)

        self.greeting_hint = muted_label("")
        self.greeting_hint.setObjectName("greeting_hint")
        self.manager.textChanged.connect(self._show_greeting)
        to_group = group(
            "To your manager (the addressee)",
            "who_to_group",
            self._holder(to),
            self.greeting_hint,
        )
        to_layout = to_group.layout()
        assert isinstance(to_layout, QVBoxLayout)
        to_layout.addStretch(1)
        columns = QHBoxLayout()
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(16)
        columns.addWidget(group("From you (the sender)", "who_from_group", self._holder(you)), 1)
        columns.addWidget(to_group, 1)
        title_group = group("What your manager reads", "who_title_group", title_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(heading_label("Who I am and who it is for"))
        layout.addWidget(
            muted_label(
                "Shared with your manager: this is who the proposal, letter and follow-up "
                "are from and to, and the title they carry. You only fill it in once — a "
                "new workbook starts from the last one's."
            )
        )
        layout.addSpacing(6)  # the same gap under a tab's introduction as on Plan & trial
        layout.addLayout(columns)
        layout.addSpacing(8)
        layout.addWidget(title_group)
        layout.addWidget(self.problems)
        self._set_tab_order()
        self._show_greeting()

    # -- building -------------------------------------------------------------------------

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    @staticmethod
    def _holder(form: QFormLayout) -> QWidget:
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        holder = QWidget()
        holder.setLayout(form)
        return holder

    def _set_tab_order(self) -> None:
        chain = self.focus_chain()
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def focus_chain(self) -> list[QWidget]:
        """The section's fields in tab order (down "From you", then down "To")."""
        return [
            *self.about.values(),
            self.employed_since.edit,
            self.employed_since.check,
            self.manager,
            self.manager_role,
            self.proposal_title,
            self.suggest_button,
        ]

    # -- loading --------------------------------------------------------------------------

    def set_workbook(self, workbook_id: int | None) -> None:
        """Show ``workbook_id``'s sender, addressee and title; raises as the service does."""
        self.workbook_id = workbook_id
        self._note("")
        if workbook_id is None:
            for edit in (*self.about.values(), self.manager, self.manager_role):
                edit.clear()
            self.proposal_title.clear()
            self.employed_since.set_value(None)
            self._show_problems()
            return
        info = self.ctx.service.workbook(workbook_id)
        # Plain SQL: the first tab paints before the ORM models load.
        about = self.ctx.service.part_fields(fields.ABOUT, workbook_id)
        for key, edit in self.about.items():
            edit.setText(about[key])
        since = about["employed_since"]
        self.employed_since.set_value(date.fromisoformat(since) if since else None)
        self.manager.setText(info.manager)
        self.manager_role.setText(info.manager_role)
        self.proposal_title.setText(info.proposal_title)
        self.proposal_title.setCursorPosition(0)
        self.title_hint.setText(
            f"On the proposal, letter and follow-up instead of this workbook's name "
            f"(“{info.name}”), which stays your own label."
        )
        self._show_problems()

    # -- saving ---------------------------------------------------------------------------

    def _save_about(self, **values: Any) -> None:
        self._schedule("about", functools.partial(self._write_about, **values), values)

    def _save_workbook(self, **values: Any) -> None:
        self._schedule("workbook", functools.partial(self._write_workbook, **values), values)

    def _schedule(self, part: str, write: Callable[[], object], values: dict[str, Any]) -> None:
        workbook_id = self.workbook_id
        if workbook_id is None:
            return
        (key,) = values
        self.ctx.saver.schedule((part, workbook_id, key), write, text=values[key])

    def _write_about(self, **values: Any) -> None:
        if self.workbook_id is not None:
            from flexprep.core.models import About

            self.ctx.service.update_part(About, self.workbook_id, **values)

    def _write_workbook(self, **values: Any) -> None:
        if self.workbook_id is not None:
            self.ctx.service.update_workbook(self.workbook_id, **values)

    @Slot(object)
    def _on_since(self, value: date | None) -> None:
        self._show_problems()
        self._save_about(employed_since=value)

    # -- checks ---------------------------------------------------------------------------

    @Slot()
    def _show_greeting(self, *_args: object) -> None:
        opening = greeting({"manager": self.manager.text()})
        self.greeting_hint.setText(
            f"Letters open “{opening}” and the To line gives their name and role."
            if self.manager.text().strip()
            else f"Without their name, letters open “{opening}” and name no one."
        )

    @Slot()
    def _show_problems(self, *_args: object) -> None:
        problems = []
        email = self.about["email"].text().strip()
        if problem := email_problem(email):
            problems.append(f"⚠ Email “{email}”: {problem}.")
        if problem := since_problem(self.employed_since.value(), date.today()):
            problems.append(f"⚠ Employed since: {problem}.")
        self.problems.setText(
            "\n".join(problems) + ("\nSaved as you gave it; marked here until it looks right.")
            if problems
            else ""
        )
        self.problems.setVisible(bool(problems))

    # -- the suggested title --------------------------------------------------------------

    def _note(self, text: str) -> None:
        self.title_note.setText(text)
        self.title_note.setVisible(bool(text))

    @Slot()
    def suggest(self) -> None:
        """Put a title made from the must-have asks in the title box (Ctrl+Z takes it back)."""
        workbook_id = self.workbook_id
        if workbook_id is None:
            return
        from flexprep.core.models import Ask

        try:
            asks = self.ctx.service.items(Ask, workbook_id)
        except FlexPrepError as exc:
            self._note(f"⚠ Your asks could not be read: {exc}")
            return
        title = suggest_title(
            {"title": a.title, "priority": a.priority, "draft": a.draft} for a in asks
        )
        if not title:
            self._note(
                "Nothing to suggest from yet: add a must-have in your own words on the "
                "Must-haves tab (suggested drafts do not count), or type a title."
            )
            return
        edit = self.proposal_title
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        if edit.text().strip() == title:
            self._note("This is already the suggested title.")
            return
        edit.selectAll()
        edit.insert(title)  # one step of the box's own undo; saved through textEdited
        self._note(
            "Made from your must-haves. Change it as you like; Ctrl+Z brings back the old one."
        )
