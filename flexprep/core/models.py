"""SQLAlchemy models of one workbook = one negotiation (docs/design.md, "The domain")."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


class Base(DeclarativeBase):
    """Declarative base of every FlexPrep table."""


def _rating(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} BETWEEN 1 AND 5", name=f"ck_{column}_1_5")


class Workbook(Base):
    __tablename__ = "workbook"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    scenario: Mapped[str] = mapped_column(String(32), default="other")
    manager: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    walk_away: Mapped[str] = mapped_column(Text, default="")
    manager_role: Mapped[str] = mapped_column(Text, default="")
    proposal_title: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=_now)

    answers: Mapped[list[Answer]] = relationship(cascade="all, delete-orphan")
    asks: Mapped[list[Ask]] = relationship(cascade="all, delete-orphan", order_by="Ask.position")
    offers: Mapped[list[Offer]] = relationship(
        cascade="all, delete-orphan", order_by="Offer.position"
    )
    objections: Mapped[list[Objection]] = relationship(
        cascade="all, delete-orphan", order_by="Objection.position"
    )
    endorsements: Mapped[list[Endorsement]] = relationship(
        cascade="all, delete-orphan", order_by="Endorsement.position"
    )
    evidence: Mapped[list[Evidence]] = relationship(
        cascade="all, delete-orphan", order_by="Evidence.position"
    )
    trial_log: Mapped[list[TrialLogEntry]] = relationship(
        cascade="all, delete-orphan", order_by="TrialLogEntry.position"
    )
    plan: Mapped[Plan | None] = relationship(cascade="all, delete-orphan")
    meeting: Mapped[Meeting | None] = relationship(cascade="all, delete-orphan")
    request: Mapped[FormalRequest | None] = relationship(cascade="all, delete-orphan")
    about: Mapped[About | None] = relationship(cascade="all, delete-orphan")
    trial_review: Mapped[TrialReview | None] = relationship(cascade="all, delete-orphan")


class Answer(Base):
    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("workbook_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workbook_id: Mapped[int] = mapped_column(ForeignKey("workbook.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text, default="")


class Ask(Base):
    __tablename__ = "ask"
    __table_args__ = (_rating("importance"), _rating("resistance"))

    id: Mapped[int] = mapped_column(primary_key=True)
    workbook_id: Mapped[int] = mapped_column(
        ForeignKey("workbook.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[str] = mapped_column(String(8), default="must")
    fallback: Mapped[str] = mapped_column(Text, default="")
    importance: Mapped[int] = mapped_column(Integer, default=3)
    resistance: Mapped[int] = mapped_column(Integer, default=3)
    draft: Mapped[bool] = mapped_column(Boolean, default=False)
    in_request: Mapped[bool] = mapped_column(Boolean, default=False)
    outcome: Mapped[str] = mapped_column(String(16), default="open")
    outcome_note: Mapped[str] = mapped_column(Text, default="")


class Offer(Base):
    __tablename__ = "offer"

    id: Mapped[int] = mapped_column(primary_key=True)
    workbook_id: Mapped[int] = mapped_column(
        ForeignKey("workbook.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[str] = mapped_column(Text, default="")


class ObjectionEvidence(Base):
    __tablename__ = "objection_evidence"

    objection_id: Mapped[int] = mapped_column(
        ForeignKey("objection.id", ondelete="CASCADE"), primary_key=True
    )
    evidence_id: Mapped[int] = mapped_column(
        ForeignKey("evidence.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class Objection(Base):
    __tablename__ = "objection"
    __table_args__ = (_rating("likelihood"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workbook_id: Mapped[int] = mapped_column(
        ForeignKey("workbook.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")
    theme: Mapped[str] = mapped_column(String(16), default="other")
    likelihood: Mapped[int] = mapped_column(Integer, default=3)
    response: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(8), default="user")
    library_key: Mapped[str | None] = mapped_column(String(64), default=None)
    draft: Mapped[bool] = mapped_column(Boolean, default=False)

    rehearsals: Mapped[list[Rehearsal]] = relationship(
        cascade="all, delete-orphan", order_by="Rehearsal.at"
    )
    evidence_links: Mapped[list[ObjectionEvidence]] = relationship(
        cascade="all, delete-orphan", order_by="ObjectionEvidence.position"
    )


class Rehearsal(Base):
    __tablename__ = "rehearsal"
    __table_args__ = (
        _rating("confidence"),
        CheckConstraint("seconds >= 0", name="ck_seconds"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    objection_id: Mapped[int] = mapped_column(
        ForeignKey("objection.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime, default=_now)
    confidence: Mapped[int] = mapped_column(Integer)
    seconds: Mapped[int] = mapped_column(Integer, default=0)


class Endorsement(Base):
    __tablename__ = "endorsement"

    id: Mapped[int] = mapped_column(primary_key=True)
    workbook_id: Mapped[int] = mapped_column(
        ForeignKey("workbook.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    author: Mapped[str] = mapped_column(Text, default="")
    relationship: Mapped[str] = mapped_column(String(16), default="other")
    date: Mapped[date | None] = mapped_column(Date, default=None)
    quote: Mapped[str] = mapped_column(Text, default="")
    speaks_to: Mapped[list[str]] = mapped_column(JSON, default=list)
    shareable: Mapped[bool] = mapped_column(Boolean, default=False)


class Evidence(Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    workbook_id: Mapped[int] = mapped_column(
        ForeignKey("workbook.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(16), default="achievement")
    title: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[float | None] = mapped_column(Float, default=None)
    before_label: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[float | None] = mapped_column(Float, default=None)
    after_label: Mapped[str] = mapped_column(Text, default="")
    higher_is_better: Mapped[bool] = mapped_column(Boolean, default=True)


class Plan(Base):
    __tablename__ = "plan"

    workbook_id: Mapped[int] = mapped_column(
        ForeignKey("workbook.id", ondelete="CASCADE"), primary_key=True
    )
    schedule: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    trial_weeks: Mapped[int | None] = mapped_column(Integer, default=None)
    trial_start: Mapped[date | None] = mapped_column(Date, default=None)
    checkin: Mapped[str | None] = mapped_column(String(16), default=None)
    success_measures: Mapped[list[str]] = mapped_column(JSON, default=list)
    coverage: Mapped[str] = mapped_column(Text, default="")
    communication: Mapped[str] = mapped_column(Text, default="")
    core_hours: Mapped[str] = mapped_column(Text, default="")
    response_time: Mapped[str] = mapped_column(Text, default="")
    escalation: Mapped[str] = mapped_column(Text, default="")
    alternatives: Mapped[list[str]] = mapped_column(JSON, default=list)
    review_date: Mapped[date | None] = mapped_column(Date, default=None)
    current_schedule: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    deliverables: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    async_guidelines: Mapped[str] = mapped_column(Text, default="")
    time_zone: Mapped[str] = mapped_column(Text, default="")
    alternative_details: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)


class Meeting(Base):
    __tablename__ = "meeting"

    workbook_id: Mapped[int] = mapped_column(
        ForeignKey("workbook.id", ondelete="CASCADE"), primary_key=True
    )
    at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    timing_notes: Mapped[str] = mapped_column(Text, default="")
    timing_checks: Mapped[list[str]] = mapped_column(JSON, default=list)
    talking_points: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(16), default="pending")
    next_steps: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    refusal: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)


class TrialLogEntry(Base):
    __tablename__ = "trial_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    workbook_id: Mapped[int] = mapped_column(
        ForeignKey("workbook.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    date: Mapped[date | None] = mapped_column(Date, default=None)
    text: Mapped[str] = mapped_column(Text, default="")
    shareable: Mapped[bool] = mapped_column(Boolean, default=False)


class FormalRequest(Base):
    __tablename__ = "formal_request"

    workbook_id: Mapped[int] = mapped_column(
        ForeignKey("workbook.id", ondelete="CASCADE"), primary_key=True
    )
    jurisdiction: Mapped[str | None] = mapped_column(String(8), default=None)
    sent_on: Mapped[date | None] = mapped_column(Date, default=None)
    proposed_start: Mapped[date | None] = mapped_column(Date, default=None)
    previous_requests: Mapped[list[str] | None] = mapped_column(JSON, default=None)
    permanent: Mapped[bool | None] = mapped_column(Boolean, default=None)
    end_date: Mapped[date | None] = mapped_column(Date, default=None)
    reason: Mapped[str] = mapped_column(Text, default="")
    adjustment: Mapped[bool] = mapped_column(Boolean, default=False)
    circumstance: Mapped[str | None] = mapped_column(String(32), default=None)
    location: Mapped[str] = mapped_column(Text, default="")


class About(Base):
    """Who the user is: the sender of every manager-facing document."""

    __tablename__ = "about"

    workbook_id: Mapped[int] = mapped_column(
        ForeignKey("workbook.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(Text, default="")
    team: Mapped[str] = mapped_column(Text, default="")
    employer: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(Text, default="")
    employed_since: Mapped[date | None] = mapped_column(Date, default=None)


class TrialReview(Base):
    """After the trial: the results, the decision and the next review."""

    __tablename__ = "trial_review"

    workbook_id: Mapped[int] = mapped_column(
        ForeignKey("workbook.id", ondelete="CASCADE"), primary_key=True
    )
    held_on: Mapped[date | None] = mapped_column(Date, default=None)
    results: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    decision: Mapped[str | None] = mapped_column(String(8), default=None)
    conditions: Mapped[str] = mapped_column(Text, default="")
    next_review: Mapped[date | None] = mapped_column(Date, default=None)
