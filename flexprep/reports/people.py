"""Who a document is from and to, its title, the greeting and the signature.

Every manager-facing document names its sender (``about``) and its addressee
(``manager``, ``manager_role``), and is titled by the proposal title the user chose,
never by the workbook's name, which is the user's own label (docs/design.md,
"Documents"). These helpers take a normalised workbook or a manager view.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from flexprep.reports import model
from flexprep.reports.text import one_line

if TYPE_CHECKING:
    from flexprep.reports.docxkit import DocBuilder

#: The title of a manager-facing document when the user has not chosen one.
NEUTRAL_TITLE = "Flexible working proposal"
#: A first word that is a title, not a first name: "Dear Dr Rao", not "Dear Dr".
_HONORIFICS = frozenset({
    "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "prof",
    "prof.", "professor", "sir", "dame", "lord", "lady", "rev", "rev.",
})  # fmt: skip


def document_title(view: dict[str, Any]) -> str:
    """The title the manager reads: the proposal title, else :data:`NEUTRAL_TITLE`."""
    return one_line(view["proposal_title"]) or NEUTRAL_TITLE


def sender_name(wb: dict[str, Any]) -> str:
    """The user's name (``about.name``), "" when not given."""
    return one_line(wb["about"]["name"])


def sender_line(about: dict[str, Any]) -> str:
    """``Leah Brennan, Pricing Analyst, Commercial Finance, Harbourside Foods Ltd``."""
    parts = [one_line(about[key]) for key in ("name", "role", "team", "employer")]
    return ", ".join(part for part in parts if part)


def addressee_line(view: dict[str, Any]) -> str:
    """``Dana Whitfield, Pricing and Forecasting Manager`` (what is known of it)."""
    parts = [one_line(view["manager"]), one_line(view["manager_role"])]
    return ", ".join(part for part in parts if part)


def greeting(view: dict[str, Any]) -> str:
    """``Dear Dana,`` (first name), ``Dear Dr Rao,`` (a title keeps the surname).

    Without a manager's name the greeting names no one rather than a stranger
    ("Dear Sir or Madam" is not how anyone writes to their own manager).
    """
    words = one_line(view["manager"]).split()
    if not words:
        return "Hello,"
    if words[0].lower() in _HONORIFICS and len(words) > 1:
        return f"Dear {words[0]} {words[-1]},"
    return f"Dear {words[0]},"


def letterhead(doc: DocBuilder, view: dict[str, Any], day: date) -> None:
    """From (name, role, team, employer; email below), To (name, role) and Date."""
    about = view["about"]
    sender = sender_line(about)
    email = one_line(about["email"])
    if email:
        sender = f"{sender}\n{email}" if sender else email
    doc.lines([("From", sender), ("To", addressee_line(view)), ("Date", model.format_date(day))])


def signature(doc: DocBuilder, view: dict[str, Any], closing: str = "Kind regards,") -> None:
    """The closing, then the sender's name, role and email (whatever is known)."""
    about = view["about"]
    doc.paragraph(closing, keep_with_next=True)
    name = one_line(about["name"])
    role = ", ".join(part for part in (one_line(about["role"]), one_line(about["team"])) if part)
    lines = [(name, "b")] if name else []
    for extra in (role, one_line(about["email"])):
        if extra:
            lines.append((("\n" if lines else "") + extra, ""))
    if lines:
        doc.rich(lines)


def record_close(doc: DocBuilder, view: dict[str, Any]) -> None:
    """The end of a written record of what was agreed: an offer to correct it, signed."""
    doc.paragraph(
        "If anything here differs from your understanding, please let me know and "
        "I will correct it.",
        keep_with_next=True,
    )
    signature(doc, view)
