"""The follow-up: a written confirmation after the meeting, from :func:`manager_view`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from flexprep.core import vocab
from flexprep.reports import model, sections
from flexprep.reports.docxkit import DocBuilder
from flexprep.reports.privacy import manager_view
from flexprep.reports.text import clean

STEPS = 2

_SETTLED = ("agreed", "trial")
_PURPOSE = {
    "agreed": "This note confirms what we agreed, so that we both have the same record of it.",
    "trial": "This note confirms what we agreed, so that we both have the same record of it.",
    "declined": "This note records the outcome, so that we both have the same record of it.",
    "deferred": "This note records what we discussed and what happens next.",
    "pending": "This note records what we discussed and what happens next.",
}
_OUTCOME_SENTENCES = {
    "agreed": "You agreed to the flexible working arrangement I asked for.",
    "trial": "We agreed to try the arrangement as a trial and to review it together.",
    "declined": "You decided not to agree to the arrangement at this time.",
    "deferred": "We agreed to come back to the request at a later date.",
    "pending": "We have not reached a decision yet.",
}


def _trial(doc: DocBuilder, plan: dict[str, Any], settled: bool) -> None:
    start, end = model.parse_date(plan["trial_start"]), model.trial_end(plan)
    weeks = plan["trial_weeks"]
    cadence = vocab.CHECKINS.get(plan["checkin"], "")
    dates = [model.format_date(day, weekday=True) for day in model.checkin_dates(plan)]
    facts = [
        ("Start", model.format_date(start, weekday=True) if start else plan["trial_start"]),
        ("End", model.format_date(end, weekday=True) if end else ""),
        ("Length", f"{weeks} week{'s' if weeks != 1 else ''}" if weeks else ""),
        ("Check-ins", cadence + (":\n" + "\n".join(dates) if dates else "")),
        (
            "Review date",
            model.format_date(model.parse_date(plan["review_date"]), weekday=True)
            or plan["review_date"],
        ),
    ]
    if any(clean(value) for _, value in facts):
        doc.heading("Trial dates" if settled else "Proposed trial dates", 1)
        doc.facts(facts, span=0.7)


def build(wb: dict[str, Any], *, today: date, dpi: int, step: Callable[[], None]) -> DocBuilder:
    """The follow-up for ``wb``; everything comes from ``manager_view(wb)``."""
    view = manager_view(wb)
    name, manager, meeting = view["name"], clean(view["manager"]), view["meeting"]
    doc = DocBuilder()
    doc.properties(f"{vocab.DOCUMENTS['followup']} \u2014 {name}", "Meeting follow-up")
    doc.furniture(f"Follow-up \u2014 {clean(name)}")
    doc.title_block(
        "Follow-up to our meeting",
        name,
        [f"To {manager}" if manager else "", model.format_date(today)],
    )
    doc.paragraph(f"Dear {manager}," if manager else "Hello,")
    held = model.parse_date(meeting["at"])
    when = model.format_date(held, weekday=True) if held else clean(meeting["at"])
    thanks = f"Thank you for meeting me on {when}" if when else "Thank you for meeting me"
    outcome = meeting["outcome"]
    doc.paragraph(f"{thanks} to discuss my flexible working request. {_PURPOSE[outcome]}")
    doc.heading("Outcome", 1)
    doc.rich(
        [
            (f"{vocab.OUTCOMES[meeting['outcome']]}. ", "b"),
            (_OUTCOME_SENTENCES[meeting["outcome"]], ""),
        ]
    )
    steps = sections.step_lines(meeting["next_steps"])
    if steps:
        doc.heading("Agreed next steps" if outcome in _SETTLED else "Next steps", 1)
        doc.bullets(steps)
    step()
    plan = view["plan"]
    if outcome != "declined":
        settled = outcome in _SETTLED
        _trial(doc, plan, settled)
        rows = sections.schedule_rows(plan, compact=True)
        if rows:
            doc.heading("Working pattern" if settled else "Proposed working pattern", 1)
            doc.table(["Day", "Where", "Hours"], rows, [1.2, 1.2, 1.6], span=0.6)
        measures = [item for item in plan["success_measures"] if clean(item)]
        if measures:
            doc.heading(
                "How we will judge the trial" if settled else "How we would judge a trial", 1
            )
            doc.bullets(measures)
    doc.paragraph(
        "If I have misunderstood or left out anything, please let me know and I will correct it."
    )
    doc.paragraph("Kind regards,")
    step()
    return doc
