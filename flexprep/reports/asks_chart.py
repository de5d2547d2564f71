"""Chart of the asks: importance against expected resistance."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from flexprep.reports import chartkit as kit
from flexprep.reports.chartkit import wrapped
from flexprep.reports.model import normalise

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

_KEY_LIMIT = 20  # beyond this many asks the key would not fit beside the chart


def _spread(count: int) -> tuple[list[tuple[float, float]], float]:
    """Offsets that lay ``count`` tied points on a small centred grid, and its spacing."""
    if count == 1:
        return [(0.0, 0.0)], 0.34
    columns = math.ceil(math.sqrt(count))
    rows = math.ceil(count / columns)
    step = min(0.3, 0.84 / columns)
    offsets = []
    for index in range(count):
        row, column = divmod(index, columns)
        in_row = min(columns, count - row * columns)
        offsets.append(((column - (in_row - 1) / 2) * step, ((rows - 1) / 2 - row) * step))
    return offsets, step


def ask_positions(asks: list[dict[str, Any]]) -> list[tuple[int, float, float]]:
    """(rank, x, y) for every rated ask; asks sharing a cell are spread so none hides."""
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for rank, ask in enumerate(asks, start=1):
        if ask["importance"] is not None and ask["resistance"] is not None:
            cells[(ask["resistance"], ask["importance"])].append(rank)
    placed = []
    for (x, y), ranks in cells.items():
        offsets, _ = _spread(len(ranks))
        placed += [(rank, x + dx, y + dy) for rank, (dx, dy) in zip(ranks, offsets, strict=True)]
    return sorted(placed)


def _quadrants(axes: Axes) -> None:
    for value in (3,):
        axes.axhline(value, color=kit.FAINT, linewidth=0.8, linestyle=(0, (4, 3)), zorder=1)
        axes.axvline(value, color=kit.FAINT, linewidth=0.8, linestyle=(0, (4, 3)), zorder=1)
    corners = {
        (0.02, 0.98, "left", "top"): "Likely wins",
        (0.98, 0.98, "right", "top"): "Prepare hardest",
        (0.02, 0.02, "left", "bottom"): "Low stakes",
        (0.98, 0.02, "right", "bottom"): "Bargaining chips",
    }
    for (x, y, ha, va), text in corners.items():
        axes.text(
            x,
            y,
            text,
            transform=axes.transAxes,
            ha=ha,
            va=va,
            fontsize=kit.SMALL_SIZE,
            color=kit.MUTED,
            style="italic",
            zorder=1,
        )


def _ask_key(axes: Axes, asks: list[dict[str, Any]], ranks: list[int]) -> None:
    axes.axis("off")
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    lines = [wrapped(asks[rank - 1]["title"] or "(untitled)", 36) for rank in ranks]
    total = sum(line.count("\n") + 1 for line in lines) + 0.4 * len(lines)
    step = min(0.055, 0.96 / max(total, 1))
    y = 0.97
    for rank, line in zip(ranks, lines, strict=True):
        colour = kit.MUST if asks[rank - 1]["priority"] == "must" else kit.NICE
        size = kit.SMALL_SIZE + 0.5 if step >= 0.045 else kit.SMALL_SIZE - 0.5
        axes.text(
            0.0, y, str(rank), ha="left", va="top", fontsize=size, fontweight="bold", color=colour
        )
        axes.text(
            0.09, y, line, ha="left", va="top", fontsize=size, color=kit.INK, linespacing=1.15
        )
        y -= step * (line.count("\n") + 1.4)


def asks_figure(asks: list[dict[str, Any]], *, key: bool = True) -> Figure | None:
    """Importance (y) against expected resistance (x), each ask a numbered marker.

    Must-haves are blue circles, nice-to-haves orange squares; asks with the same
    ratings are spread on a small grid around their cell so every one stays visible.
    A key beside the chart gives each number's title (up to 20 asks; beyond that, or
    without ``key`` when the page lists the asks by number already, the numbers are
    the asks' ranks in the list). ``None`` when no ask has both ratings.
    """
    ranked = normalise({"name": "", "asks": asks})["asks"]
    placed = ask_positions(ranked)
    if not placed:
        return None
    with_key = key and len(placed) <= _KEY_LIMIT
    figure = kit.new_figure(kit.TEXT_WIDTH_IN if with_key else 4.4, 4.3)
    kit.figure_title(
        figure,
        "What I ask for: importance against expected resistance"
        if with_key
        else "My asks: importance against resistance",
    )
    if with_key:
        axes, key_axes = figure.subplots(1, 2, gridspec_kw={"width_ratios": [1.45, 1]})
        _ask_key(key_axes, ranked, [rank for rank, _, _ in placed])
    else:
        axes = figure.subplots()
    cells = Counter((ask["resistance"], ask["importance"]) for ask in ranked)
    _, step = _spread(max(count for cell, count in cells.items() if None not in cell))
    diameter = step * 48  # points: about 48 pt per rating step on a 4 in tall chart
    for priority, colour, marker, label in (
        ("must", kit.MUST, "o", "Must-have"),
        ("nice", kit.NICE, "s", "Nice-to-have"),
    ):
        points = [(r, x, y) for r, x, y in placed if ranked[r - 1]["priority"] == priority]
        if not points:
            continue
        axes.scatter(
            [x for _, x, _ in points],
            [y for _, _, y in points],
            s=diameter**2 * 0.8,
            c=colour,
            marker=marker,
            edgecolors="white",
            linewidths=0.8,
            zorder=3,
            label=label,
        )
        for rank, x, y in points:
            axes.text(
                x,
                y,
                str(rank),
                ha="center",
                va="center",
                color="white",
                zorder=4,
                fontsize=max(4.0, min(kit.SMALL_SIZE + 0.5, diameter * 0.42)),
                fontweight="bold",
            )
    kit.style_axes(axes, grid_axis=None)
    _quadrants(axes)
    axes.set_xlim(0.4, 5.6)
    axes.set_ylim(0.4, 5.6)
    axes.set_xticks(range(1, 6))
    axes.set_yticks(range(1, 6))
    axes.set_aspect("equal", adjustable="box")
    axes.set_xlabel(
        "Expected resistance (1 low \u2013 5 high)", fontsize=kit.LABEL_SIZE, color=kit.INK
    )
    axes.set_ylabel(
        "Importance to me (1 low \u2013 5 high)", fontsize=kit.LABEL_SIZE, color=kit.INK
    )
    figure.legend(
        loc="outside lower center",
        ncol=2,
        frameon=False,
        fontsize=kit.SMALL_SIZE + 0.5,
        markerscale=min(1.0, 9 / max(diameter, 1)),
        handletextpad=0.3,
    )
    missing = len(ranked) - len(placed)
    if missing:
        note = f"{missing} ask{'s' if missing > 1 else ''} without both ratings not shown"
        figure.text(
            0.99, 0.005, note, ha="right", va="bottom", fontsize=kit.SMALL_SIZE, color=kit.MUTED
        )
    return figure
