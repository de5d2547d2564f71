"""The proposal: a manager-facing leave-behind, built only from :func:`manager_view`.

In the order a manager or HR reads it (docs/design.md, "Documents"): who it is from and
to; the change (the pattern now and proposed, the start, a trial or permanent); why it
works for the business; how the work and the team are covered; the trial and how it is
judged; the evidence; what colleagues say; and a closing that asks for a decision by a
date. Plain words throughout: nothing of the app's own vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from flexprep.reports import model, people, plan_extras, sections
from flexprep.reports.docxkit import DocBuilder
from flexprep.reports.privacy import manager_view
from flexprep.reports.text import clean, one_line

STEPS = 3
#: Days from the meeting (or today) to the decision the closing asks for.
DECISION_DAYS = 14
#: ... and the least notice before the start that the decision should leave.
NOTICE_DAYS = 14


def decide_by(view: dict[str, Any], today: date) -> date:
    """The date the closing asks for a decision by.

    Two weeks after the meeting (or after today, whichever is later), brought forward
    to two weeks before the proposed start when that is still ahead.
    """
    held = model.parse_date(view["meeting"]["at"])
    base = max(today, held) if held else today
    by = base + timedelta(days=DECISION_DAYS)
    start = model.parse_date(view["request"]["proposed_start"] or view["plan"]["trial_start"])
    if start is not None:
        notice = start - timedelta(days=NOTICE_DAYS)
        if base + timedelta(days=3) <= notice < by:
            by = notice
    return by


def weeks_phrase(count: int) -> str:
    """``an eight-week``, ``a twelve-week``, ``a 26-week`` (with its article)."""
    words = {
        1: "one",
        2: "two",
        3: "three",
        4: "four",
        5: "five",
        6: "six",
        7: "seven",
        8: "eight",
        9: "nine",
        10: "ten",
        11: "eleven",
        12: "twelve",
    }
    word = words.get(count, str(count))
    vowel = word[0] in "aeiou" or str(count).startswith("8") or count in (11, 18)
    return f"{'an' if vowel else 'a'} {word}-week"


def start_and_term(view: dict[str, Any]) -> str:
    """When the change would start, and whether it is a trial, temporary or permanent."""
    plan, request = view["plan"], view["request"]
    start = model.show_date(request["proposed_start"] or plan["trial_start"])
    first = (
        f"I would like the change to start on {start}"
        if start
        else "I would like the change to start on a date we agree together"
    )
    if plan["trial_weeks"]:
        first += f", beginning with {weeks_phrase(plan['trial_weeks'])} trial (below)"
    sentences = [first + "."]
    until = model.show_date(request["end_date"])
    if request["permanent"] is True:
        sentences.append("If it works, I am asking for the change to be permanent.")
    elif request["permanent"] is False and until:
        sentences.append(
            f"I am asking for the arrangement to last until {until}; after "
            "that my working pattern would return to what it is now."
        )
    elif request["permanent"] is False:
        sentences.append("I am asking for a temporary arrangement, for a period we agree.")
    return " ".join(sentences)


def _change(doc: DocBuilder, view: dict[str, Any]) -> None:
    doc.heading("The change I am asking for", 1)
    asks = [ask for ask in view["asks"] if clean(ask["title"]) or clean(ask["details"])]
    lines = [
        [
            (one_line(ask["title"]), "b"),
            (f" \u2014 {clean(ask['details'])}" if clean(ask["details"]) else "", ""),
        ]
        for ask in asks
    ]
    if len(lines) == 1:  # one ask is a sentence, not a list numbered "1."
        doc.rich(lines[0])
    elif lines:
        doc.bullets(lines, style="List Number")
    plan = view["plan"]
    if not asks and not (plan["schedule"] or plan["current_schedule"]):
        doc.paragraph("I would like to discuss a change to my working pattern.")
    if plan["schedule"] or plan["current_schedule"]:
        doc.paragraph(
            "My working week, now and as proposed (changes in bold):"
            if plan["current_schedule"] and plan["schedule"]
            else "My working week as proposed:",
            keep_with_next=True,
        )
        sections.pattern_table(doc, plan)
    doc.paragraph(start_and_term(view))


def _business_case(doc: DocBuilder, view: dict[str, Any]) -> None:
    case = view["self_assessment"].get("business_case", "")
    if clean(case):
        doc.heading("Why it works for the business", 1)
        doc.paragraph(case)


def _cover(doc: DocBuilder, view: dict[str, Any]) -> None:
    offers = [offer for offer in view["offers"] if clean(offer["title"]) or clean(offer["details"])]
    facts = sections.working_facts(view["plan"], merged=True)
    if not offers and not any(clean(value) for _, value in facts):
        return
    doc.heading("How the work and the team are covered", 1)
    if offers:
        doc.bullets(
            [
                [
                    (one_line(offer["title"]), "b"),
                    (f" \u2014 {clean(offer['details'])}" if clean(offer["details"]) else "", ""),
                ]
                for offer in offers
            ]
        )
    doc.fields(facts)


def _trial(doc: DocBuilder, view: dict[str, Any]) -> None:
    plan = view["plan"]
    facts = [
        ("Trial period", sections.trial_period(plan)),
        ("Check-ins", sections.checkin_text(plan, with_dates=True)),
        ("Review", model.show_date(plan["review_date"])),
    ]
    measures = [item for item in plan["success_measures"] if clean(item)]
    if not measures and not any(clean(value) for _, value in facts):
        return
    doc.heading("The trial and how we would judge it", 1)
    doc.fields(facts)
    if measures:
        doc.paragraph("The trial succeeds if:", keep_with_next=True)
        doc.bullets(measures)


def _metric_table(doc: DocBuilder, metrics: list[dict[str, Any]]) -> None:
    rows = [
        [
            sections.title_cell(item["title"] or "Measure", item["details"]),
            sections.value_cell(item["before"], item["before_label"], item["unit"]),
            sections.value_cell(item["after"], item["after_label"], item["unit"]),
            sections.change_text(item, plain=True),
            item["source"],
        ]
        for item in metrics
    ]
    doc.table(
        ["Measure", "Before", "After", "Change", "Source"],
        rows,
        [2.6, 1.15, 1.3, 1.05, 1.3],
        size=9,
    )


def _evidence(doc: DocBuilder, view: dict[str, Any]) -> None:
    """Metrics in one table (a chart would say the same again), then the rest.

    Research is cited by its finding and source: its details are for the user.
    """
    items = view["evidence"]
    metrics = [
        item
        for item in items
        if sections.is_metric(item) and (item["before"] is not None or item["after"] is not None)
    ]
    others = [item for item in items if not sections.is_metric(item)]
    if not metrics and not others:
        return
    doc.heading("The evidence", 1)
    if metrics:
        _metric_table(doc, metrics)
    doc.bullets(
        [
            [
                (item["title"] or "Evidence", "b"),
                (
                    f" \u2014 {clean(item['details'])}"
                    if clean(item["details"]) and item["kind"] != "research"
                    else "",
                    "",
                ),
                (f" ({clean(item['source'])})" if clean(item["source"]) else "", "m"),
            ]
            for item in others
        ]
    )


def _endorsements(doc: DocBuilder, view: dict[str, Any]) -> None:
    items = [item for item in view["endorsements"] if clean(item["quote"])]
    if not items:
        return
    doc.heading("What colleagues say", 1)
    for item in items:
        doc.short_quote(item["quote"], sections.plain_byline(item))


def _closing(doc: DocBuilder, view: dict[str, Any], today: date) -> None:
    by = model.format_date(decide_by(view, today))
    doc.heading("Next step", 1)
    doc.paragraph(
        f"I would be grateful for your decision by {by}, so that there is time to "
        "arrange cover before the change begins. I am happy to talk through any part of "
        "this and to adjust the details so that it works for the team.",
        keep_with_next=True,
    )
    people.signature(doc, view)


def build(wb: dict[str, Any], *, today: date, dpi: int, step: Callable[[], None]) -> DocBuilder:
    """The proposal for ``wb``; everything comes from ``manager_view(wb)``."""
    view = manager_view(wb)
    title = people.document_title(view)
    doc = DocBuilder(compact=True)
    doc.properties(title, "Flexible working proposal", people.sender_name(view))
    doc.furniture(title)
    doc.title_block(title, "Flexible working proposal" if title != people.NEUTRAL_TITLE else "", [])
    people.letterhead(doc, view, today)
    _change(doc, view)
    _business_case(doc, view)
    step()
    _cover(doc, view)
    plan_extras.proposal_working(doc, view)
    _trial(doc, view)
    plan_extras.proposal_deliverables(doc, view)
    _evidence(doc, view)
    step()
    _endorsements(doc, view)
    _closing(doc, view, today)
    step()
    return doc
