"""Answering the check before a manager-facing document leaves, as a user would.

The check (:class:`~flexprep.ui.shell.share_check.ShareCheckDialog`) is modal and
shows after the workbook has been read in the background, so a test arms an answer
before it starts the export; the answer clicks in the dialog once it is on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from flexprep.ui.shell.share_check import ShareCheckDialog

_timers: list[QTimer] = []  # kept alive until answered or replaced


def click_export(dialog: ShareCheckDialog) -> None:
    """Accept the check as it is (drafts left out): click "Export…"."""
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def answer_share_check(
    act: Callable[[ShareCheckDialog], None] = click_export,
) -> list[ShareCheckDialog]:
    """Run ``act`` on the next check before sending once it shows.

    Returns the list the dialog is put in when it shows (read what it said from it
    after the export: its labels outlive ``exec``). An answer not used yet is dropped
    when the next one is armed, so it never answers a later test's check.
    """
    stop_answering()
    seen: list[ShareCheckDialog] = []
    timer = QTimer()

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ShareCheckDialog) and not seen:
            seen.append(dialog)
            timer.stop()
            act(dialog)

    timer.timeout.connect(poll)
    timer.start(20)
    _timers.append(timer)
    return seen


def stop_answering() -> None:
    """Drop every armed answer (after a check that should not have shown, did not)."""
    for timer in _timers:
        timer.stop()
    _timers.clear()
