"""What the formal letters share: the request letter and the reply to a refusal.

A letter a person would send: who it is from (Who I am), to whom, the date and "Dear
Dana," as every manager-facing document has them (:mod:`flexprep.reports.people`), a
line to sign and, printed small at the end, the law it relies on and the date that law
is stated as of. Built from the manager's view only.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flexprep.core import law, vocab
from flexprep.reports import model, people
from flexprep.reports.docxkit import DocBuilder
from flexprep.reports.text import clean, one_line
from flexprep.reports.text import hours as hours_text

#: A circumstance in the first person, as the letter states it (the rule sets word
#: them for the reader of the window: "You are pregnant.").
CIRCUMSTANCE_SENTENCES: dict[str, str] = {
    "pregnant": "I am pregnant.",
    "parent": "I am the parent of, or have responsibility for the care of, a child of "
    "school age or younger.",
    "carer": "I am a carer.",
    "disability": "I have a disability.",
    "age_55": "I am 55 or older.",
    "family_violence": "I am experiencing family and domestic violence.",
    "supporting_family_violence": "I am caring for or supporting a member of my immediate "
    "family or household who is experiencing family and "
    "domestic violence.",
}
#: Ireland words its two caring circumstances differently (s.13B Parental Leave Act 1998).
IE_CIRCUMSTANCE_SENTENCES: dict[str, str] = {
    "parent": "I am asking for this arrangement to care for my child.",
    "carer": "I am asking for this arrangement to give personal care or support to a person "
    "who needs significant care or support for a serious medical reason.",
}


def heading_block(
    doc: DocBuilder, view: dict[str, Any], *, title: str, dated: date, draft: str
) -> None:
    """Title, the proposal title, any draft warning, From/To/Date and "Dear ...,"."""
    subtitle = people.document_title(view)
    doc.title_block(title, subtitle if subtitle != people.NEUTRAL_TITLE else "", [])
    if draft:
        doc.rich([("Draft, not ready to send: ", "b"), (draft, "")])
    people.letterhead(doc, view, dated)
    doc.paragraph(people.greeting(view))


def sign_off(doc: DocBuilder, about: dict[str, Any], rules: law.Rules) -> None:
    """ "Yours sincerely," with room and a line to sign (Ireland requires a signature), the
    sender's name and role and, printed small, the law it relies on and the date that
    law is stated as of (nothing for ``other``, which claims no statute).

    All in one paragraph kept whole: Writer does not always keep a chain of paragraphs
    together, and a signature must not start a page alone.
    """
    name = clean(about["name"])
    role = ", ".join(part for part in (clean(about["role"]), clean(about["team"])) if part)
    parts: list[tuple[Any, str]] = [
        ("Yours sincerely,\n\n\nSignature: ______________________________\n", ""),
        (name, "b") if name else ("Name: ______________________________", ""),
        (f"\n{role}" if role else "", ""),
    ]
    paragraph = doc.rich(parts)
    if paragraph is None:
        return
    paragraph.paragraph_format.keep_together = True
    line = law_line(rules)
    if line:
        from flexprep.reports import docxxml

        paragraph._p.append(
            docxxml.run_element(f"\n{line}", bold=False, italic=True, muted=True, size=8.5)
        )


def law_line(rules: law.Rules) -> str:
    """``Law as of 30 November 2026 · Employment Rights Act 1996, section 80F · Great
    Britain ...``; "" under no statute."""
    statute = rules.statute
    if not rules.statutory:
        return ""
    where = ", ".join(part for part in (statute.title, statute.section) if part)
    return f"Law as of {model.format_date(rules.law_as_of)} \u00b7 {where} \u00b7 {rules.name}"


def circumstance_sentence(rules: law.Rules, circumstance: str | None) -> str:
    """The first-person sentence for the request's circumstance, where the law uses one."""
    if not circumstance or rules.circumstance(circumstance) is None:
        return ""
    if rules.key == "ie":
        return IE_CIRCUMSTANCE_SENTENCES.get(circumstance, "")
    return CIRCUMSTANCE_SENTENCES.get(circumstance, "")


def asks_lines(asks: list[dict[str, Any]]) -> list[list[tuple[Any, str]]]:
    """Bullet parts for asks: the title, then " — details"."""
    return [
        [
            (one_line(ask["title"]), ""),
            (f" \u2014 {clean(ask['details'])}" if clean(ask["details"]) else "", ""),
        ]
        for ask in asks
    ]


def requested(view: dict[str, Any]) -> list[dict[str, Any]]:
    """The asks in the formal request, in the manager's order."""
    return [
        ask
        for ask in view["asks"]
        if ask["in_request"] is True and (clean(ask["title"]) or clean(ask["details"]))
    ]


def _slot(entry: dict[str, Any] | None) -> str:
    if not entry:
        return ""
    where = vocab.WHERE.get(entry.get("where", ""), "")
    hours = hours_text(entry.get("hours"))
    return ", ".join(part for part in (where, hours) if part)


def _proposed(now: dict[str, Any] | None, then: dict[str, Any] | None, text: str) -> str:
    """The proposed day beside the present one: "No change" when it is the same place
    and says no other hours."""
    if not then:
        return "\u2013"
    same_place = now is not None and now.get("where") == then.get("where")
    if same_place and (not clean(then.get("hours")) or _slot(now) == text):
        return "No change"
    return text


def pattern_rows(plan: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the working week: now and proposed when both are known, the
    proposed week alone otherwise (none without a proposed week).

    A weekend day that is simply off in both is left out.
    """
    current, proposed = plan.get("current_schedule") or {}, plan["schedule"] or {}
    both = bool(current) and bool(proposed)
    rows = []
    for day, label in vocab.WEEKDAYS.items():
        now, then = current.get(day), proposed.get(day)
        if not now and not then:
            continue
        now_text, then_text = _slot(now), _slot(then)
        if day in ("sat", "sun") and {now_text, then_text} <= {"", "Off"}:
            continue
        if both:
            rows.append([label, now_text or "\u2013", _proposed(now, then, then_text)])
        elif then:  # the pattern now alone says nothing about the change
            rows.append(
                [label, vocab.WHERE.get(then.get("where", ""), ""), hours_text(then.get("hours"))]
            )
    if both:
        return ["Day", "Now", "Proposed"], rows
    return ["Day", "Place of work", "Hours"], rows
