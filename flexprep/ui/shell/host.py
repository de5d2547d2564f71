"""What the workbook commands need from the window they serve.

A module of its own so that the commands and the mixins they are built from
(:mod:`~flexprep.ui.shell.document_export`) can name it without importing each other.
"""

from __future__ import annotations

from typing import Protocol


class CommandHost(Protocol):
    """What the commands need from the window they serve (the window provides it)."""

    @property
    def workbook_id(self) -> int | None: ...

    @property
    def workbook_name(self) -> str:
        """The open workbook's name as the switcher shows it ("" with none open)."""

    def switch_to(self, workbook_id: int | None) -> None:
        """Show the workbook ``workbook_id`` (None: the welcome page)."""

    def show_first_tab(self) -> None:
        """Bring the first tab to the front."""

    def show_switcher(self) -> None:
        """Open the workbook switcher's list."""
