"""Workbooks for the report tests and the benchmark (no Qt, no database)."""

from __future__ import annotations

import copy
import random
from datetime import date, datetime, timedelta
from typing import Any

_RICH: dict[str, Any] = {
    "name": "Tue/Thu remote for the MBA",
    "scenario": "education",
    "manager": "Dana Whitfield",
    "notes": "Ask Priya how she framed her compressed week last spring.",
    "self_assessment": {
        "goals": "Finish the part-time MBA by June 2028 without dropping below full output.",
        "balance": "Two fewer commutes a week gives me back about five hours for coursework.",
        "schedule": "Lectures are Tuesday and Thursday evenings, 18:00-21:00, in town.",
        "workload": "Steady; the quarter-end close is the only crunch.",
        "role_fit": "Most of my analysis work is heads-down and already done on a laptop.",
        "work_style": "I do my best deep work early; mornings at home would suit that.",
        "focus_data": "My ticket throughput on the two pilot home days was 20% higher.",
        "track_record": "On-time delivery 94% this year; no missed close deadlines.",
        "business_case": (
            "Remote Tuesdays and Thursdays let me take the MBA modules in finance and "
            "operations, which the team lacks, at no cost to the company.\n"
            "Coverage and response times stay as they are today."
        ),
        "their_interests": "Dana cares about the close calendar and client response times.",
        "constraints": "Client workshops are on Wednesdays and must stay in person.",
        "precedents": "Priya moved to a compressed week last year and it worked.",
        "team_impact": "Sam covers the shared inbox on my home days; I cover his Fridays.",
        "timing": "After the Q4 close, before budget season starts.",
    },
    "asks": [
        {
            "title": "Work from home on Tuesdays and Thursdays",
            "details": "From 8:00 to 16:30.",
            "priority": "must",
            "fallback": "Thursdays only for the first term",
            "importance": 5,
            "resistance": 3,
            "in_request": True,
        },
        {
            "title": "Leave at 16:30 on lecture days",
            "details": "To reach class by 18:00.",
            "priority": "must",
            "fallback": "Leave at 17:00 and join class late",
            "importance": 5,
            "resistance": 2,
            "in_request": True,
        },
        {
            "title": "Two study days before each exam",
            "details": "Taken as annual leave.",
            "priority": "nice",
            "fallback": "One study day",
            "importance": 3,
            "resistance": 3,
        },
        {
            "title": "Course fees part-funded",
            "details": "A learning budget contribution.",
            "priority": "nice",
            "fallback": "Pay myself",
            "importance": 3,
            "resistance": 3,
        },
        {
            "title": "Quiet desk on office days",
            "details": "",
            "priority": "nice",
            "fallback": "",
            "importance": 2,
            "resistance": 1,
            "draft": True,
        },
    ],
    "offers": [
        {
            "title": "In the office every Wednesday for client workshops",
            "details": "And any other day at 48 hours' notice.",
        },
        {"title": "Weekly written status update", "details": "Every Friday by noon."},
        {"title": "Cover Sam's Fridays", "details": "So the shared inbox is never unattended."},
    ],
    "walk_away": "If neither day is possible, I will ask HR about a formal statutory request.",
    "objections": [
        {
            "id": "o1",
            "text": "If you are at home, how will I know what you are working on?",
            "theme": "visibility",
            "likelihood": 4,
            "draft": False,
            "origin": "library",
            "response": "A weekly written update and a shared board of my tickets.",
            "evidence": ["e1", "e3"],
            "rehearsals": [
                {"at": "2026-11-16T19:05:00", "confidence": 2, "seconds": 55},
                {"at": "2026-11-18T20:10:00", "confidence": 3, "seconds": 41},
                {"at": "2026-11-22T08:30:00", "confidence": 4, "seconds": 35},
            ],
        },
        {
            "id": "o2",
            "text": "Clients expect you to pick up the phone straight away.",
            "theme": "clients",
            "likelihood": 3,
            "draft": False,
            "origin": "user",
            "response": "Calls forward to my mobile; response time stays under one hour.",
            "evidence": ["e2"],
            "rehearsals": [
                {"at": "2026-11-17T19:00:00", "confidence": 3, "seconds": 30},
                {"at": "2026-11-22T08:40:00", "confidence": 3, "seconds": 28},
            ],
        },
        {
            "id": "o3",
            "text": "If I say yes to you, everyone will want the same.",
            "theme": "fairness",
            "likelihood": 5,
            "draft": True,
            "origin": "library",
            "response": "Judge each request on its merits; the trial gives you the data.",
            "evidence": [],
            "rehearsals": [
                {"at": "2026-11-18T21:00:00", "confidence": 1, "seconds": 60},
                {"at": "2026-11-20T19:30:00", "confidence": 2, "seconds": 52},
                {"at": "2026-11-24T07:50:00", "confidence": 4, "seconds": 38},
            ],
        },
        {
            "id": "o4",
            "text": "What about the quarter-end close?",
            "theme": "coverage",
            "likelihood": 2,
            "origin": "user",
            "response": "",
            "evidence": [],
            "rehearsals": [],
        },
    ],
    "endorsements": [
        {
            "author": "Maria Lopez",
            "relationship": "client",
            "date": "2026-10-02",
            "quote": "Always responsive, even on the days she works from home.",
            "speaks_to": ["reliability", "communication"],
            "shareable": True,
        },
        {
            "author": "Tom Reed",
            "relationship": "mentor",
            "date": "2026-09-14",
            "quote": "Ask for the trial, not the permanent change.",
            "speaks_to": ["adaptability"],
            "shareable": False,
        },
        {
            "author": "Sam Okafor",
            "relationship": "peer",
            "date": "2026-11-01",
            "quote": "Hand-offs with her are the cleanest on the team.",
            "speaks_to": ["quality"],
            "shareable": True,
        },
    ],
    "evidence": [
        {
            "id": "e1",
            "kind": "metric",
            "title": "On-time delivery",
            "details": "",
            "source": "Team dashboard",
            "unit": "%",
            "before": 86,
            "before_label": "Office 2024",
            "after": 94,
            "after_label": "Hybrid 2025",
            "higher_is_better": True,
        },
        {
            "id": "e2",
            "kind": "metric",
            "title": "Client response time",
            "details": "Median.",
            "source": "Helpdesk report",
            "unit": "min",
            "before": 48,
            "before_label": "Q1",
            "after": 35,
            "after_label": "Q3",
            "higher_is_better": False,
        },
        {
            "id": "e3",
            "kind": "metric",
            "title": "Tickets closed per week",
            "details": "",
            "source": "Jira",
            "unit": "",
            "before": 31,
            "before_label": "Office weeks",
            "after": 37,
            "after_label": "Pilot home days",
            "higher_is_better": True,
        },
        {
            "id": "e4",
            "kind": "metric",
            "title": "Rework rate",
            "details": "",
            "source": "QA log",
            "unit": "%",
            "before": 4.2,
            "before_label": "2024",
            "after": 4.6,
            "after_label": "2025",
            "higher_is_better": False,
        },
        {
            "id": "e5",
            "kind": "achievement",
            "title": "Led the ERP migration",
            "details": "Delivered two weeks early, under budget.",
            "source": "Project close-out",
        },
        {
            "id": "e6",
            "kind": "research",
            "title": "Hybrid work kept productivity, cut quits",
            "details": "A randomised trial of 1,612 employees found hybrid work cut quit rates "
            "by a third with no loss of performance.",
            "source": "Bloom, Han & Liang, Nature (2024)",
        },
        {
            "id": "e7",
            "kind": "precedent",
            "title": "Priya's compressed week",
            "details": "Approved in 2025 after a three-month trial.",
            "source": "Team",
        },
    ],
    "plan": {
        "schedule": {
            "mon": {"where": "office", "hours": "09:00-17:30"},
            "tue": {"where": "remote", "hours": "08:00-16:30"},
            "wed": {"where": "office", "hours": "09:00-17:30"},
            "thu": {"where": "remote", "hours": "08:00-16:30"},
            "fri": {"where": "flexible"},
        },
        "trial_weeks": 8,
        "trial_start": "2027-01-11",
        "checkin": "biweekly",
        "success_measures": [
            "On-time delivery stays at or above 90%",
            "Client response time under one hour",
            "No missed close deadlines",
        ],
        "coverage": "Sam covers the shared inbox on Tuesdays and Thursdays after 16:30.",
        "communication": "Status in the team channel; camera on for stand-up.",
        "core_hours": "10:00-15:00",
        "response_time": "Within one hour in core hours",
        "escalation": "Urgent client issues go to Sam, then to Dana by phone.",
        "alternatives": ["compressed_week", "phased_start"],
        "review_date": "2027-03-08",
    },
    "meeting": {
        "at": "2026-12-03T10:00:00",
        "timing_notes": "Not on a Monday; Dana is calmest after the Thursday stand-up.",
        "talking_points": [
            "Open with the business case, not the MBA",
            "Offer the trial before she asks",
            "Show the on-time delivery chart",
        ],
        "notes": "She asked for the Wednesday workshops to stay.",
        "outcome": "trial",
        "next_steps": [
            "Dana to confirm with HR by 10 December",
            "I send the written proposal tomorrow",
        ],
        "timing_checks": ["after_deadline", "calm_week"],
    },
    "trial_log": [
        {"date": "2027-01-12", "text": "First home Tuesday: no issues; stand-up on video."},
        {"date": "2027-01-19", "text": "Client call forwarded fine."},
    ],
    # A Great Britain statutory request: the asks above marked in_request are the
    # changes to hours and place it covers.
    "request": {"jurisdiction": "gb", "proposed_start": "2027-01-11", "previous_requests": []},
}


