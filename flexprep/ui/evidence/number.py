"""A number field that reads the user's locale and never throws away what was typed."""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale, Signal, Slot
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from flexprep.core.validation import MAX_EXACT_INT
from flexprep.ui.widgets import kept
from flexprep.ui.widgets.common import name
from flexprep.ui.widgets.numbers import number_text


class NotANumberError(ValueError):
    """The text is not a number in the user's locale; the message says so plainly."""


def parse_number(text: str, locale: QLocale | None = None) -> float | None:
    """Read ``text`` as the user's locale writes numbers; None for an empty field.

    ``1,5`` is one and a half in a German locale, ``1.5`` in an English one; thousands
    separators are accepted (``1,234.5`` / ``1.234,5``).

    Raises:
        NotANumberError: the text is not a finite number of reasonable size.
    """
    stripped = text.strip()
    if not stripped:
        return None
    value, ok = (locale or QLocale()).toDouble(stripped)
    if not ok or not math.isfinite(value):
        raise NotANumberError(f"‘{stripped}’ is not a number")
    if abs(value) > MAX_EXACT_INT:
        raise NotANumberError(f"‘{stripped}’ is too large a number")
    return value


class NumberEdit(QLineEdit):
    """A line edit for an optional number, with a label for its error message.

    ``value_edited`` carries a good value (or None when emptied) as the user types; a
    bad text emits nothing, shows why in :attr:`error` (place it next to the field)
    and stays in the field, so the last good value remains the saved one. The bad
    text is kept across restarts too (:mod:`flexprep.ui.widgets.kept`).
    """

    value_edited = Signal(object)

    def __init__(self, object_name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name(self, object_name, accessible)
        example = number_text(1234.5, exact=True)
        self.setPlaceholderText(f"e.g. {example}")
        self.setToolTip(f"A number as you write it here, e.g. {example}; empty for no value")
        self.error = QLabel()
        self.error.setObjectName(f"{object_name}_error")
        self.error.setWordWrap(True)
        self.error.hide()
        #: The value the field last held as a good number (what stays saved).
        self.last_good: float | None = None
        self.textEdited.connect(self._on_edited)

    def is_valid(self) -> bool:
        return not self.error.text()

    def set_value(self, value: float | None) -> None:
        """Show a stored value (no signal), or the text kept for the field, marked.

        Text that was not a number when the window last closed (see
        :mod:`flexprep.ui.widgets.kept`) comes back as it was typed, over ``value``.
        """
        kept_text = kept.recall(self)
        if kept_text is not None:
            self.set_typed_text(kept_text, value)
            return
        self.last_good = value
        self.setText(number_text(value, exact=True))
        self._show_error("")

    def set_typed_text(self, text: str, last_good: float | None) -> None:
        """Show ``text`` as if typed over ``last_good`` (no signal); a bad text says why."""
        self.last_good = last_good
        self.setText(text)
        try:
            parse_number(text)
        except NotANumberError as exc:
            self._show_error(str(exc))
        else:
            self._show_error("")

    @Slot(str)
    def _on_edited(self, text: str) -> None:
        try:
            value = parse_number(text)
        except NotANumberError as exc:
            self._show_error(str(exc))
            kept.remember(self, text)  # as typed, across restarts, until it is fixed
            return
        self._show_error("")
        kept.forget(self)
        self.last_good = value
        self.value_edited.emit(value)

    def _show_error(self, message: str) -> None:
        if message:
            kept = number_text(self.last_good, exact=True) or "no value"
            message = f"{message}: still saved as {kept}"
        self.error.setText(f"⚠ {message}" if message else "")
        self.error.setVisible(bool(message))
        self.setAccessibleDescription(message)
