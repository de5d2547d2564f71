"""What the preparation still lacks, across the whole workbook."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from flexprep.core import vocab
from flexprep.core.rehearsal import CONFIDENT, latest_rating

#: From this many days before the meeting, weak objections are called out.
NEAR_DAYS = 14
#: From this many days before the employer's answer to a formal request is due, it is
#: called out (and after that day, until an outcome is recorded).
ANSWER_NEAR_DAYS = 7


@dataclass(frozen=True)
class ReadinessItem:
    """One thing to fix: ``tab`` and ``anchor`` say where the window should take the user."""

    key: str
    text: str
    tab: str
    anchor: str = ""


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def days_to_meeting(data: dict[str, Any], today: date) -> int | None:
    at = (data.get("meeting") or {}).get("at")
    if not at:
        return None
    when = at if isinstance(at, datetime) else datetime.fromisoformat(str(at))
    return (when.date() - today).days


def readiness(data: dict[str, Any], today: date | None = None) -> list[ReadinessItem]:
    """List what the workbook (inner file-format object) still lacks, in tab order."""
    today = today or date.today()
    items: list[ReadinessItem] = []

    def add(key: str, text: str, tab: str, anchor: str = "") -> None:
        items.append(ReadinessItem(key, text, tab, anchor))

    answers = data.get("self_assessment") or {}
    missing = [k for k in vocab.PROMPT_KEYS if not (answers.get(k) or "").strip()]
    if missing:
        add(
            "prompts",
            _plural(len(missing), "self-assessment prompt is", "self-assessment prompts are")
            + " unanswered",
            "assessment",
            missing[0],
        )

    asks = data.get("asks") or []
    if not any(a["priority"] == "must" for a in asks):
        add("no_must", "No must-have yet: decide what is make-or-break", "asks", "must")
    drafts = [a for a in asks if a.get("draft")]
    if drafts:
        add(
            "ask_drafts",
            _plural(len(drafts), "ask is", "asks are") + " still a draft",
            "asks",
            "draft",
        )
    no_fallback = [a for a in asks if a["priority"] == "must" and not a["fallback"].strip()]
    if no_fallback:
        add(
            "fallbacks",
            _plural(len(no_fallback), "must-have has", "must-haves have") + " no fallback",
            "asks",
            "fallback",
        )
    if not data.get("offers"):
        add("offers", "Nothing offered in return yet", "asks", "offers")
    if not (data.get("walk_away") or "").strip():
        add("walk_away", "No walk-away position", "asks", "walk_away")

    objections = data.get("objections") or []
    if not objections:
        add("objections", "No objections chosen to prepare for", "objections", "library")
    unanswered = [o for o in objections if not o["response"].strip()]
    if unanswered:
        add(
            "responses",
            _plural(len(unanswered), "objection has", "objections have") + " no response",
            "objections",
            "response",
        )
    never = [o for o in objections if not o.get("rehearsals")]
    if never and objections:
        add(
            "unrehearsed",
            _plural(len(never), "objection was", "objections were") + " never rehearsed",
            "objections",
            "rehearse",
        )
    days = days_to_meeting(data, today)
    if days is not None and 0 <= days <= NEAR_DAYS:
        weak = [
            o for o in objections if (latest_rating(o) or 0) < CONFIDENT and o.get("rehearsals")
        ]
        if weak:
            names = "; ".join(_one_line(o["text"]) for o in weak[:3])
            more = f" and {len(weak) - 3} more" if len(weak) > 3 else ""
            add(
                "weak",
                f"Still below {CONFIDENT} with the meeting in "
                f"{_plural(days, 'day', 'days')}: {names}{more}",
                "objections",
                "rehearse",
            )

    evidence = data.get("evidence") or []
    if not evidence:
        add("evidence", "No evidence yet", "evidence", "evidence")
    elif not any(e["kind"] == "metric" for e in evidence):
        add(
            "metric",
            "No metric yet: a number before and after is hard to argue with",
            "evidence",
            "metric",
        )
    if not any(e.get("shareable") for e in data.get("endorsements") or []):
        add("endorsement", "No endorsement you may share", "evidence", "endorsements")

    plan = data.get("plan") or {}
    if not plan.get("schedule"):
        add("schedule", "No weekly schedule", "plan", "schedule")
    if not plan.get("trial_weeks") or not plan.get("trial_start"):
        add("trial", "No trial period (length and start)", "plan", "trial")
    if not plan.get("success_measures"):
        add("measures", "No success measure", "plan", "measures")
    if not plan.get("review_date"):
        add("review", "No review date", "plan", "review")
    for key, label in (
        ("coverage", "coverage and hand-offs"),
        ("communication", "communication plan"),
        ("escalation", "escalation path"),
    ):
        if not (plan.get(key) or "").strip():
            add(key, f"No {label}", "plan", key)

    meeting = data.get("meeting") or {}
    if not meeting.get("at"):
        add("meeting", "No meeting date", "meeting", "at")
    if not meeting.get("talking_points"):
        add("talking_points", "No talking points", "meeting", "talking_points")
    answer = _answer_due(data, today)
    if answer:
        add("answer_due", answer, "meeting", "sent_on")
    from flexprep.core.trial_review import review_reminder

    reminder = review_reminder(data, today)  # the trial review, when its date comes
    if reminder:
        add("trial_review", reminder, "meeting", "review")
    return items


def _answer_due(data: dict[str, Any], today: date) -> str:
    """The formal request's answer-by date when it is near or past and no answer is
    recorded yet; "" otherwise."""
    if (data.get("meeting") or {}).get("outcome", "pending") not in ("pending", "deferred"):
        return ""
    if not (data.get("request") or {}).get("sent_on"):
        return ""
    from flexprep.core import law  # only for a workbook whose request was sent

    due = law.answer_by_for(data)
    if due is None:
        return ""
    days = (due - today).days
    when = law.long_date(due)
    if days < 0:
        ago = _plural(-days, "day", "days")
        return f"The answer to your formal request was due by {when}, {ago} ago"
    if days == 0:
        return "The answer to your formal request is due today"
    if days <= ANSWER_NEAR_DAYS:
        return (
            f"The answer to your formal request is due in {_plural(days, 'day', 'days')} ({when})"
        )
    return ""


def _one_line(text: str) -> str:
    """The objection's words on one line, whole: the panel wraps them, never cuts."""
    return " ".join(text.split())
