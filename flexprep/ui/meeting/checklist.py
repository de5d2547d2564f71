"""The good-timing checklist: a few tick boxes whose long labels wrap."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QWidget

from flexprep.ui.widgets.common import name


class _ToggleLabel(QLabel):
    """A wrapping label that toggles its tick box when clicked, like a check box's text."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self._box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt naming)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self._box.toggle()
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)


class TimingChecklist(QWidget):
    """One tick box per ``{"key", "text"}`` item; ``checks_changed`` carries ticked keys."""

    checks_changed = Signal(list)

    def __init__(self, items: list[dict[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timing_checklist")
        self.boxes: dict[str, QCheckBox] = {}
        self._loading = False
        self._unknown: list[str] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(6)
        for row, item in enumerate(items):
            box = QCheckBox()
            name(box, f"timing_{item['key']}", item["text"])
            box.toggled.connect(self._on_toggled)
            label = _ToggleLabel(item["text"], box)
            grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
            self.boxes[item["key"]] = box

    def checked(self) -> list[str]:
        # Keys this version does not know (from a newer file) are kept, not dropped.
        return [key for key, box in self.boxes.items() if box.isChecked()] + self._unknown

    def set_checked(self, keys: list[str]) -> None:
        """Tick exactly ``keys`` without emitting ``checks_changed``."""
        self._unknown = [key for key in keys if key not in self.boxes]
        self._loading = True
        try:
            for key, box in self.boxes.items():
                box.setChecked(key in keys)
        finally:
            self._loading = False

    @Slot()
    def _on_toggled(self) -> None:
        if not self._loading:
            self.checks_changed.emit(self.checked())
