"""Layout helpers shared by the Plan and Meeting tabs: titled boxes, text boxes, notes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from flexprep.ui.widgets.common import GrowingTextEdit, heading_label, muted_label, name

PRIVATE_NOTE = "Private — only in My brief, never in a document for your manager."


def group(
    title: str, object_name: str, *widgets: QWidget, hint: str = "", private: bool = False
) -> QGroupBox:
    """A titled box holding ``widgets`` after an optional muted ``hint``.

    ``private`` adds the private note and says so in the title and to screen readers.
    """
    box = QGroupBox(f"{title} (private)" if private else title)
    box.setObjectName(object_name)
    layout = QVBoxLayout(box)
    if private:
        layout.addWidget(private_note())
        for widget in widgets:
            widget.setAccessibleDescription(
                " ".join(filter(None, [widget.accessibleDescription(), "Private."]))
            )
    if hint:
        layout.addWidget(muted_label(hint))
    for widget in widgets:
        layout.addWidget(widget)
    return box


def two_column_page(
    object_name: str,
    heading: str,
    intro: str,
    error: QWidget,
    left: QVBoxLayout,
    right: QVBoxLayout,
) -> QWidget:
    """A tab's page: its heading, a muted introduction, its load error, then two columns."""
    page = QWidget()
    page.setObjectName(object_name)
    column = QVBoxLayout(page)
    column.setContentsMargins(12, 12, 12, 12)
    column.addWidget(heading_label(heading))
    column.addWidget(muted_label(intro))
    column.addWidget(error)
    columns = QHBoxLayout()
    columns.setSpacing(16)
    columns.addLayout(left, 1)
    columns.addLayout(right, 1)
    column.addLayout(columns)
    return page


def text_box(object_name: str, accessible: str, hint: str) -> GrowingTextEdit:
    editor = GrowingTextEdit(min_lines=3, max_lines=12)
    name(editor, object_name, accessible)
    editor.setPlaceholderText(hint)
    return editor


def private_note() -> QLabel:
    """The small note marking a private field."""
    label = muted_label(PRIVATE_NOTE)
    label.setObjectName("private_note")
    return label


def error_label(object_name: str) -> QLabel:
    """A hidden label for an error the user should read (shown by :func:`show_error`)."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_error(label: QLabel, message: str) -> None:
    """Show ``message`` in ``label`` with a warning sign, or hide it when empty."""
    label.setText(f"⚠ {message}" if message else "")
    label.setVisible(bool(message))
