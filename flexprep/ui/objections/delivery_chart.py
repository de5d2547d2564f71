"""Pace and length of the recorded answers over sessions, per objection.

No Qt: a matplotlib figure in the style of the other charts (``reports.chartkit``),
drawn from the feedback stored beside each recording (``core/recordings.py``). It lives
with the rehearsal tab, not in ``reports``, because recordings never reach a document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from flexprep.core.recordings import RecordingStore
from flexprep.reports import chartkit as kit

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: Words a minute of unhurried conversation: a band on the pace chart for orientation.
EASY_PACE = (120.0, 150.0)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Take:
    """The figures of one recorded answer."""

    at: datetime
    speaking_s: float
    words_per_minute: float | None


def takes_by_objection(
    store: RecordingStore, objection_ids: Iterable[int]
) -> dict[int, list[Take]]:
    """Each objection's analysed recordings, oldest first (those still being analysed,
    or whose feedback cannot be read, are left out)."""
    wanted = set(objection_ids)
    found: dict[int, list[Take]] = {}
    for recording in store.recordings():
        if recording.objection_id not in wanted:
            continue
        feedback = store.feedback(recording) or {}
        speaking = feedback.get("speaking_s")
        if not isinstance(speaking, int | float):
            continue
        pace = feedback.get("words_per_minute")
        take = Take(
            recording.made_at,
            float(speaking),
            float(pace) if isinstance(pace, int | float) else None,
        )
        found.setdefault(recording.objection_id, []).append(take)
    return {key: sorted(takes, key=lambda t: t.at) for key, takes in found.items()}


def confidence_colours(objections: Sequence[Any]) -> dict[int, str]:
    """The colour of each objection on the confidence chart (``reports.confidence_chart``:
    the rehearsed ones in list order, when there are few enough to colour)."""
    rehearsed = [
        objection.id
        for objection in objections
        if any(r.get("confidence") is not None and r.get("at") for r in objection.rehearsals)
    ]
    if len(rehearsed) > len(kit.SERIES):
        return {}
    return {oid: kit.SERIES[number] for number, oid in enumerate(rehearsed)}


def _day(value: float, _position: Any) -> str:
    from matplotlib import dates as mdates

    moment = mdates.num2date(value)  # type: ignore[no-untyped-call]
    return f"{moment.day} {_MONTHS[moment.month - 1]}"


def _time_axis(axes: Axes, moments: Sequence[datetime]) -> None:
    from matplotlib import dates as mdates
    from matplotlib.ticker import FuncFormatter

    first, last = min(moments), max(moments)
    pad = max((last - first) * 0.05, timedelta(hours=12))
    axes.set_xlim(first - pad, last + pad)  # type: ignore[arg-type]
    axes.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=2, maxticks=6))  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(FuncFormatter(_day))


def delivery_figure(
    objections: Sequence[tuple[int, str]],
    takes: dict[int, list[Take]],
    chosen: int | None = None,
    palette: dict[int, str] | None = None,
) -> Figure | None:
    """Pace (words a minute) and speaking time per objection over time, side by side.

    ``objections`` are (id, text) in list order; with ``chosen`` (an id) that objection
    is drawn in colour and the others greyed. ``palette`` gives objections the colours
    they have on the confidence chart beside (when nothing is chosen). None when no
    recording has been analysed (of the chosen objection, if any).
    """
    recorded = [(oid, text) for oid, text in objections if takes.get(oid)]
    if not recorded or (chosen is not None and not takes.get(chosen)):
        return None
    if chosen is not None:
        coloured = [chosen]
    else:
        coloured = [oid for oid, _ in recorded] if len(recorded) <= len(kit.SERIES) else []
    figure = kit.new_figure(kit.TEXT_WIDTH_IN, 2.5 + 0.17 * (len(coloured) or 1))
    kit.figure_title(figure, "Your recorded answers: pace and length")
    pace_axes, length_axes = figure.subplots(1, 2)
    others = len(recorded) - len(coloured)
    grey: str | None = f"Each objection ({others})"
    if coloured:
        grey = "The other objection" if others == 1 else f"The other {others} objections"
    colours = dict(palette or {}) if chosen is None else {}
    unused = [colour for colour in kit.SERIES if colour not in colours.values()] or [kit.ACCENT]
    missing = [oid for oid in coloured if oid not in colours]
    for number, oid in enumerate(missing):
        colours[oid] = unused[number % len(unused)]
    label: str | None
    # The coloured first, so that they lead the legend.
    for oid, text in sorted(recorded, key=lambda pair: pair[0] not in coloured):
        series = takes[oid]
        xs = [take.at for take in series]
        if oid in coloured:
            style: dict[str, Any] = {
                "color": colours[oid],
                "linewidth": 1.6,
                "marker": "o",
                "markersize": 4,
                "zorder": 3,
            }
            label = kit.label(text or "(objection)", 70)
        else:
            style = {"color": kit.FAINT, "linewidth": 0.9, "marker": "o", "markersize": 2.5}
            label, grey = grey, None
        paced = [(take.at, take.words_per_minute) for take in series if take.words_per_minute]
        if paced:
            pace_axes.plot(*zip(*paced, strict=True), **style)
        length_axes.plot(xs, [take.speaking_s for take in series], label=label, **style)
    low, high = EASY_PACE
    band = pace_axes.axhspan(low, high, color="#dde7f3", zorder=0, linewidth=0)
    band_label = f"An unhurried pace: {low:.0f}\u2013{high:.0f} words a minute"
    top_pace = max((t.words_per_minute or 0 for oid, _ in recorded for t in takes[oid]), default=0)
    pace_axes.set_ylim(0, max(200.0, top_pace * 1.15))
    top_length = max(t.speaking_s for oid, _ in recorded for t in takes[oid])
    length_axes.set_ylim(0, max(30.0, top_length * 1.15))
    moments = [take.at for oid, _ in recorded for take in takes[oid]]
    for axes, title in (
        (pace_axes, "Pace (words a minute)"),
        (length_axes, "Speaking time (seconds)"),
    ):
        kit.style_axes(axes, grid_axis="y")
        axes.set_title(title, fontsize=kit.LABEL_SIZE, color=kit.INK, loc="left")
        _time_axis(axes, moments)
    handles, labels = length_axes.get_legend_handles_labels()
    figure.legend(
        [*handles, band],
        [*labels, band_label],
        loc="outside lower left",
        ncol=1,
        frameon=False,
        fontsize=kit.SMALL_SIZE + 0.5,
    )
    return figure
