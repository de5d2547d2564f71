"""Rehearsal sessions: which objection comes next, the answer clock, the summary.

No Qt here. Functions accept objections either as file-format dicts
(``export_data(wb)["objections"]``) or as :class:`~flexprep.core.models.Objection` rows.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, cast

#: Objections should reach this confidence before the meeting.
CONFIDENT = 4
#: Default time to answer aloud before the prepared response is revealed.
DEFAULT_SECONDS = 60
ASKING, REVEALED, DONE = "asking", "revealed", "done"


def _get(item: Any, key: str, default: Any = None) -> Any:
    if isinstance(item, dict):
        return item.get(key, default)
    return getattr(item, key, default)


def _moment(value: Any) -> datetime:
    """A rehearsal time (datetime, date or ISO text) as a naive datetime to compare.

    Times with a zone are compared in UTC; text that is not a time sorts first.
    """
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    else:
        try:
            moment = datetime.fromisoformat(str(value or ""))
        except ValueError:
            return datetime.min
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def latest_rating(objection: Any) -> int | None:
    """The confidence of the objection's latest rehearsal, or None when never rehearsed.

    The one rule for "latest", wherever it is shown or used: the rehearsal with the
    latest ``at`` wins; among rehearsals with the same ``at``, the one recorded last
    wins: the highest ``id`` where they carry one (database rows), otherwise the one
    listed last (files and exports list rehearsals in the order they were recorded).

    An object whose class sets ``caches_latest`` answers from its own cache (its
    ``latest``, worked out with :func:`latest_of`): lists of thousands ask many times.

    Args:
        objection: a file-format dict, an ORM row or anything with ``rehearsals``,
            each rehearsal having ``at`` and ``confidence`` (and perhaps ``id``).
    """
    if getattr(type(objection), "caches_latest", False):
        return cast(int | None, objection.latest)
    return latest_of(_get(objection, "rehearsals") or [])


def latest_of(rehearsals: Sequence[Any]) -> int | None:
    """:func:`latest_rating` of a list of rehearsals."""
    rehearsals = list(rehearsals)
    if not rehearsals:
        return None

    def recency(pair: tuple[int, Any]) -> tuple[datetime, int, int]:
        index, rehearsal = pair
        ident = _get(rehearsal, "id")
        return _moment(_get(rehearsal, "at")), -1 if ident is None else int(ident), index

    _index, latest = max(enumerate(rehearsals), key=recency)
    return int(_get(latest, "confidence"))


def order_key(objection: Any, index: int = 0) -> tuple[int, int, int, int]:
    """Sort key: never rehearsed first, then least confident, then most likely."""
    rating = latest_rating(objection)
    return (
        0 if rating is None else 1,
        rating or 0,
        -int(_get(objection, "likelihood", 3) or 3),
        index,
    )


def rehearsal_order(objections: Sequence[Any]) -> list[int]:
    """Indices of ``objections`` in the order to rehearse them.

    Never-rehearsed objections come before rehearsed ones; then the lowest latest
    confidence first; then the most likely first; ties keep the list order.
    Objections without text are left out (there is nothing to rehearse).
    """
    indices = [i for i, o in enumerate(objections) if str(_get(o, "text", "") or "").strip()]
    return sorted(indices, key=lambda i: order_key(objections[i], i))


@dataclass(frozen=True)
class Attempt:
    """One rehearsed objection: what to store with ``service.add_rehearsal``."""

    objection_id: Any
    confidence: int
    seconds: int


@dataclass(frozen=True)
class Summary:
    """The end of a session: how many were rated, the mean rating, those below 4."""

    rehearsed: int
    total: int
    average: float | None
    below: tuple[Any, ...]


@dataclass
class RehearsalSession:
    """One pass through the objections, one card at a time.

    Each card starts ``asking`` with the clock running; :meth:`reveal` (or the
    countdown running out) shows the prepared response; :meth:`rate` records a
    confidence; :meth:`advance` moves on and hands back the attempt to store.
    ``clock`` returns seconds (``time.monotonic`` by default; tests pass a fake).
    """

    objection_ids: list[Any]
    duration: float = DEFAULT_SECONDS
    clock: Callable[[], float] = time.monotonic
    index: int = 0
    phase: str = ASKING
    rating: int | None = None
    seconds: int | None = None
    attempts: list[Attempt] = field(default_factory=list)
    _started: float = 0.0
    _paused_at: float | None = None

    def __post_init__(self) -> None:
        self.objection_ids = list(self.objection_ids)
        self.duration = max(1.0, float(self.duration))
        if not self.objection_ids:
            self.phase = DONE
        self._started = self.clock()

    @property
    def current(self) -> Any:
        """The objection on the card now (None once the session is done)."""
        return None if self.phase == DONE else self.objection_ids[self.index]

    @property
    def total(self) -> int:
        return len(self.objection_ids)

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def pause(self) -> None:
        """Stop the clock where it is (the user stepped away); :meth:`resume` goes on."""
        if self.phase != DONE and self._paused_at is None:
            self._paused_at = self.clock()

    def resume(self) -> None:
        """Start the clock again from where :meth:`pause` stopped it."""
        if self._paused_at is not None:
            self._started += self.clock() - self._paused_at
            self._paused_at = None

    def elapsed(self) -> float:
        """Seconds since the card was shown (frozen at the reveal and while paused)."""
        if self.phase != ASKING:
            return float(self.seconds or 0)
        now = self.clock() if self._paused_at is None else self._paused_at
        return max(0.0, now - self._started)

    def remaining(self) -> float:
        """Seconds left on the countdown (0 once it ran out or the card is revealed)."""
        if self.phase != ASKING:
            return 0.0
        return max(0.0, self.duration - self.elapsed())

    def expired(self) -> bool:
        return self.phase == ASKING and self.remaining() <= 0

    def reveal(self) -> bool:
        """Stop the clock and show the response; False when there was nothing to reveal."""
        if self.phase != ASKING:
            return False
        self.seconds = int(round(min(self.elapsed(), self.duration)))
        self.phase = REVEALED
        return True

    def rate(self, confidence: int) -> bool:
        """Record 1-5 for the revealed card (may be changed until :meth:`advance`)."""
        if self.phase != REVEALED or not 1 <= confidence <= 5:
            return False
        self.rating = confidence
        return True

    def pending(self) -> Attempt | None:
        """The rated attempt of the current card, not yet handed back."""
        current = self.current
        if current is None or self.phase != REVEALED or self.rating is None:
            return None
        return Attempt(current, self.rating, int(self.seconds or 0))

    def advance(self) -> Attempt | None:
        """Move to the next card (unrated cards are skipped); the attempt to store."""
        attempt = self.pending()
        if attempt is not None:
            self.attempts.append(attempt)
        if self.phase == DONE:
            return None
        self.rating, self.seconds = None, None
        if self.index + 1 >= self.total:
            self.phase = DONE
        else:
            self.index += 1
            self.phase = ASKING
            self._started = self.clock()
            self._paused_at = None
        return attempt

    def end(self) -> Attempt | None:
        """Stop now; the current card's rated attempt, if any, to store."""
        attempt = self.pending()
        if attempt is not None:
            self.attempts.append(attempt)
        self.phase = DONE
        self.rating, self.seconds = None, None
        return attempt

    def summary(self) -> Summary:
        """Count, mean confidence and the objections rated below 4 in this session."""
        latest: dict[Any, int] = {}
        for attempt in self.attempts:
            latest[attempt.objection_id] = attempt.confidence
        ratings = [a.confidence for a in self.attempts]
        average = sum(ratings) / len(ratings) if ratings else None
        below = tuple(oid for oid, value in latest.items() if value < CONFIDENT)
        return Summary(len(latest), self.total, average, below)
