"""Numbers as the user's locale writes them: :mod:`flexprep.core.numbers` with Qt's marks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale

from flexprep.core import numbers


def locale_marks(locale: QLocale | None = None) -> dict[str, str]:
    """The decimal point and group separator of ``locale`` (the default locale if None)."""
    locale = locale or QLocale()
    omit = bool(locale.numberOptions() & QLocale.NumberOption.OmitGroupSeparator)
    return {
        "decimal_point": locale.decimalPoint(),
        "group_separator": "" if omit else locale.groupSeparator(),
    }


def number_text(value: float | None, *, exact: bool = False, locale: QLocale | None = None) -> str:
    """``value`` for the screen ("" for no value); ``exact`` for a field the user edits."""
    if value is None:
        return ""
    return numbers.format_number(value, exact=exact, **locale_marks(locale))


def figure_text(item: Any, locale: QLocale | None = None, *, labels: bool = False) -> str:
    """An evidence item's figures as the lists of both tabs show them (``86% → 95%``).

    ``labels`` adds what the values were measured on (``(office → hybrid)``).
    """
    return numbers.evidence_figure(item, labels=labels, **locale_marks(locale))
