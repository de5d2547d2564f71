"""*My brief*: the private document with everything the user entered.

It reads the whole normalised workbook; it is the only document that does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from statistics import mean
from typing import Any

from flexprep.core import vocab
from flexprep.reports import brief_parts, model, sections
from flexprep.reports.docxkit import DocBuilder
from flexprep.reports.text import clean, shorten

STEPS = 6

PLAN_TITLES = {
    "schedule": "Weekly schedule",
    "trial": "Trial and review",
    "measures": "Success measures",
    "coverage": "Coverage and communication",
    "alternatives": "Alternatives",
}


def _titled(item: dict[str, Any], extra: Any = "", extra_flags: str = "m") -> list[tuple[Any, str]]:
    details = clean(item["details"])
    return [
        (item["title"] or "(untitled)", "b"),
        (f" \u2014 {details}" if details else "", ""),
        (extra, extra_flags),
    ]


def _at_a_glance(doc: DocBuilder, wb: dict[str, Any]) -> bool:
    """The one-page summary; False (and nothing added) when there is nothing to sum up."""
    must = [ask for ask in wb["asks"] if ask["priority"] == "must"]
    nice = [ask for ask in wb["asks"] if ask["priority"] == "nice"]
    plan = wb["plan"]
    trial = sections.trial_period(plan)
    when = model.format_when(wb["meeting"]["at"])
    if not (wb["asks"] or wb["offers"] or trial or clean(wb["walk_away"]) or when):
        return False
    doc.heading("At a glance", 1)
    for title, asks in (("The ask: must-haves", must), ("Nice-to-haves", nice)):
        if asks:
            doc.heading(title, 2)
            doc.bullets(
                [
                    _titled(
                        ask,
                        f"  Fallback: {clean(ask['fallback'])}" if clean(ask["fallback"]) else "",
                    )
                    for ask in asks
                ]
            )
    if wb["offers"]:
        doc.heading("What I offer", 2)
        doc.bullets([_titled(offer) for offer in wb["offers"]])
    if trial:
        doc.heading("The trial I propose", 2)
        cadence = vocab.CHECKINS.get(plan["checkin"], "")
        review = model.show_date(plan["review_date"])
        doc.paragraph(
            trial
            + (f", with check-ins {cadence.lower()}" if cadence else "")
            + (f", reviewed on {review}" if review else "")
            + "."
        )
    if clean(wb["walk_away"]):
        doc.heading("My walk-away", 2)
        doc.paragraph(wb["walk_away"])
    if when:
        doc.note(f"Meeting: {when}" + (f" with {clean(wb['manager'])}" if wb["manager"] else ""))
    return True


def _asks(doc: DocBuilder, wb: dict[str, Any], dpi: int) -> None:
    asks = wb["asks"]
    if not asks:
        return
    from flexprep.reports.charts import asks_figure

    doc.heading("My asks", 1)
    rows = [
        [
            str(rank),
            [
                (ask["title"], "b"),
                (f"\n{clean(ask['details'])}" if clean(ask["details"]) else "", "m"),
            ],
            vocab.PRIORITIES[ask["priority"]] + (" (draft)" if ask["draft"] else "")
            + (" \u00b7 in the formal request" if ask["in_request"] else "")
            + ("" if ask["outcome"] == "open" else
               f"\nOutcome: {vocab.ASK_OUTCOMES[ask['outcome']]}")
            + (f" \u2014 {clean(ask['outcome_note'])}" if clean(ask["outcome_note"]) else ""),
            ask["fallback"],
            f"{ask['importance']}/5" if ask["importance"] else "",
            f"{ask['resistance']}/5" if ask["resistance"] else "",
        ]
        for rank, ask in enumerate(asks, start=1)
    ]
    headers = ["#", "Ask", "Priority", "Fallback", "Importance", "Resistance"]
    doc.table(headers, rows, [0.45, 2.6, 1.05, 2.2, 0.95, 0.95], size=9)
    sections.add_chart(doc, asks_figure(asks), "Asks: importance against resistance", dpi)


def _rehearsal_line(objection: dict[str, Any]) -> str:
    rated = [item for item in objection["rehearsals"] if item["confidence"]]
    if not objection["rehearsals"]:
        return "Not rehearsed yet."
    count = len(objection["rehearsals"])
    parts = [f"Rehearsed {count} time{'s' if count != 1 else ''}"]
    if rated:
        latest = rated[-1]
        when = model.show_date(latest["at"])
        parts.append(f"latest confidence {latest['confidence']}/5" + (f" ({when})" if when else ""))
        trail = [str(item["confidence"]) for item in rated[-12:]]
        parts.append(
            "ratings " + (" \u2192 ".join(trail)) + (" (last 12)" if len(rated) > 12 else "")
        )
    seconds = [item["seconds"] for item in objection["rehearsals"] if item["seconds"] is not None]
    if seconds:
        parts.append(f"about {round(mean(seconds))} s per answer")
    return " \u00b7 ".join(parts) + "."


def _objections(doc: DocBuilder, wb: dict[str, Any], dpi: int) -> None:
    objections = wb["objections"]
    if not objections:
        return
    from flexprep.reports.charts import confidence_figure

    titles = {
        item["id"]: item["title"] or vocab.EVIDENCE_KINDS[item["kind"]] for item in wb["evidence"]
    }
    doc.heading("Objections and my responses", 1)
    sections.add_chart(doc, confidence_figure(objections), "Rehearsal confidence over time", dpi)
    for number, objection in enumerate(objections, start=1):
        text = clean(objection["text"]) or "(objection not written yet)"
        heading = shorten(text, 160)
        doc.heading(f"{number}. {heading}", 2)
        if heading != text.replace("\n", " "):
            doc.paragraph(text, italic=True)
        meta = [vocab.THEMES[objection["theme"]]]
        if objection["likelihood"]:
            meta.append(f"likelihood {objection['likelihood']}/5")
        if objection["origin"]:
            meta.append(vocab.ORIGINS[objection["origin"]].lower())
        if objection["draft"]:
            meta.append("draft \u2014 not yet in my own words")
        doc.paragraph(" \u00b7 ".join(meta), muted=True, size=9)
        if clean(objection["response"]):
            doc.rich([("My response: ", "b"), (objection["response"], "")])
        else:
            doc.note("No response drafted yet.")
        linked = [
            titles.get(key) or f"{key} (no longer in the evidence)"
            for key in objection["evidence"]
            if clean(key)
        ]
        if linked:
            doc.rich([("Evidence: ", "b"), ("; ".join(clean(title) for title in linked), "")])
        doc.paragraph(_rehearsal_line(objection), muted=True, size=9)


def build(wb: dict[str, Any], *, today: date, dpi: int, step: Callable[[], None]) -> DocBuilder:
    """*My brief* for ``wb``: the one-page summary, then every section in full."""
    full = model.normalise(wb)
    name, manager = full["name"], clean(full["manager"])
    doc = DocBuilder()
    doc.properties(f"{vocab.DOCUMENTS['brief']} \u2014 {name}", "Private preparation notes")
    doc.furniture(
        f"My brief \u2014 {clean(name)}", header="PRIVATE \u2014 my preparation, not for sharing"
    )
    doc.title_block(
        "My brief",
        name,
        [
            vocab.SCENARIOS[full["scenario"]],
            f"Meeting with {manager}" if manager else "",
            model.format_date(today),
        ],
    )
    brief_parts.people(doc, full)
    if _at_a_glance(doc, full):
        doc.page_break()
    step()
    talking = [point for point in full["meeting"]["talking_points"] if clean(point)]
    if talking:
        doc.heading("Talking points", 1)
        doc.bullets(talking)
    _asks(doc, full, dpi)
    step()
    _objections(doc, full, dpi)
    step()
    brief_parts.self_assessment(doc, full["self_assessment"])
    sections.evidence(doc, full["evidence"], level=1, dpi=dpi)
    step()
    sections.endorsements(
        doc, full["endorsements"], title="Endorsements", level=1, mark_sharing=True
    )
    if any(clean(value) for value in _plan_values(full["plan"])):
        doc.heading("The plan", 1)
        sections.plan(doc, full["plan"], level=2, titles=PLAN_TITLES)
    step()
    brief_parts.meeting(doc, full["meeting"], manager)
    brief_parts.trial_log(doc, full["trial_log"])
    brief_parts.formal_request(doc, full["request"], full["plan"])
    brief_parts.notes(doc, full["notes"])
    step()
    return doc


def _plan_values(plan: dict[str, Any]) -> list[Any]:
    return [
        *plan["schedule"],
        plan["trial_weeks"] and str(plan["trial_weeks"]),
        plan["trial_start"],
        plan["checkin"],
        *plan["success_measures"],
        plan["coverage"],
        plan["communication"],
        plan["core_hours"],
        plan["response_time"],
        plan["escalation"],
        *plan["alternatives"],
        plan["review_date"],
    ]
