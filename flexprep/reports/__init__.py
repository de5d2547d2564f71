"""Charts (matplotlib) and Word documents (python-docx) for FlexPrep. No Qt here.

Nothing heavy is imported until used: ``write_document`` loads python-docx and the
charts load matplotlib only when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flexprep.reports.documents import KINDS, write_document
    from flexprep.reports.privacy import manager_view

__all__ = ["KINDS", "manager_view", "write_document"]


def __getattr__(name: str) -> Any:
    if name in ("KINDS", "write_document"):
        from flexprep.reports import documents

        return getattr(documents, name)
    if name == "manager_view":
        from flexprep.reports.privacy import manager_view

        return manager_view
    raise AttributeError(f"module 'flexprep.reports' has no attribute {name!r}")
