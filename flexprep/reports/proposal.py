"""The proposal: a manager-facing leave-behind, built only from :func:`manager_view`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from flexprep.core import vocab
from flexprep.reports import model, sections
from flexprep.reports.docxkit import DocBuilder
from flexprep.reports.privacy import manager_view
from flexprep.reports.text import clean

STEPS = 3

PLAN_TITLES = {
    "schedule": "Proposed weekly pattern",
    "trial": "Trial period and review",
    "measures": "How we will measure success",
    "coverage": "Coverage, communication and escalation",
    "alternatives": "Alternatives I would consider",
}


def _asks(doc: DocBuilder, view: dict[str, Any]) -> None:
    asks = [ask for ask in view["asks"] if clean(ask["title"]) or clean(ask["details"])]
    if not asks:
        return
    doc.heading("What I am asking for", 1)
    doc.bullets(
        [
            [
                (ask["title"], "b"),
                (f" \u2014 {clean(ask['details'])}" if clean(ask["details"]) else "", ""),
            ]
            for ask in asks
        ],
        style="List Number",
    )


def _offers(doc: DocBuilder, view: dict[str, Any]) -> None:
    offers = [offer for offer in view["offers"] if clean(offer["title"]) or clean(offer["details"])]
    if not offers:
        return
    doc.heading("What I offer in return", 1)
    doc.bullets(
        [
            [
                (offer["title"], "b"),
                (f" \u2014 {clean(offer['details'])}" if clean(offer["details"]) else "", ""),
            ]
            for offer in offers
        ]
    )


def build(wb: dict[str, Any], *, today: date, dpi: int, step: Callable[[], None]) -> DocBuilder:
    """The proposal for ``wb``; everything comes from ``manager_view(wb)``."""
    view = manager_view(wb)
    name, manager = view["name"], clean(view["manager"])
    doc = DocBuilder()
    doc.properties(f"{vocab.DOCUMENTS['proposal']} \u2014 {name}", "Flexible working proposal")
    doc.furniture(f"Flexible working proposal \u2014 {clean(name)}")
    doc.title_block(
        "Flexible working proposal",
        name,
        [f"Prepared for {manager}" if manager else "", model.format_date(today)],
    )
    doc.paragraph(
        "This proposal sets out the working arrangement I would like us to agree, what I "
        "offer in return, and a trial with clear measures so that we can judge it together."
    )
    _asks(doc, view)
    _offers(doc, view)
    business_case = view["self_assessment"].get("business_case", "")
    if clean(business_case):
        doc.heading("The business case", 1)
        doc.paragraph(business_case)
    step()
    sections.evidence(doc, view["evidence"], level=1, dpi=dpi)
    sections.endorsements(
        doc,
        view["endorsements"],
        title="What colleagues and clients say",
        level=1,
        mark_sharing=False,
    )
    step()
    sections.plan(doc, view["plan"], level=1, titles=PLAN_TITLES, compact=True)
    step()
    return doc
