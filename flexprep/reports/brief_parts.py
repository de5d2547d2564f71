"""Later sections of *My brief*: self-assessment, meeting, trial log, request, notes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flexprep.core import vocab
from flexprep.reports import model, sections
from flexprep.reports.text import clean

if TYPE_CHECKING:
    from flexprep.reports.docxkit import DocBuilder


def humanise(key: str) -> str:
    """A stored key as a label, when the bundled content has no wording for it."""
    return key.replace("_", " ").strip().capitalize() or key


def prompt_titles() -> dict[str, str]:
    """Prompt key to title, from the bundled prompts (the key title-cased as fallback)."""
    titles = {key: key.replace("_", " ").title() for key in vocab.PROMPT_KEYS}
    try:
        from flexprep.core import content

        titles.update({item["key"]: item["title"] for item in content.prompts()})
    except (OSError, ValueError, KeyError, TypeError):
        pass  # resources not bundled yet: keep the fallback titles
    return titles


def timing_checklist() -> list[tuple[str, str]]:
    """(key, text) of the bundled timing checklist; empty when it is not available."""
    try:
        from flexprep.core import content

        return [(item["key"], item["text"]) for item in content.timing_checklist()]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def self_assessment(doc: DocBuilder, answers: dict[str, str]) -> None:
    """Every answered prompt under its title, in the prompts' order."""
    answered = {key: text for key, text in answers.items() if clean(text)}
    if not answered:
        return
    titles = prompt_titles()
    order = list(titles) + [key for key in answered if key not in titles]
    doc.heading("Self-assessment", 1)
    for key in order:
        if key not in answered:
            continue
        doc.heading(titles.get(key) or key.replace("_", " ").title(), 2)
        if key in vocab.SHAREABLE_PROMPT_KEYS:
            doc.note("Written to be shown: this answer is the business case in the proposal.")
        doc.paragraph(answered[key])


def meeting(doc: DocBuilder, meeting: dict[str, Any], manager: str) -> None:
    """Date, outcome, timing notes and checklist, notes and next steps."""
    checks = [key for key in meeting["timing_checks"] if clean(key)]
    steps = sections.step_lines(meeting["next_steps"])
    filled = [
        meeting["at"],
        meeting["timing_notes"],
        meeting["notes"],
        *checks,
        *steps,
        *meeting["talking_points"][1:],
    ]
    if not any(clean(value) for value in filled) and meeting["outcome"] == "pending":
        return
    doc.heading("The meeting", 1)
    doc.facts(
        [
            ("When", model.format_when(meeting["at"])),
            ("With", manager),
            ("Outcome", vocab.OUTCOMES[meeting["outcome"]]),
        ]
    )
    if clean(meeting["timing_notes"]):
        doc.heading("Timing notes", 2)
        doc.paragraph(meeting["timing_notes"])
    if checks:
        doc.heading("Timing checklist", 2)
        known = timing_checklist()
        items = [("\u2611\t" if key in checks else "\u2610\t") + text for key, text in known]
        listed = {key for key, _ in known}
        items += ["\u2611\t" + humanise(clean(key)) for key in checks if key not in listed]
        doc.checklist(items)
    later = [point for point in meeting["talking_points"] if clean(point)][1:]
    if later:
        doc.heading("After the opening line", 2)
        doc.bullets(later)
    if clean(meeting["notes"]):
        doc.heading("Meeting notes", 2)
        doc.paragraph(meeting["notes"])
    if steps:
        doc.heading("Next steps", 2)
        doc.table(
            ["Next step", "Who", "By when"],
            sections.step_rows(meeting["next_steps"]),
            [3.6, 1.4, 1.4],
            size=9.5,
        )
    refusal = meeting["refusal"]
    if clean(refusal["reasons"]) or refusal["grounds"] or clean(refusal["decided_on"]):
        doc.heading("The refusal", 2)
        held = {True: "Yes", False: "No", None: ""}[refusal["meeting_held"]]
        doc.facts(
            [
                ("Decided on", model.show_date(refusal["decided_on"])),
                ("Reasons given", refusal["reasons"]),
                ("Grounds", ", ".join(humanise(key) for key in refusal["grounds"])),
                ("Meeting held", held),
            ]
        )


def trial_log(doc: DocBuilder, entries: list[dict[str, str]]) -> None:
    rows = [
        # Which entries the trial review shows the manager (ticked "Share").
        [
            model.show_date(entry["date"]),
            entry["text"],
            "Shared" if entry["shareable"] else "Private",
        ]
        for entry in entries
        if clean(entry["date"]) or clean(entry["text"])
    ]
    if rows:
        doc.heading("Trial log", 1)
        doc.table(["Date", "Entry", "With manager"], rows, [1.2, 4.0, 0.9])


def people(doc: DocBuilder, wb: dict[str, Any]) -> None:
    """Who the manager-facing documents are from and to, and the title they carry."""
    about = wb["about"]
    rows = [
        (
            "Title the manager sees",
            wb["proposal_title"]
            or "(none chosen: a neutral title is used, never this workbook's name)",
        ),
        (
            "From",
            ", ".join(
                clean(about[key])
                for key in ("name", "role", "team", "employer")
                if clean(about[key])
            ),
        ),
        ("Email", about["email"]),
        ("Employed since", model.show_date(about["employed_since"])),
        ("To", ", ".join(clean(wb[key]) for key in ("manager", "manager_role") if clean(wb[key]))),
        ("Scenario", vocab.SCENARIOS[wb["scenario"]]),
    ]
    given = [
        *(about[key] for key in about),
        wb["manager"],
        wb["manager_role"],
        wb["proposal_title"],
    ]
    if not any(clean(value) for value in given):
        return
    doc.heading("Sender, addressee and title", 1)
    doc.facts(rows)


def has_plan(plan: dict[str, Any]) -> bool:
    """Whether the plan holds anything to show."""
    values = [
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
    return bool(
        plan["schedule"] or plan["current_schedule"] or any(clean(value) for value in values)
    )


def formal_request(doc: DocBuilder, request: dict[str, Any], plan: dict[str, Any]) -> None:
    start, previous = request["proposed_start"], request["previous_requests"]
    values = [
        start,
        request["sent_on"],
        request["reason"],
        request["location"],
        request["end_date"],
        request["jurisdiction"],
        request["circumstance"],
    ]
    if not any(clean(value) for value in values) and previous is None:
        return
    doc.heading("Formal request", 1)
    permanent = {True: "Permanent", False: "Temporary", None: ""}[request["permanent"]]
    doc.facts(
        [
            ("Where", vocab.JURISDICTIONS.get(request["jurisdiction"], "")),
            ("Sent on", model.show_date(request["sent_on"])),
            ("Proposed start", model.show_date(start or plan["trial_start"])),
            (
                "Change",
                permanent
                + (
                    f" until {model.show_date(request['end_date'])}"
                    if clean(request["end_date"])
                    else ""
                ),
            ),
            ("Earlier requests", earlier_requests(previous)),
            ("Circumstance", vocab.CIRCUMSTANCES.get(request["circumstance"], "")),
            ("Reason", request["reason"]),
            ("Work location", request["location"]),
            ("Reasonable adjustment", "Yes (disability-related)" if request["adjustment"] else ""),
        ]
    )


def earlier_requests(previous: list[str] | None) -> str:
    """ "None", the dates, or "not answered yet"."""
    if previous is None:
        return "Not answered yet"
    return ", ".join(model.show_date(day) for day in previous) or "None"


def notes(doc: DocBuilder, text: str) -> None:
    if clean(text):
        doc.heading("My notes", 1)
        doc.paragraph(text)
