"""The plan's working agreement: deliverables, async rules, time zones, alternatives' details.

Used by the proposal (from :func:`~flexprep.reports.privacy.manager_view`) and the
brief (the whole workbook). The proposal asks for one thing (docs/design.md,
"Documents"): of the alternatives it shows only the lines that describe how the asked-for
pattern runs, a phased start's steps and the rules for asynchronous work, and only when
the user ticked the alternative and wrote the line. Compressed week, job share and
other alternatives stay in reserve, in the brief.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flexprep.core import vocab
from flexprep.reports import model
from flexprep.reports.text import clean
from flexprep.reports.text import hours as hours_text

if TYPE_CHECKING:
    from flexprep.reports.docxkit import DocBuilder

#: Alternatives whose detail line describes the proposed arrangement itself.
IN_PROPOSAL = ("phased_start", "async")


def deliverable_rows(plan: dict[str, Any]) -> list[list[str]]:
    """(What, By when, Standard) rows for the deliverables that say something."""
    return [
        [
            item["text"],
            model.show_date(item["due"]) or "\u2013",
            clean(item["standard"]) or "\u2013",
        ]
        for item in plan["deliverables"]
        if clean(item["text"])
    ]


def detail(plan: dict[str, Any], key: str) -> str:
    """The line of detail the user wrote for the alternative ``key`` ("" when none)."""
    return clean(plan["alternative_details"].get(key, ""))


def working_facts(plan: dict[str, Any]) -> list[tuple[str, str]]:
    """How the arrangement runs day to day, as (label, text) pairs for the proposal."""
    ticked = set(plan["alternatives"])
    facts = [
        (
            "How it would start",
            detail(plan, "phased_start") if "phased_start" in ticked else "",
        ),
        ("Time zone and overlap", hours_text(plan["time_zone"])),
        ("Written updates and calls", clean(plan["async_guidelines"])),
        ("Working asynchronously", detail(plan, "async") if "async" in ticked else ""),
    ]
    return [(label, text) for label, text in facts if text]


def proposal_working(doc: DocBuilder, view: dict[str, Any]) -> None:
    """The proposal's "day to day" facts: phasing in, time zone, async rules."""
    facts = working_facts(view["plan"])
    if facts:
        doc.heading("How we would work day to day", 1)
        doc.fields(list(facts))


def proposal_deliverables(doc: DocBuilder, view: dict[str, Any]) -> None:
    """What the user will deliver during the trial, by when and to what standard."""
    rows = deliverable_rows(view["plan"])
    if rows:
        doc.heading("What I will deliver", 1)
        doc.table(["What", "By when", "To what standard"], rows, [2.8, 1.2, 2.4], size=9)


def alternative_lines(plan: dict[str, Any]) -> list[list[tuple[str, str]]]:
    """The alternatives for the brief: each ticked one with its line, then lines kept aside.

    A line written for an alternative the user has since unticked is kept, marked so.
    """
    lines: list[list[tuple[str, str]]] = []
    ticked = plan["alternatives"]
    for key in ticked:
        line = detail(plan, key)
        lines.append([(vocab.ALTERNATIVES[key], "b"), (f" \u2014 {line}" if line else "", "")])
    for key, label in vocab.ALTERNATIVES.items():
        if key not in ticked and detail(plan, key):
            lines.append([(label, "b"), (f" (not ticked) \u2014 {detail(plan, key)}", "")])
    return lines


def has_extras(plan: dict[str, Any]) -> bool:
    """Whether the plan holds any of the fields this module shows."""
    return bool(
        deliverable_rows(plan) or clean(plan["time_zone"]) or clean(plan["async_guidelines"])
    )


def brief(doc: DocBuilder, plan: dict[str, Any], *, under_plan: bool) -> None:
    """The brief's part: deliverables, time zone and async rules.

    The alternatives, each with its line, are in the brief's plan
    (:func:`flexprep.reports.sections.plan` reads :func:`alternative_lines`).

    ``under_plan``: the brief already opened "The plan"; otherwise this opens it.
    """
    if not has_extras(plan):
        return
    if not under_plan:
        doc.heading("The plan", 1)
    rows = deliverable_rows(plan)
    if rows:
        doc.heading("Deliverables", 2)
        doc.table(["What", "By when", "To what standard"], rows, [2.8, 1.2, 2.4], size=9)
    facts = [
        ("Time zone and overlap", hours_text(plan["time_zone"])),
        ("Written updates and calls", plan["async_guidelines"]),
    ]
    if any(clean(value) for _, value in facts):
        doc.heading("Working across time and place", 2)
        doc.facts(facts)
