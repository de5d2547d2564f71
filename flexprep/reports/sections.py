"""Sections shared by several documents: evidence, endorsements, the plan, charts.

Each renderer takes an already normalised (or :func:`~flexprep.reports.privacy.
manager_view`) workbook part, draws only what is there, and adds no heading for an empty
section. Numbers are written as a reader says them (:func:`chartkit.readable_number`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from flexprep.core import vocab
from flexprep.reports import model
from flexprep.reports.text import clean
from flexprep.reports.text import hours as hours_text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from flexprep.reports.docxkit import DocBuilder

_EVIDENCE_GROUPS = (
    ("achievement", "Achievements"),
    ("research", "Research"),
    ("precedent", "Internal precedents"),
)
#: How an endorser is described to the manager (``other`` says nothing).
_RELATIONSHIP_WORDS = {
    "mentor": "mentor",
    "peer": "colleague",
    "client": "client",
    "manager": "manager",
    "other": "",
}


def add_chart(doc: DocBuilder, figure: Figure | None, description: str, dpi: int) -> None:
    """Render ``figure`` to PNG and place it at its own width (at most the text width)."""
    if figure is None:
        return
    from flexprep.reports.chartkit import figure_png

    png = figure_png(figure, dpi=dpi)
    doc.picture(png, figure.get_figwidth(), description)


def title_cell(title: Any, details: Any) -> list[tuple[Any, str]]:
    """Table cell parts: the title in bold, the details on a grey line below."""
    more = clean(details)
    return [(clean(title), "b"), (f"\n{more}" if more else "", "m")]


# --- evidence ----------------------------------------------------------------------


def is_metric(item: dict[str, Any]) -> bool:
    return bool(item["kind"] == "metric")


def got_worse(item: dict[str, Any]) -> bool:
    """A metric with both numbers that moved the wrong way."""
    before, after = item["before"], item["after"]
    if not is_metric(item) or before is None or after is None:
        return False
    delta = after / 2 - before / 2  # halves: never beyond a float
    return bool(delta != 0 and (delta > 0) != item["higher_is_better"])


def change_text(item: dict[str, Any], *, plain: bool = False) -> str:
    """``+9 pts (better)``; ``plain`` (for the manager): ``up 9 pts``."""
    before, after = item["before"], item["after"]
    if before is None or after is None:
        return ""
    from flexprep.reports.chartkit import readable_number

    delta = after - before
    if delta == 0:
        return "No change"
    rising = (after / 2 - before / 2) > 0
    improved = rising == item["higher_is_better"]
    unit = " pts" if item["unit"] == "%" else f" {clean(item['unit'])}" if item["unit"] else ""
    amount = f"{readable_number(abs(delta))}{unit}" if math.isfinite(delta) else ""
    if plain:
        return f"{'Up' if rising else 'Down'} {amount}".strip()
    if not amount:  # beyond a float: say which way, not how much
        return f"{'Up' if rising else 'Down'} ({'better' if improved else 'worse'})"
    sign = "+" if rising else "\u2212"
    return f"{sign}{amount} ({'better' if improved else 'worse'})"


def value_cell(value: float | None, label: str, unit: str) -> list[tuple[str, str]]:
    from flexprep.reports.chartkit import readable_with_unit

    text = readable_with_unit(value, clean(unit)) if value is not None else "\u2013"
    if text.startswith("-"):  # a true minus sign, not a hyphen
        text = "\u2212" + text[1:]
    return [(text, ""), (f"\n{clean(label)}" if clean(label) else "", "m")]


def evidence(doc: DocBuilder, items: list[dict[str, Any]], *, level: int) -> None:
    """The brief's evidence: every metric in a table, then the other kinds."""
    if not items:
        return
    doc.heading("Evidence", level)
    rows = [
        [
            title_cell(item["title"], item["details"]),
            value_cell(item["before"], item["before_label"], item["unit"]),
            value_cell(item["after"], item["after_label"], item["unit"]),
            "Higher" if item["higher_is_better"] else "Lower",
            change_text(item),
            item["source"],
        ]
        for item in items
        if is_metric(item)
    ]
    if rows:
        doc.heading("Metrics", level + 1)
        headers = ["Metric", "Before", "After", "Aim", "Change", "Source"]
        doc.table(headers, rows, [2.5, 1.3, 1.3, 0.8, 1.4, 1.6], size=9)
    other_evidence(doc, items, level=level + 1)


