"""Drafts stay out of what the manager reads unless the user asks for them.

A new workbook starts from its scenario's drafts: suggested asks and objections the
user has not yet made their own (``draft``). Objections never reach the manager; a
draft ask would reach the proposal, the follow-up and the letter word for word, so
manager-facing documents leave draft asks out by default (docs/design.md,
"Documents"). The scenario's suggested alternatives never reach them either: the
proposal does not list alternatives at all.
"""

from __future__ import annotations

from typing import Any


def _drafts(wb: dict[str, Any]) -> list[dict[str, Any]]:
    asks = wb.get("asks") if isinstance(wb, dict) else None
    if not isinstance(asks, list):
        return []
    return [ask for ask in asks if isinstance(ask, dict) and ask.get("draft") is True]


def draft_asks(wb: dict[str, Any]) -> int:
    """How many asks of ``wb`` (the ``workbook`` object) are still drafts."""
    return len(_drafts(wb))


def without_drafts(wb: dict[str, Any]) -> dict[str, Any]:
    """A shallow copy of ``wb`` without its draft asks (``wb`` is not changed)."""
    drafts = _drafts(wb)
    if not drafts:
        return wb
    kept = [ask for ask in wb["asks"] if not any(ask is draft for draft in drafts)]
    return {**wb, "asks": kept}


def left_out_note(wb: dict[str, Any], document: str) -> str:
    """The line the command line prints when drafts were left out; "" when none were."""
    count = draft_asks(wb)
    if not count:
        return ""
    what = "draft ask" if count == 1 else "draft asks"
    return (
        f"{count} {what} left out of the {document} (still marked as drafts); "
        "--include-drafts keeps them"
    )
