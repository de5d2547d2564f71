"""Workbooks and readers for the document tests (tests/test_documents_*.py).

The bundled sample (a version 2 file with a sender, an addressee and a proposal title)
as it stands before the meeting, and as it would be after a trial was agreed or the
request was declined; and small readers for a written .docx.
"""

from __future__ import annotations

import copy
import json
import zipfile
from pathlib import Path
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample_workbook.json"

SENDER = "Leah Brennan"
SENDER_PARTS = (
    "Leah Brennan",
    "Pricing Analyst",
    "Commercial Finance",
    "Harbourside Foods Ltd",
    "leah.brennan@example.com",
)
ADDRESSEE_PARTS = ("Dana Whitfield", "Pricing and Forecasting Manager")
TITLE = "Tuesdays and Thursdays at home, and Friday afternoons for MBA study"
WORKBOOK_NAME = "Tue/Thu at home + Friday afternoons for the MBA"

#: The card's five objections for the sample: the likeliest first; among the equally
#: likely (4/5), the least confident first, then the one rehearsed fewer times.
CARD_FIVE = (
    "What happens when something urgent lands and I can't get hold of you?",  # 5/5
    "How will you keep up a full job and a demanding course without something giving?",
    "Friday afternoons are exactly when the commercial team sends its urgent requests.",
    "If I say yes to you, everyone will want the same.",  # 4/5, 5/5 after 4 rehearsals
    "Senior leadership notices who's in the office, and it reflects on me as your manager.",
)

#: After the meeting: what became of each of the sample's five asks.
OUTCOMES = (
    ("agreed", ""),
    ("changed", "only on the eight seminar Fridays each term"),
    ("open", ""),
    ("declined", "to look at again after the trial review"),
    ("agreed", ""),
)
NEXT_STEPS = [
    {
        "text": "Confirm the trial to HR and the team",
        "owner": "Dana Whitfield",
        "due": "2026-12-10",
    },
    {
        "text": "Book the fortnightly check-ins in both calendars",
        "owner": "Leah Brennan",
        "due": "2026-12-18",
    },
]
REFUSAL_REASONS = "Refusal reasons that belong to the appeal alone"


def sample() -> dict[str, Any]:
    """The bundled sample's ``workbook`` object (a fresh copy each call)."""
    return json.loads(SAMPLE.read_text(encoding="utf-8"))["workbook"]


def after_meeting(outcome: str) -> dict[str, Any]:
    """The sample after the meeting on 3 December 2026, with ``outcome``."""
    wb = sample()
    wb["meeting"]["outcome"] = outcome
    marks = OUTCOMES if outcome != "declined" else [("declined", "")] * len(OUTCOMES)
    for ask, (mark, note) in zip(wb["asks"], marks, strict=True):
        ask["outcome"], ask["outcome_note"] = mark, note
    wb["meeting"]["next_steps"] = copy.deepcopy(NEXT_STEPS)
    if outcome == "declined":
        wb["meeting"]["next_steps"] = [
            {
                "text": "Put my request in writing as a statutory request",
                "owner": "Leah Brennan",
                "due": "2026-12-11",
            }
        ]
        wb["meeting"]["refusal"] = {
            "reasons": REFUSAL_REASONS,
            "grounds": ["extra_costs"],
            "decided_on": "2026-12-03",
            "meeting_held": True,
        }
    return wb


def with_drafts() -> dict[str, Any]:
    """A new "Remote or hybrid" workbook as its scenario seeds it: draft asks only."""
    wb = sample()
    wb["asks"] = [
        {"title": "For example Tuesday and Thursday at home", "priority": "must", "draft": True},
        {"title": "Start at 08:00 on home days", "priority": "nice", "draft": True},
        {"title": "My own ask, in my own words", "priority": "must", "draft": False},
    ]
    return wb


def body_paragraphs(path: Path) -> list[str]:
    """The text of each body paragraph (table cells too), in order; "\\f" marks a page
    break (or a paragraph that starts a new page)."""
    import docx

    document = docx.Document(str(path))
    texts: list[str] = []
    for element in document.element.body.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag != "p":
            continue
        parts = []
        if element.find(f"{_W}pPr/{_W}pageBreakBefore") is not None:
            parts.append("\f")
        for node in element.iter():
            name = node.tag.rsplit("}", 1)[-1]
            if name == "t":
                parts.append(node.text or "")
            elif name == "br":
                kind = node.get(
                    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}type"
                )
                parts.append("\f" if kind == "page" else "\n")
            elif name == "tab":
                parts.append("\t")
        texts.append("".join(parts))
    return texts


def first_page(path: Path) -> str:
    """Everything before the first page break."""
    text = "\n".join(body_paragraphs(path))
    return text.split("\f", 1)[0]


def all_xml(path: Path) -> str:
    """Every XML part of the .docx (body, headers, footers, properties)."""
    with zipfile.ZipFile(path) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        )
