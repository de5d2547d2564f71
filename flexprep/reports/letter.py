"""The formal request letter: a UK statutory flexible working request.

Since 6 April 2024 such a request (Employment Rights Act 1996, s. 80F, as amended by
the Employment Relations (Flexible Working) Act 2023) must be in writing, say that it
is a statutory request, give its date, the change asked for and the proposed start
date, and say whether and when an earlier request was made. It no longer has to
explain the effect on the employer, so this letter does not. Built from
:func:`manager_view` only.
"""

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


def _change(doc: DocBuilder, view: dict[str, Any]) -> None:
    doc.heading("The change I am asking for", 2)
    asks = [ask for ask in view["asks"] if clean(ask["title"]) or clean(ask["details"])]
    plan = view["plan"]
    rows = sections.schedule_rows(plan, compact=True)
    if asks:
        doc.paragraph("I am asking to change my hours, times or place of work as follows:")
        doc.bullets(
            [
                [
                    (ask["title"], ""),
                    (f" \u2014 {clean(ask['details'])}" if clean(ask["details"]) else "", ""),
                ]
                for ask in asks
            ]
        )
    if rows:
        doc.paragraph(
            "My proposed working week would be:"
            if asks
            else "I am asking to change my working week to the following:",
            keep_with_next=True,
        )
        doc.table(["Day", "Place of work", "Hours"], rows, [1.2, 1.4, 1.6], span=0.6)
    if clean(plan["core_hours"]):
        doc.paragraph(f"I would be available during core hours of {clean(plan['core_hours'])}.")
    if not asks and not rows:
        doc.paragraph("I would like to discuss a change to my hours, times or place of work.")


def _start(doc: DocBuilder, view: dict[str, Any]) -> None:
    request, plan = view["request"], view["plan"]
    start = request["proposed_start"] or plan["trial_start"]
    doc.heading("Proposed start date", 2)
    if clean(start):
        doc.paragraph(f"I would like the change to take effect from {model.show_date(start)}.")
    else:
        doc.paragraph("I would like the change to take effect from a date we agree together.")
    trial = sections.trial_period(plan)
    if plan["trial_weeks"]:
        review = model.show_date(plan["review_date"])
        doc.paragraph(
            f"I would be happy to begin with a trial period ({trial[0].lower()}{trial[1:]})"
            + (f", reviewed on {review}" if review else "")
            + "."
        )


def _previous(doc: DocBuilder, view: dict[str, Any]) -> None:
    previous = view["request"]["previous_requests"]
    doc.heading("Previous requests", 2)
    if previous:
        dates = ", ".join(model.show_date(day) for day in previous)
        doc.paragraph(f"I made a previous statutory request for flexible working on {dates}.")
    elif previous is not None:
        doc.paragraph("I have not made a previous statutory request for flexible working.")


def build(wb: dict[str, Any], *, today: date, dpi: int, step: Callable[[], None]) -> DocBuilder:
    """The letter for ``wb``, dated ``today``; everything comes from ``manager_view(wb)``."""
    view = manager_view(wb)
    name, manager = view["name"], clean(view["manager"])
    doc = DocBuilder()
    doc.properties(
        f"{vocab.DOCUMENTS['letter']} \u2014 {name}", "Statutory flexible working request"
    )
    doc.furniture("Statutory flexible working request")
    doc.title_block(
        "Statutory flexible working request",
        name,
        [f"To {manager}" if manager else "", f"Date of request: {model.format_date(today)}"],
    )
    doc.paragraph(f"Dear {manager}," if manager else "Dear Sir or Madam,")
    doc.paragraph(
        "This is a statutory request for flexible working under section 80F of the "
        "Employment Rights Act 1996, as amended. I am making it in writing on "
        f"{model.format_date(today)}."
    )
    step()
    _change(doc, view)
    _start(doc, view)
    _previous(doc, view)
    doc.paragraph(
        "I understand that you will consult me before reaching a decision if you are "
        "minded to refuse, and that the decision, including any appeal, should be given "
        "within two months of this request unless we agree a longer period. I would "
        "welcome the chance to discuss it with you.",
        keep_with_next=True,
    )
    doc.paragraph("Yours sincerely,", keep_with_next=True)
    doc.spacer(30, keep_with_next=True)
    doc.paragraph("Signature: ______________________________", keep_with_next=True)
    doc.paragraph("Name: _________________________________")
    step()
    return doc
