"""Later sections of *My brief*: self-assessment, meeting, trial log, request, notes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flexprep.core import vocab
from flexprep.reports import model
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
    steps = [step for step in meeting["next_steps"] if clean(step)]
    filled = [meeting["at"], meeting["timing_notes"], meeting["notes"], *checks, *steps]
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
    if clean(meeting["notes"]):
        doc.heading("Meeting notes", 2)
        doc.paragraph(meeting["notes"])
    if steps:
        doc.heading("Next steps", 2)
        doc.bullets(steps)


def trial_log(doc: DocBuilder, entries: list[dict[str, str]]) -> None:
    rows = [
        [model.show_date(entry["date"]), entry["text"]]
        for entry in entries
        if clean(entry["date"]) or clean(entry["text"])
    ]
    if rows:
        doc.heading("Trial log", 1)
        doc.table(["Date", "Entry"], rows, [1.2, 4.8])


def formal_request(doc: DocBuilder, request: dict[str, str], plan: dict[str, Any]) -> None:
    start, previous = request["proposed_start"], request["previous_request"]
    if not (clean(start) or clean(previous)):
        return
    doc.heading("Formal request", 1)
    doc.facts(
        [
            ("Proposed start", model.show_date(start or plan["trial_start"])),
            ("Earlier request", model.show_date(previous) if clean(previous) else "None made"),
        ]
    )


def notes(doc: DocBuilder, text: str) -> None:
    if clean(text):
        doc.heading("My notes", 1)
        doc.paragraph(text)
