"""The reply to a refusal: an appeal, or a request to reconsider, under the request's law.

Built from ``manager_view(wb, "appeal")`` only (the one document that may carry the
recorded refusal). When the outcome is declined it sets out the reasons the decision
gave, maps the recorded grounds onto the jurisdiction's grounds, notes what the law
says the refusal lacked (no ground named, no meeting where one is required, a decision
after the answer-by date; :func:`flexprep.core.law.refusal_flags`), asks for the
reasons in writing where they are missing, proposes the trial or an alternative and
names the next step open under that law. Any other outcome gives a short draft saying
there is no refusal to reply to (the command line refuses to write it).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from flexprep.core import law, vocab
from flexprep.reports import formal, model, people, sections
from flexprep.reports.docxkit import DocBuilder
from flexprep.reports.privacy import manager_view
from flexprep.reports.text import clean

STEPS = 2

#: Where the law gives or expects an appeal to the employer, the reply is one.
_APPEAL_TITLE = {
    "gb": "Appeal against the decision on my flexible working request",
    "ni": "Appeal against the decision on my flexible working application",
}
_REPLY_TITLE = "Reply to the decision on my flexible working request"

#: A sentence per flag, in the letter's voice ({cite}: the statute; {decided}, {due}).
_FLAG_SENTENCES = {
    "no_ground": "Your decision does not say which of the grounds in {cite} it rests on, "
    "and the law allows a refusal only on one of those grounds.",
    "no_ground_reasonable": "Your decision does not say which reasonable business grounds it "
    "rests on, and {cite} allows a refusal only on such grounds.",
    "unknown_ground": "Some of the reasons given are not among the grounds that {cite} allows.",
    "no_meeting": "We did not meet to discuss my request before it was refused; {consult}",
    "late": "The decision came on {decided}, after {due}, the date by which the law required it.",
}

#: What the law asks before a refusal, ending the "no meeting" sentence.
_CONSULT = {
    "gb": "the law requires you to consult me before refusing it.",
    "ni": "the statutory procedure requires a meeting before a decision.",
    "au": "the law requires you to discuss it with me and genuinely try to reach agreement "
    "before refusing it.",
}

#: The next step open to the employee, by the rule set's ``after_refusal`` step key, in
#: the letter's voice. ``process_only``: the route concerns how the request was handled,
#: so it is named only when the refusal lacked something the law requires.
_ROUTES: dict[str, tuple[str, bool]] = {
    "tribunal": ("a complaint to an employment tribunal about how my request was handled", True),
    "informal_resolution": ("asking the Labour Relations Agency to help us resolve it", False),
    "wrc_complaint": ("a complaint to the Workplace Relations Commission", True),
    "fair_work_commission": (
        "an application to the Fair Work Commission to deal with the "
        "dispute (section 65B of the Fair Work Act 2009)",
        False,
    ),
    "labour_inspector": (
        "asking a Labour Inspector to help us resolve it and, if that does "
        "not settle it, mediation through Employment New Zealand's mediation "
        "services",
        True,
    ),
}


#: The plan's alternatives as the reply offers them ("other" says nothing to a reader).
_ALTERNATIVES = {
    "compressed_week": "a compressed week",
    "job_share": "a job share",
    "async": "more asynchronous work",
    "phased_start": "a phased start",
}


def _title(rules: law.Rules) -> str:
    return _APPEAL_TITLE.get(rules.key, _REPLY_TITLE)


def _noun(rules: law.Rules) -> str:
    return "application" if rules.key == "ni" else "request"


def _opening(doc: DocBuilder, view: dict[str, Any], rules: law.Rules, today: date) -> None:
    refusal, request = view["meeting"]["refusal"], view["request"]
    decided = model.parse_date(refusal["decided_on"])
    sent = model.parse_date(request["sent_on"])
    first = "Thank you for your decision"
    if decided is not None:
        first += f" of {model.format_date(decided)}"
    first += f" on my flexible working {_noun(rules)}"
    if sent is not None:
        first += f" of {model.format_date(sent)}"
    first += "."
    if rules.key == "ni":
        deadline = law.appeal_by(rules, decided)
        if deadline is not None and today <= deadline:
            second = (
                "I am writing to appeal against it under the statutory procedure, within "
                "14 days of receiving your written decision."
            )
        else:
            second = "I am writing to appeal against it."
    elif rules.key == "gb":
        second = "I am writing to appeal against it and to ask you to reconsider."
    else:
        second = "I am writing to ask you to reconsider it."
    doc.paragraph(f"{first} {second}")


def _grounds(doc: DocBuilder, view: dict[str, Any], rules: law.Rules) -> None:
    refusal = view["meeting"]["refusal"]
    reasons = clean(refusal["reasons"])
    known, _ = law.grounds_named(rules, refusal["grounds"])
    if not reasons and not known:
        return
    doc.heading("The reasons given", 2)
    if reasons:
        doc.paragraph("Your decision gave these reasons:", keep_with_next=True)
        doc.quote(
            reasons,
            "your decision"
            + (
                f" of {model.show_date(refusal['decided_on'])}"
                if clean(refusal["decided_on"])
                else ""
            ),
        )
    if known:
        cite = rules.grounds_cite
        doc.paragraph(
            f"As I understand them, they rest on these grounds in {cite}:"
            if cite
            else "As I understand them, they rest on these grounds:",
            keep_with_next=True,
        )
        doc.bullets([ground.label for ground in known])
        doc.paragraph(
            "I would like to understand how each of them applies to my request, "
            "and whether a trial could answer the concern."
        )


def _flags(doc: DocBuilder, view: dict[str, Any], rules: law.Rules) -> list[law.Flag]:
    refusal, request = view["meeting"]["refusal"], view["request"]
    flags = law.refusal_flags(rules, refusal, request["sent_on"])
    due = law.answer_by(rules, request["sent_on"])
    facts = {
        "consult": _CONSULT.get(rules.key, "the law requires a discussion before a refusal."),
        "cite": rules.grounds_cite or "the law",
        "decided": model.show_date(refusal["decided_on"]),
        "due": model.format_date(due),
    }
    lines = []
    for flag in flags:
        key = flag.key
        if key == "no_ground" and not rules.grounds_closed:
            key = "no_ground_reasonable"
        if key in _FLAG_SENTENCES:
            lines.append(_FLAG_SENTENCES[key].format(**facts))
    asks_reasons = any(flag.key in ("no_ground", "no_reasons") for flag in flags)
    if lines or asks_reasons:
        doc.heading("What the decision leaves out", 2)
        if lines:
            doc.bullets(lines)
        if asks_reasons:
            which = (
                f", including which of the grounds in {rules.grounds_cite} apply"
                if rules.grounds_closed
                else ""
            )
            doc.paragraph(
                "Please set out in writing the reasons for your decision"
                f"{which}, so that I can understand it and respond to it."
            )
    return flags


def _proposal(doc: DocBuilder, view: dict[str, Any], today: date) -> None:
    plan = view["plan"]
    doc.heading("What I propose", 2)
    weeks = plan["trial_weeks"]
    if weeks:
        start = model.parse_date(plan["trial_start"])
        review = model.parse_date(plan["review_date"])
        if start is not None and start > today:
            trial = sections.trial_period(plan)
            when = f"a trial period ({trial[0].lower()}{trial[1:]})" + (
                f" and review it together on {model.format_date(review)}" if review else ""
            )
        else:  # the planned dates have passed: a trial from a date we agree
            when = (
                f"a trial period of {weeks} week{'s' if weeks != 1 else ''}, from a date "
                "we agree, and review it together at its end"
            )
        doc.paragraph(
            f"I propose that we try the arrangement for {when}, so that the "
            "decision can rest on how it works in practice.",
            keep_with_next=bool(plan["success_measures"]),
        )
        measures = [item for item in plan["success_measures"] if clean(item)]
        if measures:
            doc.paragraph("We could judge it by these measures:", keep_with_next=True)
            doc.bullets(measures)
    alternatives = [_ALTERNATIVES[key] for key in plan["alternatives"] if key in _ALTERNATIVES]
    if alternatives:
        listed = (
            ", ".join(alternatives[:-1])
            + (" or " if len(alternatives) > 1 else "")
            + alternatives[-1]
        )
        doc.paragraph(
            f"If the change I asked for is not possible, I would also consider {listed} instead."
        )
    if not plan["trial_weeks"] and not alternatives:
        doc.paragraph(
            "I would welcome a conversation about a different arrangement that would "
            "work for the team as well as for me."
        )


def _next_steps(
    doc: DocBuilder, view: dict[str, Any], rules: law.Rules, flags: list[law.Flag], today: date
) -> None:
    request = view["request"]
    lines = []
    if rules.key == "ni":
        lines.append(
            "Please arrange a meeting to hear this appeal within 14 days of receiving "
            "it. I understand that I may bring a colleague, and that you will give me "
            "the outcome in writing within 14 days of that meeting."
        )
    elif rules.key == "gb":
        due = law.answer_by(rules, request["sent_on"])
        if due is not None and today > due:
            lines.append(
                f"The two-month decision period ended on {model.format_date(due)}, "
                "so I would be grateful for your decision on this appeal as soon as "
                "possible."
            )
        else:
            by = f", which ends on {model.format_date(due)}" if due else ""
            lines.append(
                "I would be grateful for your decision on this appeal within the "
                f"two-month decision period{by}, unless we agree in writing to "
                "extend it."
            )
    else:
        lines.append("I would be grateful for your reply in writing.")
    # A refusal without reasons breaks the procedure itself in Ireland (s.21 of the 2023
    # Act) and New Zealand (s.69AAE); elsewhere the missing ground is what counts.
    process = {"no_ground", "unknown_ground", "no_meeting", "late"}
    if rules.key in ("ie", "nz"):
        process.add("no_reasons")
    process_failure = any(flag.key in process for flag in flags)
    routes = [
        text
        for step in rules.after_refusal
        for text, process_only in [_ROUTES.get(step.step, ("", True))]
        if text and (process_failure or not process_only)
    ]
    if routes:
        lines.append(
            "I would much rather settle this with you directly. If we cannot, the "
            f"next step open to me is {routes[0]}."
        )
    doc.heading("Next steps", 2)
    for index, line in enumerate(lines):  # the last stays with the signature
        doc.paragraph(line, keep_with_next=index == len(lines) - 1)


def build(wb: dict[str, Any], *, today: date, dpi: int, step: Callable[[], None]) -> DocBuilder:
    """The reply to a refusal for ``wb``, dated ``today`` (never before the decision);
    from ``manager_view(wb, "appeal")``."""
    view = manager_view(wb, "appeal")
    rules = law.rules_for(view) or law.rules("other")
    declined = view["meeting"]["outcome"] == "declined"
    refusal = view["meeting"]["refusal"] if declined else None
    decided = model.parse_date(refusal["decided_on"]) if isinstance(refusal, dict) else None
    if decided is not None and decided > today:
        today = decided  # a reply is never dated before the decision it answers
    title = _title(rules)
    doc = DocBuilder()
    doc.properties(people.document_title(view), title, people.sender_name(view))
    doc.furniture(
        f"{title} \u2014 {model.format_date(today)}",
        "" if declined else "DRAFT \u2014 NO REFUSAL RECORDED",
    )
    outcome = vocab.OUTCOMES[view["meeting"]["outcome"]]
    draft = (
        ""
        if declined
        else (
            f"no refusal is recorded (the outcome is \u201c{outcome}\u201d). Record the outcome "
            "as Declined, with the reasons given and the date, to draft this reply."
        )
    )
    formal.heading_block(doc, view, title=title, dated=today, draft=draft)
    step()
    if declined:
        _opening(doc, view, rules, today)
        _grounds(doc, view, rules)
        flags = _flags(doc, view, rules)
        _proposal(doc, view, today)
        _next_steps(doc, view, rules, flags, today)
    formal.sign_off(doc, view["about"], rules)
    step()
    return doc
