"""Sections shared by several documents: evidence, endorsements, the plan, charts.

Each renderer takes an already normalised (or :func:`~flexprep.reports.privacy.
manager_view`) workbook part, draws only what is there, and adds no heading for an empty
section.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from flexprep.core import vocab
from flexprep.reports import model
from flexprep.reports.text import clean

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from flexprep.reports.docxkit import DocBuilder

#: The chart shows at most this many metrics (one page); the table lists them all.
METRICS_IN_CHART = 9
_EVIDENCE_GROUPS = (
    ("achievement", "Achievements"),
    ("research", "Research"),
    ("precedent", "Internal precedents"),
)


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


def _is_metric(item: dict[str, Any]) -> bool:
    return bool(item["kind"] == "metric")


def _change(item: dict[str, Any]) -> str:
    before, after = item["before"], item["after"]
    if before is None or after is None:
        return ""
    from flexprep.reports.chartkit import format_number

    delta = after - before
    if delta == 0:
        return "No change"
    if not math.isfinite(delta):  # beyond a float: say which way, not how much
        delta = after / 2 - before / 2
        improved = (delta > 0) == item["higher_is_better"]
        return f"{'Up' if delta > 0 else 'Down'} ({'better' if improved else 'worse'})"
    improved = (delta > 0) == item["higher_is_better"]
    sign = "+" if delta > 0 else "\u2212"
    unit = " pts" if item["unit"] == "%" else f" {clean(item['unit'])}" if item["unit"] else ""
    return f"{sign}{format_number(abs(delta))}{unit} ({'better' if improved else 'worse'})"


def _value(value: float | None, label: str, unit: str) -> list[tuple[str, str]]:
    from flexprep.reports.chartkit import with_unit

    text = with_unit(value, clean(unit)) if value is not None else "\u2013"
    return [(text, ""), (f"\n{clean(label)}" if clean(label) else "", "m")]


def evidence(doc: DocBuilder, items: list[dict[str, Any]], *, level: int, dpi: int) -> None:
    """Metrics (charts and a table) then achievements, research and precedents."""
    if not items:
        return
    from flexprep.reports.charts import metrics_figure

    doc.heading("Evidence", level)
    metrics = [item for item in items if _is_metric(item)]
    drawable = [item for item in metrics if item["before"] is not None or item["after"] is not None]
    add_chart(doc, metrics_figure(drawable[:METRICS_IN_CHART]), "Metrics before and after", dpi)
    if len(drawable) > METRICS_IN_CHART:
        doc.note(
            f"The chart shows the first {METRICS_IN_CHART} of {len(drawable)} metrics; "
            "the table below lists them all."
        )
    rows = [
        [
            [
                (item["title"], "b"),
                (f"\n{clean(item['details'])}" if clean(item["details"]) else "", "m"),
            ],
            _value(item["before"], item["before_label"], item["unit"]),
            _value(item["after"], item["after_label"], item["unit"]),
            "Higher" if item["higher_is_better"] else "Lower",
            _change(item),
            item["source"],
        ]
        for item in metrics
    ]
    if rows:
        doc.heading("Metrics", level + 1)
        headers = ["Metric", "Before", "After", "Aim", "Change", "Source"]
        doc.table(headers, rows, [2.5, 1.3, 1.3, 0.8, 1.4, 1.6], size=9)
    for kind, title in _EVIDENCE_GROUPS:
        group = [item for item in items if item["kind"] == kind]
        if not group:
            continue
        doc.heading(title, level + 1)
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
        rows.append([label, vocab.WHERE.get(entry["where"], ""), entry["hours"]])
    return rows


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


def plan(
    doc: DocBuilder,
    plan: dict[str, Any],
    *,
    level: int,
    titles: dict[str, str],
    compact: bool = False,
) -> None:
    """Weekly pattern, trial and review, success measures, coverage, alternatives.

    ``titles`` maps the parts ``schedule``, ``trial``, ``measures``, ``coverage`` and
    ``alternatives`` to their heading text.
    """
    rows = schedule_rows(plan, compact=compact)
    if rows:
        doc.heading(titles["schedule"], level)
        doc.table(["Day", "Where", "Hours"], rows, [1.2, 1.2, 1.6], span=0.6)
    trial = [
        ("Trial period", trial_period(plan)),
        ("Check-ins", checkin_text(plan, with_dates=True)),
        ("Review date", model.show_date(plan["review_date"])),
    ]
    if any(clean(value) for _, value in trial):
        doc.heading(titles["trial"], level)
        doc.facts(trial)
    if any(clean(item) for item in plan["success_measures"]):
        doc.heading(titles["measures"], level)
        doc.bullets([item for item in plan["success_measures"] if clean(item)])
    working = [
        ("Coverage and hand-offs", plan["coverage"]),
        ("Communication", plan["communication"]),
        ("Core hours", plan["core_hours"]),
        ("Response time", plan["response_time"]),
        ("Escalation", plan["escalation"]),
    ]
    if any(clean(value) for _, value in working):
        doc.heading(titles["coverage"], level)
        doc.facts(working)
    if plan["alternatives"]:
        doc.heading(titles["alternatives"], level)
        doc.bullets([vocab.ALTERNATIVES[key] for key in plan["alternatives"]])


def step_lines(steps: list[dict[str, str]]) -> list[str]:
    """Next steps as lines: the text, then who and by when where given."""
    from flexprep.reports import model

    lines = []
    for step in steps:
        if not clean(step["text"]):
            continue
        who = [clean(step["owner"])] if clean(step["owner"]) else []
        if clean(step["due"]):
            who.append(f"by {model.show_date(step['due'])}")
        lines.append(f"{step['text']} ({', '.join(who)})" if who else step["text"])
    return lines
