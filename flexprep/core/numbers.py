"""Numbers and evidence figures as text: one way everywhere (no Qt).

The window passes its locale's decimal point and group separator; documents use the
defaults (``1,234.5``).
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

#: Units written straight after the number (``86%``); any other gets a space (``12 h``).
TIGHT_UNITS = ("%", "\u2030")


def _grouped(text: str, decimal_point: str, group_separator: str) -> str:
    """Plain ``-1234.5`` with the whole part grouped in threes and the given marks."""
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, dot, fraction = digits.partition(".")
    grouped = f"{int(whole):,}".replace(",", group_separator)
    return sign + grouped + (decimal_point + fraction if dot else "")


def format_number(
    value: float, *, decimal_point: str = ".", group_separator: str = ",", exact: bool = False
) -> str:
    """``value`` as people write it: thousands grouped, no trailing zeros.

    Args:
        value: the number.
        decimal_point: the mark before the decimals (``","`` in German).
        group_separator: the mark between thousands (``""`` for none).
        exact: every digit needed to read the same number back, for a field the user
            edits (``0.125``, ``1,234,567.25``). Otherwise readable, for lists and
            documents: two decimals below 10, one from 10 on, three significant digits
            from a billion on (``1.23e+09``).
    """
    value = float(value)
    if not math.isfinite(value):
        return str(value)
    if exact:
        # repr() is the shortest text that reads back as the same float; Decimal
        # writes it without an exponent.
        plain = format(Decimal(repr(value)), "f")
        if "." in plain:
            plain = plain.rstrip("0").rstrip(".")
    elif abs(value) >= 1e9:
        return f"{value:.3g}".replace(".", decimal_point)
    elif math.isclose(value, round(value), abs_tol=1e-9):
        plain = str(round(value))
    else:
        decimals = 2 if abs(value) < 10 else 1
        plain = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    if plain in ("-0", "", "-"):
        plain = "0"
    return _grouped(plain, decimal_point, group_separator)


def with_unit(
    value: float, unit: str, *, decimal_point: str = ".", group_separator: str = ","
) -> str:
    """``86%``, ``12 h``, ``3.5``: a readable number with its unit, tight for ``%``."""
    number = format_number(value, decimal_point=decimal_point, group_separator=group_separator)
    if not unit:
        return number
    return f"{number}{unit}" if unit in TIGHT_UNITS else f"{number} {unit}"


def _get(item: Any, key: str) -> Any:
    return item.get(key) if isinstance(item, dict) else getattr(item, key, None)


def evidence_figure(
    item: Any, *, labels: bool = True, decimal_point: str = ".", group_separator: str = ","
) -> str:
    """The figures of an evidence item in one line (``86% → 95% (office → hybrid)``).

    ``item`` is a dict or a row with ``before``, ``after``, ``unit`` and the two labels;
    "" when it has no figure. One value alone shows with its own label: ``1,200 (now)``.
    ``labels=False`` leaves the labels out, for a list column (``86% → 95%``).
    """
    marks = {"decimal_point": decimal_point, "group_separator": group_separator}
    before, after = _get(item, "before"), _get(item, "after")
    unit = str(_get(item, "unit") or "").strip()
    if before is None and after is None:
        return ""
    if before is None or after is None:
        value = after if after is not None else before
        label = str(_get(item, "after_label" if after is not None else "before_label") or "")
        label = label.strip() if labels else ""
        return with_unit(value, unit, **marks) + (f" ({label})" if label else "")
    text = f"{with_unit(before, unit, **marks)} \u2192 {with_unit(after, unit, **marks)}"
    names = [str(_get(item, key) or "").strip() for key in ("before_label", "after_label")]
    if labels and all(names):
        text += f" ({names[0]} \u2192 {names[1]})"
    return text
