"""Next steps after the meeting: what, who and by when (``meeting.next_steps``).

The texts are a :class:`~flexprep.ui.widgets.list_editor.StringListEditor` (adding,
removing and moving are steps on the undo history); who and by when belong to the
selected step and are edited below the list. Each step shows them after its text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from flexprep.core.schedule import iso_day
from flexprep.ui.widgets.common import name
from flexprep.ui.widgets.dates import OptionalDateEdit, long_date
from flexprep.ui.widgets.list_editor import StringListEditor
from flexprep.ui.widgets.undo import UndoHistory


def step_suffix(extra: dict[str, Any]) -> str:
    """`` — Dana, by Thu 10 Dec 2026`` ("" when neither is known)."""
    owner = str(extra.get("owner") or "").strip()
    due = iso_day(extra.get("due"))
    parts = [owner] if owner else []
    if due is not None:
        parts.append(f"by {long_date(due)}")
    return f"  — {', '.join(parts)}" if parts else ""


class _StepDelegate(QStyledItemDelegate):
    """Shows each step's owner and date after its text (the text alone is edited)."""

    def __init__(self, owner: NextStepsEditor) -> None:
        super().__init__(owner.list.view)
        self._owner = owner

    def displayText(self, value: Any, locale: QLocale | QLocale.Language) -> str:  # noqa: N802 (Qt naming)
        text = str(value)
        return text + step_suffix(self._owner.extras.get(text, {}))


class NextStepsEditor(QWidget):
    """The steps as stored: ``steps_changed`` carries ``[{"text", "owner", "due"}]``."""

    steps_changed = Signal(list)

    def __init__(self, undo_stack: UndoHistory | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("next_steps_field")
        self.extras: dict[str, dict[str, Any]] = {}
        self._texts: list[str] = []
        self._loading = False
        self.list = StringListEditor(
            "next_steps",
            "next step",
            min_rows=2,
            empty_text="No next step yet.",
            undo_stack=undo_stack,
        )
        self.list.view.setItemDelegate(_StepDelegate(self))
        self.owner = name(QLineEdit(), "next_step_owner", "Who does the selected step")
        self.owner.setPlaceholderText("Me, Dana, HR…")
        self.due = OptionalDateEdit("next_step_due", "By when", empty_text="No date")
        who = QLabel("&Who:")
        who.setBuddy(self.owner)
        when = QLabel("&By:")
        when.setBuddy(self.due.check)
        self.details = QWidget()
        self.details.setObjectName("next_step_details")
        row = QHBoxLayout(self.details)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("Selected step —"))
        row.addWidget(who)
        row.addWidget(self.owner, 1)
        row.addWidget(when)
        row.addWidget(self.due)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.details)
        self.list.items_changed.connect(self._on_items)
        self.list.view.selectionModel().currentChanged.connect(self._on_current)
        self.owner.textEdited.connect(lambda text: self._set_extra("owner", text))
        self.due.value_changed.connect(
            lambda day: self._set_extra("due", day.isoformat() if day else None)
        )
        self._on_current(QModelIndex())

    # -- loading ---------------------------------------------------------------------

    def set_steps(self, steps: list[dict[str, Any]], *, keep_blanks: bool = False) -> None:
        """Show stored steps without emitting ``steps_changed``."""
        self.extras = {
            str(step.get("text", "")): {"owner": step.get("owner") or "", "due": step.get("due")}
            for step in steps
        }
        self._texts = [str(step.get("text", "")) for step in steps]
        self.list.set_items(self._texts, keep_blanks=keep_blanks)
        self._on_current(self.list.view.currentIndex())

    def steps(self) -> list[dict[str, Any]]:
        return [
            {
                "text": text,
                "owner": self.extras.get(text, {}).get("owner", ""),
                "due": self.extras.get(text, {}).get("due"),
            }
            for text in self.list.items()
        ]

    # -- user edits --------------------------------------------------------------------

    @Slot(list)
    def _on_items(self, items: list[str]) -> None:
        old = self._texts
        if len(old) == len(items):  # one entry's text edited: its who and when follow it
            for before, after in zip(old, items, strict=True):
                if before != after and before in self.extras and after not in self.extras:
                    self.extras[after] = self.extras.pop(before)
        self._texts = list(items)
        self._on_current(self.list.view.currentIndex())
        self.steps_changed.emit(self.steps())

    @property
    def item_id(self) -> str | None:
        """The step the fields below the list belong to (its text), so that a date typed
        wrongly is kept for that step across restarts (:mod:`flexprep.ui.widgets.kept`)."""
        return self._current_text() or None

    def _current_text(self) -> str:
        index = self.list.view.currentIndex()
        text = str(index.data() or "") if index.isValid() else ""
        return text if text.strip() else ""

    @Slot()
    def _on_current(self, *_args: object) -> None:
        text = self._current_text()
        extra = self.extras.get(text, {})
        self._loading = True
        try:
            self.owner.setText(str(extra.get("owner") or ""))
            self.due.set_value(iso_day(extra.get("due")))
        finally:
            self._loading = False
        self.details.setEnabled(bool(text))

    def _set_extra(self, key: str, value: object) -> None:
        text = self._current_text()
        if self._loading or not text:
            return
        self.extras.setdefault(text, {"owner": "", "due": None})[key] = value
        self.list.view.viewport().update()
        self.steps_changed.emit(self.steps())

    def focus_chain(self) -> list[QWidget]:
        editor = self.list
        return [
            editor.view,
            editor.add_button,
            editor.remove_button,
            editor.up_button,
            editor.down_button,
            self.owner,
            self.due.check,
            self.due.edit,
        ]
