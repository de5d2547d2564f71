"""The three charts, drawn once here and shown both in the window and in the documents.

Every function returns a :class:`matplotlib.figure.Figure` (never pyplot, so the UI can
put the same figure in a Qt canvas) or ``None`` when there is nothing to draw.
"""

from flexprep.reports.asks_chart import ask_positions, asks_figure
from flexprep.reports.chartkit import figure_png
from flexprep.reports.confidence_chart import confidence_figure, overall_confidence
from flexprep.reports.metrics_chart import metrics_figure

__all__ = [
    "ask_positions",
    "asks_figure",
    "confidence_figure",
    "figure_png",
    "metrics_figure",
    "overall_confidence",
]