def rich_workbook() -> dict[str, Any]:
    """A fully filled, realistic workbook (a fresh deep copy each call)."""
    return copy.deepcopy(_RICH)


def large_workbook(seed: int = 7) -> dict[str, Any]:
    """100 asks, 300 objections with 2,000 rehearsals, 200 evidence, 100 endorsements."""
    rng = random.Random(seed)
    words = [
        "client",
        "coverage",
        "quarter",
        "close",
        "response",
        "remote",
        "office",
        "team",
        "report",
        "review",
        "delivery",
        "budget",
        "focus",
        "trial",
        "weekly",
        "hand-off",
        "inbox",
        "schedule",
    ]

    def phrase(count: int) -> str:
        return " ".join(rng.choice(words) for _ in range(count)).capitalize()

    wb = rich_workbook()
    wb["name"] = "Large workbook"
    wb["asks"] = [
        {
            "title": phrase(5),
            "details": phrase(12),
            "priority": rng.choice(["must", "nice"]),
            "fallback": phrase(6),
            "importance": rng.randint(1, 5),
            "resistance": rng.randint(1, 5),
        }
        for _ in range(100)
    ]
    start = datetime(2026, 9, 1, 19, 0)
    counts = [6] * 200 + [8] * 100  # 2,000 rehearsals in all
    wb["objections"] = [
        {
            "id": f"o{i}",
            "text": phrase(10) + "?",
            "theme": "other",
            "likelihood": 3,
            "response": phrase(40),
            "evidence": [f"e{rng.randint(1, 200)}"],
            "rehearsals": [
                {
                    "at": (start + timedelta(days=rng.randint(0, 80), minutes=i)).isoformat(),
                    "confidence": rng.randint(1, 5),
                    "seconds": rng.randint(20, 90),
                }
                for _ in range(count)
            ],
        }
        for i, count in enumerate(counts, start=1)
    ]
    kinds = ["metric", "achievement", "research", "precedent"]
    wb["evidence"] = [
        {
            "id": f"e{i}",
            "kind": kinds[i % 4],
            "title": phrase(4),
            "details": phrase(20),
            "source": phrase(3),
            "unit": "%",
            "before": rng.randint(40, 90),
            "before_label": "Before",
            "after": rng.randint(40, 99),
            "after_label": "After",
            "higher_is_better": bool(i % 3),
        }
        for i in range(1, 201)
    ]
    wb["endorsements"] = [
        {
            "author": phrase(2),
            "relationship": "peer",
            "date": str(date(2026, 1, 1)),
            "quote": phrase(25),
            "speaks_to": ["quality"],
            "shareable": bool(i % 2),
        }
        for i in range(100)
    ]
    return wb


