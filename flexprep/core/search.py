"""Find in the open workbook: every text the user wrote, and where it lives in the window.

:func:`build_index` flattens a workbook (the file-format ``workbook`` object, as
:meth:`WorkbookService.export_data` gives it) into one list of :class:`Place` — its
tab, the anchor that tab understands, the row in a list, and the text. Building it
reads every field once; :meth:`SearchIndex.search` then only scans lowercase
strings, so it answers in milliseconds even over 10,000 objections.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

#: Self-assessment answers by key, in the order the tab shows them.
ANSWER_TITLES = {
    "goals": "Goals",
    "balance": "Balance",
    "schedule": "Schedule",
    "workload": "Workload",
    "role_fit": "Role fit",
    "work_style": "Work style",
    "focus_data": "Focus data",
    "track_record": "Track record",
    "business_case": "Business case",
    "their_interests": "Their interests",
    "constraints": "Constraints",
    "precedents": "Precedents",
    "team_impact": "Team impact",
    "timing": "Timing",
}
_PLAN_TEXTS = {
    "coverage": "Coverage",
    "communication": "Communication",
    "escalation": "Escalation",
    "response_time": "Response time",
}
SNIPPET_CHARS = 90
DEFAULT_LIMIT = 200


@dataclass(frozen=True)
class Place:
    """One text of the workbook and where the window shows it.

    ``tab`` and ``anchor`` are what :meth:`MainWindow.navigate` takes; ``row`` is the
    item's position in its list (``part``: objections, evidence, ...), or None.
    """

    tab: str
    anchor: str
    part: str
    row: int | None
    field: str
    where: str
    text: str


@dataclass(frozen=True)
class Hit:
    place: Place
    #: The text around the first match, on one line.
    snippet: str


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _places(book: dict[str, Any]) -> Iterator[Place]:
    about = book.get("about") or {}
    for key in ("name", "role", "team", "employer"):
        yield Place("assessment", "about", "about", None, key, "About you", _text(about.get(key)))
    yield Place(
        "assessment", "manager", "workbook", None, "manager", "Manager", _text(book.get("manager"))
    )
    yield Place(
        "assessment",
        "proposal_title",
        "workbook",
        None,
        "proposal_title",
        "Proposal title",
        _text(book.get("proposal_title")),
    )
    answers = book.get("self_assessment") or {}
    for key, title in ANSWER_TITLES.items():
        yield Place(
            "assessment",
            key,
            "self_assessment",
            None,
            key,
            f"Self-assessment · {title}",
            _text(answers.get(key)),
        )

    for row, ask in enumerate(book.get("asks") or []):
        label = _text(ask.get("title")) or f"Ask {row + 1}"
        for field, name in (("title", "title"), ("details", "details"), ("fallback", "fallback")):
            yield Place(
                "asks",
                "ask",
                "asks",
                row,
                field,
                f"Ask “{_short(label)}” · {name}",
                _text(ask.get(field)),
            )
    for row, offer in enumerate(book.get("offers") or []):
        for field in ("title", "details"):
            yield Place(
                "asks",
                "offers",
                "offers",
                row,
                field,
                f"What you offer · {field}",
                _text(offer.get(field)),
            )
    yield Place(
        "asks",
        "walk_away",
        "workbook",
        None,
        "walk_away",
        "Walk-away point",
        _text(book.get("walk_away")),
    )

    for row, objection in enumerate(book.get("objections") or []):
        label = _short(_text(objection.get("text")) or f"Objection {row + 1}")
        yield Place(
            "objections",
            "text",
            "objections",
            row,
            "text",
            f"Objection “{label}”",
            _text(objection.get("text")),
        )
        yield Place(
            "objections",
            "response",
            "objections",
            row,
            "response",
            f"Answer to “{label}”",
            _text(objection.get("response")),
        )

    for row, item in enumerate(book.get("evidence") or []):
        label = _short(_text(item.get("title")) or f"Evidence {row + 1}")
        for field in ("title", "details", "source"):
            yield Place(
                "evidence",
                "evidence",
                "evidence",
                row,
                field,
                f"Evidence “{label}” · {field}",
                _text(item.get(field)),
            )
    for row, item in enumerate(book.get("endorsements") or []):
        label = _short(_text(item.get("author")) or f"Endorsement {row + 1}")
        for field in ("author", "quote"):
            yield Place(
                "evidence",
                "endorsements",
                "endorsements",
                row,
                field,
                f"Endorsement from {label} · {field}",
                _text(item.get(field)),
            )

    plan = book.get("plan") or {}
    for key, title in _PLAN_TEXTS.items():
        yield Place("plan", key, "plan", None, key, f"Plan · {title}", _text(plan.get(key)))
    yield from _rows("plan", "success_measures", "Plan · success measure", plan, anchor="measures")
    yield from _rows("plan", "deliverables", "Plan · deliverable", plan)

    meeting = book.get("meeting") or {}
    yield Place(
        "meeting",
        "timing_notes",
        "meeting",
        None,
        "timing_notes",
        "Meeting · timing notes",
        _text(meeting.get("timing_notes")),
    )
    yield Place(
        "meeting", "notes", "meeting", None, "notes", "Meeting · notes", _text(meeting.get("notes"))
    )
    yield from _rows("meeting", "talking_points", "Meeting · talking point", meeting)
    yield from _rows("meeting", "next_steps", "Meeting · next step", meeting)
    yield from _rows("meeting", "trial_log", "Trial log", book)


def _rows(
    tab: str, key: str, where: str, holder: dict[str, Any], anchor: str = ""
) -> Iterator[Place]:
    """A place for each entry of the list ``holder[key]``: a text, or an object's text."""
    for row, item in enumerate(holder.get(key) or []):
        text = _text(item.get("text")) if isinstance(item, dict) else _text(item)
        yield Place(tab, anchor or key, key, row, "text", where, text)


