"""Before/after chart of the metric evidence."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from flexprep.reports import chartkit as kit
from flexprep.reports.chartkit import wrapped
from flexprep.reports.model import normalise

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def _verdict(item: dict[str, Any]) -> tuple[str, str]:
    """One line under a metric: which way is better and what changed, with its colour."""
    better = "Higher is better" if item["higher_is_better"] else "Lower is better"
    before, after = item["before"], item["after"]
    if before is None or after is None:
        return better, kit.MUTED
    delta = after - before
    if math.isclose(delta, 0.0, abs_tol=1e-12):
        return f"{better} \u00b7 no change", kit.MUTED
    unit = kit.label(item["unit"], 8)
    if math.isfinite(delta):
        amount = kit.readable_number(abs(delta))
        amount += " pts" if unit == "%" else f" {unit}" if unit else ""
        ratio = abs(delta) / abs(before) if before else math.inf
        relative = (
            f" ({ratio:.0%})"
            if before and unit != "%" and math.isfinite(ratio) and ratio < 100
            else ""
        )
    else:  # two huge values of opposite sign: their difference is beyond a float
        delta = after / 2 - before / 2
        amount, relative = "", ""
    improved = (delta > 0) == item["higher_is_better"]
    arrow = "\u25b2" if delta > 0 else "\u25bc"
    word = "better" if improved else "worse"
    text = f"{better}\n{arrow} {amount.strip()}{relative} {word}".replace("  ", " ")
    return text, kit.BETTER if improved else kit.WORSE


#: The smallest bar drawn for a value that is not zero, as a share of the panel's
#: largest: a value a million times smaller than its neighbour still shows.
_MIN_BAR = 0.025


def _metric_axes(axes: Axes, item: dict[str, Any], title_width: int) -> None:
    values = [item["before"], item["after"]]
    # The y axis carries no ticks, so the bars are drawn on a scale of their own: this
    # keeps any two finite numbers drawable, even -1e308 beside 1e308.
    raw = [value if value is not None else 0.0 for value in values]
    scale = max(abs(value) for value in raw) or 1.0
    heights = [value / scale for value in raw]
    heights = [
        math.copysign(max(abs(height), _MIN_BAR), height) if value else 0.0
        for height, value in zip(heights, raw, strict=True)
    ]
    colours = [kit.BEFORE, kit.ACCENT]
    bars = axes.bar([0, 1], heights, width=0.62, color=colours, zorder=2)
    low, high = min(0.0, *heights), max(0.0, *heights)
    span = (high - low) or 1.0
    axes.set_ylim(low - (0.2 * span if low < 0 else 0), high + 0.2 * span)
    for bar, value in zip(bars, values, strict=True):
        text = (
            kit.readable_with_unit(value, kit.label(item["unit"], 8))
            if value is not None
            else "n/a"
        )
        below = value is not None and value < 0
        # A negative value is written under the end of its bar, any other above it.
        edge = bar.get_y() + bar.get_height() if below else max(bar.get_height(), 0.0)
        axes.annotate(
            text,
            (bar.get_x() + bar.get_width() / 2, edge),
            xytext=(0, -2 if below else 2),
            textcoords="offset points",
            ha="center",
            va="top" if below else "bottom",
            fontsize=kit.LABEL_SIZE,
            color=kit.INK if value is not None else kit.MUTED,
            fontweight="bold" if value is not None else "normal",
        )
    kit.style_axes(axes, grid_axis=None)
    axes.spines["left"].set_visible(False)
    axes.set_yticks([])
    axes.axhline(0, color=kit.FAINT, linewidth=0.8, zorder=1)
    labels = [item["before_label"] or "Before", item["after_label"] or "After"]
    axes.set_xticks([0, 1], [wrapped(label, 14) for label in labels])
    axes.set_xlim(-0.6, 1.6)
    axes.set_title(
        wrapped(item["title"] or "Metric", title_width),
        fontsize=kit.LABEL_SIZE + 0.5,
        color=kit.INK,
        fontweight="bold",
        loc="center",
    )
    verdict, colour = _verdict(item)
    axes.set_xlabel(verdict, fontsize=kit.SMALL_SIZE, color=colour, labelpad=4)


def metrics_figure(evidence: list[dict[str, Any]]) -> Figure | None:
    """Before/after bars, one small chart per metric on its own scale.

    Each panel says whether higher or lower is better and whether the change is an
    improvement (green) or not (red). Numbers read as words (``2.5 billion``), a
    negative value draws a bar below the line with its label under it, and a value far
    smaller than its neighbour still shows. Evidence that is not a metric with a number
    is skipped; ``None`` when no metric is left.
    """
    items = normalise({"name": "", "evidence": evidence})["evidence"]
    metrics = [
        item for item in items
        if item["kind"] == "metric" and (item["before"] is not None or item["after"] is not None)
    ]  # fmt: skip
    if not metrics:
        return None
    columns = 2 if len(metrics) == 4 else min(len(metrics), 3)
    rows = math.ceil(len(metrics) / columns)
    width = min(kit.TEXT_WIDTH_IN, 0.4 + 2.2 * columns)
    figure = kit.new_figure(width, 0.4 + 1.9 * rows)
    kit.figure_title(figure, "Metrics before and after")
    grid = figure.subplots(rows, columns, squeeze=False)
    for index, axes in enumerate(grid.flat):
        if index < len(metrics):
            _metric_axes(axes, metrics[index], 24 if columns == 3 else 30)
        else:
            axes.set_visible(False)
    return figure
