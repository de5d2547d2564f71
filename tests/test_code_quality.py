"""The house rules run with the tests, so CI keeps them: lint, format, types.

`ruff check` and `ruff format --check` on the whole tree; mypy strict on the Qt-free
layers (core and reports) and with `check_untyped_defs` on the window (ui).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TREES = ["flexprep", "tests", "benchmarks"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_ruff_finds_nothing() -> None:
    result = run("ruff", "check", *TREES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_formatted() -> None:
    result = run("ruff", "format", "--check", *TREES)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("paths", "options"),
    [
        (("flexprep/core", "flexprep/reports"), ("--strict",)),
        (("flexprep/ui", "flexprep/cli.py", "flexprep/app.py"), ("--check-untyped-defs",)),
    ],
    ids=["core and reports, strict", "ui, untyped defs checked"],
)
def test_mypy_finds_nothing(paths: tuple[str, ...], options: tuple[str, ...]) -> None:
    result = run("mypy", *options, *paths)
    assert result.returncode == 0, result.stdout + result.stderr
