"""Who a workbook is from and for, asked once, and the title the manager reads.

A new workbook starts with the sender (``about``) and the addressee (``manager``,
``manager_role``) of the workbook the user worked on last, so "Who I am" is typed
once (docs/design.md, "Who it is from and to"). :func:`suggest_title` offers a
proposal title made from the user's own must-have asks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, text

from flexprep.core import fields, vocab

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from flexprep.core.models import Workbook

#: The longest suggested title; must-haves that do not fit are summed up.
TITLE_LIMIT = 90
#: The most must-haves named in a suggested title.
TITLE_ASKS = 3
#: Words that keep their capital inside a title (days, months, "I").
_PROPER = frozenset(
    word.lower()
    for day in vocab.WEEKDAYS.values()
    for word in (day, day + "s", day[:3], day[:3] + ".")
) | {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "i", "i'm", "i'd", "i'll",
}  # fmt: skip


def carry_over(session: Session, book: Workbook) -> None:
    """Start ``book`` (new, flushed) from the last workbook's sender and addressee.

    The sender comes from the most recently updated other workbook whose ``about``
    holds anything; the addressee likewise, only when ``book`` names no manager.
    """
    from flexprep.core.models import About, Workbook

    blank = About.name == ""
    for key in fields.ABOUT.keys[1:]:
        column = getattr(About, key)
        blank &= column.is_(None) if key == "employed_since" else column == ""
    last = session.scalar(
        select(About)
        .join(Workbook, Workbook.id == About.workbook_id)
        .where(Workbook.id != book.id, ~blank)
        .order_by(Workbook.updated_at.desc(), Workbook.id.desc())
        .limit(1)
    )
    values = {key: getattr(last, key) for key in fields.ABOUT.keys} if last is not None else {}
    if book.about is None:
        book.about = About(workbook_id=book.id, **values)
    if book.manager.strip() or book.manager_role.strip():
        return
    addressee = session.execute(
        text(
            "SELECT manager, manager_role FROM workbook WHERE id != :id AND "
            "(manager != '' OR manager_role != '') ORDER BY updated_at DESC, id DESC LIMIT 1"
        ),
        {"id": book.id},
    ).first()
    if addressee is not None:
        book.manager, book.manager_role = addressee


def suggest_title(asks: Iterable[Mapping[str, Any]]) -> str:
    """A proposal title from the must-have asks of the user's own, in rank order.

    Drafts (suggestions never made the user's own) are left out; without a must-have
    the other asks are used; without any, "" (there is nothing to suggest from).
    Up to :data:`TITLE_ASKS` asks are named, as many as fit :data:`TITLE_LIMIT`
    characters; the rest are summed up as "other changes".
    """
    own = [a for a in asks if not a.get("draft") and _phrase(str(a.get("title") or ""))]
    chosen = [a for a in own if a.get("priority") == "must"] or own
    phrases = [_phrase(str(a["title"])) for a in chosen]
    if not phrases:
        return ""
    phrases = [phrases[0][:1].upper() + phrases[0][1:], *(_lower_first(p) for p in phrases[1:])]
    for count in range(min(len(phrases), TITLE_ASKS), 0, -1):
        title = _join(phrases[:count], more=count < len(phrases))
        if len(title) <= TITLE_LIMIT:
            return title
    return _shorten(phrases[0], TITLE_LIMIT)


def _phrase(title: str) -> str:
    """An ask's title on one line, without closing punctuation."""
    return " ".join(title.split()).rstrip(" .;:,!")


def _lower_first(phrase: str) -> str:
    """ "Leave at 15:00" → "leave at 15:00"; "Fridays off", "MBA study" stay as they are."""
    first = phrase.split(" ", 1)[0]
    if first.lower() in _PROPER or not re.fullmatch(r"[A-Z][a-z'’-]*", first):
        return phrase
    return phrase[:1].lower() + phrase[1:]


def _join(phrases: list[str], *, more: bool) -> str:
    if more:
        phrases = [*phrases, "other changes"]
    if len(phrases) == 1:
        return phrases[0]
    separator = ", and " if len(phrases) == 2 and " and " in phrases[0] else " and "
    return ", ".join(phrases[:-1]) + separator + phrases[-1]


def _shorten(phrase: str, limit: int) -> str:
    if len(phrase) <= limit:
        return phrase
    cut = phrase[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return cut + "…"


def email_problem(address: str) -> str:
    """What is wrong with an email address as typed ("" when blank or plausible)."""
    address = address.strip()
    if not address:
        return ""
    if any(ch.isspace() for ch in address):
        return "an email address has no spaces"
    local, at, domain = address.rpartition("@")
    if not at or not local:
        return "an email address looks like name@example.com"
    if "." not in domain.strip(".") or domain.startswith(".") or domain.endswith("."):
        return f"“{domain}” is not a full domain (like example.com)"
    return ""


def since_problem(day: date | None, today: date) -> str:
    """What is wrong with an employment start date ("" when none or plausible)."""
    if day is not None and day > today:
        return "this is after today: give the date you started with your employer"
    return ""