def _short(text: str, limit: int = 40) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


class SearchIndex:
    """The workbook's texts, folded for matching; :meth:`search` finds words in them."""

    def __init__(self, places: list[Place]) -> None:
        self.places = [place for place in places if place.text.strip()]
        self._folded = [place.text.casefold() for place in self.places]

    def __len__(self) -> int:
        return len(self.places)

    def search(self, query: str, limit: int = DEFAULT_LIMIT) -> list[Hit]:
        """Places whose text holds every word of ``query`` (any case), in window order.

        At most ``limit`` hits; an empty query finds nothing.
        """
        words = query.casefold().split()
        if not words:
            return []
        first, rest = words[0], words[1:]
        hits: list[Hit] = []
        for place, folded in zip(self.places, self._folded, strict=True):
            if first in folded and all(word in folded for word in rest):
                hits.append(Hit(place, snippet(place.text, folded.find(first), len(first))))
                if len(hits) >= limit:
                    break
        return hits

    def count(self, query: str) -> int:
        """How many places match ``query`` (no limit)."""
        words = query.casefold().split()
        if not words:
            return 0
        return sum(1 for folded in self._folded if all(word in folded for word in words))


def snippet(text: str, at: int, length: int, width: int = SNIPPET_CHARS) -> str:
    """``text`` around ``text[at:at + length]`` on one line, about ``width`` characters."""
    before = max(0, at - width // 3)
    space = text.find(" ", before, at) if before > 0 else -1
    if space >= 0:  # start on a whole word
        before = space + 1
    end = min(len(text), before + width)
    piece = " ".join(text[before:end].split())
    return ("…" if before > 0 else "") + piece + ("…" if end < len(text) else "")


def build_index(workbook: dict[str, Any]) -> SearchIndex:
    """The search index of ``workbook`` (the file-format ``workbook`` object)."""
    return SearchIndex(list(_places(workbook)))
