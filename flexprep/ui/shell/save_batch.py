"""One batch of queued edits, written on the saver's worker thread (no Qt here).

Each edit is judged on its own: a failure keeps or sets aside that edit only, and the
others are still written. What may not be written at all (the database file is gone or
was replaced, the workbook changed or was deleted elsewhere) is never tried: it comes
back to the window, which keeps the text in a recovery file.
"""

from __future__ import annotations

import enum
import functools
import inspect
import logging
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from flexprep.core.errors import DatabaseError, FlexPrepError, NotFoundError
from flexprep.core.explain import explain, is_database_error

log = logging.getLogger(__name__)

#: Key kinds whose second part is the workbook id, not an item id.
_WORKBOOK_KEYED = {"answer", "walk_away", "plan", "Meeting", "FormalRequest"}
_KIND_LABELS = {
    "answer": "Self-assessment",
    "walk_away": "Walk-away position",
    "plan": "Plan",
    "Meeting": "Meeting",
    "FormalRequest": "Formal request",
}


class Outcome(enum.Enum):
    SAVED = "saved"
    RETRY = "retry"  # the database could not take it now (locked, full): try again
    FAILED = "failed"  # this edit cannot be saved (its item is gone, a refused value)
    CONFLICT = "conflict"  # the workbook changed elsewhere since the window read it
    GONE = "gone"  # the workbook was deleted elsewhere
    DETACHED = "detached"  # the database file was deleted, moved or replaced
    READ_ONLY = "read-only"  # the database cannot be written at all


#: Outcomes whose text goes to the recovery file instead of the database.
KEPT = {Outcome.FAILED, Outcome.CONFLICT, Outcome.GONE, Outcome.DETACHED, Outcome.READ_ONLY}


@dataclass
class Edit:
    """A queued write and what the user typed, for the recovery file if need be."""

    key: Hashable
    write: Callable[[], object]
    workbook_id: int | None = None
    workbook_name: str = ""
    text: Any = None
    typed_at: datetime = field(default_factory=datetime.now)

    @property
    def field_label(self) -> str:
        """The field in words: ``Self-assessment: goals``, ``Ask #12: title``."""
        parts = list(self.key) if isinstance(self.key, tuple) else [self.key]
        kind = str(parts[0]) if parts else "field"
        rest = parts[1:]
        if kind in _WORKBOOK_KEYED and rest and isinstance(rest[0], int):
            rest = rest[1:]
        label = _KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())
        ids = [f"#{p}" for p in rest if isinstance(p, int)]
        names = [str(p) for p in rest if not isinstance(p, int)]
        head = " ".join([label, *ids])
        return f"{head}: {', '.join(names)}" if names else head


@dataclass(frozen=True)
class Result:
    edit: Edit
    outcome: Outcome
    message: str = ""


class SaveChecks(Protocol):
    """What the worker asks before writing (the window provides it)."""

    def database_problem(self) -> str | None:
        """Why nothing may be written into the database file now, or None."""

    def workbook_problem(self, workbook_id: int) -> str | None:
        """Why this workbook may not be written (changed elsewhere), or None.

        Raises:
            NotFoundError: the workbook was deleted.
        """

    @property
    def path(self) -> Path:
        """The database file: errors name its cause (a lock names who holds it, a full
        disk is told from a failing one)."""


def typed_value(write: Callable[[], object]) -> Any:
    """The value a queued write would save, read back from the write itself.

    The tabs queue ``partial(service.update_x, ..., field=value)`` or a lambda over
    ``text``/``value``; anything else gives None (the recovery file then says so).
    """
    if isinstance(write, functools.partial):
        values = list(write.keywords.values())
        if len(values) == 1:
            return values[0]
        return dict(write.keywords) or None
    try:
        names = inspect.getclosurevars(write).nonlocals
    except (TypeError, ValueError):
        return None
    for name in ("text", "value", "values", "fields"):
        if name in names:
            return names[name]
    return None


def _locked(message: str) -> bool:
    return "locked" in message or "busy" in message


def write_batch(edits: list[Edit], checks: SaveChecks | None) -> list[Result]:
    """Write ``edits`` in order; one :class:`Result` per edit. Never raises."""
    if checks is not None:
        problem = checks.database_problem()
        if problem is not None:
            return [Result(edit, Outcome.DETACHED, problem) for edit in edits]
    where = checks.path if checks is not None else None
    results: list[Result] = []
    verdicts: dict[int, Result | None] = {}
    stopped: str | None = None
    for edit in edits:
        if stopped is not None:
            results.append(Result(edit, Outcome.RETRY, stopped))
            continue
        wid = edit.workbook_id
        if checks is not None and wid is not None:
            if wid not in verdicts:
                verdicts[wid] = _judge(checks, wid, edit)
            verdict = verdicts[wid]
            if verdict is not None:
                results.append(Result(edit, verdict.outcome, verdict.message))
                if verdict.outcome is Outcome.RETRY:
                    stopped = verdict.message
                continue
        try:
            edit.write()
        except DatabaseError as exc:
            message = explain(exc, where)
            results.append(Result(edit, Outcome.RETRY, message))
            if _locked(message):
                stopped = message  # the others would only wait on the same lock
        except FlexPrepError as exc:  # gone item, refused value: this edit only
            results.append(Result(edit, Outcome.FAILED, explain(exc, where)))
        except Exception as exc:  # noqa: BLE001 - kept, never a crash of the window
            log.exception("saving %r failed", edit.key)
            outcome = Outcome.RETRY if is_database_error(exc) else Outcome.FAILED
            results.append(Result(edit, outcome, explain(exc, where)))
        else:
            results.append(Result(edit, Outcome.SAVED))
    return results


def _judge(checks: SaveChecks, workbook_id: int, edit: Edit) -> Result | None:
    try:
        problem = checks.workbook_problem(workbook_id)
    except NotFoundError:
        name = f"“{edit.workbook_name}”" if edit.workbook_name else "this workbook"
        return Result(edit, Outcome.GONE, f"{name} was deleted outside this window")
    except Exception as exc:  # noqa: BLE001 - cannot look now: try again later
        return Result(edit, Outcome.RETRY, explain(exc, checks.path))
    return None if problem is None else Result(edit, Outcome.CONFLICT, problem)
