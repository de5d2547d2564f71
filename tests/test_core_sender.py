"""Who I am is asked once, and the proposal title suggested from the must-haves."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from flexprep.core.models import About
from flexprep.core.sender import TITLE_LIMIT, suggest_title


def _ask(title: str, priority: str = "must", *, draft: bool = False) -> dict[str, Any]:
    return {"title": title, "priority": priority, "draft": draft}


# -- asked once ---------------------------------------------------------------------------


def test_the_first_workbook_starts_with_who_i_am_blank(service: Any) -> None:
    book = service.create_workbook("First", drafts=False)
    about = service.part(About, book.id)
    assert (about.name, about.role, about.email, about.employed_since) == ("", "", "", None)
    assert service.workbook(book.id).manager_role == ""


def test_a_new_workbook_starts_from_the_last_ones_sender_and_addressee(service: Any) -> None:
    old = service.create_workbook("Old job", drafts=False)
    service.update_part(About, old.id, name="Sam Old", employer="Old Ltd")
    service.update_workbook(old.id, manager="Former Boss", manager_role="Director")
    last = service.create_workbook("Last", drafts=False)
    service.update_part(
        About,
        last.id,
        name="Priya Shah",
        role="Pricing analyst",
        team="Commercial Finance",
        employer="Northwind Foods Ltd",
        email="priya.shah@example.com",
        employed_since=date(2021, 3, 1),
    )
    service.update_workbook(last.id, manager="Dana Whitfield", manager_role="Head of Finance")
    blank = service.create_workbook("Blank since", drafts=False)  # newest, says nothing
    service.update_part(About, blank.id, **dict.fromkeys(("name", "role", "team"), ""))
    service.update_part(About, blank.id, employer="", email="", employed_since=None)
    service.update_workbook(blank.id, manager="", manager_role="")

    new = service.create_workbook("Next ask", "remote_hybrid")
    about = service.part(About, new.id)
    assert (about.name, about.role, about.team, about.employer, about.email) == (
        "Priya Shah",
        "Pricing analyst",
        "Commercial Finance",
        "Northwind Foods Ltd",
        "priya.shah@example.com",
    )
    assert about.employed_since == date(2021, 3, 1)
    info = service.workbook(new.id)
    assert (info.manager, info.manager_role) == ("Dana Whitfield", "Head of Finance")
    assert info.proposal_title == ""  # the title belongs to each proposal
    # A copy, not a link: changing the new one leaves the last one alone.
    service.update_part(About, new.id, role="Senior pricing analyst")
    assert service.part(About, last.id).role == "Pricing analyst"


def test_a_manager_named_when_creating_is_kept(service: Any) -> None:
    old = service.create_workbook("Old", drafts=False)
    service.update_workbook(old.id, manager="Dana Whitfield", manager_role="Head of Finance")
    new = service.create_workbook("New", manager="Alex Moreau", drafts=False)
    info = service.workbook(new.id)
    assert (info.manager, info.manager_role) == ("Alex Moreau", "")


def test_who_i_am_travels_in_the_exported_file(service: Any) -> None:
    old = service.create_workbook("Old", drafts=False)
    service.update_part(About, old.id, name="Priya Shah")
    new = service.create_workbook("New", drafts=False)
    assert service.export_data(new.id)["about"]["name"] == "Priya Shah"


# -- the suggested title ---------------------------------------------------------------------


def test_one_must_have_is_the_title() -> None:
    asks = [_ask("Work from home on Tuesdays."), _ask("A later start", "nice")]
    assert suggest_title(asks) == "Work from home on Tuesdays"


def test_must_haves_are_joined_in_rank_order_with_drafts_left_out() -> None:
    asks = [
        _ask("Leave at 15:00 on Fridays"),
        _ask("For example Tuesday and Thursday at home", draft=True),
        _ask("A laptop", "nice"),
        _ask("Friday afternoons for MBA study"),
    ]
    assert suggest_title(asks) == "Leave at 15:00 on Fridays and Friday afternoons for MBA study"


def test_a_first_phrase_with_and_gets_a_comma() -> None:
    asks = [_ask("Tuesdays and Thursdays at home"), _ask("Core hours 10:00-15:00")]
    assert suggest_title(asks) == "Tuesdays and Thursdays at home, and core hours 10:00-15:00"


def test_names_and_acronyms_keep_their_capitals() -> None:
    asks = [_ask("leave early"), _ask("MBA study leave"), _ask("Fridays off")]
    assert suggest_title(asks) == "Leave early, MBA study leave and Fridays off"


def test_more_must_haves_than_fit_are_summed_up() -> None:
    asks = [_ask(f"Change number {n} to the working pattern") for n in range(1, 6)]
    title = suggest_title(asks)
    assert title.endswith(" and other changes") and len(title) <= TITLE_LIMIT
    assert title.startswith("Change number 1 to the working pattern")


def test_a_very_long_must_have_is_shortened_at_a_word() -> None:
    title = suggest_title([_ask("Work " + "remotely and flexibly " * 10)])
    assert len(title) <= TITLE_LIMIT and title.endswith("…")
    assert title.startswith("Work remotely and flexibly")


@pytest.mark.parametrize(
    "asks",
    [[], [_ask("Only a draft", draft=True)], [_ask("   ")]],
    ids=["none", "drafts only", "blank"],
)
def test_nothing_of_the_users_own_suggests_nothing(asks: list[dict[str, Any]]) -> None:
    assert suggest_title(asks) == ""


def test_without_must_haves_the_nice_to_haves_are_used() -> None:
    assert suggest_title([_ask("compressed hours", "nice")]) == "Compressed hours"
