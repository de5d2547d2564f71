"""The trial review: how the trial went and what was decided, from :func:`manager_view`.

A manager-facing record of the review held after the trial (docs/design.md,
"Documents"): the date it was held, each success measure beside its result, the
trial-log entries the user chose to share (the others never reach the view), the
decision (renew, adjust or end), the conditions for renewing or adjusting it, and the
date of the next review. Same look as the follow-up: From / To / Date, greeting,
signature.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from flexprep.reports import model, people, plan_extras, sections
from flexprep.reports.docxkit import DocBuilder
from flexprep.reports.privacy import manager_view
from flexprep.reports.text import clean

STEPS = 2

_DECISIONS = {
    "renew": "We agreed to continue the arrangement as it is.",
    "adjust": "We agreed to continue the arrangement with the changes below.",
    "end": "We agreed to end the arrangement; my working pattern returns to what it was "
    "before the trial.",
    "": "We have not decided yet whether to continue the arrangement.",
}
_CONDITIONS = {
    "renew": "Conditions for continuing",
    "adjust": "What changes, and the conditions for continuing",
    "end": "What happens next",
    "": "What we still need to settle",
}


def result_rows(view: dict[str, Any]) -> list[list[str]]:
    """(Measure, Result) rows: each recorded result, then agreed measures not yet reviewed."""
    review, plan = view["trial_review"], view["plan"]
    rows = [
        [item["measure"], clean(item["result"]) or "Not recorded"]
        for item in review["results"]
        if clean(item["measure"]) or clean(item["result"])
    ]
    seen = {clean(item["measure"]) for item in review["results"]}
    rows.extend(
        [measure, "Not recorded"]
        for measure in plan["success_measures"]
        if clean(measure) and clean(measure) not in seen
    )
    return rows


def log_rows(view: dict[str, Any]) -> list[list[str]]:
    """(Date, Entry) rows of the trial-log entries the user marked to share."""
    return [
        [model.show_date(entry["date"]) or "\u2013", entry["text"]]
        for entry in view["trial_log"]
        if entry["shareable"] is True and clean(entry["text"])
    ]


def _opening(doc: DocBuilder, view: dict[str, Any]) -> None:
    held = model.parse_date(view["trial_review"]["held_on"])
    when = model.format_date(held, weekday=True) if held else ""
    thanks = (
        f"Thank you for reviewing the trial of my flexible working arrangement with me on {when}."
        if when
        else "Thank you for reviewing the trial of my flexible working arrangement with me."
    )
    doc.paragraph(
        f"{thanks} This note records how the trial went against the measures we agreed, "
        "what we decided and when we will look at it again."
    )


def _trial(doc: DocBuilder, view: dict[str, Any]) -> None:
    plan, review = view["plan"], view["trial_review"]
    facts = [
        ("Trial period", sections.trial_period(plan)),
        ("Review held", model.show_date(review["held_on"])),
    ]
    rows = result_rows(view)
    if not rows and not any(clean(value) for _, value in facts):
        return
    doc.heading("How the trial went", 1)
    doc.fields(facts)
    doc.table(["What we said would show success", "What happened"], rows, [3, 3.4], size=9.5)
    delivered = plan_extras.deliverable_rows(plan)
    if delivered:
        doc.paragraph("What I committed to deliver:", keep_with_next=True)
        doc.table(["What", "By when", "To what standard"], delivered, [2.8, 1.2, 2.4], size=9)


def _log(doc: DocBuilder, view: dict[str, Any]) -> None:
    rows = log_rows(view)
    if rows:
        doc.heading("From my record of the trial", 1)
        doc.table(["Date", "What happened"], rows, [1.2, 5])


def _decision(doc: DocBuilder, view: dict[str, Any]) -> None:
    review = view["trial_review"]
    decision = review["decision"]
    doc.heading("What we decided", 1)
    doc.paragraph(_DECISIONS.get(decision, _DECISIONS[""]))
    if clean(review["conditions"]):
        doc.label(_CONDITIONS.get(decision, _CONDITIONS[""]))
        doc.paragraph(review["conditions"])
    following = model.show_date(review["next_review"])
    if following and decision != "end":
        doc.paragraph(f"We will review the arrangement again on {following}.")
    elif following:
        doc.paragraph(f"We will check in once more on {following}.")


def build(wb: dict[str, Any], *, today: date, dpi: int, step: Callable[[], None]) -> DocBuilder:
    """The trial review for ``wb``; everything comes from ``manager_view(wb)``."""
    view = manager_view(wb)
    title = people.document_title(view)
    doc = DocBuilder()
    doc.properties(title, "Trial review", people.sender_name(view))
    doc.furniture(f"Trial review \u2014 {title}")
    doc.title_block("Trial review", title if title != people.NEUTRAL_TITLE else "", [])
    review = view["trial_review"]
    held = model.parse_date(review["held_on"])
    if held is None or not review.get("decision"):
        missing = "the date it was held" if held is None else "the decision"
        doc.rich(
            [
                ("Draft, not ready to send: ", "b"),
                (f"{missing} is not recorded yet (Meeting & follow-up › Trial review).", ""),
            ]
        )
    people.letterhead(doc, view, max(today, held) if held else today)
    doc.paragraph(people.greeting(view))
    _opening(doc, view)
    _trial(doc, view)
    step()
    _log(doc, view)
    _decision(doc, view)
    people.record_close(doc, view)
    step()
    return doc


def brief_section(doc: DocBuilder, full: dict[str, Any]) -> None:
    """The brief's record of the review (the whole workbook; private entries included)."""
    review = full["trial_review"]
    rows = result_rows(full)
    facts = [
        ("Held on", model.show_date(review["held_on"])),
        ("Decision", _DECISIONS[review["decision"]] if review["decision"] else ""),
        ("Conditions", review["conditions"]),
        ("Next review", model.show_date(review["next_review"])),
    ]
    if not rows and not any(clean(value) for _, value in facts):
        return
    doc.heading("Trial review", 1)
    doc.facts(facts)
    doc.table(["Measure", "Result"], rows, [3, 3.4])
