"""Bundled content: prompts, coaching notes, libraries and scenario drafts.

The texts live as JSON in ``resources/`` (shipped inside the installed package as
``flexprep.resources``); nothing here is read until a function is called.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from typing import Any


def resource_dir() -> Path:
    """Return the folder holding the bundled resources.

    Installed, they are the package ``flexprep.resources``; in a source checkout they
    are the top-level ``resources/`` folder beside the package.
    """
    # ``flexprep.resources`` has no __init__.py: a namespace package, whose
    # importlib.resources.files() is a MultiplexedPath, not a folder path.
    spec = importlib.util.find_spec("flexprep.resources")
    for location in (spec.submodule_search_locations or []) if spec else []:
        path = Path(location)
        if path.is_dir() and any(path.glob("*.json")):
            return path
    return Path(__file__).resolve().parent.parent.parent / "resources"


@cache
def _load(name: str) -> Any:
    with open(resource_dir() / name, encoding="utf-8") as handle:
        return json.load(handle)


def prompts(scenario_key: str | None = None) -> list[dict[str, Any]]:
    """Self-assessment prompts, in display order.

    Each: ``key``, ``title``, ``prompt``, ``coaching``, ``shareable`` (bool). With a
    scenario, its own wording replaces the general one where it has some (``prompt``,
    ``coaching``) and a prompt may carry a ``draft`` answer to start from.
    """
    general = [dict(prompt) for prompt in _load("prompts.json")["prompts"]]
    if scenario_key is None:
        return general
    own = scenario(scenario_key).get("prompts", {})
    return [{**prompt, **own.get(prompt["key"], {})} for prompt in general]


def timing_checklist() -> list[dict[str, str]]:
    """Good-timing checklist for the meeting. Each: ``key``, ``text``."""
    return list(_load("prompts.json")["timing_checklist"])


def plan_coaching() -> dict[str, Any]:
    """The Plan tab's coaching: ``alternatives`` (by key: ``explanation``,
    ``example``: the grey text of its line), ``deliverables``, ``working``,
    ``async_example``, ``time_zone_example``."""
    return dict(_load("prompts.json")["plan"])


def objection_library() -> list[dict[str, Any]]:
    """The bundled objection library.

    Each: ``key``, ``theme``, ``text``, ``response``, ``coaching``, ``evidence_hint``,
    ``statutory_ground`` (None or one of :data:`STATUTORY_GROUNDS`).
    """
    return list(_load("objections.json")["objections"])


def research_library() -> list[dict[str, Any]]:
    """The bundled, cited research findings.

    Each: ``key``, ``title``, ``figure``, ``details``, ``study``, ``authors``, ``year``,
    ``published_in``, ``limits``, ``source``.
    """
    return list(_load("research.json")["findings"])


def scenarios() -> list[dict[str, Any]]:
    """Scenarios with their drafts.

    Each: ``key``, ``label``, ``description``, ``asks`` (list of ask dicts),
    ``objections`` (library keys), ``success_measures``, ``alternatives``.
    """
    return list(_load("scenarios.json")["scenarios"])


def scenario(key: str) -> dict[str, Any]:
    """One scenario by key (``other`` when unknown)."""
    by_key = {item["key"]: item for item in scenarios()}
    return by_key.get(key, by_key["other"])


def sample_workbook_path() -> Path:
    """Path of the bundled sample workbook file (file format v1)."""
    return resource_dir() / "sample_workbook.json"


STATUTORY_GROUNDS = (
    "extra_costs",
    "customer_demand",
    "reorganise_work",
    "recruit_staff",
    "quality",
    "performance",
    "insufficient_work",
    "structural_changes",
)
