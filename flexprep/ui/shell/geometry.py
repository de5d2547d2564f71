"""Where the window opens: a first size that fits the screen, and saved places checked."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: The size the window would like when the screen has room for it.
FIRST_SIZE = QSize(1180, 800)
#: Smaller than this, a remembered size is a leftover (say, of a maximised window).
SMALLEST_USEFUL = QSize(720, 520)
#: What a window manager adds around the window: borders and a title bar.
FRAME = QSize(16, 40)


def available_areas() -> list[QRect]:
    """Each screen's area free of panels and docks."""
    return [screen.availableGeometry() for screen in QGuiApplication.screens()]


def first_geometry(area: QRect) -> QRect:
    """The first window in ``area``: roomy, never beyond it, centred."""
    # A large screen gets a larger window: three quarters of its width, most of its height.
    width = min(max(FIRST_SIZE.width(), area.width() * 3 // 4), area.width() - FRAME.width())
    height = min(max(FIRST_SIZE.height(), area.height() * 5 // 6), area.height() - FRAME.height())
    width, height = max(width, 1), max(height, 1)
    left = area.left() + (area.width() - width) // 2
    # The title bar sits above the window's own top edge: leave room for it.
    title = FRAME.height() - FRAME.width() // 2
    top = area.top() + title + (area.height() - FRAME.height() - height) // 2
    return QRect(left, top, width, height)


def fits(geometry: QRect, areas: list[QRect]) -> bool:
    """True when ``geometry`` is a useful size and lies on one of ``areas``."""
    if geometry.width() < SMALLEST_USEFUL.width() or geometry.height() < SMALLEST_USEFUL.height():
        return False
    return any(
        area.contains(geometry.center())
        and geometry.width() <= area.width()
        and geometry.height() <= area.height()
        and geometry.top() >= area.top()
        for area in areas
    )


def area_for(geometry: QRect, areas: list[QRect]) -> QRect:
    """The area showing the centre of ``geometry``, else the first (the primary's)."""
    primary = QGuiApplication.primaryScreen()
    fallback = primary.availableGeometry() if primary is not None else QRect(0, 0, 1024, 768)
    return next(
        (a for a in areas if a.contains(geometry.center())), areas[0] if areas else fallback
    )


def place(window: QWidget, saved: QByteArray | None, areas: list[QRect] | None = None) -> None:
    """Put ``window`` where it was last, if that still fits a screen; else a first place."""
    areas = available_areas() if areas is None else areas
    if saved is not None and window.restoreGeometry(saved):
        maximised = window.isMaximized()
        normal = window.normalGeometry() if maximised else window.geometry()
        if fits(normal, areas):
            return
        # Not maximised again: un-maximising would bring back the size that did not fit.
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.setGeometry(first_geometry(area_for(normal, areas)))
        return
    primary = QGuiApplication.primaryScreen()
    area = areas[0] if areas else QRect(0, 0, 1024, 768)
    if primary is not None and primary.availableGeometry() in areas:
        area = primary.availableGeometry()
    window.setGeometry(first_geometry(area))
