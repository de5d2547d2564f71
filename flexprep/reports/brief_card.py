"""Page 1 of *My brief*: the card read in the last ten minutes before the meeting.

The opening line (the first talking point), the must-haves with their fallbacks, the
five objections most likely to come up (the least rehearsed first among equally likely
ones) with a one-line answer and the figures of their evidence, the walk-away, and what
is still to do (docs/design.md, "Documents").
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from flexprep.core import readiness
from flexprep.core.rehearsal import latest_rating
from flexprep.reports import model, people, sections
from flexprep.reports.text import clean, one_line, shorten

if TYPE_CHECKING:
    from flexprep.reports.docxkit import DocBuilder

#: Objections on the card.
CARD_OBJECTIONS = 5
#: A one-line answer is cut (at a word) beyond this many characters.
_ANSWER_WIDTH = 230
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
#: Owners that mean the user themself.
_SELF = frozenset({"", "me", "i", "myself", "self"})
_SIZE = 9.0


def latest(objection: dict[str, Any]) -> int | None:
    """The latest rating (the one rule, :func:`latest_rating`) among rated rehearsals."""
    rated = [item for item in objection["rehearsals"] if item["confidence"] is not None]
    return latest_rating({"rehearsals": rated})


def objection_order(objections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Most likely first; among equally likely ones, the least rehearsed first.

    "Least rehearsed": the lowest latest confidence (never rehearsed lowest of all),
    then the fewest rehearsals; the list order breaks any tie left.
    """

    def key(pair: tuple[int, dict[str, Any]]) -> tuple[int, int, int, int]:
        index, item = pair
        likelihood = item["likelihood"] if item["likelihood"] is not None else 3
        return (-likelihood, latest(item) or 0, len(item["rehearsals"]), index)

    return [item for _, item in sorted(enumerate(objections), key=key)]


def one_line_answer(response: str) -> str:
    """The response's first sentence (two when the first is only an acknowledgement)."""
    sentences = [part for part in _SENTENCE_END.split(one_line(response)) if part]
    if not sentences:
        return ""
    answer = sentences[0]
    if len(answer) < 60 and len(sentences) > 1:
        answer = f"{answer} {sentences[1]}"
    return shorten(answer, _ANSWER_WIDTH)


def figure(item: dict[str, Any]) -> str:
    """A metric's numbers, ``9 hours → 5 hours``; "" when it has none."""
    from flexprep.reports.chartkit import readable_with_unit

    unit = clean(item["unit"])
    values = [item["before"], item["after"]]
    shown = [readable_with_unit(value, unit) for value in values if value is not None]
    return " \u2192 ".join(shown)


def evidence_lines(objection: dict[str, Any], evidence: dict[str, dict[str, Any]]) -> list[str]:
    """Each linked item: a metric with its numbers, anything else by its title."""
    lines = []
    for key in objection["evidence"]:
        item = evidence.get(key)
        if item is None:
            if clean(key):
                lines.append(f"{clean(key)} (no longer in the evidence)")
            continue
        title = one_line(item["title"]) or "Untitled evidence"
        numbers = figure(item) if sections.is_metric(item) else ""
        lines.append(f"{title}: {numbers}" if numbers else title)
    return lines


def rehearsal_state(objection: dict[str, Any]) -> str:
    """``likely 5/5, confidence 3/5`` or ``likely 2/5, never rehearsed``."""
    parts = []
    if objection["likelihood"] is not None:
        parts.append(f"likely {objection['likelihood']}/5")
    rating = latest(objection)
    if not objection["rehearsals"]:
        parts.append("never rehearsed")
    elif rating is not None:
        parts.append(f"confidence {rating}/5")
    return ", ".join(parts)


def mine(step: dict[str, Any], name: str) -> bool:
    """Whether a next step is the user's own (no owner, "me", or their name)."""
    owner = one_line(step["owner"]).lower()
    if owner in _SELF:
        return True
    words = name.lower().split()
    return bool(words) and owner in (name.lower(), words[0])


def _for_readiness(wb: dict[str, Any]) -> dict[str, Any]:
    """``wb`` as the readiness check expects it: only rated rehearsals, a valid meeting
    time (the documents read any workbook, the check only valid ones)."""
    moment = model.parse_datetime(wb["meeting"]["at"])
    return {
        **wb,
        "objections": [
            {
                **item,
                "rehearsals": [
                    entry for entry in item["rehearsals"] if entry["confidence"] is not None
                ],
            }
            for item in wb["objections"]
        ],
        "meeting": {**wb["meeting"], "at": moment.isoformat() if moment else None},
    }


