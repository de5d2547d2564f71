"""*My brief*: a card for the last ten minutes on page 1, then everything once."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from documents_fixtures import CARD_FIVE, SENDER, TITLE, WORKBOOK_NAME, first_page, sample
from reports_fixtures import docx_text

from flexprep.reports import brief_card
from flexprep.reports.charts import confidence_figure
from flexprep.reports.documents import write_document
from flexprep.reports.model import normalise

TODAY = date(2026, 11, 30)  # three days before the sample's meeting


@pytest.fixture(scope="module")
def brief(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("brief")
    return write_document(sample(), "brief", folder / "brief.docx", today=TODAY, dpi=40)


@pytest.fixture(scope="module")
def card(brief: Path) -> str:
    return first_page(brief)


def test_card_opens_with_the_first_talking_point(card: str) -> None:
    opening = sample()["meeting"]["talking_points"][0]
    assert card.index("Open with") < card.index(opening)
    # The other talking points are not on the card.
    assert sample()["meeting"]["talking_points"][1] not in card


def test_card_has_the_must_haves_with_their_fallbacks_and_no_nice_to_have(card: str) -> None:
    for ask in sample()["asks"]:
        if ask["priority"] == "must":
            assert ask["title"] in card and f"Fallback: {ask['fallback']}" in card
        else:
            assert ask["title"] not in card


def test_card_has_the_five_likeliest_least_rehearsed_objections_in_order(card: str) -> None:
    positions = [card.index(text) for text in CARD_FIVE]
    assert positions == sorted(positions)
    others = [item["text"] for item in sample()["objections"] if item["text"] not in CARD_FIVE]
    assert others and not any(text in card for text in others)


def test_card_answers_in_one_line_with_the_numbers_of_the_evidence(card: str) -> None:
    # The urgent-request objection links the ticket-response metric: its numbers, not
    # only its title.
    assert (
        "\u2192 Between 10:00 and 15:00 I'm on chat and phone and will answer anything "
        "urgent within 30 minutes, and on Friday afternoons Sam is first contact."
    ) in card
    assert "Average response to ticket queries: 9 hours \u2192 5 hours" in card
    assert "On-time delivery of analysis requests: 86% \u2192 95%" in card
    # An answer that opens with an acknowledgement keeps its next sentence.
    assert "\u2192 I understand the worry about setting a precedent. I'm asking" in card


def test_card_has_the_walk_away_and_what_is_still_to_do(card: str) -> None:
    assert sample()["walk_away"] in card
    todo = card[card.index("Still to do") :]
    assert "1 objection was never rehearsed" in todo
    assert "Still below 4 with the meeting in 3 days" in todo
    # The user's own open next steps, with their dates; the manager's are not to-dos.
    assert (
        "Ask HR how a half day in the office counts towards the three-day attendance "
        "policy (by 2 December 2026)"
    ) in todo
    assert "Decide on the eight-week trial" not in todo


def test_card_fits_the_first_page_and_the_objections_follow(brief: Path) -> None:
    text = "\n".join(docx_text(brief).split("\n"))
    after_card = text[text.index("Still to do") :]
    assert after_card.index("Objections and my responses") > 0
    # The page break comes right after the card (the layout is checked page by page in
    # tests/test_documents_pages.py).
    assert "Objections and my responses" not in first_page(brief)


def test_objections_are_sorted_by_likelihood(brief: Path) -> None:
    text = docx_text(brief)
    section = text[text.index("Objections and my responses") :]
    likelihoods = [int(found) for found in re.findall(r"likelihood (\d)/5", section)]
    assert len(likelihoods) == len(sample()["objections"])
    assert likelihoods == sorted(likelihoods, reverse=True)
    # Numbered in the card's order: the card's five are the section's first five.
    for number, objection in enumerate(CARD_FIVE, start=1):
        assert f"{number}. {objection}" in section


def test_nothing_is_repeated(brief: Path) -> None:
    text = docx_text(brief)
    for ask in sample()["asks"]:
        assert text.count(ask["title"]) == 1, ask["title"]
    for offer in sample()["offers"]:
        assert text.count(offer["title"]) == 1, offer["title"]
    for objection in sample()["objections"]:
        assert text.count(objection["response"]) == 1


def test_brief_names_sender_addressee_and_title_and_is_private(brief: Path) -> None:
    import docx

    text = docx_text(brief)
    assert WORKBOOK_NAME in text  # the brief is the user's own: their label is fine
    assert TITLE in text and "Dana Whitfield, Pricing and Forecasting Manager" in text
    props = docx.Document(str(brief)).core_properties
    assert (props.title, props.author, props.language) == (TITLE, SENDER, "en-GB")
    assert "PRIVATE" in text


def test_order_is_most_likely_then_least_confident_then_fewest_rehearsals() -> None:
    rehearsed = [{"at": "2026-11-01T10:00", "confidence": 4, "seconds": 30}]
    objections = normalise({"name": "", "objections": [
        {"text": "rare", "likelihood": 1},
        {"text": "likely, confident", "likelihood": 5, "rehearsals": rehearsed * 2},
        {"text": "likely, less practised", "likelihood": 5, "rehearsals": rehearsed},
        {"text": "likely, never rehearsed", "likelihood": 5},
        {"text": "likely, weak", "likelihood": 5,
         "rehearsals": [{"at": "2026-11-02T10:00", "confidence": 2}]},
    ]})["objections"]  # fmt: skip
    order = [item["text"] for item in brief_card.objection_order(objections)]
    assert order == [
        "likely, never rehearsed",
        "likely, weak",
        "likely, less practised",
        "likely, confident",
        "rare",
    ]


def test_one_line_answer() -> None:
    assert brief_card.one_line_answer("Yes. It will work because of X. More.") == (
        "Yes. It will work because of X."
    )
    assert brief_card.one_line_answer(
        "A long enough first sentence that answers the question outright. Then more."
    ) == ("A long enough first sentence that answers the question outright.")
    assert brief_card.one_line_answer("") == ""
    long = "word " * 200
    assert len(brief_card.one_line_answer(long)) <= 230


def test_confidence_chart_shows_the_trend_and_the_weakest_few() -> None:
    from reports_fixtures import large_workbook

    objections = large_workbook()["objections"][:18]
    figure = confidence_figure(objections, weakest=3)
    assert figure is not None
    lines = figure.axes[0].get_lines()
    assert len(lines) == 4  # the three weakest and the overall line, not 18
    labels = [text.get_text() for text in figure.legends[0].get_texts()]
    assert labels[-1].startswith("Overall") and len(labels) == 4
    # The legend is drawn inside the figure, not cut off at its edges.
    figure.canvas.draw()
    box = figure.legends[0].get_window_extent()
    frame = figure.bbox
    assert box.x0 >= frame.x0 - 1 and box.x1 <= frame.x1 + 1
    assert box.y0 >= frame.y0 - 1 and box.y1 <= frame.y1 + 1
