"""A large, deterministic workbook for benchmarks (file format v1, inner object).

``large_workbook()`` has 100 asks, 300 objections with 2,000 rehearsals in all, 200
evidence items (linked from the objections) and 100 endorsements, plus every other part,
with text in several scripts. Used by ``bench_cli.py`` and the reports benchmark.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

ASKS = 100
OBJECTIONS = 300
REHEARSALS = 2000
EVIDENCE = 200
ENDORSEMENTS = 100

THEMES = (
    "visibility",
    "responsiveness",
    "collaboration",
    "coverage",
    "performance",
    "fairness",
    "policy",
    "clients",
    "security",
    "cost",
    "other",
)
WORDS = (
    "delivery",
    "hand-off",
    "client",
    "review",
    "déjà vu",
    "working from home",
    "Überstunden",
    "تقرير",
    "会議",
    "trial",
    "coverage",
    "🚀",
    "metrics",
    "focus",
)


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def large_workbook(
    seed: int = 7, objections: int = OBJECTIONS, rehearsals: int = REHEARSALS
) -> dict[str, Any]:
    """The inner ``workbook`` object of a large workbook file (always the same)."""
    rng = random.Random(seed)
    objection_count, rehearsal_count = objections, rehearsals
    start = datetime(2026, 9, 1, 8, 0, 0)
    evidence = []
    for n in range(1, EVIDENCE + 1):
        kind = ("metric", "achievement", "research", "precedent")[n % 4]
        metric = kind == "metric"
        evidence.append(
            {
                "id": f"e{n}",
                "kind": kind,
                "title": f"Evidence {n}: {_sentence(rng, 3)}",
                "details": _sentence(rng, 25),
                "source": f"Source {n}",
                "unit": "%" if metric else "",
                "before": round(rng.uniform(50, 90), 1) if metric else None,
                "before_label": "2024" if metric else "",
                "after": round(rng.uniform(60, 99), 1) if metric else None,
                "after_label": "2025" if metric else "",
                "higher_is_better": n % 5 != 0,
            }
        )
    # 2,000 rehearsals spread over 300 objections (some have none).
    counts = [0] * objection_count
    for _ in range(rehearsal_count):
        counts[rng.randrange(objection_count)] += 1
    objections = []
    for n in range(1, objection_count + 1):
        at = start + timedelta(hours=n)
        rehearsals = []
        for _ in range(counts[n - 1]):
            at += timedelta(minutes=rng.randint(5, 3000))
            rehearsals.append(
                {
                    "at": at.isoformat(),
                    "confidence": rng.randint(1, 5),
                    "seconds": rng.randint(5, 180),
                }
            )
        objections.append(
            {
                "id": f"o{n}",
                "text": f"Objection {n}: {_sentence(rng, 8)}",
                "theme": THEMES[n % len(THEMES)],
                "likelihood": rng.randint(1, 5),
                "draft": n % 7 == 0,
                "origin": "library" if n % 3 == 0 else "user",
                "response": _sentence(rng, 40),
                "evidence": rng.sample([e["id"] for e in evidence], rng.randint(0, 3)),
                "rehearsals": rehearsals,
            }
        )
    return {
        "name": "Large benchmark workbook",
        "scenario": "remote_hybrid",
        "manager": "Dana",
        "notes": _sentence(rng, 200),
        "self_assessment": {
            key: _sentence(rng, 60)
            for key in (
                "goals",
                "balance",
                "schedule",
                "workload",
                "role_fit",
                "work_style",
                "focus_data",
                "track_record",
                "business_case",
                "their_interests",
                "constraints",
                "precedents",
                "team_impact",
                "timing",
            )
        },
        "asks": [
            {
                "title": f"Ask {n}: {_sentence(rng, 5)}",
                "details": _sentence(rng, 20),
                "priority": "must" if n <= ASKS // 2 else "nice",
                "fallback": _sentence(rng, 6),
                "importance": rng.randint(1, 5),
                "resistance": rng.randint(1, 5),
                "draft": n % 9 == 0,
            }
            for n in range(1, ASKS + 1)
        ],
        "offers": [{"title": f"Offer {n}", "details": _sentence(rng, 10)} for n in range(1, 21)],
        "walk_away": _sentence(rng, 30),
        "objections": objections,
        "endorsements": [
            {
                "author": f"Colleague {n}",
                "relationship": ("mentor", "peer", "client", "manager", "other")[n % 5],
                "date": (date(2026, 1, 1) + timedelta(days=n)).isoformat(),
                "quote": _sentence(rng, 30),
                "speaks_to": ["reliability", "quality"][: n % 3],
                "shareable": n % 2 == 0,
            }
            for n in range(1, ENDORSEMENTS + 1)
        ],
        "evidence": evidence,
        "plan": {
            "schedule": {
                "mon": {"where": "office"},
                "tue": {"where": "remote", "hours": "08:00-16:30"},
                "wed": {"where": "office"},
                "thu": {"where": "remote"},
                "fri": {"where": "flexible", "hours": "08:00-13:00"},
            },
            "trial_weeks": 12,
            "trial_start": "2027-01-11",
            "checkin": "biweekly",
            "success_measures": [_sentence(rng, 8) for _ in range(10)],
            "coverage": _sentence(rng, 30),
            "communication": _sentence(rng, 30),
            "core_hours": "10:00-15:00",
            "response_time": "Within an hour",
            "escalation": _sentence(rng, 15),
            "alternatives": ["compressed_week", "async"],
            "review_date": "2027-04-05",
        },
        "meeting": {
            "at": "2026-12-03T10:00:00",
            "timing_notes": _sentence(rng, 20),
            "timing_checks": [],
            "talking_points": [_sentence(rng, 10) for _ in range(12)],
            "notes": _sentence(rng, 50),
            "outcome": "trial",
            "next_steps": [_sentence(rng, 8) for _ in range(6)],
        },
        "trial_log": [
            {
                "date": (date(2027, 1, 11) + timedelta(weeks=n)).isoformat(),
                "text": _sentence(rng, 25),
            }
            for n in range(12)
        ],
        "request": {"proposed_start": "2027-01-11", "previous_request": None},
    }
