"""Charts in the window take the window's colours; the documents keep the print palette.

The chart modules (:mod:`flexprep.reports.charts`) draw for paper: a white page, dark
ink, light grid. :func:`theme_figure` repaints a figure drawn that way with the
window's palette — its background, its text, a grid and faint lines mixed from the
two, and the series colours lightened on a dark background so they stay readable.
The print colours are remembered on the figure, so it can be themed again when the
palette changes (light to dark and back).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QColor, QPalette

#: The print palette (see :mod:`flexprep.reports.chartkit`) by role.
_PAPER = ("#ffffff",)
_INK = ("#1f2933", "#000000", "#333333")
_MUTED = ("#66717e",)
_FAINT = ("#c5ccd6", "#cccccc")
_GRID = ("#e6e9ee", "#b0b0b0")
_BEFORE = ("#aab4c0",)
_ORIGINALS = "_flexprep_print_colours"


def _mix(first: QColor, second: QColor, share: float) -> QColor:
    """``share`` of ``first`` over the rest of ``second``."""
    return QColor.fromRgbF(
        first.redF() * share + second.redF() * (1 - share),
        first.greenF() * share + second.greenF() * (1 - share),
        first.blueF() * share + second.blueF() * (1 - share),
    )


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def colour_map(palette: QPalette) -> Callable[[str], str]:
    """Print colour (``#rrggbb``) → window colour, for ``palette``."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    dark = is_dark(palette)
    fixed: dict[str, QColor] = {}
    for names, colour in (
        (_PAPER, window),
        (_INK, text),
        (_MUTED, _mix(text, window, 0.68)),
        (_FAINT, _mix(text, window, 0.35)),
        (_GRID, _mix(text, window, 0.16)),
        (_BEFORE, _mix(text, window, 0.38)),
    ):
        for hex_name in names:
            fixed[hex_name] = colour

    def themed(hex_name: str) -> str:
        if hex_name in fixed:
            return str(fixed[hex_name].name())
        if not dark:
            return hex_name
        # A series colour: lighter on a dark background, its hue kept.
        colour = QColor(hex_name)
        return (
            str(_mix(QColor("#ffffff"), colour, 0.3).name())
            if colour.lightness() < 170
            else hex_name
        )

    return themed


def _slots(artist: Any) -> tuple[str, ...]:
    """The colour properties ``artist`` has (``color`` for ``get_color``/``set_color``)."""
    from matplotlib.collections import Collection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.text import Text

    if isinstance(artist, Text):
        return ("color",)
    if isinstance(artist, Line2D):
        return ("color", "markerfacecolor", "markeredgecolor")
    if isinstance(artist, Patch | Collection):
        return ("facecolor", "edgecolor")
    return ()


def _recolour(value: Any, themed: Callable[[str], str]) -> Any:
    """``value`` (one colour or an array of them) with each colour themed, alpha kept."""
    from matplotlib.colors import to_hex, to_rgba

    if isinstance(value, str) and value in ("none", "auto"):
        return value
    try:
        colour = to_rgba(value)
    except (ValueError, TypeError):
        try:
            return [_recolour(one, themed) for one in value]
        except TypeError:
            return value
    new = to_rgba(themed(to_hex(colour, keep_alpha=False)))
    return (new[0], new[1], new[2], colour[3])


def theme_figure(figure: Any, palette: QPalette) -> None:
    """Give ``figure`` (drawn with the print palette) the colours of ``palette``."""
    themed = colour_map(palette)
    originals: list[tuple[Any, str, Any]] | None = getattr(figure, _ORIGINALS, None)
    if originals is None:
        originals = []
        for artist in figure.findobj():
            for slot in _slots(artist):
                try:
                    originals.append((artist, slot, getattr(artist, f"get_{slot}")()))
                except (AttributeError, ValueError):
                    continue
        setattr(figure, _ORIGINALS, originals)
    for artist, slot, value in originals:
        if value is None or (hasattr(value, "__len__") and len(value) == 0):
            continue
        getattr(artist, f"set_{slot}")(_recolour(value, themed))
