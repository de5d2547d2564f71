"""The formal request letter, under the law of the workbook's jurisdiction.

Great Britain (s.80F Employment Rights Act 1996), Northern Ireland (Art. 112F ERO
1996), Ireland (s.20 of the 2023 Act or s.13B Parental Leave Act 1998), Australia
(s.65 Fair Work Act 2009), New Zealand (Part 6AA Employment Relations Act 2000), or
"other": a formal written request that claims no statute. What each must contain, and
the deadline the letter states, come from the cited rule sets (:mod:`flexprep.core.law`);
the letter carries every element its rule set requires once the workbook holds them.

Writing it never fails for want of an answer: an incomplete letter says at its top
what is missing (the command line refuses to write one, the window shows a checklist).
Without a jurisdiction it is drafted as "other" and claims no statute. Built from
:func:`manager_view` only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from flexprep.core import law
from flexprep.reports import formal, model, people, sections
from flexprep.reports.docxkit import DocBuilder
from flexprep.reports.privacy import manager_view
from flexprep.reports.text import clean
from flexprep.reports.text import hours as hours_text

STEPS = 2

#: The opening sentence before the rule set's own statement, where the law wants the
#: request to say it is a statutory one in so many words.
_OPENING = {
    "gb": "This is a statutory request for flexible working.",
    "ni": "This is a statutory application for flexible working.",
}
#: "request" or, in Northern Ireland's words, "application".
_NOUN = {"ni": "application"}


def _noun(rules: law.Rules) -> str:
    return _NOUN.get(rules.key, "request")


def _change(doc: DocBuilder, view: dict[str, Any], rules: law.Rules) -> None:
    asks = formal.requested(view)
    plan, request = view["plan"], view["request"]
    headers, rows = formal.pattern_rows(plan)
    location = clean(request["location"])
    if not (asks or rows or location):
        return
    doc.heading("The change I am asking for", 2)
    if asks:
        if rules.key in ("gb", "ni"):
            # Only changes to hours, times or place qualify (s.80F(1), Art. 112F(1)):
            # the asks marked for the request are the user's statement that they are.
            doc.paragraph(
                "I am asking to change my hours, my times of work or where I work, as follows:",
                keep_with_next=True,
            )
        else:
            doc.paragraph(
                "I am asking for the following change to my working arrangements:",
                keep_with_next=True,
            )
        doc.bullets(formal.asks_lines(asks))
    if rows:
        both = headers[1] == "Now"
        doc.paragraph(
            "My working week now and as I propose it:" if both else "My working week would be:",
            keep_with_next=True,
        )
        doc.table(
            headers, rows, [1.1, 1.8, 1.8] if both else [1.2, 1.4, 1.6], span=0.85 if both else 0.6
        )
    if clean(plan["core_hours"]):
        doc.paragraph(
            f"I would be available during core hours of {hours_text(plan['core_hours'])}."
        )
    if location:
        text = f"I would work from: {location}."
        if rules.requires("location") and request["circumstance"] == "remote":
            text += (
                " I will gladly give you any further information you need on whether "
                "this place is suitable for my work, as the Code of Practice asks."
            )
        doc.paragraph(text)


def _overrun_sentence(rules: law.Rules, overrun: law.Overrun) -> str:
    start = (
        f"The trial would end on {model.format_date(overrun.trial_end)}, after the date "
        f"by which the law asks for your decision ({model.format_date(overrun.answer_by)})."
    )
    extend_to = model.format_date(overrun.extend_to)
    if rules.key == "au":
        # No extension of the 21 days was found in the Act (au.json): the response
        # itself agrees to the trial.
        return (
            f"{start} I propose that your written response agree to the trial, and "
            f"that we agree in writing to settle a lasting arrangement by {extend_to}."
        )
    return (
        f"{start} I therefore propose that we agree in writing to extend the decision "
        f"period to {extend_to}, so that your decision can rest on the trial's results."
    )


def _when(
    doc: DocBuilder, view: dict[str, Any], rules: law.Rules, overrun: law.Overrun | None
) -> None:
    request, plan = view["request"], view["plan"]
    start = model.parse_date(request["proposed_start"])
    end = model.parse_date(request["end_date"])
    timing = []
    if start is not None:
        timing.append(f"I would like the change to start on {model.format_date(start)}.")
    if request["permanent"] is True:
        timing.append("I am asking for a permanent change to my working arrangements.")
    elif request["permanent"] is False and end is not None:
        timing.append(
            f"I am asking for the change for a set period, ending on {model.format_date(end)}."
        )
    trial = []
    if plan["trial_weeks"]:
        period = sections.trial_period(plan)
        review = model.show_date(plan["review_date"])
        trial.append(
            f"I would be glad to begin with a trial ({period[0].lower()}{period[1:]})"
            + (f", reviewed together on {review}" if review else "")
            + "."
        )
    if overrun is not None and rules.statutory:
        trial.append(_overrun_sentence(rules, overrun))
    if timing or trial:
        doc.heading("When", 2)
        for sentences in (timing, trial):
            if sentences:
                doc.paragraph(" ".join(sentences))


def _why(doc: DocBuilder, view: dict[str, Any], rules: law.Rules) -> None:
    request = view["request"]
    lines = [formal.circumstance_sentence(rules, request["circumstance"]), clean(request["reason"])]
    if request["adjustment"] is True:
        lines.append(
            "My request is also connected with a disability, so I ask you to consider "
            "it as a reasonable adjustment as well."
        )
    lines = [line for line in lines if line]
    if lines:
        doc.heading("Why I am asking", 2)
        doc.paragraph(" ".join(lines))


def _previous(view: dict[str, Any], rules: law.Rules) -> str:
    """Whether (and when) an earlier request was made: a sentence of the opening, where
    the reader looks for it first, rather than a heading of its own."""
    previous = view["request"]["previous_requests"]
    if previous is None:
        return ""
    kind = (
        f"statutory flexible working {_noun(rules)}"
        if rules.statutory
        else "formal request for flexible working"
    )
    employer = clean(view["about"]["employer"]) or "my employer"
    if previous:
        dates = ", ".join(model.show_date(day) for day in previous)
        plural = "s" if len(previous) > 1 else ""
        return f"I made an earlier {kind}{plural} to {employer} on {dates}."
    return f"I have not made a {kind} to {employer} before."


def _effect(doc: DocBuilder, view: dict[str, Any], rules: law.Rules) -> None:
    if not rules.requires("effect_on_employer"):
        return
    plan = view["plan"]
    facts = [
        ("Cover and hand-offs", plan["coverage"]),
        ("Communication", plan["communication"]),
        ("Response time", plan["response_time"]),
        ("Escalation", plan["escalation"]),
    ]
    if not any(clean(value) for _, value in facts):
        return
    if rules.key == "nz":
        doc.heading("Changes you may need to make", 2)
        doc.paragraph(
            "If you agree to the request, I think these are the arrangements the team would need:",
            keep_with_next=True,
        )
    else:
        doc.heading("The effect on the business and how it could be dealt with", 2)
        doc.paragraph(
            "I have thought about the effect the change would have, and this is how "
            "I think it could be dealt with:",
            keep_with_next=True,
        )
    doc.facts(facts, span=0.9)


_DEADLINE = {
    "gb": "I understand that you will consult me before refusing the request, and that your "
    "decision, including any appeal, is due within two months of your receiving it"
    "{by}, unless we agree a longer period.",
    "ni": "I understand that, unless you agree to it, we will meet to discuss it within 28 days "
    "of your receiving it, that I may bring a colleague to that meeting, and that you "
    "will give me your decision in writing within 14 days of the meeting{by_latest}.",
    "ie": "I understand that you will reply to me in writing within four weeks of receiving "
    "this request{by}, and that if you refuse it you will give me your reasons in "
    "writing.",
    "au": "I understand that you will give me a written response within 21 days of receiving "
    "this request{by}, and that before refusing it you will discuss it with me and try "
    "genuinely to reach an agreement that accommodates my circumstances.",
    "nz": "I understand that you will tell me your decision in writing as soon as possible, and "
    "no later than one month after receiving this request{by}.",
}


def _closing(doc: DocBuilder, rules: law.Rules, dated: date) -> None:
    due = law.answer_by(rules, dated)
    by = f" (that is, by {model.format_date(due)})" if due else ""
    latest = (
        f" (by {model.format_date(due)} at the latest, unless we agree otherwise)" if due else ""
    )
    template = _DEADLINE.get(rules.key)
    # The last paragraph stays with the signature: a letter never ends on a page that
    # holds nothing but "Yours sincerely".
    if template is None:
        doc.paragraph(
            "I would be grateful for your reply in writing once you have had time "
            "to consider it, and I would welcome the chance to discuss it with you.",
            keep_with_next=True,
        )
        return
    doc.paragraph(
        template.format(by=by, by_latest=latest)
        + " I would welcome the chance to discuss it with you.",
        keep_with_next=True,
    )


def _opening(doc: DocBuilder, view: dict[str, Any], rules: law.Rules) -> None:
    previous = _previous(view, rules)
    if not rules.statutory:
        below = formal.requested(view) or formal.pattern_rows(view["plan"])[1]
        opening = (
            "I am writing to make a formal request for a change to my working arrangements"
            + (", as set out below." if below else ".")
        )
    else:
        opening = " ".join(
            part for part in (_OPENING.get(rules.key, ""), rules.statutory_statement) if part
        )
    doc.paragraph(" ".join(part for part in (opening, previous) if part))


def build(wb: dict[str, Any], *, today: date, dpi: int, step: Callable[[], None]) -> DocBuilder:
    """The letter for ``wb``, dated its sending date (else ``today``); from the manager view."""
    view = manager_view(wb)
    rules = law.rules_for(view) or law.rules("other")
    gaps = law.missing(view)
    dated = model.parse_date(view["request"]["sent_on"]) or today
    title = rules.letter_title
    doc = DocBuilder()
    doc.properties(people.document_title(view), title, people.sender_name(view))
    doc.furniture(
        f"{title} \u2014 {model.format_date(dated)}",
        "DRAFT \u2014 NOT READY TO SEND" if gaps else "",
    )
    draft = ""
    if gaps:
        draft = "before sending, add " + "; ".join(gap.label for gap in gaps) + "."
    formal.heading_block(doc, view, title=title, dated=dated, draft=draft)
    _opening(doc, view, rules)
    step()
    _change(doc, view, rules)
    _when(doc, view, rules, law.trial_outlasts(view, dated))
    _why(doc, view, rules)
    _effect(doc, view, rules)
    _closing(doc, rules, dated)
    formal.sign_off(doc, view["about"], rules)
    step()
    return doc