#: Private marker per private field: (marker, how to place it in a workbook).
PRIVATE_MARKERS: dict[str, str] = {
    **{
        f"self_assessment.{key}": f"privsa{key.replace('_', '')}mark"
        for key in (
            "goals",
            "balance",
            "schedule",
            "workload",
            "role_fit",
            "work_style",
            "focus_data",
            "track_record",
            "their_interests",
            "constraints",
            "precedents",
            "team_impact",
            "timing",
        )
    },
    "asks.fallback": "privaskfallbackmark",
    "walk_away": "privwalkawaymark",
    "objections.text": "privobjectiontextmark",
    "objections.response": "privobjectionresponsemark",
    "endorsements.author": "privendorsementauthormark",
    "endorsements.quote": "privendorsementquotemark",
    "meeting.timing_notes": "privtimingnotesmark",
    "meeting.talking_points": "privtalkingpointmark",
    "meeting.notes": "privmeetingnotesmark",
    "meeting.timing_checks": "privtimingcheckmark",
    "notes": "privworkbooknotesmark",
}

#: Shareable marker per field a manager-facing document must carry.
SHARED_MARKERS: dict[str, str] = {
    "self_assessment.business_case": "sharebusinesscasemark",
    "asks.title": "shareasktitlemark",
    "asks.details": "shareaskdetailsmark",
    "offers.title": "shareoffertitlemark",
    "endorsements.quote": "shareendorsementquotemark",
    "evidence.title": "shareevidencetitlemark",
    "plan.coverage": "sharecoveragemark",
    "meeting.next_steps": "sharenextstepmark",
}


