"""Chart of rehearsal confidence over time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from flexprep.reports import chartkit as kit
from flexprep.reports.model import normalise, parse_datetime

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _series(objection: dict[str, Any]) -> list[tuple[datetime, int]]:
    points = []
    for rehearsal in objection["rehearsals"]:
        moment = parse_datetime(rehearsal["at"])
        if moment is not None and rehearsal["confidence"] is not None:
            points.append((moment, rehearsal["confidence"]))
    return sorted(points)


def _date_tick(first: datetime, last: datetime) -> Callable[[float, Any], str]:
    """Tick text like ``17 Nov`` (``17 Nov 2026`` when the range spans years)."""
    from matplotlib import dates as mdates

    long_range = (last - first).days > 300 or first.year != last.year

    def tick(value: float, _position: Any) -> str:
        moment = mdates.num2date(value)  # type: ignore[no-untyped-call]
        text = f"{moment.day} {_MONTH_ABBR[moment.month - 1]}"
        return f"{text} {moment.year}" if long_range else text

    return tick


def overall_confidence(series: list[list[tuple[datetime, int]]]) -> list[tuple[datetime, float]]:
    """Per day: the mean of each rehearsed objection's latest rating by the end of it."""
    events = sorted(
        (moment, index, value) for index, points in enumerate(series) for moment, value in points
    )
    latest: dict[int, int] = {}
    total = 0  # the sum of latest's values, kept as it changes (a brief has 50,000 events)
    by_day: dict[datetime, float] = {}
    for moment, index, value in events:
        total += value - latest.get(index, 0)
        latest[index] = value
        day = datetime(moment.year, moment.month, moment.day, 12)
        by_day[day] = total / len(latest)
    return sorted(by_day.items())


def weakest_objections(
    items: list[dict[str, Any]],
    count: int,
    series: list[list[tuple[datetime, int]]] | None = None,
) -> list[int]:
    """Indexes of the ``count`` rehearsed objections with the lowest latest rating.

    Ties go to the more likely objection, then to the earlier one in the list.
    ``series`` (each item's dated ratings) saves working them out again.
    """
    from flexprep.reports.brief_card import latest

    dated = series if series is not None else [_series(item) for item in items]
    rated = [(latest(item), index) for index, item in enumerate(items) if dated[index]]
    rated.sort(key=lambda pair: (pair[0] or 0, -(items[pair[1]]["likelihood"] or 3), pair[1]))
    return [index for _, index in rated[:count]]


def confidence_figure(
    objections: list[dict[str, Any]],
    objection_index: int | None = None,
    *,
    weakest: int | None = None,
    normalised: bool = False,
) -> Figure | None:
    """Rehearsal confidence over time: one line per objection and an overall line.

    The overall line is, for each day, the mean of every rehearsed objection's latest
    rating. With ``objection_index`` that objection is highlighted and the others are
    greyed. With ``weakest`` (a printed page) only the overall line and the ``weakest``
    objections with the lowest latest rating are drawn, each named in the legend, so
    that the chart stays readable however many objections there are. ``None`` when
    there is no dated rating (for the chosen objection, if any). ``normalised`` says
    the objections come from :func:`~flexprep.reports.model.normalise` already (a
    document), which spares reading 50,000 rehearsals twice.
    """
    from matplotlib import dates as mdates
    from matplotlib.ticker import FixedLocator, FuncFormatter

    items = (
        objections
        if normalised
        else normalise({"name": "", "objections": objections})["objections"]
    )
    series = [_series(item) for item in items]
    if not any(series):
        return None
    if objection_index is not None and not (
        0 <= objection_index < len(series) and series[objection_index]
    ):
        return None
    rehearsed = [index for index, points in enumerate(series) if points]
    coloured = rehearsed if objection_index is None and len(rehearsed) <= 6 else []
    if objection_index is not None:
        coloured = [objection_index]
    drawn = rehearsed
    if weakest is not None and objection_index is None:
        coloured = drawn = weakest_objections(items, weakest, series)
    label_width = 90 if weakest is not None else 48
    legend_rows = len(coloured) + (1 if len(drawn) > len(coloured) else 0)
    legend_rows += 1 if len(rehearsed) > 1 else 0  # the overall line
    figure = kit.new_figure(kit.TEXT_WIDTH_IN, 2.6 + 0.17 * legend_rows)
    title = "Rehearsal confidence over time"
    if objection_index is not None:
        title = f"Confidence: {kit.label(items[objection_index]['text'] or 'objection', 60)}"
    elif weakest is not None and len(rehearsed) > len(drawn):
        title = f"Rehearsal confidence: overall, and the {len(drawn)} weakest objections"
    kit.figure_title(figure, title)
    axes = figure.subplots()
    grey_label = f"Each objection ({len(rehearsed)})" if not coloured else None
    for index in drawn:
        xs, ys = zip(*series[index], strict=True)
        if index in coloured:
            colour = kit.SERIES[coloured.index(index) % len(kit.SERIES)]
            latest = series[index][-1][1]
            name = kit.label(items[index]["text"] or "(objection)", label_width)
            # matplotlib leaves labels that start with "_" out of the legend.
            name = f" {name}" if name.startswith("_") else name
            axes.plot(
                xs,
                ys,
                color=colour,
                linewidth=1.6,
                marker="o",
                markersize=3.5,
                zorder=3,
                label=f"{name} (now {latest}/5)" if weakest is not None else name,
            )
        else:
            axes.plot(
                xs,
                ys,
                color=kit.FAINT,
                linewidth=0.8,
                zorder=2,
                alpha=max(0.2, min(0.8, 8 / len(rehearsed))),
                label=grey_label,
            )
            grey_label = None
    if len(rehearsed) > 1:  # with one objection, its own line is the overall one
        overall = overall_confidence(series)
        axes.plot(
            [d for d, _ in overall],  # type: ignore[arg-type]
            [v for _, v in overall],
            color=kit.INK,
            linewidth=2.4,
            marker="o",
            markersize=3,
            zorder=4,
            label=f"Overall: mean of the latest ratings of all {len(rehearsed)} rehearsed",
            linestyle="--" if objection_index is not None else "-",
        )
    kit.style_axes(axes, grid_axis="y")
    axes.set_ylim(0.7, 5.3)
    axes.set_yticks(range(1, 6))
    axes.set_ylabel("Confidence (1\u20135)", fontsize=kit.LABEL_SIZE, color=kit.INK)
    moments = [moment for points in series for moment, _ in points]
    first, last = min(moments), max(moments)
    pad = max((last - first) * 0.04, timedelta(hours=12))
    # matplotlib's stubs take floats; its date converter accepts datetimes.
    axes.set_xlim(first - pad, last + pad)  # type: ignore[arg-type]
    if last - first < timedelta(days=2):
        # A short span: one tick per day rehearsed, where that day's first rating is
        # (an automatic locator would put hourly ticks that all read the same date).
        days = sorted({moment.date(): moment for moment in reversed(sorted(moments))}.values())
        axes.xaxis.set_major_locator(FixedLocator([mdates.date2num(m) for m in days]))  # type: ignore[no-untyped-call]
    else:
        axes.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=8))  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(FuncFormatter(_date_tick(first, last)))
    # One entry a line: long objection texts side by side would run off the page.
    if axes.get_legend_handles_labels()[0]:
        figure.legend(
            loc="outside lower left", ncol=1, frameon=False, fontsize=kit.SMALL_SIZE + 0.5
        )
    return figure
