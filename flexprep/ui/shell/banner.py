"""Banners across the top of the window, and the dialog that shows text kept aside."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flexprep.core.recovery import RecoveredEdit
from flexprep.ui.widgets.common import muted_label, name

#: background, text and border colours of each kind of banner.
_COLOURS = {
    "warning": ("#fff4ce", "#3b2f00", "#d9b300"),
    "error": ("#fde7e9", "#4a0008", "#c50f1f"),
}


class Banner(QFrame):
    """A message that stays until it is dismissed (or for good, if not dismissable)."""

    show_text_requested = Signal()

    def __init__(
        self,
        object_name: str,
        kind: str = "warning",
        *,
        dismissable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName("Notice")
        back, ink, border = _COLOURS[kind]
        self.setStyleSheet(
            f"#{object_name} {{ background: {back}; border: 1px solid {border};"
            f" border-radius: 3px; }} #{object_name} QLabel {{ color: {ink}; }}"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel()
        self.label.setObjectName(f"{object_name}_text")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.show_text_button = name(
            QPushButton("Show my text"), f"{object_name}_show", "Show the text that was kept"
        )
        self.show_text_button.clicked.connect(self.show_text_requested)
        layout.addWidget(self.show_text_button)
        self.dismiss_button = name(
            QPushButton("Dismiss"), f"{object_name}_dismiss", "Dismiss this notice"
        )
        self.dismiss_button.clicked.connect(self.hide)
        self.dismiss_button.setVisible(dismissable)
        layout.addWidget(self.dismiss_button)
        self.show_text_button.hide()
        self.hide()

    def show_message(self, text: str, *, with_text: bool = False) -> None:
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self.show_text_button.setVisible(with_text)
        self.show()

    def text(self) -> str:
        return self.label.text()


class KeptTextDialog(QDialog):
    """What the user typed that is kept in the recovery file, to copy back."""

    def __init__(
        self, edits: list[RecoveredEdit], where: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kept_text_dialog")
        self.setWindowTitle("Text kept aside")
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted_label(
                f"This text could not be saved in the database. It is kept in {where}. "
                "Select it and copy it back where it belongs."
            )
        )
        self.text_view = name(QPlainTextEdit(), "kept_text", "Text kept aside")
        self.text_view.setReadOnly(True)
        self.text_view.setPlainText(
            "\n\n".join(
                f"{edit.workbook} — {edit.field} ({edit.time:%H:%M:%S}; {edit.reason})\n"
                f"{edit.text if isinstance(edit.text, str) else repr(edit.text)}"
                for edit in edits
            )
        )
        layout.addWidget(self.text_view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)
