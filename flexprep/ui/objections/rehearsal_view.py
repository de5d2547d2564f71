"""Rehearsal mode: one objection in large type, a countdown, the reveal, a rating.

Driven by the keyboard: Space reveals, 1-5 rates, N (or Enter) goes to the next
objection, Esc ends the session; R records the spoken answer and P plays it back
(``voice``, a :class:`~flexprep.ui.objections.voice_panel.VoiceController`). The clock
is injectable so tests never wait: set ``clock`` and emit ``timer.timeout`` to tick.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from flexprep.core.errors import FlexPrepError
from flexprep.core.rehearsal import ASKING, DONE, Attempt, RehearsalSession
from flexprep.ui.objections.models import ObjectionItem
from flexprep.ui.objections.rehearsal_card import KEYS_HINT, RehearsalCard
from flexprep.ui.objections.rehearsal_summary import RehearsalSummary
from flexprep.ui.objections.voice_panel import VoiceController
from flexprep.ui.shell.context import AppContext

TICK_MS = 100


class RehearsalView(QWidget):
    """A full-size page of the tab that runs one :class:`RehearsalSession`."""

    #: The session ended (attempts are saved); the summary is showing.
    session_ended = Signal()
    #: The user left the summary.
    closed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.clock = clock
        self.session: RehearsalSession | None = None
        self.items: dict[int, ObjectionItem] = {}
        self.evidence: dict[int, Any] = {}
        self.errors: list[str] = []
        self._restart: Callable[[], None] | None = None
        self.setObjectName("rehearsal_view")
        self.setAccessibleName("Rehearsal: " + KEYS_HINT)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.card = RehearsalCard()
        self.card.reveal_clicked.connect(self.reveal)
        self.card.rate_clicked.connect(self.rate)
        self.card.next_clicked.connect(self.next_card)
        self.card.end_clicked.connect(self.end_session)
        self.voice = VoiceController(ctx, self)
        self.card.add_panel(self.voice.panel)
        self.summary = RehearsalSummary()
        self.summary.again.connect(self.restart)
        self.summary.back.connect(self.close_view)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.card)
        self.pages.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    # -- session ----------------------------------------------------------------------

    def start(
        self,
        items: Sequence[ObjectionItem],
        evidence: dict[int, Any],
        duration: float,
        restart: Callable[[], None] | None = None,
    ) -> None:
        """Rehearse ``items`` in this order; ``restart`` is called for "Rehearse again"."""
        self.items = {item.id: item for item in items}
        self.evidence = dict(evidence)
        self.errors = []
        self._restart = restart
        self.session = RehearsalSession([item.id for item in items], duration, self.clock)
        self.voice.session_started(self.session.duration)
        self.pages.setCurrentWidget(self.card)
        self.card.fit_fonts(self.height())
        self.summary.fit_fonts(self.height())
        self._show_card()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def active(self) -> bool:
        """True while a card is showing (not yet at the summary)."""
        return self.session is not None and self.session.phase != DONE

    def _current(self) -> ObjectionItem:
        assert self.session is not None
        return self.items[self.session.current]

    def _show_card(self) -> None:
        session = self.session
        if session is None or session.phase == DONE:
            self._finish()
            return
        self.card.show_question(self._current(), session.index + 1, session.total, session.duration)
        self.voice.card_shown(self._current())
        self.tick()
        self.timer.start()

    @Slot()
    def tick(self) -> None:
        """Update the countdown; reveal when it runs out."""
        session = self.session
        if session is None or session.phase != ASKING:
            self.timer.stop()
        elif session.expired():
            self.reveal(timed_out=True)
        else:
            self.card.show_time(session.remaining())

    @Slot()
    def reveal(self, timed_out: bool = False) -> None:
        """Stop the clock and show the prepared answer with its evidence."""
        session = self.session
        if session is None or not session.reveal():
            return
        self.timer.stop()
        self.voice.revealed()
        item = self._current()
        evidence = [self.evidence[i] for i in item.evidence if i in self.evidence]
        self.card.show_answer(item, evidence, int(session.seconds or 0), timed_out)

    @Slot(int)
    def rate(self, confidence: int) -> None:
        session = self.session
        if session is None:
            return
        if session.phase == ASKING:
            self.card.prompt.setText("First press Space to see your prepared answer.")
        elif session.rate(confidence):
            self.card.show_rating(confidence)

    def _store(self, attempt: Attempt | None) -> None:
        if attempt is None:
            return
        try:
            self.ctx.service.add_rehearsal(
                attempt.objection_id, attempt.confidence, attempt.seconds
            )
        except FlexPrepError as exc:
            self.errors.append(f"A rating could not be saved: {exc}")

    @Slot()
    def next_card(self) -> None:
        """Store the rating (if any) and show the next objection, or the summary."""
        session = self.session
        if session is None or session.phase == DONE:
            return
        self._store(session.advance())
        self._show_card()

    @Slot()
    def end_session(self) -> None:
        """Store the rating (if any) and show the summary."""
        session = self.session
        if session is None or session.phase == DONE:
            return
        self._store(session.end())
        self._finish()

    def _finish(self) -> None:
        self.timer.stop()
        self.voice.session_ended()
        if self.session is None:
            return
        self.summary.show_summary(self.session.summary(), list(self.items.values()), self.errors)
        self.pages.setCurrentWidget(self.summary)
        self.summary.back_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.session_ended.emit()

    @Slot()
    def restart(self) -> None:
        if self._restart is not None:
            self._restart()

    @Slot()
    def close_view(self) -> None:
        self.session = None
        self.closed.emit()

    # -- keyboard and sizing ----------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            super().keyPressEvent(event)
            return
        on_summary = self.pages.currentWidget() is self.summary
        if on_summary and key in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.close_view()
        elif on_summary and key == Qt.Key.Key_R:
            self.restart()
        elif on_summary:
            super().keyPressEvent(event)
            return
        elif key == Qt.Key.Key_Space:
            self.reveal()
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_5:
            self.rate(int(key) - int(Qt.Key.Key_0))
        elif key in (Qt.Key.Key_N, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Right):
            self.next_card()
        elif key == Qt.Key.Key_Escape:
            self.end_session()
        elif key == Qt.Key.Key_R:
            self.voice.toggle_record()
        elif key == Qt.Key.Key_P:
            self.voice.play()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def pause(self) -> None:
        """The user stepped away: the clock stops, the sound stops, the card stays."""
        session = self.session
        if session is None or session.phase == DONE or session.paused:
            return
        session.pause()
        self.timer.stop()
        self.voice.voice.stop()
        self.voice.stop_recording()

    def resume(self) -> None:
        """Back on the card as it was left: the clock goes on from where it stopped."""
        session = self.session
        if session is None or not session.paused:
            return
        session.resume()
        if session.phase == ASKING:
            self.tick()
            self.timer.start()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        # Leaving the tab pauses the session; closing the window ends it (its rating
        # saved) — the window is no longer visible by the time its pages hide.
        window = self.window()
        if self.active() and (window is self or not window.isVisible()):
            self.end_session()
        elif self.active():
            self.pause()
        super().hideEvent(event)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        if self.active():
            self.resume()  # and the keys go to the card again, never to a button behind it

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self.card.fit_fonts(self.height())
        self.summary.fit_fonts(self.height())
