"""Charts: None when there is nothing to draw, readable figures otherwise."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from datetime import datetime

import pytest
from matplotlib.figure import Figure
from reports_fixtures import large_workbook, rich_workbook

from flexprep.reports import chartkit
from flexprep.reports.charts import (
    ask_positions,
    asks_figure,
    confidence_figure,
    figure_png,
    metrics_figure,
    overall_confidence,
)
from flexprep.reports.metrics_chart import _verdict
from flexprep.reports.model import normalise


def png_ok(figure: Figure | None) -> bool:
    assert isinstance(figure, Figure)
    return figure_png(figure, dpi=20).startswith(b"\x89PNG\r\n\x1a\n")


def test_nothing_to_draw_gives_none() -> None:
    assert metrics_figure([]) is None
    assert metrics_figure([{"kind": "achievement", "title": "x"}]) is None
    assert metrics_figure([{"kind": "metric", "title": "no numbers"}]) is None
    assert asks_figure([]) is None
    assert asks_figure([{"title": "unrated"}, {"title": "half", "importance": 3}]) is None
    assert confidence_figure([]) is None
    assert confidence_figure([{"text": "never rehearsed", "rehearsals": []}]) is None
    assert confidence_figure([{"rehearsals": [{"at": "not a date", "confidence": 3}]}]) is None


def test_rich_workbook_charts_are_figures() -> None:
    wb = rich_workbook()
    assert png_ok(metrics_figure(wb["evidence"]))
    assert png_ok(asks_figure(wb["asks"]))
    assert png_ok(confidence_figure(wb["objections"]))
    assert png_ok(confidence_figure(wb["objections"], 2))


def test_confidence_for_one_objection() -> None:
    objections = rich_workbook()["objections"]
    assert confidence_figure(objections, 3) is None  # never rehearsed
    assert confidence_figure(objections, 99) is None
    figure = confidence_figure(objections, 0)
    assert figure is not None and "how will I know" in figure.get_suptitle()


def test_metrics_one_panel_per_metric_on_its_own_scale() -> None:
    evidence = rich_workbook()["evidence"]
    figure = metrics_figure(evidence)
    visible = [axes for axes in figure.axes if axes.get_visible()]
    assert len(visible) == 4
    metrics = [item for item in evidence if item["kind"] == "metric"]
    for axes, item in zip(visible, metrics, strict=True):
        before, after = (patch.get_height() for patch in axes.patches)
        # Each panel is scaled to its own largest value, keeping the proportion.
        assert max(abs(before), abs(after)) == pytest.approx(1.0)
        assert before * item["after"] == pytest.approx(after * item["before"])


def test_metrics_draw_the_extremes_of_a_float() -> None:
    evidence = [
        {"kind": "metric", "title": "Huge", "before": -1e308, "after": 1e308},
        {"kind": "metric", "title": "Tiny", "before": 5e-324, "after": -5e-324},
    ]
    figure = metrics_figure(evidence)
    heights = [patch.get_height() for patch in figure.axes[0].patches]
    assert heights == [-1.0, 1.0]
    assert all(math.isfinite(limit) for axes in figure.axes for limit in axes.get_ylim())


def test_verdict_knows_which_way_is_better() -> None:
    items = normalise({"name": "", "evidence": [
        {"kind": "metric", "before": 48, "after": 35, "unit": "min", "higher_is_better": False},
        {"kind": "metric", "before": 4.2, "after": 4.6, "unit": "%", "higher_is_better": False},
        {"kind": "metric", "before": 86, "after": 94, "unit": "%"},
        {"kind": "metric", "before": 5, "after": 5},
    ]})["evidence"]  # fmt: skip
    verdicts = [_verdict(item) for item in items]
    assert verdicts[0][1] == chartkit.BETTER and "Lower is better" in verdicts[0][0]
    assert verdicts[1][1] == chartkit.WORSE and "0.4 pts worse" in verdicts[1][0]
    assert verdicts[2][1] == chartkit.BETTER and "8 pts better" in verdicts[2][0]
    assert "no change" in verdicts[3][0]


def test_tied_asks_do_not_hide_each_other() -> None:
    asks = [
        {
            "title": f"ask {i}",
            "priority": "must" if i % 2 else "nice",
            "importance": 4,
            "resistance": 2,
        }
        for i in range(7)
    ] + [{"title": "alone", "importance": 1, "resistance": 5}]
    placed = ask_positions(normalise({"name": "", "asks": asks})["asks"])
    assert len(placed) == 8
    assert len({(round(x, 6), round(y, 6)) for _, x, y in placed}) == 8
    for _, x, y in placed[:7]:  # all stay inside their cell
        assert abs(x - 2) < 0.5 and abs(y - 4) < 0.5
    figure = asks_figure(asks)
    offsets = [
        tuple(point)
        for collection in figure.axes[0].collections
        for point in collection.get_offsets()
    ]
    assert len(offsets) == 8 and len(set(offsets)) == 8
    labels = {text.get_text() for text in figure.axes[0].texts}
    assert {str(rank) for rank in range(1, 9)} <= labels


def test_asks_colours_tell_must_from_nice() -> None:
    figure = asks_figure(rich_workbook()["asks"])
    colours = {tuple(collection.get_facecolor()[0]) for collection in figure.axes[0].collections}
    assert len(colours) == 2


def test_overall_confidence_is_mean_of_latest_ratings_per_day() -> None:
    day = datetime(2026, 11, 1, 9)
    series = [
        [(day, 2), (day.replace(day=3), 4)],
        [(day.replace(hour=20), 4), (day.replace(day=2), 1)],
    ]
    overall = overall_confidence(series)
    assert [value for _, value in overall] == [3.0, 1.5, 2.5]


def test_large_inputs_draw() -> None:
    wb = large_workbook()
    assert png_ok(asks_figure(wb["asks"]))
    assert png_ok(confidence_figure(wb["objections"]))


def test_hostile_labels_draw() -> None:
    rtl = "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627"
    nasty = "$\\frac{1}{$ \x00\x0b\ufffe \U0001f600 " + rtl * 3
    assert png_ok(asks_figure([{"title": nasty, "importance": 3, "resistance": 3}]))
    assert png_ok(
        metrics_figure(
            [
                {
                    "kind": "metric",
                    "title": nasty,
                    "unit": "$",
                    "before": -1,
                    "after": 1e9,
                    "before_label": nasty,
                }
            ]
        )
    )
    assert png_ok(
        confidence_figure(
            [{"text": nasty, "rehearsals": [{"at": "2026-11-01T10:00:00", "confidence": 3}]}]
        )
    )


@pytest.mark.parametrize("dpi", [20, 72])
def test_png_size_follows_dpi(dpi: int) -> None:
    figure = asks_figure(rich_workbook()["asks"])
    data = figure_png(figure, dpi=dpi)
    width = int.from_bytes(data[16:20], "big")
    assert width == round(figure.get_figwidth() * dpi)


def test_charts_use_no_pyplot_and_no_qt_and_load_lazily() -> None:
    probe = """
