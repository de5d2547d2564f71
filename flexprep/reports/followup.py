"""The follow-up: a written confirmation after the meeting, from :func:`manager_view`.

It is dated no earlier than the meeting; it marks each ask agreed, agreed with changes,
not agreed or still open, with its note; it sets what the manager agreed beside what
the user committed to in return (the offers); it lists next steps with who and by
when; a trial is given its start, end, check-ins and review, and is said to be
temporary. After a refusal it confirms the reasons the manager gave (never the
statutory grounds: those are the user's analysis, for the appeal), the date of the
discussion and the next step the user chose.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from flexprep.core import vocab
from flexprep.reports import model, people, sections
from flexprep.reports.docxkit import DocBuilder
from flexprep.reports.privacy import manager_view
from flexprep.reports.text import clean, one_line

STEPS = 2

_SETTLED = ("agreed", "trial")
_OUTCOME_SENTENCES = {
    "agreed": "You agreed to the change set out below. This note confirms what we agreed, "
    "so that we both have the same record of it.",
    "trial": "We agreed to try the change as a trial and to review it together. This note "
    "confirms what we agreed, so that we both have the same record of it.",
    "declined": "You explained that you are not able to agree to my request at this time. "
    "This note records our discussion and the next step I have chosen.",
    "deferred": "We agreed to come back to my request at a later date. This note records "
    "where we got to and what happens next.",
    "pending": "We have not reached a decision yet. This note records where we got to and "
    "what happens next.",
}
_GROUPS = (
    (("agreed", "changed"), "What we agreed"),
    (("declined",), "What was not agreed"),
    (("open",), "Still to be decided"),
)


def dated(view: dict[str, Any], today: date) -> date:
    """The follow-up's date: today, but never before the meeting it follows."""
    held = model.parse_date(view["meeting"]["at"])
    return max(today, held) if held else today


def _ask_line(ask: dict[str, Any]) -> list[tuple[Any, str]]:
    note = clean(ask["outcome_note"])
    marked = ask["outcome"] != "open" and not ask.get("unmarked")
    mark = vocab.ASK_OUTCOMES[ask["outcome"]]
    return [
        (one_line(ask["title"]) or "(untitled request)", "b"),
        (f" \u2014 {mark}" if marked else "", ""),
        (f": {note}" if note and marked else f" \u2014 {note}" if note else "", ""),
    ]


def _asks(doc: DocBuilder, view: dict[str, Any], outcome: str) -> None:
    """Each ask under what became of it, and the user's offers beside what was agreed.

    When the meeting agreed (or agreed a trial) but no ask has an outcome of its own
    (a version 1 workbook, or one not filled in yet), the asks are what was agreed.
    """
    settled = outcome in _SETTLED
    asks = [ask for ask in view["asks"] if clean(ask["title"]) or clean(ask["outcome_note"])]
    offers = [offer for offer in view["offers"] if clean(offer["title"])]
    if settled and all(ask["outcome"] == "open" for ask in asks):
        asks = [{**ask, "outcome": "agreed", "unmarked": True} for ask in asks]
    for outcomes, title in _GROUPS:
        group = [ask for ask in asks if ask["outcome"] in outcomes]
        if not group and not (outcomes[0] == "agreed" and settled and offers):
            continue
        doc.heading(title, 1)
        if group and outcomes[0] == "agreed":
            lead = "You agreed to try:" if outcome == "trial" else "You agreed to:"
            doc.paragraph(lead, keep_with_next=True)
        doc.bullets([_ask_line(ask) for ask in group])
        if outcomes[0] == "agreed" and settled and offers:
            doc.paragraph("In return, I committed to:", keep_with_next=True)
            doc.bullets(
                [
                    [
                        (one_line(offer["title"]), "b"),
                        (
                            f" \u2014 {clean(offer['details'])}" if clean(offer["details"]) else "",
                            "",
                        ),
                    ]
                    for offer in offers
                ]
            )


def _refusal(doc: DocBuilder, view: dict[str, Any]) -> None:
    """The reasons given and the date of the decision, when the view holds them (the
    grounds they may map to are the user's reading of the law: the appeal's alone)."""
    refusal = view["meeting"].get("refusal")
    if not isinstance(refusal, dict) or not clean(refusal.get("reasons")):
        return
    decided = model.parse_date(refusal.get("decided_on"))
    doc.heading("The reasons you gave", 1)
    doc.paragraph(
        "As I understood them"
        + (f" on {model.format_date(decided, weekday=True)}" if decided else "")
        + ", the reasons for your decision were:",
        keep_with_next=True,
    )
    doc.rich([(f"\u201c{clean(refusal['reasons'])}\u201d", "i")])


