"""Write the Word documents: ``brief``, ``proposal``, ``followup``, ``letter``, ``appeal``.

Manager-facing documents are built only from :func:`~flexprep.reports.privacy.
manager_view`; only the brief sees the whole workbook. Files are written atomically.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import Any

from flexprep.core.files import atomic_write
from flexprep.reports.drafts import without_drafts

KINDS: tuple[str, ...] = ("brief", "proposal", "followup", "letter", "appeal", "review")


def _inner(wb: dict[str, Any]) -> dict[str, Any]:
    """Accept the whole file (``{"format": ..., "workbook": {...}}``) as well."""
    inner = wb.get("workbook") if isinstance(wb, dict) else None
    if isinstance(inner, dict) and "format" in wb:
        return inner
    return wb


def _check_target(path: Path) -> None:
    folder = path.parent
    if not folder.exists():
        raise FileNotFoundError(f"folder does not exist: {folder}")
    if not folder.is_dir():
        raise NotADirectoryError(f"not a folder: {folder}")
    if path.is_dir():
        raise IsADirectoryError(f"is a folder, not a file: {path}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PermissionError(f"cannot write to folder: {folder}")
    if path.exists() and not os.access(path, os.W_OK):
        raise PermissionError(f"cannot overwrite read-only file: {path}")


def _sign(builder: Any, wb: dict[str, Any], kind: str) -> None:
    """Every document: the user as author; a manager's copy titled by the proposal title.

    Done here, once for every kind, so that no document can be written by "FlexPrep"
    or carry the workbook's own name as its title.
    """
    from flexprep.reports import model, people
    from flexprep.reports.text import one_line

    full = model.normalise_own(wb)  # (names and people only: no item lists)
    builder.sign(people.sender_name(full))
    title = builder.document.core_properties.title or ""
    name = one_line(full["name"])
    if kind != "brief" and name and name in title and name not in full["proposal_title"]:
        builder.retitle(people.document_title(full))


def write_document(
    wb: dict[str, Any],
    kind: str,
    path: str | os.PathLike[str],
    *,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    dpi: int = 200,
    include_drafts: bool = False,
) -> Path:
    """Write the document ``kind`` for workbook ``wb`` to ``path`` and return the path.

    Args:
        wb: the ``workbook`` object of file format v1 (missing keys are fine).
        kind: ``brief``, ``proposal``, ``followup``, ``letter`` or ``appeal``. The letter
            and the appeal are written whatever the workbook holds (an incomplete letter
            says so at its top); the command line gates them (:mod:`flexprep.core.law`).
        path: the .docx to write; its folder must exist. An existing file is replaced
            only once the new one is complete.
        today: the date printed on the document (default: today).
        progress: called as ``progress(done, total)`` between major steps.
        dpi: resolution of the charts (print quality by default).
        include_drafts: keep draft asks in a manager-facing document (left out by
            default; the brief always has them).

    Raises:
        ValueError: unknown ``kind``.
        FileNotFoundError: the folder does not exist.
        PermissionError: the folder or the existing file is not writable.
    """
    if kind not in KINDS:
        raise ValueError(
            f"unknown document '{kind}': choose brief, proposal, followup, letter, appeal or review"
        )
    target = Path(path)
    _check_target(target)
    module = import_module(f"flexprep.reports.{kind}")
    total = int(module.STEPS) + 1
    done = 0

    def step() -> None:
        nonlocal done
        done = min(done + 1, total)
        if progress is not None:
            progress(done, total)

    if progress is not None:
        progress(0, total)
    inner = _inner(wb)
    if kind != "brief" and not include_drafts:
        inner = without_drafts(inner)
    builder = module.build(inner, today=today or date.today(), dpi=dpi, step=step)
    _sign(builder, inner, kind)
    atomic_write(target, builder.save)
    done = total - 1
    step()
    return target