def to_dos(wb: dict[str, Any], today: date) -> list[str]:
    """What is still open: the readiness list, worse metrics, and my own next steps."""
    items = [item.text for item in readiness.readiness(_for_readiness(wb), today)]
    for metric in wb["evidence"]:
        if sections.got_worse(metric):
            items.append(
                f"\u201c{one_line(metric['title']) or 'A metric'}\u201d got worse "
                f"({figure(metric)}): explain it, or leave it out of the proposal"
            )
    name = people.sender_name(wb)
    for step in wb["meeting"]["next_steps"]:
        due = model.parse_date(step["due"])
        if clean(step["text"]) and mine(step, name) and (due is None or due >= today):
            when = f" (by {model.format_date(due)})" if due else ""
            items.append(f"{one_line(step['text'])}{when}")
    return items


def _label(doc: DocBuilder, text: str) -> None:
    doc.heading(text, 3)


def _opening(doc: DocBuilder, points: list[str]) -> None:
    if not points:
        return
    _label(doc, "Open with")
    doc.paragraph(points[0], bold=True, size=_SIZE)


def _musts(doc: DocBuilder, asks: list[dict[str, Any]]) -> None:
    ranked = [(rank, ask) for rank, ask in enumerate(asks, start=1) if ask["priority"] == "must"]
    if not ranked:
        return
    _label(doc, "My must-haves, and where I can give way")
    for rank, ask in ranked:
        doc.rich(ask_parts(rank, ask), size=_SIZE, indent=True)


def ask_parts(rank: int, ask: dict[str, Any]) -> list[tuple[Any, str]]:
    """An ask as one paragraph: title, details, fallback, ratings, request and outcome."""
    from flexprep.core import vocab

    ratings = [
        f"{name} {ask[key]}/5"
        for key, name in (("importance", "importance"), ("resistance", "resistance"))
        if ask[key]
    ]
    extra = [*ratings]
    if ask["draft"]:
        extra.append("draft")
    if ask["in_request"]:
        extra.append("in the formal request")
    if ask["outcome"] != "open":
        extra.append(f"outcome: {vocab.ASK_OUTCOMES[ask['outcome']].lower()}")
    details, fallback, note = (clean(ask[key]) for key in ("details", "fallback", "outcome_note"))
    return [
        (f"{rank}.\t", "b"),
        (clean(ask["title"]) or "(untitled ask)", "b"),
        (f" \u2014 {details}" if details else "", ""),
        (f"\nFallback: {fallback}" if fallback else "\nNo fallback yet", ""),
        (f"  ({', '.join(extra)})" if extra else "", "m"),
        (f"\nOutcome note: {note}" if note else "", "m"),
    ]


def _objections(doc: DocBuilder, wb: dict[str, Any]) -> None:
    top = objection_order(wb["objections"])[:CARD_OBJECTIONS]
    if not top:
        return
    evidence = {item["id"]: item for item in wb["evidence"]}
    count = len(top)
    words = {2: "two", 3: "three", 4: "four", 5: "five"}
    _label(
        doc,
        f"The {words.get(count, str(count))} objections most likely to come up"
        if count > 1
        else "The objection most likely to come up",
    )
    for number, objection in enumerate(top, start=1):
        answer = one_line_answer(objection["response"]) or "No answer drafted yet."
        numbers = evidence_lines(objection, evidence)[:2]
        parts: list[tuple[Any, str]] = [
            (f"{number}.\t", "b"),
            (shorten(objection["text"], 200) or "(objection not written yet)", "b"),
            (f"  ({rehearsal_state(objection)})", "m"),
            (f"\n\u2192 {answer}", ""),
        ]
        if numbers:
            parts.append(("\nEvidence: ", "b"))
            parts.append(("; ".join(numbers), ""))
        doc.rich(parts, size=_SIZE, indent=True)


def card(doc: DocBuilder, wb: dict[str, Any], today: date) -> bool:
    """Add the card; False (and nothing added) when the workbook has nothing for it."""
    points = [point for point in wb["meeting"]["talking_points"] if clean(point)]
    todo = to_dos(wb, today)
    walk_away = clean(wb["walk_away"])
    if not (points or wb["asks"] or wb["objections"] or walk_away or todo):
        return False
    doc.heading("The last ten minutes", 1)
    _opening(doc, points)
    _musts(doc, wb["asks"])
    _objections(doc, wb)
    if walk_away:
        _label(doc, "My walk-away")
        doc.paragraph(walk_away, size=_SIZE)
    if todo:
        _label(doc, "Still to do")
        doc.checklist(["\u2610\t" + item for item in todo], size=_SIZE)
    return True