def _steps(doc: DocBuilder, view: dict[str, Any], outcome: str) -> None:
    rows = sections.step_rows(sections.later_steps(view))
    if rows:
        doc.heading("Agreed next steps" if outcome in _SETTLED else "Next steps", 1)
        doc.table(["Next step", "Who", "By when"], rows, [3.6, 1.5, 1.4])
    elif outcome == "declined":
        doc.heading("Next steps", 1)
        doc.paragraph("I will let you know in writing which next step I would like to take.")


def _trial(doc: DocBuilder, plan: dict[str, Any]) -> None:
    start, end = model.parse_date(plan["trial_start"]), model.trial_end(plan)
    review = model.parse_date(plan["review_date"])
    cadence = vocab.CHECKINS.get(plan["checkin"], "")
    checkins = [model.format_date(day, weekday=True) for day in model.checkin_dates(plan)]
    doc.heading("The trial", 1)
    doc.fields(
        [
            ("Start", model.format_date(start, weekday=True) if start else plan["trial_start"]),
            ("End", model.format_date(end, weekday=True) if end else ""),
            ("Check-ins", cadence + (": " + "; ".join(checkins) if checkins else "")),
            ("Review", model.format_date(review, weekday=True) if review else ""),
        ]
    )
    after = (
        "The change is temporary: it is a trial"
        + (f" that ends on {model.format_date(end, weekday=True)}" if end else "")
        + "."
    )
    if review:
        after += f" We will review it together on {model.format_date(review, weekday=True)}."
    after += (
        " Unless we then agree in writing to continue it, with or without changes, my "
        "working pattern returns to what it was before the trial."
    )
    doc.paragraph(after)


def _pattern(doc: DocBuilder, view: dict[str, Any], outcome: str) -> None:
    plan, request = view["plan"], view["request"]
    if not (plan["schedule"] or plan["current_schedule"]):
        return
    trial = outcome == "trial"
    start = model.show_date(request["proposed_start"] or plan["trial_start"])
    doc.heading("The working pattern during the trial" if trial else "The new working pattern", 1)
    if not trial:
        until = model.show_date(request["end_date"])
        text = f"The change starts on {start}." if start else ""
        if request["permanent"] is True:
            text += " It is a permanent change to my working pattern."
        elif request["permanent"] is False and until:
            text += (
                f" It is temporary: it lasts until {until}, after which my working "
                "pattern returns to what it was before."
            )
        if text:
            doc.paragraph(text.strip(), keep_with_next=True)
    if any(ask["outcome"] == "changed" for ask in view["asks"]):
        doc.paragraph(
            "The week as I proposed it; where we agreed changes above, those apply.",
            keep_with_next=True,
        )
    agreed = f"From {start}" if start else "Agreed"
    sections.pattern_table(
        doc, plan, current="Before", proposed="During the trial" if trial else agreed
    )
    measures = [item for item in plan["success_measures"] if clean(item)]
    if trial and measures:
        doc.heading("How we will judge the trial", 1)
        doc.bullets(measures)


def build(wb: dict[str, Any], *, today: date, dpi: int, step: Callable[[], None]) -> DocBuilder:
    """The follow-up for ``wb``; everything comes from ``manager_view(wb)``."""
    view = manager_view(wb, "followup")
    meeting, outcome = view["meeting"], view["meeting"]["outcome"]
    title = people.document_title(view)
    doc = DocBuilder()
    doc.properties(title, "Follow-up to our meeting", people.sender_name(view))
    doc.furniture(f"Follow-up \u2014 {title}")
    doc.title_block("Following up our meeting", title if title != people.NEUTRAL_TITLE else "", [])
    people.letterhead(doc, view, dated(view, today))
    doc.paragraph(people.greeting(view))
    held = model.parse_date(meeting["at"])
    when = model.format_date(held, weekday=True) if held else clean(meeting["at"])
    thanks = f"Thank you for meeting me on {when}" if when else "Thank you for meeting me"
    doc.paragraph(
        f"{thanks} to discuss my request for flexible working. {_OUTCOME_SENTENCES[outcome]}"
    )
    _asks(doc, view, outcome)
    if outcome == "declined":
        _refusal(doc, view)
    step()
    if outcome == "trial":
        _trial(doc, view["plan"])
    if outcome in _SETTLED:
        _pattern(doc, view, outcome)
    _steps(doc, view, outcome)
    if outcome in ("pending", "deferred"):
        from flexprep.reports.proposal import decide_by

        doc.paragraph(
            f"I would be grateful for your decision by {model.format_date(decide_by(view, today))}."
        )
    people.record_close(doc, view)
    step()
    return doc