def marked_workbook() -> dict[str, Any]:
    """The rich workbook with a distinctive marker string in every private field.

    Also: a second, private endorsement; a timing check that is only a marker key;
    every ask with a fallback; shareable markers in fields the manager may read.
    """
    wb = rich_workbook()
    sa = wb["self_assessment"]
    for field, marker in PRIVATE_MARKERS.items():
        if field.startswith("self_assessment."):
            sa[field.split(".", 1)[1]] = f"My answer {marker}."
    sa["business_case"] = f"The case {SHARED_MARKERS['self_assessment.business_case']}."
    for index, ask in enumerate(wb["asks"]):
        ask["fallback"] = f"{PRIVATE_MARKERS['asks.fallback']} {index}"
    wb["asks"][0]["title"] = f"Ask {SHARED_MARKERS['asks.title']}"
    wb["asks"][0]["details"] = f"Details {SHARED_MARKERS['asks.details']}"
    wb["offers"][0]["title"] = f"Offer {SHARED_MARKERS['offers.title']}"
    wb["walk_away"] = f"Walk away {PRIVATE_MARKERS['walk_away']}"
    for objection in wb["objections"]:
        objection["text"] = f"Objection {PRIVATE_MARKERS['objections.text']}?"
        objection["response"] = f"Response {PRIVATE_MARKERS['objections.response']}"
    private = next(item for item in wb["endorsements"] if not item["shareable"])
    private["author"] = f"Author {PRIVATE_MARKERS['endorsements.author']}"
    private["quote"] = f"Quote {PRIVATE_MARKERS['endorsements.quote']}"
    wb["endorsements"][0]["quote"] = f"Quote {SHARED_MARKERS['endorsements.quote']}"
    wb["evidence"][0]["title"] = f"Metric {SHARED_MARKERS['evidence.title']}"
    wb["plan"]["coverage"] = f"Coverage {SHARED_MARKERS['plan.coverage']}"
    meeting = wb["meeting"]
    meeting["timing_notes"] = f"Timing {PRIVATE_MARKERS['meeting.timing_notes']}"
    meeting["talking_points"] = [f"Point {PRIVATE_MARKERS['meeting.talking_points']}"]
    meeting["notes"] = f"Notes {PRIVATE_MARKERS['meeting.notes']}"
    meeting["timing_checks"] = ["calm_week", PRIVATE_MARKERS["meeting.timing_checks"]]
    meeting["next_steps"] = [f"Step {SHARED_MARKERS['meeting.next_steps']}"]
    wb["notes"] = f"Notes {PRIVATE_MARKERS['notes']}"
    return wb


def docx_text(path: Any) -> str:
    """All visible text of a .docx: body in order (paragraphs and table cells),
    headers and footers, and the core properties."""
    import docx

    document = docx.Document(str(path))
    parts: list[str] = []
    body = document.element.body
    for element in body.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            parts.append("".join(_run_text(node) for node in element.iter()))
    for section in document.sections:
        for part in (section.header, section.footer):
            parts.extend(paragraph.text for paragraph in part.paragraphs)
    props = document.core_properties
    parts += [
        props.title,
        props.subject,
        props.author,
        props.comments,
        props.keywords,
        props.category,
        props.last_modified_by,
    ]
    return "\n".join(part or "" for part in parts)


def _run_text(node: Any) -> str:
    tag = node.tag.rsplit("}", 1)[-1]
    if tag == "t":
        return node.text or ""
    if tag in ("br", "cr"):
        return "\n"
    if tag == "tab":
        return "\t"
    return ""


def docx_xml(path: Any) -> str:
    """Every XML part of a .docx, decompressed and concatenated (for leak checks)."""
    import zipfile

    with zipfile.ZipFile(str(path)) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        )