import json, sys
import flexprep.reports, flexprep.reports.documents, flexprep.reports.privacy
lazy = [m for m in ("matplotlib", "docx") if m in sys.modules]
from flexprep.reports.charts import asks_figure, figure_png
figure_png(asks_figure([{"title": "a", "importance": 3, "resistance": 2}]), dpi=20)
print(json.dumps({"lazy": lazy, "pyplot": "matplotlib.pyplot" in sys.modules,
                  "qt": [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))]}))
"""
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    report = json.loads(result.stdout)
    assert report == {"lazy": [], "pyplot": False, "qt": []}


def test_labels_the_font_cannot_draw_raise_no_warning_on_any_canvas() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    cjk = "\u4f1a\u8b70 trial \u4f1a"
    figures = [
        asks_figure([{"title": cjk, "importance": 3, "resistance": 2}]),
        metrics_figure(
            [
                {
                    "kind": "metric",
                    "title": cjk,
                    "unit": cjk,
                    "before": 1,
                    "after": 2,
                    "before_label": cjk,
                }
            ]
        ),
        confidence_figure([{"text": cjk, "rehearsals": [{"at": "2026-11-01", "confidence": 2}]}]),
    ]
    for figure in figures:
        FigureCanvasAgg(figure).draw()  # as the window's canvas would; warnings are errors
    assert chartkit.label(cjk) == "\u2026 trial \u2026"


def test_one_rating_gives_one_date_tick_and_one_line() -> None:
    # One objection rated once: a single "30 Nov" tick (not hourly ticks that all read
    # "30 Nov"), and its own line only; an overall line would plot the rating twice.
    objections = [
        {
            "text": "Who covers Fridays?",
            "rehearsals": [{"at": "2026-11-30T10:15:00", "confidence": 3, "seconds": 0}],
        },
        {"text": "Not rehearsed yet", "rehearsals": []},
    ]
    figure = confidence_figure(objections)
    assert figure is not None
    figure.canvas.draw()
    axes = figure.axes[0]
    assert [label.get_text() for label in axes.get_xticklabels()] == ["30 Nov"]
    assert len(axes.lines) == 1


def test_two_days_of_ratings_give_a_tick_per_day() -> None:
    rehearsals = [
        {"at": "2026-11-29T21:00:00", "confidence": 2, "seconds": 0},
        {"at": "2026-11-30T08:30:00", "confidence": 3, "seconds": 0},
        {"at": "2026-11-30T18:00:00", "confidence": 4, "seconds": 0},
    ]
    figure = confidence_figure([{"text": "A", "rehearsals": rehearsals}])
    assert figure is not None
    figure.canvas.draw()
    labels = [label.get_text() for label in figure.axes[0].get_xticklabels()]
    assert labels == ["29 Nov", "30 Nov"]