def other_evidence(doc: DocBuilder, items: list[dict[str, Any]], *, level: int) -> None:
    """Achievements, research and precedents, each a bullet with its source."""
    for kind, title in _EVIDENCE_GROUPS:
        group = [item for item in items if item["kind"] == kind]
        if not group:
            continue
        doc.heading(title, level)
        doc.bullets(
            [
                [
                    (item["title"] or vocab.EVIDENCE_KINDS[kind], "b"),
                    (f" \u2014 {clean(item['details'])}" if clean(item["details"]) else "", ""),
                    (f" (Source: {clean(item['source'])})" if clean(item["source"]) else "", "m"),
                ]
                for item in group
            ]
        )


# --- endorsements ------------------------------------------------------------------


def endorsement_byline(item: dict[str, Any], *, mark_sharing: bool) -> str:
    """``Maria Lopez, client · 2 October 2026 · speaks to reliability`` (+ sharing)."""
    who = clean(item["author"]) or "Anonymous"
    relationship = vocab.RELATIONSHIPS[item["relationship"]].lower()
    parts = [f"{who}, {relationship}", model.show_date(item["date"])]
    if item["speaks_to"]:
        topics = ", ".join(vocab.SPEAKS_TO[key].lower() for key in item["speaks_to"])
        parts.append(f"speaks to {topics}")
    if mark_sharing:
        parts.append("may be shared" if item["shareable"] else "PRIVATE \u2014 not to be shared")
    return " \u00b7 ".join(part for part in parts if clean(part))


def plain_byline(item: dict[str, Any]) -> str:
    """How a manager reads an attribution: ``Sam Okafor (colleague), November 2026``.

    No app vocabulary: no "speaks to", no "other"; an endorser without a name is
    described by the relationship alone ("A colleague").
    """
    who = clean(item["author"])
    relation = _RELATIONSHIP_WORDS.get(item["relationship"], "")
    if who and relation and relation not in who.lower():
        who = f"{who} ({relation})"
    elif not who:
        who = f"A {relation}" if relation else "A colleague"
    day = model.parse_date(item["date"])
    when = f"{model.format_date(day).split(' ', 1)[1]}" if day else ""
    return ", ".join(part for part in (who, when) if part)


def endorsements(
    doc: DocBuilder, items: list[dict[str, Any]], *, title: str, level: int, mark_sharing: bool
) -> None:
    """Each endorsement as a quotation with its attribution."""
    if not items:
        return
    doc.heading(title, level)
    for item in items:
        byline = endorsement_byline(item, mark_sharing=mark_sharing)
        if clean(item["quote"]):
            doc.quote(item["quote"], byline)
        else:
            doc.paragraph(byline)


# --- the plan ----------------------------------------------------------------------


def _where(entry: dict[str, Any] | None) -> str:
    if not entry:
        return ""
    where = vocab.WHERE.get(entry["where"], "")
    hours = hours_text(entry["hours"])
    return f"{where}, {hours}" if where and hours else where or hours


def schedule_rows(plan: dict[str, Any], *, compact: bool = False) -> list[list[str]]:
    """(Day, Where, Hours) rows for the days the plan mentions, Monday first.

    ``compact`` leaves out a weekend day that is simply off (a manager needs no row
    saying so).
    """
    rows = []
    for day, label in vocab.WEEKDAYS.items():
        entry = plan["schedule"].get(day)
        if not entry:
            continue
        if compact and day in ("sat", "sun") and entry["where"] == "off" and not entry["hours"]:
            continue
        rows.append([label, vocab.WHERE.get(entry["where"], ""), hours_text(entry["hours"])])
    return rows


def pattern_rows(plan: dict[str, Any], *, compact: bool = True) -> list[list[Any]]:
    """(Day, Now, Proposed) rows: the current pattern beside the proposed one.

    A day that changes is in bold in the proposed column. ``compact`` leaves out a
    weekend day that is off (or not given) in both.
    """
    rows: list[list[Any]] = []
    for day, label in vocab.WEEKDAYS.items():
        now, proposed = plan["current_schedule"].get(day), plan["schedule"].get(day)
        if not now and not proposed:
            continue
        if (
            compact
            and day in ("sat", "sun")
            and _where(now) in ("", "Off")
            and _where(proposed) in ("", "Off")
        ):
            continue
        changed = _where(now) != _where(proposed) and bool(now)
        rows.append(
            [
                label,
                _where(now) or "\u2013",
                [(_where(proposed) or "\u2013", "b" if changed else "")],
            ]
        )
    return rows


