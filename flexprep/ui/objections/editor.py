"""Editing one objection: its text, theme, likelihood, response and linked evidence."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from flexprep.core import content, vocab
from flexprep.core.errors import FlexPrepError
from flexprep.core.models import Objection
from flexprep.ui.objections.models import LIKELIHOODS, EvidenceCheckModel, ObjectionItem
from flexprep.ui.shell.context import AppContext
from flexprep.ui.widgets.common import GrowingTextEdit, heading_label, muted_label, name
from flexprep.ui.widgets.undo import named, quoted
from flexprep.ui.widgets.undo_items import ChangeItem, LinkEvidence


def library_entry(item: ObjectionItem) -> dict[str, Any] | None:
    """The library entry an objection came from (by key, else by unchanged text)."""
    entries = content.objection_library()
    if item.library_key:
        found = next((e for e in entries if e["key"] == item.library_key), None)
        if found is not None:
            return found
    text = item.text.strip()
    return next((e for e in entries if e["text"] == text), None) if text else None


#: Shown beside objections of the user's own (library ones carry their own note).
GENERAL_COACHING = (
    "Take the worry seriously before answering it: say what you understand the concern "
    "to be, answer with a fact or a safeguard, and offer a way to check together, such "
    "as a trial with a measure and a review date."
)


class ObjectionEditor(QWidget):
    """The form of the selected objection; text is saved as the user types.

    ``item_changed`` carries the fields the user just changed (to refresh the list);
    ``links_saved`` tells that evidence links were written. Accepting a draft and
    (un)linking evidence are steps on the undo history; ``undone`` asks the tab to show
    the objection (its id) as saved after an undo or redo.
    """

    item_changed = Signal(int, dict)
    links_saved = Signal(int)
    undone = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item: ObjectionItem | None = None
        self.stack = QStackedWidget()
        self.empty = muted_label(
            "Choose an objection on the left, add one from the Library, or press "
            "“New objection” to write your own."
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._build_form())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _build_form(self) -> QWidget:
        self.banner = QFrame()
        self.banner.setObjectName("draft_banner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.banner.setAutoFillBackground(True)
        self.banner_text = QLabel(
            "<b>Draft</b>, a starting point from your scenario or the library. Rewrite it "
            "in your own words, or make it yours as it stands."
        )
        self.banner_text.setWordWrap(True)
        self.accept_button = name(
            QPushButton("Make this m&ine"), "objection_accept", "Make this draft mine as it is"
        )
        banner_row = QHBoxLayout(self.banner)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.accept_button)

        self.text_edit = GrowingTextEdit(min_lines=2, max_lines=6)
        name(self.text_edit, "objection_text", "Objection: what the manager might say")
        self.text_edit.setPlaceholderText("What might your manager say? In their words…")
        self.theme = name(QComboBox(), "objection_theme", "Theme of the objection")
        for key, label in vocab.THEMES.items():
            self.theme.addItem(label, key)
        self.likelihood = name(
            QComboBox(), "objection_likelihood", "How likely this objection is, 1 to 5"
        )
        for value, label in LIKELIHOODS.items():
            self.likelihood.addItem(f"{value} · {label}", value)
        self.response_edit = GrowingTextEdit(min_lines=6, max_lines=20)
        name(self.response_edit, "objection_response", "Your answer to this objection")
        self.response_edit.setPlaceholderText(
            "Acknowledge the concern, answer it with facts, offer a safeguard…"
        )

        text_label, theme_label = QLabel("Ob&jection"), QLabel("&Theme:")
        likelihood_label, response_label = QLabel("Li&kelihood:"), QLabel("Your &answer")
        for field_label, buddy in (
            (text_label, self.text_edit),
            (theme_label, self.theme),
            (likelihood_label, self.likelihood),
            (response_label, self.response_edit),
        ):
            field_label.setBuddy(buddy)
        for field_label in (text_label, response_label):
            font = field_label.font()
            font.setBold(True)
            field_label.setFont(font)
        choices = QHBoxLayout()
        choices.addWidget(theme_label)
        choices.addWidget(self.theme, 1)
        choices.addSpacing(12)
        choices.addWidget(likelihood_label)
        choices.addWidget(self.likelihood, 1)
        form = QVBoxLayout()
        form.setSpacing(4)
        form.addWidget(text_label)
        form.addWidget(self.text_edit)
        form.addSpacing(4)
        form.addLayout(choices)
        form.addSpacing(8)
        form.addWidget(response_label)
        form.addWidget(self.response_edit)
        form.addStretch(1)

        self.coaching_title = heading_label("How to handle it", 2)
        self.coaching = muted_label("")
        self.coaching.setObjectName("objection_coaching")
        self.hint = muted_label("")
        self.hint.setObjectName("objection_evidence_hint")
        self.evidence_model = EvidenceCheckModel(self)
        self.evidence_view = name(
            QListView(), "objection_evidence", "Evidence that backs up this answer"
        )
        self.evidence_view.setModel(self.evidence_model)
        self.evidence_view.setWordWrap(True)
        self.evidence_view.setAlternatingRowColors(True)
        self.evidence_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.evidence_view.setMinimumHeight(110)
        evidence_label = heading_label("", 2)
        evidence_label.setText("Evidence that &backs it up")
        evidence_label.setBuddy(self.evidence_view)
        self.linked = muted_label("")
        self.linked.setObjectName("objection_linked")
        self.message = QLabel()
        self.message.setObjectName("objection_message")
        self.message.setWordWrap(True)
        self.message.hide()
        side = QVBoxLayout()
        side.setSpacing(4)
        side.addWidget(self.coaching_title)
        side.addWidget(self.coaching)
        side.addWidget(self.hint)
        side.addSpacing(10)
        side.addWidget(evidence_label)
        side.addWidget(self.evidence_view, 1)
        side.addWidget(self.linked)
        side.addStretch(0)  # takes the room only while the evidence list is hidden

        columns = QHBoxLayout()
        columns.setSpacing(18)
        columns.addLayout(form, 3)
        columns.addLayout(side, 2)
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(10, 10, 10, 10)
        outer.addWidget(self.banner)
        outer.addWidget(self.message)
        outer.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setObjectName("objection_editor_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)

        self.text_edit.edited.connect(lambda text: self._save("text", text))
        self.response_edit.edited.connect(lambda text: self._save("response", text))
        self.theme.activated.connect(lambda _i: self._save("theme", self.theme.currentData()))
        self.likelihood.activated.connect(
            lambda _i: self._save("likelihood", self.likelihood.currentData())
        )
        self.accept_button.clicked.connect(self.accept_draft)
        self.evidence_model.links_changed.connect(self._save_links)
        for first, second in (
            (self.accept_button, self.text_edit),
            (self.text_edit, self.theme),
            (self.theme, self.likelihood),
            (self.likelihood, self.response_edit),
            (self.response_edit, self.evidence_view),
        ):
            QWidget.setTabOrder(first, second)
        return scroll

    # -- showing ----------------------------------------------------------------------

    def set_evidence(self, rows: list[Any]) -> None:
        """The workbook's evidence, offered as links."""
        self.evidence_model.set_evidence(rows)
        self._show_linked()

    def show_item(self, item: ObjectionItem | None) -> None:
        """Edit ``item`` (None: the empty page)."""
        self.item = item
        self.message.hide()
        if item is None:
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        self.text_edit.set_text(item.text)
        self.response_edit.set_text(item.response)
        self.theme.setCurrentIndex(max(0, self.theme.findData(item.theme)))
        self.likelihood.setCurrentIndex(max(0, self.likelihood.findData(item.likelihood)))
        self.banner.setVisible(item.draft)
        entry = library_entry(item)
        self.coaching.setText(entry["coaching"] if entry else GENERAL_COACHING)
        hint = entry.get("evidence_hint") if entry else ""
        self.hint.setText(f"Evidence that helps: {hint}" if hint else "")
        self.hint.setVisible(bool(hint))
        self.evidence_model.set_checked(item.evidence)
        self._show_linked()

    def _show_linked(self) -> None:
        self.evidence_view.setVisible(self.evidence_model.rowCount() > 0)
        if not self.evidence_model.rowCount():
            self.linked.setText(
                "No evidence in this workbook yet: add some in the "
                "Endorsements & evidence tab, then tick it here."
            )
            return
        count = len(self.evidence_model.checked_ids())
        self.linked.setText(
            "Tick the evidence to bring to mind; it is shown when you rehearse."
            if not count
            else f"{count} linked: shown with your answer when you rehearse."
        )

    def show_error(self, text: str) -> None:
        self.message.setText(f"⚠ {text}")
        self.message.show()

    # -- saving -----------------------------------------------------------------------

    def _save(self, field: str, value: Any) -> None:
        item = self.item
        if item is None or getattr(item, field) == value:
            return
        objection_id = item.id
        changes = {field: value}
        if item.draft:
            changes["draft"] = False
            self.banner.hide()
        self.ctx.saver.schedule(
            ("objection", objection_id, field),
            lambda: self.ctx.service.update_item(Objection, objection_id, **{field: value}),
        )
        self.item_changed.emit(objection_id, changes)

    @Slot()
    def accept_draft(self) -> None:
        """Make the draft mine as it is: it is no longer marked as a draft."""
        item = self.item
        if item is None:
            return
        try:
            self.ctx.undo_stack.run(
                ChangeItem(
                    self.ctx,
                    Objection,
                    item.id,
                    {"draft": False},
                    {"draft": True},
                    named("Make", "objection", item.text, "mine"),
                    self.text_edit,
                    self.undone.emit,
                )
            )
        except FlexPrepError as exc:
            self.show_error(str(exc))
            return
        self.banner.hide()
        self.item_changed.emit(item.id, {"draft": False})
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _link_text(self, item: ObjectionItem, evidence_ids: list[int]) -> str:
        """``Link evidence 'X' to objection 'Y'`` (or ``Unlink … from``)."""
        added = [i for i in evidence_ids if i not in item.evidence]
        removed = [i for i in item.evidence if i not in evidence_ids]
        changed = (added or removed)[:1]
        titles = {row.id: row.title for row in self.evidence_model.evidence}
        title = titles.get(changed[0], "") if changed else ""
        name = quoted(item.text)
        objection = f"objection {name}" if name else "an untitled objection"
        if added and not removed:
            return named("Link", "evidence", title, f"to {objection}")
        if removed and not added:
            return named("Unlink", "evidence", title, f"from {objection}")
        return f"Change the evidence of {objection}"

    @Slot(list)
    def _save_links(self, evidence_ids: list[int]) -> None:
        item = self.item
        if item is None:
            return
        try:
            self.ctx.undo_stack.run(
                LinkEvidence(
                    self.ctx,
                    item.id,
                    evidence_ids,
                    item.evidence,
                    self._link_text(item, evidence_ids),
                    self.evidence_view,
                    self.undone.emit,
                )
            )
        except FlexPrepError as exc:
            self.show_error(str(exc))
            self.evidence_model.set_checked(item.evidence)
            return
        self.item_changed.emit(item.id, {"evidence": list(evidence_ids)})
        self._show_linked()
        self.links_saved.emit(item.id)
