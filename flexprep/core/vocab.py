"""The fixed vocabularies of the domain model (docs/design.md), with display labels."""

from __future__ import annotations

SCENARIOS: dict[str, str] = {
    "remote_hybrid": "Remote or hybrid days",
    "flexible_hours": "Flexible hours",
    "compressed_week": "Compressed week",
    "job_share": "Job share",
    "education": "Time for a course or credential",
    "permanent_policy": "Permanent flexible policy",
    "other": "Something else",
}

PROMPT_KEYS: tuple[str, ...] = (
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
#: The one self-assessment answer written to be shown to the manager.
SHAREABLE_PROMPT_KEYS: frozenset[str] = frozenset({"business_case"})

PRIORITIES: dict[str, str] = {"must": "Must-have", "nice": "Nice-to-have"}

THEMES: dict[str, str] = {
    "visibility": "Visibility",
    "responsiveness": "Responsiveness",
    "collaboration": "Collaboration & team cohesion",
    "coverage": "Coverage & hand-offs",
    "performance": "Measuring performance",
    "fairness": "Fairness & precedent",
    "policy": "Policy",
    "clients": "Clients",
    "security": "Security & tools",
    "cost": "Cost",
    "other": "Other",
}

ORIGINS: dict[str, str] = {"library": "From the library", "user": "My own"}

RELATIONSHIPS: dict[str, str] = {
    "mentor": "Mentor",
    "peer": "Peer",
    "client": "Client",
    "manager": "Manager",
    "other": "Other",
}

SPEAKS_TO: dict[str, str] = {
    "reliability": "Reliability",
    "communication": "Communication",
    "adaptability": "Adaptability",
    "quality": "Quality",
    "other": "Other",
}

EVIDENCE_KINDS: dict[str, str] = {
    "metric": "Metric",
    "achievement": "Achievement",
    "research": "Research fact",
    "precedent": "Internal precedent",
}

WEEKDAYS: dict[str, str] = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}

WHERE: dict[str, str] = {
    "office": "Office",
    "remote": "Remote",
    "off": "Off",
    "flexible": "Flexible",
}

CHECKINS: dict[str, str] = {"weekly": "Weekly", "biweekly": "Every two weeks", "monthly": "Monthly"}

ALTERNATIVES: dict[str, str] = {
    "compressed_week": "Compressed week",
    "job_share": "Job share",
    "async": "Asynchronous work",
    "phased_start": "Phased start",
    "other": "Other",
}

OUTCOMES: dict[str, str] = {
    "pending": "Pending",
    "agreed": "Agreed",
    "trial": "Agreed as a trial",
    "declined": "Declined",
    "deferred": "Deferred",
}

#: What the trial review decided about the arrangement.
REVIEW_DECISIONS: dict[str, str] = {
    "renew": "Renew as it is",
    "adjust": "Renew with changes",
    "end": "End the arrangement",
}

DOCUMENTS: dict[str, str] = {
    "brief": "My brief",
    "proposal": "Proposal",
    "followup": "Follow-up",
    "letter": "Formal request letter",
    "appeal": "Reply to a refusal",
    "review": "Trial review",
}

#: Where the request is made: each has a cited rule set in ``resources/law/``.
JURISDICTIONS: dict[str, str] = {
    "gb": "Great Britain (England, Scotland, Wales)",
    "ni": "Northern Ireland",
    "ie": "Ireland",
    "au": "Australia",
    "nz": "New Zealand",
    "other": "Elsewhere (a formal request under no statute)",
}

#: What became of one ask after the meeting.
ASK_OUTCOMES: dict[str, str] = {
    "open": "Not decided yet",
    "agreed": "Agreed",
    "changed": "Agreed with changes",
    "declined": "Not agreed",
}

#: The circumstance a request rests on, where the jurisdiction asks for one
#: (Australia: the first seven; Ireland: remote, parent, carer).
CIRCUMSTANCES: dict[str, str] = {
    "pregnant": "Pregnant",
    "parent": "Parent or carer of a child",
    "carer": "Carer",
    "disability": "Living with a disability",
    "age_55": "Aged 55 or older",
    "family_violence": "Experiencing family or domestic violence",
    "supporting_family_violence": "Supporting a family or household member experiencing "
    "family or domestic violence",
    "remote": "Remote working (any employee)",
}
