"""Shared look of the charts: palette, sizes, axis styling, PNG output.

Colours follow the Word documents (Office accent blue) and are told apart by shape or
label as well as hue, so a grey-scale print still reads.
"""

from __future__ import annotations

import functools
import io
import math
import re
import textwrap
import warnings
from typing import TYPE_CHECKING, Any, Literal

from flexprep.reports.text import chart_label

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

_UNDRAWABLE_RUN = re.compile("\x00+")

INK = "#1f2933"
MUTED = "#66717e"
FAINT = "#c5ccd6"
GRID = "#e6e9ee"
ACCENT = "#4f81bd"  # Word's "Accent 1": the charts match the tables.
BEFORE = "#aab4c0"
BETTER = "#2e7d32"
WORSE = "#c0392b"
MUST = ACCENT
NICE = "#e39b32"
SERIES = ("#4f81bd", "#e39b32", "#2e9e7a", "#b04f8c", "#8064a2", "#7f8c8d")

#: Width of the text column of the documents (A4, 2.2 cm margins), in inches.
TEXT_WIDTH_IN = 6.5
TITLE_SIZE = 10.0
LABEL_SIZE = 8.0
SMALL_SIZE = 7.0


@functools.cache
def _drawable_codepoints() -> frozenset[int]:
    from matplotlib import font_manager

    path = font_manager.findfont(font_manager.FontProperties())
    return frozenset(font_manager.get_font(path).get_charmap())


def label(text: Any, width: int = 40) -> str:
    """A safe, short, one-line chart label (see :func:`text.chart_label`).

    Characters the chart font cannot draw (CJK with the default DejaVu Sans, say) are
    replaced by an ellipsis rather than left to draw as boxes with a warning each time
    the figure is painted, in the window as in the documents.
    """
    drawable = _drawable_codepoints()
    safe = chart_label(text, width)
    if all(ord(char) in drawable for char in safe):
        return safe
    kept = _UNDRAWABLE_RUN.sub("\u2026", "".join(
        char if ord(char) in drawable or char == " " else "\x00" for char in safe
    ))  # fmt: skip
    return kept


def wrapped(text: Any, width: int, lines: int = 2) -> str:
    """A chart label folded onto at most ``lines`` lines of ``width`` characters."""
    return "\n".join(textwrap.wrap(label(text, width * lines), width)[:lines]) or " "


def new_figure(width: float, height: float) -> Figure:
    """A white, constrained-layout figure (no pyplot, so Qt can host it)."""
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    layout = ConstrainedLayoutEngine(w_pad=0.06, h_pad=0.06, hspace=0.08, wspace=0.06)
    return Figure(figsize=(width, height), layout=layout, facecolor="white")


def figure_title(figure: Figure, text: str) -> None:
    """Left-aligned bold figure title."""
    figure.suptitle(text, x=0.01, ha="left", fontsize=TITLE_SIZE, fontweight="bold", color=INK)


def style_axes(axes: Axes, *, grid_axis: Literal["x", "y", "both"] | None = "y") -> None:
    """Quiet axes: no box, light grid behind the data, small grey ticks."""
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(FAINT)
    axes.tick_params(colors=MUTED, labelsize=SMALL_SIZE, length=3, width=0.6)
    axes.set_axisbelow(True)
    if grid_axis:
        axes.grid(axis=grid_axis, color=GRID, linewidth=0.8)
    axes.set_facecolor("white")


def format_number(value: float) -> str:
    """Readable number: thousands separators, at most two decimals, no trailing zeros."""
    from flexprep.core import numbers

    return numbers.format_number(value)


def with_unit(value: float, unit: str) -> str:
    """``86%``, ``12 h``, ``3.5``: a number with its unit, tight for ``%``."""
    from flexprep.core import numbers

    return numbers.with_unit(value, unit)


_SUPERSCRIPTS = str.maketrans(
    "-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
)
_SCALES = ((1e12, "trillion"), (1e9, "billion"))


def readable_number(value: float) -> str:
    """A number as a reader of a document says it: ``2.5 billion``, never ``2.5e+09``.

    Below a billion it is :func:`format_number` (the window's rounding); up to a
    thousand trillion it is a number of billions or trillions; beyond, a power of ten
    (``1.2 × 10¹⁸``).
    """
    value = float(value)
    size = abs(value)
    if not math.isfinite(value) or size < 1e9:
        return format_number(value)
    for scale, word in _SCALES:
        if scale <= size < 1e15:
            return f"{format_number(value / scale)} {word}"
    exponent = math.floor(math.log10(size))
    mantissa = value / 10.0**exponent
    if abs(round(mantissa, 2)) >= 10:  # 9.999 rounds up to the next power
        mantissa, exponent = mantissa / 10, exponent + 1
    return f"{format_number(mantissa)} \u00d7 10{str(exponent).translate(_SUPERSCRIPTS)}"


def readable_with_unit(value: float, unit: str) -> str:
    """:func:`readable_number` with its unit, tight for ``%`` (``2.5 billion GBP``)."""
    from flexprep.core import numbers

    number = readable_number(value)
    if not unit:
        return number
    return f"{number}{unit}" if unit in numbers.TIGHT_UNITS else f"{number} {unit}"


def figure_png(fig: Figure, dpi: int = 200) -> bytes:
    """Render ``fig`` to PNG bytes at ``dpi`` (print resolution by default).

    Missing-glyph warnings (an emoji the font lacks) are silenced: the character is
    drawn as a box, which is better than failing an export.
    """
    import matplotlib

    buffer = io.BytesIO()
    # Unhinted text: indistinguishable at print resolution, and faster to draw.
    with warnings.catch_warnings(), matplotlib.rc_context({"text.hinting": "no_hinting"}):
        warnings.filterwarnings("ignore", message=r".*[Gg]lyph .* missing from")
        warnings.filterwarnings("ignore", message=r".*does not support .* script")
        warnings.filterwarnings("ignore", message=r".*constrained_layout not applied")
        fig.savefig(
            buffer, format="png", dpi=dpi, facecolor="white", pil_kwargs={"compress_level": 1}
        )
    return buffer.getvalue()
