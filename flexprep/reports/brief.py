"""*My brief*: the private document with everything the user entered.

It reads the whole normalised workbook; it is the only document that does. Page 1 is
the card for the last ten minutes (:mod:`brief_card`); then the objections, most
likely first, and every other section once (docs/design.md, "Documents").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from statistics import mean
from typing import Any

from flexprep.core import vocab
from flexprep.reports import brief_card, brief_parts, model, people, plan_extras, review, sections
from flexprep.reports.docxkit import DocBuilder
from flexprep.reports.text import clean, shorten

STEPS = 6
#: Objections drawn one by one in the confidence chart (beside the overall line).
WEAKEST_IN_CHART = 3


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
    """Every objection, most likely first, then the confidence chart."""
    objections = brief_card.objection_order(wb["objections"])
    if not objections:
        return
    from flexprep.reports.charts import confidence_figure

    evidence = {item["id"]: item for item in wb["evidence"]}
    doc.heading("Objections and my responses", 1)
    doc.note(
        "Most likely first; among equally likely ones, the least rehearsed first. "
        "The first five are on page 1."
    )
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
        doc.paragraph(" \u00b7 ".join(meta), muted=True, size=9, keep_with_next=True)
        if clean(objection["response"]):
            doc.rich([("My response: ", "b"), (objection["response"], "")])
        else:
            doc.note("No response drafted yet.")
        linked = brief_card.evidence_lines(objection, evidence)
        if linked:
            doc.rich([("Evidence: ", "b"), ("; ".join(linked), "")])
        doc.paragraph(_rehearsal_line(objection), muted=True, size=9)
    figure = confidence_figure(wb["objections"], weakest=WEAKEST_IN_CHART, normalised=True)
    sections.add_chart(doc, figure, "Rehearsal confidence over time", dpi)


def _other_asks(doc: DocBuilder, wb: dict[str, Any], dpi: int) -> None:
    """The asks not on the card (nice-to-haves) and the chart of every ask."""
    from flexprep.reports.charts import asks_figure

    nice = [
        (rank, ask) for rank, ask in enumerate(wb["asks"], start=1) if ask["priority"] == "nice"
    ]
    figure = asks_figure(wb["asks"], key=False)
    if not nice and figure is None:
        return
    doc.heading("Nice-to-haves" if nice else "My asks", 1)
    for rank, ask in nice:
        doc.rich(brief_card.ask_parts(rank, ask), indent=True)
    if figure is not None:
        doc.note(
            "The numbers in the chart are the asks' numbers: must-haves on page 1"
            + (", nice-to-haves above." if nice else "."),
            keep_with_next=True,
        )
    sections.add_chart(doc, figure, "Asks: importance against resistance", dpi)


def _offers(doc: DocBuilder, wb: dict[str, Any]) -> None:
    offers = [offer for offer in wb["offers"] if clean(offer["title"]) or clean(offer["details"])]
    if offers:
        doc.heading("What I offer in return", 1)
        doc.bullets([sections.title_cell(offer["title"], offer["details"]) for offer in offers])


def _title_block(doc: DocBuilder, wb: dict[str, Any], today: date) -> None:
    manager = people.addressee_line(wb)
    when = model.format_when(wb["meeting"]["at"])
    meeting = "Meeting" + (f" with {manager}" if manager else "") + (f", {when}" if when else "")
    doc.title_block(
        "My brief",
        wb["name"],
        [meeting if manager or when else "", f"prepared {model.format_date(today)}"],
    )


def build(wb: dict[str, Any], *, today: date, dpi: int, step: Callable[[], None]) -> DocBuilder:
    """*My brief* for ``wb``: the card, the objections, then every section once."""
    full = model.normalise(wb)
    doc = DocBuilder()
    title = clean(full["proposal_title"]) or full["name"]
    doc.properties(title, "My brief: private preparation notes", people.sender_name(full))
    doc.furniture(
        f"My brief \u2014 {clean(full['name'])}",
        header="PRIVATE \u2014 my preparation, not for sharing",
    )
    _title_block(doc, full, today)
    if brief_card.card(doc, full, today):
        doc.new_page()
    step()
    _objections(doc, full, dpi)
    step()
    _other_asks(doc, full, dpi)
    _offers(doc, full)
    step()
    sections.evidence(doc, full["evidence"], level=1)
    sections.endorsements(
        doc, full["endorsements"], title="Endorsements", level=1, mark_sharing=True
    )
    step()
    if brief_parts.has_plan(full["plan"]):
        doc.heading("The plan", 1)
        sections.plan(doc, full["plan"], level=2)
    plan_extras.brief(doc, full["plan"], under_plan=brief_parts.has_plan(full["plan"]))
    brief_parts.self_assessment(doc, full["self_assessment"])
    step()
    brief_parts.meeting(doc, full["meeting"], people.addressee_line(full))
    brief_parts.trial_log(doc, full["trial_log"])
    review.brief_section(doc, full)
    brief_parts.formal_request(doc, full["request"], full["plan"])
    brief_parts.people(doc, full)
    brief_parts.notes(doc, full["notes"])
    step()
    return doc
