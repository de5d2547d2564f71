"""Numbers and evidence figures as text (``flexprep.core.numbers``, no Qt)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from flexprep.core.numbers import evidence_figure, format_number, with_unit

GERMAN = {"decimal_point": ",", "group_separator": "."}


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (86, "86"),
        (86.0, "86"),
        (1234.5, "1,234.5"),
        (4.567, "4.57"),
        (12.345, "12.3"),
        (0.004, "0"),
        (-0.004, "0"),
        (-12.34, "-12.3"),
        (1_000_000, "1,000,000"),
        (999.96, "1,000"),
        (2.5e9, "2.5e+09"),
        (1_234_567_890, "1.23e+09"),
    ],
)
def test_readable_numbers(value: float, text: str) -> None:
    assert format_number(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1234567.25, "1,234,567.25"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1e-7, "0.0000001"),
        (2.0**53, "9,007,199,254,740,992"),
        (-2.5, "-2.5"),
        (0.0, "0"),
        (-0.0, "0"),
    ],
)
def test_exact_numbers_keep_every_digit(value: float, text: str) -> None:
    assert format_number(value, exact=True) == text
    assert float(text.replace(",", "")) == value


def test_the_marks_are_the_callers() -> None:
    assert format_number(1234.5, **GERMAN) == "1.234,5"
    assert format_number(1234567.25, exact=True, **GERMAN) == "1.234.567,25"
    assert format_number(1234.5, decimal_point=".", group_separator="") == "1234.5"
    assert format_number(1234.5, decimal_point=".", group_separator="\u202f") == "1\u202f234.5"
    assert format_number(2.5e9, **GERMAN) == "2,5e+09"


def test_units_follow_the_number() -> None:
    assert with_unit(86, "%") == "86%"
    assert with_unit(3, "\u2030") == "3\u2030"
    assert with_unit(12, "h") == "12 h"
    assert with_unit(3.5, "") == "3.5"
    assert with_unit(1234.5, "%", **GERMAN) == "1.234,5%"


def test_evidence_figure() -> None:
    metric = {
        "before": 86,
        "after": 95,
        "unit": "%",
        "before_label": "office",
        "after_label": "hybrid",
    }
    assert evidence_figure(metric) == "86% \u2192 95% (office \u2192 hybrid)"
    hours = {"before": 9, "after": 4.5, "unit": "hours", "before_label": "", "after_label": ""}
    assert evidence_figure(hours) == "9 hours \u2192 4.5 hours"
    assert evidence_figure({"before": None, "after": None}) == ""
    assert (
        evidence_figure(
            SimpleNamespace(before=None, after=1200, unit="", after_label="now", before_label="")
        )
        == "1,200 (now)"
    )
    assert (
        evidence_figure(
            {"before": 1234.5, "after": None, "unit": " % ", "before_label": " "}, **GERMAN
        )
        == "1.234,5%"
    )