def pattern_table(
    doc: DocBuilder,
    plan: dict[str, Any],
    *,
    compact: bool = True,
    current: str = "Now",
    proposed: str = "Proposed",
) -> None:
    """The weekly pattern: the ``current`` one beside the ``proposed`` one when known."""
    if plan["current_schedule"]:
        rows = pattern_rows(plan, compact=compact)
        doc.table(["Day", current, proposed], rows, [1.1, 1.6, 1.6], span=0.72)
    else:
        rows = [
            [day, ", ".join(part for part in (where, clean(hours)) if part) or "\u2013"]
            for day, where, hours in schedule_rows(plan, compact=compact)
        ]
        doc.table(["Day", proposed], rows, [1.1, 1.6], span=0.45)


def trial_period(plan: dict[str, Any]) -> str:
    """``8 weeks, from 11 January 2027 to 8 March 2027`` (whatever parts are known)."""
    weeks, start, end = plan["trial_weeks"], plan["trial_start"], model.trial_end(plan)
    text = f"{weeks} week{'s' if weeks != 1 else ''}" if weeks else ""
    if start:
        text += (", from " if text else "From ") + model.show_date(start)
    if end:
        text += f" to {model.format_date(end)}"
    return text


def checkin_text(plan: dict[str, Any], *, with_dates: bool) -> str:
    """Cadence, optionally followed by the computed check-in dates."""
    cadence = vocab.CHECKINS.get(plan["checkin"], "")
    dates = model.checkin_dates(plan) if with_dates else []
    if not dates:
        return cadence
    return f"{cadence}: " + "; ".join(model.format_date(day) for day in dates)


def working_facts(plan: dict[str, Any], *, merged: bool = False) -> list[tuple[str, Any]]:
    """How the work is covered, as (label, text) pairs.

    ``merged`` puts core hours and response time in one line (a compact page).
    """
    hours, response = hours_text(plan["core_hours"]), clean(plan["response_time"])
    if merged:
        reach = ". ".join(
            part for part in (f"Core hours {hours}" if hours else "", response) if part
        )
        timing: list[tuple[str, Any]] = [("Hours and response times", reach)]
    else:
        timing = [("Core hours", hours), ("Response time", response)]
    return [
        ("Cover and hand-offs", plan["coverage"]),
        ("Communication", plan["communication"]),
        *timing,
        ("Escalation", plan["escalation"]),
    ]


def plan(doc: DocBuilder, plan: dict[str, Any], *, level: int) -> None:
    """The brief's plan: pattern (now and proposed), trial, measures, cover, alternatives."""
    if plan["schedule"] or plan["current_schedule"]:
        doc.heading("Weekly pattern", level)
        pattern_table(doc, plan, compact=False)
    trial = [
        ("Trial period", trial_period(plan)),
        ("Check-ins", checkin_text(plan, with_dates=True)),
        ("Review date", model.show_date(plan["review_date"])),
    ]
    if any(clean(value) for _, value in trial):
        doc.heading("Trial and review", level)
        doc.facts(trial)
    if any(clean(item) for item in plan["success_measures"]):
        doc.heading("Success measures", level)
        doc.bullets([item for item in plan["success_measures"] if clean(item)])
    if any(clean(value) for _, value in working_facts(plan)):
        doc.heading("Cover and communication", level)
        doc.facts(working_facts(plan))
    from flexprep.reports.plan_extras import alternative_lines

    if alternative_lines(plan):
        doc.heading(
            "Alternatives (in reserve; a ticked phased start or async line goes in the proposal)",
            level,
        )
        doc.bullets(alternative_lines(plan))


# --- next steps --------------------------------------------------------------------


def step_lines(steps: list[dict[str, Any]]) -> list[str]:
    """Next steps as lines: the text, then who and by when where given."""
    lines = []
    for step in steps:
        if not clean(step["text"]):
            continue
        who = [clean(step["owner"])] if clean(step["owner"]) else []
        if clean(step["due"]):
            who.append(f"by {model.show_date(step['due'])}")
        lines.append(f"{step['text']} ({', '.join(who)})" if who else step["text"])
    return lines


def step_rows(steps: list[dict[str, Any]]) -> list[list[Any]]:
    """(What, Who, By when) rows for the steps that say something."""
    return [
        [step["text"], clean(step["owner"]) or "\u2013", model.show_date(step["due"]) or "\u2013"]
        for step in steps
        if clean(step["text"])
    ]


def later_steps(view: dict[str, Any]) -> list[dict[str, Any]]:
    """The next steps a follow-up carries: those not due before the meeting (a step due
    earlier was part of preparing for it, not of what comes after)."""
    held = model.parse_date(view["meeting"]["at"])
    steps = [step for step in view["meeting"]["next_steps"] if clean(step["text"])]
    if held is None:
        return steps
    return [step for step in steps if (model.parse_date(step["due"]) or held) >= held]
