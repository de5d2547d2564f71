"""Screenshots for a person to look at (light and dark palettes), not assertions on looks."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

_DARK = {
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#f0f0f0",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#262626",
    QPalette.ColorRole.Text: "#f0f0f0",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#f0f0f0",
    QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    QPalette.ColorRole.Highlight: "#3d6fb4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    # A dark desktop theme gives links a light colour; without these the shots would
    # show Qt's default dark blue, which no real dark theme uses.
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.LinkVisited: "#c58af9",
}


@contextmanager
def dark_palette() -> Iterator[None]:
    """The application in a dark palette for the duration."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    old = app.palette()
    dark = QPalette(old)
    for role, colour in _DARK.items():
        dark.setColor(role, QColor(colour))
    app.setPalette(dark)
    QApplication.processEvents()
    try:
        yield
    finally:
        app.setPalette(old)
        QApplication.processEvents()


def save_shot(widget: QWidget, name: str, fallback: Path) -> Path:
    """Grab ``widget`` into ``$FLEXPREP_SHOTS/name.png`` (else into ``fallback``)."""
    folder = Path(os.environ.get("FLEXPREP_SHOTS", fallback))
    folder.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    return path
